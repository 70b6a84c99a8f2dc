"""Line-level reading of the plan and RKPD tables: page headers, numeric cells, glued amounts.

The page column-header block ("Lokasi / Rencana Tahun 2023 / ... / Sub Kegiatan") follows
a page's rows. ``split_pages`` cuts a region into pages of data lines, each with the
*foreign* lines found inside its header block: labels (bidang names, "TOTAL") and rows
whose cells were extracted with the header (a program row split across pages).
``read_cells`` splits a line into leading text and numeric cells: targets (``Qty``: a
number with its unit, ``4 ; 25 ; 15 Indeks``) and amounts (``Amt``: a number with no unit).
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Optional

from .base import Line
from ...structs import struct

# whole-line header cells of the plan / RKPD tables (lower case, spaces normalised)
_STRONG = [
    r"lokasi",
    r"kode",
    r"catatan penting",
    r"(rencana|target) (rkpd )?tahun( \d{4})?",
    r"(prakiraan|perkiraan) maju( rencana)?( tahun)?( \d{4})?",
    r"target capaian",
    r"target",
    r"capaian",
    r"kebutuhan",
    r"dana ?/ ?pagu indikatif( \(ribuan\))?",
    r"pagu indikatif.*",
    r"sumber dana",
    r"urusan ?/ ?bidang urusan ?/ ?program ?/?",
    r"kegiatan ?/ ?sub kegiatan",
    r"indikator program ?/ ?kegiatan ?/?( ?sub kegiatan)?",
    r"sub kegiatan",
    r"target akhir",
    r"periode rpjmd",
    r"realisasi capaian( rkpd)?( tahun \d{4})?",
    r"tahun \d{4}",
    r"(prakiraan|perkiraan) capaian",
    r"capaian kinerja dan kerangka pendanaan",
    r"kelompok sasaran",
    r"penanggung ?jawab.*",
    r"prioritas( nasional| daerah)*",
    r"target pagu indikatif",
    r"nasional daerah",
    r"target capaian kinerja",
    r"keterangan",
]
_WEAK = [r"kinerja", r"\d{4}", r"perangkat daerah", r"daerah", r"nasional"]
STRONG_RE = re.compile(r"^(?:" + "|".join(_STRONG) + r")$")
WEAK_RE = re.compile(r"^(?:" + "|".join(_WEAK) + r")$")
TOTAL_RE = re.compile(r"^(TOTAL|JUMLAH|JUMLAH TOTAL|TOTAL PAGU)\b.{0,20}$", re.I)
FOOTER_RE = re.compile(r"^RENCANA KERJA\b.{0,60}\b(TH\.?|TAHUN)\s*\d{4}(\s+\d{1,3})?$", re.I)
NUM_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)*%?$")
LOOKAHEAD = 4  # a header block continues while its next header cell is this close
_CAPITAL_RE = re.compile(r"[A-Z]")
_DIGIT_RE = re.compile(r"\d")
_PAGE_NO_RE = re.compile(r"\d{1,3}( \d{1,3})?")


def header_line(text: str) -> Optional[str]:
    t = " ".join(text.lower().split())  # == re.sub(r"\s+", " ", ...).strip(): the same whitespace
    if STRONG_RE.match(t):
        return "strong"
    if WEAK_RE.match(t):
        return "weak"
    return None


@struct
class Page:
    data: list[Line] = field(default_factory=list)
    foreign: list[Line] = field(default_factory=list)  # non-header lines inside its header block


def split_pages(lines: list[Line], is_row_start) -> list[Page]:
    """Cut data lines into pages at header blocks; ``is_row_start(text)`` ends a block."""
    pages = [Page()]
    i, n = 0, len(lines)
    # the block lookahead asks both of a line several times: each answered once
    row_starts: dict[int, bool] = {}
    headers: dict[int, Optional[str]] = {}

    def row_start(k: int) -> bool:
        if k not in row_starts:
            row_starts[k] = is_row_start(lines[k].text)
        return row_starts[k]

    def header(k: int) -> Optional[str]:
        if k not in headers:
            headers[k] = header_line(lines[k].text)
        return headers[k]

    while i < n:
        text = lines[i].text
        if FOOTER_RE.match(text):
            i += 1
            if i < n and _PAGE_NO_RE.fullmatch(lines[i].text):
                i += 1
            continue
        if header(i) != "strong":
            pages[-1].data.append(lines[i])
            i += 1
            continue
        # a header block: runs while another strong header cell is near
        j = i
        last_strong = i
        while j + 1 < n:
            if row_start(j + 1):
                break
            ahead = [
                k
                for k in range(j + 1, min(n, j + 1 + LOOKAHEAD))
                if header(k) == "strong" and not any(row_start(m) for m in range(j + 1, k))
            ]
            if not ahead:
                break
            j = ahead[0]
            last_strong = j
        # foreign lines up to the block end; trailing label lines at the region end join too
        end = last_strong
        tail = end + 1
        while (
            tail < n
            and not row_start(tail)
            and TOTAL_RE.match(lines[tail].text) is None
            and _label_like(lines[tail].text)
            and tail - end <= 2
        ):
            tail += 1
        if tail < n and TOTAL_RE.match(lines[tail].text):
            end = tail
        elif tail == n:
            end = n - 1
        block = lines[i : end + 1]
        pages[-1].foreign.extend(ln for k, ln in enumerate(block, start=i) if header(k) is None)
        pages.append(Page())
        i = end + 1
    return [p for p in pages if p.data or p.foreign]


def _label_like(text: str) -> bool:
    return bool(_CAPITAL_RE.search(text)) and text.upper() == text and not _DIGIT_RE.search(text)


def is_label(text: str) -> bool:
    return _label_like(text) and header_line(text) is None


# -- numeric cells -------------------------------------------------------------------
@struct(frozen=True)
class Cell:
    kind: str  # "qty" (number + unit) | "amt" (number alone) | "blank" (unit only: empty target)
    text: str
    line: int


def unglue(text: str, sep: str) -> str:
    """``1,200,000,0001,100,000,0001 2 2`` -> ``1,200,000,000 1,100,000,000 1 2 2``."""
    out = []
    for tok in text.split(" "):
        groups = tok.split(sep)
        if (
            len(groups) < 3
            or not all(g.isdigit() for g in groups)
            or len(groups[0]) > 3
            or any(len(g) < 3 for g in groups[1:])
            or all(len(g) == 3 for g in groups[1:])
        ):
            out.append(tok)
            continue
        cur = [groups[0]]
        for g in groups[1:]:
            if len(g) == 3:
                cur.append(g)
            else:
                cur.append(g[:3])
                out.append(sep.join(cur))
                cur = [g[3:]]
        out.append(sep.join(cur))
    return " ".join(out)


def is_number(tok: str) -> bool:
    c = tok[:1]
    return (c.isdigit() or c in _SIGNS) and NUM_RE.match(tok) is not None  # NUM_RE: a sign or a digit first


_SIGNS = frozenset("+-")


def _cells(tokens: list[str], line: int) -> Optional[tuple[list[Cell], bool]]:
    """Tokens starting with a number -> cells, and whether the last cell continues (``4 ; 25 ;``)."""
    cells: list[Cell] = []
    j, n = 0, len(tokens)
    while j < n:
        if not (is_number(tokens[j]) or tokens[j] == "-"):
            return None
        nums = [tokens[j]]
        k = j + 1
        while k < n and tokens[k] == ";":
            nums.append(";")
            if k + 1 < n and is_number(tokens[k + 1]):
                nums.append(tokens[k + 1])
                k += 2
            else:
                k += 1
        units = []
        while k < n and not is_number(tokens[k]) and tokens[k] != "-":
            units.append(tokens[k])
            k += 1
        if len(units) > 4:
            return None
        if units or ";" in nums:
            cells.append(Cell("qty", " ".join(nums + units), line))
        else:
            cells.append(Cell("amt", nums[0], line))
        j = k
    return cells, bool(tokens) and tokens[-1] == ";"


def read_cells(text: str, line: int) -> Optional[tuple[str, list[Cell], bool]]:
    """(leading text, cells, continues) when the line ends in numeric cells, else None.

    A line starting with a number is numeric as a whole. Words before the first number
    are unit-only cells when they repeat the first target's unit (``orang orang 107 orang``),
    or text (an indicator's end) when the numeric part holds an amount.
    """
    tokens = text.split()
    for s, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        got = _cells(tokens[s:], line)
        if got is None:
            return None
        cells, cont = got
        if s == 0:
            return "", cells, cont
        lead = tokens[:s]
        first_qty = next((c for c in cells if c.kind == "qty"), None)
        unit = first_qty.text.split()[-1].lower() if first_qty else None
        if unit and all(w.lower() == unit for w in lead):
            return "", [Cell("blank", w, line) for w in lead] + cells, cont
        if any(c.kind == "amt" for c in cells):
            return " ".join(lead), cells, cont
        return None
    return None
