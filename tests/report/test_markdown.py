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


def test_skipped_rules_and_agencies_are_listed():
    r = report()
    r.stats = r.stats.model_copy(
        update={
            "skipped": {"XD03": ["rkpd"]},
            "agencies": [
                {
                    "name": "Dinas Contoh",
                    "findings": {"error": 1, "warning": 2, "info": 0},
                    "pagu_n": 1500,
                    "pagu_n1": 1650,
                    "documents": {"renja": ["a.json"], "rkpd": []},
                }
            ],
        }
    )
    out = markdown.render(r, "en")
    lines = out.splitlines()
    assert "**Skipped (document or the part needed absent):** XD03 (rkpd)" in lines
    assert "| Dinas Contoh | 1 | 2 | 0 | Rp 1.500 | Rp 1.650 | renja 1, rkpd 0 |" in lines
