"""The checks of the ``cross_document`` kind, one function per ``check``.

Pair checks (``pagu``, ``target``, ...) get a matched pair (Renja node, other node) and
yield ``(expected, found, difference, message values, key)``; set checks get the whole
matching; document checks (``period``, ``visi_misi``) look at the dossier.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from rapidfuzz import fuzz

from ..models import Node
from ..text import norm_name
from .compare import blank, pair_indicators, same_funds, same_place, same_text, unit_key
from .cross_document_sources import Side, other_sides, renja_sides
from .cross_presence import cap
from .cross_total import changes
from .labels import bilingual, node_label, rp, rp_abs, year_phrase
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


def _year(r: Side) -> Optional[str]:
    return plan_year(r.doc, r.table)


# --- pair checks -------------------------------------------------------------------------

def pagu(p, r, o, na, nb):
    several = len([y for y in na.pagu if y in nb.pagu]) > 1
    for year in [y for y in na.pagu if y in nb.pagu]:
        found, exp = pagu_value(na, year), pagu_value(nb, year)
        if found is None or exp is None or found == exp:
            continue
        yield exp, found, found - exp, dict(
            a=rp(found), b=rp(exp), year=year, gap=rp_abs(found - exp),
            **bilingual(year_txt=(year_phrase(year, several, "id"), year_phrase(year, several, "en")))), year


def target(p, r, o, na, nb):
    """Year-N target value (and its unit) of paired indicators; a Renja catatan explains a Renstra change."""
    year = p.target_year or _year(r)
    if year is None or (p.against == "renstra" and not blank(na.catatan)):
        return
    for ia, ib in pair_indicators(na, nb):
        qa, qb = ia.targets.get(year), ib.targets.get(year)
        if qa is None or qb is None or qa.status != "ok" or qb.status != "ok":
            continue
        ua, ub = unit_key(qa.unit), unit_key(qb.unit)
        if qa.value is not None and qb.value is not None and qa.value != qb.value:
            diff = qa.value - qb.value
            yield qb.value, qa.value, int(diff) if diff == int(diff) else None, dict(
                a=qa.raw.strip(), b=qb.raw.strip(), indicator=ia.text, year=year,
                **bilingual(what=("target", "target"))), (ia.text, year, "value")
        elif ua and ub and ua != ub:
            yield qb.unit, qa.unit, None, dict(
                a=qa.raw.strip(), b=qb.raw.strip(), indicator=ia.text, year=year,
                **bilingual(what=("satuan target", "target unit"))), (ia.text, year, "unit")


def _text_field(field):
    def check(p, r, o, na, nb):
        xa, xb = getattr(na, field), getattr(nb, field)
        if blank(xa) or blank(xb):
            return
        same = same_place(xa, xb, p.cutoff) if field == "lokasi" else same_funds(xa, xb)
        if not same:
            yield xb, xa, None, dict(a=" ".join(xa.split()), b=" ".join(xb.split())), field
    return check


def catatan(p, r, o, na, nb):
    """A change from the rancangan awal RKPD with no catatan (in the plan or its needs analysis)."""
    ch = changes(nb, na)
    if not ch or not blank(na.catatan) or not blank(nb.catatan):
        return
    code = usable_code(na)
    for t in r.doc.tables:
        if t.role == "kebutuhan" and any(not blank(n.catatan) and usable_code(n) == code and code
                                         for n in t.nodes):
            return
    yield None, None, None, bilingual(changes=("; ".join(c["id"] for c in ch), "; ".join(c["en"] for c in ch))), \
        "catatan"


def indicator(p, r, o, na, nb):
    """Indicator wording, then unit, of each Renja indicator against the closest of the other document."""
    if not nb.indicators:
        return
    for ia in na.indicators:
        ib = max(nb.indicators, key=lambda x: fuzz.token_sort_ratio(norm_name(ia.text), norm_name(x.text)))
        if not same_text(ia.text, ib.text, p.cutoff):
            yield ib.text, ia.text, None, dict(a=ia.text, b=ib.text, **bilingual(
                what=("teks indikator", "indicator text"))), (ia.text, "text")
            continue
        ua = {unit_key(q.unit) for q in ia.targets.values() if q.unit} - {None}
        ub = {unit_key(q.unit) for q in ib.targets.values() if q.unit} - {None}
        if ua and ub and not ua & ub:
            yield sorted(ub)[0], sorted(ua)[0], None, dict(
                a=f"{ia.text} ({', '.join(sorted(ua))})", b=f"{ib.text} ({', '.join(sorted(ub))})",
                **bilingual(what=("satuan indikator", "indicator unit"))), (ia.text, "unit")


def pagu_ceiling(p, r, o, na, nb):
    year = _year(r)
    if year is None:
        return
    found, exp = pagu_value(na, year), pagu_value(nb, year)
    if found is None or exp is None or year not in nb.pagu or found <= exp:
        return
    yield exp, found, found - exp, dict(a=rp(found), b=rp(exp), year=year, gap=rp_abs(found - exp)), year


# --- set checks --------------------------------------------------------------------------

def missing_in_renja(rule, ctx, p, r, o, m, base) -> Iterator:
    if not r.table.complete:
        return
    # a row under another code in the Renja (match.recoded) is still not this RKPD row: reported,
    # the message naming the row it may be
    twin = {id(b): a for a, b in m.recoded}
    for n in m.only_b + [b for _, b in m.recoded]:
        if not belongs(n, r, ctx.dossier):
            continue
        vals = dict(base, **bilingual(node=(node_label(n, "id"), node_label(n, "en")),
                                      Node=(cap(node_label(n, "id")), cap(node_label(n, "en")))),
                    pagu=rp(pagu_value(n, _year(r) or "")), **_recoded_txt(twin.get(id(n)), "Renja"))
        yield ctx.finding(rule, o.doc, table=o.table, subject=n, expected=n.code or n.name, values=vals,
                          evidence={p.against: o.where(n), "renja": r.where()},
                          key=("missing_in_renja", _agency(r), r.table.id))


def missing_in_other(rule, ctx, p, r, o, m, base) -> Iterator:
    if not o.table.complete:
        return
    twin = {id(a): b for a, b in m.recoded}
    for n in m.only_a + [a for a, _ in m.recoded]:
        vals = dict(base, **bilingual(node=(node_label(n, "id"), node_label(n, "en")),
                                      Node=(cap(node_label(n, "id")), cap(node_label(n, "en")))),
                    pagu=rp(pagu_value(n, _year(r) or "")), **_recoded_txt(twin.get(id(n)), o.doc.doc_type.upper()))
        yield ctx.finding(rule, r.doc, table=r.table, subject=n, found=n.code or n.name, values=vals,
                          evidence={"renja": r.where(n), p.against: o.where()}, key=(p.against, o.table.id))


def _recoded_txt(other: Optional[Node], where: str) -> dict:
    """"; under the same kegiatan the Renja has sub kegiatan X ...": the row it may be (match.recoded)."""
    if other is None:
        return bilingual(recoded_txt=("", ""))
    return bilingual(recoded_txt=(
        f"; di bawah kegiatan yang sama {where} memuat {node_label(other, 'id')} dengan pagu atau nama "
        f"serupa, mungkin baris yang sama dengan kode lain",
        f"; under the same kegiatan the {where} has {node_label(other, 'en')} with a similar pagu or name, "
        f"perhaps the same row under another code"))


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
        vals = dict(base, node=node_label(n, "id"), node_en=node_label(n, "en"),
                    Node=cap(node_label(n, "id")), Node_en=cap(node_label(n, "en")),
                    assigned_to=", ".join(other.agencies) if other is not None and other.agencies else "-")
        yield ctx.finding(rule, r.doc, table=r.table, subject=n, found=usable_code(n), values=vals,
                          evidence={"renja": r.where(n), p.against: o.where(other)},
                          key=(p.against, o.table.id))


def assigned_missing(rule, ctx, p, r, o, m, base) -> Iterator:
    """An RPJMD program assigned to this agency that its Renja does not carry."""
    ours = {usable_code(n) for n in _programs(r, lambda n: True)}
    for n in _programs(o, lambda n: belongs(n, r, ctx.dossier, strict=True)):
        if usable_code(n) in ours or _penunjang(n, p.skip_penunjang):
            continue
        vals = dict(base, node=node_label(n, "id"), node_en=node_label(n, "en"),
                    Node=cap(node_label(n, "id")), Node_en=cap(node_label(n, "en")))
        yield ctx.finding(rule, o.doc, table=o.table, subject=n, expected=usable_code(n) or n.name,
                          values=vals, evidence={p.against: o.where(n), "renja": r.where()},
                          key=("assigned_missing", _agency(r), r.table.id))


# --- document checks ---------------------------------------------------------------------

def _docs(ctx, doc_type):
    return [d for d in ctx.dossier.documents if d.doc_type == doc_type]


def _side_of(ctx, doc_type, doc) -> Optional[Side]:
    return next((s for s in other_sides(ctx.dossier, doc_type, []) if s.doc is doc), None)


def _other_vals(side: Optional[Side], doc) -> dict:
    return bilingual(other=(side.label("id"), side.label("en")) if side else (doc.source.path,) * 2)


def period(rule, ctx, p) -> Iterator:
    """The Renstra / RPJMD period covers the Renja's year."""
    for d in _docs(ctx, p.against):
        if not (d.period_start and d.period_end):
            continue
        side = _side_of(ctx, p.against, d)
        for rd in _docs(ctx, "renja"):
            if rd.year is None or d.period_start <= rd.year <= d.period_end:
                continue
            vals = {"year": rd.year, "period": f"{d.period_start}-{d.period_end}", **_other_vals(side, d)}
            ev = {"renja": {"document": rd.source.path, "doc_type": "renja", "year": rd.year},
                  p.against: side.where() if side else {"document": d.source.path, "doc_type": d.doc_type}}
            yield ctx.finding(rule, rd, found=rd.year, expected=f"{d.period_start}-{d.period_end}",
                              values=vals, evidence=ev, key=(p.against, d.source.path))


