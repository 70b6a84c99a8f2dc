"""Rows of the plan and RKPD tables: a printed code and the lines that follow it.

``collect_rows`` walks the pages of a region (``plan_lines.split_pages``) and returns the
rows in tree order, each with its code, the rest of its code line, amounts printed
before the code, and its body lines. A row whose code line was extracted with the page
header (glued to amounts) is put back at the top of its page and takes the page's
leading lines (its indicators). Amount-only lines that follow a complete row are the
table total (``Rows.total``). Header labels (bidang names, "TOTAL") are kept per row.
"""

from __future__ import annotations

from dataclasses import field
from typing import Optional

from ...corpus import Nomenclature
from .base import Line
from .codes import PrintedCode, read_code
from .plan_lines import TOTAL_RE, Cell, is_label, read_cells, split_pages, unglue
from ...structs import struct


@struct
class RawRow:
    code: PrintedCode
    line: Line  # the code line
    head: str  # rest of the code line after the code
    lead: list[Cell] = field(default_factory=list)  # amounts printed before the code
    body: list[Line] = field(default_factory=list)
    displaced: bool = False
    labels: list[str] = field(default_factory=list)  # header labels of its page (bidang/urusan rows)


@struct
class Rows:
    rows: list[RawRow]
    total: list[Cell] = field(default_factory=list)
    total_label: bool = False
    stray: list[Line] = field(default_factory=list)  # amount lines that fit no row


class CodeReader:
    """Decides which lines start a row: a code whose urusan/bidang the nomenclature knows."""

    def __init__(self, nomenclature: Nomenclature, sep: str):
        self.nom = nomenclature
        self.sep = sep
        # a region's lines are read up to three times (page split, rows, the next line of an
        # urusan row): each text once. Results are not changed by the callers.
        self._read: dict[str, tuple[Optional[PrintedCode], str, list[Cell]]] = {}
        self._cells: dict[tuple[str, int], Optional[tuple[str, list[Cell], bool]]] = {}

    def cells(self, text: str, line: int) -> Optional[tuple[str, list[Cell], bool]]:
        """``read_cells(text, line)``, once per line of the region (rows, their amounts and
        their segments read the same lines; the result is not changed by the callers)."""
        key = (text, line)
        if key not in self._cells:
            self._cells[key] = read_cells(text, line)
        return self._cells[key]

    def read(self, text: str) -> tuple[Optional[PrintedCode], str, list[Cell]]:
        """(code, rest, amounts before the code) for a row-start line, else (None, text, [])."""
        got = self._read.get(text)
        if got is None:
            got = self._read[text] = self._read_new(text)
        return got

    def _read_new(self, text: str) -> tuple[Optional[PrintedCode], str, list[Cell]]:
        text = unglue(text, self.sep)
        lead: list[Cell] = []
        tokens = text.split()
        k = 0
        while k < len(tokens) and self._amount(tokens[k]):
            k += 1
        if k:
            lead = [Cell("amt", t, 0) for t in tokens[:k]]
            text = " ".join(tokens[k:])
        pc, rest = read_code(text)
        if pc is None or not self._plausible(pc, rest):
            return None, text, []
        return pc, rest, lead

    def _amount(self, tok: str) -> bool:
        parts = tok.split(self.sep)
        return len(parts) >= 2 and all(p.isdigit() for p in parts) and all(len(p) == 3 for p in parts[1:])

    def _plausible(self, pc: PrintedCode, rest: str) -> bool:
        if pc.level == "urusan":
            return rest == "" and self.nom.get(pc.urusan) is not None
        if self.nom.get(pc.bidang or "") is None:
            return False
        if pc.level == "bidang":
            first = rest.split()[0] if rest else ""
            return rest == "" or self._amount(first) or first == "-" or (first.isupper() and first.isalpha())
        return True

    def is_row_start(self, text: str) -> bool:
        pc, rest, lead = self.read(text)
        return pc is not None and not lead


def collect_rows(lines: list[Line], reader: CodeReader, complete) -> Rows:
    """Rows of a region in order. ``complete(row)`` says a row has all its numeric cells."""
    pages = split_pages(lines, reader.is_row_start)
    out = Rows(rows=[])
    pending: list[Cell] = []
    pending_lines: list[Line] = []
    for page in pages:
        displaced: list[RawRow] = []
        labels: list[str] = []
        for ln in page.foreign:
            pc, rest, lead = reader.read(ln.text)
            if pc is not None and pc.level != "urusan":
                displaced.append(RawRow(pc, ln, rest, [Cell(c.kind, c.text, ln.no) for c in lead], displaced=True))
            elif TOTAL_RE.match(ln.text):
                out.total_label = True
            elif is_label(ln.text):
                labels.append(ln.text)
        page_rows: list[RawRow] = list(displaced)
        orphans: list[Line] = []
        for idx, ln in enumerate(page.data):
            pc, rest, lead = reader.read(ln.text)
            if pc is not None and pc.level == "urusan":
                nxt = page.data[idx + 1].text if idx + 1 < len(page.data) else ""
                npc, _, _ = reader.read(nxt)
                if npc is None or npc.urusan != pc.urusan:
                    pc = None
            if pc is not None:
                lead = [Cell(c.kind, c.text, ln.no) for c in lead]
                if pending and not lead:
                    lead, pending, pending_lines = pending, [], []
                page_rows.append(RawRow(pc, ln, rest, lead))
                continue
            current = page_rows[-1] if len(page_rows) > len(displaced) else None
            if current is None:
                orphans.append(ln)
                continue
            got = reader.cells(ln.text, ln.no)
            if got and not got[0] and all(c.kind == "amt" for c in got[1]) and complete(current):
                pending.extend(got[1])
                pending_lines.append(ln)
                continue
            if pending:  # amounts followed by more text: not a total, not a row's
                out.stray.extend(pending_lines)
                pending, pending_lines = [], []
            current.body.append(ln)
        if orphans:
            if displaced:
                displaced[-1].body = orphans + displaced[-1].body
            elif out.rows:
                out.rows[-1].body.extend(orphans)
        for r in page_rows:
            if r.code.level in ("urusan", "bidang"):
                r.labels = labels
        out.rows.extend(page_rows)
    out.total = pending
    return out
