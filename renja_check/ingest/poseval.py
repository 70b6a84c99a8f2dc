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
from typing import Optional

from ..models import Column, Indicator, Node, Note, Quantity, Span, Table
from ..numbers import parse_quantity
from .layout import LEVELS, CodeSystem, Layout
from .pdfwords import Page, Word
from .postable import _lines
from .poseval_rows import TEXT_ROLES, _body, _cells, _Col, _Cols, _complete, _edges, _Row, _rows, _split_uncoded
from .pdftext.base import NodeIds

TABLE_ID = "T2.1"
_CELL_NUM = re.compile(r"^(\d{1,2})(?:\s*=\s*(.*))?$")
_FRAGMENT = re.compile(r"^[\d=()+\-*/.\s]+$")
_RP = re.compile(r"^Rp\.?\s*", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
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


# -- header ------------------------------------------------------------------------


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


# -- nodes -------------------------------------------------------------------------


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: (w.page, round(w.top), w.x0)))


def _value_text(words: list[Word]) -> str:
    """A value cell's words in reading order; a figure wrapped inside the cell is joined
    (``Rp85.149.979.3`` + ``89``)."""
    out = ""
    for w in sorted(words, key=lambda w: (w.page, round(w.top), w.x0)):
        t = w.text.strip()
        if out and out[-1].isdigit() and t[:1].isdigit() and not _complete(out):
            out += t
        else:
            out = f"{out} {t}" if out else t
    return out


def quantity(text: str) -> Quantity:
    """A value cell: the text reader's parse, with a printed ``Rp`` kept as the unit."""
    if _RP.match(text) and len(text.split()) == 1:
        q = parse_quantity(_RP.sub("", text))
        if q.status == "ok" and q.unit is None:
            return Quantity(raw=text, value=q.value, unit="Rp", status="ok")
        return Quantity(raw=text, value=q.value, unit=q.unit, status=q.status, note=q.note)
    return parse_quantity(text)


def _line(pages: dict[int, Page], page_line, r: _Row) -> int:
    """The text line of the row's code (its parts on consecutive lines) or name, else of its page."""
    first = page_line(r.page, None)
    page = pages.get(r.page)
    if r.parts and page is not None:
        lines = [ln.strip() for ln in page.text.split("\n")]
        n = len(r.parts)
        for k in range(len(lines) - n + 1):
            if all(lines[k + i].startswith(part) for i, part in enumerate(r.parts)):
                return first + k
    return first


def _nodes(
    rows: list[_Row], cols: list[_Col], system, path: str, page_line, notes: list[Note], pages: dict[int, Page]
) -> list[Node]:
    ids = NodeIds()
    nodes: list[Node] = []
    stack: list[tuple[int, Node]] = []
    rows = _split_uncoded(rows, cols)
    edges = _edges(rows, cols)
    for r in rows:
        cells = _cells(r, cols, edges, lambda en, id_, r=r: _note(notes, path, page_line, r, en, id_, pages))
        level = r.level or "subkegiatan"
        rank = LEVELS.index(level)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        by_role = {c.role: _text(cells.get(c.no, [])) for c in cols if c.role in TEXT_ROLES}
        if not r.parts:  # a row without a code: found by the first lines of its name
            names = [w for c in cols if c.role in ("nama", "uraian") for w in cells.get(c.no, [])]
            r.parts = [w.text.strip() for w in sorted(names, key=lambda w: (w.page, round(w.top), w.x0))][:2]
        line = _line(pages, page_line, r)
        span = Span(file=path, line_start=line, line_end=line, page=r.page)
        values: dict[str, Quantity] = {}
        unit = by_role.get("satuan") or None
        for c in cols:
            if c.role in TEXT_ROLES or not cells.get(c.no):
                continue
            text = _value_text(cells[c.no])
            q = quantity(text)
            if q.status != "ok" and q.status != "empty":
                _note(
                    notes,
                    path,
                    page_line,
                    r,
                    pages=pages,
                    en=f"column {c.no}: {text!r} is not one figure, not read",
                    id_=f"kolom {c.no}: {text!r} bukan satu angka, tidak dibaca",
                )
                continue
            if unit and q.status == "ok" and q.unit is None:
                q = Quantity(raw=f"{text} {unit}", value=q.value, unit=unit, status="ok")
            values[c.no] = q
        name = by_role.get("uraian") or by_role.get("nama") or ""
        ind = by_role.get("indikator") or ""
        code = r.code.rstrip(".") if r.code else None
        node = Node(
            id=ids.make(TABLE_ID, code, line),
            level=level,
            code_printed=code,
            code=code,
            code_status=system.status_of(code) if (system and code) else "none",
            name=name,
            parent=parent.id if parent else None,
            indicators=[Indicator(text=ind, span=span)] if ind else [],
            values=values,
            keterangan=by_role.get("keterangan") or None,
            span=span,
        )
        nodes.append(node)
        stack.append((rank, node))
    if any(n.code_status == "unresolved" for n in nodes):
        for n in nodes:  # a provinsi table: none of its codes is judged (as the plan table)
            if n.code_status == "printed":
                n.code_status = "unresolved"
    return nodes


def _note(notes: list[Note], path: str, page_line, r: _Row, en: str, id_: str, pages: dict[int, Page]) -> None:
    line = _line(pages, page_line, r)
    where = f"T-C.29 row {r.code or '(no code)'}"
    notes.append(
        Note(
            level="warning",
            code="row-ambiguous",
            span=Span(file=path, line_start=line, line_end=line, page=r.page),
            message=f"{where}: {en}",
            message_id=f"T-C.29 baris {r.code or '(tanpa kode)'}: {id_}",
        )
    )
