"""Kind ``formula``: the formulas printed in a table's columns hold on every row.

For every row of the tables with printed column formulas (``8=(7/6)``, ``10=(5+7+9)``,
the derived ``11=(10/4)``), one ``check``:

- ``mismatch``: the printed result differs from the recomputation by more than the
  tolerance (rates in percentage points, sums in units);
- ``error``: a spreadsheet error (``#DIV/0!``) is printed as the result, with its cause;
- ``blank``: the result is empty while every operand is present;
- ``units``: the cells a row's formulas combine carry units that cannot be combined;
  one finding per row naming the odd unit out (``formula_units``);
- ``stock``: a sum formula applied to a stock (a level that holds each year) or a result
  written by the stock convention (``formula_stock``); ``mismatch`` leaves these rows to it
  and reports only arithmetic slips.

Spreadsheet semantics: an empty operand of a sum counts as 0. A row whose values
could not all be placed (``values["raw"]`` ambiguous) is checked only on formulas
whose cells are all present. Evidence is short (``formula_evidence``) and the
fingerprint is made from the row's codes and names, never its line.

The row being checked and its message values are ``formula_row``; the ``units`` and
``column_units`` checks are ``formula_unit_checks``.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Quantity, Table
from ..record import Field
from .base import Context, Kind, Params, walk_tables, Role
from .formula_evidence import cell_text, columns_of, decimal_text as _num, number, present, row_identity
from .formula_expr import DIV0, Formula, FormulaError, parse_formula
from .formula_pattern import FormulaGroup, grouped
from .formula_stock import StockVocabulary, read_sum, stock_finding
from .formula_row import FormulaRow, computed, formula_values, indicator_text, show
from .formula_unit_checks import check_column_units, check_units
from .formula_units import mixes_units
from .labels import bilingual

PERSON = ["orang", "peserta", "pegawai", "pns", "asn", "cpns", "casn", "pppk", "jiwa", "aparatur"]


class FormulaParams(Params):
    check: Literal["mismatch", "error", "blank", "units", "column_units", "stock"] = "mismatch"
    roles: list[Role] = []  # every table that prints column formulas
    rate_tolerance: Decimal = Field(Decimal("0.5"), ge=0)  # percentage points (never negative)
    sum_tolerance: Decimal = Field(Decimal("0"), ge=0)
    same_units: list[list[str]] = [PERSON]  # units that name the same thing
    stock: StockVocabulary = Field(default_factory=StockVocabulary)  # what makes a level (formula_stock)
    group: Optional[FormulaGroup] = None  # mismatch: one finding for a formula broken on most rows


class FormulaKind(Kind):
    name = "formula"
    Params = FormulaParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: FormulaParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            formulas = _formulas(table)
            if not formulas and p.check != "column_units":
                continue
            row = FormulaRow(rule, ctx, doc, table)
            if p.check == "mismatch" and p.group is not None:
                yield from _mismatch_grouped(p, row, formulas)
                continue
            seen: Counter = Counter()
            for node in table.nodes:
                if not node.values:
                    continue
                ident = row_identity(node, row.parents)
                seen[ident] += 1
                row.node, row.nth = node, seen[ident]
                if p.check == "units":
                    yield from check_units(p, row, formulas)
                    continue
                if p.check == "column_units":
                    yield from check_column_units(p, row)
                    continue
                for f in formulas:
                    yield from _check(p, row, f, formulas)


def _mismatch_grouped(p: FormulaParams, row: "FormulaRow", formulas: list[Formula]) -> Iterator[Finding]:
    """``mismatch`` with ``group``: per formula, the rows' findings, or one standing for them
    when the formula is broken on most rows (``formula_pattern``)."""
    nodes = []
    seen: Counter = Counter()
    for node in row.table.nodes:
        if node.values:
            ident = row_identity(node, row.parents)
            seen[ident] += 1
            nodes.append((node, seen[ident]))
    for f in formulas:
        found: list[Finding] = []
        checked = 0
        for node, nth in nodes:
            row.node, row.nth = node, nth
            checked += _checkable(row, f)
            found += _check(p, row, f, formulas)
        alone = [x for x in found if x.evidence.get("mixed_units")]  # FM04's defect, row by row
        one = grouped(p.group, f.text, [x for x in found if not x.evidence.get("mixed_units")], checked)
        yield from alone + [one] if one is not None else found


def _checkable(row: "FormulaRow", f: Formula) -> bool:
    """The row's printed result of ``f`` can be recomputed (the ``mismatch`` conditions)."""
    res, ops, unreadable, got = computed(row.node, f)
    if unreadable or (row.ambiguous and not all(present(q) for q in ops.values())):
        return False
    return present(res) and got is not None and got != DIV0 and any(present(q) for q in ops.values())


