"""Document metadata from the text: plan year, pemda, perangkat daerah, bidang codes."""

from __future__ import annotations

import re
from collections import Counter

from ..layout import load_layout
from .base import ParseContext

_YEAR_RE = re.compile(r"\b(?:RENJA|RENCANA KERJA)\b[^\n]{0,80}?\b(?:TAHUN|TH\.?)\s*(20\d\d)\b", re.I)
_PEMDA_RE = re.compile(
    r"\b(KOTA|KABUPATEN|KAB\.)\s+(?!TAHUN\b|YANG\b|DAN\b|DI\b)"
    r"([A-Z][A-Z]+(?:\s+(?!TAHUN\b|TH\b)[A-Z][A-Z]+)?)\b"
)
# a province ending a title line: "... PROVINSI SUMATERA UTARA" (when no kota/kabupaten is named)
_PROV_RE = re.compile(r"\bPROVINSI\s+(?!TAHUN\b|YANG\b|DAN\b|DI\b)([A-Z][A-Z]+(?:\s+[A-Z][A-Z]+)?)[\s.,]*$")
# an agency's name on a line of its own; its kinds (BADAN, DINAS, ...) are layout data
_PD_RE = re.compile(r"^(%s)\b[A-Z ,/&-]+$" % "|".join(re.escape(k) for k in load_layout().agency_kinds))
# the first letters the agency kinds start with (None: any line may match)
_KINDS = load_layout().agency_kinds
_PD_START = frozenset(k[0] for k in _KINDS) if _KINDS and all(_KINDS) else None
# a bidang row of the plan table: "5 3 13,156,485,046 14,050,761,173"
_BIDANG_ROW_RE = re.compile(r"^(\d)\s+(\d{1,2})\s+\d{1,3}(?:[.,]\d{3})+(?:\s+\d{1,3}(?:[.,]\d{3})+)?$")
# a program code "5 3 2" / "5.03.02" at the start of a line followed by PROGRAM
_PROGRAM_RE = re.compile(r"^(\d)[ .](\d{1,2})[ .](\d{1,2})\s+PROGRAM\b")


def read_meta(ctx: ParseContext) -> dict:
    meta: dict = {}
    head = ctx.lines[:400]
    # the year is printed "20xx": a line without "20" holds none; nor does an ASCII line without
    # "ren" in any case (RENJA, RENCANA KERJA; case folding stays ASCII there)
    years = Counter(
        int(m.group(1))
        for ln in ctx.lines
        if "20" in ln.text and (not ln.text.isascii() or "ren" in ln.text.lower())
        for m in _YEAR_RE.finditer(ln.text)
    )
    if years:
        ctx.year = years.most_common(1)[0][0]
        ctx.forward_year = ctx.year + 1
    meta["is_renja"] = bool(years) or any("RENCANA KERJA" in ln.text.upper() for ln in head)
    uppers = [ln.text.upper() for ln in head]
    pemdas = Counter(
        f"{m.group(1).title().replace('Kab.', 'Kabupaten')} {m.group(2).title()}"
        for up in uppers
        if "KOTA" in up or "KAB" in up  # the pattern's words, on the same text
        for m in _PEMDA_RE.finditer(up)
    )
    if pemdas:
        meta["pemda"] = pemdas.most_common(1)[0][0]
    else:
        provs = Counter(
            f"Provinsi {m.group(1).title()}" for up in uppers if "PROVINSI" in up for m in _PROV_RE.finditer(up)
        )
        if provs:
            meta["pemda"] = provs.most_common(1)[0][0]
    for ln in ctx.lines:
        if (_PD_START is None or ln.text[:1] in _PD_START) and _PD_RE.match(ln.text) and len(ln.text) > 12:
            meta["perangkat_daerah"] = ln.text.title()
            break
    bidang: list[str] = []
    for ln in ctx.lines:
        if not ln.text[:1].isdigit():  # both patterns start with a digit
            continue
        m = _BIDANG_ROW_RE.match(ln.text) or _PROGRAM_RE.match(ln.text)
        if m:
            b = f"{m.group(1)}.{int(m.group(2)):02d}"
            if b not in bidang:
                bidang.append(b)
    ctx.bidang = bidang
    return meta
