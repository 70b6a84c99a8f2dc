"""Positioned PDF text, the table finder and layouts as data, on PDFs the tests write.

``write_cells`` places each text at (x, y) with Helvetica; amounts are right-aligned with
Helvetica's digit widths (0.556 em, separators 0.278 em), as a spreadsheet prints them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from renja_check import api
from renja_check.ingest import load_document
from renja_check.ingest.layout import Layout, merge
from renja_check.ingest.pdfwords import Word, join_runs

from .test_pdf import assemble

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
SIZE = 8


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _width(text: str) -> float:
    return sum(0.278 if c in ".,-" else 0.556 for c in text) * SIZE


def write_cells(path: Path, pages: list[list[tuple[float, float, str, bool]]]) -> None:
    """Pages of (x, y_from_top, text, right_aligned) on landscape A4."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(len(pages)))}] "
        f"/Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, cells in enumerate(pages):
        ops = []
        for x, y, text, right in cells:
            x0 = x - _width(text) if right else x
            ops.append(f"BT /F1 {SIZE} Tf {x0:.2f} {595 - y:.2f} Td ({_esc(text)}) Tj ET")
        data = ("\n".join(ops) + "\n").encode("latin-1")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"endstream")
    path.write_bytes(assemble(objs))


HEAD = [
    (40, 60, "RENCANA KERJA DINAS CONTOH TAHUN 2027", False),
    (40, 100, "Kode", False),
    (150, 100, "Uraian Program / Kegiatan", False),
    (420, 100, "Anggaran (Rp)", False),
    (560, 100, "Prakiraan Maju", False),
]


def _row(y, code, name, a, b):
    return [(40, y, code, False), (150, y, name, False), (520, y, a, True), (660, y, b, True)]


def plan_pages(sub2: str = "250.000.000") -> list[list[tuple[float, float, str, bool]]]:
    p1 = (
        HEAD
        + _row(130, "", "JUMLAH", "1.000.000.000", "1.100.000.000")[1:]
        + _row(150, "1.02.01", "PROGRAM PENUNJANG", "1.000.000.000", "1.100.000.000")
        + _row(170, "1.02.01.2.01", "Perencanaan", "600.000.000", "660.000.000")
        + _row(190, "1.02.01.2.01.0001", "Penyusunan Dokumen", "350.000.000", "385.000.000")
        + _row(210, "1.02.01.2.01.0002", "Koordinasi", sub2, "275.000.000")
    )
    p2 = _row(60, "1.02.01.2.02", "Keuangan", "400.000.000", "440.000.001") + _row(
        80, "1.02.01.2.02.0001", "Gaji", "400.000.000", "440.000.000"
    )
    return [p1, p2]


def test_plan_table_by_position(tmp_path):
    pdf = tmp_path / "contoh.pdf"
    write_cells(pdf, plan_pages())
    doc = load_document(pdf)
    (t,) = doc.tables_with_role("rencana")
    assert t.years == [2027, 2028]
    total = t.nodes[0]
    assert total.level == "total" and total.pagu["2027"].value == 1_000_000_000  # total in the first row
    keg = next(n for n in t.nodes if n.code == "1.02.01.2.02")  # on the next page: one table
    assert keg.span.page == 2 and keg.parent == next(n.id for n in t.nodes if n.code == "1.02.01")
    assert keg.pagu["2028"].raw == "440.000.001"
    got = api.check([pdf]).findings
    # N+1 rounded per row: the kegiatan and its program are 1 rupiah off, both PG03, no PG01
    assert sorted(f.locator for f in got if f.rule.startswith("PG")) == ["rencana:1.02.01", "rencana:1.02.01.2.02"]
    assert {f.rule for f in got if f.rule.startswith("PG")} == {"PG03"}


def test_slip_in_plan_year_is_an_error(tmp_path):
    pdf = tmp_path / "contoh.pdf"
    write_cells(pdf, plan_pages(sub2="260.000.000"))
    got = [f for f in api.check([pdf]).findings if f.rule == "PG01"]
    assert {f.locator for f in got} == {"rencana:1.02.01.2.01"}
    assert {f.severity for f in got} == {"error"}


def test_total_in_the_last_row_is_checked(tmp_path):
    pdf = tmp_path / "contoh.pdf"
    pages = plan_pages()
    pages[0] = [c for c in pages[0] if c[1] != 130]  # no total in the first row
    pages[1] += _row(110, "", "JUMLAH", "1.000.000.001", "1.100.000.001")[1:]
    write_cells(pdf, pages)
    (t,) = load_document(pdf).tables_with_role("rencana")
    assert t.nodes[-1].level == "total" and t.nodes[0].parent == t.nodes[-1].id
    got = [f for f in api.check([pdf]).findings if f.rule == "PG01"]
    assert [(f.locator, f.found) for f in got] == [(t.nodes[-1].id, 1_000_000_001)]


def test_no_plan_table_is_never_silent(tmp_path):
    pdf = tmp_path / "prose.pdf"
    write_cells(
        pdf,
        [
            [
                (40, 60, "RENCANA KERJA DINAS CONTOH TAHUN 2027", False),
                (40, 80, "Bab I Pendahuluan tanpa tabel rencana.", False),
            ]
        ],
    )
    got = [f for f in api.check([pdf]).findings if f.rule == "RD01"]
    assert len(got) == 1 and got[0].severity == "warning"
    assert "T-C.33" in got[0].text("en") and "Kode" in got[0].text("id")


