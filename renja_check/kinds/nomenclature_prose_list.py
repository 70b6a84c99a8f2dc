"""The ``prose_list_spelling`` and ``prose_list_entry`` checks of the ``nomenclature`` kind.

Each sub kegiatan of a prose list (table role ``daftar_program``) not budgeted under its
name is matched with the budgeted sub kegiatan of the plan tables, preferably those of its
kegiatan that the list does not name (its place): a close but unequal name is a
misspelling (``prose_list_spelling``); a name that is (or is a slightly misprinted form
of: ``name_score`` >= ``entry_score``) another official entry at the place of a budgeted
one is a different entry (``prose_list_entry``). One listed item gives at most one of the two.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..corpus import MATCH_CUTOFF, generic_code, guarded_score
from ..finding import Finding
from ..models import Document, Node, Table
from ..text import norm_name
from .base import run_memo
from .nomenclature_cross import similar
from .nomenclature_names import name_score, render_diff, same_name, word_diff

BUDGET_ROLES = ("rencana", "rkpd_akhir", "kebutuhan", "rkpd_awal")


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
    hit = memo.get("nomenclature_prose_list.listed")
    if hit is None:
        hit = memo["nomenclature_prose_list.listed"] = list(_listing(ctx))
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
    best = max(place, key=lambda b: similar(n.name, b.name))
    if len(place) > 1 and similar(n.name, best.name) < p.similarity:
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
        yield _against_budgeted(
            rule,
            ctx,
            doc,
            lt,
            n,
            best,
            values={"diff_id": render_diff(pairs, "id"), "diff_en": render_diff(pairs, "en")},
            evidence={"score": round(score, 1), "diff": [list(x) for x in pairs]},
            suggestion={"id": f"Tulis: {best.name}", "en": f"Write: {best.name}"},
        )


def prose_list_entry(rule, ctx, p) -> Iterator[Finding]:
    for doc, lt, n, _budget, place, keg_code in _listed(ctx, p):
        hit = _other_entry(ctx, doc, n, place, keg_code, p)
        if hit is None:
            continue
        best, entries = hit
        yield _against_budgeted(
            rule,
            ctx,
            doc,
            lt,
            n,
            best,
            values={"listed_code": _concrete(entries[0].code, best.code), "listed_name": entries[0].name},
            evidence={
                "listed_codes": [e.code for e in entries],
                "listed_score": round(name_score(n.name, entries[0].name), 1),
            },
        )


def _against_budgeted(rule, ctx, doc, lt, n: Node, best: Node, values, evidence, suggestion=None) -> Finding:
    """A finding on listed item ``n`` of list table ``lt`` against budgeted sub kegiatan
    ``best``: its name expected, the budgeted row named first in values and evidence."""
    return ctx.finding(
        rule,
        doc,
        table=lt,
        subject=n,
        expected=best.name,
        found=n.name,
        values={"budgeted": best.name, "budget_code": best.code or "-", **values},
        suggestion=suggestion,
        evidence={"budget_node": best.id, "budget_line": best.span.line_start, **evidence},
    )


def _concrete(code: str, like: Optional[str]) -> str:
    if code.startswith("X.XX") and like and len(like.split(".")) > 2:
        return code.replace("X.XX", ".".join(like.split(".")[:2]), 1)
    return code
