"""The set checks of the ``cross_document`` kind: they get the whole matching of a Renja
table with the other document's and yield findings. Rows present on one side only
(``missing_in_renja``, ``missing_in_other``; a row printed under another code is named as
the row it may be), and the RPJMD's assignment of programs to agencies (``assigned``,
``assigned_missing``). ``belongs`` says which rows of a pemda-wide document are the agency's.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..models import Node
from ..text import norm_name
from .cross_document_sources import Side
from .cross_presence import cap
from .labels import bilingual, node_label, rp
from .match import usable_code
from .tree import pagu_value, plan_year


def _agency_keys(r: Side, dossier) -> set[str]:
    keys = {r.doc.kode_skpd, dossier.agency, norm_name(r.doc.perangkat_daerah or "")}
    return {k for k in keys if k}


def belongs(node: Node, r: Side, dossier, strict: bool = False) -> bool:
    """A row of a pemda-wide document is the agency's (rows naming no agency count, unless strict)."""
    if not node.agencies:
        return not strict
    keys = _agency_keys(r, dossier)
    return not keys or any(a in keys or norm_name(a) in keys for a in node.agencies)


def _agency(r: Side) -> Optional[str]:
    """The Renja's agency, in the key of a finding placed on a pemda-wide document's row."""
    return r.doc.kode_skpd or r.doc.perangkat_daerah


def side_year(r: Side) -> Optional[str]:
    """The Renja side's plan year: its document's year, else its table's first year (``plan_year``)."""
    return plan_year(r.doc, r.table)


def missing_in_renja(rule, ctx, p, r, o, m, base) -> Iterator:
    if not r.table.complete:
        return
    # a row under another code in the Renja (match.recoded) is still not this RKPD row: reported,
    # the message naming the row it may be
    twin = {id(b): a for a, b in m.recoded}
    for n in m.only_b + [b for _, b in m.recoded]:
        if not belongs(n, r, ctx.dossier):
            continue
        vals = _row_values(base, n, r, twin.get(id(n)), "Renja")
        yield ctx.finding(
            rule,
            o.doc,
            table=o.table,
            subject=n,
            expected=n.code or n.name,
            values=vals,
            evidence={p.against: o.where(n), "renja": r.where(), **_pair(n, twin.get(id(n)))},
            key=("missing_in_renja", _agency(r), r.table.id),
        )


def _row_values(base: dict, n, r, twin, where: str) -> dict:
    """Template values of a row present on one side only (its twin: the same row recoded)."""
    return dict(_node_values(base, n), pagu=rp(pagu_value(n, side_year(r) or "")), **_recoded_txt(twin, where))


def _node_values(base: dict, n: Node) -> dict:
    """The rule's base values and the row named in both languages (``node``, ``Node`` capitalised)."""
    return dict(
        base,
        **bilingual(
            node=(node_label(n, "id"), node_label(n, "en")),
            Node=(cap(node_label(n, "id")), cap(node_label(n, "en"))),
        ),
    )


def missing_in_other(rule, ctx, p, r, o, m, base) -> Iterator:
    if not o.table.complete:
        return
    twin = {id(a): b for a, b in m.recoded}
    for n in m.only_a + [a for a, _ in m.recoded]:
        vals = _row_values(base, n, r, twin.get(id(n)), o.doc.doc_type.upper())
        yield ctx.finding(
            rule,
            r.doc,
            table=r.table,
            subject=n,
            found=n.code or n.name,
            values=vals,
            evidence={"renja": r.where(n), p.against: o.where(), **_pair(twin.get(id(n)), n)},
            key=(p.against, o.table.id),
        )


def _pair(other_row: Optional[Node], renja_row: Optional[Node]) -> dict:
    """``{"pair": [code in the other document, code in the Renja]}`` for one row printed under
    two codes (``match.recoded``): the key that folds the two documents' view of it into one."""
    if other_row is None or renja_row is None:
        return {}
    return {"pair": [other_row.code or other_row.name, renja_row.code or renja_row.name]}


def _recoded_txt(other: Optional[Node], where: str) -> dict:
    """ "; under the same kegiatan the Renja has sub kegiatan X ...": the row it may be (match.recoded)."""
    if other is None:
        return bilingual(recoded_txt=("", ""))
    return bilingual(
        recoded_txt=(
            f"; di bawah kegiatan yang sama {where} memuat {node_label(other, 'id')} dengan pagu atau nama "
            f"serupa, mungkin baris yang sama dengan kode lain",
            f"; under the same kegiatan the {where} has {node_label(other, 'en')} with a similar pagu or name, "
            f"perhaps the same row under another code",
        )
    )


def _programs(side: Side, pred) -> list[Node]:
    return [n for n in side.table.nodes if n.level == "program" and pred(n)]


def _penunjang(n: Node, skip: bool) -> bool:
    code = usable_code(n) or ""
    return skip and len(code.split(".")) == 3 and code.split(".")[2] == "01"


def assigned(rule, ctx, p, r, o, m, base) -> Iterator:
    """A Renja program the RPJMD does not assign to this agency."""
    theirs = {usable_code(n) for n in _programs(o, lambda n: belongs(n, r, ctx.dossier, strict=True))}
    if not any(n.agencies for n in o.table.nodes if n.level == "program"):
        return
    for n in _programs(r, lambda n: usable_code(n) and not _penunjang(n, p.skip_penunjang)):
        if usable_code(n) in theirs:
            continue
        other = next((x for x in o.table.nodes if x.level == "program" and usable_code(x) == usable_code(n)), None)
        vals = dict(
            _node_values(base, n),
            assigned_to=", ".join(other.agencies) if other is not None and other.agencies else "-",
        )
        yield ctx.finding(
            rule,
            r.doc,
            table=r.table,
            subject=n,
            found=usable_code(n),
            values=vals,
            evidence={"renja": r.where(n), p.against: o.where(other)},
            key=(p.against, o.table.id),
        )


def assigned_missing(rule, ctx, p, r, o, m, base) -> Iterator:
    """An RPJMD program assigned to this agency that its Renja does not carry."""
    ours = {usable_code(n) for n in _programs(r, lambda n: True)}
    for n in _programs(o, lambda n: belongs(n, r, ctx.dossier, strict=True)):
        if usable_code(n) in ours or _penunjang(n, p.skip_penunjang):
            continue
        vals = _node_values(base, n)
        yield ctx.finding(
            rule,
            o.doc,
            table=o.table,
            subject=n,
            expected=usable_code(n) or n.name,
            values=vals,
            evidence={p.against: o.where(n), "renja": r.where()},
            key=("assigned_missing", _agency(r), r.table.id),
        )