def year(rule, ctx, p) -> Iterator:
    """The RKPD is of the Renja's year (an RKPD of another year is compared with nothing)."""
    for d in _docs(ctx, p.against):
        for rd in _docs(ctx, "renja"):
            if d.year is None or rd.year is None or d.year == rd.year:
                continue
            side = next((Side(d, t, d.stage) for t in d.tables if t.role == p.against), None)
            ev = {"renja": {"document": rd.source.path, "doc_type": "renja", "year": rd.year},
                  p.against: side.where() if side else {"document": d.source.path, "doc_type": d.doc_type}}
            yield ctx.finding(rule, rd, expected=rd.year, found=d.year, difference=d.year - rd.year,
                              values={"year": rd.year, "other_year": d.year, **_other_vals(side, d)},
                              evidence=ev, key=(p.against, d.source.path))


def period_quoted(rule, ctx, p) -> Iterator:
    """A Renja column quoting the Renstra's end year ("akhir periode Renstra") with another year."""
    pat = re.compile(p.column_pattern, re.IGNORECASE)
    docs = [d for d in _docs(ctx, p.against) if d.period_end]
    for d in docs:
        for rd in _docs(ctx, "renja"):
            for t in rd.tables:
                for c in t.columns:
                    if c.year and pat.search(" ".join(c.label.split())) and c.year != d.period_end:
                        side = _side_of(ctx, p.against, d)
                        vals = {"column": c.id, "label": " ".join(c.label.split()), "year": c.year,
                                "period": f"{d.period_start}-{d.period_end}", "end": d.period_end,
                                **_other_vals(side, d)}
                        yield ctx.finding(rule, rd, table=t, locator=f"{t.id}:kolom-{c.id}", span=t.span,
                                          expected=d.period_end, found=c.year, difference=c.year - d.period_end,
                                          values=vals, evidence={"renja": {"document": rd.source.path, "doc_type": "renja",
                                                                           "table": t.id, "column": c.id},
                                                                 p.against: side.where() if side else {}},
                                          key=(p.against, c.id))


