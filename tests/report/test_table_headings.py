"""Reports name tables as people do ("Tabel 2.5 (Hasil Analisis Kebutuhan)"), not by table id."""

import json

import pytest

from renja_check.api import check_report
from renja_check.report import json_, markdown, text
from renja_check.paths import sample_renja

from .synthetic import TABLES, report


def _headings(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith(" ")][:3]


def test_text_headings_use_the_run_labels_in_each_language():
    assert _headings(text.render(report(tables=TABLES), "id")) == [
        "(di luar tabel)",
        "Rumusan Rencana Program dan Kegiatan",
        "Tabel 4.1 (Rancangan Akhir RKPD)",
    ]
    assert _headings(text.render(report(tables=TABLES), "en")) == [
        "(not in a table)",
        "Rumusan Rencana Program dan Kegiatan",
        "Table 4.1 (Rancangan Akhir RKPD)",
    ]


def test_unlabelled_table_falls_back_to_its_id():
    assert _headings(text.render(report(tables={"rencana": TABLES["rencana"]}), "en"))[2] == "Table rkpd_akhir"


def test_markdown_sections_use_the_labels():
    out = markdown.render(report(tables=TABLES), "en")
    assert "## Rumusan Rencana Program dan Kegiatan" in out and "## Table 4.1 (Rancangan Akhir RKPD)" in out
    assert "## Table rencana" not in out and "## Table rkpd_akhir" not in out


def test_json_lists_the_labels_in_the_chosen_language():
    data = json.loads(json_.render(report(tables=TABLES), "en"))
    assert data["tables"] == {
        "rencana": "Rumusan Rencana Program dan Kegiatan",
        "rkpd_akhir": "Table 4.1 (Rancangan Akhir RKPD)",
    }
    assert {f["table"] for f in data["findings"]} <= set(data["tables"]) | {None}


@pytest.fixture(scope="module")
def sample_report():
    return check_report([sample_renja()])


def test_sample_tables_are_labelled_by_the_engine(sample_report):
    labels = sample_report.tables
    assert labels["T2.5-analisis"] == {
        "id": "Tabel 2.5 (Hasil Analisis Kebutuhan)",
        "en": "Table 2.5 (Hasil Analisis Kebutuhan)",
    }
    assert labels["rencana"]["id"] == "Rumusan Rencana Program dan Kegiatan"
    assert labels["rkpd_akhir"]["en"] == "Rancangan Akhir RKPD"
    assert labels["daftar-3.3"]["id"] == "Uraian program 3.3"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sample_report_has_no_table_id_headings(sample_report, lang):
    out = text.render(sample_report, lang)
    md = markdown.render(sample_report, lang)
    for tid in {f.table for f in sample_report.findings if f.table}:
        assert f"abel {tid}\n" not in out and f"## Tabel {tid}\n" not in md and f"## Table {tid}\n" not in md
    assert "\nRumusan Rencana Program dan Kegiatan\n" in out
    assert "\n## Uraian program 3.3\n" in md
