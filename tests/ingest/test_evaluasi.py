"""Tabel 2.1 (T-C.29) reader: golden dump of the sample, value placement, altered copies."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from renja_check.api import check
from renja_check.ingest.pdftext import parse_text
from renja_check.ingest.pdftext.evaluasi_values import place, split_values
from renja_check.kinds.formula_expr import parse_formula
from renja_check.paths import sample_renja

GOLDEN = Path(__file__).parents[1] / "golden" / "evaluasi.yaml"
FORMULAS = [parse_formula(f) for f in ("8=(7/6)", "10=(5+7+9)", "11=(10/4)")]
COLS = ["4", "5", "6", "7", "8", "9", "10", "11"]


def dump_table(table) -> list[dict]:
    """Compact, reviewable dump of a table: one entry per row."""
    rows = []
    for n in table.nodes:
        row = {"lines": f"{n.span.line_start}-{n.span.line_end}", "level": n.level}
        if n.code_printed:
            row["code_printed"] = n.code_printed
        if n.code:
            row["code"] = n.code
        row["code_status"] = n.code_status
        if n.parent:
            row["parent"] = n.parent
        row["name"] = n.name
        if n.indicators:
            row["indicators"] = [i.text for i in n.indicators]
        if n.values:
            row["values"] = {k: q.raw.strip() for k, q in n.values.items()}
        if n.keterangan:
            row["keterangan"] = n.keterangan
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def text() -> str:
    return sample_renja().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc(text):
    return parse_text(text, str(sample_renja()))


def test_golden(doc):
    want = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    t = doc.table("T2.1")
    assert t.role == "evaluasi" and t.number == "2.1"
    assert [c.model_dump(exclude_none=True) for c in t.columns] == want["columns"]
    assert t.years == want["years"]
    got = dump_table(t)
    for g, w in zip(got, want["rows"]):
        assert g == w, f"row at lines {w['lines']}"
    assert len(got) == len(want["rows"])


def test_columns_carry_formulas_and_years(doc):
    cols = {c.id: c for c in doc.table("T2.1").columns}
    assert cols["8"].formula == "8=(7/6)" and cols["10"].formula == "10=(5+7+9)"
    assert cols["11"].formula == "11=(10/4)" and "derived" in cols["11"].label
    assert (cols["4"].year, cols["5"].year, cols["7"].year, cols["9"].year, cols["10"].year) == (
        2021,
        2020,
        2021,
        2022,
        2022,
    )


def test_spreadsheet_error_and_dash_kept(doc):
    nodes = {n.code_printed: n for n in doc.table("T2.1").nodes if n.code_printed}
    assert nodes["05.21"].values["8"].status == "error"
    assert nodes["16.09"].values["8"].status == "empty"
    assert nodes["05.01"].values["8"].value == 0 and nodes["05.01"].values["8"].status == "ok"


def test_ambiguous_rows_are_noted_not_guessed(doc):
    notes = [n for n in doc.notes if n.code == "row-ambiguous" and n.message.startswith("Tabel 2.1")]
    node = next(n for n in doc.table("T2.1").nodes if n.code_printed == "05.21")
    assert "5" not in node.values and "7" not in node.values  # 199 orang: column 5 or 7
    assert node.values["raw"].status == "ambiguous"
    assert any(n.span.line_start == node.span.line_start for n in notes)


def _tok(line):
    return split_values(line).tokens


def test_place_full_row_by_order():
    pl = place(_tok("59 kali 29 kali 8 kali 0 kali 0% 69 kali 98 kali 166%"), COLS, {"8", "11"}, FORMULAS)
    assert {c: t.raw for c, t in pl.values.items()} == {
        "4": "59 kali",
        "5": "29 kali",
        "6": "8 kali",
        "7": "0 kali",
        "8": "0%",
        "9": "69 kali",
        "10": "98 kali",
        "11": "166%",
    }


def test_place_uses_formulas_when_a_cell_vanished():
    # 7 is empty: only that reading makes 8, 10 and 11 hold
    pl = place(_tok("28 orang 28 orang 6 orang 0% 125 orang 153 orang 546%"), COLS, {"8", "11"}, FORMULAS)
    assert not pl.ambiguous
    assert {c: t.raw for c, t in pl.values.items()}["6"] == "6 orang"
    assert "7" not in pl.values


def test_place_leaves_ambiguous_tokens_unplaced():
    pl = place(_tok("457 orang 199 orang #DIV/0! 199 kali 44%"), COLS, {"8", "11"}, FORMULAS)
    assert [t.raw for t in pl.unplaced] == ["199 orang"]
    assert {c: t.raw for c, t in pl.values.items()} == {"4": "457 orang", "8": "#DIV/0!", "10": "199 kali", "11": "44%"}


def test_split_values_keeps_indicator_and_keterangan():
    sp = split_values("Jumlah dokumen formasi 4 dokumen 3 dokumen 100% DPA: Penyusunan")
    assert sp.text == "Jumlah dokumen formasi" and sp.rest == "DPA: Penyusunan"
    assert [t.kind for t in sp.tokens] == ["Q", "Q", "P"]
    assert split_values("Laporan Tahun 2021") is None
    assert split_values("206 unit kerja; 1 paket").messy


def _fm(text, tmp_path, name, rule="FM01"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return [f for f in check([p], select=[rule]).findings]


def test_altered_realisation_makes_and_clears_finding(text, tmp_path):
    # 01.01: 10 = 395 + 21 + 70 = 486 holds in the sample
    line = "Jumlah surat yang dikirim 600 surat 395 surat 150 surat 21 surat 14% 70 surat 486 surat 81%"
    assert line in text
    base = [f for f in _fm(text, tmp_path, "a.txt") if "01.01" in f.text("en")]
    assert base == []
    altered = text.replace(line, line.replace("21 surat 14%", "31 surat 14%"))
    found = [f for f in _fm(altered, tmp_path, "b.txt") if "01.01" in f.text("en")]
    cols = sorted(f.evidence["formula"] for f in found)
    assert cols == ["10=(5+7+9)", "8=(7/6)"]  # 31/150 = 20.7% and 395+31+70 = 496
    # and a row written by the stock convention repaired: 01.10 prints 10 = 14 (the value of
    # column 5) where 14 + 10 + 10 = 34: not an arithmetic slip (FM01) but FM05, a warning
    bad = "14 jenis 14 jenis 14 jenis 10 jenis 71% 10 jenis 14 jenis 100%"
    assert not any("01.10" in f.text("en") for f in _fm(text, tmp_path, "c.txt"))
    stock = [f for f in _fm(text, tmp_path, "c5.txt", "FM05") if "01.10" in f.text("en")]
    assert [(f.severity, f.expected, f.found) for f in stock] == [("warning", "10 jenis", "14 jenis")]
    fixed = text.replace(bad, "14 jenis 0 jenis 14 jenis 10 jenis 71% 4 jenis 14 jenis 100%")
    assert not any("01.10" in f.text("en") for f in _fm(fixed, tmp_path, "d.txt", "FM05"))
