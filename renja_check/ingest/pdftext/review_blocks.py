"""Row blocks of Tabel 2.5 as ``review_rows.scan`` finds them: programs > kegiatan > copies.

Everything here is as printed (ordinals, targets, pagu strings); ``review`` turns the
blocks into model nodes.
"""

from __future__ import annotations

from dataclasses import field
from typing import Optional
from ...structs import struct


@struct
class Copy:
    """One side's copy of a sub kegiatan row."""

    side: str  # "awal" | "analisis"
    letter: str  # "a"
    ordinal: str  # as printed: "a." / "a"
    first: int  # line number of the letter
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line no, text) before the target
    target: Optional[str] = None  # "1 dokumen"
    pagu: Optional[str] = None  # "125,000" / "-"
    last: int = 0  # last line number of the copy
    catatan: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False


@struct
class Kegiatan:
    number: str
    line: int
    copies: list[Copy] = field(default_factory=list)

    def side(self, side: str) -> list[Copy]:
        return [c for c in self.copies if c.side == side]


@struct
class Program:
    ordinal: Optional[str]  # "I" as printed; None when no subtotal line was printed
    line: int
    left: Optional[str] = None  # subtotal as printed, awal side
    right: Optional[str] = None  # analisis side
    kegiatan: list[Kegiatan] = field(default_factory=list)


@struct
class Scan:
    programs: list[Program] = field(default_factory=list)
    total: Optional[tuple[int, Optional[str], Optional[str]]] = None  # (line, left, right)
    labels: list[tuple[int, str]] = field(default_factory=list)  # lines outside rows
    problems: list[tuple[str, str, str, int]] = field(default_factory=list)  # (code, id, en, line)
    last_line: int = 0
