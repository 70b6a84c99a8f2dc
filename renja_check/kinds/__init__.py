"""The registry of kinds: an explicit list, greppable. Add a kind here and in KINDS."""

from __future__ import annotations

from .base import Context, Kind, Params
from .nomenclature import NomenclatureKind
from .claim import ClaimKind
from .cross_table import CrossTableKind
from .required import RequiredKind
from .unit import UnitKind
from .uniqueness import UniquenessKind
from .cells import CellsKind
from .notes import NotesKind
from .sum import SumKind
from .formula import FormulaKind
from .cross_document import CrossDocumentKind
from .kegiatan import KegiatanOutputsKind
from .doc_identity import IdentityKind
from .claim_figures import ProseArithmeticKind
from .cells_compound import CompoundValuesKind

KIND_CLASSES: list[type[Kind]] = [
    NomenclatureKind,
    SumKind,
    CrossTableKind,
    ClaimKind,
    RequiredKind,
    UnitKind,
    UniquenessKind,
    CellsKind,
    NotesKind,
    FormulaKind,
    CrossDocumentKind,
    KegiatanOutputsKind,
    IdentityKind,
    ProseArithmeticKind,
    CompoundValuesKind,
]

KINDS: dict[str, Kind] = {cls.name: cls() for cls in KIND_CLASSES}

__all__ = ["Context", "Kind", "Params", "KINDS"]
