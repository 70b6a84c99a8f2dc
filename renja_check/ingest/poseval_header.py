"""The evaluation table's header read by position: the numbered column row (``1 2 ... 8=7/6``) and
its printed formulas, the layout entry it matches, the column edges, each column's label and year,
and the code system its rows use."""

from __future__ import annotations

import re
from typing import Optional

from .layout import CodeSystem, Layout
from .pdfwords import Page, Word
from .poseval_rows import _Col, _Cols
from .postable import _lines

_CELL_NUM = re.compile(r"^(\d{1,2})(?:\s*=\s*(.*))?$")
_FRAGMENT = re.compile(r"^[\d=()+\-*/.\s]+$")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _caption_y(page: Page) -> float:
    return min((w.top for w in page.words if re.search(r"T\s*[-.]?\s*C|Tabel", w.text)), default=0.0)


def _numbered_row(page: Page) -> Optional[tuple[list[tuple[str, float, float, Optional[str]]], float]]:
    """(number, x0, x1, printed formula) of each numbered cell and the row's bottom. Cells
    printed a little higher or lower (``11=(10/4`` over the row) and formula parts wrapped
    onto the next line (``)``) are taken in."""
    lines = _lines(page.words)
    for line in lines:
        ms = [_CELL_NUM.match(w.text) for w in line]
        if len(line) < 5 or not all(ms):
            continue
        nos = [int(m.group(1)) for m in ms]
        if nos != list(range(nos[0], nos[0] + len(nos))):
            continue
        mid = sum(w.mid for w in line) / len(line)
        near = [w for w in page.words if w not in line and abs(w.mid - mid) <= 12]
        cells = list(line)
        cells += [w for w in near if _CELL_NUM.match(w.text) and int(_CELL_NUM.match(w.text).group(1)) not in nos]
        cells.sort(key=lambda w: w.x0)
        nos = [int(_CELL_NUM.match(w.text).group(1)) for w in cells]
        if nos != sorted(nos):
            continue
        texts = {id(w): w.text for w in cells}
        bottom = max(w.bottom for w in cells)
        for w in near:
            if w in cells or not _FRAGMENT.match(w.text):
                continue
            owner = min(cells, key=lambda c: abs(c.x0 + c.x1 - w.x0 - w.x1))
            texts[id(owner)] = texts[id(owner)] + w.text if w.top > owner.top else w.text + texts[id(owner)]
            bottom = max(bottom, w.bottom)
        out = []
        for w in cells:
            m = _CELL_NUM.match(texts[id(w)])
            body = (m.group(2) or "").replace(" ", "") or None
            out.append((m.group(1), w.x0, w.x1, body))
        return out, bottom
    return None


def _spec(layout: Layout, numbers: list[str], header: str) -> Optional[dict]:
    """The layout entry for the printed numbers: its columns hold every number, its ``needs``
    are printed and its ``header`` words stand in the header; the fewest unprinted columns
    first, later entries (a pemda's file) before earlier ones on a tie."""
    low = " ".join(header.lower().split())
    fits = [
        s
        for s in layout.numbered.get("evaluasi", [])
        if set(numbers) <= set(s["columns"])
        and all(n in numbers for n in s["needs"])
        and all(w.lower() in low for w in s["header"])
    ]
    return min(reversed(fits), key=lambda s: len(set(s["columns"]) - set(numbers)), default=None)


def _columns(cells, spec: dict) -> list[_Col]:
    """Column edges half way between the centres of neighbouring numbered cells."""
    mids = [(x0 + x1) / 2 for _, x0, x1, _ in cells]
    cols = []
    for i, (no, _, _, _) in enumerate(cells):
        left = (mids[i - 1] + mids[i]) / 2 if i else -1e9
        right = (mids[i] + mids[i + 1]) / 2 if i + 1 < len(mids) else 1e9
        cols.append(_Col(no, left, right, spec["columns"].get(no)))
    return _Cols(cols)


def _over(head: list[Word], c: _Col) -> list[Word]:
    """Header words over the column; a heading wider than it (over several columns) is left out."""
    return [
        w for w in head if min(w.x1, c.x1) - max(w.x0, c.x0) >= 0.5 * (w.x1 - w.x0) and w.x1 - w.x0 <= c.x1 - c.x0 + 4
    ]


def _label(head: list[Word], c: _Col) -> str:
    words = sorted(_over(head, c), key=lambda w: (round(w.top), w.x0))
    return " ".join(w.text for w in words if not _FRAGMENT.match(w.text))[:160] or f"Kolom {c.no}"


def _year(head: list[Word], c: _Col) -> Optional[int]:
    ys = _YEAR.findall(_label(head, c))
    return int(ys[-1]) if ys else None


def _system(layout: Layout, codes: list[str]) -> Optional[CodeSystem]:
    return max(layout.code_systems, key=lambda s: sum(bool(s.level_of(c)) for c in codes), default=None)
