"""Tabel 2.5 (review of the rancangan awal RKPD) from PDF text.

The golden file ``tests/golden/review.yaml`` was produced from the model and checked row
by row against the sample text. Regenerate with ``RENJA_REGEN_GOLDEN=1 pytest
tests/ingest/test_review.py`` and review the diff by eye before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from renja_check.corpus import load_nomenclature
from renja_check.ingest.pdftext import parse_text
from renja_check.ingest.pdftext import review
from renja_check.ingest.pdftext.base import ParseContext, find_regions, split_lines
from renja_check.paths import sample_renja

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "review.yaml"


@pytest.fixture(scope="module")
def sample_text() -> str:
    return sample_renja().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_doc(sample_text):
    return parse_text(sample_text, "renja.txt")


def _money(m):
    return {"raw": m.raw, "value": m.value, "status": m.status}


def summary(table) -> dict:
    rows = []
    for n in table.nodes:
        row = {"id": n.id, "level": n.level, "lines": f"{n.span.line_start}-{n.span.line_end}"}
        if n.ordinal:
            row["ordinal"] = n.ordinal
        row.update({"code": n.code, "name": n.name})
        if n.level in ("program", "kegiatan") and n.name_printed is None:
            row["name_from"] = "nomenclature"
        if n.lokasi:
            row["lokasi"] = n.lokasi
        for ind in n.indicators:
            row["indicator"] = ind.text
            row["target"] = {y: {"raw": q.raw, "value": str(q.value), "unit": q.unit} for y, q in ind.targets.items()}
        if n.pagu:
            row["pagu"] = {y: _money(m) for y, m in n.pagu.items()}
        if n.catatan:
            row["catatan"] = n.catatan
        row["parent"] = n.parent
        rows.append(row)
    return {
        "id": table.id,
        "role": table.role,
        "side": table.side,
        "pair": table.pair,
        "number": table.number,
        "years": table.years,
        "complete": table.complete,
        "nodes": rows,
    }


def test_golden_tabel_2_5(sample_doc):
    got = [summary(t) for t in sample_doc.tables if t.id.startswith("T2.5")]
    if os.environ.get("RENJA_REGEN_GOLDEN"):
        GOLDEN.write_text(yaml.safe_dump(got, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    want = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    assert got == want


def test_sample_facts_both_sides(sample_doc):
    awal, analisis = sample_doc.table("T2.5-awal"), sample_doc.table("T2.5-analisis")
    for t in (awal, analisis):
        subs = [n for n in t.nodes if n.level == "subkegiatan"]
        assert len(subs) == 40
        assert all(n.code_status == "resolved" for n in t.nodes if n.level != "total")
        assert len([n for n in t.nodes if n.level == "kegiatan"]) == 13
        assert t.complete
    subtotals = lambda t: [n.pagu["2023"].value for n in t.nodes if n.level == "program"]  # noqa: E731
    assert subtotals(awal) == [10_909_930_647, 2_246_554_400, 2_166_240_275]
    assert subtotals(analisis) == [11_051_497_647, 2_246_554_400, 2_024_340_275]
    assert awal.nodes[0].pagu["2023"].value == 15_322_725_322
    assert analisis.nodes[0].pagu["2023"].value == 15_322_392_322
    # the printed name is kept, misspelling and all
    prog = next(n for n in awal.nodes if n.code == "5.03.01.2.02.0008")
    assert prog.name == "Penyusunan Pelaporan dan Analisis Prognoosis Realisasi Anggaran"
    assert not [n for n in sample_doc.notes if "Tabel 2.5" in n.message]


def test_truncated_in_the_middle(sample_text):
    lines = sample_text.splitlines()
    cut = next(i for i, ln in enumerate(lines) if ln.strip() == "2 2" and i > 4100)  # program II, kegiatan 2
    doc = parse_text("\n".join(lines[: cut + 12]), "cut.txt")
    awal, analisis = doc.table("T2.5-awal"), doc.table("T2.5-analisis")
    assert not awal.complete and not analisis.complete
    assert any(n.code == "table-truncated" and "2.5" in n.message for n in doc.notes)
    subs = [n for n in awal.nodes if n.level == "subkegiatan"]
    assert 22 < len(subs) < 40
    assert not any(n.level == "total" for n in awal.nodes)


def test_cut_between_the_two_copies_of_a_row(sample_text):
    lines = sample_text.splitlines()
    # stop right after the left copy of the very first sub kegiatan ("1 dokumen - a. ...")
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("1 dokumen") and " a. " in ln)
    doc = parse_text("\n".join(lines[:cut]) + "\n1 dokumen -\n", "cut.txt")
    assert not doc.table("T2.5-analisis").complete
    assert any(n.code == "row-unpaired" for n in doc.notes)


# -- another agency, another layout of the same template ------------------------


def _synthetic(nomen) -> str:
    """A small Tabel 2.5 of a health agency (bidang 1.02) built from the nomenclature."""
    prog = nomen.get("1.02.02")
    keg1, keg2 = nomen.children("1.02.02")[:2]
    s1 = nomen.children(keg1.code)[:2]
    s2 = nomen.children(keg2.code)[:1]
    out = [
        "TABEL 2.5",
        "REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2024",
        "DINAS KESEHATAN",
        "LOKASI INDIKATOR KINERJA",
        "TARGET",
        "PAGU",
        "1 3 4 5 6 8 9 10 11 12",
        "I 1.250.000.000 I 1.300.000.000",
        "1 1",
    ]
    a, b = s1
    out += [
        f"a. {a.name} Kecamatan",
        "Utara",
        "Persentase fasilitas",
        "kesehatan terpenuhi",
        f"100 % 500.000.000 a. {a.name}",
        "Kecamatan Utara",
        "Persentase fasilitas kesehatan terpenuhi",
        "100 % 550.000.000",
        "Anggaran ditambah sesuai kebutuhan",
        f"b. {b.name}",
        "Seluruh Kecamatan",
        "- Jumlah dokumen yang",
        "disusun 2 dokumen",
        "-",
        f"b. {b.name}",
        "Seluruh Kecamatan",
        "- Jumlah dokumen yang disusun",
        "3 dokumen 100.000.000",
        keg1.name + keg1.name,
        prog.name.upper(),
        "HASIL ANALISIS KEBUTUHAN",
        "RANCANGAN AWAL RKPD",
        "2 2",
    ]
    c = s2[0]
    out += [
        f"a. {c.name}",
        "Kecamatan Selatan",
        "Jumlah orang yang dilayani 40 orang 750.000.000",
        f"a. {c.name}",
        "Kecamatan Selatan",
        "Jumlah orang yang dilayani 40 orang 650.000.000",
        "TOTAL 1.250.000.000 TOTAL 1.300.000.000",
        keg2.name,
    ]
    return "\n\n".join(out) + "\n", (prog, keg1, keg2, a, b, c)


def test_another_agency_with_dot_thousands_and_a_catatan():
    nomen = load_nomenclature()
    text, (prog, keg1, keg2, a, b, c) = _synthetic(nomen)
    lines = split_lines(text)
    ctx = ParseContext(path="dinkes.txt", lines=lines, nomenclature=nomen, year=2024, bidang=["1.02"])
    region = find_regions(lines)[0]
    awal, analisis = review.parse(ctx, region)
    assert awal.complete and analisis.complete and awal.years == [2024]
    for t in (awal, analisis):
        subs = [n for n in t.nodes if n.level == "subkegiatan"]
        assert [n.code for n in subs] == [a.code, b.code, c.code]
        assert [n.name for n in subs] == [a.name, b.name, c.name]
        kegs = [n for n in t.nodes if n.level == "kegiatan"]
        assert [k.code for k in kegs] == [keg1.code, keg2.code]
        assert kegs[0].name == keg1.name and kegs[1].name == keg2.name  # paired with the page labels
        assert [n.code for n in t.nodes if n.level == "program"] == ["1.02.02"]
    sa = [n for n in awal.nodes if n.level == "subkegiatan"]
    sb = [n for n in analisis.nodes if n.level == "subkegiatan"]
    assert sa[0].lokasi == "Kecamatan Utara"
    assert sa[0].indicators[0].text == "Persentase fasilitas kesehatan terpenuhi"
    assert sa[0].indicators[0].targets["2024"].value == 100
    assert sa[0].pagu["2024"].value == 500_000_000
    assert sb[0].pagu["2024"].value == 550_000_000
    assert sb[0].catatan == "Anggaran ditambah sesuai kebutuhan" and sa[0].catatan is None
    assert sa[1].pagu["2024"].status == "empty" and sb[1].pagu["2024"].value == 100_000_000
    assert sa[1].indicators[0].text == "Jumlah dokumen yang disusun"
    assert sa[1].indicators[0].targets["2024"].raw == "2 dokumen"
    assert sa[2].lokasi == "Kecamatan Selatan" and sa[2].pagu["2024"].value == 750_000_000
    assert awal.nodes[0].level == "total" and awal.nodes[0].pagu["2024"].value == 1_250_000_000
    assert analisis.nodes[0].pagu["2024"].value == 1_300_000_000
    assert not ctx.notes


def test_a_removed_row_and_an_unknown_name_do_not_shift_the_others():
    nomen = load_nomenclature()
    text, (prog, keg1, keg2, a, b, c) = _synthetic(nomen)
    text = text.replace(f"b. {b.name}", "b. Kegiatan Lokal Tanpa Nomenklatur")
    lines = split_lines(text)
    ctx = ParseContext(path="x.txt", lines=lines, nomenclature=nomen, year=2024, bidang=["1.02"])
    awal, _ = review.parse(ctx, find_regions(lines)[0])
    subs = [n for n in awal.nodes if n.level == "subkegiatan"]
    assert [n.code for n in subs] == [a.code, None, c.code]
    assert subs[1].code_status == "unresolved" and subs[1].id == f"T2.5-awal:L{subs[1].span.line_start}"
    assert subs[1].name == "Kegiatan Lokal Tanpa Nomenklatur"
    assert subs[1].lokasi == "Seluruh Kecamatan"  # learnt from the rows that resolved
