"""Units of one row across all its column formulas (rule FM04): one finding per row.

The cells a row's formulas combine (operands, and the result of a sum) are grouped by
unit, synonyms together (``orang``/``peserta``). With more than one group the row is
inconsistent. The indicator's own wording decides first ("Jumlah laporan ..." counts
laporan: that group is the indicator's unit); only when it names none of the groups is
the group used by most cells the majority. The others are the odd ones out. On a row the reader could not place completely (``values["raw"]``), only
formulas whose operands were all placed are used, and the majority is counted on the
printed row (``199 orang`` that could not be placed still counts for ``orang``).
"""

from __future__ import annotations

import re
from typing import Optional

from ..structs import struct
from ..models import Node, Quantity
from .formula_evidence import cell_text, present
from .formula_expr import Formula


@struct
class UnitGroup:
    key: str
    columns: list[str]
    units: list[str]  # spellings as printed, in order of appearance
    weight: int = 0


@struct
class RowUnits:
    groups: list[UnitGroup]  # largest first
    majority: Optional[UnitGroup]
    formulas: list[Formula]  # the formulas whose cells mix units

    @property
    def odd(self) -> list[UnitGroup]:
        return [g for g in self.groups if g is not self.majority]


def unit_key(unit: str, same: list[list[str]]) -> str:
    return _key(unit, _synonyms(same))


def _key(unit: str, synonyms: dict[str, str]) -> str:
    u = unit.lower().strip(" .")
    return synonyms.get(u, u)


_SYNONYMS: dict[int, tuple[list[list[str]], dict[str, str]]] = {}


def _synonyms(same: list[list[str]]) -> dict[str, str]:
    """Each spelling of ``same`` (lower case) -> its group's first spelling, the first group
    naming it winning; made once per ``same`` list (kept with a copy that proves it unchanged)."""
    hit = _SYNONYMS.get(id(same))
    if hit is not None and hit[0] == same:
        return hit[1]
    index: dict[str, str] = {}
    for group in same:
        for g in group:
            index.setdefault(g.lower(), group[0].lower())
    if len(_SYNONYMS) > 64:
        _SYNONYMS.clear()
    _SYNONYMS[id(same)] = ([list(g) for g in same], index)
    return index


def _cells(node: Node, f: Formula, ambiguous: bool) -> list[str]:
    ops = {c: node.values.get(c) for c in f.operands}
    if ambiguous and not all(present(q) for q in ops.values()):
        return []
    cells = [c for c, q in ops.items() if present(q) and q.unit]
    res = node.values.get(f.result)
    if f.is_sum and present(res) and res.unit and res.unit != "%":
        cells.append(f.result)
    return cells


def mixes_units(node: Node, f: Formula, same: list[list[str]]) -> bool:
    """True when the cells formula ``f`` combines on this row carry different units."""
    cells = _cells(node, f, "raw" in node.values)
    return len({unit_key(node.values[c].unit or "", same) for c in cells}) > 1


def row_units(node: Node, formulas: list[Formula], same: list[list[str]], indicator: str = "") -> Optional[RowUnits]:
    """The row's unit groups, or None when no formula of the row combines different units.
    ``indicator``: the indicator's text, whose counted noun names the expected unit first."""
    raw_q = node.values.get("raw")
    ambiguous = raw_q is not None
    cells = [_cells(node, f, ambiguous) for f in formulas]
    synonyms = _synonyms(same)
    mixing: list[Formula] = []
    for f, cs in zip(formulas, cells):  # most rows: one unit per formula, nothing more to do
        if len({_key(node.values[c].unit or "", synonyms) for c in cs}) > 1:
            mixing.append(f)
    if not mixing:
        return None  # cells of different units that no formula combines: UN04 (check column_units)
    groups: dict[str, UnitGroup] = {}
    for cs in cells:
        for c in cs:
            unit = node.values[c].unit or ""
            k = unit_key(unit, same)
            g = groups.setdefault(k, UnitGroup(k, [], []))
            if c not in g.columns:
                g.columns.append(c)
            if unit not in g.units:
                g.units.append(unit)
    printed = " ".join((raw_q.raw or "").split()) if ambiguous else ""
    for g in groups.values():
        g.columns.sort(key=_col_order)
        g.weight = len(g.columns)
        if printed:
            g.weight = max(g.weight, sum(_count(printed, u) for u in g.units))
    ordered = sorted(groups.values(), key=lambda g: (-g.weight, _col_order(g.columns[0])))
    named = _named_by(indicator, ordered, same)
    if named is not None:
        return RowUnits([named] + [g for g in ordered if g is not named], named, mixing)
    majority = ordered[0] if ordered[0].weight > ordered[1].weight else None
    return RowUnits(ordered, majority, mixing)


