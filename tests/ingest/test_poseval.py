"""The evaluation table read by position on made-up pages: a pemda's variant of T-C.29 is one
layout entry (here a satuan column, numbered 1..13), a code wrapped over two lines, a figure
wrapped inside its cell, a word over the edge of two columns."""

from __future__ import annotations

from renja_check.ingest.layout import Layout, load_layout, merge
from renja_check.ingest.pdfwords import Page, Word
from renja_check.ingest.poseval import read_evaluasi

VARIANT = {
    "name": "kab-contoh",
    "numbered_tables": {
        "evaluasi": [
            {
                "name": "kab-contoh-t-c-29",
                "needs": ["1", "2", "3", "4", "13"],
                "header": ["satuan"],
                "columns": {
                    1: "kode",
                    2: "nama",
                    3: "indikator",
                    4: "satuan",
                    5: "target",
                    6: "realisasi",
                    7: "target",
                    8: "realisasi",
                    9: "rate",
                    10: "target",
                    11: "realisasi",
                    12: "capaian",
                    13: "keterangan",
                },  # fmt: skip
                "formulas": {12: "12=(11/5)"},
            }
        ]
    },
}
X = [40, 100, 180, 260, 300, 350, 400, 450, 500, 550, 600, 650, 700]  # left edge of each numbered cell


def _w(text, x0, top, width=None, page=1):
    return Word(text, x0, x0 + (width or 6 * len(text)), top, top + 8, page)


def _layout() -> Layout:
    base = load_layout()
    lay = Layout(
        names=list(base.names),
        titles=dict(base.titles),
        columns=dict(base.columns),
        furniture=list(base.furniture),
        code_systems=list(base.code_systems),
        numbered={k: list(v) for k, v in base.numbered.items()},
    )
    return merge(lay, VARIANT)


def _page() -> Page:
    words = [
        _w("Tabel T-C.29 Evaluasi Hasil Pelaksanaan Renja", 40, 20),
        _w("Kode", 40, 40), _w("Program/Kegiatan", 100, 40), _w("Indikator", 180, 40), _w("Satuan", 260, 40),
    ]  # fmt: skip
    nums = ["1", "2", "3", "4", "5", "6", "7", "8", "9=8/7", "10", "11=(6+8+10)", "12", "13"]
    words += [_w(n, x + 2, 60, width=20) for n, x in zip(nums, X)]
    # row 1: a sub kegiatan, its code wrapped, the amount of column 5 wrapped in its cell
    words += [
        _w("1.01.02.2.0", 40, 80, width=44), _w("1.0001", 40, 90, width=26),
        _w("Penyusunan Dokumen", 100, 80, width=70), _w("Jumlah dokumen", 180, 80, width=70),
        _w("dokumen", 260, 80, width=34), _w("12", 300, 80, width=10), _w("5", 350, 80, width=6),
        _w("6", 400, 80, width=6), _w("6", 450, 80, width=6), _w("100%", 500, 80, width=20),
        _w("6", 550, 80, width=6), _w("17", 600, 80, width=10),
        _w("141,6", 650, 80, width=22), _w("%", 668, 90, width=6),  # "141,6" / "%" over two lines
    ]  # fmt: skip
    words.append(_w("7", 683, 100, width=8))  # over the edge of columns 12 and 13, no column shares it
    return Page(no=1, width=842, height=595, words=words, text="Tabel T-C.29 Evaluasi Hasil Pelaksanaan Renja\n")


def test_variant_layout_entry_is_used():
    tables, notes = read_evaluasi([_page()], _layout(), "x.pdf", lambda page, code: 1, "Tabel T-C.29")
    (t,) = tables
    assert [(c.id, c.role) for c in t.columns][3:6] == [("4", "satuan"), ("5", "target"), ("6", "realisasi")]
    assert [c.formula for c in t.columns if c.formula] == ["9=8/7", "11=(6+8+10)", "12=(11/5)"]
    (row,) = t.nodes
    assert row.code == "1.01.02.2.01.0001" and row.level == "subkegiatan"
    assert row.name == "Penyusunan Dokumen" and [i.text for i in row.indicators] == ["Jumlah dokumen"]
    # the satuan column gives the unit of the row's figures
    assert (row.values["5"].value, row.values["5"].unit) == (12, "dokumen")
    assert row.values["9"].raw == "100%" and row.values["12"].raw == "141,6 %"
    assert "4" not in row.values  # a text column
    # the "7" lying over two columns is noted, not placed
    assert [n.code for n in notes] == ["row-ambiguous"] and "'7'" in notes[0].message


def test_default_entry_without_the_variant():
    tables, _ = read_evaluasi([_page()], load_layout(), "x.pdf", lambda page, code: 1, "Tabel T-C.29")
    assert tables == []  # 13 numbered columns: no shipped entry holds them
