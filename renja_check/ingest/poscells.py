"""Text cells of the plan table read by position: indicator, target, satuan, lokasi, ...

The header is cut into *bands* (one per printed column) from the bottom line up: a header
word joins the band it overlaps, starts a band when it overlaps none, and is left out when
it overlaps two (a heading spanning several columns, "Rencana Tahun 2026"). The numbered
column row, when printed, is the bottom line, so each number starts one band. A band's
role is that of its words (``layout.columns``; the most specific role wins). Body words go
to the band they overlap most; each text band's lines are cut into one block per row with
the alignment the names use (``posnames._partition``).

Targets: the k-th target band belongs to the year of the k-th money column (one target band
serves the plan year); a satuan band gives the unit of the target band before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..models import Indicator, Quantity
from ..numbers import parse_quantity
from .layout import Layout
from .pdfwords import Page, Word
from .posnames import Row, _partition
from .postable import FoundTable, MONEY_RE, STRONG_RE, _lines

UNIT_FIRST = re.compile(r"^([^\d\s][^\d]*?)\s+(\d[\d.,]*)$")
APART = 4.0  # no cell spans a gap of four line spacings (between cells of distant rows)
EMPTY_CELL = 100.0  # cost of a row left without a cell (every row has a name: 400 there)
TEXT_ROLES = ("indikator", "target", "satuan", "lokasi", "sumber_dana", "catatan")
ORDER = TEXT_ROLES + ("kode", "prakiraan", "pagu", "uraian")  # most specific first


@dataclass
class Band:
    x0: float
    x1: float
    words: list[Word] = field(default_factory=list)
    role: Optional[str] = None


def bands(t: FoundTable, layout: Layout) -> list[Band]:
    return bands_of(t.head, layout)


def bands_of(head: list[Word], layout: Layout) -> list[Band]:
    out: list[Band] = []
    for line in reversed(_lines(head)):
        for w in line:
            hit = [b for b in out if min(b.x1, w.x1) - max(b.x0, w.x0) > 0]
            if not hit:
                out.append(Band(w.x0, w.x1, [w]))
            elif len(hit) == 1:
                b = hit[0]
                b.x0, b.x1 = min(b.x0, w.x0), max(b.x1, w.x1)
                b.words.append(w)
    for b in out:
        text = " ".join(w.text for w in sorted(b.words, key=lambda w: (w.top, w.x0)))
        roles = set(layout.column_role(text))
        b.role = next((r for r in ORDER if r in roles), None)
    return sorted(out, key=lambda b: b.x0)


def _place(bs: list[Band], words: list[Word]) -> dict[Word, Band]:
    """Each body word's band: the one it overlaps; else the band whose words share its
    left edge (left-aligned text wider than the header) or right edge (right-aligned
    figures); else by the gaps (``_band_of``)."""
    out: dict[Word, Band] = {}
    edges: dict[tuple[str, int], Counter] = {}
    for w in words:
        b = _overlapping(bs, w)
        if b is not None:
            out[w] = b
            edges.setdefault(("l", round(w.x0)), Counter())[id(b)] += 1
            edges.setdefault(("r", round(w.x1)), Counter())[id(b)] += 1
    by_id = {id(b): b for b in bs}
    for w in words:
        if w in out:
            continue
        votes = Counter()
        for side, x in (("l", w.x0), ("r", w.x1)):
            for d in (-1, 0, 1):
                votes.update(edges.get((side, round(x) + d), Counter()))
        best = votes.most_common(1)
        b = by_id[best[0][0]] if best and best[0][1] >= 2 else _band_of(bs, w)
        if b is not None:
            out[w] = b
    return out


def _overlapping(bs: list[Band], w: Word) -> Optional[Band]:
    """The band the word overlaps most; of two it overlaps about as much (a figure on the
    line between two columns), the one whose centre is nearer."""
    scored = [(min(b.x1, w.x1) - max(b.x0, w.x0), b) for b in bs]
    scored = [(o, b) for o, b in scored if o > 0]
    if not scored:
        return None
    top = max(o for o, _ in scored)
    centre = (w.x0 + w.x1) / 2
    return min((b for o, b in scored if o >= 0.5 * top), key=lambda b: abs((b.x0 + b.x1) / 2 - centre))


def _band_of(bs: list[Band], w: Word) -> Optional[Band]:
    """The band the word overlaps most; else the one whose share of the gaps around it
    (cut halfway to the next band) holds the word's centre (a right-aligned "1")."""
    best = _overlapping(bs, w)
    if best is not None:
        return best
    centre = (w.x0 + w.x1) / 2
    for k, b in enumerate(bs):
        left = (bs[k - 1].x1 + b.x0) / 2 if k else b.x0 - 20
        right = (b.x1 + bs[k + 1].x0) / 2 if k + 1 < len(bs) else b.x1 + 20
        if left <= centre < right:
            return b
    return None


