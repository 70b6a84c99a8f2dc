"""Kind ``cross_table``: the same node across tables agrees, one field per rule.

Tables are paired by role (``pairs``: a -> b, e.g. rkpd_awal -> kebutuhan,
kebutuhan -> rencana), across every document of the dossier; nodes are matched by
code, else by name (``match.py``). Fields: ``pagu`` per year, ``target`` value per
year, ``indicator`` text, ``lokasi``, ``sumber_dana``, ``presence`` (a node in one
table and not in the other, only where the other table is complete), ``catatan``
(a change without a note saying why; with ``group``, rows that follow one systemic
pattern are one finding: ``cross_pattern.py``) and ``total`` (printed totals that differ,
reconciled with the row differences: ``cross_total.py``).

``expected`` is table a's value, ``found`` table b's, ``difference`` found - expected (b - a).
"""

from __future__ import annotations

from typing import Iterator, Literal, Optional

from rapidfuzz import fuzz

from ..finding import Finding
from ..record import ConfigDict, Record
from ..text import norm_name
from .base import Context, Kind, Params, Role, Level
from .compare import blank, number_difference, pair_indicators, same_text, same_value, target_differences
from .cross_pattern import Group, systemic
from .cross_presence import cap, presence
from .cross_total import changes, changes_vals, show, total_finding
from .labels import bilingual, node_label, rp_abs, table_label, year_phrase
from .match import match_tables, table_pairs
from .tree import pagu_value


class Pair(Record):
    model_config = ConfigDict(extra="forbid")
    a: Role
    b: Role
    severity: Optional[Literal["error", "warning", "info"]] = None
    # role of the table a was derived from (rkpd_awal for the needs analysis): a b value equal
    # to that table's value is said so in the message (the change made in a was not carried over)
    origin: Optional[Role] = None


class CrossParams(Params):
    field: Literal["pagu", "target", "indicator", "lokasi", "sumber_dana", "presence", "catatan", "total"]
    pairs: list[Pair]
    levels: list[Level] = ["subkegiatan"]
    cutoff: float = 90.0  # fuzzy cut-off (0..100) for texts: indicator, lokasi
    # catatan: one finding for the rows that follow one systemic pattern (cross_pattern.py)
    group: Optional[Group] = None


class CrossTableKind(Kind):
    name = "cross_table"
    Params = CrossParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: CrossParams = rule.spec
        for pair in p.pairs:
            for da, a, db, b in table_pairs(ctx.dossier, pair.a, pair.b):
                sev = pair.severity
                base = bilingual(
                    table_a=(table_label(a, "id"), table_label(a, "en")),
                    table_b=(table_label(b, "id"), table_label(b, "en")),
                )
                if p.field == "total":
                    f = total_finding(rule, ctx, da, a, db, b, p.levels, base, sev)
                    if f is not None:
                        yield f
                    continue
                m = match_tables(a, b, p.levels)
                if p.field == "presence":
                    yield from presence(rule, ctx, m, da, a, db, b, base, sev)
                    continue
                skip: set[int] = set()
                if p.field == "catatan" and p.group is not None:
                    grouped, skip = systemic(rule, ctx, p.group, m.pairs, db, a, b, base, sev)
                    if grouped is not None:
                        yield grouped
                several = len({y for n, _ in m.pairs for y in n.pagu}) > 1
                org = _origin(ctx, da, a, b, pair.origin, p.levels) if p.field in ("pagu", "target") else None
                for na, nb in m.pairs:
                    if id(nb) in skip:
                        continue
                    no = org[1].get(na.id) if org else None
                    for exp, fnd, diff, extra, key in _compare(p, na, nb, several):
                        # the row's labels and evidence only for a disagreement (most rows agree)
                        vals = dict(
                            base,
                            **bilingual(
                                node=(node_label(nb, "id"), node_label(nb, "en")),
                                Node=(cap(node_label(nb, "id")), cap(node_label(nb, "en"))),
                            ),
                        )
                        ev = {
                            "a": {"table": a.id, "locator": na.id, "line": na.span.line_start},
                            "b": {"table": b.id, "locator": nb.id, "line": nb.span.line_start},
                        }
                        v = dict(vals, **extra, **_origin_vals(p.field, org, no, na, nb, a, b, extra))
                        evid = dict(ev, **{k: x for k, x in extra.items() if not k.endswith("_en")})
                        if v.get("origin"):
                            evid["origin"] = v.pop("origin")
                        yield ctx.finding(
                            rule,
                            db,
                            table=b,
                            subject=nb,
                            expected=exp,
                            found=fnd,
                            difference=diff,
                            values=v,
                            severity=sev,
                            evidence=evid,
                            key=(a.id, key),
                        )


