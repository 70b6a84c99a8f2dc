"""Count claims ("30 Sub Kegiatan") against the rows a table lists."""

from __future__ import annotations

from typing import Optional

from ..finding import Finding
from ..models import Claim, Document, Node, Table
from ..text import norm_name, norm_space
from .labels import LEVEL_EN, LEVEL_ID, bilingual, table_label
from .tree import Tree, pagu, pagu_value, plan_year, table_tree

MAX_NAMED = 10


def node_key(n: Node) -> Optional[tuple]:
    if n.code:
        return ("code", n.code)
    if n.name.strip():
        return ("name", norm_name(n.name))
    return None


def amount(tree: Tree, n: Node, year: str) -> Optional[int]:
    """The node's pagu for the year: printed, else the sum of its descendants; None if unknown.

    An unreadable amount counts as money (-1): it is not a zero-pagu row.
    """
    m = pagu(n, year)
    if m is not None and m.status != "empty":
        v = pagu_value(n, year)
        return -1 if v is None else v
    kids = [amount(tree, k, year) for k in tree.children(n)]
    kids = [k for k in kids if k is not None]
    if not kids:
        return 0 if m is not None else None
    return -1 if any(k < 0 for k in kids) else sum(kids)


def fallback_text(referred: Optional[Table], used: Table) -> tuple[str, str]:
    """The message sentence saying a claim was compared with another table than the one it names."""
    if referred is None:
        return "", ""
    return (
        f" Catatan: tabel yang dirujuk ({table_label(referred, 'id')}) tidak lengkap; "
        f"dibandingkan dengan {table_label(used, 'id')}.",
        f" Note: the table referred to ({table_label(referred, 'en')}) is incomplete; "
        f"compared with {table_label(used, 'en')}.",
    )


def count_finding(
    rule, ctx, doc: Document, c: Claim, t: Table, zero_only: bool, referred: Optional[Table] = None
) -> Optional[Finding]:
    """A finding when the claimed count differs from the rows of ``t``.

    ``referred``: the incomplete table the claim names, when ``t`` replaces it (fallback).
    """
    if c.subject is None or c.value is None:
        return None
    tree = table_tree(t)
    year = str(c.year) if c.year else plan_year(doc, t)
    keys: dict[tuple, list[Node]] = {}
    for n in t.nodes:
        if n.level == c.subject and node_key(n):
            keys.setdefault(node_key(n), []).append(n)
    listed = len(keys)
    if listed == 0 or listed == c.value:
        return None
    zero = []
    for nodes in keys.values():
        amounts = [amount(tree, n, year) for n in nodes] if year else [None]
        if all(a == 0 for a in amounts):
            zero.append(nodes[0])
    with_pagu = listed - len(zero)
    explained = bool(zero) and with_pagu == c.value
    if explained != zero_only:
        return None
    subj_id, subj_en = LEVEL_ID[c.subject], LEVEL_EN[c.subject]
    names = "; ".join(f"{(n.code or '')} {n.name}".strip() for n in zero[:MAX_NAMED])
    if len(zero) > MAX_NAMED:
        names += f"; ... (+{len(zero) - MAX_NAMED})"
    if zero:
        zero_txt = (
            f", {len(zero)} di antaranya berpagu nol/kosong ({names}): {with_pagu} berpagu",
            f", {len(zero)} of them with zero/empty pagu ({names}): {with_pagu} with pagu",
        )
    else:
        zero_txt = (", tidak ada yang berpagu nol/kosong", ", none with zero/empty pagu")
    vals = bilingual(
        table=(table_label(t, "id"), table_label(t, "en")),
        subject=(subj_id, subj_en),
        zero_txt=zero_txt,
        usulan=(" usulan" if c.qualifier else "", " proposed" if c.qualifier else ""),
        fallback_txt=fallback_text(referred, t),
    )
    vals.update(
        claimed=str(c.value),
        listed=str(listed),
        with_pagu=str(with_pagu),
        raw=norm_space(c.raw),
        section=c.section or "",
    )
    return ctx.finding(
        rule,
        doc,
        table=t,
        subject=c,
        locator=c.id,
        expected=listed,
        found=c.value,
        difference=c.value - listed,
        values=vals,
        key=c.subject,
        evidence={
            "subject": c.subject,
            "claimed": c.value,
            "listed": listed,
            "with_pagu": with_pagu,
            "zero_pagu": [{"locator": n.id, "code": n.code, "name": n.name} for n in zero],
            "year": year,
            "table": t.id,
            "qualifier": c.qualifier,
            "referred_table": referred.id if referred is not None else None,
            "sentence": norm_space(c.sentence),
        },
    )
