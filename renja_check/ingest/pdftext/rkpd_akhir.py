"""Reader of the BAB IV table "Rancangan Akhir Rencana Kerja Pemerintah Daerah (RKPD)".

Table id ``rkpd_akhir``, role ``rkpd_akhir``. Columns: kode, name, indicator, RPJMD end
target, realisation N-2, estimate N-1, target N, pagu N, lokasi, sumber dana, prioritas
nasional and daerah, kelompok sasaran, perangkat daerah, target and pagu N+1. A sub
kegiatan row prints: code, name, indicator, ``<target N> <pagu N>``, lokasi, sumber dana,
prioritas and kelompok sasaran, ``<target N+1> <pagu N+1>``, perangkat daerah. Empty
targets of the earlier columns print as a unit alone (``orang orang 107 orang ...``).
The prioritas, kelompok sasaran and perangkat daerah cells go to ``keterangan``.
"""

from __future__ import annotations

from .base import ParseContext, Region
from .plan_cells import Segment, join_text, pair_targets, split_name, split_sumber
from .plan_rows import RawRow
from .plan_table import read_plan_table
from .plan_tree import TreeBuilder, indicator

TABLE_ID = "rkpd_akhir"


def parse(ctx: ParseContext, region: Region, *args):
    return read_plan_table(ctx, region, TABLE_ID, "rkpd_akhir", sub_row)


def sub_row(tb: TreeBuilder, row: RawRow, segs: list[Segment], ys: list[str], style) -> None:
    first = segs[0] if segs else Segment()
    texts = [t for _, t in first.texts]
    name, rest = split_name(texts, tb.officials(row), "subkegiatan")
    nos = [n for n, _ in first.texts]
    ind_nos = nos[len(nos) - len(rest) :] if rest else []
    cells = list(first.cells)
    lokasi: list[str] = []
    sumber: list[str] = []
    extra: list[str] = []
    if len(segs) > 1:
        lokasi, sumber, after = split_sumber([t for _, t in segs[1].texts])
        if after:
            extra.append(join_text(after))
        cells += segs[1].cells
        for seg in segs[2:]:
            if seg.texts:
                extra.append(join_text([t for _, t in seg.texts]))
    targets, pagu = pair_targets(cells, ys, style)
    ind = indicator(rest, targets, ind_nos + [c.line for c in cells], tb.ctx)
    tb.add(
        row,
        name,
        [ind] if ind else [],
        pagu,
        [n for s in segs for n in s.lines],
        lokasi=join_text(lokasi) or None,
        sumber_dana=join_text(sumber) or None,
        keterangan=" | ".join(e for e in extra if e) or None,
    )
