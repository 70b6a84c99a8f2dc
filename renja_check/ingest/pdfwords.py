"""Text of a PDF with positions: every page's words (text runs) with their box.

Extracted with pypdfium2 (PDFium, Apache-2.0/BSD): measured on the three real Renja in
``../shared/samples/real`` it reads 85-140 pages/s against pypdf's 10-20, gives each text
run with its box, and opens PDFs encrypted with an empty user password (RC4 and AES) the
way a PDF viewer does. Imported lazily: only ``.pdf`` input pays for it.

A ``Word`` is one text run of PDFium (characters of one font on one line), with runs that
touch on the same line joined (``1.234.567.000,0`` + ``0``). Coordinates are PDF points with
``top`` measured from the top of the page (so reading order is ``(top, x0)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

JOIN_GAP = 1.5  # points: runs closer than this on one line are one word


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float  # distance of the run's top from the top of the page
    bottom: float
    page: int  # 1-based

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    no: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    text: str = ""  # PDFium's plain text of the page, in content order


def open_pdf(raw: bytes):
    """A PDFium document; raises the PDFium error on a damaged or password-protected file."""
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(raw, password=None)


def read_pages(pdf) -> list[Page]:
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        width, height = page.get_size()
        tp = page.get_textpage()
        text = tp.get_text_range()
        n = tp.count_chars()
        runs = _char_runs(tp, text, n, height, i + 1) if len(text) == n else _rect_runs(tp, height, i + 1)
        pages.append(Page(i + 1, width, height, join_runs(runs), text))
        tp.close()
        page.close()
    return pages


def _char_runs(tp, text: str, n: int, height: float, page_no: int) -> list[Word]:
    """Runs from the characters' loose boxes: a run ends at a line break, at a gap wider
    than most of a character's height, where the next character is on another line, or
    where another text object (another cell) starts after a gap of a quarter height."""
    import pypdfium2.raw as pdfium_c

    box = pdfium_c.FS_RECTF()
    runs: list[Word] = []
    chars: list[str] = []
    x0 = x1 = top = bottom = 0.0
    space = False
    obj = None

    def close() -> None:
        t = "".join(chars).strip()
        if t:
            runs.append(Word(t, x0, x1, height - top, height - bottom, page_no))
        chars.clear()

    for k in range(n):
        ch = text[k]
        if ch in "\r\n":
            close()
            space = False
            continue
        if ch.isspace():
            space = bool(chars)
            continue
        pdfium_c.FPDFText_GetLooseCharBox(tp.raw, k, box)
        h = max(box.top - box.bottom, 1.0)
        new_obj = pdfium_c.FPDFText_GetTextObject(tp.raw, k)
        new_obj = ctypes_addr(new_obj)
        gap = box.left - x1
        if chars and (
            abs((box.top + box.bottom) - (top + bottom)) / 2 > 0.5 * h
            or gap > 0.8 * h
            or box.right < x0
            or (new_obj != obj and gap > 0.25 * h)
        ):
            close()
            space = False
        if not chars:
            x0, x1, top, bottom = box.left, box.right, box.top, box.bottom
        else:
            x1, top, bottom = max(x1, box.right), max(top, box.top), min(bottom, box.bottom)
        chars.append((" " if space else "") + ("-" if ch == "\ufffe" else ch))
        space = False
        obj = new_obj
    close()
    return runs


def ctypes_addr(ptr) -> int:
    import ctypes

    return ctypes.cast(ptr, ctypes.c_void_p).value or 0


def _rect_runs(tp, height: float, page_no: int) -> list[Word]:
    """Runs as PDFium's text rectangles (used when characters and text do not align)."""
    runs = []
    for r in range(tp.count_rects()):
        left, bottom, right, top = tp.get_rect(r)
        text = " ".join(tp.get_text_bounded(left, bottom, right, top).split())
        if text:
            runs.append(Word(text, left, right, height - top, height - bottom, page_no))
    return runs


def join_runs(runs: list[Word]) -> list[Word]:
    """Runs sorted in reading order, touching runs of one line joined into one word.

    Runs are taken left to right; a run is joined to an earlier word whose right edge
    touches its left edge (found through an index of right edges: linear, not quadratic)."""
    out: list[Word] = []
    ends: dict[int, list[int]] = {}  # int(x1) -> indices in out
    for w in sorted(runs, key=lambda w: (w.x0, w.top)):
        k = None
        for key in range(int(w.x0 - JOIN_GAP) - 1, int(w.x0 + 0.5) + 1):
            k = next((j for j in ends.get(key, ()) if _touches(out[j], w)), None)
            if k is not None:
                break
        if k is None:
            out.append(w)
            ends.setdefault(int(w.x1), []).append(len(out) - 1)
            continue
        a = out[k]
        ends[int(a.x1)].remove(k)
        out[k] = Word(a.text + w.text, a.x0, max(a.x1, w.x1), min(a.top, w.top), max(a.bottom, w.bottom), a.page)
        ends.setdefault(int(out[k].x1), []).append(k)
    return sorted(out, key=lambda w: (w.top, w.x0))


def _touches(a: Word, b: Word) -> bool:
    height = min(a.bottom - a.top, b.bottom - b.top) or 1.0
    same_line = abs(a.mid - b.mid) <= max(1.5, height * 0.6)
    return same_line and -0.5 <= b.x0 - a.x1 <= JOIN_GAP
