"""Reference data shipped under ``corpus/``: the national nomenclature.

``Nomenclature`` is loaded once per process (``load_nomenclature()``), indexed by
code and by normalised name. Program penunjang rows are stored in the generic
``X.XX.01...`` form; ``lookup(code)`` maps a concrete ``5.03.01.2.06.0004`` onto it.
Sub kegiatan codes are normalised to 4 digits (``.03`` == ``.0003``).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from .paths import corpus_dir
from .text import norm_name

LEVELS = ("urusan", "bidang", "program", "kegiatan", "subkegiatan")
PARENT_LEVEL = {"bidang": "urusan", "program": "bidang", "kegiatan": "program", "subkegiatan": "kegiatan"}

# cut-offs for fuzzy name matching (token_sort_ratio on normalised names, 0..100)
MATCH_CUTOFF = 85.0


@dataclass(frozen=True)
class Entry:
    code: str  # as in the corpus (generic X.XX for penunjang)
    level: str
    name: str
    indikator: str = ""
    satuan: str = ""
    editions: tuple[str, ...] = ()  # "2024", "2025", "2026"
    sumber: str = ""

    @property
    def parent_code(self) -> Optional[str]:
        return parent_code(self.code)


@dataclass(frozen=True)
class Match:
    entry: Entry
    code: str  # concrete code (X.XX replaced by the bidang when given)
    score: float
    exact: bool


def normalize_code(code: str) -> str:
    """Dotted code with a 4-digit sub kegiatan part and 2-digit bidang/program parts."""
    parts = [p for p in re.split(r"[.\s]+", (code or "").strip()) if p]
    if len(parts) == 6 and parts[5].isdigit():
        parts[5] = f"{int(parts[5]):04d}"
    for i in (1, 2, 4):
        if len(parts) > i and parts[i].isdigit() and len(parts[i]) == 1:
            parts[i] = f"0{parts[i]}"
    return ".".join(parts)


def parent_code(code: str) -> Optional[str]:
    parts = code.split(".")
    if len(parts) <= 1:
        return None
    if len(parts) == 5:  # kegiatan x.xx.xx.2.xx -> program x.xx.xx
        return ".".join(parts[:3])
    return ".".join(parts[:-1])


def level_of(code: str) -> Optional[str]:
    n = len(code.split("."))
    return {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "subkegiatan"}.get(n)


def generic_code(code: str) -> str:
    """``5.03.01.2.06.0004`` -> ``X.XX.01.2.06.0004`` (program penunjang)."""
    parts = code.split(".")
    if len(parts) >= 3 and parts[2] == "01":
        return ".".join(["X", "XX"] + parts[2:])
    return code


def _editions(sumber: str) -> tuple[str, ...]:
    eds = []
    if "SIPD2024" in sumber:
        eds.append("2024")
    if "SIPD2025" in sumber:
        eds.append("2025")
    if "SIPD2026" in sumber:
        eds.append("2026")
    return tuple(eds)


@dataclass
class Nomenclature:
    entries: dict[str, Entry]
    by_name: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _names: dict[str, list[str]] = field(default_factory=dict)  # level -> norm names
    _entries_by_level: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries.values():
            self.by_name.setdefault((e.level, norm_name(e.name)), []).append(e)
            self._entries_by_level.setdefault(e.level, []).append(e)
        for lvl, es in self._entries_by_level.items():
            self._names[lvl] = [norm_name(e.name) for e in es]

    # -- lookups by code -------------------------------------------------
    def get(self, code: str) -> Optional[Entry]:
        c = normalize_code(code)
        return self.entries.get(c) or self.entries.get(generic_code(c))

    def parents(self, code: str) -> list[Entry]:
        out = []
        c = parent_code(normalize_code(code))
        while c:
            e = self.get(c)
            if e:
                out.append(e)
            c = parent_code(c)
        return out

    def children(self, code: str) -> list[Entry]:
        c = generic_code(normalize_code(code))
        return [e for e in self.entries.values() if e.parent_code == c]

    # -- lookups by name --------------------------------------------------
    def by_exact_name(self, name: str, level: str) -> list[Entry]:
        return list(self.by_name.get((level, norm_name(name)), []))

    def match_name(
        self,
        name: str,
        level: str = "subkegiatan",
        bidang: Iterable[str] = (),
        limit: int = 5,
        cutoff: float = MATCH_CUTOFF,
    ) -> list[Match]:
        """Ranked matches of a printed name among entries of ``level``.

        ``bidang`` restricts to codes under those bidang (and the generic X.XX
        penunjang, concretised to the first bidang). Exact normalised matches come
        first with score 100.
        """
        bidang = [b for b in bidang if b]
        key = norm_name(name)
        candidates = self._entries_by_level.get(level, [])
        names = self._names.get(level, [])
        hits: list[Match] = []
        seen: set[str] = set()

        def admit(e: Entry) -> list[str]:
            if not bidang:
                return [e.code]
            if e.code.startswith("X.XX"):  # penunjang: under the PD's primary bidang
                return [e.code.replace("X.XX", bidang[0], 1)]
            return [e.code] if any(e.code == b or e.code.startswith(b + ".") for b in bidang) else []

        for e in self.by_name.get((level, key), []):
            for c in admit(e):
                if c not in seen:
                    seen.add(c)
                    hits.append(Match(e, c, 100.0, True))
        results = process.extract(key, names, scorer=fuzz.token_sort_ratio, limit=limit * 8,
                                  score_cutoff=cutoff)
        for _, score, idx in results:
            e = candidates[idx]
            # guard against a shorter official name contained in a longer print
            if fuzz.ratio(key, names[idx]) < cutoff - 10:
                continue
            for c in admit(e):
                if c not in seen:
                    seen.add(c)
                    hits.append(Match(e, c, float(score), False))
        hits.sort(key=lambda m: (-m.score, m.code))
        return hits[:limit]


def load_nomenclature(path: Optional[Path] = None) -> Nomenclature:
    if path is None:
        return _default()
    return _read(path)


@lru_cache(maxsize=1)
def _default() -> Nomenclature:
    return _read(corpus_dir() / "nomenclature" / "nomenklatur.csv")


def _read(path: Path) -> Nomenclature:
    entries: dict[str, Entry] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["kode"].strip()
            entries[code] = Entry(
                code=code,
                level=row["level"].strip(),
                name=row["nama"].strip(),
                indikator=(row.get("indikator") or "").strip(),
                satuan=(row.get("satuan") or "").strip(),
                editions=_editions(row.get("sumber") or ""),
                sumber=(row.get("sumber") or "").strip(),
            )
    return Nomenclature(entries)


@dataclass
class Corpus:
    """Everything rules may consult besides the dossier."""

    nomenclature: Nomenclature


@lru_cache(maxsize=1)
def load_corpus() -> Corpus:
    return Corpus(nomenclature=load_nomenclature())
