"""Field ``presence`` of the ``cross_table`` kind: a node in one table and not in the other.

A node left over on each side under the same kegiatan, with a similar name or the same
pagu, is one row printed under two codes (``match.Matching.recoded``): it is reported
once as such, never as two missing rows.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..finding import Finding
from ..models import Document, Node, Table
from .labels import bilingual, node_label, rp, table_label, year_phrase
from .match import Matching, same_pagu, usable_code
from .tree import pagu_value, plan_year


def cap(text: str) -> str:
    """First letter upper case: a node label opening a sentence."""
    return text[:1].upper() + text[1:]


def _pagu_txt(n: Node, year: Optional[str]) -> tuple[str, str]:
    v = pagu_value(n, year) if year else None
    if v is None:
        return "", ""
    return (f" (pagu{year_phrase(year, True, 'id')} {rp(v)})", f" (pagu{year_phrase(year, True, 'en')} {rp(v)})")


def presence(
    rule, ctx, m: Matching, da: Document, a: Table, db: Document, b: Table, base: dict, sev
) -> Iterator[Finding]:
    yield from _missing(rule, ctx, m.only_a, da, a, b, base, sev, "a")
    yield from _missing(rule, ctx, m.only_b, db, b, a, base, sev, "b")
    for na, nb in m.recoded:
        yield _recoded(rule, ctx, na, nb, db, a, b, base, sev)


def _missing(rule, ctx, nodes, doc, here, other, base, sev, side) -> Iterator[Finding]:
    if not other.complete:
        return
    year = plan_year(doc, here)
    for n in nodes:
        vals = dict(
            base,
            **bilingual(
                Node=(cap(node_label(n, "id")), cap(node_label(n, "en"))),
                pagu_txt=_pagu_txt(n, year),
                where=(
                    f"ada pada {table_label(here, 'id')} tetapi tidak ada pada {table_label(other, 'id')}",
                    f"is in {table_label(here, 'en')} but not in {table_label(other, 'en')}",
                ),
            ),
        )
        yield ctx.finding(
            rule,
            doc,
            table=here,
            subject=n,
            found=n.name,
            values=vals,
            severity=sev,
            evidence={
                "present_in": here.id,
                "absent_from": other.id,
                "pagu": pagu_value(n, year) if year else None,
                "side": side,
            },
            key=other.id,
        )


def _recoded(rule, ctx, na: Node, nb: Node, db, a: Table, b: Table, base, sev) -> Finding:
    year = plan_year(db, b)
    money = same_pagu(na, nb)
    codes = bool(usable_code(na) and usable_code(nb))
    why_id = "di bawah kegiatan yang sama dengan " + ("pagu yang sama" if money else "nama yang mirip")
    why_en = "under the same kegiatan with " + ("the same pagu" if money else "a similar name")
    what = ("kode", "codes") if codes else ("kode atau nama", "codes or names")
    vals = dict(
        base,
        **bilingual(
            Node=(cap(node_label(nb, "id")), cap(node_label(nb, "en"))),
            pagu_txt=_pagu_txt(nb, year),
            where=(
                f"pada {table_label(b, 'id')} tertulis sebagai {node_label(na, 'id')} pada "
                f"{table_label(a, 'id')}, {why_id}: satu baris dengan dua {what[0]}, bukan sub "
                f"kegiatan yang hilang",
                f"in {table_label(b, 'en')} is printed as {node_label(na, 'en')} in "
                f"{table_label(a, 'en')}, {why_en}: one row under two {what[1]}, not a missing "
                f"sub kegiatan",
            ),
        ),
    )
    return ctx.finding(
        rule,
        db,
        table=b,
        subject=nb,
        expected=na.code or na.name,
        found=nb.code or nb.name,
        values=vals,
        severity=sev,
        evidence={
            "recoded": True,
            "a": {"table": a.id, "locator": na.id, "code": na.code, "name": na.name, "line": na.span.line_start},
            "b": {"table": b.id, "locator": nb.id, "code": nb.code, "name": nb.name, "line": nb.span.line_start},
            "same_pagu": money,
        },
        key=(a.id, "recoded"),
    )
