"""Kind ``cross_table``: the same node across tables agrees, one field per rule.

Tables are paired by role (``pairs``: a -> b, e.g. rkpd_awal -> kebutuhan,
kebutuhan -> rencana), across every document of the dossier; nodes are matched by
code, else by name (``match.py``). Fields: ``pagu`` per year, ``target`` value per
year, ``indicator`` text, ``lokasi``, ``sumber_dana``, ``presence`` (a node in one
table and not in the other, only where the other table is complete), ``catatan``
(a change without a note saying why) and ``total`` (printed totals that differ,
reconciled with the row differences: ``cross_total.py``).

``expected`` is table a's value, ``found`` table b's, ``difference`` a - b.
"""
from __future__ import annotations

from typing import Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from ..finding import Finding
from ..text import norm_name
from .base import Context, Kind, Params
from .compare import blank, pair_indicators, same_funds, same_place, same_text
from .cross_total import changes, total_finding
from .labels import bilingual, node_label, rp, rp_abs, table_label, year_phrase
from .match import match_tables, table_pairs
from .tree import pagu, pagu_value, plan_year


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: str
    b: str
    severity: Optional[Literal["error", "warning", "info"]] = None


class CrossParams(Params):
    field: Literal["pagu", "target", "indicator", "lokasi", "sumber_dana", "presence", "catatan", "total"]
    pairs: list[Pair]
    levels: list[str] = ["subkegiatan"]
    cutoff: float = 90.0  # fuzzy cut-off (0..100) for texts: indicator, lokasi


class CrossTableKind(Kind):
    name = "cross_table"
    Params = CrossParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: CrossParams = rule.spec
        for pair in p.pairs:
            for da, a, db, b in table_pairs(ctx.dossier, pair.a, pair.b):
                sev = pair.severity
                base = bilingual(table_a=(table_label(a, "id"), table_label(a, "en")),
                                 table_b=(table_label(b, "id"), table_label(b, "en")))
                if p.field == "total":
                    f = total_finding(rule, ctx, da, a, db, b, p.levels, base, sev)
                    if f is not None:
                        yield f
                    continue
                m = match_tables(a, b, p.levels)
                if p.field == "presence":
                    yield from _presence(rule, ctx, m.only_a, da, a, b, base, sev, "a")
                    yield from _presence(rule, ctx, m.only_b, db, b, a, base, sev, "b")
                    continue
                several = len({y for n, _ in m.pairs for y in n.pagu}) > 1
                for na, nb in m.pairs:
                    vals = dict(base, **bilingual(node=(node_label(nb, "id"), node_label(nb, "en"))))
                    ev = {"a": {"table": a.id, "locator": na.id, "line": na.span.line_start},
                          "b": {"table": b.id, "locator": nb.id, "line": nb.span.line_start}}
                    for exp, fnd, diff, extra, key in _compare(p, na, nb, several):
                        v = dict(vals, **extra)
                        yield ctx.finding(rule, db, table=b, subject=nb, expected=exp, found=fnd,
                                          difference=diff, values=v, severity=sev,
                                          evidence=dict(ev, **{k: x for k, x in extra.items()
                                                               if not k.endswith("_en")}),
                                          key=(a.id, key))


def _compare(p: CrossParams, na, nb, several: bool):
    """(expected, found, difference, message values, key) for each disagreement."""
    if p.field == "pagu":
        for year in [y for y in na.pagu if y in nb.pagu]:
            va, vb = pagu_value(na, year), pagu_value(nb, year)
            if va is None or vb is None or va == vb:
                continue
            yield va, vb, va - vb, dict(
                _money_vals(pagu(na, year), pagu(nb, year)), difference=rp_abs(va - vb), year=year,
                **bilingual(year_txt=(year_phrase(year, several, "id"), year_phrase(year, several, "en")))), year
    elif p.field == "target":
        for ia, ib in pair_indicators(na, nb):
            for year in [y for y in ia.targets if y in ib.targets]:
                qa, qb = ia.targets[year], ib.targets[year]
                if qa.status != "ok" or qb.status != "ok" or qa.value is None or qb.value is None:
                    continue
                if qa.value == qb.value:
                    continue
                yield qa.value, qb.value, None, dict(
                    a=qa.raw.strip(), b=qb.raw.strip(), indicator=ia.text, year=year,
                    **bilingual(year_txt=(f" tahun {year}", f" for {year}"))), (ia.text, year)
    elif p.field == "indicator":
        for ia in na.indicators:
            if not nb.indicators:
                break
            best = max(nb.indicators, key=lambda ib: _score(ia.text, ib.text))
            if not same_text(ia.text, best.text, p.cutoff):
                yield ia.text, best.text, None, dict(a=ia.text, b=best.text), ia.text
    elif p.field in ("lokasi", "sumber_dana"):
        xa, xb = getattr(na, p.field), getattr(nb, p.field)
        if blank(xa) or blank(xb):
            return
        same = same_place(xa, xb, p.cutoff) if p.field == "lokasi" else same_funds(xa, xb)
        if not same:
            yield xa, xb, None, dict(a=" ".join(xa.split()), b=" ".join(xb.split())), p.field
    elif p.field == "catatan":
        ch = changes(na, nb)
        if ch and blank(na.catatan) and blank(nb.catatan):
            yield None, None, None, bilingual(
                changes=("; ".join(c["id"] for c in ch), "; ".join(c["en"] for c in ch))), "catatan"


def _score(x: str, y: str) -> float:
    return fuzz.token_sort_ratio(norm_name(x), norm_name(y))


def _money_vals(ma, mb) -> dict:
    def show(m, lang):
        if m.status == "empty":
            return "kosong (-)" if lang == "id" else "empty (-)"
        return rp(m.value)
    return bilingual(a=(show(ma, "id"), show(ma, "en")), b=(show(mb, "id"), show(mb, "en")))


def _presence(rule, ctx, nodes, doc, here, other, base, sev, side) -> Iterator[Finding]:
    if not other.complete:
        return
    year = plan_year(doc, here)
    for n in nodes:
        v = pagu_value(n, year) if year else None
        ptxt = (f" (pagu{year_phrase(year, True, 'id')} {rp(v)})", f" (pagu{year_phrase(year, True, 'en')} {rp(v)})") \
            if v is not None else ("", "")
        vals = dict(base, **bilingual(
            node=(node_label(n, "id"), node_label(n, "en")),
            table_has=(table_label(here, "id"), table_label(here, "en")),
            table_lacks=(table_label(other, "id"), table_label(other, "en")),
            pagu_txt=ptxt))
        yield ctx.finding(rule, doc, table=here, subject=n, found=n.name, values=vals, severity=sev,
                          evidence={"present_in": here.id, "absent_from": other.id, "pagu": v,
                                    "side": side},
                          key=other.id)
