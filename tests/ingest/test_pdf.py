"""The .pdf reader, on PDFs the tests write themselves (raw PDF syntax, Helvetica, one Tj per line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja_check.errors import InputError
from renja_check.ingest import load_document
from renja_check.ingest.pdf import join_pages, page_of
from renja_check.ingest.pdftext import parse_text
from renja_check.paths import sample_renja

LINES_PER_PAGE = 60


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, pages: list[list[str]], encrypt: bool = False) -> bytes:
    """A minimal valid PDF: one content stream per page, each line its own BT/Tj/ET."""
    objs: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content = "".join(f"BT /F1 7 Tf 20 {820 - 13 * k} Td ({_esc(t)}) Tj ET\n" for k, t in enumerate(lines))
        data = content.encode("latin-1")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"endstream")
    extra = " /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >> /ID [(a) (a)]" if encrypt else ""
    out = assemble(objs, extra)
    path.write_bytes(out)
    return out


def assemble(objs: list[bytes], trailer_extra: str = "") -> bytes:
    """A PDF file of numbered objects (1 is the catalog) with its xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objs) + 1} /Root 1 0 R{trailer_extra}"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _sample_lines(start_marker: str, n: int) -> list[str]:
    lines = [ln.replace("\u00a0", " ").strip() for ln in sample_renja().read_text(encoding="utf-8").splitlines()]
    lines = [ln.encode("latin-1", "replace").decode("latin-1") for ln in lines if ln]
    i = next(k for k, ln in enumerate(lines) if ln.upper().startswith(start_marker))
    return lines[i : i + n]


def _pages(lines: list[str]) -> list[list[str]]:
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]


def _strip(doc) -> dict:
    d = doc.model_dump(mode="json")
    d.pop("source")

    def clean(x):
        if isinstance(x, dict):
            return {k: clean(v) for k, v in x.items() if k not in ("file", "page")}
        if isinstance(x, list):
            return [clean(v) for v in x]
        return x

    return clean(d)


@pytest.mark.parametrize("marker", ["TABEL 2.5", "RUMUSAN RENCANA PROGRAM"])
def test_pdf_parses_like_its_text(tmp_path, marker):
    lines = ["RENCANA KERJA (RENJA) PERANGKAT DAERAH TAHUN 2023"] + _sample_lines(marker, 150)
    pdf = tmp_path / "renja.pdf"
    write_pdf(pdf, _pages(lines))
    doc = load_document(pdf)
    assert doc.source.format == "pdf"
    from_text = parse_text("\n".join(lines), str(pdf))
    got, want = _strip(doc), _strip(from_text)
    # a PDF is also searched by position for the plan table: when there is none it says what
    # it looked for (plan-table-missing) instead of the text reader's generic table-missing
    missing = [n for n in got["notes"] if n["code"] == "plan-table-missing"]
    got["notes"] = [n for n in got["notes"] if n["code"] != "plan-table-missing"]
    if missing:
        want["notes"] = [n for n in want["notes"] if "'rencana'" not in n["message"]]
    assert got == want
    nodes = [n for t in doc.tables for n in t.nodes]
    assert nodes, "the table was not read from the PDF"
    # spans carry the page of their first line (60 lines a page)
    for n in nodes:
        assert n.span.page == (n.span.line_start - 1) // LINES_PER_PAGE + 1


def test_page_start_lines():
    text, starts = join_pages(["a\nb", "c", "d\ne\n"])
    assert text == "a\nb\nc\nd\ne"
    assert starts == [1, 3, 4]
    assert [page_of(k, starts) for k in range(1, 6)] == [1, 1, 2, 3, 3]


def _err(path: Path) -> InputError:
    with pytest.raises(InputError) as ei:
        load_document(path)
    return ei.value


def test_not_a_pdf(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_text("hello, this is text", encoding="utf-8")
    e = _err(p)
    assert "not a PDF" in e.message["en"] and "bukan berkas PDF" in e.message["id"]


def test_truncated_pdf(tmp_path):
    p = tmp_path / "t.pdf"
    data = write_pdf(p, _pages(_sample_lines("TABEL 2.5", 80)))
    p.write_bytes(data[: len(data) // 3])
    e = _err(p)
    assert e.where == str(p)
    assert "PDF" in e.message["en"]


def test_scanned_pdf_without_text(tmp_path):
    p = tmp_path / "scan.pdf"
    write_pdf(p, [[], []])
    assert "no extractable text" in _err(p).message["en"]


def test_encrypted_pdf(tmp_path):
    p = tmp_path / "enc.pdf"
    write_pdf(p, [["RENCANA KERJA"]], encrypt=True)
    e = _err(p)
    assert "encrypted" in e.message["en"] and "terenkripsi" in e.message["id"]


def test_pdf_that_is_no_renja(tmp_path):
    p = tmp_path / "menu.pdf"
    write_pdf(p, [["Daftar menu makan siang", "Nasi goreng 25.000", "Es teh 5.000"] * 5])
    assert "bukan dokumen Renja" in _err(p).message["id"]
