"""The column-formula parser and recomputation (no eval)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from renja_check.kinds.formula_expr import DIV0, FormulaError, parse_formula


def test_parse_rate_and_sum():
    r = parse_formula("8=(7/6)")
    assert (r.result, r.expr, r.is_rate, r.divisor) == ("8", ("/", "7", "6"), True, "6")
    s = parse_formula("10 = (5+7+9)")
    assert s.operands == ["5", "7", "9"] and s.is_sum and not s.is_rate
    assert parse_formula("4=(1+2)*3-1").expr == ("-", ("*", ("+", "1", "2"), "3"), "1")


def test_compute_spreadsheet_semantics():
    r, s = parse_formula("8=(7/6)"), parse_formula("10=(5+7+9)")
    assert r.compute({"7": Decimal(21), "6": Decimal(150)}) == Decimal(14)
    assert r.compute({"7": Decimal(1), "6": None}) == DIV0
    assert r.compute({"7": Decimal(1), "6": Decimal(0)}) == DIV0
    assert s.compute({"5": Decimal(29), "7": None, "9": Decimal(69)}) == Decimal(98)
    assert s.compute({"5": Decimal(29)}) is None  # unknown operands


@pytest.mark.parametrize("bad", ["8", "8=", "8=(7/", "x=(1+2)", "8=(7/6))", "8=7", "8=(7;6)", "8=__import__"])
def test_bad_formulas_raise(bad):
    with pytest.raises(FormulaError):
        parse_formula(bad)
