"""The ``units`` and ``column_units`` checks of the ``formula`` kind: the cells a row's
formulas combine (``units``) or one indicator's target and realisation columns
(``column_units``) carry units that cannot be combined; one finding per row naming the
odd unit out (the analysis is ``formula_units``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from ..finding import Finding
from .formula_evidence import cell_text, columns_of
from .formula_expr import Formula
from .formula_row import FormulaRow, formula_values, indicator_text, row_values
from .formula_units import RowUnits, column_units, join_words, row_units, sentence
from .labels import bilingual

if TYPE_CHECKING:
    from .formula import FormulaParams


def check_units(p: FormulaParams, row: FormulaRow, formulas: list[Formula]) -> Iterator[Finding]:
    node = row.node
    r = row_units(node, formulas, p.same_units, indicator_text(node))
    if r is None:
        return
    evidence, expected, found, key = _unit_shape(row, r)
    evidence = {"formulas": [f.text for f in r.formulas], **evidence}
    if row.ambiguous:
        evidence["printed_row"] = cell_text(node.values["raw"])
    vals = formula_values(row, r.formulas[0] if r.formulas else formulas[0], None)
    texts = [f.text for f in r.formulas]
    vals.update(
        bilingual(
            units=(sentence(r, node, "id"), sentence(r, node, "en")),
            formulas=(join_words(texts, "id"), join_words(texts, "en")),
        )
    )
    yield row.finding(expected, found, evidence=evidence, values=vals, key=key)


def check_column_units(p: FormulaParams, row: FormulaRow) -> Iterator[Finding]:
    """Cells of one indicator (its target and realisation columns) in different units, even
    where no formula combines them."""
    node = row.node
    cols = [c.id for c in row.table.columns if c.role in ("target", "realisasi")]
    r = column_units(node, cols, p.same_units, indicator_text(node))
    if r is None:
        return
    evidence, expected, found, key = _unit_shape(row, r)
    vals = row_values(row)
    vals.update(bilingual(units=(sentence(r, node, "id"), sentence(r, node, "en"))))
    yield row.finding(expected, found, evidence=evidence, values=vals, key=key)


def _unit_shape(row: FormulaRow, r: RowUnits) -> tuple[dict, Optional[str], str, tuple]:
    """(evidence, expected, found, key) of a finding on a row's units: the cells of every
    unit group (in column order) with their text and unit, the odd groups against the
    majority's units, and a key made of the groups (never the row's line)."""
    node = row.node
    used = sorted(
        {c for g in r.groups for c in g.columns}, key=lambda c: (not c.isdigit(), int(c) if c.isdigit() else 0, c)
    )
    evidence = {
        "operands": {c: cell_text(node.values[c]) for c in used},
        "units": {c: node.values[c].unit for c in used},
        "odd": [c for g in r.odd for c in g.columns],
        "majority": "/".join(r.majority.units) if r.majority else None,
        "columns": columns_of(used, row.columns),
    }
    found = "; ".join(f"{','.join(g.columns)}: {'/'.join(g.units)}" for g in r.odd)
    expected = "/".join(r.majority.units) if r.majority else None
    key = tuple((g.key, tuple(g.columns)) for g in sorted(r.groups, key=lambda g: g.key))
    return evidence, expected, found, key
