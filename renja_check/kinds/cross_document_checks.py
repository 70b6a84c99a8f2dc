"""The checks of the ``cross_document`` kind, one function per ``check`` (``CHECKS``).

Pair checks (``pagu``, ``target``, ...) get a matched pair (Renja node, other node) and
yield ``(expected, found, difference, message values, key)``: they live here. Set checks
get the whole matching (``cross_document_sets``); document checks (``period``,
``visi_misi``) look at the dossier (``cross_document_docs``).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..models import Node
from ..text import norm_name
from .compare import blank, number_difference, same_text, same_value, target_differences, unit_key
from .cross_document_sources import Side
from .cross_document_sets import assigned, assigned_missing, missing_in_other, missing_in_renja, side_year
from .cross_total import changes, changes_vals
from .cross_document_docs import period, period_quoted, visi_misi
from .cross_document_docs import year as year_check
from .labels import bilingual, rp, rp_abs, year_phrase
from .match import usable_code
from .tree import pagu_value


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
    year = p.target_year or side_year(r)
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
    year = side_year(r)
    if year is None:
        return
    found, exp = pagu_value(na, year), pagu_value(nb, year)
    if found is None or exp is None or year not in nb.pagu or found <= exp:
        return
    yield exp, found, found - exp, dict(a=rp(found), b=rp(exp), year=year, gap=rp_abs(found - exp)), year


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
