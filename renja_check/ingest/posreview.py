"""The review of the rancangan awal RKPD (T-C.31) read by position, in its two-sided form.

The table prints no codes: the left side is the rancangan awal RKPD (program/kegiatan,
target, pagu indikatif), the right side the hasil analisis kebutuhan (program/kegiatan,
lokasi, indikator, target, kebutuhan dana), each row on one line of amounts. The header is
cut into bands (``poscells.bands_of``); the second ``uraian`` band starts the right side.
Rows are anchored on their amounts (or ``Rp -``); the cells of each side are cut into rows
as the plan table's are. A row's level comes from the plan table row of the same name (a
row whose name is not there is left out), so the tables are marked incomplete and the
cross-table rules match their rows by name, never reporting a row missing from them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..models import Column, Node, Span, Table
from ..numbers import infer_style
from ..text import norm_name
from .layout import Layout
from .pdfwords import Page, Word
from .poscells import APART, EMPTY_CELL, TEXT_ROLES, Band, _place, bands_of, cell_fields
from .posnames import Row, _partition
from .posplan import _money
from .postable import DASH_RE, MONEY_RE, STRONG_RE, _lines, amount_columns
from .posroles import NUM_RE

SIDES = (
    ("awal", "rkpd_awal", "rancangan_awal", "Rancangan Awal RKPD"),
    ("analisis", "kebutuhan", "hasil_analisis", "Hasil Analisis Kebutuhan"),
)


def _numbered_line(page: Page) -> Optional[list[Word]]:
    for line in _lines(page.words):
        if len(line) >= 5 and sum(bool(NUM_RE.fullmatch(w.text)) for w in line) >= 0.8 * len(line):
            return line
    return None


def read_review(
    pages: list[Page],
    layout: Layout,
    year: Optional[int],
    plan: Optional[Table],
    path: str,
    page_line,
    table_no: str = "T-C.31",
) -> list[Table]:
    """The two sides as tables (``rkpd_awal`` / ``kebutuhan``), or [] when the layout is not
    the two-sided one or nothing could be placed."""
    if not pages or plan is None or not year:
        return []
    first = pages[0]
    numbered = _numbered_line(first)
    if numbered is None:
        return []
    floor = max(w.bottom for w in numbered)
    caption_y = min((w.top for w in first.words if re.search(r"T\s*[-.]?\s*C|Tabel", w.text)), default=0.0)
    head = [w for w in first.words if caption_y + 5 < w.top and w.bottom <= floor + 1]
    bs = bands_of(head, layout)
    names = [b for b in bs if b.role == "uraian"]
    if len(names) < 2:
        return []
    split = names[1].x0 - 2
    seen = Counter((round(w.top), w.text) for p in pages for w in p.words)
    heads = max(3, len(pages) / 2)  # running heads stand on most pages of the table
    body = {
        p.no: [
            w
            for w in p.words
            if (p.no != first.no or w.top > floor + 1)
            and not (len(pages) >= 3 and seen[(round(w.top), w.text)] >= heads)
        ]
        for p in pages
    }
    money = _money_columns([w for ws in body.values() for w in ws])
    sides_money = [[c for c in money if c[1] < split], [c for c in money if c[1] >= split]]
    if any(len(m) != 1 for m in sides_money):
        return []
    by_name = {}
    for n in plan.nodes:
        by_name.setdefault(norm_name(n.name), n)
    style = infer_style([w.text for ws in body.values() for w in ws if STRONG_RE.search(w.text)])
    tables = []
    for k, (suffix, role, side, label) in enumerate(SIDES):
        side_bands = [b for b in bs if (b.x0 < split) == (k == 0)]
        left, right = sides_money[k][0]
        rows = _rows(pages, body, left, right)
        for p in pages:  # page numbers ("47"): furniture outside the rows' lines
            ys = [r.y for r in rows if r.page == p.no]
            body[p.no] = [
                w for w in body[p.no] if not layout.is_furniture(w.text) or (ys and ys[0] - 40 <= w.mid <= ys[-1] + 15)
            ]
        name_band = next(b for b in side_bands if b.role == "uraian")
        text_bands = [b for b in side_bands if b.role in TEXT_ROLES]
        _cut(pages, body, rows, side_bands, [name_band] + text_bands)
        nodes = []
        tid = f"{table_no}-{suffix}"
        for i, r in enumerate(rows):
            name = " ".join(w.text for w in sorted(r.cells.get(0, []), key=lambda w: (w.page, round(w.top), w.x0)))
            twin = by_name.get(norm_name(name))
            if twin is None or not name or twin.level != "subkegiatan":
                continue  # sub kegiatan rows only: the others' sums would be of a partial table
            r.cells = {j - 1: ws for j, ws in r.cells.items() if j > 0}
            fields = cell_fields(r, text_bands, [year], style, uncoded=True)
            if not any(b.role == "indikator" for b in text_bands):
                fields.pop("indicators", None)  # targets without their indicator are not compared
            amount = r.amounts.get(0)
            pagu = {str(year): _money(amount, style)} if amount is not None else {}
            line = page_line(r.page, None)
            nodes.append(
                Node(
                    id=f"{tid}:r{i + 1}",
                    level=twin.level,
                    name=name,
                    pagu=pagu,
                    span=Span(file=path, line_start=line, line_end=line, page=r.page),
                    **fields,
                )
            )
        if not nodes:
            return []
        cols = [
            Column(id="uraian", label="Program/Kegiatan", role="uraian"),
            Column(id=f"pagu_{year}", label="Pagu Indikatif" if k == 0 else "Kebutuhan Dana", role="pagu", year=year),
        ]
        span = Span(
            file=path, line_start=page_line(pages[0].no, None), line_end=page_line(pages[-1].no, None), page=pages[0].no
        )
        tables.append(
            Table(
                id=tid,
                number=table_no,
                title=f"{table_no} Review terhadap RKPD: {label}",
                role=role,
                side=side,
                pair=f"{table_no}-{SIDES[1 - k][0]}",
                years=[year],
                columns=cols,
                nodes=nodes,
                complete=False,
                span=span,
            )
        )
    return tables


def _money_columns(words: list[Word]) -> list[tuple[float, float]]:
    return [(min(w.x0 for w in c), max(w.x1 for w in c)) for c in amount_columns(words) if len(c) >= 3]


def _rows(pages: list[Page], body: dict, left: float, right: float) -> list[Row]:
    """One row per line holding an amount (or an empty mark) in the side's money column."""
    rows: list[Row] = []
    for p in pages:
        marks = [
            w
            for w in body[p.no]
            if (MONEY_RE.match(w.text) or DASH_RE.match(w.text)) and left - 30 <= w.x0 and w.x1 <= right + 4
        ]
        for w in sorted(marks, key=lambda w: w.mid):
            if rows and rows[-1].page == p.no and abs(rows[-1].y - w.mid) <= 8:
                if MONEY_RE.match(w.text) and STRONG_RE.search(w.text):
                    rows[-1].amounts[0] = w
                continue
            r = Row(p.no, w.mid, None, None)
            r.amounts[0] = w
            rows.append(r)
    return rows


def _cut(pages: list[Page], body: dict, rows: list[Row], side_bands: list[Band], wanted: list[Band]) -> None:
    """The words of each wanted band cut into the rows (cell k of a row: wanted[k])."""
    prev: Optional[Row] = None
    for p in pages:
        prs = [r for r in rows if r.page == p.no]
        if not prs:
            continue
        placed = _place(
            side_bands, [w for w in body[p.no] if not MONEY_RE.match(w.text) or not STRONG_RE.search(w.text)]
        )
        for k, band in enumerate(wanted):
            ws = [w for w, b in placed.items() if b is band]
            lines = _lines(ws)
            if not lines:
                continue
            mids = [sum(w.mid for w in ln) / len(ln) for ln in lines]
            targets = ([None] if prev is not None else []) + [r.y for r in prs]
            owners = ([prev] if prev is not None else []) + prs
            _, spans = _partition(mids, targets, "centre", 24, empty=400.0 if k == 0 else EMPTY_CELL, apart=APART)
            for owner, (i, j) in zip(owners, spans):
                if j > i:
                    owner.cells.setdefault(k, []).extend(w for ln in lines[i:j] for w in ln)
        prev = prs[-1]
