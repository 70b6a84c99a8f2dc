"""How kinds name things in messages: tables, rows, levels, counts (id and en)."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

from ..models import Node, Table
from ..numbers import format_rupiah

LEVEL_ID = {
    "total": "total",
    "urusan": "urusan",
    "bidang": "bidang",
    "program": "program",
    "kegiatan": "kegiatan",
    "subkegiatan": "sub kegiatan",
    "indikator": "indikator",
    "lainnya": "baris",
}
LEVEL_EN = {
    "total": "total",
    "urusan": "urusan",
    "bidang": "bidang",
    "program": "program",
    "kegiatan": "kegiatan",
    "subkegiatan": "sub kegiatan",
    "indikator": "indicator",
    "lainnya": "row",
}
LEVEL_ORDER = ("urusan", "bidang", "program", "kegiatan", "subkegiatan", "indikator", "lainnya")

SIDE_ID = {"rancangan_awal": "Rancangan Awal RKPD", "hasil_analisis": "Hasil Analisis Kebutuhan"}
ROLE_ID = {
    "evaluasi": "Evaluasi Hasil Pelaksanaan Renja",
    "kinerja_pelayanan": "Pencapaian Kinerja Pelayanan",
    "rkpd_awal": "Rancangan Awal RKPD",
    "kebutuhan": "Hasil Analisis Kebutuhan",
    "rencana": "Rumusan Rencana Program dan Kegiatan",
    "rkpd_akhir": "Rancangan Akhir RKPD",
    "sipd": "Renja SIPD",
}


def table_label(table: Optional[Table], lang: str = "id") -> str:
    """ "Tabel 2.5 (Rancangan Awal RKPD)", "Rumusan Rencana Program dan Kegiatan", "Uraian program 3.3"."""
    if table is None:
        return ""
    return _table_label(table.role, table.id, table.side, table.title, table.number, lang)


@lru_cache(maxsize=1024)  # a few tables, named in every finding's message
def _table_label(role: str, tid: str, side: Optional[str], title: str, number: Optional[str], lang: str) -> str:
    if role == "daftar_program":  # a prose list, id "daftar-<section>"
        section = tid.partition("-")[2]
        return f"Uraian program {section}" if section[:1].isdigit() or section.startswith("BAB") else "Uraian program"
    word = "Tabel" if lang == "id" else "Table"
    what = SIDE_ID.get(side or "") or ROLE_ID.get(role) or _short_title(title)
    if number:
        return f"{word} {number} ({what})" if what else f"{word} {number}"
    return what or _short_title(title) or tid


def _short_title(title: str) -> str:
    t = " ".join((title or "").split())
    return t if len(t) <= 70 else t[:67].rsplit(" ", 1)[0] + " ..."


def node_label(node: Node, lang: str = "id", with_level: bool = True) -> str:
    """ "program 5.03.01 PROGRAM PENUNJANG ..." (the code as resolved, else as printed)."""
    if node.level == "total":
        return "total" if lang == "en" else "total"
    parts = []
    if with_level:
        parts.append((LEVEL_ID if lang == "id" else LEVEL_EN).get(node.level, node.level))
    code = node.code or node.code_printed
    if code:
        parts.append(code)
    if node.name:
        parts.append(node.name)
    return " ".join(parts)


def count_levels(levels: Iterable[str], lang: str = "id") -> str:
    """["subkegiatan"]*17 -> "17 sub kegiatan"; mixed -> "2 kegiatan dan 4 sub kegiatan"."""
    counts: dict[str, int] = {}
    for lv in levels:
        counts[lv] = counts.get(lv, 0) + 1
    names = LEVEL_ID if lang == "id" else LEVEL_EN
    items = [f"{counts[lv]} {names.get(lv, lv)}" for lv in LEVEL_ORDER if lv in counts]
    items += [f"{c} {lv}" for lv, c in counts.items() if lv not in LEVEL_ORDER]
    if not items:
        return "0 baris" if lang == "id" else "0 rows"
    joiner = " dan " if lang == "id" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def rp(value: Optional[int]) -> str:
    return format_rupiah(value)


def rp_abs(value: Optional[int]) -> str:
    return format_rupiah(abs(value)) if value is not None else "-"


def year_phrase(year: str, several: bool, lang: str = "id") -> str:
    """ " tahun 2023" when a table has more than one year column, else ""."""
    if not several:
        return ""
    return f" tahun {year}" if lang == "id" else f" for {year}"


def bilingual(**pairs: tuple[str, str]) -> dict[str, str]:
    """name=(id, en) -> {name: id, name_en: en}: message values in both languages."""
    out: dict[str, str] = {}
    for k, (i, e) in pairs.items():
        out[k] = i
        out[f"{k}_en"] = e
    return out
