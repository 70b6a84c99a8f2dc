"""Reference data shipped under ``corpus/``: the national nomenclature.

``Nomenclature`` is loaded once per process (``load_nomenclature()``), indexed by
code and by normalised name. Program penunjang rows are stored in the generic
``X.XX.01...`` form; ``lookup(code)`` maps a concrete ``5.03.01.2.06.0004`` onto it.
Sub kegiatan codes are normalised to 4 digits (``.03`` == ``.0003``).

This module loads it (from the shipped CSV, through the parsed-data cache) and holds
the ``Corpus`` rules consult. The records live in ``nomenclature_entry`` (``Entry``,
``Match``), the index in ``nomenclature_index`` (``Nomenclature``), code helpers in
``nomenclature_codes``, word-level name scoring in ``nomenclature_match``; all are
re-exported here, so ``from .corpus import ...`` keeps working for every name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from .structs import struct
from .nomenclature_codes import LEVELS, PARENT_LEVEL, generic_code, level_of, normalize_code, parent_code
from .nomenclature_entry import Entry, Match
from .nomenclature_index import Nomenclature
from .nomenclature_match import (
    FUNCTION_WORDS,
    MATCH_CUTOFF,
    WORD_PAIR_CUTOFF,
    WORD_PENALTY,
    align_words,
    guarded_score,
    sorted_words,
    word_gap,
)
from .cache import cached, sources
from .paths import corpus_dir

__all__ = [
    "LEVELS",
    "PARENT_LEVEL",
    "normalize_code",
    "parent_code",
    "level_of",
    "generic_code",
    "FUNCTION_WORDS",
    "MATCH_CUTOFF",
    "WORD_PAIR_CUTOFF",
    "WORD_PENALTY",
    "align_words",
    "word_gap",
    "guarded_score",
    "sorted_words",
    "Entry",
    "Match",
    "Nomenclature",
    "Corpus",
    "load_nomenclature",
    "load_corpus",
]


def _editions(sumber: str) -> tuple[str, ...]:
    eds = []
    if "SIPD2024" in sumber:
        eds.append("2024")
    if "SIPD2025" in sumber:
        eds.append("2025")
    if "SIPD2026" in sumber:
        eds.append("2026")
    return tuple(eds)


def load_nomenclature(path: Optional[Path] = None) -> Nomenclature:
    if path is None:
        return _default()
    return _read(path)


@lru_cache(maxsize=1)
def _default() -> Nomenclature:
    """The shipped nomenclature, indexed; cached by the CSV's content (``renja_check.cache``)."""
    path = corpus_dir() / "nomenclature" / "nomenklatur.csv"
    try:
        data = path.read_bytes()
    except OSError:
        return _read(path)
    modules = (
        __name__,
        "renja_check.nomenclature_entry",
        "renja_check.nomenclature_index",
        "renja_check.text",
        "renja_check.nomenclature_codes",
    )
    return cached("nomenclature", [*sources(*modules), data], lambda: _read(path))


def _read(path: Path) -> Nomenclature:
    import csv  # not needed when the index comes from the cache

    entries: dict[str, Entry] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        # csv.reader with the header's columns: what csv.DictReader gives (blank rows skipped,
        # a missing cell None, the last of two equal column names), twice as fast
        reader = csv.reader(fh)
        header = next(reader, None)
        col = {name: i for i, name in enumerate(header or [])}
        kode, level, nama = (col.get(k, -1) for k in ("kode", "level", "nama"))
        indikator, satuan, sumber = (col.get(k, -1) for k in ("indikator", "satuan", "sumber"))

        def cell(row: list[str], i: int, name: str = "") -> Optional[str]:
            if i < 0 and name:
                raise KeyError(name)
            return row[i] if 0 <= i < len(row) else None

        # one object per distinct value (levels, units, sources repeat thousands of times): the
        # pickled index (renja_check.cache) then holds each once and loads faster
        same: dict = {}

        def one(value):
            return same.setdefault(value, value)

        for row in reader:
            if not row:
                continue
            code = cell(row, kode, "kode").strip()
            src = cell(row, sumber) or ""
            entries[code] = Entry(
                code=code,
                level=one(cell(row, level, "level").strip()),
                name=cell(row, nama, "nama").strip(),
                indikator=one((cell(row, indikator) or "").strip()),
                satuan=one((cell(row, satuan) or "").strip()),
                editions=one(_editions(src)),
                sumber=one(src.strip()),
            )
    return Nomenclature(entries)


@struct
class Corpus:
    """Everything rules may consult besides the dossier."""

    nomenclature: Nomenclature


@lru_cache(maxsize=1)
def load_corpus() -> Corpus:
    return Corpus(nomenclature=load_nomenclature())
