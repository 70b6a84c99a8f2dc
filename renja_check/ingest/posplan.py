"""The plan table (T-C.33 or an RKPD excerpt) read from a table found by ``postable``.

Rows are anchored on their printed code (cells are centred on it, so a wrapped name sits
above and below the code's line) or, for rows printed without a code (the agency total,
an urusan heading), on their amounts. Amounts go to the money column whose right edge
they share; names are the name column's lines cut into blocks (``posnames``). The hierarchy
follows the codes in document order: a row's parent is the nearest row above it of a
higher level; a code that does not extend its parent's code is read where it stands and
noted (``code-misplaced``). An uncoded row before every coded row is the total (totals
in the first row); a later one heads the level above the next coded row.
"""

from __future__ import annotations

import re
from typing import Optional

from ..models import Money, Node, Span, Table
from ..numbers import infer_style, parse_money
from .layout import LEVELS, Layout, load_layout
from .poscells import cell_fields, read_cells
from .pdfwords import Word
from .posnames import Row, cut_names
from .postable import DASH_RE, MONEY_RE, FoundTable, code_text
from .pdftext.base import NodeIds

ROW_TOL = 4.0  # points between an amount's line and its row's anchor


def years_of(t: FoundTable, layout: Layout, year: Optional[int]) -> list[int]:
    """Year of each money column: a year printed above it, else N+1 under a prakiraan
    header, else the plan year; columns without a header year follow in order."""
    out: list[Optional[int]] = []
    for left, right in t.money_cols:
        over = [w for w in t.head if w.x1 > left - 15 and w.x0 < right + 15]
        ys = [int(m) for w in over for m in re.findall(r"\b(20\d\d)\b", w.text)]
        forward = any("prakiraan" in layout.column_role(w.text) for w in over)
        if ys:
            out.append(max(ys) if forward else min(ys))
        elif forward and year:
            out.append(year + 1)
        else:
            out.append(None)
    base = year or next((y for y in out if y), None)
    for k, y in enumerate(out):
        if y is None and base:
            out[k] = base + sum(1 for x in out[:k] if x is None or x == base) if k else base
    return [y or 0 for y in out]


def read_rows(t: FoundTable) -> list[Row]:
    rows: list[Row] = []
    pages: list[tuple] = []
    for page in t.pages:
        words = page.words
        page_rows = []
        for w in words:
            c = code_text(w)
            if abs(w.x0 - t.code_x) <= 6 and w.x1 <= t.code_x1 + 4 and t.system.level_of(c):
                page_rows.append(Row(page.no, w.mid, c, t.system.level_of(c)))
        for w in words:
            col = _column(t, w)
            if col is None:
                continue
            near = min(page_rows, key=lambda r: abs(r.y - w.mid), default=None)
            if near is not None and abs(near.y - w.mid) <= ROW_TOL and col not in near.amounts:
                near.amounts[col] = w
            elif MONEY_RE.match(w.text):  # an amount without a code on its line: an uncoded row
                line = next((r for r in page_rows if r.code is None and abs(r.y - w.mid) <= ROW_TOL), None)
                if line is None:
                    line = Row(page.no, w.mid, None, None)
                    page_rows.append(line)
                line.amounts.setdefault(col, w)
        page_rows.sort(key=lambda r: r.y)
        pages.append((page, page_rows))
        rows.extend(page_rows)
    # one alignment for the whole table: the one whose blocks fit all pages best
    cuts = {
        a: [
            cut_names(t, p.words, prs, pages[k - 1][1][-1] if k and pages[k - 1][1] else None, a)
            for k, (p, prs) in enumerate(pages)
        ]
        for a in ("top", "centre")
    }
    anchor = min(cuts, key=lambda a: sum(c[0] for c in cuts[a]))
    for _cost, assign in cuts[anchor]:
        for row, words in assign:
            row.names.extend(words)
    t.bands = read_cells(t, load_layout(), pages, anchor)
    return [r for r in rows if r.amounts or r.code]


def _column(t: FoundTable, w: Word) -> Optional[int]:
    """The money column of an amount (by right edge) or of an empty mark (by overlap)."""
    if MONEY_RE.match(w.text):
        for k, (left, right) in enumerate(t.money_cols):
            if abs(w.x1 - right) <= 6 or (left - 2 <= w.x0 and w.x1 <= right + 2):
                return k
    elif DASH_RE.match(w.text) and not w.text.lower().startswith("rp") or w.text in ("-",):
        for k, (left, right) in enumerate(t.money_cols):
            if left - 10 <= w.x0 and w.x1 <= right + 4:
                return k
    return None


