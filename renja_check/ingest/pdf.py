"""Reader for Renja PDFs: text and positioned words extracted with PDFium, then the
PDF-text reader, with the plan table read by position when the text readers find none.

Pages are joined with ``"\\n"`` and handed to ``pdftext.parse_text``; line numbers of
spans are lines of that joined text. ``Span.page`` is set afterwards from the first
line of each page (``page_of``). Unusable PDFs (not a PDF, encrypted, truncated, no
text layer) raise ``InputError`` with a message in both languages.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Document, Span
from .common import read_bytes, sha256

MIN_TEXT_CHARS = 20  # less text than this over the whole file: a scan without text layer


def extract_pages(path: Path) -> list[str]:
    """Plain text of every page (PDFium), for callers that want only the text."""
    return [p.text for p in read_positioned(path)]


def read_positioned(path: Path):
    """Every page's words with positions and plain text (``pdfwords.Page``)."""
    from .pdfwords import open_pdf, read_pages

    where = str(path)
    raw = read_bytes(path)
    if not raw.lstrip().startswith(b"%PDF-"):
        raise InputError(where, "not a PDF file (no %PDF- header)", "bukan berkas PDF (tidak ada kepala %PDF-)")
    try:
        pdf = open_pdf(raw)
    except Exception as exc:  # noqa: BLE001 - PdfiumError carries the reason in its text
        if "password" in str(exc).lower():
            raise InputError(
                where,
                "the PDF is encrypted (password protected); save an unprotected copy first",
                "PDF terenkripsi (dilindungi kata sandi); simpan dulu salinan tanpa pelindung",
            ) from None
        raise InputError(where, f"damaged or truncated PDF ({exc})", f"PDF rusak atau terpotong ({exc})") from None
    try:
        pages = read_pages(pdf)
    except Exception as exc:  # noqa: BLE001
        raise InputError(
            where,
            f"damaged or truncated PDF ({type(exc).__name__}: {exc})",
            f"PDF rusak atau terpotong ({type(exc).__name__}: {exc})",
        ) from None
    finally:
        pdf.close()
    for p in pages:
        # PDFium marks a hyphen that ended a line with U+FFFE and joins the lines: undo it
        p.text = p.text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")
    if not pages:
        raise InputError(where, "the PDF has no pages", "PDF tidak memiliki halaman")
    if sum(len(p.text.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise InputError(
            where,
            "the PDF has no extractable text (a scan?); run OCR first or give the text",
            "PDF tidak berisi teks yang dapat diambil (hasil pindai?); lakukan OCR dulu atau berikan teksnya",
        )
    return pages


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The joined text and the 1-based first line of every page in it."""
    starts, line = [], 1
    parts = []
    for p in pages:
        p = p.rstrip("\n")
        starts.append(line)
        parts.append(p)
        line += p.count("\n") + 1
    return "\n".join(parts), starts


def page_of(line: int, starts: list[int]) -> int:
    return max(1, bisect_right(starts, line))


def parse_pdf(path: Path) -> Document:
    from .pdftext import parse_text
    from .posread import other_tables, read_plan

    path = Path(path)
    pages = read_positioned(path)
    text, starts = join_pages([p.text for p in pages])
    page_lines = [p.text.rstrip("\n").split("\n") for p in pages]

    def page_line(page: int, code) -> int:
        """The joined-text line of ``code`` on ``page`` (the page's first line without one)."""
        first = starts[page - 1]
        if code:
            for k, ln in enumerate(page_lines[page - 1]):
                if code in ln:
                    return first + k
        return first

    doc = parse_text(
        text,
        str(path),
        positioned=lambda year: read_plan(pages, str(path), page_line, year),
        others=lambda found, plan, year: other_tables(pages, str(path), page_line, found, plan, year),
    )
    _set_pages(doc, starts)
    doc.source.format = "pdf"
    doc.source.sha256 = sha256(read_bytes(path))
    return doc


def _set_pages(obj: Any, starts: list[int]) -> None:
    """Fill ``Span.page`` everywhere in the model from the page start lines."""
    if isinstance(obj, Span):
        if obj.page is None:
            obj.page = page_of(obj.line_start, starts)
        return
    if isinstance(obj, list):
        for x in obj:
            _set_pages(x, starts)
        return
    fields = getattr(type(obj), "model_fields", None)
    if fields:
        for name in fields:
            _set_pages(getattr(obj, name), starts)
