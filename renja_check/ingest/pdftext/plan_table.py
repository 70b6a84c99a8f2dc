"""The common reader of the plan table (T-C.33) and the rancangan akhir RKPD table.

Both print bidang rows (``5 3 <pagu N> <pagu N+1>``), program and kegiatan rows (code,
name, indicators, ``<target N> <pagu N> <target N+1> <pagu N+1>``), sub kegiatan rows
whose cells differ per table (``SubRowReader``), and a final total. ``read_plan_table``
turns a region into one ``Table``; it judges whether the table is complete.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from ...models import Indicator, Money, Table
from ...numbers import infer_style
from .base import ParseContext, Region
from .plan_cells import Segment, join_text, money, pair_targets, segments, split_name
from .plan_lines import read_cells
from .plan_rows import CodeReader, RawRow, collect_rows
from .plan_tree import TreeBuilder, indicator, label_for, split_compound, table_years

# reads a sub kegiatan row: (builder, row, segments, years, style) -> None (adds the node)
SubRowReader = Callable[[TreeBuilder, RawRow, list[Segment], list[str], Optional[str]], None]


def amounts(row: RawRow, read=read_cells) -> int:
    """Amounts of a row; ``read``: ``read_cells`` or a reader's memo of it."""
    n = sum(c.kind == "amt" for c in row.lead)
    for no, text in [(row.line.no, row.head)] + [(ln.no, ln.text) for ln in row.body]:
        got = read(text, no) if text else None
        if got:
            n += sum(c.kind == "amt" for c in got[1])
    return n


def row_segments(row: RawRow, read=read_cells) -> list[Segment]:
    head = [] if row.displaced else [(row.line.no, row.head)]
    return segments(head + [(ln.no, ln.text) for ln in row.body], read)


def read_plan_table(ctx: ParseContext, region: Region, table_id: str, role: str, sub_row: SubRowReader) -> list[Table]:
    lines = ctx.lines[region.start + 1 : region.end]
    style = infer_style([t for ln in lines for t in ln.text.split()])
    reader = CodeReader(ctx.nomenclature, "." if style == "id" else ",")
    rows = collect_rows(lines, reader, lambda r: amounts(r, reader.cells) >= 2)
    years = table_years(ctx, [region.title] + [ln.text for ln in lines[:4]])
    ys = [str(y) for y in years]
    tb = TreeBuilder(ctx, table_id)
    glued: list[str] = []  # ids of nodes whose amounts stood glued before their code
    for row in rows.rows:
        level = row.code.level
        segs = row_segments(row, reader.cells)
        if level == "urusan":
            continue
        if level == "bidang":
            cells = row.lead + [c for s in segs for c in s.cells]
            pagu = {y: money(c, style) for y, c in zip(ys, [c for c in cells if c.kind == "amt"])}
            name = label_for(ctx.nomenclature, row.code.bidang, row.labels) or ""
            tb.add(row, name, [], pagu, [n for s in segs for n in s.lines])
        elif level in ("program", "kegiatan"):
            _upper_row(tb, row, segs, ys, style)
            if len([c for c in row.lead if c.kind == "amt"]) >= 2:
                glued.append(tb.nodes[-1].id)
        else:
            sub_row(tb, row, segs, ys, style)
    for ln in rows.stray:
        ctx.note(
            "cell-unparsed",
            f"{table_id}: amounts that belong to no row: {ln.text}",
            ln.no,
            id=f"{table_id}: angka tanpa baris: {ln.text}",
        )
    for node_id in glued:
        _order_glued_amounts(tb, node_id, ys)
    total = None
    if rows.total:
        amts = [c for c in rows.total if c.kind == "amt"]
        total = tb.add_total({y: money(c, style) for y, c in zip(ys, amts)}, [c.line for c in amts])
    complete, why = _judge(tb, rows.rows, total, ys)
    if not complete:
        ctx.note(
            "table-truncated",
            f"{table_id}: the table is incomplete ({why[1]})",
            lines[0].no if lines else None,
            lines[-1].no if lines else None,
            id=f"{table_id}: tabel tidak lengkap ({why[0]})",
        )
    first = ctx.lines[region.start].no
    last = ctx.lines[region.end - 1].no if region.end > region.start else first
    title = [region.title] + [ln.text for ln in lines[:1] if re.match(r"^(DAN|TAHUN)\b", ln.text)]
    return [
        Table(
            id=table_id,
            title=join_text(title),
            role=role,
            years=years,
            nodes=tb.nodes,
            complete=complete,
            span=ctx.span(first, last),
        )
    ]


