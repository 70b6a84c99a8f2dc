"""Tabel 2.5 (review of the rancangan awal RKPD): from lines to row blocks.

The table prints each sub kegiatan twice, side by side: the left copy (RANCANGAN AWAL
RKPD) and the right copy (HASIL ANALISIS KEBUTUHAN). In the PDF text the two copies
follow each other; a copy is ``<letter>. <name> <lokasi> <indicator> <target> <pagu>``
and its ``<target> <pagu>`` line often carries the start of the next copy. Rows carry
only the kegiatan number (``1 1``) and the sub kegiatan letter (``a.``); program
subtotals are Roman-numbered (``I 1,234,567,890 I 1,234,000,000``); page labels
(program / kegiatan names, column headers) come after a page's rows.

``scan`` walks the lines once and returns programs > kegiatan > copies, the total, and
every line outside a row (the label pool) for the caller to pair names with; the
block dataclasses live in ``review_blocks``.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from .base import Line
from .review_blocks import Copy, Kegiatan, Program, Scan  # re-exported for ``review``

AMT = r"\d{1,3}(?:[.,]\d{3})+|0"
_NUM = r"\d+(?:[.,]\d+)?%?"
_UNIT = r"[^\s\d\-][^\s]*(?:\s+[a-z][^\s\d]*)?"
# "<target> <unit> <pagu|->" anywhere on a line, then whatever follows
TARGET_PAGU_RE = re.compile(
    rf"(?<!\S)(?P<num>{_NUM})(?:\s+(?P<unit>{_UNIT}))??\s+(?P<pagu>{AMT}|-)(?=\s|$)(?P<rest>.*)$"
)
# "<target> <unit>" closing a line, the pagu on the next line
TARGET_ONLY_RE = re.compile(rf"(?<!\S)(?P<num>{_NUM})(?:\s+(?P<unit>{_UNIT}))?\s*$")
PAGU_LEAD_RE = re.compile(rf"^(?P<pagu>{AMT}|-)(?=\s|$)(?P<rest>.*)$")
LETTER_RE = re.compile(r"^(?P<ord>[a-z])(?P<mark>[.)]|(?=\s))\s*(?P<rest>.*)$")
KEGIATAN_RE = re.compile(r"^(?P<a>\d{1,2})\s+(?P<b>\d{1,2})(?:\s+(?P<rest>[a-z][.)]?\s+\S.*))?$")
SUBTOTAL_RE = re.compile(rf"^(?P<r1>[IVXL]+)\s+(?P<a1>{AMT}|-)(?:\s+(?P<r2>[IVXL]+)\s+(?P<a2>{AMT}|-))?\s*$")
TOTAL_RE = re.compile(rf"^TOTAL\s+(?P<a1>{AMT}|-)(?:\s+TOTAL\s+(?P<a2>{AMT}|-))?(?P<rest>.*)$", re.I)
FOOTER_RE = re.compile(r"^RENCANA KERJA\b.*\b(?:TH\.?|TAHUN)\s*\d{4}$")
PAGE_NO_RE = re.compile(r"^\d{1,3}$")
_TOTAL_START = frozenset("Tt")
_ROMAN_START = frozenset("IVXL")


def _next_letter(letter: str) -> str:
    return chr(ord(letter) + 1)


class _Scanner:
    def __init__(self, lines: list[Line], is_label: Callable[[str], bool]) -> None:
        self.lines = lines
        self.is_label = is_label
        self.out = Scan()
        self.open: Optional[Copy] = None
        self.label_zone = False  # a label line was seen since the last closed copy

    # -- structure ----------------------------------------------------------
    @property
    def program(self) -> Program:
        if not self.out.programs:
            self.out.programs.append(Program(ordinal=None, line=self.lines[0].no if self.lines else 0))
        return self.out.programs[-1]

    @property
    def kegiatan(self) -> Kegiatan:
        prog = self.program
        if not prog.kegiatan:
            prog.kegiatan.append(Kegiatan(number="", line=prog.line))
        return prog.kegiatan[-1]

    def pending(self) -> Optional[Copy]:
        """The last awal copy of the current kegiatan still without its analisis copy."""
        if not self.out.programs or not self.program.kegiatan:
            return None
        copies = self.kegiatan.copies
        if copies and copies[-1].side == "awal":
            return copies[-1]
        return None

    def close_open(self, line: int, why: str) -> None:
        c = self.open
        if c is None:
            return
        c.closed = True
        if c.target is None and c.pagu is None:
            self.out.problems.append(
                (
                    "cell-unparsed",
                    f"baris sub kegiatan '{c.ordinal}' tanpa target dan pagu ({why})",
                    f"sub kegiatan row '{c.ordinal}' has no target and pagu ({why})",
                    c.first,
                )
            )
        self.open = None

    def start_copy(self, no: int, ordinal: str, letter: str, rest: str) -> None:
        self.close_open(no, "next row begins")
        pend = self.pending()
        if pend is not None and pend.letter == letter:
            side = "analisis"
        else:
            side = "awal"
        c = Copy(side=side, letter=letter, ordinal=ordinal, first=no, last=no)
        if rest:
            c.parts.append((no, rest))
        self.kegiatan.copies.append(c)
        self.open = c
        self.label_zone = False

    # -- events -------------------------------------------------------------
    def expected_letters(self) -> set[str]:
        c = self.open
        if c is None:
            return set()
        return {c.letter, _next_letter(c.letter)} if c.side == "awal" else {_next_letter(c.letter)}

    def kegiatan_event(self, m: re.Match, no: int) -> bool:
        a, b = m.group("a"), m.group("b")
        if a != b:
            return False
        prev = [k.number for k in self.program.kegiatan if k.number] if self.out.programs else []
        k = int(a)
        if prev and k != int(prev[-1]) + 1 and k != 1:
            return False
        if not prev and self.out.programs and k != 1 and self.program.kegiatan:
            return False
        self.close_open(no, "next kegiatan begins")
        if k == 1 and prev:  # numbering restarts: a program without a printed subtotal
            self.out.programs.append(Program(ordinal=None, line=no))
        self.program.kegiatan.append(Kegiatan(number=a, line=no))
        self.label_zone = False
        return True

    def letter_of(self, text: str) -> Optional[tuple[str, str, str]]:
        if not ("a" <= text[:1] <= "z"):  # LETTER_RE starts with a lower-case ASCII letter
            return None
        m = LETTER_RE.match(text)
        if not m:
            return None
        rest = m.group("rest")
        if not m.group("mark") and not (rest[:1].isupper()):
            return None
        if not rest and not m.group("mark"):
            return None
        ordinal = m.group("ord") + (m.group("mark") or "")
        return ordinal, m.group("ord"), rest

    def after_pagu(self, c: Copy, no: int, rest: str) -> None:
        """Text after a copy's pagu: the next copy's letter and name, or a catatan."""
        rest = rest.strip()
        c.closed = True
        self.open = None
        self.label_zone = False
        if not rest:
            return
        lt = self.letter_of(rest)
        if lt:
            self.start_copy(no, *lt)
        elif c.side == "awal":  # the analisis copy's name without its letter
            self.start_copy(no, c.ordinal, c.letter, rest)
        else:
            c.catatan.append((no, rest))

    def feed_open(self, i: int) -> int:
        """A line while a copy is open. Returns how many lines were used."""
        c = self.open
        assert c is not None
        ln = self.lines[i]
        m = TARGET_PAGU_RE.search(ln.text)
        if m:
            head = ln.text[: m.start()].strip()
            if head:
                c.parts.append((ln.no, head))
            c.target = f"{m.group('num')} {m.group('unit') or ''}".strip()
            c.pagu = m.group("pagu")
            c.last = ln.no
            self.after_pagu(c, ln.no, m.group("rest"))
            return 1
        m = TARGET_ONLY_RE.search(ln.text)
        if m and i + 1 < len(self.lines):
            nxt = PAGU_LEAD_RE.match(self.lines[i + 1].text)
            if (
                nxt
                and nxt.group("pagu") == "-"
                and nxt.group("rest").strip()
                and not self.letter_of(nxt.group("rest").strip())
            ):
                nxt = None  # "- Jumlah ..." is an indicator bullet, not an empty pagu
            if nxt:
                head = ln.text[: m.start()].strip()
                if head:
                    c.parts.append((ln.no, head))
                c.target = f"{m.group('num')} {m.group('unit') or ''}".strip()
                c.pagu = nxt.group("pagu")
                c.last = self.lines[i + 1].no
                self.after_pagu(c, self.lines[i + 1].no, nxt.group("rest"))
                return 2
        c.parts.append((ln.no, ln.text))
        c.last = ln.no
        return 1

    def run(self) -> Scan:
        i = 0
        lines = self.lines
        while i < len(lines):
            ln = lines[i]
            t = ln.text
            self.out.last_line = ln.no
            c = t[:1]  # first-character tests before the patterns (each starts with a fixed kind of char)
            if c == "R" and FOOTER_RE.match(t):
                i += 2 if i + 1 < len(lines) and PAGE_NO_RE.match(lines[i + 1].text) else 1
                continue
            m = TOTAL_RE.match(t) if c in _TOTAL_START else None
            if m:
                self.close_open(ln.no, "TOTAL line")
                self.out.total = (ln.no, m.group("a1"), m.group("a2"))
                i += 1
                continue
            m = SUBTOTAL_RE.match(t) if c in _ROMAN_START else None
            if m and (m.group("r2") is None or m.group("r1") == m.group("r2")):
                self.close_open(ln.no, "program subtotal")
                self.out.programs.append(
                    Program(ordinal=m.group("r1"), line=ln.no, left=m.group("a1"), right=m.group("a2"))
                )
                self.label_zone = False
                i += 1
                continue
            m = KEGIATAN_RE.match(t) if c.isdigit() else None
            if m and self.kegiatan_event(m, ln.no):
                if m.group("rest"):
                    lt = self.letter_of(m.group("rest"))
                    if lt:
                        self.start_copy(ln.no, *lt)
                i += 1
                continue
            lt = self.letter_of(t)
            if self.open is not None:
                if lt and lt[1] in self.expected_letters() and self.open.parts:
                    self.start_copy(ln.no, *lt)
                    i += 1
                    continue
                i += self.feed_open(i)
                continue
            if lt and self._plausible_letter(lt[1]):
                self.start_copy(ln.no, *lt)
                i += 1
                continue
            self.outside(ln)
            i += 1
        if self.open is not None:
            self.close_open(self.out.last_line, "table ends")
        return self.out

    def _plausible_letter(self, letter: str) -> bool:
        if not self.out.programs or not self.program.kegiatan:
            return letter == "a"
        copies = self.kegiatan.copies
        if not copies:
            return letter == "a"
        last = copies[-1]
        return letter in (
            {last.letter, _next_letter(last.letter)} if last.side == "awal" else {_next_letter(last.letter)}
        )

    def outside(self, ln: Line) -> None:
        """A line between rows: a page label, or the catatan of the row just closed."""
        self.out.labels.append((ln.no, ln.text))
        last = self._last_copy()
        if (
            last is not None
            and last.side == "analisis"
            and last.closed
            and not self.label_zone
            and not self.is_label(ln.text)
        ):
            last.catatan.append((ln.no, ln.text))
            return
        self.label_zone = True

    def _last_copy(self) -> Optional[Copy]:
        if not self.out.programs or not self.program.kegiatan:
            return None
        copies = self.kegiatan.copies
        return copies[-1] if copies else None


def scan(lines: list[Line], is_label: Callable[[str], bool]) -> Scan:
    """Programs > kegiatan > copies of one Tabel 2.5 region.

    ``is_label(text)`` tells a page label from the catatan of the row just closed.
    """
    return _Scanner(lines, is_label).run()
