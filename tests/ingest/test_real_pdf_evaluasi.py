"""Golden test of the evaluation table T-C.29 read by position from a real Renja PDF.

Sumatera Utara, Renja 2026 (../shared/samples/real, never copied here): "Tabel 2. 4. T- C.29
Rekapitulasi Hasil Pelaksanaan Renja dan Pencapaian renstra", pages 23-37, columns numbered
``1 2 3 4 5 6 7 8=7/6 9 10=(5+7+9) 11=(10/4)`` (the last cell printed a line higher, its
closing parenthesis a line lower). Every figure below was read by hand from the words and
their positions on the page (PDFium) and from the page rendered to PNG.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from renja_check.ingest import load_document

from .test_real_pdfs import BOGOR, KALTIM, REAL, SUMUT, _row

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/samples/real not present")


@pytest.fixture(scope="module")
def table():
    doc = load_document(SUMUT)
    tables = doc.tables_with_role("evaluasi")
    assert len(tables) == 1
    return tables[0]


def _cells(node):
    return {c: q.raw for c, q in node.values.items()}


def test_table_and_columns(table):
    assert (table.id, table.number, table.role) == ("T2.1", "2.4", "evaluasi")
    assert table.span.page == 23 and max(n.span.page for n in table.nodes) == 37
    cols = [(c.id, c.role, c.formula) for c in table.columns]
    assert cols == [
        ("1", "kode", None),
        ("2", "nama", None),
        ("3", "indikator", None),
        ("4", "target", None),
        ("5", "realisasi", None),
        ("6", "target", None),
        ("7", "realisasi", None),
        ("8", "rate", "8=7/6"),
        ("9", "target", None),
        ("10", "realisasi", "10=(5+7+9)"),
        ("11", "capaian", "11=(10/4)"),  # printed over two lines
    ]
    assert table.columns[3].label == "Target Kinerja Capaian Program (renstra PD) tahun 2024"
    assert table.years == [2024]


def test_row_count_and_levels(table):
    # 91 printed codes (pages 23-37), the agency total above them and one sub kegiatan printed
    # without a code (page 36)
    assert len(table.nodes) == 93
    levels = [n.level for n in table.nodes]
    assert levels.count("total") == 1 and levels.count("bidang") == 2
    assert levels.count("program") == 11  # 2.08.01-07, 2.14.02-04, the UPTD block reusing 2.08.03 (p. 36)
    assert levels.count("kegiatan") == 25 and levels.count("subkegiatan") == 54  # 53 coded


def test_total_and_bidang_rows(table):
    total = table.nodes[0]
    assert total.level == "total" and total.code is None
    assert total.name == "DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK DAN KELUARGA BERENCANA"
    assert _cells(total) == {
        "4": "98.859.069.919",
        "5": "16.851.736.277",
        "6": "17.782.096.736",
        "7": "16.851.736.277",
        "8": "94,97%",  # printed a line above the amounts
        "9": "17.782.096.736",
        "10": "16.851.736.277",
        "11": "94,97%",
    }
    bidang = _row(table, "2.08")
    assert bidang.parent == total.id
    assert bidang.name == "URUSAN PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"
    # amounts wrapped inside their cell: "Rp85.149.979.3" / "89"
    assert _cells(bidang) == {
        "4": "Rp85.149.979.389",
        "5": "16.357.367.762",
        "6": "Rp17.146.487.036",
        "7": "16.357.367.762",
        "8": "85%",
        "9": "Rp17.146.487.036",
        "10": "16.357.367.762",
        "11": "85%",
    }
    assert bidang.values["4"].value == 85_149_979_389 and bidang.values["4"].unit == "Rp"
    assert bidang.values["5"].value == 16_357_367_762 and bidang.values["5"].unit is None


def test_program_kegiatan_sub_kegiatan(table):
    prog = _row(table, "2.08.01")
    assert prog.level == "program" and prog.parent == _row(table, "2.08").id
    assert prog.name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
    assert [i.text for i in prog.indicators] == ["Persentase dukungan kinerja tersedia"]
    keg = _row(table, "2.08.01.1.01")  # code printed "2.08.01.1.0" / "1"
    assert keg.level == "kegiatan" and keg.parent == prog.id
    assert keg.name == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert [i.text for i in keg.indicators] == ["Persentase dokumen perencanaan tersedia"]
    assert _cells(keg) == {
        "4": "371.686.400",
        "5": "Rp85.465.500",
        "6": "Rp85.466.150",
        "7": "Rp85.465.500",
        "8": "99,7%",
        "9": "Rp85.466.150",
        "10": "Rp85.465.500",
        "11": "99,7%",
    }
    sub = _row(table, "2.08.01.1.01.0001")  # "2.08.01.1.0" / "1.0001"
    assert sub.level == "subkegiatan" and sub.parent == keg.id
    assert sub.name == "Penyusunan dokumen perencanaan perangkat daerah"
    assert [i.text for i in sub.indicators] == ["Jumlah Dokumen Perencanaan Perangkat Daerah"]
    # the rate columns print the output count (11 documents), the amounts a line lower
    assert _cells(sub) == {
        "4": "371.686.400",
        "5": "85.465.500",
        "6": "85.466.150",
        "7": "85.465.500",
        "8": "11",
        "9": "85.466.150",
        "10": "85.465.500",
        "11": "11",
    }
    assert sub.values["8"].value == Decimal(11)


def test_cells_across_columns_and_pages(table):
    # "Rp1.808.477.70" / "5" (page 25): the "5" lies over the edge of columns 7 and 8 and
    # goes to column 7, whose figures share its right edge
    keg = _row(table, "2.08.01.1.08")
    assert keg.values["7"].raw == "Rp1.808.477.705" and keg.values["10"].raw == "Rp1.808.477.705"
    assert _row(table, "2.08.01.1.06.0009").span.page == 25  # the first row of page 25
    assert _row(table, "2.08.01.1.06.0009").values["4"].raw == "9.134.682.939"
    # the UPTD block (page 36): three amounts only, in columns 5, 7 and 10
    uptd = [n for n in table.nodes if n.name == "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK"]
    assert len(uptd) == 1 and _cells(uptd[0]) == {"5": "Rp320.547.815", "7": "Rp320.547.815", "10": "Rp320.547.815"}
    # the last row (page 37), nothing of the next page (prose, portrait) taken in
    last = table.nodes[-1]
    assert last.code == "2.08.07.1.02.0006" and last.span.page == 37
    assert _cells(last) == {
        "4": "400.362.546",
        "5": "70.081.150",
        "6": "Rp117.740.000",
        "7": "70.081.150",
        "8": "200",
        "9": "Rp117.740.000",
        "10": "70.081.150",
        "11": "200",
    }


def test_uncoded_row_and_empty_cells(table):
    """Page 36: a sub kegiatan printed without a code under 2.14.04.1.01.0019, its empty
    cells printed '-'."""
    row = next(n for n in table.nodes if n.name.startswith("Advokasi, sosialisasi dan promosi"))
    assert row.code is None and row.level == "subkegiatan"
    assert row.parent == _row(table, "2.14.04.1.01").id
    assert row.name == (
        "Advokasi, sosialisasi dan promosi indeks Pembangunan Keluarga (iBangga) tingkat Provinsi dan kab/Kota"
    )
    assert _cells(row) == {"4": "0", "5": "-", "6": "-", "7": "-", "8": "3", "9": "-", "10": "-", "11": "3"}
    assert row.values["5"].status == "empty"
    before = _row(table, "2.14.04.1.01.0019")
    assert _cells(before) == {
        "4": "128.040.000",
        "5": "-",
        "6": "Rp0",
        "7": "-",
        "8": "4",
        "9": "Rp0",
        "10": "-",
        "11": "4",
    }


def test_no_cell_left_unplaced():
    doc = load_document(SUMUT)
    assert not [n for n in doc.notes if n.code == "row-ambiguous" and "T-C.29" in n.message]


def test_other_pdfs_have_no_evaluation_table():
    for path in (BOGOR, KALTIM):
        assert not load_document(path).tables_with_role("evaluasi")


def test_findings_on_the_table_reviewed():
    """Reviewed one by one against the pages (see the README, "Layouts read"). The agency filled
    the target/realisation columns with budgets and the rate columns with achievements or
    output counts: each printed formula is broken on most rows, one FM01 each (rows listed)."""
    from renja_check import api

    got = [f for f in api.check([SUMUT]).findings if (f.locator or "").startswith("T2.1")]
    fm01 = sorted(
        (
            f.evidence["formula"],
            f.evidence["pattern"]["rows"],
            f.evidence["pattern"]["checked"],
            len(f.evidence["rows"]),
        )
        for f in got
        if f.rule == "FM01"
    )
    assert fm01 == [("10=(5+7+9)", 71, 79, 71), ("11=(10/4)", 79, 83, 79), ("8=7/6", 68, 75, 68)]
    # bidang 2.14 (page 32) prints no rate in columns 8 and 11 although their inputs are there
    assert sorted((f.rule, f.locator, f.evidence["formula"]) for f in got if f.rule == "FM03") == [
        ("FM03", "T2.1:2.14", "11=(10/4)"),
        ("FM03", "T2.1:2.14", "8=7/6"),
    ]
    # rows printing no Rp (read as counts): column 10 holds one addend's value, FM05's reading
    assert sorted(f.locator for f in got if f.rule == "FM05") == [
        "T2.1:2.08.01.1.01.0001",
        "T2.1:2.08.01.1.08.0001",
        "T2.1:2.08.02",
        "T2.1:2.08.02.1.01",
        "T2.1:2.14.03.1.02",
        "T2.1:L924",  # the agency total (its name from line 924)
    ]
    assert sorted({f.rule for f in got}) == ["FM01", "FM03", "FM05"]


def test_unread_review_still_noted_after_the_evaluation_table(monkeypatch):
    """A T-C.31 the review reader cannot read keeps its table-unread note even though the
    T-C.29 before it was read."""
    from renja_check.ingest import posreview
    from renja_check.ingest.pdf import read_positioned
    from renja_check.ingest.posread import other_tables

    monkeypatch.setattr(posreview, "read_review", lambda *a, **k: [])
    pages = read_positioned(SUMUT)
    roles, notes, tables = other_tables(pages, str(SUMUT), lambda page, code: 1, set(), [], 2026)
    assert [t.role for t in tables] == ["evaluasi"]
    assert [n.span.page for n in notes if n.code == "table-unread"] == [40, 51, 69]
