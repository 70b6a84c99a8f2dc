"""Kind ``sum``: every printed subtotal and total equals the sum of its children.

Checked at every level, for every year column, in every table (each side of a
two-sided table is a table of its own). Empty children ("-") count as 0 and are
listed as empty in the evidence. A child whose amount cannot be read makes the
sum unverifiable: ``check: unverifiable`` reports those instead of a false
difference. A parent whose children print no amount at all is left alone.

Amounts with a fraction of a rupiah (status ``fraction``, SIPD's ``1234567.59``) are
added exactly (``numbers.money_exact``, Decimal): a sum that holds to the cent is
verified, one that does not is a difference (rounded to whole rupiah in the finding,
the exact figures in the evidence).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..numbers import money_exact
from ..record import Field
from .base import Context, Kind, Level, Params, Role, run_memo, walk_tables
from .cells import problem
from .labels import bilingual, count_levels, node_label, rp, rp_abs, table_label, year_phrase
from .tree import UNREADABLE, addends, pagu, table_tree, years_of


class SumParams(Params):
    check: Literal["difference", "unverifiable", "rounding"] = "difference"
    roles: list[Role] = []  # tables to check by role; empty = every table
    levels: list[Level] = ["total", "urusan", "bidang", "program", "kegiatan", "subkegiatan"]
    tolerance: int = Field(0, ge=0)  # rupiah; differences up to this are ignored (never negative)
    # rupiah of per-row rounding in forward-year (prakiraan maju) columns, computed as a
    # factor of the pagu and rounded row by row: ``check: difference`` leaves differences up
    # to this alone, ``check: rounding`` reports only those (its own low-severity rule)
    rounding: int = Field(0, ge=0)


class SumKind(Kind):
    name = "sum"
    Params = SumParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: SumParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            # a table read incompletely still has its sums checked: the rule data declares
            # ``defers_to: {rule: DN01, match: table}`` and the engine folds them into DN01's note
            tree = table_tree(table)
            sums = _addends_memo(table)  # the rules of this kind add up the same rows
            years = years_of(table)
            for node in table.nodes:
                if node.level not in p.levels or not tree.children(node):
                    continue
                for year in years:
                    m = pagu(node, year)
                    if m is None or m.status not in ("ok", "fraction") or m.value is None:
                        continue
                    key = (id(node), year)
                    adds = sums.get(key)
                    if adds is None:
                        adds = sums[key] = addends(tree, node, year)
                    if not adds or all(a.money is None for a in adds):
                        continue  # no child prints an amount: nothing to add up
                    exact = _exact(m, adds)
                    bad = [] if exact else [a for a in adds if not a.readable]
                    if exact is None and m.status != "ok":
                        continue  # a fractional total over unreadable rows: CL05/CL02 say why
                    if p.check == "unverifiable":
                        if bad:
                            vals = dict(_values(table, node, year, len(years) > 1, adds), printed=rp(m.value))
                            yield _unverifiable(rule, ctx, doc, table, node, year, m.value, adds, bad, vals)
                        continue
                    if bad:
                        continue
                    total, printed = sum(a.value for a in adds), m.value
                    diff = printed - total  # found - expected, as everywhere
                    if exact:  # whole rupiah of the exact amounts; under half a rupiah apart is equal
                        diff = int((exact[0] - exact[1]).to_integral_value(ROUND_HALF_UP))
                        total = int(exact[1].to_integral_value(ROUND_HALF_UP))
                        printed = total + diff
                    if _skip(p, diff, year, years):
                        continue
                    # message values only for a finding (not for every subtotal checked)
                    vals = _values(table, node, year, len(years) > 1, adds)
                    vals.update(sum=rp(total), difference=rp_abs(diff), printed=rp(printed))
                    yield ctx.finding(
                        rule,
                        doc,
                        table=table,
                        subject=node,
                        expected=total,
                        found=printed,
                        difference=diff,
                        values=vals,
                        key=year,
                        evidence={
                            "year": int(year) if year.isdigit() else year,
                            "printed": printed,
                            "sum": total,
                            "difference": diff,
                            "addends": [a.evidence() for a in adds],
                            "empty_addends": sum(1 for a in adds if a.empty),
                            **({"exact": {"printed": str(exact[0]), "sum": str(exact[1])}} if exact else {}),
                        },
                    )


def _addends_memo(table) -> dict:
    """(id(node), year) -> its addends, shared by the sum rules of one check (a fresh dict
    outside a check); the table, kept in the memo, keeps its nodes' ids theirs."""
    memo = run_memo()
    if memo is None:
        return {}
    hit = memo.get(("addends", id(table)))
    if hit is None:
        hit = memo[("addends", id(table))] = (table, {})
    return hit[1]


def _skip(p: SumParams, diff: int, year: str, years: list[str]) -> bool:
    """Whether a difference is left to another rule (rounding) or below the tolerance."""
    rounding = p.rounding if len(years) > 1 and year != years[0] else 0  # forward years only
    if p.check == "rounding":
        return not 0 < abs(diff) <= rounding
    return abs(diff) <= max(p.tolerance, rounding)


def _exact(m, adds) -> Optional[tuple[Decimal, Decimal]]:
    """(printed, sum) in exact Decimal when a fraction of a rupiah is involved and every
    amount can be read exactly; None otherwise (integer sums need no Decimal)."""
    if m.status != "fraction" and not any(a.money is not None and a.money.status == "fraction" for a in adds):
        return None
    printed = money_exact(m)
    parts = [a.exact for a in adds]
    if printed is None or any(x is None for x in parts):
        return None
    return printed, sum(parts, Decimal(0))


def _values(table, node, year, several, adds) -> dict:
    levels = [a.node.level for a in adds]
    empty = sum(1 for a in adds if a.empty)
    return {
        **bilingual(
            table=(table_label(table, "id"), table_label(table, "en")),
            node=(_what(node, "id"), _what(node, "en")),
            addends=(count_levels(levels, "id"), count_levels(levels, "en")),
            year_txt=(year_phrase(year, several, "id"), year_phrase(year, several, "en")),
            empty_txt=(
                f", {empty} di antaranya kosong (-) dihitung 0" if empty else "",
                f", {empty} of them empty (-) counted as 0" if empty else "",
            ),
        ),
        "year": year,
    }


def _what(node, lang) -> str:
    if node.level == "total":
        return "Total" if lang == "id" else "The total"
    prefix = "Subtotal " if lang == "id" else "The subtotal of "
    return prefix + node_label(node, lang)


def _unverifiable(rule, ctx, doc, table, node, year, printed, adds, bad, vals) -> Finding:
    cells = "; ".join(f"{node_label(a.node, 'id')}: '{a.money.raw.strip()}' {problem(a.money)[0]}" for a in bad)
    cells_en = "; ".join(f"{node_label(a.node, 'en')}: '{a.money.raw.strip()}' {problem(a.money)[1]}" for a in bad)
    readable = sum(a.value for a in adds if a.readable)
    vals.update(bilingual(cells=(cells, cells_en)), bad=str(len(bad)), partial=rp(readable))
    return ctx.finding(
        rule,
        doc,
        table=table,
        subject=node,
        expected=None,
        found=printed,
        values=vals,
        key=year,
        evidence={
            "year": int(year) if year.isdigit() else year,
            "printed": printed,
            "readable_sum": readable,
            "unreadable": [a.evidence() for a in bad],
            "addends": [a.evidence() for a in adds],
            "statuses": sorted({a.money.status for a in bad if a.money.status in UNREADABLE}),
        },
    )
