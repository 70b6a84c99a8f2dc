"""Prose claims and the prose program list.

``tests/golden/claims.yaml`` was produced from the model and checked sentence by
sentence against the sample. Regenerate with ``RENJA_REGEN_GOLDEN=1``, review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from renja_check.corpus import load_nomenclature
from renja_check.ingest.pdftext import parse_text
from renja_check.ingest.pdftext.base import ParseContext, split_lines
from renja_check.ingest.pdftext.claims import prose_lists
from renja_check.paths import sample_renja

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "claims.yaml"


@pytest.fixture(scope="module")
def sample_doc():
    return parse_text(sample_renja().read_text(encoding="utf-8"), "renja.txt")


def summary(doc) -> dict:
    claims = [
        {
            "id": c.id,
            "kind": c.kind,
            "subject": c.subject,
            "value": c.value,
            "raw": c.raw,
            "year": c.year,
            "section": c.section,
            "qualifier": c.qualifier,
            "refers_to": c.refers_to,
            "lines": f"{c.span.line_start}-{c.span.line_end}",
            "sentence": c.sentence,
        }
        for c in doc.claims
    ]
    lists = {
        t.id: [
            {
                "level": n.level,
                "ordinal": n.ordinal,
                "name": n.name,
                "parent": n.parent,
                "lines": f"{n.span.line_start}-{n.span.line_end}",
                "id": n.id,
            }
            for n in t.nodes
        ]
        for t in doc.tables
        if t.role == "daftar_program"
    }
    return {"claims": claims, "lists": lists}


def test_golden_claims_and_list(sample_doc):
    got = summary(sample_doc)
    if os.environ.get("RENJA_REGEN_GOLDEN"):
        GOLDEN.write_text(yaml.safe_dump(got, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    assert got == yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))


def _counts(doc, section):
    return [
        (c.subject, c.value, c.qualifier, c.refers_to) for c in doc.claims if c.kind == "count" and c.section == section
    ]


def test_sample_claims_that_rules_need(sample_doc):
    assert _counts(sample_doc, "2.5") == [
        ("program", 3, "rancangan awal", "T2.5-awal"),
        ("kegiatan", 13, "rancangan awal", "T2.5-awal"),
        ("subkegiatan", 40, "rancangan awal", "T2.5-awal"),
    ]
    assert _counts(sample_doc, "3.3") == [
        ("program", 3, None, "rencana"),
        ("kegiatan", 13, None, "rencana"),
        ("subkegiatan", 37, None, "rencana"),
        ("subkegiatan", 40, "usulan", "rencana"),
    ]
    # "3 Program, 13 Program dan 37 Sub Kegiatan": both program counts, so a rule sees the conflict
    assert _counts(sample_doc, "BAB IV") == [
        ("program", 3, None, "rkpd_akhir"),
        ("program", 13, None, "rkpd_akhir"),
        ("subkegiatan", 37, None, "rkpd_akhir"),
    ]
    total = next(c for c in sample_doc.claims if c.kind == "total" and c.section == "3.3")
    assert total.value == 15_322_392_321 and total.year == 2023 and total.refers_to == "rencana"
    other_years = [c for c in sample_doc.claims if c.section == "2.1" and c.kind in ("count", "total", "reference")]
    assert other_years and all(c.refers_to is None and c.year in (2021, 2022) for c in other_years)
    assert next(c for c in other_years if c.raw == "Rp14.841.380.059,00").value == 14_841_380_059
    ref = next(c for c in sample_doc.claims if c.kind == "reference" and c.raw == "tabel 2.5")
    assert ref.refers_to == "T2.5-awal"
    # table cells ("Jumlah kegiatan 5 kegiatan 3 kegiatan") are no claims
    assert not [c for c in sample_doc.claims if c.span.line_start < 2400 and c.kind == "count"]


def test_prose_list_of_section_3_3(sample_doc):
    t = sample_doc.table("daftar-3.3")
    levels = [n.level for n in t.nodes]
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("subkegiatan")) == (3, 13, 37)
    wrapped = next(n for n in t.nodes if n.name.startswith("Pengadaan Sarana dan Prasarana Gedung"))
    assert wrapped.name.endswith("Bangunan Lainnya") and wrapped.span.line_end > wrapped.span.line_start
    by_id = {n.id: n for n in t.nodes}
    assert all(by_id[n.parent].level == "kegiatan" for n in t.nodes if n.level == "subkegiatan")


SYNTHETIC = """RENCANA KERJA PERANGKAT DAERAH TAHUN 2025

BAB II

2.1 EVALUASI PELAKSANAAN RENJA TAHUN LALU

Pada Tahun 2023 anggaran sebesar Rp 9.000.000.000,00 dengan 2 program, 5 kegiatan dan
12 sub kegiatan.

Jumlah kegiatan 5 kegiatan 3 kegiatan 500 orang

2.5 REVIEW TERHADAP RANCANGAN AWAL RKPD

Pada rancangan awal terdapat 4 Program, 9 Kegiatan dan 21 Sub Kegiatan (dari usulan 25
Sub Kegiatan) dengan pagu sebesar Rp10.500.000.000,-. Dapat dilihat pada tabel 2.5.

BAB III

3.3 PROGRAM DAN KEGIATAN

Dinas merencanakan 4 Program dan 20 Sub Kegiatan. Program dan kegiatan sebagai berikut:

1. PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT

a. Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah
Kabupaten/Kota

Pembangunan Rumah Sakit beserta Sarana dan
Prasarana Pendukungnya

Pembangunan Puskesmas

Demikian rencana ini disusun.
"""


def test_synthetic_document_of_another_agency():
    doc = parse_text(SYNTHETIC, "dinkes.txt")
    counts = [
        (c.section, c.subject, c.value, c.year, c.qualifier, c.refers_to) for c in doc.claims if c.kind == "count"
    ]
    assert counts == [
        ("2.1", "program", 2, 2023, None, None),
        ("2.1", "kegiatan", 5, 2023, None, None),
        ("2.1", "subkegiatan", 12, 2023, None, None),
        ("2.5", "program", 4, 2025, "rancangan awal", "T2.5-awal"),
        ("2.5", "kegiatan", 9, 2025, "rancangan awal", "T2.5-awal"),
        ("2.5", "subkegiatan", 21, 2025, "rancangan awal", "T2.5-awal"),
        ("2.5", "subkegiatan", 25, 2025, "usulan", "T2.5-awal"),
        ("3.3", "program", 4, 2025, None, None),
        ("3.3", "subkegiatan", 20, 2025, None, None),
    ]
    totals = [(c.value, c.year, c.refers_to) for c in doc.claims if c.kind == "total"]
    assert totals == [(9_000_000_000, 2023, None), (10_500_000_000, 2025, "T2.5-awal")]
    sub = next(c for c in doc.claims if c.value == 12)
    assert sub.sentence.endswith("12 sub kegiatan.") and (sub.span.line_start, sub.span.line_end) == (8, 8)
    ctx = ParseContext(
        path="d.txt", lines=split_lines(SYNTHETIC), nomenclature=load_nomenclature(), year=2025, bidang=["1.02"]
    )
    items = prose_lists(ctx)
    assert [(lvl, name) for lvl, name, _ in items] == [
        ("program", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"),
        ("kegiatan", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota"),
        ("subkegiatan", "Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya"),
        ("subkegiatan", "Pembangunan Puskesmas"),
    ]
    assert (items[2][2].line_start, items[2][2].line_end) == (28, 29)