def _formulas(table: Table) -> list[Formula]:
    out = []
    for c in table.columns:
        if c.formula:
            try:
                out.append(parse_formula(c.formula))
            except FormulaError:
                continue
    return out


def _check(p: FormulaParams, row: FormulaRow, f: Formula, formulas: list[Formula]) -> Iterator[Finding]:
    node = row.node
    res, ops, unreadable, got = computed(node, f)

    def make(expected, found, difference=None, extra=None):
        # evidence and message values are built only for a finding, not for every row checked
        evidence = {
            "formula": f.text,
            "operands": {c: cell_text(ops[c]) for c in f.operands},
            "result": {f.result: cell_text(res)},
            "columns": columns_of(f.operands + [f.result], row.columns),
        }
        if row.ambiguous:
            evidence["printed_row"] = cell_text(node.values["raw"])
        if got is not None:
            evidence["recomputed"] = "#DIV/0!" if got == DIV0 else number(got)
        if mixes_units(node, f, p.same_units):  # this formula combines cells of different units
            evidence["mixed_units"] = True
        vals = formula_values(row, f, res)
        return row.finding(expected, found, difference, evidence, dict(vals, **(extra or {})), key=f.result)

    if p.check == "error":
        if res is not None and res.status == "error":
            cause = _cause(f, ops, got, unreadable)
            # expected is what the formula gives, never the printed error: unknown when it cannot be computed
            exp = None if got is None or got == DIV0 else show(got, f)
            yield make(exp, cell_text(res), extra=bilingual(cause=cause))
        return
    if unreadable:
        return  # an unreadable operand: nothing to recompute
    if row.ambiguous and not all(present(q) for q in ops.values()):
        return
    # a formula that mixes units is FM04's defect: the finding says so (evidence mixed_units),
    # the rules that recompute declare ``defers_to: {rule: FM04, when: mixed_units}`` and the
    # engine folds them into FM04's finding when FM04 runs
    if p.check == "blank":
        if not row.ambiguous and (res is None or res.status == "empty") and all(present(q) for q in ops.values()):
            if got != DIV0 and got is not None:
                yield make(show(got, f), cell_text(res) or "", extra={"recomputed": show(got, f)})
        return
    if p.check == "stock":
        reading = _reading(p, row, f, formulas)
        if reading is not None and reading.verdict in ("stock_summed", "stock_other", "convention"):
            yield _stock(row, f, reading, make, formulas)
        return
    if p.check == "mismatch":
        if not present(res) or got is None or got == DIV0:
            return
        if not any(present(q) for q in ops.values()):
            return
        diff = res.value - got  # found - expected, as everywhere
        tol = p.rate_tolerance if f.is_rate else p.sum_tolerance
        if abs(diff) <= tol:
            return
        reading = _reading(p, row, f, formulas)
        if reading is not None and reading.verdict != "slip":
            return  # a stock or the stock convention (check ``stock``), not an arithmetic slip
        d_int = int(diff) if diff == diff.to_integral_value() else None
        yield make(
            show(got, f),
            cell_text(res),
            d_int,
            extra={"recomputed": show(got, f), "diff": _num(abs(diff)) + ("%" if f.is_rate else "")},
        )


def _reading(p: FormulaParams, row: FormulaRow, f: Formula, formulas: list[Formula]):
    """How a sum's printed result reads (``formula_stock``); None for other formulas and for
    a sum that mixes units (FM04's defect: FM01 reports it and folds into FM04)."""
    if not f.is_sum or mixes_units(row.node, f, p.same_units):
        return None
    return read_sum(row.node, f, formulas, p.stock, indicator_text(row.node), p.sum_tolerance)


def _stock(row: FormulaRow, f: Formula, r, make, formulas: list[Formula]) -> Finding:
    """FM05: the printed cumulative of a stock, or written by the stock convention."""
    expected, found, diff, values, evidence = stock_finding(row.node, f, r, formulas)
    finding = make(expected, found, diff, values)
    ev = {k: v for k, v in finding.evidence.items() if k != "recomputed"}  # the sum is in "sum"
    return finding.model_copy(update={"evidence": {**ev, **evidence}})


def _cause(f: Formula, ops: dict[str, Optional[Quantity]], got, unreadable: list[str]) -> tuple[str, str]:
    if unreadable:
        cols = ", ".join(unreadable)
        return (f"masukan kolom {cols} tidak terbaca sebagai angka", f"input column {cols} is not a readable number")
    d = f.divisor
    if got == DIV0 and d is not None:
        q = ops.get(d)
        what_id = "kosong" if not present(q) else "bernilai 0"
        what_en = "empty" if not present(q) else "0"
        return (f"pembagi kolom {d} {what_id}", f"the divisor, column {d}, is {what_en}")
    return (f"masukan lengkap, seharusnya {show(got, f)}", f"the inputs are present, it should be {show(got, f)}")
