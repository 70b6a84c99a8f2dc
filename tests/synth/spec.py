"""A synthetic Renja PD as PDF text, in the template and extraction shapes of the sample.

The sample (``corpus/samples/renja-2023-bkpsdm-bontang.txt``, see its ``.LAYOUT.md``) is
the only real text the PDF-text reader was built on. This module renders a whole Renja of
another agency, pemda and year from a plain spec, with the same shapes: a blank line after
every text line, a trailing space on every line of a cell but its last, U+00A0 between a
target and its unit in the plan tables, Tabel 2.5 with two copies per sub kegiatan and the
page labels AFTER the rows, Roman program subtotals ``I x  I y``, ``TOTAL x  TOTAL y``,
the plan table with lossy codes (``1 2 1 2.1 2``), bidang rows and page header blocks after
the rows, the BAB IV rancangan akhir RKPD table, and prose count / total claims.

Every amount is computed from the spec, so a clean spec renders a consistent document.
Defects are injected through ``Defects`` (per table overrides of one cell, a subtotal off,
a claim off, a row left out), so each one changes exactly one thing in the text.
"""

from __future__ import annotations

import copy
import csv
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

NB = "\u00a0"
ROOT = Path(__file__).resolve().parents[2]
NOMENCLATURE = ROOT / "corpus" / "nomenclature" / "nomenklatur.csv"
TABLES = ("awal", "analisis", "rencana", "akhir")
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


@lru_cache(maxsize=1)
def nomenclature() -> dict[str, tuple[str, str, str]]:
    """code -> (name, indicator, unit) from the national nomenclature."""
    with open(NOMENCLATURE, encoding="utf-8") as f:
        return {r["kode"]: (r["nama"], r["indikator"], r["satuan"]) for r in csv.DictReader(f)}


def official(code: str, bidang: str) -> tuple[str, str, str]:
    """The nomenclature entry of a concrete code (program penunjang as ``X.XX.01``)."""
    key = code.replace(bidang, "X.XX", 1) if code.startswith(bidang + ".01") else code
    return nomenclature()[key]


# ---------------------------------------------------------------- the spec
@dataclass
class Sub:
    code: str  # full code, 4-digit sub kegiatan part
    name: str
    indicator: str
    unit: str
    target: int
    target_next: int
    pagu: int
    pagu_next: int
    lokasi: str = ""
    catatan: str = ""  # Tabel 2.5 catatan penting (analisis side)
    # table -> value printed there instead of the spec's (defect hooks)
    pagu_in: dict[str, int] = field(default_factory=dict)
    name_in: dict[str, str] = field(default_factory=dict)
    unit_in: dict[str, str] = field(default_factory=dict)
    target_in: dict[str, int] = field(default_factory=dict)
    absent_from: set[str] = field(default_factory=set)  # not in that table at all
    hidden_in: set[str] = field(default_factory=set)  # counted in subtotals/claims, row not printed

    def val(self, attr: str, table: str):
        return getattr(self, attr + "_in").get(table, getattr(self, attr))


@dataclass
class Keg:
    code: str
    name: str
    indicator: str
    unit: str
    target: int
    target_next: int
    subs: list[Sub] = field(default_factory=list)


@dataclass
class Prog:
    code: str
    name: str
    indicator: str
    unit: str
    target: int
    target_next: int
    kegiatan: list[Keg] = field(default_factory=list)


@dataclass
class Defects:
    subtotal_delta: dict[tuple[str, str], int] = field(default_factory=dict)  # (table, prog code) -> Rp
    count_delta: dict[tuple[str, str], int] = field(default_factory=dict)  # (section, subject) -> n
    total_delta: dict[str, int] = field(default_factory=dict)  # section -> Rp


@dataclass
class Spec:
    pemda: str  # "Kabupaten Contoh"
    agency: str  # "Dinas Kesehatan"
    short: str  # "DINKES", used in the running footer
    bidang: str  # "1.02"
    urusan_name: str
    bidang_name: str
    year: int
    programs: list[Prog]
    thousands: str = ","  # Tabel 2.5 and the plan table; prose and BAB IV use "."
    per_page: int = 5  # sub kegiatan per page
    sumber_dana: str = "PENDAPATAN ASLI DAERAH (PAD)"
    defects: Defects = field(default_factory=Defects)

    @property
    def pemda_short(self) -> str:
        return self.pemda.split(" ", 1)[1]

    def subs(self):
        for p in self.programs:
            for k in p.kegiatan:
                for s in k.subs:
                    yield p, k, s

    def copy(self) -> "Spec":
        return copy.deepcopy(self)


def _sub(code: str, bidang: str, target: int, target_next: int, pagu: int, pagu_next: int, lokasi: str) -> Sub:
    name, ind, unit = official(code, bidang)
    return Sub(code, name, ind or f"Jumlah {name}", unit or "Dokumen", target, target_next, pagu, pagu_next, lokasi)