def build_table(
    t: FoundTable, rows: list[Row], years: list[int], path: str, page_line, table_id: str = "rencana"
) -> tuple[Table, list[tuple[str, str, str, int]]]:
    """The ``Table`` and the reader's notes (code, English, Indonesian, page)."""
    style = infer_style([w.text for r in rows for w in r.amounts.values()])
    notes: list[tuple[str, str, str, int]] = []
    _levels_for_uncoded(rows)
    ids = NodeIds()
    nodes: list[Node] = []
    stack: list[tuple[int, Node]] = []
    for r in rows:
        rank = LEVELS.index(r.level)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        line = page_line(r.page, r.code)
        span = Span(file=path, line_start=line, line_end=line, page=r.page)
        name = " ".join(w.text for w in sorted(r.names, key=lambda w: (w.page, round(w.top), w.x0)))
        pagu = {str(years[k]): _money(w, style) for k, w in sorted(r.amounts.items()) if years[k]}
        node = Node(
            id=ids.make(table_id, r.code, line),
            level=r.level,
            code_printed=r.code,
            code=_dotted(r.code) if r.code else None,
            code_status=t.system.status_of(_dotted(r.code)) if r.code else "none",
            name=name,
            parent=parent.id if parent else None,
            pagu=pagu,
            span=span,
            **cell_fields(r, t.bands, years, style),
        )
        if r.code and parent is not None and parent.code and not _digits(r.code).startswith(_digits(parent.code)):
            notes.append(
                (
                    "code-misplaced",
                    f"row {r.code} ({r.level}) of the plan table stands under {parent.code} "
                    f"whose code it does not extend",
                    f"baris {r.code} ({r.level}) tabel rencana berada di bawah {parent.code} "
                    f"tetapi kodenya bukan turunan kode itu",
                    r.page,
                )
            )
        nodes.append(node)
        stack.append((rank, node))
    _root_trailing_totals(nodes)
    if any(n.code_status == "unresolved" for n in nodes):
        # a provinsi table: its program and bidang names are the provinsi's, not those of the
        # kabupaten/kota nomenclature shipped, so none of its codes is judged against it
        for n in nodes:
            if n.code_status == "printed":
                n.code_status = "unresolved"
    first = rows[0].page if rows else 1
    span = Span(
        file=path,
        line_start=page_line(first, None),
        line_end=page_line(rows[-1].page if rows else first, None),
        page=first,
    )
    return Table(
        id=table_id, title="", role="rencana", years=sorted({y for y in years if y}), nodes=nodes, span=span
    ), notes


def _root_trailing_totals(nodes: list[Node]) -> None:
    """Totals printed in the last rows (``JUMLAH``) add up the rows above them: the first
    is the parent of every top row, each further one the parent of the one before."""
    trailing: list[Node] = []
    for n in reversed(nodes):
        if n.level != "total" or n.code:
            break
        trailing.insert(0, n)
    if not trailing or len(trailing) == len(nodes):
        return
    for n in nodes[: len(nodes) - len(trailing)]:
        if n.parent is None:
            n.parent = trailing[0].id
    for a, b in zip(trailing, trailing[1:]):
        a.parent = b.id


def _levels_for_uncoded(rows: list[Row]) -> None:
    coded = [k for k, r in enumerate(rows) if r.code]
    first = coded[0] if coded else len(rows)
    for k, r in enumerate(rows):
        if r.level:
            continue
        text = " ".join(w.text for w in r.names).upper()
        nxt = next((rows[j].level for j in range(k + 1, len(rows)) if rows[j].code), None)
        if k < first and k == 0 or k > (coded[-1] if coded else -1) or re.search(r"\b(JUMLAH|TOTAL)\b", text):
            r.level = "total"
        elif nxt:
            r.level = LEVELS[max(1, LEVELS.index(nxt) - 1)]
        else:
            r.level = "total"


def _money(w: Word, style) -> Money:
    text = w.text
    if DASH_RE.match(text):
        return Money(raw=text, value=None, status="empty")
    return parse_money(text, style)


def _digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def _dotted(code: str) -> str:
    return re.sub(r"\s*[.,]\s*", ".", code.strip())
