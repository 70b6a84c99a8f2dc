"""Markdown for the Berita Acara: summary table, then findings per table."""

import re

from renja_check.report import markdown

from .synthetic import report


def test_summary_then_sections_per_table():
    out = markdown.render(report(), "id")
    assert out.startswith("# Hasil Verifikasi Renja (renja-check)")
    summary, rest = out.split("## Tabel rencana", 1)
    assert "| galat | 1 |" in summary and "| PG91 — Subtotal tidak sama dengan jumlah rincian | 1 |" in summary
    assert "## Tabel rkpd_akhir" in rest and "## (di luar tabel)" in out
    row = next(line for line in rest.splitlines() if "| PG91 |" in line)
    assert row.startswith("| galat | PG91 | `docs/renja-2023.txt:120-121`")
    assert row.endswith("| 15.322.392.321 | 15.322.725.321 | 333.000 |")


def test_pipes_and_newlines_do_not_break_the_table():
    out = markdown.render(report(), "en")
    row = next(line for line in out.splitlines() if "| XT91 |" in line)
    assert "100% \\| 50%" in row and "<br>second line" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 9  # seven cells between the outer pipes


def test_waived_row_says_so():
    out = markdown.render(report(waive_first=True), "en")
    assert "| error; waived: Disetujui tim verifikasi | PG91 |" in out
