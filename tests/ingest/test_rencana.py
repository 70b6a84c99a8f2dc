"""The plan table (T-C.33) reader: golden test on the sample and altered / synthetic copies.

Regenerate the golden with ``RENJA_REGEN_GOLDEN=1 pytest tests/ingest/test_rencana.py``
and review it against the text (``awk 'NF{print NR": "$0}' <sample>``) before committing.
"""

import os
from pathlib import Path

import pytest
import yaml

from renja_check.ingest.pdftext import parse_text
from renja_check.paths import sample_renja

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def sample_lines() -> list[str]:
    return Path(sample_renja()).read_text(encoding="utf-8").splitlines()


def parse_lines(lines: list[str], name: str = "altered.txt"):
    return parse_text("\n".join(lines) + "\n", name)


def table_dump(doc, table_id: str) -> dict:
    return doc.table(table_id).model_dump(mode="json", exclude_none=True)


def check_golden(doc, table_id: str) -> None:
    path = GOLDEN / f"{table_id}.yaml"
    got = table_dump(doc, table_id)
    if os.environ.get("RENJA_REGEN_GOLDEN"):
        path.write_text(yaml.safe_dump(got, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    assert got == yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_doc():
    return parse_lines(sample_lines(), "renja-2023-bkpsdm-bontang.txt")


def nodes(doc, table_id="rencana"):
    return {n.id: n for n in doc.table(table_id).nodes}


def find(doc, line_no: int, table_id="rencana"):
    return next(n for n in doc.table(table_id).nodes if n.span.line_start == line_no)


def drop(lines: list[str], first: int, last: int) -> list[str]:
    """Lines without the 1-based inclusive range [first, last] (blank lines keep counts elsewhere)."""
    return lines[: first - 1] + lines[last:]


# -- the sample ------------------------------------------------------------------------
def test_golden_plan_table_of_the_sample(sample_doc):
    check_golden(sample_doc, "rencana")


def test_sample_tree_shape_and_printed_totals(sample_doc):
    t = sample_doc.table("rencana")
    assert t.complete and t.years == [2023, 2024]
    levels = [n.level for n in t.nodes]
    assert levels.count("program") == 3 and levels.count("kegiatan") == 13
    assert levels.count("subkegiatan") == 40 and levels.count("bidang") == 2
    ns = nodes(sample_doc)
    assert ns["rencana:total"].pagu["2023"].value == 15_322_725_321 and "2024" not in ns["rencana:total"].pagu
    assert ns["rencana:5.03"].parent == "rencana:total" and ns["rencana:5.03"].name == "KEPEGAWAIAN"
    assert ns["rencana:5.03.01"].parent == "rencana:5.03"
    assert all(n.code_status == "resolved" for n in t.nodes if n.level in ("kegiatan", "subkegiatan"))


def test_program_split_across_pages_takes_glued_amounts_and_indicators_from_the_next_page(sample_doc):
    p = nodes(sample_doc)["rencana:5.03.02"]
    assert p.name == "PROGRAM KEPEGAWAIAN DAERAH" and p.code_printed == "5 3 2"
    # printed glued as 3,151,927,500 then 2,246,554,400; only the swapped order agrees with
    # its kegiatan in both years, so the year columns follow the rows (and a note says so)
    assert (p.pagu["2023"].value, p.pagu["2024"].value) == (2_246_554_400, 3_151_927_500)
    assert any(n.code == "column-order" and "rencana:5.03.02" in n.message for n in sample_doc.notes)
    # three indicators printed in one cell ("Indeks A ; Indeks B ; Indeks C" / "4 ; 25 ; 15 Indeks")
    # are read as three indicators, the unit written once after the last value
    assert [i.text for i in p.indicators] == [
        "Indeks Dimensi Disiplin",
        "Indeks Dimensi Kinerja",
        "Indeks Dimensi Kualifikasi",
        "Persentase ASN berkinerja minimal bernilai baik",
        "Persentase Kinerja Layanan Kepegawaian",
    ]
    assert [(i.targets["2024"].raw, i.targets["2024"].value, i.targets["2024"].unit) for i in p.indicators[:3]] == [
        ("4", 4, "Indeks"),
        ("25", 25, "Indeks"),
        ("15 Indeks", 15, "Indeks"),
    ]
    assert p.indicators[3].targets["2023"].value == 96
    # its kegiatan follow it, under it
    assert nodes(sample_doc)["rencana:5.03.02.2.01"].parent == "rencana:5.03.02"


def test_sub_kegiatan_cells(sample_doc):
    s = nodes(sample_doc)["rencana:5.03.01.2.05.0002"]
    assert s.code_printed == "5 3 1 2.1 2" and s.parent == "rencana:5.03.01.2.05"
    assert s.name == "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya"
    assert s.indicators[0].text == "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan"
    assert s.lokasi == "Kota Bontang, Bontang Selatan, Bontang Lestari"
    assert s.sumber_dana == "PENDAPATAN ASLI DAERAH (PAD)"
    assert (s.pagu["2023"].value, s.pagu["2024"].value) == (62_190_000, 56_000_000)
    zero = nodes(sample_doc)["rencana:5.03.01.2.01.0001"]
    assert zero.pagu["2023"].value == 0 and zero.pagu["2023"].status == "ok"
    glued = nodes(sample_doc)["rencana:5.03.02.2.03.0013"]  # name and indicator on the code line
    assert glued.name == "Pembinaan Jabatan Fungsional ASN"
    assert glued.indicators[0].text == "Jumlah ASN Fungsional yang Dibina"


# -- altered copies of the sample -----------------------------------------------------------
def test_a_removed_row_leaves_its_neighbours_intact(sample_doc):
    lines = sample_lines()
    assert lines[5808].startswith("5 3 1 2.1 4 Penyediaan Bahan Logistik Kantor")
    doc = parse_lines(drop(lines, 5809, 5825))
    t = doc.table("rencana")
    assert sum(n.level == "subkegiatan" for n in t.nodes) == 39
    ns = nodes(doc)
    assert "rencana:5.03.01.2.06.0004" not in ns
    assert ns["rencana:5.03.01.2.06.0005"].pagu["2023"].value == 140_054_615
    assert ns["rencana:5.03.01.2.06.0002"].pagu["2024"].value == 150_000_000
    assert ns["rencana:5.03.01.2.06"].pagu["2023"].value == 827_349_758  # subtotal as printed
    assert t.complete


def test_changed_amounts_are_read_as_printed():
    lines = sample_lines()
    i = next(k for k, ln in enumerate(lines) if ln.replace("\u00a0", " ").strip() == "2 Paket 54,330,436")
    lines[i] = lines[i].replace("54,330,436", "64,330,436")
    j = next(k for k, ln in enumerate(lines) if ln.startswith("3,151,927,5002,246,554,400"))
    lines[j] = lines[j].replace("3,151,927,500", "3,151,927,501")
    doc = parse_lines(lines)
    ns = nodes(doc)
    assert ns["rencana:5.03.01.2.06.0004"].pagu["2023"].value == 64_330_436
    assert ns["rencana:5.03.02"].pagu["2023"].value == 3_151_927_501
    assert ns["rencana:5.03.01.2.06"].pagu["2023"].value == 827_349_758
    assert ns["rencana:total"].pagu["2023"].value == 15_322_725_321


def test_a_table_cut_in_half_is_incomplete_with_a_note():
    lines = sample_lines()
    bab4 = next(k for k, ln in enumerate(lines) if ln.strip() == "BAB IV")
    doc = parse_lines(lines[:6100] + lines[bab4:])
    t = doc.table("rencana")
    assert not t.complete
    assert any(n.code == "table-truncated" and "rencana" in n.message for n in doc.notes)
    subs = [n for n in t.nodes if n.level == "subkegiatan"]
    assert len(subs) == 19 and "2024" not in subs[-1].pagu  # the last row lost its 2024 cells
    # a table that starts mid-way (its first pages lost)
    start = next(k for k, ln in enumerate(lines) if ln.strip().startswith("RUMUSAN RENCANA PROGRAM"))
    doc = parse_lines(lines[: start + 10] + lines[6440:])
    t = doc.table("rencana")
    assert not t.complete and t.nodes
    assert any(n.code == "table-truncated" and "rencana" in n.message for n in doc.notes)


def test_garbled_table_lines_never_raise():
    import random

    rng = random.Random(7)
    base = sample_lines()
    start = next(k for k, ln in enumerate(base) if ln.strip().startswith("RUMUSAN RENCANA PROGRAM"))
    for _ in range(4):
        lines = list(base)
        for _ in range(60):
            i = rng.randrange(start, start + 1570)
            lines[i] = (
                lines[i][::-1] if rng.random() < 0.5 else lines[i] + " " + lines[rng.randrange(start, start + 1570)]
            )
        doc = parse_lines(lines)
        assert doc.table("rencana") is not None


# -- another agency in the same template -------------------------------------------------------
HEADER = [
    "Lokasi",
    "Rencana Tahun 2025",
    "Catatan Penting",
    "{labels}",
    "Prakiraan Maju Rencana Tahun",
    "2026",
    "Target Capaian",
    "Kinerja",
    "Kebutuhan",
    "Dana/Pagu Indikatif",
    "Sumber Dana",
    "Target",
    "Capaian",
    "Kinerja",
    "Kebutuhan",
    "Dana/Pagu Indikatif",
    "Kode",
    "Urusan/ Bidang Urusan/ Program/",
    "Kegiatan/ Sub Kegiatan",
    "Indikator Program/ Kegiatan/",
    "Sub Kegiatan",
]


def header(*labels: str) -> list[str]:
    out = []
    for h in HEADER:
        out.extend(labels if h == "{labels}" else [h])
    return out


def sub(code, name_lines, indicator_lines, t, p1, p2):
    return (
        [code]
        + name_lines
        + indicator_lines
        + ["Kota Contoh,", "Semua Kecamatan"]
        + [f"{t} {p1}", "PENDAPATAN ASLI", "DAERAH (PAD)", f"{t} {p2}"]
    )


def other_agency() -> list[str]:
    page1 = (
        [
            "RENCANA KERJA (RENJA) DINAS KESEHATAN TAHUN 2025",
            "PEMERINTAH KABUPATEN CONTOH",
            "RUMUSAN RENCANA PROGRAM DAN KEGIATAN PERANGKAT DAERAH 2025",
            "DAN PERKIRAAN MAJU TAHUN 2026",
            "DINAS KESEHATAN",
            "1",
            "1 2 3,155,000,000 2,830,000,000",
            "1 2 1",
            "PROGRAM PENUNJANG URUSAN",
            "PEMERINTAHAN DAERAH",
            "KABUPATEN/KOTA",
            "Persentase layanan penunjang",
            "100 persen 60,000,000 100 persen 70,000,000",
            "1 2 1 2.1",
            "Administrasi Umum Perangkat",
            "Daerah",
            "Jumlah layanan administrasi umum 2 layanan 60,000,000 2 layanan 70,000,000",
        ]
        + sub(
            "1 2 1 2.1 9",
            ["Penyelenggaraan Rapat Koordinasi", "dan Konsultasi SKPD"],
            ["Jumlah Laporan Rapat"],
            "12 Laporan",
            "60,000,000",
            "70,000,000",
        )
        + [
            "1 2 2",
            "PROGRAM PEMENUHAN UPAYA KESEHATAN",
            "PERORANGAN DAN UPAYA KESEHATAN",
            "MASYARAKAT",
            "Persentase fasilitas kesehatan",
            "sesuai standar",
            "90 persen 2,695,000,000 95 persen 1,510,000,000",
            "1 2 2 2",
            "Penyediaan Fasilitas Pelayanan Kesehatan",
            "untuk UKM dan UKP Kewenangan Daerah",
            "Kabupaten/Kota",
            "Jumlah fasilitas yang dibangun",
            "2 unit 2,500,000,000 1 unit 1,300,000,000",
        ]
        + sub("1 2 2 2 2 Pembangunan Puskesmas", [], ["Jumlah Puskesmas yang Dibangun"], "1 Unit", "1,500,000,000", "0")
        + sub(
            "1 2 2 2.1 3",
            ["Pembangunan Fasilitas Kesehatan", "Lainnya"],
            ["Jumlah Fasilitas Kesehatan Lainnya", "yang Dibangun"],
            "1 Unit",
            "1,000,000,000",
            "1,300,000,000",
        )
        + [
            "1 2 2 2",
            "Penyediaan Layanan Kesehatan untuk",
            "UKM dan UKP Rujukan Tingkat Daerah",
            "Kabupaten/Kota",
            "Jumlah layanan",
            "2 layanan 195,000,000 2 layanan 210,000,000",
        ]
        + sub(
            "1 2 2 2 1",
            ["Pengelolaan Pelayanan Kesehatan Ibu", "Hamill"],
            ["Jumlah Ibu Hamil yang Mendapatkan", "Pelayanan Kesehatan"],
            "1200 Orang",
            "120,000,000",
            "-",
        )
        + sub(
            "1 2 2 2 9",
            ["Pengelolaan Pelayanan Kesehatan", "Balita"],
            ["Jumlah Balita yang Dilayani"],
            "900 Orang",
            "75,000,000",
            "210,000,000",
        )
        + header("URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", "KESEHATAN")
    )
    page2 = (
        ["Persentase tenaga kesehatan", "berizin", "95 persen 97 persen"]
        + [
            "1 2 3 2",
            "Pemberian Izin Praktik Tenaga",
            "Kesehatan di Wilayah Kabupaten/Kota",
            "Jumlah izin yang diterbitkan",
            "300 izin 400,000,000 350 izin 1,250,000,000",
        ]
        + sub(
            "1 2 3 2 2",
            ["Pembinaan dan Pengawasan Tenaga Kesehatan", "serta Tindak Lanjut Perizinan Praktik", "Tenaga Kesehatan"],
            ["Jumlah Dokumen Hasil Pembinaan"],
            "4 Dokumen",
            "350,000,000",
            "1,250,000,000",
        )
        + sub(
            "1 2 3 2 5",
            ["Penyuluhan Rekaan Tentang Hal", "Yang Tidak Ada"],
            ["Jumlah Kegiatan Penyuluhan"],
            "2 Kegiatan",
            "50,000,000",
            "0",
        )
        + ["3,155,000,000"]
        + [
            "Lokasi",
            "Rencana Tahun 2025",
            "Catatan Penting",
            "400,000,0001,250,000,0001 2 3 PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN",
        ]
        + header("TOTAL")[3:]
    )
    lines = []
    for ln in page1 + page2:
        lines.extend([ln, ""])
    return lines


@pytest.fixture(scope="module")
def agency_doc():
    return parse_lines(other_agency(), "renja-dinkes.txt")


def test_another_agency_plan_table(agency_doc):
    doc = agency_doc
    assert doc.bidang[0] == "1.02" and doc.year == 2025
    t = doc.table("rencana")
    assert t.years == [2025, 2026] and t.complete
    ns = nodes(doc)
    assert ns["rencana:total"].pagu == {"2025": ns["rencana:total"].pagu["2025"]}
    assert ns["rencana:total"].pagu["2025"].value == 3_155_000_000
    assert ns["rencana:1.02"].name == "KESEHATAN" and ns["rencana:1.02"].pagu["2026"].value == 2_830_000_000
    # program penunjang under the agency's own bidang
    assert ns["rencana:1.02.01.2.06.0009"].parent == "rencana:1.02.01.2.06"
    assert ns["rencana:1.02.02.2.01.0002"].name == "Pembangunan Puskesmas"
    assert ns["rencana:1.02.02.2.01.0002"].pagu["2026"].value == 0
    assert ns["rencana:1.02.02.2.01.0003"].indicators[0].text == "Jumlah Fasilitas Kesehatan Lainnya yang Dibangun"
    # a misspelled name resolves, and keeps its print
    hamil = ns["rencana:1.02.02.2.02.0001"]
    assert hamil.name == "Pengelolaan Pelayanan Kesehatan Ibu Hamill" and hamil.code_status == "resolved"
    assert hamil.pagu["2026"].status == "empty"
    # ordinal 9 printed, the name is 0004: resolved by name, print kept, noted
    balita = ns["rencana:1.02.02.2.02.0004"]
    assert balita.code_printed == "1 2 2 2 9"
    assert any(n.code == "code-conflict" and "ordinal 9" in n.message for n in doc.notes)
    # the program glued to the page header, with its indicator from the top of the page
    prog = ns["rencana:1.02.03"]
    assert (prog.pagu["2025"].value, prog.pagu["2026"].value) == (400_000_000, 1_250_000_000)
    assert prog.indicators[0].text == "Persentase tenaga kesehatan berizin"
    assert prog.indicators[0].targets["2026"].value == 97
    assert ns["rencana:1.02.03.2.01"].parent == "rencana:1.02.03"
    # a name the nomenclature does not know stays unresolved, under its kegiatan
    rekaan = next(n for n in t.nodes if n.name.startswith("Penyuluhan Rekaan"))
    assert rekaan.code is None and rekaan.code_status == "unresolved" and rekaan.id.startswith("rencana:L")
    assert rekaan.parent == "rencana:1.02.03.2.01"
    assert any(n.code == "code-unresolved" for n in doc.notes)


def test_glued_amounts_keep_printed_order_when_rows_do_not_decide(tmp_path):
    """If neither order of glued amounts agrees with the rows, the printed order stays."""
    from renja_check.ingest.pdftext import parse_text
    from renja_check.paths import sample_renja

    text = sample_renja().read_text(encoding="utf-8")
    glued = "3,151,927,5002,246,554,4005 3 2 PROGRAM KEPEGAWAIAN DAERAH"
    assert glued in text
    altered = text.replace(glued, "3,151,927,5012,246,554,4005 3 2 PROGRAM KEPEGAWAIAN DAERAH")
    doc = parse_text(altered, "altered.txt")
    p = nodes(doc)["rencana:5.03.02"]
    assert (p.pagu["2023"].value, p.pagu["2024"].value) == (3_151_927_501, 2_246_554_400)
    assert not any(n.code == "column-order" for n in doc.notes)
