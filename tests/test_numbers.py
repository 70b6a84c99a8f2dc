"""Number reading: every printed form of the documents, money always int."""

from decimal import Decimal

import pytest

from renja_check.numbers import format_rupiah, infer_style, parse_money, parse_quantity


@pytest.mark.parametrize(
    "text,style,value,status",
    [
        ("15.322.725.321", None, 15322725321, "ok"),
        ("15,322,725,321", None, 15322725321, "ok"),
        ("Rp14.841.380.059,00", None, 14841380059, "ok"),
        ("Rp 15.322.392.321,-", None, 15322392321, "ok"),
        ("Rp. 15.745.997.485,00", None, 15745997485, "ok"),
        ("Rp 16.152.427.613,00,00", None, 16152427613, "ok"),
        ("0", None, 0, "ok"),
        ("333,000", "en", 333000, "ok"),
        ("333.000", "id", 333000, "ok"),
        ("333,000", None, 333000, "ambiguous"),
        ("-", None, None, "empty"),
        ("", None, None, "empty"),
        ("#DIV/0!", None, None, "error"),
        ("12,5", "id", 12, "fraction"),  # a fraction of a rupiah: exact, not whole rupiah
        ("8619767008.59", None, 8619767008, "fraction"),
        ("1.500", None, 1500, "ambiguous"),  # true ambiguity stays ambiguous
        ("abc", None, None, "invalid"),
        ("1.234.56", None, None, "invalid"),
    ],
)
def test_parse_money(text, style, value, status):
    m = parse_money(text, style=style)
    assert (m.value, m.status) == (value, status)
    assert m.raw == text
    assert m.value is None or isinstance(m.value, int)


def test_money_in_thousands_is_scaled_to_rupiah():
    m = parse_money("1.500", style="id", scale=1000)
    assert m.value == 1_500_000 and m.scale == 1000


@pytest.mark.parametrize(
    "text,value,unit,status",
    [
        ("72,58", Decimal("72.58"), None, "ok"),
        ("203.07%", Decimal("203.07"), "%", "ok"),
        ("2\u00a0Dokumen", Decimal("2"), "Dokumen", "ok"),
        ("49 orang/bulan", Decimal("49"), "orang/bulan", "ok"),
        ("100 persen", Decimal("100"), "persen", "ok"),
        ("#DIV/0!", None, None, "error"),
        ("-", None, None, "empty"),
        ("Dokumen", None, "Dokumen", "invalid"),
    ],
)
def test_parse_quantity(text, value, unit, status):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.status) == (value, unit, status)


def test_infer_style():
    assert infer_style(["8,710,138,723", "333,000"]) == "en"
    assert infer_style(["15.322.725.321", "-"]) == "id"
    assert infer_style(["333,000"]) is None
    assert infer_style(["1,234,567", "1.234.567"]) is None


def test_format_rupiah():
    assert format_rupiah(15322725321) == "Rp 15.322.725.321"
    assert format_rupiah(-1) == "-Rp 1"
    assert format_rupiah(None) == "-"


def test_money_exact_keeps_cents_of_fraction_cells():
    from decimal import Decimal

    from renja_check.numbers import money_exact

    assert money_exact(parse_money("2252448473.6")) == Decimal("2252448473.6")
    assert money_exact(parse_money("102600000.4")) + money_exact(parse_money("2252448473.6")) == Decimal(2355048474)
    assert money_exact(parse_money("Rp 1.234.567,00", style="id")) == Decimal(1234567)
    assert money_exact(parse_money("-")) == 0
    assert money_exact(parse_money("1.500")) is None  # ambiguous: no exact amount
    assert money_exact(parse_money("#DIV/0!")) is None


def test_parse_decimal_plain_digits_fast_path_is_the_general_reading():
    import random

    from renja_check import numbers

    rng = random.Random(7)
    tokens = ["0", "00", "007", "12", "1500", "٣", "²", "1 2", " 12 ", "12.", "+12", "-3", ""]
    tokens += ["".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25))) for _ in range(200)]
    for tok in tokens:
        for style in (None, "id", "en"):
            got = numbers.parse_decimal(tok, style)
            t = numbers.clean(tok).replace(" ", "")  # the general path, by hand for plain digits
            if tok and tok.isdigit() and tok.isascii():
                assert got == (numbers.Decimal(t), "ok", None)
            # a padded token takes the general path: the same reading
            assert got[:2] == numbers.parse_decimal(" " + tok + " ", style)[:2] or not tok.strip()
