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


# --- evidence labels, one finding per row, stable fingerprints (sample facts allowed in tests) ---

from renja_check.api import check  # noqa: E402
from renja_check.kinds.formula_evidence import number, short_label  # noqa: E402
from renja_check.kinds.formula_units import span_list  # noqa: E402
from renja_check.models import Column  # noqa: E402
from renja_check.paths import sample_renja  # noqa: E402


@pytest.mark.parametrize(
    "label,short",
    [
        ("Target dan Realisasi Kinerja Program PD Tahun 2021: Realisasi", "Realisasi 2021"),
        ("Target dan Realisasi Kinerja Program PD Tahun 2021: Tingkat Realisasi (%)", "Tingkat Realisasi (%)"),
        ("Realisasi Target Kinerja Hasil Program s.d. Tahun 2020", "Realisasi s.d. 2020"),
        ("Target Capaian Kinerja Renstra PD Tahun 2021", "Target Renstra 2021"),
        ("Perkiraan s.d. Tahun 2022: Tingkat Capaian (%) [rumus turunan: 10/4]", "Tingkat Capaian (%)"),
        ("Target 2022", "Target 2022"),
    ],
)
def test_short_label_from_header(label, short):
    assert short_label(Column(id="x", label=label)) == short


def test_numbers_and_column_spans():
    assert number(Decimal("75.000")) == 75 and number(Decimal("33.3333")) == "33.33"
    assert span_list(["4", "5", "6", "7", "9"], "id") == "4-7 dan 9"
    assert span_list(["4", "6", "7"], "en") == "4, 6 and 7"


def _fm_cl(path):
    return [f for f in check([path], select=["FM", "CL01"]).findings]


def test_sample_one_units_finding_per_row_and_one_finding_per_error_cell():
    fs = _fm_cl(sample_renja())
    fm04 = [f for f in fs if f.rule == "FM04"]
    assert len(fm04) == 11 and len({f.locator for f in fm04}) == 11
    row582 = next(f for f in fm04 if f.span.line_start == 582)
    assert "kolom 10 '210 kali' sedangkan kolom 4-7 dan 9 'orang'" in row582.text("id")
    fm02_cells = {f.locator for f in fs if f.rule == "FM02"}
    assert len(fm02_cells) == 2 and not [f for f in fs if f.rule == "CL01" and f.locator in fm02_cells]
    assert not [f for f in fs if f.rule == "FM01" and f.span.line_start == 1700]  # mixed units: FM04's


def test_formula_fingerprints_survive_a_line_shift(tmp_path):
    shifted = tmp_path / "renja.txt"
    shifted.write_text("\n\n\n" + sample_renja().read_text(encoding="utf-8"), encoding="utf-8")
    a = {(f.rule, f.fingerprint) for f in _fm_cl(sample_renja())}
    b = {(f.rule, f.fingerprint) for f in _fm_cl(shifted)}
    assert a == b and len(a) == len(_fm_cl(sample_renja()))


# --- stock or flow (formula_stock): the verdict of a printed cumulative ---

from renja_check.kinds.formula_stock import StockVocabulary, read_sum  # noqa: E402
from renja_check.ruleset import load_ruleset  # noqa: E402
from tests.rules.build import _qty  # noqa: E402
from renja_check.models import Node, Span  # noqa: E402

VOCAB = StockVocabulary(units=["%", "indeks"], heads=["persentase", "indeks"])
SUM, RATE = parse_formula("10=(5+7+9)"), parse_formula("11=(10/4)")


def _verdict(values: dict, indicator: str = ""):
    vals = {k: _qty(v) for k, v in values.items()}
    node = Node(id="n", level="kegiatan", name="x", values=vals, span=Span(file="t", line_start=1, line_end=1))
    r = read_sum(node, SUM, [SUM, RATE], VOCAB, indicator, Decimal(0))
    return r.verdict if r else None


@pytest.mark.parametrize(
    "values,indicator,verdict",
    [
        ({"4": "300 orang", "5": "120 orang", "7": "45 orang", "9": "60 orang", "10": "225 orang"}, "", "ok"),
        ({"4": "300 orang", "5": "120 orang", "7": "45 orang", "9": "60 orang", "10": "215 orang"}, "", "slip"),
        ({"4": "20 jenis", "5": "20 jenis", "7": "8 jenis", "9": "12 jenis", "10": "20 jenis"}, "", "convention"),
        ({"4": "30 jenis", "5": "5 jenis", "7": "8 jenis", "9": "12 jenis", "10": "30 jenis"}, "", "convention"),
        ({"4": "9 orang", "5": "9 orang", "7": "9 orang", "9": "9 orang", "10": "9 orang"}, "", "stock_way"),
        ({"4": "9 orang", "5": "9 orang", "7": "9 orang", "9": "9 orang", "10": "27 orang"}, "", "ok"),
        ({"4": "95%", "5": "80%", "7": "85%", "9": "90%", "10": "90%"}, "", "stock_way"),
        ({"4": "95%", "5": "80%", "7": "85%", "9": "90%", "10": "255%"}, "", "stock_summed"),
        ({"4": "95%", "5": "80%", "7": "85%", "9": "90%", "10": "93%"}, "", "stock_other"),
        ({"4": "3,5", "5": "3,1", "7": "3,2", "9": "3,4", "10": "9,7"}, "Indeks kepuasan", "stock_summed"),
        ({"4": "3,5", "5": "3,1", "7": "3,2", "9": "3,4", "10": "9,7"}, "Jumlah indeks", "ok"),
        ({"4": "95%", "9": "90%", "10": "90%"}, "", "ok"),  # one addend: its level is its sum
        ({"4": "40 orang", "5": "10 orang", "7": "5 orang", "9": "5 orang", "10": "100%"}, "", "slip"),  # counts
        ({"4": "95%", "10": "90%"}, "", None),  # no addend: nothing to read
    ],
)
def test_stock_or_flow_verdicts(values, indicator, verdict):
    assert _verdict(values, indicator) == verdict


def test_fm01_and_fm05_share_one_stock_vocabulary():
    rules = load_ruleset()
    fm01, fm05 = rules.get("FM01").spec.stock, rules.get("FM05").spec.stock
    assert fm01 == fm05 and "%" in fm01.units and fm01.heads


def test_sample_stock_rows_are_warnings_not_errors():
    fs = [f for f in check([sample_renja()], select=["FM01", "FM05"]).findings]
    cumulative = [f for f in fs if f.evidence.get("formula") == "10=(5+7+9)"]
    assert cumulative and {f.rule for f in cumulative} == {"FM01", "FM05"}  # FM01: the mixed-unit row only
    assert all(f.severity == "warning" for f in cumulative if f.rule == "FM05")
    assert [f for f in cumulative if f.rule == "FM01"] == [f for f in cumulative if f.evidence.get("mixed_units")]


def test_recomputed_figures_are_grouped_as_a_renja_prints_them():
    from decimal import Decimal

    from renja_check.kinds.formula_evidence import decimal_text

    assert [decimal_text(Decimal(v)) for v in ("49861222560", "-1234.5", "33.333", "100", "0.004")] == [
        "49.861.222.560",
        "-1.234,5",
        "33,33",
        "100",
        "0",
    ]
