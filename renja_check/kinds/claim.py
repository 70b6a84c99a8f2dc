"""Kind ``claim``: prose statements honoured by the tables they refer to.

``check``:
- ``count``: "3 Program, 12 Kegiatan dan 30 Sub Kegiatan" vs the distinct codes (else
  names) of that level in the table the claim refers to; rows with zero/empty pagu are
  counted apart so the message says whether they explain the gap;
- ``count_zero_pagu``: the gap is exactly the rows without pagu (a notice, not an error);
- ``total``: a rupiah total vs the printed total of the table (and the sum of its rows);
- ``contradiction``: two counts of one subject in one sentence that disagree;
- ``reference``: "dapat dilihat pada tabel 2.5" where the document has no such table;
- ``disagreement``: counts of one subject stated in different sentences that disagree
  (see ``claim_agree``).
Claims whose ``refers_to`` is None are about another year or no table: skipped.
When the referred table is incomplete (cut by extraction), ``fallback_roles`` names the
roles of a complete table of the same document to compare with instead (first match);
the message then says so. Without a fallback such claims are skipped.
"""

from __future__ import annotations

import re
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Claim, Document, Table
from ..text import norm_name, norm_space
from .base import Context, Kind, Params, Role
from .claim_agree import disagreements
from .claim_count import count_finding, fallback_text, node_key
from .labels import LEVEL_EN, LEVEL_ID, bilingual, rp, rp_abs, table_label
from .tree import leaf_sum, pagu_value, plan_year, total_node

_TABLE_NO = re.compile(r"tabel\s*([0-9ivx]+(?:\s*\.\s*[0-9]+)*)", re.I)


class ClaimParams(Params):
    check: Literal["count", "count_zero_pagu", "total", "contradiction", "reference", "disagreement"]
    # roles of a complete table to compare with when the referred table is incomplete
    fallback_roles: list[Role] = []
    # disagreement: only claims about tables with these roles (the plan as finally stated)
    roles: list[Role] = []


class ClaimKind(Kind):
    name = "claim"
    Params = ClaimParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        check = rule.spec.check
        for doc in ctx.dossier.documents:
            if check == "contradiction":
                yield from _contradictions(rule, ctx, doc)
                continue
            if check == "disagreement":
                yield from disagreements(rule, ctx, doc, rule.spec.roles)
                continue
            fallback = rule.spec.fallback_roles
            # a sentence stating two counts of one subject is KL04's defect: KL01/KL02 declare
            # ``defers_to: [KL04]`` and the engine folds them into KL04's finding (which names
            # every claim of the sentence in evidence["claims"]) when KL04 runs
            for c in doc.claims:
                if check == "reference" and c.kind == "reference":
                    f = _reference(rule, ctx, doc, c)
                elif check in ("count", "count_zero_pagu") and c.kind == "count":
                    t, referred = compared_table(doc, c, fallback)
                    f = (
                        count_finding(rule, ctx, doc, c, t, zero_only=check == "count_zero_pagu", referred=referred)
                        if t is not None
                        else None
                    )
                elif check == "total" and c.kind == "total":
                    f = _total(rule, ctx, doc, c, fallback)
                else:
                    f = None
                if f is not None:
                    yield f


def target_table(doc: Document, c: Claim) -> Optional[Table]:
    """The table a claim is about; a claim on proposals ("usulan") is about rkpd_awal."""
    if c.refers_to is None:
        return None
    if c.qualifier and "usul" in c.qualifier.lower():
        awal = doc.tables_with_role("rkpd_awal")
        if awal:
            return awal[0]
    return doc.table(c.refers_to)


def compared_table(doc: Document, c: Claim, fallback_roles: list[str]) -> tuple[Optional[Table], Optional[Table]]:
    """(table to compare a claim with, the incomplete referred table when a fallback replaced it).

    A complete referred table is used as it is; an incomplete one is replaced by the first
    complete table of the document with one of ``fallback_roles``; else (None, None).
    """
    t = target_table(doc, c)
    if t is None or t.complete:
        return t, None
    for role in fallback_roles:
        for o in doc.tables_with_role(role):
            if o is not t and o.complete:
                return o, t
    return None, None


def claim_year(doc: Document, c: Claim, t: Table) -> Optional[str]:
    return str(c.year) if c.year else plan_year(doc, t)


