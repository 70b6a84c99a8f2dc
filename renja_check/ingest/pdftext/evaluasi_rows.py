"""Rows of the evaluation table (Tabel 2.1) from its data lines.

A printed row is: a code line (``05``, ``05.01``, ``01 2.02``, ``01 2.02 01``) or none,
the name cell, the indicator cell, one line of values (empty cells gone) with the start
of the keterangan, and the rest of the keterangan on the following lines. Cells are
told apart by shape: an indicator starts with an indicator word ("Jumlah",
"Persentase", ...); a name cell ends at its first line without trailing space (pdf
text keeps the space on wrapped lines); the keterangan goes on until a line that starts
a row. Values spread over several lines in free text ("11 unit kendaraan roda dua dan
5 unit ...") make a ``messy`` row whose raw text is kept.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Optional

from .base import Line
from .evaluasi_values import Split, split_values
from ...structs import struct

_K2019 = re.compile(r"^(\d{2})\s+(\d\.\d{2})(?:\s+(\d{2,4}))?\s+(\S.*)$")
_LEGACY_K = re.compile(r"^(\d{2}\.\d{2})\s+(\S.*)$")
_PROGRAM = re.compile(r"^(\d{2})\s+([A-Z][^\d]*)$")
# words that open an indicator, anywhere on a line (capitalised) ...
_HEADS = ("Jumlah", "Persentase", "Prosentase", "Presentase", "Rasio", "Indeks", "Cakupan")
# ... and only at the start of a line
_LINE_HEADS = _HEADS + ("Nilai", "Tingkat", "Rata-rata", "Angka")
SECTION_HEAD = re.compile(r"^(?:\d\.\d{1,2}\.?|[IVX]+\.\d+\.?|BAB\s+[IVX]+)\s+[A-Z]{2,}")


@struct
class Row:
    lines: list[Line] = field(default_factory=list)
    code: Optional[str] = None  # as printed, spaces normalised
    kind: Optional[str] = None  # program | kegiatan | k2019 | s2019 | None (uncoded)
    text: list[tuple[str, bool]] = field(default_factory=list)  # (text, open_end) before values
    split: Optional[Split] = None
    ket: list[str] = field(default_factory=list)
    messy: list[str] = field(default_factory=list)  # raw value text of a free-text row

    @property
    def first(self) -> int:
        return self.lines[0].no

    @property
    def last(self) -> int:
        return self.lines[-1].no


def match_code(text: str) -> Optional[tuple[str, str, str]]:
    """(kind, printed code, rest of the line) of a code line, else None."""
    if not text[:1].isdigit():  # every code pattern starts with a digit
        return None
    m = _K2019.match(text)
    if m:
        code = " ".join(g for g in m.groups()[:3] if g)
        return ("s2019" if m.group(3) else "k2019", code, m.group(4))
    m = _LEGACY_K.match(text)
    if m:
        return ("kegiatan", m.group(1), m.group(2))
    m = _PROGRAM.match(text)
    if m and len(m.group(2).split()) >= 2 and len(m.group(2).split()[0]) >= 4:
        return ("program", m.group(1), m.group(2))
    return None


def starts_indicator(text: str) -> bool:
    w = text.split(" ", 1)[0]
    return w in _LINE_HEADS


def head_split(text: str) -> Optional[int]:
    """Word index where an indicator starts inside a name line ("... formal Jumlah kursus")."""
    words = text.split()
    for i, w in enumerate(words[1:], start=1):
        if w in _HEADS:
            return i
    return None


def join_cell(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out = out + p if out.endswith("-") and not out.endswith(" -") else (out + " " + p if out else p)
    return out


def read_rows(data: list[Optional[Line]]) -> list[Row]:
    """Rows of the data lines; ``None`` in ``data`` marks a page break."""
    rows: list[Row] = []
    cur: Optional[Row] = None
    mode = "text"  # text | ket (keterangan goes on) | done (values without keterangan) | messy

    def start(ln: Line, kind=None, code=None, rest=None) -> Row:
        nonlocal mode
        r = Row(lines=[ln], code=code, kind=kind)
        rows.append(r)
        mode = "text"
        _take(r, rest if rest is not None else ln.text, ln.open_end)
        return r

    def _take(r: Row, text: str, open_end: bool) -> None:
        nonlocal mode
        sp = split_values(text)
        if sp is None:
            r.text.append((text, open_end))
            return
        if sp.text:
            r.text.append((sp.text, False))
        r.split = sp
        if sp.messy:
            r.messy.append(" ".join(t.raw for t in sp.tokens) + " " + sp.rest)
            mode = "messy"
        else:
            mode = "ket" if sp.rest else "done"
            if sp.rest:
                r.ket.append(sp.rest)

    for ln in data:
        if ln is None:  # a page break ends a row's keterangan
            if mode != "text":
                cur = None
            continue
        code = match_code(ln.text)
        if code:
            cur = start(ln, *code)
            continue
        if cur is None or (mode != "text" and starts_indicator(ln.text)):
            cur = start(ln)
            continue
        if mode == "text":
            cur.lines.append(ln)
            _take(cur, ln.text, ln.open_end)
            continue
        sp = split_values(ln.text)
        if mode == "messy" or (sp is not None and (mode == "ket" or not sp.text)):
            if mode != "messy" and cur.split is not None:  # the first value line was part of it
                cur.messy.append(" ".join(t.raw for t in cur.split.tokens) + " " + " ".join(cur.ket))
                cur.ket = []
            mode = "messy"
            cur.lines.append(ln)
            cur.messy.append(ln.text)
        elif mode == "ket":
            cur.lines.append(ln)
            cur.ket.append(ln.text)
        else:  # done: a new row without code
            cur = start(ln)
    return rows


def name_and_indicators(row: Row) -> tuple[str, list[str]]:
    """Split the text before the values into the name cell and indicator cells."""
    name: list[str] = []
    inds: list[list[str]] = []
    state = "name"
    for i, (t, open_end) in enumerate(row.text):
        if state in ("name", "closed") and i == 0 and row.kind and (k := head_split(t)) is not None:
            words = t.split()
            name.append(" ".join(words[:k]))
            inds.append([" ".join(words[k:])])
            state = "ind"
            continue
        if starts_indicator(t) and (state != "name" or name or not row.kind):
            inds.append([t])
            state = "ind"
            continue
        if state == "name":
            name.append(t)
            if not open_end and not t.endswith("-"):
                state = "closed"
        elif state == "closed":
            inds.append([t])
            state = "ind"
        else:
            inds[-1].append(t)
    return join_cell(name), [join_cell(s) for s in inds if join_cell(s)]
