"""Reader for Renja PDFs: text extracted with pypdf, then the PDF-text reader.

Pages are joined with ``"\\n"`` and handed to ``pdftext.parse_text``; line numbers of
spans are lines of that joined text. ``Span.page`` is set afterwards from the first
line of each page (``page_of``). Unusable PDFs (not a PDF, encrypted, truncated, no
text layer) raise ``InputError`` with a message in both languages.
"""
from __future__ import annotations

import io
import logging
from bisect import bisect_right
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Document, Span
from .common import read_bytes, sha256

MIN_TEXT_CHARS = 20  # less text than this over the whole file: a scan without text layer


def extract_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    where = str(path)
    raw = read_bytes(path)
    if not raw.lstrip().startswith(b"%PDF-"):
        raise InputError(where, "not a PDF file (no %PDF- header)", "bukan berkas PDF (tidak ada kepala %PDF-)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types here
                ok = 0
            if not ok:
                raise InputError(where, "the PDF is encrypted (password protected); save an unprotected copy first",
                                 "PDF terenkripsi (dilindungi kata sandi); simpan dulu salinan tanpa pelindung")
        pages = [(p.extract_text() or "") for p in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
        raise InputError(where, f"damaged or truncated PDF ({type(exc).__name__}: {exc})",
                         f"PDF rusak atau terpotong ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise InputError(where, "the PDF has no pages", "PDF tidak memiliki halaman")
    if sum(len(p.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise InputError(where, "the PDF has no extractable text (a scan?); run OCR first or give the text",
                         "PDF tidak berisi teks yang dapat diambil (hasil pindai?); lakukan OCR dulu atau berikan teksnya")
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

    path = Path(path)
    pages = extract_pages(path)
    text, starts = join_pages(pages)
    doc = parse_text(text, str(path))
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