def _total(rule, ctx: Context, doc: Document, c: Claim, fallback: list[str]) -> Optional[Finding]:
    t = target_table(doc, c)
    if t is None or c.value is None:
        return None
    year = claim_year(doc, c, t)
    tn = total_node(t)
    printed = pagu_value(tn, year) if tn is not None and year else None
    referred = None
    if printed is None and not t.complete:  # a cut table without its total: use a complete one
        used, referred = compared_table(doc, c, fallback)
        if used is None:
            return None
        t = used
        year = claim_year(doc, c, t)
        tn = total_node(t)
        printed = pagu_value(tn, year) if tn is not None and year else None
    rows, bad = leaf_sum(t, year) if year and t.complete else (None, 0)
    ref = printed if printed is not None else rows
    if ref is None or ref == c.value:
        return None
    others = []
    for o in doc.tables:
        on = total_node(o)
        ov = pagu_value(on, year) if on is not None else None
        if o is not t and ov is not None:
            others.append((abs(ov - c.value), o, ov))
    others.sort(key=lambda x: x[0])
    near = others[0] if others and others[0][0] < abs(ref - c.value) else None
    if near:
        near_txt = (
            f" Nilai terdekat: total {table_label(near[1], 'id')} {rp(near[2])} (selisih {rp_abs(near[0])}).",
            f" Closest: the total of {table_label(near[1], 'en')} {rp(near[2])} (difference {rp_abs(near[0])}).",
        )
    else:
        near_txt = ("", "")
    if printed is not None:
        ref_txt = (
            f"total tercetak {table_label(t, 'id')} {rp(printed)} (selisih {rp_abs(c.value - printed)})",
            f"the printed total of {table_label(t, 'en')} is {rp(printed)} (difference {rp_abs(c.value - printed)})",
        )
    else:
        ref_txt = (f"{table_label(t, 'id')} tidak mencetak total", f"{table_label(t, 'en')} prints no total")
    rows_txt = ("", "")
    if rows is not None:
        extra = (f", {bad} baris tidak terbaca" if bad else "", f", {bad} rows unreadable" if bad else "")
        rows_txt = (
            f"; jumlah pagu sub kegiatannya {rp(rows)}{extra[0]}",
            f"; its sub kegiatan add up to {rp(rows)}{extra[1]}",
        )
    vals = bilingual(
        ref_txt=ref_txt,
        rows_txt=rows_txt,
        near_txt=near_txt,
        table=(table_label(t, "id"), table_label(t, "en")),
        fallback_txt=fallback_text(referred, t),
    )
    vals.update(claimed=rp(c.value), raw=norm_space(c.raw), section=c.section or "")
    return ctx.finding(
        rule,
        doc,
        table=t,
        subject=c,
        locator=c.id,
        expected=ref,
        found=c.value,
        difference=c.value - ref,
        values=vals,
        evidence={
            "claimed": c.value,
            "printed_total": printed,
            "rows_sum": rows,
            "unreadable_rows": bad,
            "year": year,
            "sentence": norm_space(c.sentence),
            "referred_table": referred.id if referred is not None else None,
            "closest_other_table": {"table": near[1].id, "total": near[2]} if near else None,
        },
    )


def _contradiction_groups(doc: Document) -> list[list[Claim]]:
    """Count claims of one sentence about one subject that state different values."""
    groups: dict[tuple, list[Claim]] = {}
    for c in doc.claims:
        if c.kind == "count" and c.subject and c.value is not None:
            key = (norm_name(c.sentence), c.subject, c.year, (c.qualifier or "").lower())
            groups.setdefault(key, []).append(c)
    return [cs for cs in groups.values() if len({c.value for c in cs}) > 1]


def _contradicted(doc: Document) -> set[str]:
    return {c.id for cs in _contradiction_groups(doc) for c in cs}


def _contradictions(rule, ctx: Context, doc: Document) -> Iterator[Finding]:
    for cs in _contradiction_groups(doc):
        values = sorted({c.value for c in cs})
        first = cs[0]
        subject = first.subject
        raws = ", ".join(f'"{norm_space(c.raw)}"' for c in cs)
        vals = {
            "raws": raws,
            "values": ", ".join(str(v) for v in values),
            "subject": subject,
            "sentence": excerpt(first.sentence, [c.raw for c in cs]),
            "listed_txt": "",
            "listed_txt_en": "",
        }
        evidence = {"claims": [c.id for c in cs], "values": values, "sentence": norm_space(first.sentence)}
        t, _ = compared_table(doc, first, rule.spec.fallback_roles)
        expected = None
        if t is not None:
            listed = len({k for n in t.nodes if n.level == subject for k in [node_key(n)] if k})
            if listed:
                expected = listed
                vals["listed_txt"] = f" {table_label(t, 'id')} mencantumkan {listed} {LEVEL_ID[subject]}."
                vals["listed_txt_en"] = f" {table_label(t, 'en')} lists {listed} {LEVEL_EN[subject]}."
                evidence.update(table=t.id, listed=listed)
        yield ctx.finding(
            rule, doc, subject=first, locator=first.id, expected=expected, found=values, values=vals, evidence=evidence
        )


def excerpt(sentence: str, raws: list[str], margin: int = 60) -> str:
    """The part of a sentence around the given words, with "..." where it was cut."""
    s = norm_space(sentence)
    pos = [(s.find(norm_space(r)), len(norm_space(r))) for r in raws if norm_space(r) in s]
    if not pos:
        return s if len(s) <= 2 * margin else s[: 2 * margin] + " ..."
    start = max(0, min(p for p, _ in pos) - margin)
    end = min(len(s), max(p + n for p, n in pos) + margin)
    return ("... " if start else "") + s[start:end].strip() + (" ..." if end < len(s) else "")


def _reference(rule, ctx: Context, doc: Document, c: Claim) -> Optional[Finding]:
    if c.refers_to is not None:
        if doc.table(c.refers_to) is not None:
            return None
        m = re.fullmatch(r"T(\d+(?:\.\d+)*)(?:-.*)?", c.refers_to)
        wanted = m.group(1) if m else c.refers_to
    else:
        m = _TABLE_NO.search(c.raw) or _TABLE_NO.search(c.sentence)
        if not m:
            return None
        wanted = re.sub(r"\s+", "", m.group(1))
        numbers = {(t.number or "").lower() for d in ctx.dossier.documents for t in d.tables}
        if wanted.lower() in numbers:
            return None
    vals = {"raw": norm_space(c.raw), "wanted": wanted, "sentence": excerpt(c.sentence, [c.raw])}
    return ctx.finding(
        rule,
        doc,
        subject=c,
        locator=c.id,
        found=wanted,
        values=vals,
        evidence={"wanted": wanted, "sentence": norm_space(c.sentence)},
    )