@pytest.mark.parametrize("name", ["aes128.pdf", "aes256.pdf"])
def test_aes_encrypted_pdf_opens_without_password(name):
    # written by tests/fixtures/pdf/make_aes.py: AES, empty user password, owner password set
    assert b"/Encrypt" in (FIXTURES / name).read_bytes()
    doc = load_document(FIXTURES / name)
    assert doc.year == 2023 and doc.source.format == "pdf"


def test_pdf_needing_a_password_is_one_clear_error():
    from renja_check.errors import InputError

    with pytest.raises(InputError) as e:
        load_document(FIXTURES / "aes128-password.pdf")
    assert "encrypted" in e.value.message["en"]


def test_touching_runs_are_one_word():
    runs = [
        Word("9.693.761.000,0", 420.3, 470.4, 10, 16, 1),
        Word("0", 470.8, 474.3, 10, 16, 1),
        Word("KODE", 100, 120, 10, 16, 1),
    ]
    assert [w.text for w in join_runs(runs)] == ["KODE", "9.693.761.000,00"]


def test_a_layout_file_extends_the_vocabulary():
    lay = merge(Layout(), {"name": "a", "columns": {"pagu": ["pagu"]}, "titles": {"rencana": ["RUMUSAN"]}})
    merge(
        lay,
        {
            "name": "pemda-x",
            "columns": {"pagu": ["alokasi belanja"]},
            "titles": {"rencana": ["FORM\\s+RENJA-5"]},
            "code_systems": [{"name": "roman", "levels": {"program": "^[IVX]+$"}}],
        },
    )
    assert lay.column_role("ALOKASI BELANJA (Rp)") == ["pagu"]
    assert lay.role_of_title("Form Renja-5 Tahun 2027") == "rencana"
    assert lay.code_systems[0].level_of("IV") == "program"


def test_a_pemda_template_added_as_a_layout_file(tmp_path, monkeypatch):
    """The README's example: a template numbering its rows I, I.1 and naming pagu
    'Alokasi Belanja' is read once its layout file is added."""
    from renja_check.ingest.layout import load_layout

    (tmp_path / "kab-contoh.yaml").write_text(
        "name: kab-contoh\n"
        "columns:\n  pagu: ['alokasi belanja']\n"
        "code_systems:\n  - name: roman-ordinals\n"
        "    levels: {program: '^[IVX]+$', kegiatan: '^[IVX]+\\.\\d+$'}\n",
        encoding="utf-8",
    )
    cells = [
        (40, 60, "RENCANA KERJA DINAS CONTOH TAHUN 2027", False),
        (40, 100, "Kode", False),
        (150, 100, "Uraian", False),
        (420, 100, "Alokasi Belanja", False),
    ]
    cells += [
        (40, 130, "I", False),
        (150, 130, "PROGRAM A", False),
        (520, 130, "300.000.000", True),
        (40, 150, "I.1", False),
        (150, 150, "Kegiatan A1", False),
        (520, 150, "100.000.000", True),
        (40, 170, "I.2", False),
        (150, 170, "Kegiatan A2", False),
        (520, 170, "200.000.000", True),
    ]
    pdf = tmp_path / "roman.pdf"
    write_cells(pdf, [cells])
    load_layout.cache_clear()
    assert not load_document(pdf).tables_with_role("rencana")  # the default layouts do not know it
    monkeypatch.setenv("RENJA_CHECK_LAYOUTS", str(tmp_path))
    load_layout.cache_clear()
    try:
        (t,) = load_document(pdf).tables_with_role("rencana")
    finally:
        monkeypatch.delenv("RENJA_CHECK_LAYOUTS")
        load_layout.cache_clear()
    assert [(n.code_printed, n.level, n.pagu["2027"].value) for n in t.nodes] == [
        ("I", "program", 300_000_000),
        ("I.1", "kegiatan", 100_000_000),
        ("I.2", "kegiatan", 200_000_000),
    ]
    assert t.nodes[1].parent == t.nodes[0].id


def test_permendagri_13_2006_dotted_codes(tmp_path):
    """Pre-2019 codes urusan.bidang.unit.program.kegiatan (1.20.03.15.01) are read as legacy."""
    cells = (
        HEAD
        + _row(130, "1.20.03.15", "Program Peningkatan Kapasitas", "300.000.000", "330.000.000")
        + _row(150, "1.20.03.15.01", "Pendidikan dan Pelatihan", "100.000.000", "110.000.000")
        + _row(170, "1.20.03.15.02", "Bimbingan Teknis", "200.000.000", "220.000.000")
    )
    pdf = tmp_path / "lama.pdf"
    write_cells(pdf, [cells])
    (t,) = load_document(pdf).tables_with_role("rencana")
    assert [(n.code, n.level, n.code_status) for n in t.nodes] == [
        ("1.20.03.15", "program", "legacy"),
        ("1.20.03.15.01", "kegiatan", "legacy"),
        ("1.20.03.15.02", "kegiatan", "legacy"),
    ]
    assert not [f for f in api.check([pdf]).findings if f.severity == "error"]


def test_malformed_amount_makes_the_sum_unverifiable(tmp_path):
    pdf = tmp_path / "contoh.pdf"
    write_cells(pdf, plan_pages(sub2="40.00.000,-"))
    (t,) = load_document(pdf).tables_with_role("rencana")
    cell = next(n for n in t.nodes if n.code == "1.02.01.2.01.0002").pagu["2027"]
    assert cell.raw == "40.00.000,-" and cell.status == "invalid"
    got = api.check([pdf]).findings
    assert "rencana:1.02.01.2.01" in {f.locator for f in got if f.rule == "PG02"}
    assert "rencana:1.02.01.2.01" not in {f.locator for f in got if f.rule == "PG01"}
