"""The evaluation table's rows as nodes: cell words to names, indicators and parsed values, the
hierarchy from the code levels, and a note for each cell that is not one figure."""

from __future__ import annotations

import re

from ..models import Indicator, Node, Note, Quantity, Span
from ..numbers import parse_quantity
from .layout import LEVELS
from .pdftext.base import NodeIds
from .pdfwords import Page, Word
from .poseval_rows import TEXT_ROLES, _cells, _Col, _complete, _edges, _Row, _split_uncoded

TABLE_ID = "T2.1"
_RP = re.compile(r"^Rp\.?\s*", re.I)


def _reading_order(words: list[Word]) -> list[Word]:
    """Words by page, then line, then left to right."""
    return sorted(words, key=lambda w: (w.page, round(w.top), w.x0))


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in _reading_order(words))


def _value_text(words: list[Word]) -> str:
    """A value cell's words in reading order; a figure wrapped inside the cell is joined
    (``Rp85.149.979.3`` + ``89``)."""
    out = ""
    for w in _reading_order(words):
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
            r.parts = [w.text.strip() for w in _reading_order(names)][:2]
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
