"""The evaluation table (T-C.29, role ``evaluasi``) read by position.

The form prints a numbered column row (``1 2 3 4 5 6 7 8=7/6 9 10=(5+7+9) 11=(10/4)``)
under its header. The layout (``numbered_tables.evaluasi`` in ``layouts/*.yaml``) gives
each printed number its role, the same numbering and roles as the text reader's Tabel 2.1
(``pdftext/evaluasi*.py``), and the formulas the template defines without printing them.
Each numbered cell's centre fixes its column; a body word belongs to the column it
overlaps most (a word lying across two columns is noted, never guessed).

Rows are cut by ``poseval_rows``: anchored on their codes in column 1 (a code wrapped over two lines is joined:
``2.08.01.1.0`` + ``1.0001``); uncoded lines before the first code are the total row. A
row runs from its code down to the next one; words above a continuation page's first code
continue the last row of the page before. Value cells are joined (an amount wrapped inside
its cell, ``Rp85.149.979.3`` + ``89``) and parsed as the text reader's cells are; a cell
holding more than one figure stays unread and is noted.
"""

from __future__ import annotations

import re

from ..models import Column, Note, Span, Table
from .layout import Layout
from .pdfwords import Page
from .poseval_header import _caption_y, _columns, _label, _numbered_row, _spec, _system, _year
from .poseval_nodes import TABLE_ID, _nodes
from .poseval_rows import _body, _rows

_CAPTION_NO = re.compile(r"Tabel\s+(\d+)\s*\.\s*(\d+)", re.I)


def read_evaluasi(
    pages: list[Page], layout: Layout, path: str, page_line, caption: str
) -> tuple[list[Table], list[Note]]:
    """The table read from ``pages`` (its caption page first), or ([], []) when its numbered
    row matches no layout of ``numbered_tables.evaluasi``."""
    if not pages:
        return [], []
    first = pages[0]
    found = _numbered_row(first)
    if found is None:
        return [], []
    cells, floor = found
    head = [w for w in first.words if w.bottom <= floor + 1 and w.top > _caption_y(first)]
    spec = _spec(layout, [no for no, _, _, _ in cells], " ".join(w.text for w in head))
    if spec is None:
        return [], []
    cols = _columns(cells, spec)
    kode = next((c for c in cols if c.role == "kode"), None)
    if kode is None:
        return [], []
    notes: list[Note] = []
    body = _body(pages, first.no, floor)
    rows, pages_used = _rows(pages, body, kode, cols, layout)
    if not rows:
        return [], []
    system = _system(layout, [r.code for r in rows if r.code])
    for r in rows:
        r.level = (system.level_of(r.code) if system and r.code else None) or ("total" if not r.code else None)
    table_no = "T-C.29"
    m = _CAPTION_NO.search(caption)
    if m:
        table_no = f"{m.group(1)}.{m.group(2)}"
    formulas = {c.no: spec["formulas"].get(c.no) for c in cols}
    for no, _, _, printed in cells:
        if printed:
            formulas[no] = f"{no}={printed}"
    columns = [
        Column(id=c.no, label=_label(head, c), role=c.role, year=_year(head, c), formula=formulas.get(c.no))
        for c in cols
    ]
    nodes = _nodes(rows, cols, system, path, page_line, notes, {p.no: p for p in pages})
    last = pages_used[-1]
    span = Span(file=path, line_start=page_line(first.no, None), line_end=page_line(last, None), page=first.no)
    years = sorted({c.year for c in columns if c.year})
    table = Table(
        id=TABLE_ID,
        number=table_no,
        title=" ".join(caption.split())[:200],
        role="evaluasi",
        years=years,
        columns=columns,
        nodes=nodes,
        span=span,
    )
    return [table], notes