def read_cells(t: FoundTable, layout: Layout, pages: list[tuple], anchor: str) -> list[Band]:
    """Fill ``Row.cells`` (band index -> words) of the rows of ``pages`` [(page, rows)];
    returns the text bands (role in TEXT_ROLES), left to right."""
    every = bands(t, layout)
    bs = [b for b in every if b.role in TEXT_ROLES]
    if not bs:
        return []
    head = set(t.head)
    first = t.pages[0].no
    floor = max((w.bottom for w in t.head if w.page == first), default=0.0)
    body: list[tuple[Page, list[Row], list[Word]]] = []
    for page, rows in pages:
        if not rows:
            continue
        top, bottom = rows[0].y - 40, rows[-1].y + 15  # furniture by pattern ("12") stands outside
        words = [
            w
            for w in page.words
            if w not in head
            and w.x0 > t.code_x1
            and not (w.page == first and w.top <= floor)
            and not (w in t.furniture and not top <= w.mid <= bottom)
            and not (MONEY_RE.match(w.text) and STRONG_RE.search(w.text))
        ]
        body.append((page, rows, words))
    placed = _place(every, [w for _, _, ws in body for w in ws])
    prev: Optional[Row] = None
    for _page, rows, words in body:
        by_band: dict[int, list[Word]] = {}
        for w in words:
            b = placed.get(w)
            if b is not None and b.role in TEXT_ROLES:
                by_band.setdefault(bs.index(b), []).append(w)
        for k, ws in by_band.items():
            lines = _lines(ws)
            mids = [sum(w.mid for w in ln) / len(ln) for ln in lines]
            targets = ([None] if prev is not None else []) + [r.y for r in rows]
            owners = ([prev] if prev is not None else []) + rows
            _, spans = _partition(mids, targets, anchor, 24, empty=EMPTY_CELL, apart=APART)
            for owner, (i, j) in zip(owners, spans):
                if j > i:
                    owner.cells.setdefault(k, []).extend(w for ln in lines[i:j] for w in ln)
        prev = rows[-1]
    _numberless_targets(bs, [r for _, rows in pages for r in rows])
    return bs


def _numberless_targets(bs: list[Band], rows: list[Row]) -> None:
    """A target column most of whose cells hold no figure ("IKM Kota Bogor": the target
    group of an RKPD form) is read as the indicator's text, not as targets."""
    for k, b in enumerate(bs):
        if b.role != "target":
            continue
        cells = [_text(r.cells[k]) for r in rows if r.code and r.cells.get(k)]
        if cells and sum(bool(re.search(r"\d", c)) for c in cells) * 2 < len(cells):
            b.role = "indikator" if not any(x.role == "indikator" for x in bs) else "catatan"


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: (w.page, round(w.top), w.x0))).strip()


def cell_fields(row: Row, bs: list[Band], years: list[int], style, uncoded: bool = False) -> dict:
    """The node fields a row's cells give: indicators (text and targets per year),
    lokasi, sumber_dana, catatan."""
    if row.code is None and not uncoded:  # an uncoded row (a total): its label may run into the cells
        return {}
    texts = {k: _text(ws) for k, ws in row.cells.items()}
    out: dict = {}
    for role in ("lokasi", "sumber_dana", "catatan"):
        got = [texts[k] for k, b in enumerate(bs) if b.role == role and texts.get(k)]
        if got:
            out[role] = " ".join(got)
    ind = next((texts[k] for k, b in enumerate(bs) if b.role == "indikator" and texts.get(k)), "")
    targets: dict[str, Quantity] = {}
    tk = [k for k, b in enumerate(bs) if b.role == "target"]
    money_years = [y for y in years if y]
    for n, k in enumerate(tk):
        year = money_years[n] if len(tk) > 1 and n < len(money_years) else (money_years[0] if money_years else 0)
        unit_k = k + 1 if k + 1 < len(bs) and bs[k + 1].role == "satuan" else None
        raw = " ".join(x for x in (texts.get(k, ""), texts.get(unit_k, "") if unit_k is not None else "") if x)
        m = UNIT_FIRST.match(raw)
        if m:  # the unit printed above the figure in the cell
            raw = f"{m.group(2)} {m.group(1)}"
        if raw and year:
            targets[str(year)] = parse_quantity(raw, style)
    if ind or targets:
        out["indicators"] = [Indicator(text=ind, targets=targets)]
    return out
