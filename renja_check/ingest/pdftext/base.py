"""Shared pieces of the PDF-text reader: lines, the parse context, table regions.

The text is what pypdf's ``extract_text`` gives for a Renja PDF: cells on their own
lines, empty cells gone, page headers *after* a page's rows. Blank lines are
dropped; every ``Line`` keeps its 1-based number in the source file so spans point
back to the source exactly.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Callable, Optional

from ...corpus import Nomenclature
from ...models import Note, Span
from ..layout import load_layout
from ...structs import struct


@struct(frozen=True)
class Line:
    no: int  # 1-based line number in the source file
    text: str  # whitespace-normalised (U+00A0 -> space), stripped
    # the raw line ended with whitespace: in pdf text a wrapped cell goes on, a cell's last
    # line usually has none (used to tell a name cell from the indicator cell below it)
    open_end: bool = False

    @property
    def raw(self) -> str:  # kept for symmetry; text is what parsers use
        return self.text


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    new, append = object.__new__, out.append
    i = 0
    for raw in text.splitlines():
        i += 1
        words = raw.split()
        if words:
            # Line(i, " ".join(words), ...) (norm_space) without the frozen __init__'s per-field
            # object.__setattr__ (same fields)
            ln = new(Line)
            d = ln.__dict__
            d["no"] = i
            d["text"] = " ".join(words)
            d["open_end"] = raw[-1].isspace()
            append(ln)
    return out


@struct
class ParseContext:
    path: str
    lines: list[Line]
    nomenclature: Nomenclature
    year: Optional[int] = None
    forward_year: Optional[int] = None
    bidang: list[str] = field(default_factory=list)  # PD's bidang codes, primary first
    notes: list[Note] = field(default_factory=list)

    def span(self, first: int, last: Optional[int] = None) -> Span:
        return Span(file=self.path, line_start=first, line_end=last if last is not None else first)

    def note(
        self,
        code: str,
        message: str,
        first: Optional[int] = None,
        last: Optional[int] = None,
        level: str = "warning",
        id: Optional[str] = None,
    ) -> None:
        """Record a reader note: ``message`` in English, ``id`` in Bahasa Indonesia."""
        self.notes.append(
            Note(level=level, code=code, message=message, message_id=id, span=self.span(first, last) if first else None)
        )


class NodeIds:
    """Document-unique node ids by the convention of DEVELOPING.md: ``<table>:<code>`` when the
    code is resolved, else (or when that id is taken) ``<table>:L<first line>``, then
    ``.2``, ``.3`` for further rows starting on the same line."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, table_id: str, code: Optional[str], line: int) -> str:
        nid = f"{table_id}:{code}" if code else f"{table_id}:L{line}"
        if nid in self.used:
            nid = f"{table_id}:L{line}"
        k = 1
        while nid in self.used:
            k += 1
            nid = f"{table_id}:L{line}.{k}"
        self.used.add(nid)
        return nid


@struct(frozen=True)
class Region:
    """Lines [start, end) of ``ctx.lines`` (indices, not line numbers) holding one table."""

    kind: str  # evaluasi | kinerja_pelayanan | review_rkpd | rencana | rkpd_akhir
    start: int
    end: int
    title: str
    number: Optional[str] = None


_GROUP_REF_RE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def match_any(patterns: list[re.Pattern[str]]) -> Callable[[str], Optional[object]]:
    """``text -> a match or None``: whether one of ``patterns`` matches at the start of ``text``,
    as one pattern (each pattern's ignore-case flag scoped to it), so one scan per line instead
    of one per pattern. Patterns that cannot be joined are tried one by one."""
    scoped = []
    for p in patterns:
        extra = p.flags & ~re.UNICODE
        if extra & ~re.IGNORECASE or _GROUP_REF_RE.search(p.pattern):
            break  # a flag that cannot be scoped, or a group reference the join would renumber
        scoped.append(f"(?i:{p.pattern})" if extra else f"(?:{p.pattern})")
    else:
        try:
            return re.compile("|".join(scoped)).match if scoped else lambda text: None
        except re.error:  # e.g. a global inline flag or a group reference inside a pattern
            pass
    matchers = [p.match for p in patterns]
    return lambda text: next((m for m in (f(text) for f in matchers) if m is not None), None)


# Titles that open a table, by the role the table plays: data of the reading layouts
# (renja_check/ingest/layouts/*.yaml, ``text_titles``), matched on whole lines in order.
TABLE_TITLES: list[tuple[str, re.Pattern[str]]] = load_layout().text_titles
BAB_RE = re.compile(r"^BAB\s+[IVX]+\b")
TABLE_NUMBER_RE = re.compile(r"^TABEL\s+(\d+\.\d+)", re.I)
ANY_TITLE = match_any([p for _, p in TABLE_TITLES])  # whether a line is one of them


def title_lines(ctx: ParseContext) -> frozenset[int]:
    """Indices of the lines that are table titles (``ANY_TITLE``): kept on ``ctx`` by
    ``keep_title_lines`` when the regions were found, else found here."""
    memo = ctx.__dict__.get("_title_lines")
    if memo is not None and memo[0] is ctx.lines and memo[1] == len(ctx.lines):
        return memo[2]
    return frozenset(i for i, ln in enumerate(ctx.lines) if ANY_TITLE(ln.text) is not None)


def keep_title_lines(ctx: ParseContext, regions: list[Region]) -> None:
    """``find_regions(ctx.lines)`` opens a region at every title line and nowhere else: its
    starts are the title lines the prose reader skips (one scan of the lines, not two)."""
    ctx.__dict__["_title_lines"] = (ctx.lines, len(ctx.lines), frozenset(r.start for r in regions))


def find_regions(lines: list[Line]) -> list[Region]:
    """Each table title found, with its region up to the next title or BAB heading."""
    starts: list[tuple[int, str, str, Optional[str]]] = []
    for i, ln in enumerate(lines):
        if ANY_TITLE(ln.text) is None:  # most lines: one scan, no title
            continue
        for kind, pat in TABLE_TITLES:
            if pat.match(ln.text):
                m = TABLE_NUMBER_RE.match(ln.text)
                starts.append((i, kind, ln.text, m.group(1) if m else None))
                break
    regions = []
    for k, (i, kind, title, number) in enumerate(starts):
        nxt = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        end = next(
            (j for j in range(i + 1, nxt) if lines[j].text.startswith("BAB") and BAB_RE.match(lines[j].text)), nxt
        )
        regions.append(Region(kind=kind, start=i, end=end, title=title, number=number))
    return regions