def _upper_row(tb: TreeBuilder, row: RawRow, segs: list[Segment], ys: list[str], style) -> None:
    """A program or kegiatan row: name, indicators with targets, pagu on the first one."""
    if row.displaced:
        name, rest = row.head, []
    else:
        first = [t for _, t in segs[0].texts] if segs else []
        name, rest = split_name(first, tb.officials(row), row.code.level)
    pagu: dict[str, Money] = {}
    lead = [c for c in row.lead if c.kind == "amt"]
    if lead:
        pagu = {y: money(c, style) for y, c in zip(ys, lead)}
    indicators: list[Indicator] = []
    for k, seg in enumerate(segs):
        texts = rest if (k == 0 and not row.displaced) else [t for _, t in seg.texts]
        targets, amts = pair_targets(seg.cells, ys, style)
        if amts and not pagu:
            pagu = amts
        nos = [n for n, _ in seg.texts]
        lines = (nos[len(nos) - len(rest) :] if rest else []) if k == 0 and not row.displaced else nos
        ind = indicator(texts, targets, lines + [c.line for c in seg.cells], tb.ctx)
        if ind:
            indicators.extend(split_compound(ind))
    tb.add(row, name, indicators, pagu, [n for s in segs for n in s.lines])


def _order_glued_amounts(tb: TreeBuilder, node_id: str, ys: list[str]) -> None:
    """Amounts glued before a displaced code (``1,200,000,0001,100,000,0001 2 2 PROGRAM``)
    lost their column order in extraction. Keep the printed order unless only the swapped
    order agrees with the node's own rows in every year; the amounts themselves are kept
    as printed, only their year columns are decided, and a note says so."""
    node = next(n for n in tb.nodes if n.id == node_id)
    if len(ys) != 2 or not all(y in node.pagu and node.pagu[y].value is not None for y in ys):
        return
    kids = [n for n in tb.nodes if n.parent == node_id]
    sums = {}
    for y in ys:
        vals = [n.pagu[y].value for n in kids if y in n.pagu]
        if not vals or any(v is None for v in vals):
            return
        sums[y] = sum(vals)
    a, b = ys
    printed_fits = node.pagu[a].value == sums[a] and node.pagu[b].value == sums[b]
    swapped_fits = node.pagu[b].value == sums[a] and node.pagu[a].value == sums[b]
    if printed_fits or not swapped_fits:
        return
    node.pagu = {a: node.pagu[b], b: node.pagu[a]}
    tb.ctx.note(
        "column-order",
        f"{node_id}: amounts glued before the code; their year columns were taken "
        f"from the sums of the node's rows ({a}: {node.pagu[a].raw}, {b}: {node.pagu[b].raw})",
        node.span.line_start,
        node.span.line_end,
        level="info",
        id=f"{node_id}: angka menempel sebelum kode; kolom tahunnya diambil dari jumlah baris-baris "
        f"di bawahnya ({a}: {node.pagu[a].raw}, {b}: {node.pagu[b].raw})",
    )


def _judge(tb: TreeBuilder, rows: list[RawRow], total, ys: list[str]) -> tuple[bool, tuple[str, str]]:
    """(complete, (why in Bahasa Indonesia, why in English)), judged from the table's structure
    (rows, levels, last row) only. Whether its sums agree is never a sign of completeness: a
    sum that does not hold is the sum rule's to report (``cut_at_start`` judges a table cut
    before its first rows against the document's other plan tables)."""
    if not rows:
        return False, ("tidak ada baris", "no rows")
    levels = [r.code.level for r in rows if r.code.level != "urusan"]
    if levels and levels[0] in ("kegiatan", "subkegiatan"):
        return False, (f"dimulai dari baris {levels[0]}", f"it starts at a {levels[0]} row")
    bidang = [n for n in tb.nodes if n.level == "bidang"]
    if bidang and any(
        n.level == "program" and (n.parent is None or (total and n.parent == total.id)) for n in tb.nodes
    ):
        return False, ("ada program tanpa baris bidang", "a program has no bidang row")
    if amounts(rows[-1]) < 2:
        return False, ("baris terakhir tanpa angka pagu", "the last row lacks its amounts")
    return True, ("", "")


def cut_at_start(ctx: ParseContext, tables: list[Table]) -> None:
    """Mark plan tables whose first bidang rows are missing: the document's other plan tables
    print bidang rows before this table's first one that this table lacks altogether
    (extraction lost the table's first pages). Rows and codes only, never sums."""
    from ...kinds.labels import table_label

    def bidang(t: Table) -> list[str]:
        return [n.code for n in t.nodes if n.level == "bidang" and n.code]

    for t in tables:
        if not t.complete or t.role not in ("rencana", "rkpd_akhir"):
            continue
        mine = bidang(t)
        if not mine:
            continue
        for other in tables:
            theirs = bidang(other)
            if other is t or other.role not in ("rencana", "rkpd_akhir") or mine[0] not in theirs:
                continue
            lost = [c for c in theirs[: theirs.index(mine[0])] if c not in mine]
            if lost:
                t.complete = False
                codes = ", ".join(lost)
                ctx.note(
                    "table-truncated",
                    f"{table_label(t, 'en')} starts at bidang {mine[0]}; the bidang rows "
                    f"before it ({codes}, printed in {table_label(other, 'en')}) are missing: its first "
                    f"part was not read",
                    t.span.line_start,
                    t.span.line_end,
                    id=f"{table_label(t)} dimulai dari bidang {mine[0]}; baris bidang sebelumnya ({codes}, "
                    f"tercetak pada {table_label(other)}) tidak ada: bagian awal tabel tidak terbaca",
                )
                break
