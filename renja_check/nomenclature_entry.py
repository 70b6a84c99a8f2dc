"""One entry of the national nomenclature (``Entry``) and one ranked match of a printed
name against it (``Match``): the records the nomenclature index (``nomenclature_index``)
is made of and answers with."""

from __future__ import annotations

from operator import itemgetter
from typing import Optional

from .nomenclature_codes import parent_code
from .structs import struct


class Entry(tuple):
    """One entry of the nomenclature, read like the frozen dataclass it was (``e.code``,
    ``Entry(code=..., level=..., name=...)``, equal when its fields are equal). A tuple
    underneath: the pickled index (``renja_check.cache``) holds thousands of them, and a
    tuple is rebuilt in one C call where an object took a dictionary and a call each."""

    __slots__ = ()
    _fields = ("code", "level", "name", "indikator", "satuan", "editions", "sumber")

    def __new__(
        cls,
        code: str,  # as in the corpus (generic X.XX for penunjang)
        level: str,
        name: str,
        indikator: str = "",
        satuan: str = "",
        editions: tuple[str, ...] = (),  # "2024", "2025", "2026"
        sumber: str = "",
    ) -> "Entry":
        return tuple.__new__(cls, (code, level, name, indikator, satuan, editions, sumber))

    def __reduce__(self) -> tuple:
        return (tuple.__new__, (Entry, tuple(self)))

    def __repr__(self) -> str:
        return "Entry(" + ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self)) + ")"

    code = property(itemgetter(0))
    level = property(itemgetter(1))
    name = property(itemgetter(2))
    indikator = property(itemgetter(3))
    satuan = property(itemgetter(4))
    editions = property(itemgetter(5))
    sumber = property(itemgetter(6))

    @property
    def parent_code(self) -> Optional[str]:
        return parent_code(self.code)


@struct(frozen=True)
class Match:
    entry: Entry
    code: str  # concrete code (X.XX replaced by the bidang when given)
    score: float
    exact: bool
