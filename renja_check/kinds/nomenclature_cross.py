"""Nomenclature checks that look at more than one node: across tables, prose lists, indicators.

* ``cross_table``: in two plan tables of one document (Tabel 2.5 sides, the plan
  table, the RKPD table) a kegiatan holds a sub kegiatan in one table and, at the same
  place in the other, a sub kegiatan with a similar name but another official code:
  one node named as two different official entries.
* ``prose_list_spelling`` / ``prose_list_entry``: each sub kegiatan of a prose list
  (table role ``daftar_program``) is matched with the budgeted sub kegiatan of the
  plan tables; a close but unequal name is a misspelling, a name that is (or is a
  slightly misprinted form of: ``name_score`` >= ``entry_score``) another official
  entry at the place of a budgeted one is a different entry. One listed item gives
  at most one of the two.
* ``indicator`` / ``satuan``: a sub kegiatan's indicator and unit against the standard
  indicator of the corpus, where it has one.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator, Optional

from rapidfuzz import fuzz

from ..corpus import MATCH_CUTOFF, generic_code, guarded_score
from ..finding import Finding
from ..models import Document, Node, Table
from ..text import norm_name
from .nomenclature_names import name_score, render_diff, same_name, word_diff
from .base import run_memo
from .labels import table_label

PLAN_ROLES = ("rkpd_awal", "kebutuhan", "rencana", "rkpd_akhir")
BUDGET_ROLES = ("rencana", "rkpd_akhir", "kebutuhan", "rkpd_awal")
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


def _similar(a: str, b: str) -> float:
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
            ((j, _similar(a.name, b.name)) for j, b in enumerate(ys) if j not in used), key=lambda t: t[1], default=None
        )
        if best and best[1] >= similarity:
            used.add(best[0])
            out.append((a, ys[best[0]]))
    return out


def _budget_tables(doc: Document) -> list[Table]:
    for role in BUDGET_ROLES:
        ts = doc.tables_with_role(role)
        if ts:
            return ts
    return []


def _listed(ctx, p) -> list[tuple[Document, Table, Node, list[Node], list[Node], Optional[str]]]:
    """``_listing(ctx)``, worked out once per check (both prose-list rules read it; never changed)."""
    memo = run_memo()
    if memo is None:
        return list(_listing(ctx))
    hit = memo.get("nomenclature_cross.listed")
    if hit is None:
        hit = memo["nomenclature_cross.listed"] = list(_listing(ctx))
    return hit


def _listing(ctx) -> Iterator[tuple[Document, Table, Node, list[Node], list[Node], Optional[str]]]:
    """Each listed sub kegiatan not budgeted under its name.

    Yields (doc, list table, node, all budgeted, same place, kegiatan code of the place).
    """
    nom = ctx.corpus.nomenclature
    for doc in ctx.dossier.documents:
        lists = doc.tables_with_role("daftar_program")
        budget = [n for t in _budget_tables(doc) for n in t.nodes if n.level == "subkegiatan"]
        if not lists or not budget:
            continue
        names = {norm_name(n.name) for n in budget}
        keg_names = {}
        for t in _budget_tables(doc):
            for n in t.nodes:
                if n.level == "kegiatan":
                    keg_names.setdefault(norm_name(n.name), n.code)
        for lt in lists:
            by_id = {n.id: n for n in lt.nodes}
            siblings: dict[Optional[str], list[Node]] = {}
            for n in lt.nodes:
                if n.level == "subkegiatan":
                    siblings.setdefault(n.parent, []).append(n)
            for n in lt.nodes:
                if n.level != "subkegiatan" or norm_name(n.name) in names:
                    continue
                if any(same_name(n.name, b.name, nom, "subkegiatan") for b in budget):
                    continue
                par = by_id.get(n.parent or "")
                keg_code = (par.code if par and par.code else keg_names.get(norm_name(par.name))) if par else None
                place = [b for b in budget if keg_code and b.code and b.code.startswith(keg_code + ".")]
                # a budgeted sub kegiatan of that kegiatan that the list does not name
                listed = {norm_name(s.name) for s in siblings.get(n.parent, [])}
                place = [b for b in place if norm_name(b.name) not in listed]
                yield doc, lt, n, budget, place, keg_code


def _listed_entries(ctx, doc: Document, n: Node, keg_code: Optional[str], p) -> list:
    """Official sub kegiatan a listed name means: its exact name, else a close official name."""
    nom = ctx.corpus.nomenclature
    exact = nom.by_exact_name(n.name, "subkegiatan")
    if exact:
        return exact
    cands = [m.entry for m in nom.match_name(n.name, "subkegiatan", bidang=doc.bidang)]
    if keg_code:
        cands += nom.children(keg_code)
    scored = {e.code: (name_score(n.name, e.name), e) for e in cands}
    return [e for sc, e in sorted(scored.values(), key=lambda t: -t[0]) if sc >= p.entry_score]


def _other_entry(ctx, doc, n, place, keg_code, p):
    """(budgeted node, listed entries) when the listed name is another official entry than the budgeted one."""
    if not place:
        return None
    entries = _listed_entries(ctx, doc, n, keg_code, p)
    if not entries:
        return None
    best = max(place, key=lambda b: _similar(n.name, b.name))
    if len(place) > 1 and _similar(n.name, best.name) < p.similarity:
        return None
    if best.code and generic_code(best.code) in {generic_code(e.code) for e in entries}:
        return None
    return best, entries


def prose_list_spelling(rule, ctx, p) -> Iterator[Finding]:
    nom = ctx.corpus.nomenclature
    for doc, lt, n, budget, place, keg_code in _listed(ctx, p):
        if nom.by_exact_name(n.name, "subkegiatan") or _other_entry(ctx, doc, n, place, keg_code, p):
            continue  # an official name: ``prose_list_entry``
        pool = place or budget
        best = max(pool, key=lambda b: guarded_score(norm_name(n.name), norm_name(b.name)))
        score = guarded_score(norm_name(n.name), norm_name(best.name))
        if score < MATCH_CUTOFF:
            continue
        pairs = word_diff(n.name, best.name)
        yield ctx.finding(
            rule,
            doc,
            table=lt,
            subject=n,
            expected=best.name,
            found=n.name,
            values={
                "budgeted": best.name,
                "budget_code": best.code or "-",
                "diff_id": render_diff(pairs, "id"),
                "diff_en": render_diff(pairs, "en"),
            },
            suggestion={"id": f"Tulis: {best.name}", "en": f"Write: {best.name}"},
            evidence={
                "budget_node": best.id,
                "budget_line": best.span.line_start,
                "score": round(score, 1),
                "diff": [list(x) for x in pairs],
            },
        )


def prose_list_entry(rule, ctx, p) -> Iterator[Finding]:
    for doc, lt, n, _budget, place, keg_code in _listed(ctx, p):
        hit = _other_entry(ctx, doc, n, place, keg_code, p)
        if hit is None:
            continue
        best, entries = hit
        yield ctx.finding(
            rule,
            doc,
            table=lt,
            subject=n,
            expected=best.name,
            found=n.name,
            values={
                "budgeted": best.name,
                "budget_code": best.code or "-",
                "listed_code": _concrete(entries[0].code, best.code),
                "listed_name": entries[0].name,
            },
            evidence={
                "budget_node": best.id,
                "budget_line": best.span.line_start,
                "listed_codes": [e.code for e in entries],
                "listed_score": round(name_score(n.name, entries[0].name), 1),
            },
        )


def _concrete(code: str, like: Optional[str]) -> str:
    if code.startswith("X.XX") and like and len(like.split(".")) > 2:
        return code.replace("X.XX", ".".join(like.split(".")[:2]), 1)
    return code


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


def _standard(ctx, node: Node):
    if node.level != "subkegiatan" or not node.code or node.code_status not in CODED:
        return None
    e = ctx.corpus.nomenclature.get(node.code)
    return e if e is not None and e.indikator else None


def _plan_nodes(ctx, p):
    roles = p.roles or list(PLAN_ROLES)
    for doc in ctx.dossier.documents:
        for t in doc.tables:
            if t.role in roles:
                for n in t.nodes:
                    e = _standard(ctx, n)
                    if e is not None and n.indicators:
                        yield doc, t, n, e


def _ind_close(a: str, b: str, similarity: float) -> bool:
    return norm_name(a) == norm_name(b) or fuzz.token_sort_ratio(norm_name(a), norm_name(b)) >= similarity


def indicator(rule, ctx, p) -> Iterator[Finding]:
    for doc, t, n, e in _plan_nodes(ctx, p):
        if any(_ind_close(i.text, e.indikator, p.similarity) for i in n.indicators):
            continue
        yield ctx.finding(
            rule,
            doc,
            table=t,
            subject=n,
            expected=e.indikator,
            found=n.indicators[0].text,
            values={"standard": e.indikator},
            suggestion={
                "id": f"Indikator standar: {e.indikator} ({e.satuan})",
                "en": f"Standard indicator: {e.indikator} ({e.satuan})",
            },
            evidence={"code": n.code, "indicators": [i.text for i in n.indicators]},
        )


def satuan(rule, ctx, p) -> Iterator[Finding]:
    for doc, t, n, e in _plan_nodes(ctx, p):
        if not e.satuan:
            continue
        ind = next((i for i in n.indicators if _ind_close(i.text, e.indikator, p.similarity)), None)
        if ind is None:
            continue  # the indicator itself differs: ``indicator``
        units = {q.unit for q in ind.targets.values() if q.unit}
        bad = sorted(u for u in units if norm_name(u) != norm_name(e.satuan))
        if bad:
            yield ctx.finding(
                rule,
                doc,
                table=t,
                subject=n,
                expected=e.satuan,
                found=bad[0],
                values={"standard": e.satuan},
                evidence={"code": n.code, "units": sorted(units)},
            )


CHECKS = {
    "cross_table": cross_table,
    "prose_list_spelling": prose_list_spelling,
    "prose_list_entry": prose_list_entry,
    "indicator": indicator,
    "satuan": satuan,
}