def _compare(p: CrossParams, na, nb, several: bool):
    """(expected, found, difference, message values, key) for each disagreement."""
    if p.field == "pagu":
        for year in [y for y in na.pagu if y in nb.pagu]:
            va, vb = pagu_value(na, year), pagu_value(nb, year)
            if va is None or vb is None or va == vb:
                continue
            yield (
                va,
                vb,
                vb - va,
                dict(
                    _money_vals(na, nb, year),
                    difference=rp_abs(va - vb),
                    year=year,
                    **bilingual(year_txt=(year_phrase(year, several, "id"), year_phrase(year, several, "en"))),
                ),
                year,
            )
    elif p.field == "target":
        for ia, year, qa, qb, _ in target_differences(na, nb):
            yield (
                qa.value,
                qb.value,
                number_difference(qb.value, qa.value),
                dict(
                    a=qa.raw.strip(),
                    b=qb.raw.strip(),
                    indicator=ia.text,
                    year=year,
                    **bilingual(year_txt=(f" tahun {year}", f" for {year}")),
                ),
                (ia.text, year),
            )
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
        if not same_value(p.field, xa, xb, p.cutoff):
            yield xa, xb, None, dict(a=" ".join(xa.split()), b=" ".join(xb.split())), p.field
    elif p.field == "catatan":
        ch = changes(na, nb)
        if ch and blank(na.catatan) and blank(nb.catatan):
            yield None, None, None, changes_vals(ch), "catatan"


def _score(x: str, y: str) -> float:
    return fuzz.token_sort_ratio(norm_name(x), norm_name(y))


def _money_vals(na, nb, year) -> dict:
    return bilingual(a=(show(na, year, "id"), show(na, year, "en")), b=(show(nb, year, "id"), show(nb, year, "en")))


def _origin(ctx: Context, da, a, b, role: Optional[str], levels):
    """(table, {id of a node of a: its node in the table a was derived from}) or None."""
    if not role:
        return None
    cands = [(d, t) for d, t in ctx.dossier.tables_with_role(role) if t is not a and t is not b]
    if not cands:
        return None
    cands.sort(key=lambda dt: (dt[1].id != a.pair, dt[0] is not da))
    o = cands[0][1]
    return o, {na.id: no for no, na in match_tables(o, a, levels).pairs}


def _origin_vals(field, org, no, na, nb, a, b, extra) -> dict:
    """origin_txt: b's value equals the origin table's (a's change was not carried over)."""
    empty = bilingual(origin_txt=("", ""))
    if no is None:
        return empty
    o, year = org[0], extra.get("year")
    if field == "pagu":
        vo, va, vb = pagu_value(no, year), pagu_value(na, year), pagu_value(nb, year)
        if year not in no.pagu or vo is None or vo != vb or vo == va:
            return empty
        value = vo
    else:
        ia = next((i for i in na.indicators if i.text == extra.get("indicator")), None)
        io = next((x for x, y in pair_indicators(no, na) if y is ia), None)
        ib = next((y for x, y in pair_indicators(na, nb) if x is ia), None)
        qo = io.targets.get(year) if io else None
        qb = ib.targets.get(year) if ib else None
        if qo is None or qb is None or qo.value is None or qo.value != qb.value or qo.value == ia.targets[year].value:
            return empty
        value = qo.raw.strip()
    lo_id, la_id, lb_id = (table_label(t, "id") for t in (o, a, b))
    lo_en, la_en, lb_en = (table_label(t, "en") for t in (o, a, b))
    out = bilingual(
        origin_txt=(
            f"; nilai pada {lb_id} sama dengan {lo_id}: perubahan pada {la_id} tidak dipakai",
            f"; the value in {lb_en} equals {lo_en}: the change made in {la_en} was not carried over",
        )
    )
    out["origin"] = {"table": o.id, "locator": no.id, "value": value, "line": no.span.line_start}  # evidence
    return out
