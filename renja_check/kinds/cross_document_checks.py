"""The checks of the ``cross_document`` kind, one function per ``check``.

Pair checks (``pagu``, ``target``, ...) get a matched pair (Renja node, other node) and
yield ``(expected, found, difference, message values, key)``; set checks get the whole
matching; document checks (``period``, ``visi_misi``) look at the dossier.
"""

from __future__ import annotations

from typing import Iterator, Optional

from rapidfuzz import fuzz

from ..models import Node
from ..text import norm_name
from .compare import blank, number_difference, same_text, same_value, target_differences, unit_key
from .cross_document_sources import Side
from .cross_presence import cap
from .cross_total import changes, changes_vals
from .cross_document_docs import period, period_quoted, visi_misi
from .cross_document_docs import year as year_check
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
        yield (
            exp,
            found,
            found - exp,
            dict(
                a=rp(found),
                b=rp(exp),
                year=year,
                gap=rp_abs(found - exp),
                **bilingual(year_txt=(year_phrase(year, several, "id"), year_phrase(year, several, "en"))),
            ),
            year,
        )


def target(p, r, o, na, nb):
    """Year-N target value (and its unit) of paired indicators; a Renja catatan explains a Renstra change."""
    year = p.target_year or _year(r)
    if year is None or (p.against == "renstra" and not blank(na.catatan)):
        return
    for ia, _, qa, qb, what in target_differences(na, nb, [year], units=True):
        value = what == "value"
        yield (
            qb.value if value else qb.unit,
            qa.value if value else qa.unit,
            number_difference(qa.value, qb.value) if value else None,
            dict(
                a=qa.raw.strip(),
                b=qb.raw.strip(),
                indicator=ia.text,
                year=year,
                **bilingual(what=("target", "target") if value else ("satuan target", "target unit")),
            ),
            (ia.text, year, what),
        )


def _text_field(field):
    def check(p, r, o, na, nb):
        xa, xb = getattr(na, field), getattr(nb, field)
        if blank(xa) or blank(xb):
            return
        if not same_value(field, xa, xb, p.cutoff):
            yield xb, xa, None, dict(a=" ".join(xa.split()), b=" ".join(xb.split())), field

    return check


def catatan(p, r, o, na, nb):
    """A change from the rancangan awal RKPD with no catatan (in the plan or its needs analysis)."""
    ch = changes(nb, na)
    if not ch or not blank(na.catatan) or not blank(nb.catatan) or noted_in_review(r, na):
        return
    yield None, None, None, changes_vals(ch), "catatan"


def noted_in_review(r: Side, na: Node) -> bool:
    """The Renja's needs analysis (Tabel 2.5 right side) explains the row's change in its catatan."""
    code = usable_code(na)
    return bool(code) and any(
        t.role == "kebutuhan" and any(not blank(n.catatan) and usable_code(n) == code for n in t.nodes)
        for t in r.doc.tables
    )


def indicator(p, r, o, na, nb):
    """Indicator wording, then unit, of each Renja indicator against the closest of the other document."""
    if not nb.indicators:
        return
    for ia in na.indicators:
        ib = max(nb.indicators, key=lambda x: fuzz.token_sort_ratio(norm_name(ia.text), norm_name(x.text)))
        if not same_text(ia.text, ib.text, p.cutoff):
            yield (
                ib.text,
                ia.text,
                None,
                dict(a=ia.text, b=ib.text, **bilingual(what=("teks indikator", "indicator text"))),
                (ia.text, "text"),
            )
            continue
        ua = {unit_key(q.unit) for q in ia.targets.values() if q.unit} - {None}
        ub = {unit_key(q.unit) for q in ib.targets.values() if q.unit} - {None}
        if ua and ub and not ua & ub:
            yield (
                sorted(ub)[0],
                sorted(ua)[0],
                None,
                dict(
                    a=f"{ia.text} ({', '.join(sorted(ua))})",
                    b=f"{ib.text} ({', '.join(sorted(ub))})",
                    **bilingual(what=("satuan indikator", "indicator unit")),
                ),
                (ia.text, "unit"),
            )


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
    return dict(
        base,
        **bilingual(
            node=(node_label(n, "id"), node_label(n, "en")),
            Node=(cap(node_label(n, "id")), cap(node_label(n, "en"))),
        ),
        pagu=rp(pagu_value(n, _year(r) or "")),
        **_recoded_txt(twin, where),
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
            base,
            node=node_label(n, "id"),
            node_en=node_label(n, "en"),
            Node=cap(node_label(n, "id")),
            Node_en=cap(node_label(n, "en")),
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
        vals = dict(
            base,
            node=node_label(n, "id"),
            node_en=node_label(n, "en"),
            Node=cap(node_label(n, "id")),
            Node_en=cap(node_label(n, "en")),
        )
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


CHECKS = {
    "pagu": pagu,
    "target": target,
    "lokasi": _text_field("lokasi"),
    "sumber_dana": _text_field("sumber_dana"),
    "catatan": catatan,
    "indicator": indicator,
    "pagu_ceiling": pagu_ceiling,
    "missing_in_renja": missing_in_renja,
    "missing_in_other": missing_in_other,
    "assigned": assigned,
    "assigned_missing": assigned_missing,
    "period": period,
    "period_quoted": period_quoted,
    "visi_misi": visi_misi,
    "year": year_check,
}
