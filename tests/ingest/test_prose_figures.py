"""Prose arithmetic and identity claims are read from the sample's own sentences (issue 11)."""

from __future__ import annotations

import pytest

from renja_check.ingest.pdftext import parse_text
from renja_check.paths import sample_renja


@pytest.fixture(scope="module")
def sample_doc():
    return parse_text(sample_renja().read_text(encoding="utf-8"), "renja.txt")


def test_percentage_and_parts_claims_of_the_sample(sample_doc):
    got = {
        (c.kind, c.qualifier, c.value, c.span.line_start) for c in sample_doc.claims if c.kind in ("percent", "parts")
    }
    assert ("percent", "share", 9251, 2439) in got
    assert ("parts", None, 14_841_380_059, 2429) in got


def test_identity_claims_of_the_sample(sample_doc):
    plan = [(c.value, c.year, c.section) for c in sample_doc.claims if c.kind == "plan_year"]
    assert (2023, 2023, "kata pengantar") in plan and (2021, 2022, "kata pengantar") in plan
    # "EVALUASI PELAKSANAAN RENJA ... TAHUN 2021" is about the past, not the plan year
    assert all(v != 2021 or y == 2022 for v, y, _ in plan)
    periods = {(c.value, c.year) for c in sample_doc.claims if c.kind == "period"}
    assert periods == {(2021, 2026)}


def test_identity_mentions_of_other_documents_and_past_years_are_left_out():
    from renja_check.ingest.pdftext.base import ParseContext, split_lines
    from renja_check.ingest.pdftext.identity import identity_claims

    text = (
        "KATA PENGANTAR\nRenja Dinas Contoh Tahun 2026 ini disusun.\nDAFTAR ISI\n"
        "Dasar hukum penyusunan Renja Dinas Contoh Tahun 2025 adalah:\n"
        "acuan dalam membuat Rencana Kerja Anggaran Tahun 2027\n"
        "Target Renja PD Tahun 2024\nEvaluasi Pelaksanaan Renja Tahun 2024\n"
        "sesuai Renstra Dinas Contoh Periode 2025-2029.\n"
    )
    ctx = ParseContext(path="x.txt", lines=split_lines(text), nomenclature=None)
    got = [(c.kind, c.value, c.year, c.section) for c in identity_claims(ctx)]
    assert got == [
        ("plan_year", 2026, 2026, "kata pengantar"),
        ("plan_year", 2025, 2025, "teks"),
        ("period", 2025, 2029, "teks"),
    ]
