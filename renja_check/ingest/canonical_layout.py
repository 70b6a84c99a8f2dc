"""The column layout of canonical RKPD / Renstra PD / RPJMD documents, as data.

One layout per document type serves the three ways in (YAML/JSON ``baris``, a
spreadsheet's ``data`` sheet, a CSV file), the ``template`` command and the README.
Year columns are written ``target_<YYYY>`` / ``pagu_<YYYY>`` (Renstra, RPJMD: one per
year of the period); ``target_akhir`` is the end-of-period target.

Meta fields (YAML top-level keys, the ``dokumen`` sheet of a spreadsheet, ``# key: value``
lines before the header of a CSV): ``dokumen`` (rkpd|renstra|rpjmd), ``pemda``, ``tahun``,
``tahap`` (RKPD: rancangan_awal|rancangan_akhir|final), ``periode`` ("2021-2026"),
``perangkat_daerah``, ``kode_skpd``, ``visi``, ``misi`` (repeatable), ``sumber``.
"""

from __future__ import annotations

import re
from ..structs import struct

DOC_TYPES = ("rkpd", "renstra", "rpjmd")
STAGES = ("rancangan_awal", "rancangan_akhir", "final")
ROW_LEVELS = ("misi", "tujuan", "sasaran", "urusan", "bidang", "program", "kegiatan", "subkegiatan")
META_KEYS = ("dokumen", "pemda", "tahun", "tahap", "periode", "perangkat_daerah", "kode_skpd", "visi", "misi", "sumber")
YEAR_COLUMN = re.compile(r"^(target|pagu)_(\d{4}|akhir)$")


@struct(frozen=True)
class Col:
    name: str
    kind: str = "text"  # text | money | target | code | level | agencies
    required: bool = False
    help_id: str = ""
    help_en: str = ""


_AGENCY = [
    Col(
        "kode_skpd",
        "agencies",
        help_id="kode SKPD (pisahkan dengan ; bila beberapa)",
        help_en="agency code (separate several with ;)",
    ),
    Col("perangkat_daerah", help_id="nama perangkat daerah", help_en="agency name"),
]
_IND = [
    Col("indikator", help_id="teks indikator", help_en="indicator text"),
    Col("satuan", help_id="satuan target", help_en="unit of the target"),
]
_SRC = Col("sumber", help_id="sumber fakta (berkas:baris)", help_en="where the fact is quoted from (file:line)")

LAYOUTS: dict[str, list[Col]] = {
    "rkpd": _AGENCY
    + [
        Col("kode", "code", True, "kode program/kegiatan/sub kegiatan", "program/kegiatan/sub kegiatan code"),
        Col("nama", required=True, help_id="nomenklatur", help_en="name"),
        *_IND[:1],
        Col("target", "target", help_id="target tahun N", help_en="target of year N"),
        _IND[1],
        Col("lokasi"),
        Col("sumber_dana"),
        Col("pagu", "money", True, "pagu indikatif tahun N (rupiah)", "indicative pagu of year N (rupiah)"),
        Col("pagu_n1", "money", help_id="prakiraan maju N+1 (rupiah)", help_en="forward estimate N+1 (rupiah)"),
        Col("prioritas"),
        Col("catatan"),
        _SRC,
    ],
    "renstra": [
        Col(
            "tingkat",
            "level",
            help_id="tujuan/sasaran/program/kegiatan/subkegiatan (kosong: dari kode)",
            help_en="tujuan/sasaran/program/kegiatan/subkegiatan (blank: from the code)",
        ),
        Col("kode", "code"),
        Col("nama", required=True),
        *_IND,
        _SRC,
    ],
    "rpjmd": [
        Col("tingkat", "level", help_id="misi/tujuan/sasaran/program", help_en="misi/tujuan/sasaran/program"),
        Col("kode", "code"),
        Col("nama", required=True),
        *_IND,
        *_AGENCY,
        _SRC,
    ],
}
# Renstra / RPJMD carry a target and a pagu column per year of the period, plus target_akhir
YEARLY = ("renstra", "rpjmd")


def columns(doc_type: str, years: list[int]) -> list[Col]:
    """The template's columns for ``doc_type`` (year columns for ``years``)."""
    cols = list(LAYOUTS[doc_type])
    if doc_type in YEARLY:
        at = next(i for i, c in enumerate(cols) if c.name == "satuan") + 1
        yearly = [Col(f"target_{y}", "target") for y in years] + [Col("target_akhir", "target")]
        yearly += [Col(f"pagu_{y}", "money") for y in years]
        cols[at:at] = yearly
    return cols


def column_kind(doc_type: str, name: str) -> str | None:
    """The kind of a header cell, None for a column the layout does not know."""
    m = YEAR_COLUMN.match(name)
    if m and doc_type in YEARLY:
        return "target" if m.group(1) == "target" else ("money" if m.group(2) != "akhir" else None)
    return next((c.kind for c in LAYOUTS[doc_type] if c.name == name), None)


def required(doc_type: str) -> list[str]:
    return [c.name for c in LAYOUTS[doc_type] if c.required]


def parse_period(value: object) -> tuple[int, int] | None:
    """``"2021-2026"``, ``[2021, 2026]`` or ``2021–2026`` -> (2021, 2026); None when unreadable."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        try:
            return int(value[0]), int(value[1])
        except (TypeError, ValueError):
            return None
    m = re.fullmatch(r"\s*(\d{4})\s*[-–/s.d]+\s*(\d{4})\s*", str(value or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None
