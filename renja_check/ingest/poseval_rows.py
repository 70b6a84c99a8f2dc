"""The rows of the evaluation table (T-C.29) cut by position (``poseval``).

The body of each page (the header and running heads left out, page numbers and the same
text at one height on three pages or more), the codes of the code column (a code wrapped
over two lines joined), one row per code (an uncoded row before the first code is the
total; a line bringing a second figure into a filled column and starting a name is a row
printed without a code), and each row's words by column: the column a word overlaps most,
or, for a word over the edge of two columns, the one whose words elsewhere share its edge.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .layout import Layout
from .pdfwords import Page, Word
from .postable import _lines

TEXT_ROLES = ("kode", "uraian", "nama", "indikator", "satuan", "keterangan")
_CODE_PART = re.compile(r"^\d+(?:\.\d+)*\.?$")
_PAGE_NO = re.compile(r"^\d{1,4}$")
LINE_GAP = 14.0  # points: the next line of a wrapped code
EDGE = 2  # points: figures of one column share an edge
UNSURE = 0.3  # share of a word's width over a second column that makes its column unsure


class _Col:
    def __init__(self, no: str, x0: float, x1: float, role: Optional[str]):
        self.no, self.x0, self.x1, self.role = no, x0, x1, role


class _Row:
    def __init__(self, page: int, top: float, code: Optional[str], level=None, parts: Optional[list[str]] = None):
        self.page, self.top, self.code, self.level = page, top, code, level
        self.parts = parts or []  # the code's parts as printed, one per line
        self.words: list[Word] = []


def _body(pages: list[Page], first: int, floor: float) -> dict[int, list[Word]]:
    """Each page's words below the header (first page) and without running heads and page
    numbers (the same text, or a lone number, at the same height on three pages or more)."""
    seen = Counter((round(w.top), w.text) for p in pages for w in p.words)
    lone = Counter()
    for p in pages:
        for line in _lines(p.words):
            if len(line) == 1 and _PAGE_NO.match(line[0].text):
                lone[round(line[0].top)] += 1
    many = 3 if len(pages) >= 3 else len(pages) + 1
    out = {}
    for p in pages:
        keep = []
        for w in p.words:
            if p.no == first and w.top <= floor + 1:
                continue
            if (seen[(round(w.top), w.text)] >= many and not _figure(w.text)) or (
                _PAGE_NO.match(w.text) and lone[round(w.top)] >= many
            ):
                continue
            keep.append(w)
        out[p.no] = keep
    return out


def _figure(text: str) -> bool:
    """A code, an amount or an empty mark: content even when repeated at one height on many pages."""
    return bool(_CODE_PART.match(text) or re.match(r"^(?:Rp\.?\s*)?(?:[\d.,%]+|[-–—])$", text))


def _code_of(words: list[Word], system_ok) -> list[tuple[Word, str, list[str]]]:
    """Codes in the code column: (first word, joined code, parts as printed); a code that is
    no level's code yet is joined with the part printed under it on the next line."""
    ws = sorted((w for w in words if _CODE_PART.match(w.text.replace(" ", ""))), key=lambda w: w.top)
    out: list[tuple[Word, str, list[str]]] = []
    open_: Optional[tuple[Word, str, float]] = None
    for w in ws:
        t = w.text.replace(" ", "")
        if (
            open_ is not None
            and w.top - open_[2] <= LINE_GAP
            and abs(w.x0 - open_[0].x0) <= EDGE
            and system_ok(open_[1] + t)
        ):
            out[-1] = (open_[0], open_[1] + t, out[-1][2] + [w.text])
            open_ = None if system_ok(open_[1] + t, complete=True) else (open_[0], open_[1] + t, w.bottom)
            continue
        if not system_ok(t):
            continue
        out.append((w, t, [w.text]))
        open_ = None if system_ok(t, complete=True) else (w, t, w.bottom)
    return [c for c in out if system_ok(c[1], complete=True)]  # a part never completed is no code


def _rows(pages, body, kode: _Col, cols: list[_Col], layout: Layout) -> tuple[list[_Row], list[int]]:
    """The rows (with their words) and the pages read: page by page while the code column
    holds codes of the layout's code systems, the page keeps the first page's format and no
    line ends the table (``_end``)."""
    systems = layout.code_systems

    def ok(code: str, complete: bool = False) -> bool:
        """A level's code (``complete``), or a code's first line that the part printed under it
        can complete (``2.08.01.1.0`` + ``1`` or ``1.0001``)."""
        code = code.rstrip(".")
        if complete:
            return any(s.level_of(code) for s in systems)
        return any(s.level_of(code) for s in systems) or any(
            any(s.level_of(code + tail) for tail in ("0", "1", ".0001", "1.0001")) for s in systems
        )

    rows: list[_Row] = []
    used: list[int] = []
    for p in pages:
        if (p.width, p.height) != (pages[0].width, pages[0].height):
            break  # another page format: the table has ended
        words = body[p.no]
        in_kode = [w for w in words if _col_of(cols, w)[0] is kode]
        codes = _code_of(in_kode, ok)
        if not codes and used:
            break  # the table ended on the page before
        end_y = _end(words, cols)
        if not rows and codes and any(w.top < codes[0][0].top - 3 for w in words if w.top < end_y):
            rows.append(_Row(p.no, -1.0, None))  # the uncoded total row before the first code
        used.append(p.no)
        page_rows = [_Row(p.no, w.top - 3, code.rstrip("."), parts=parts) for w, code, parts in codes if w.top < end_y]
        for w in words:
            if w.top >= end_y:
                continue
            owner = None
            for r in page_rows:
                if w.top >= r.top:
                    owner = r
            if owner is None:
                owner = rows[-1] if rows else None  # continues the row of the page before
            if owner is not None:
                owner.words.append(w)
        rows += page_rows
        if end_y < 1e9:
            break
    return rows, used


