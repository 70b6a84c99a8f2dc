"""Tabel 2.2 (T-C.30): service performance of the perangkat daerah.

Columns ``(1)..(13)``: no, indicator, SPM/standar nasional, IKK, Renstra targets for
four years, realisation for two years, projection for two years, analysis note. The
years come from the header ("Tahun 2020" ... in column order). A row is
``<no> <indicator> <10 cells> <start of the note>`` followed by the rest of the note;
cells use decimal commas (``72,58``) and ``-`` for empty. A row with fewer or more
than the expected cells is kept with its raw text and noted, never guessed.
"""

from __future__ import annotations

import re
from typing import Optional

from ...models import Column, Indicator, Node, Quantity, Table
from ...numbers import parse_quantity
from .base import Line, ParseContext, Region
from .evaluasi_rows import SECTION_HEAD, join_cell

TABLE_ID = "T2.2"
_INDEX = re.compile(r"^\(1\)\s+\(2\)(?:\s+\(\d+\))+$")
_ROW = re.compile(r"^(\d{1,2})\.?\s+(\S.*)$")
_CELL = re.compile(r"^(?:-|[+-]?\d+(?:[.,]\d+)*%?)$")
_GROUPS = [("target", "Target Renstra Perangkat Daerah"), ("realisasi", "Realisasi Capaian"), ("proyeksi", "Proyeksi")]


def parse(ctx: ParseContext, region: Region, *args) -> list[Table]:
    lines = ctx.lines[region.start : region.end]
    idx = next((i for i, ln in enumerate(lines) if _INDEX.match(ln.text)), None)
    if idx is None:
        ctx.note(
            "table-unreadable",
            "Tabel 2.2: no column-index row (1) (2) ... found",
            lines[0].no,
            id="Tabel 2.2: baris nomor kolom (1) (2) ... tidak ditemukan",
        )
        return []
    ncols = len(re.findall(r"\(\d+\)", lines[idx].text))
    years = [int(y) for ln in lines[1:idx] for y in re.findall(r"^(?:Tahun\s+)?((?:19|20)\d\d)$", ln.text)]
    columns = _columns(ncols, years)
    nval = ncols - 3  # cells between the indicator and the note
    nodes: list[Node] = []
    cur: Optional[dict] = None
    last = lines[idx].no
    for ln in lines[idx + 1 :]:
        if SECTION_HEAD.match(ln.text):
            break
        m = _ROW.match(ln.text)
        cells = _cells(m.group(2), nval) if m else None
        expected_no = str(len(nodes) + (1 if cur else 0) + 1)
        if m and (cells is not None or m.group(1) == expected_no):
            if cur:
                nodes.append(_node(ctx, cur, columns, years))
            if cells is None:  # the next row, but not the expected number of cells
                ctx.note(
                    "row-ambiguous",
                    f"Tabel 2.2: row {m.group(1)} does not have {nval} cells; kept as printed: {ln.text!r}",
                    ln.no,
                    id=f"Tabel 2.2: baris {m.group(1)} tidak berisi {nval} sel; disimpan seperti tercetak: {ln.text!r}",
                )
            cur = {
                "no": m.group(1),
                "name": cells[0] if cells else m.group(2),
                "cells": cells[1] if cells else None,
                "note": [cells[2]] if cells else [],
                "lines": [ln],
                "raw": ln.text,
            }
        elif cur:
            cur["note"].append(ln.text)
            cur["lines"].append(ln)
        last = ln.no
    if cur:
        nodes.append(_node(ctx, cur, columns, years))
    return [
        Table(
            id=TABLE_ID,
            number=region.number or "2.2",
            title=" ".join(ln.text for ln in lines[1:3]),
            role="kinerja_pelayanan",
            years=sorted(set(years)),
            columns=columns,
            nodes=nodes,
            span=ctx.span(lines[0].no, last),
        )
    ]


def _columns(ncols: int, years: list[int]) -> list[Column]:
    cols = [
        Column(id="1", label="No.", role="no"),
        Column(id="2", label="Indikator", role="indikator"),
        Column(id="3", label="SPM/Standar Nasional", role="spm"),
        Column(id="4", label="IKK", role="ikk"),
    ]
    nyear = ncols - 5
    roles = []
    if nyear % 4 == 0:  # 4 target years, 2 realisation, 2 projection in the T-C.30 template
        roles = [_GROUPS[0]] * (nyear // 2) + [_GROUPS[1]] * (nyear // 4) + [_GROUPS[2]] * (nyear // 4)
    for k in range(nyear):
        cid = str(5 + k)
        y = years[k] if k < len(years) else None
        role, label = roles[k] if roles else ("nilai", "Nilai")
        cols.append(Column(id=cid, label=f"{label} Tahun {y}" if y else label, role=role, year=y))
    cols.append(Column(id=str(ncols), label="Catatan Analisis", role="catatan"))
    return cols


def _cells(text: str, nval: int) -> Optional[tuple[str, list[str], str]]:
    """(indicator, the value cells, note start) when the line holds exactly ``nval`` cells."""
    words = text.split()
    for i in range(1, len(words)):
        run = words[i : i + nval]
        if len(run) == nval and all(_CELL.match(w) for w in run):
            nxt = words[i + nval] if i + nval < len(words) else ""
            if not _CELL.match(nxt):
                return " ".join(words[:i]), run, " ".join(words[i + nval :])
    return None


def _node(ctx: ParseContext, cur: dict, columns: list[Column], years: list[int]) -> Node:
    first, last = cur["lines"][0].no, cur["lines"][-1].no
    values: dict[str, Quantity] = {}
    if cur["cells"] is None:
        values["raw"] = Quantity(raw=cur["raw"], status="ambiguous", note="cells not placed")
    for col, cell in zip(columns[2:-1], cur["cells"] or []):
        values[col.id] = parse_quantity(cell, style="id")
    targets = {str(c.year): values[c.id] for c in columns if c.role == "target" and c.year and c.id in values}
    return Node(
        id=f"{TABLE_ID}:L{first}",
        level="indikator",
        ordinal=cur["no"],
        name=cur["name"],
        indicators=[Indicator(text=cur["name"], targets=targets, span=ctx.span(first))],
        values=values,
        keterangan=join_cell(cur["note"]) or None,
        span=ctx.span(first, last),
    )
