"""The header of the evaluation table (Tabel 2.1, T-C.29): column index row, labels, years.

The template prints a column-index row ``1 2 3 4 5 6 7 8=(7/6) 9 10=(5+7+9) 11 12`` on
every page and a long header block whose group labels say which year each column is
about ("Realisasi ... s.d. Tahun 2020", "... PD Tahun 2021", "Renja PD 2022", ...).
Column 11 (Tingkat Capaian) has no printed formula; the template defines it as the
cumulative realisation against the Renstra target, 10/4, recorded as a derived formula.
"""

from __future__ import annotations

import re
from typing import Optional

from ...models import Column

INDEX_ROW = re.compile(r"^1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s*=.*\b12$")
_INDEX_CELL = re.compile(r"(\d+)(?:\s*=\s*(\([\d+\-*/ ]+\)|[\d+\-*/]+))?")
# words the header block is made of; a header line of other words is stray text
_HEADER_WORDS = {
    "kode",
    "urusan/bidang",
    "urusan",
    "pemerintahan",
    "daerah",
    "dan",
    "program/kegiatan",
    "indikator",
    "kinerja",
    "program",
    "(outcome)/",
    "kegiatan",
    "(output)",
    "target",
    "capaian",
    "renstra",
    "pd",
    "pd)",
    "tahun",
    "(akhir",
    "periode",
    "realisasi",
    "hasil",
    "keluaran",
    "s.d.",
    "program/",
    "renja",
    "perkiraan",
    "keterangan",
    "tingkat",
    "(%)",
    "sampai",
    "dengan",
    "s/d",
    "outcome",
    "output",
    "perangkat",
    "rekapitulasi",
    "evaluasi",
    "pelaksanaan",
    "tabel",
}
HEADER_START = re.compile(r"^Kode$", re.I)
PAGE_NO = re.compile(r"^(\d{1,3})(?:\s+\1)?$")
FOOTER = re.compile(r"^RENCANA KERJA\b.*\b(?:TH\.?|TAHUN)\s*\d{4}$", re.I)

_GROUPS = [  # (columns, pattern with the year, label)
    (("4",), r"Target Capaian Kinerja Renstra.*?Tahun\s+(\d{4})", "Target Capaian Kinerja Renstra PD"),
    (
        ("5",),
        r"Realisasi Target Kinerja.*?s\.?\s?d\.?\s+Tahun\s+(\d{4})",
        "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s.d.",
    ),
    (
        ("6", "7", "8"),
        r"Target dan Realisasi Kinerja.*?Tahun\s+(\d{4})",
        "Target dan Realisasi Kinerja Program dan Keluaran Kegiatan PD",
    ),
    (("9",), r"Target Program/\s?Kegiatan Renja PD\s+(?:Tahun\s+)?(\d{4})", "Target Program/Kegiatan Renja PD"),
    (
        ("10", "11"),
        r"Perkiraan Realisasi Capaian Target.*?s\.?\s?d\.?\s+Tahun\s+(\d{4})",
        "Perkiraan Realisasi Capaian Target Program/Kegiatan Renstra PD s.d.",
    ),
]
_SUB = {
    "6": "Target",
    "7": "Realisasi",
    "8": "Tingkat Realisasi (%)",
    "10": "Realisasi Capaian",
    "11": "Tingkat Capaian (%)",
}
_ROLE = {
    "1": "kode",
    "2": "nama",
    "3": "indikator",
    "4": "target",
    "5": "realisasi",
    "6": "target",
    "7": "realisasi",
    "8": "rate",
    "9": "target",
    "10": "realisasi",
    "11": "capaian",
    "12": "keterangan",
}
_FIXED = {
    "1": "Kode",
    "2": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
    "3": "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
    "12": "Keterangan",
}
DERIVED = {"11": "11=(10/4)"}  # capaian against the Renstra target (template definition)
VALUE_COLUMNS = ["4", "5", "6", "7", "8", "9", "10", "11"]
_YEAR_WORD_RE = re.compile(r"(19|20)\d\d\)?")


def is_header_text(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and all(w in _HEADER_WORDS or _YEAR_WORD_RE.fullmatch(w) for w in words)


def index_formulas(text: str) -> dict[str, Optional[str]]:
    """``"1 2 ... 8=(7/6) ... 12"`` -> {"1": None, ..., "8": "8=(7/6)", ...}."""
    out: dict[str, Optional[str]] = {}
    for m in _INDEX_CELL.finditer(text):
        col, body = m.group(1), m.group(2)
        out[col] = f"{col}={body.replace(' ', '')}" if body else None
    return out


def build_columns(header_text: str, index_text: str) -> tuple[list[Column], list[int]]:
    """Columns 1..12 with labels, years and formulas; and the years the table covers."""
    text = " ".join(header_text.split())
    formulas = index_formulas(index_text)
    label: dict[str, str] = dict(_FIXED)
    year: dict[str, int] = {}
    for cols, pat, group in _GROUPS:
        m = re.search(pat, text, re.I)
        y = int(m.group(1)) if m else None
        for c in cols:
            sub = _SUB.get(c)
            base = f"{group} Tahun {y}" if y else group
            label[c] = f"{base}: {sub}" if sub else base
            if y:
                year[c] = y
    columns = []
    for c in sorted(formulas, key=int):
        f = formulas[c]
        lab = label.get(c, f"Kolom {c}")
        if f is None and c in DERIVED:
            f = DERIVED[c]
            lab += " [rumus turunan dari label kolom / formula derived from the column label: 10/4]"
        columns.append(Column(id=c, label=lab, role=_ROLE.get(c), year=year.get(c), formula=f))
    return columns, sorted(set(year.values()))
