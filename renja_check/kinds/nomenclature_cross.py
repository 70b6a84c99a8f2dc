"""Nomenclature checks that look at more than one node: across tables, prose lists, indicators.

* ``cross_table`` (here): in two plan tables of one document (Tabel 2.5 sides, the plan
  table, the RKPD table) a kegiatan holds a sub kegiatan in one table and, at the same
  place in the other, a sub kegiatan with a similar name but another official code:
  one node named as two different official entries.
* ``prose_list_spelling`` / ``prose_list_entry`` (``nomenclature_prose_list``): each sub
  kegiatan of a prose list (table role ``daftar_program``) is matched with the budgeted
  sub kegiatan of the plan tables; a close but unequal name is a misspelling, a name that
  is (or is a slightly misprinted form of: ``name_score`` >= ``entry_score``) another
  official entry at the place of a budgeted one is a different entry. One listed item
  gives at most one of the two.
* ``indicator`` / ``satuan`` (``nomenclature_indicator``): a sub kegiatan's indicator and
  unit against the standard indicator of the corpus, where it has one.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator, Optional

from rapidfuzz import fuzz

from ..finding import Finding
from ..models import Node, Table
from ..text import norm_name
from .nomenclature_names import name_score
from .labels import table_label

PLAN_ROLES = ("rkpd_awal", "kebutuhan", "rencana", "rkpd_akhir")
CODED = ("printed", "resolved")


def _kegiatan_key(node: Node, by_id: dict[str, Node]) -> Optional[str]:
    if node.code and node.code_status in CODED and len(node.code.split(".")) == 6:
        return ".".join(node.code.split(".")[:5])
    par = by_id.get(node.parent or "")
    if par is not None and par.level == "kegiatan":
        return par.code or f"name:{norm_name(par.name)}"
    return None


def _subs_by_kegiatan(table: Table) -> dict[str, list[Node]]:
    by_id = {n.id: n for n in table.nodes}
    out: dict[str, list[Node]] = {}
    for n in table.nodes:
        if n.level == "subkegiatan":
            k = _kegiatan_key(n, by_id)
            if k:
                out.setdefault(k, []).append(n)
    return out


def similar(a: str, b: str) -> float:
    """Word-order-free similarity (0-100) of two names, normalised."""
    return fuzz.token_sort_ratio(norm_name(a), norm_name(b))


def cross_table(rule, ctx, p) -> Iterator[Finding]:
    roles = p.roles or list(PLAN_ROLES)
    for doc in ctx.dossier.documents:
        tables = [t for t in doc.tables if t.role in roles]
        reported: set[frozenset] = set()
        for t1, t2 in combinations(tables, 2):
            g1, g2 = _subs_by_kegiatan(t1), _subs_by_kegiatan(t2)
            for keg in g1.keys() & g2.keys():
                c2 = {n.code for n in g2[keg] if n.code}
                c1 = {n.code for n in g1[keg] if n.code}
                only1 = [n for n in g1[keg] if n.code and n.code not in c2]
                only2 = [n for n in g2[keg] if n.code and n.code not in c1]
                for a, b in _pair(only1, only2, p.similarity):
                    key = frozenset((a.code, b.code))
                    if key in reported:
                        continue
                    reported.add(key)
                    likely = _direction(ctx, a, b, p)
                    ev = {
                        "table1": t1.id,
                        "node1": a.id,
                        "code1": a.code,
                        "line1": a.span.line_start,
                        "table2": t2.id,
                        "node2": b.id,
                        "code2": b.code,
                        "line2": b.span.line_start,
                    }
                    if likely:
                        ev.update({"likely_code": likely[0], "indicator": likely[1]})
                    yield ctx.finding(
                        rule,
                        doc,
                        table=t2,
                        subject=b,
                        expected=a.name,
                        found=b.name,
                        key=sorted(key),
                        values={
                            "table1": table_label(t1, "id"),
                            "table2": table_label(t2, "id"),
                            "table1_en": table_label(t1, "en"),
                            "table2_en": table_label(t2, "en"),
                            "name1": a.name,
                            "code1": a.code,
                            "name2": b.name,
                            "code2": b.code,
                            "direction_id": f" Indikatornya adalah indikator standar {likely[0]}, "
                            f"jadi nama {likely[0]} kemungkinan yang benar."
                            if likely
                            else "",
                            "direction_en": f" Its indicator is the standard indicator of {likely[0]}, "
                            f"so the name of {likely[0]} is likely right."
                            if likely
                            else "",
                        },
                        suggestion=_likely_suggestion(likely, a, b),
                        evidence=ev,
                    )


def _pair(xs: list[Node], ys: list[Node], similarity: float) -> list[tuple[Node, Node]]:
    """Nodes left unmatched on both sides, paired greedily by name similarity."""
    out, used = [], set()
    for a in xs:
        best = max(
            ((j, similar(a.name, b.name)) for j, b in enumerate(ys) if j not in used), key=lambda t: t[1], default=None
        )
        if best and best[1] >= similarity:
            used.add(best[0])
            out.append((a, ys[best[0]]))
    return out


def _likely_suggestion(likely, a: Node, b: Node) -> Optional[dict[str, str]]:
    if not likely:
        return None  # the rule's own suggestion
    name = a.name if a.code == likely[0] else b.name
    return {
        "id": f"Kemungkinan yang dimaksud {likely[0]} {name}; samakan nama dan kode di semua tabel.",
        "en": f"Likely meant: {likely[0]} {name}; use the same name and code in every table.",
    }


def _direction(ctx, a: Node, b: Node, p) -> Optional[tuple[str, str]]:
    """(code, indicator text) when the rows' indicator is the standard indicator of exactly one of the two codes."""
    nom = ctx.corpus.nomenclature
    texts = [i.text for i in a.indicators + b.indicators if i.text]
    hits = []
    for node in (a, b):
        e = nom.get(node.code)
        std = e.indikator if e is not None else ""
        t = next(
            (t for t in texts if std and (norm_name(t) == norm_name(std) or name_score(t, std) >= p.indicator_score)),
            None,
        )
        if t is not None:
            hits.append((node.code, t))
    return hits[0] if len(hits) == 1 else None
