"""Names of the plan table's rows: the name column's lines cut into one block per row.

Cells are top-aligned (a name starts on its row's line) or vertically centred on it; the
lines of a page are cut by dynamic programming so that every block sits where its alignment
wants it (least squares), cuts fall where the line spacing widens (between cells) and the
first lines of a page may end the cell of the previous page's last row. The alignment is
chosen once per table (``posplan.read_rows``), the one that fits all pages best.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .pdfwords import Word
from .postable import MONEY_RE, FoundTable

SPLIT = 60.0  # cost of cutting a name cell in two, or of joining two (in squared points)


@dataclass
class Row:
    page: int
    y: float
    code: Optional[str]
    level: Optional[str]
    amounts: dict[int, Word] = field(default_factory=dict)  # money column -> word
    names: list[Word] = field(default_factory=list)
    cells: dict[int, list[Word]] = field(default_factory=dict)  # text band -> words (poscells)


def cut_names(t: FoundTable, words: list[Word], rows: list[Row], carry: Optional[Row], anchor: str):
    """(cost, [(row, words)]): name-column words of a page cut into blocks of lines, one
    per row (``_partition``); lines at the top of a page may end the cell of the previous
    page's last row (``carry``). An uncoded row (a total) also takes its label printed
    anywhere left of the amounts on its line."""
    if t.name_x is None or not rows:
        return 0.0, []
    end = t.name_end or min((a for a, _ in t.money_cols), default=10_000)
    head = set(t.head)
    first = t.pages[0].no
    floor = max((w.bottom for w in t.head if w.page == first), default=min(r.y for r in rows) - 40)
    cands = [
        w
        for w in words
        if t.name_x - 3 <= w.x0 < end - 2
        and w.x1 <= end + 40
        and not MONEY_RE.match(w.text)
        and w not in head
        and w not in t.furniture
        and (w.page != first or w.top > floor)
    ]
    lines: list[list[Word]] = []
    for w in sorted(cands, key=lambda w: (w.mid, w.x0)):
        if lines and abs(lines[-1][0].mid - w.mid) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[tuple[Row, list[Word]]] = []
    cost = 0.0
    if lines:
        mids = [sum(w.mid for w in ln) / len(ln) for ln in lines]
        targets = ([None] if carry is not None else []) + [r.y for r in rows]
        cost, spans = _partition(mids, targets, anchor, 24)
        owners = ([carry] if carry is not None else []) + rows
        out = [(o, [w for ln in lines[i:k] for w in ln]) for o, (i, k) in zip(owners, spans)]
    first_money = min((a for a, _ in t.money_cols), default=10_000)
    for r in rows:
        if r.code is None:
            out.append(
                (
                    r,
                    [
                        w
                        for w in words
                        if abs(w.mid - r.y) <= 2.5
                        and w.x1 < first_money
                        and w not in head
                        and w not in cands
                        and (w.x0 < t.name_x - 3 or w.x0 >= end - 2)
                    ],
                )
            )
    return cost, out


def _partition(
    mids: list[float],
    targets: list[Optional[float]],
    anchor: str,
    max_lines: int,
    empty: float = 400.0,
    apart: Optional[float] = None,
):
    """Least-squares cut of the lines into one block per target line (None: the end of a
    cell begun on the previous page). Line spacing tells cells apart: a cut where lines
    stand at their usual spacing, or a block across a wider gap, costs ``SPLIT``; with
    ``apart`` (a multiple of the usual spacing) no block spans a gap wider than that."""
    n, m = len(mids), len(targets)
    gaps = [b - a for a, b in zip(mids, mids[1:])]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    wide = [g > usual * 1.04 + 0.3 for g in gaps]  # wide[g]: the gap after line g parts two cells
    wide_before = [0]
    for w in wide:
        wide_before.append(wide_before[-1] + w)
    far_before = [0]
    for g in gaps:
        far_before.append(far_before[-1] + (apart is not None and g > max(apart * usual, 30.0)))
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for j in range(1, m + 1):
        y = targets[j - 1]
        for k in range(n + 1):
            for i in range(max(0, k - max_lines), k + 1):
                if cost[j - 1][i] == inf:
                    continue
                if y is None:
                    c = 30.0 * (k - i)  # lines ending the previous page's cell
                elif k == i:
                    c = empty  # a row without a name (an empty cell)
                elif far_before[k - 1] - far_before[i]:
                    continue  # one cell across a gap far wider than its lines' spacing
                else:
                    at = mids[i] if anchor == "top" else (mids[i] + mids[k - 1]) / 2
                    c = (at - y) ** 2 + SPLIT * (wide_before[k - 1] - wide_before[i])
                if k > i and k < n and not wide[k - 1]:
                    c += SPLIT  # a cut inside a cell
                if cost[j - 1][i] + c < cost[j][k]:
                    cost[j][k], back[j][k] = cost[j - 1][i] + c, i
    if cost[m][n] == inf:
        return inf, [(0, 0)] * m
    spans, k = [], n
    for j in range(m, 0, -1):
        i = back[j][k]
        spans.append((i, k))
        k = i
    return cost[m][n], spans[::-1]