def column_units(node: Node, columns: list[str], same: list[list[str]], indicator: str = "") -> Optional[RowUnits]:
    """Unit groups of every readable cell with a unit among ``columns`` (one indicator's
    targets and realisations), whether or not a formula combines them; None when one unit."""
    if "raw" in node.values:
        return None  # cells not placed for sure
    synonyms = _synonyms(same)
    used = [(c, q) for c in columns if _unit_cell(q := node.values.get(c))]
    if len({_key(q.unit, synonyms) for _, q in used}) < 2:
        return None  # one unit (most rows)
    groups: dict[str, UnitGroup] = {}
    for c, q in used:
        k = _key(q.unit, synonyms)
        g = groups.setdefault(k, UnitGroup(k, [], []))
        g.columns.append(c)
        if q.unit not in g.units:
            g.units.append(q.unit)
    if len(groups) < 2:
        return None
    for g in groups.values():
        g.weight = len(g.columns)
    ordered = sorted(groups.values(), key=lambda g: (-g.weight, _col_order(g.columns[0])))
    named = _named_by(indicator, ordered, same)
    if named is not None:
        return RowUnits([named] + [g for g in ordered if g is not named], named, [])
    majority = ordered[0] if ordered[0].weight > ordered[1].weight else None
    return RowUnits(ordered, majority, [])


def _unit_cell(q: Optional[Quantity]) -> bool:
    return present(q) and bool(q.unit) and q.unit.strip() != "%"


def _named_by(indicator: str, groups: list[UnitGroup], same: list[list[str]]) -> Optional[UnitGroup]:
    """The one group whose unit the indicator's wording names ("Jumlah laporan ..." -> laporan)."""
    if not indicator:
        return None
    from .unit import counted_noun

    noun = counted_noun(indicator)
    if not noun or noun == "%":
        return None
    hit = [g for g in groups if g.key == unit_key(noun, same)]
    return hit[0] if len(hit) == 1 else None


def _count(text: str, unit: str) -> int:
    return len(re.findall(r"\d\s*" + re.escape(unit) + r"(?!\w)", text, flags=re.I))


def _col_order(c: str):
    return (0, int(c)) if c.isdigit() else (1, c)


def span_list(cols: list[str], lang: str) -> str:
    """["4","5","6","7","9"] -> "4-7 dan 9"; ["4","6","7"] -> "4, 6 dan 7"."""
    runs: list[list[str]] = []
    for c in cols:
        if runs and c.isdigit() and runs[-1][-1].isdigit() and int(c) == int(runs[-1][-1]) + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    items: list[str] = []
    for r in runs:
        items += [f"{r[0]}-{r[-1]}"] if len(r) >= 3 else r
    return join_words(items, lang)


def join_words(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    conj = " dan " if lang == "id" else " and "
    return ", ".join(items[:-1]) + conj + items[-1]


def describe(g: UnitGroup, node: Node, lang: str) -> str:
    """``kolom 10 '210 kali'`` (one cell: as printed) or ``kolom 4-7 dan 9 'orang'``."""
    if len(g.columns) == 1:
        word = "kolom" if lang == "id" else "column"
        return f"{word} {g.columns[0]} '{cell_text(node.values[g.columns[0]])}'"
    word = "kolom" if lang == "id" else "columns"
    return f"{word} {span_list(g.columns, lang)} " + "/".join(f"'{u}'" for u in g.units)


def sentence(r: RowUnits, node: Node, lang: str) -> str:
    odd = "; ".join(describe(g, node, lang) for g in r.odd)
    if r.majority is not None:
        sep = " sedangkan " if lang == "id" else " whereas "
        return odd + sep + describe(r.majority, node, lang)
    none = " (tidak ada satuan mayoritas)" if lang == "id" else " (no unit is used by most cells)"
    return odd + none
