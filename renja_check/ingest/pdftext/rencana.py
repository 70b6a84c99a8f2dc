"""Reader of the plan table "Rumusan Rencana Program dan Kegiatan ... Tahun N dan Prakiraan Maju N+1".

Table id ``rencana``, role ``rencana`` (T-C.33). A sub kegiatan row prints: code (with the
name sometimes), name, indicator, lokasi, ``<target N> <pagu N>``, sumber dana, catatan,
``<target N+1> <pagu N+1>``. The rest of the table (bidang, program, kegiatan rows, the
total, page headers) is read by ``plan_table``.
"""

from __future__ import annotations

from .base import ParseContext, Region
from .plan_cells import Segment, join_text, pair_targets, split_lokasi, split_name, split_sumber
from .plan_rows import RawRow
from .plan_table import read_plan_table
from .plan_tree import TreeBuilder, indicator

TABLE_ID = "rencana"


def parse(ctx: ParseContext, region: Region, *args):
    return read_plan_table(ctx, region, TABLE_ID, "rencana", sub_row)


def sub_row(tb: TreeBuilder, row: RawRow, segs: list[Segment], ys: list[str], style) -> None:
    first = segs[0] if segs else Segment()
    texts = [t for _, t in first.texts]
    name, rest = split_name(texts, tb.officials(row), "subkegiatan")
    ind_lines, lokasi = split_lokasi(rest)
    cells = list(first.cells)
    sumber: list[str] = []
    catatan: list[str] = []
    more = []
    if len(segs) > 1:
        before, sumber, after = split_sumber([t for _, t in segs[1].texts])
        if not sumber and before and all(t.isupper() for t in before):
            sumber, before = before, []
        catatan = before + after
        cells += segs[1].cells
        more = segs[2:]
    targets, pagu = pair_targets(cells, ys, style)
    n_name = len(texts) - len(rest)
    ind_nos = [n for n, _ in first.texts][n_name : n_name + len(ind_lines)] if rest else []
    indicators = [indicator(ind_lines, targets, ind_nos + [c.line for c in cells], tb.ctx)]
    for seg in more:  # further indicators of the same row, if any
        t, _ = pair_targets(seg.cells, ys, style)
        if seg.cells:
            indicators.append(indicator([x for _, x in seg.texts], t, seg.lines, tb.ctx))
        else:
            catatan += [x for _, x in seg.texts]
    tb.add(
        row,
        name,
        [i for i in indicators if i],
        pagu,
        [n for s in segs for n in s.lines],
        lokasi=join_text(lokasi) or None,
        sumber_dana=join_text(sumber) or None,
        catatan=join_text(catatan) or None,
    )