def default_spec() -> Spec:
    """Dinas Kesehatan, Kabupaten Contoh, 2025: 3 programs, 7 kegiatan, 16 sub kegiatan."""
    b = "1.02"
    lok = "Kabupaten Contoh"

    def keg(code, ind, unit, t, tn, subs):
        return Keg(code, official(code, b)[0], ind, unit, t, tn, [_sub(c, b, *v, lokasi=lok) for c, *v in subs])

    def prog(code, ind, unit, t, tn, kegs):
        return Prog(code, official(code, b)[0], ind, unit, t, tn, kegs)

    programs = [
        prog(
            "1.02.01",
            "Persentase pemenuhan layanan penunjang urusan pemerintahan daerah",
            "persen",
            100,
            100,
            [
                keg(
                    "1.02.01.2.01",
                    "Jumlah dokumen perencanaan dan laporan",
                    "Dokumen",
                    3,
                    3,
                    [
                        ("1.02.01.2.01.0001", 2, 2, 45_500_000, 50_000_000),
                        ("1.02.01.2.01.0007", 1, 1, 12_750_000, 15_000_000),
                    ],
                ),
                keg(
                    "1.02.01.2.02",
                    "Jumlah pegawai yang mendapatkan layanan administrasi keuangan",
                    "orang",
                    212,
                    215,
                    [("1.02.01.2.02.0001", 212, 215, 14_215_330_500, 14_800_000_000)],
                ),
                keg(
                    "1.02.01.2.06",
                    "Jumlah layanan administrasi umum",
                    "layanan",
                    4,
                    4,
                    [
                        ("1.02.01.2.06.0002", 6, 6, 185_400_000, 190_000_000),
                        ("1.02.01.2.06.0004", 12, 12, 96_275_250, 100_000_000),
                        ("1.02.01.2.06.0005", 10, 10, 74_900_000, 80_000_000),
                        ("1.02.01.2.06.0009", 24, 24, 312_650_000, 330_000_000),
                    ],
                ),
            ],
        ),
        prog(
            "1.02.02",
            "Persentase fasilitas pelayanan kesehatan yang memenuhi standar",
            "persen",
            85,
            90,
            [
                keg(
                    "1.02.02.2.01",
                    "Jumlah fasilitas pelayanan kesehatan yang ditingkatkan",
                    "Unit",
                    30,
                    32,
                    [
                        ("1.02.02.2.01.0014", 25, 30, 2_450_000_000, 2_600_000_000),
                        ("1.02.02.2.01.0020", 120, 130, 385_125_000, 400_000_000),
                    ],
                ),
                keg(
                    "1.02.02.2.02",
                    "Jumlah dokumen layanan kesehatan sesuai standar",
                    "Dokumen",
                    4,
                    4,
                    [
                        ("1.02.02.2.02.0001", 5400, 5500, 318_600_000, 330_000_000),
                        ("1.02.02.2.02.0004", 21000, 21500, 254_300_000, 260_000_000),
                        ("1.02.02.2.02.0020", 1, 1, 142_875_500, 150_000_000),
                        ("1.02.02.2.02.0033", 17, 17, 6_875_000_000, 7_000_000_000),
                    ],
                ),
                keg(
                    "1.02.02.2.03",
                    "Jumlah dokumen sistem informasi kesehatan yang dikelola",
                    "Dokumen",
                    1,
                    1,
                    [("1.02.02.2.03.0002", 1, 1, 215_000_000, 225_000_000)],
                ),
            ],
        ),
        prog(
            "1.02.03",
            "Persentase tenaga kesehatan yang memenuhi standar kompetensi",
            "persen",
            80,
            85,
            [
                keg(
                    "1.02.03.2.02",
                    "Jumlah dokumen perencanaan sumber daya manusia kesehatan",
                    "Dokumen",
                    2,
                    2,
                    [
                        ("1.02.03.2.02.0001", 1, 1, 87_450_000, 90_000_000),
                        ("1.02.03.2.02.0003", 1, 1, 126_300_000, 130_000_000),
                    ],
                ),
            ],
        ),
    ]
    return Spec(
        "Kabupaten Contoh",
        "Dinas Kesehatan",
        "DINKES",
        b,
        "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
        "URUSAN PEMERINTAHAN BIDANG KESEHATAN",
        2025,
        programs,
    )


# ---------------------------------------------------------------- figures
def present(spec: Spec, table: str) -> list[tuple[Prog, Keg, Sub]]:
    return [(p, k, s) for p, k, s in spec.subs() if table not in s.absent_from]


def pagu_of(spec: Spec, table: str, prog: Optional[Prog] = None, keg: Optional[Keg] = None, nxt: bool = False) -> int:
    total = 0
    for p, k, s in present(spec, table):
        if (prog is None or p is prog) and (keg is None or k is keg):
            total += s.pagu_next if nxt else s.val("pagu", table)
    return total


def counts(spec: Spec, table: str) -> dict[str, int]:
    rows = present(spec, table)
    return {
        "program": len({p.code for p, _, _ in rows}),
        "kegiatan": len({k.code for _, k, _ in rows}),
        "subkegiatan": len(rows),
    }


def money(v: int, sep: str) -> str:
    return f"{v:,}".replace(",", sep)


# ---------------------------------------------------------------- text helpers
class Out:
    """Lines of the text; every line is followed by a blank line, like the sample."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        for ln in lines:
            self.lines.append(ln)
            self.lines.append("")

    def cell(self, text: str, width: int = 32, prefix: str = "") -> None:
        self.add(*cell(text, width, prefix))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def cell(text: str, width: int = 32, prefix: str = "") -> list[str]:
    """A wrapped table cell: each line but the last ends with a space."""
    parts = textwrap.wrap(prefix + text, width) or [""]
    return [p + " " for p in parts[:-1]] + [parts[-1]]


def para(out: Out, text: str, width: int = 78) -> None:
    lines = textwrap.wrap(text, width)
    out.add(*[ln + " " for ln in lines])


def code_tokens(code: str, keg_garble: bool) -> str:
    """The lossy code column: ``1.02.01.2.06.0004`` -> ``1 2 1 2.1 4``."""
    parts = code.split(".")
    out = [parts[0], str(int(parts[1]))]
    if len(parts) > 2:
        out.append(str(int(parts[2])))
    if len(parts) > 3:
        out.append("2.1" if keg_garble else "2")
    if len(parts) > 5:
        out.append(str(int(parts[5])))
    return " ".join(out)


def pages(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