def _end(words: list[Word], cols: list[_Col]) -> float:
    """The top of the first line after the table on its last page: a word lying across
    three columns or more (prose) or a caption."""
    for line in _lines(words):
        for w in line:
            spans = sum(1 for c in cols if min(w.x1, c.x1) - max(w.x0, c.x0) > 2)
            if spans >= 3 or re.match(r"^(Tabel|T\s*-\s*C)\b", w.text):
                return line[0].top - 1
    return 1e9


class _Cols(list):
    """The table's columns, left to right, with each word's column kept once found."""

    def __init__(self, cols):
        super().__init__(cols)
        self.memo: dict[Word, tuple[Optional[_Col], bool]] = {}


def _col_of(cols: list[_Col], w: Word) -> tuple[Optional[_Col], bool]:
    """The column a word overlaps most, and whether that is sure."""
    memo = getattr(cols, "memo", None)
    if memo is not None:
        hit = memo.get(w)
        if hit is None:
            hit = memo[w] = _col_of(list(cols), w)
        return hit
    x0, x1 = w.x0, w.x1
    best, first, second = None, 0.0, 0.0  # the two largest overlaps
    for c in cols:
        o = min(x1, c.x1) - max(x0, c.x0)
        if o > first:
            best, first, second = c, o, first
        elif o > second:
            second = o
    if best is None:
        return None, False
    return best, second < UNSURE * max(x1 - x0, 0.1)


def _complete(text: str) -> bool:
    """A figure that reads whole: thousands groups of three, a decimal part of one or two."""
    last = text.split()[-1]
    last = re.sub(r"^Rp\.?\s*", "", last, flags=re.I)
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?%?|\d+(?:,\d+)?%?", last))


def _edges(rows: list[_Row], cols: list[_Col]) -> dict[str, set[int]]:
    """Right and left edges (rounded) of the words surely in each column, over the table."""
    out: dict[str, set[int]] = {}
    for r in rows:
        for w in r.words:
            c, sure = _col_of(cols, w)
            if c is not None and sure:
                out.setdefault(c.no, set()).update((round(w.x0), round(w.x1)))
    return out


def _cells(r: _Row, cols: list[_Col], edges: dict[str, set[int]], note) -> dict[str, list[Word]]:
    """A row's words by column. A word lying across two columns goes to the one column
    whose words elsewhere in the table share its right or left edge (cells are aligned),
    else it is noted and left out."""
    cells: dict[str, list[Word]] = {}
    for w in r.words:
        c, sure = _col_of(cols, w)
        if c is None or not sure:
            near = {round(w.x0) + d for d in range(-EDGE, EDGE + 1)} | {round(w.x1) + d for d in range(-EDGE, EDGE + 1)}
            twins = [no for no, xs in edges.items() if xs & near and (c is None or _overlaps(cols, no, w))]
            if len(twins) != 1:
                note(f"word {w.text!r} lies across two columns", f"kata {w.text!r} melintasi dua kolom")
                continue
            c = next(x for x in cols if x.no == twins[0])
        cells.setdefault(c.no, []).append(w)
    return cells


def _overlaps(cols: list[_Col], no: str, w: Word) -> bool:
    c = next(x for x in cols if x.no == no)
    return min(w.x1, c.x1) - max(w.x0, c.x0) > 0


def _split_uncoded(rows: list[_Row], cols: list[_Col]) -> list[_Row]:
    """Rows printed without a code inside a coded row's extent: a line that starts a name
    and brings a second whole figure into a value column the row has already filled starts
    a row of its own, at the level of the coded row before it."""
    names = {c.no for c in cols if c.role in ("nama", "uraian")}
    values = {c.no for c in cols if c.role not in TEXT_ROLES}
    out: list[_Row] = []
    for r in rows:
        cur = r
        out.append(r)
        filled: set[str] = set()
        by_page: dict[int, list[Word]] = {}
        for w in r.words:
            by_page.setdefault(w.page, []).append(w)
        lines = [ln for _, ws in sorted(by_page.items()) for ln in _lines(ws)] if r.code else [r.words]
        r.words = []
        for line in lines:
            where = {w: _col_of(cols, w)[0] for w in line}
            here = {c.no for w, c in where.items() if c is not None and c.no in values and _complete(w.text)}
            named = any(c is not None and c.no in names for c in where.values())
            if cur.words and named and here & filled:
                cur = _Row(line[0].page, line[0].top, None, level=r.level)
                out.append(cur)
                filled = set()
            cur.words += line
            filled |= here
    return out
