"""The reference corpora the assistant answers from besides the store: the national
nomenclature (standard indicator and satuan of a sub kegiatan) and the SIPD indicator corpus
(which indicators agencies use for it), both under ``corpus/``, with their line numbers."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..nomenclature_codes import generic_code, normalize_code
from ..paths import corpus_dir
from ..store.search import NameIndex
from .data import NAME_NOISE

NOMENCLATURE = ("nomenclature", "nomenklatur.csv")
INDICATORS = ("indicators", "sipd-indikator.csv")


@dataclass
class Reference:
    nomenclature: dict[str, dict] = field(default_factory=dict)  # code -> row (+ "line")
    sipd: dict[str, list[dict]] = field(default_factory=dict)  # generic code -> rows (+ "line")
    names: NameIndex = field(default_factory=lambda: NameIndex(ignore=NAME_NOISE))  # -> codes
    vocabulary: frozenset = frozenset()
    nomenclature_path: str = ""
    sipd_path: str = ""

    def entry(self, code: str) -> dict | None:
        c = normalize_code(code)
        return self.nomenclature.get(c) or self.nomenclature.get(generic_code(c))

    def usage(self, code: str) -> list[dict]:
        return list(self.sipd.get(generic_code(normalize_code(code)), []))


def _rows(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            row["line"] = reader.line_num
            yield row


def _label_path(*parts: str) -> str:
    return "corpus/" + "/".join(parts)


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    ref = Reference(nomenclature_path=_label_path(*NOMENCLATURE), sipd_path=_label_path(*INDICATORS))
    base = corpus_dir()
    for row in _rows(base.joinpath(*NOMENCLATURE)):
        code = row["kode"].strip()
        ref.nomenclature[code] = row
        if row["level"] in ("program", "kegiatan", "subkegiatan"):
            ref.names.add(row["nama"], code)
    path = base.joinpath(*INDICATORS)
    if path.is_file():
        for row in _rows(path):
            ref.sipd.setdefault(row["kode"], []).append(row)
            if row["kode"] not in ref.nomenclature:
                ref.names.add(row["sub_kegiatan"], row["kode"])
    ref.vocabulary = frozenset(w for k in ref.names.keys for w in k.split())
    return ref
