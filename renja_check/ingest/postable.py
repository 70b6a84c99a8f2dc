"""Tables found by structure in positioned PDF text (``pdfwords``), for any template.

A table page has a *code column*: printed codes (of a code system of the layout) that
start at one x position, each on the line of an amount. Consecutive table pages form one
table; a page whose head names another table (a title of the layout) starts a new one.
For each table the finder keeps its title lines, its header words (the lines above the
first row), its *money columns* (clusters of amounts by right edge: amounts are right
aligned, so the right edge places them) and the left edge of the name column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .layout import CodeSystem, Layout
from .pdfwords import Page, Word

# an amount: "Rp12.345.678.901", "1.234.567.000,00", "12.345.678.901,-", "12,345,678,901", "0,00"
MONEY_RE = re.compile(r"^(?:Rp\.?\s?)?-?\d{1,3}(?:[.,]\d{2,3})+(?:,-|[.,]\d{1,2})?$|^(?:Rp\.?\s?)?0(?:[.,]00)?$", re.I)
STRONG_RE = re.compile(r"^Rp|\d[.,]\d{3}[.,]\d{3}", re.I)  # surely money, not a target
DASH_RE = re.compile(r"^(?:Rp\.?\s*)?[-–—]+$|^Rp\.?$", re.I)
COL_TOL = 4.0  # points: right edges of one money column
CODE_X_TOL = 3.0


@dataclass
class FoundTable:
    pages: list[Page]
    system: CodeSystem
    code_x: float  # left edge of the code column
    code_x1: float  # right edge of the widest code
    money_cols: list[tuple[float, float]]  # (left, right) of each money column, left to right
    name_x: Optional[float]  # left edge of the name column
    name_end: Optional[float]  # left edge of the column after the names
    head: list[Word] = field(default_factory=list)  # header words (first page)
    title: list[str] = field(default_factory=list)  # title lines above the header
    role: Optional[str] = None
    furniture: set = field(default_factory=set)  # running heads and footers (not content)
    bands: list = field(default_factory=list)  # text columns of the header (poscells.Band)


def code_text(w: Word) -> str:
    return re.sub(r"\s+", "", w.text)


def furniture(pages: list[Page], layout: Layout) -> set[Word]:
    """Running heads and footers: layout patterns, or the same text at
    the same height on three pages or more."""
    seen = Counter((round(w.top), w.text) for p in pages for w in p.words)
    out = set()
    for p in pages:
        for w in p.words:
            if seen[(round(w.top), w.text)] >= 3 or layout.is_furniture(w.text):
                out.add(w)
    return out


def _code_rows(page: Page, systems: list[CodeSystem], skip) -> list[tuple[Word, CodeSystem]]:
    """Codes standing on the line of an amount."""
    money = [w for w in page.words if MONEY_RE.match(w.text)]
    out = []
    for w in page.words:
        t = code_text(w)
        if len(t) > 30 or w in skip or MONEY_RE.match(w.text) and STRONG_RE.search(w.text):
            continue
        cs = [s for s in systems if s.level_of(t)]
        if cs and any(abs(m.mid - w.mid) <= 4 and m.x0 > w.x1 for m in money):
            out.append((w, cs[0]))
    return out


def find_tables(pages: list[Page], layout: Layout) -> list[FoundTable]:
    skip = furniture(pages, layout)
    tables: list[FoundTable] = []
    cur: Optional[FoundTable] = None
    for page in pages:
        rows = _code_rows(page, layout.code_systems, skip)
        xs = Counter(round(w.x0 / CODE_X_TOL) for w, _ in rows)
        if not xs or xs.most_common(1)[0][1] < (1 if cur else 2):
            cur = None
            continue
        col = xs.most_common(1)[0][0]
        rows = [(w, s) for w, s in rows if abs(round(w.x0 / CODE_X_TOL) - col) <= 1]
        code_x = min(w.x0 for w, _ in rows)
        first_top = min(w.top for w, _ in rows)
        head, title = _head(page, first_top, skip, layout)
        new_head = layout.role_of_title(" ".join(title)) is not None
        if cur is not None and abs(cur.code_x - code_x) <= 2 * CODE_X_TOL and not new_head:
            cur.pages.append(page)
            continue
        system = Counter(s.name for _, s in rows).most_common(1)[0][0]
        cur = FoundTable(
            [page],
            next(s for s in layout.code_systems if s.name == system),
            code_x,
            max(w.x1 for w, _ in rows),
            [],
            None,
            None,
            head,
            title,
        )
        if not title and tables and page.no > 1:  # the title may close the previous page
            pass
        tables.append(cur)
    for t in tables:
        t.furniture = skip
        _columns(t, skip)
    return tables


def _head(page: Page, first_top: float, skip, layout: Layout) -> tuple[list[Word], list[str]]:
    """Header words (lines just above the first row holding column words or a numbered
    column row) and title lines (the lines above the header)."""
    above = [w for w in page.words if w.bottom <= first_top + 1]
    lines = _lines(above)
    head_start = len(lines)
    numbered = [k for k, ln in enumerate(lines) if _numbered(ln)]
    rows_end = numbered[-1] + 1 if numbered else len(lines)
    if not numbered:  # skip uncoded rows (totals, their wrapped names) up to a header line
        while rows_end > 0 and not layout.column_role(" ".join(w.text for w in lines[rows_end - 1])):
            rows_end -= 1
        rows_end = rows_end or len(lines)
    head_start = rows_end
    for k in range(rows_end - 1, -1, -1):
        text = " ".join(w.text for w in lines[k])
        if layout.column_role(text) or _numbered(lines[k]):
            head_start = k
        elif head_start - k > 2:
            break
    head = [w for ln in lines[head_start:rows_end] for w in ln]
    title = [" ".join(w.text for w in ln if w not in skip) for ln in lines[max(0, head_start - 6) : head_start]]
    title = [t for t in title if t]
    return head, title


def _numbered(line: list[Word]) -> bool:
    """The numbered column row: ``1 2 3 ... 8=(7/6)``."""
    return len(line) >= 3 and all(re.fullmatch(r"\d{1,2}(?:\s*=.*)?|\(\d{1,2}\)", w.text) for w in line)


def _lines(words: list[Word]) -> list[list[Word]]:
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.mid, w.x0)):
        if out and abs(out[-1][-1].mid - w.mid) <= 2.5:
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in out]


def amount_columns(words: list[Word]) -> list[list[Word]]:
    """Amounts clustered by right edge (amounts are right aligned), left to right."""
    strong = sorted((w for w in words if MONEY_RE.match(w.text) and STRONG_RE.search(w.text)), key=lambda w: w.x1)
    cols: list[list[Word]] = []
    for w in strong:
        if cols and w.x1 - cols[-1][-1].x1 <= COL_TOL:
            cols[-1].append(w)
        else:
            cols.append([w])
    return cols


def _columns(t: FoundTable, skip) -> None:
    """Money columns from amounts' right edges; the name column from left edges."""
    body = [w for p in t.pages for w in p.words if w not in skip and w.x0 > t.code_x1]
    cols = amount_columns(body)
    keep = [c for c in cols if len(c) >= 2 or len(cols) == 1]
    t.money_cols = [(min(w.x0 for w in c), max(w.x1 for w in c)) for c in keep]
    first_money = min((a for a, _ in t.money_cols), default=None)
    lefts = Counter(
        round(w.x0) for w in body if not MONEY_RE.match(w.text) and (first_money is None or w.x1 < first_money)
    )
    starts = sorted(x for x, n in lefts.items() if n >= 2)
    if starts:
        t.name_x = starts[0]
        t.name_end = next((x for x in starts if x - starts[0] > 20), None)