def visi_misi(rule, ctx, p) -> Iterator:
    """Visi and misi quoted in the Renja word for word as in the RPJMD (case, spacing, punctuation aside)."""
    rpjmd = next(d for d in _docs(ctx, "rpjmd") if d.visi or d.misi)
    side = _side_of(ctx, "rpjmd", rpjmd)
    for q in renja_sides(ctx.dossier, ("rpjmd_kutipan",)):
        for n in q.table.nodes:
            what = n.keterangan
            cands = [rpjmd.visi] if what == "visi" and rpjmd.visi else ((rpjmd.misi or []) if what == "misi" else [])
            if not cands:
                continue
            best = max(cands, key=lambda c: fuzz.ratio(norm_name(c), norm_name(n.name)))
            if norm_name(best) == norm_name(n.name):
                continue
            ev = {"renja": q.where(n), "rpjmd": (side.where() if side else {"document": rpjmd.source.path, "doc_type": "rpjmd"})}
            ev["rpjmd"]["field"] = what
            yield ctx.finding(rule, q.doc, table=q.table, subject=n, expected=best, found=n.name,
                              values={"what": what, "a": n.name, "b": best, **_other_vals(side, rpjmd)},
                              evidence=ev, key=(what, norm_name(n.name)))


CHECKS = {
    "pagu": pagu, "target": target, "lokasi": _text_field("lokasi"), "sumber_dana": _text_field("sumber_dana"),
    "catatan": catatan, "indicator": indicator, "pagu_ceiling": pagu_ceiling,
    "missing_in_renja": missing_in_renja, "missing_in_other": missing_in_other,
    "assigned": assigned, "assigned_missing": assigned_missing,
    "period": period, "period_quoted": period_quoted, "visi_misi": visi_misi, "year": year,
}
