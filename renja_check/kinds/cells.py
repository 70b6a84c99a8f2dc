"""Kind ``cells``: cells that could not be read as numbers become findings.

``statuses`` picks the cell statuses reported (``error``: a spreadsheet error pasted
into the document, ``ambiguous``: a number readable two ways, ``invalid``: not a
number, ``fraction``: money with a fraction of a rupiah, ``compound``: a target cell with
several values or units, worded by its shape); ``where`` picks the cells: ``pagu`` (money), ``target`` (indicator targets),
``values`` (other numbered columns of evaluation tables).

A spreadsheet error in a column that carries a printed formula (``8=(7/6)``) is the
formula rule's (FM02) too, which reports it with its cause: the shipped CL01 declares
``defers_to: [FM02]`` so the engine folds it into FM02's finding (one defect, one
finding) and ``--select CL01`` alone still reports it. ``skip_formula_errors`` skips
them in code instead (off by default).
"""

from __future__ import annotations

from typing import Iterator, Literal

from ..finding import Finding
from .base import Context, Kind, Params, walk_tables, Role
from .formula_expr import FormulaError, parse_formula
from .labels import bilingual, node_label, table_label

Where = Literal["pagu", "target", "values"]
PROBLEM = {
    "error": ("berisi galat lembar kerja", "holds a spreadsheet error"),
    "ambiguous": ("berisi angka yang dapat dibaca dua cara", "holds a number readable two ways"),
    "invalid": ("tidak terbaca sebagai angka", "cannot be read as a number"),
    "fraction": ("memuat pecahan rupiah", "holds a fraction of a rupiah"),
    "compound": ("berisi lebih dari satu nilai", "holds more than one value"),
}
# a compound cell says its shape first in its note (models.CellStatus)
COMPOUND = {
    "several-values": ("berisi beberapa nilai dalam satu sel", "holds several values in one cell"),
    "doubled-unit": ("menuliskan satuannya dua kali", "writes its unit twice"),
    "two-units": ("memuat dua satuan berbeda", "holds two different units"),
}


def problem(cell) -> tuple[str, str]:
    """What is wrong with the cell, in both languages."""
    if cell.status == "compound":
        shape = (cell.note or "").split(":", 1)[0]
        if shape in COMPOUND:
            return COMPOUND[shape]
    if cell.status == "invalid" and (cell.note or "").startswith("placeholder"):
        return ("berisi teks pengganti, bukan target", "holds a placeholder, not a target")
    return PROBLEM[cell.status]


class CellsParams(Params):
    statuses: list[Literal["error", "ambiguous", "invalid", "fraction", "compound"]]
    where: list[Where] = ["pagu", "target", "values"]
    roles: list[Role] = []
    # leave errors in formula result columns to the formula rule in code (prefer the rule data's
    # ``defers_to: [FM02]``: the engine folds them only when FM02 runs)
    skip_formula_errors: bool = False


class CellsKind(Kind):
    name = "cells"
    Params = CellsParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: CellsParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            columns = {c.id for c in table.columns}
            formula_cols = _formula_columns(table) if p.skip_formula_errors else set()
            for n in table.nodes:
                for where, col, cell, ind in _cells(n, p.where, columns):
                    if cell.status not in p.statuses:
                        continue
                    if cell.status == "error" and where == "values" and col in formula_cols:
                        continue
                    if where == "pagu":
                        what = (f"pagu tahun {col}", f"pagu for {col}")
                    elif where == "target":
                        what = (
                            (f"target tahun {col}", f"target for {col}")
                            if col.isdigit() and len(col) == 4
                            else (f"kolom {col}", f"column {col}")
                        )
                    else:
                        what = (f"kolom {col}", f"column {col}")
                    note = f" ({cell.note})" if cell.note else ""
                    vals = bilingual(
                        cell=what,
                        problem=problem(cell),
                        node=(node_label(n, "id"), node_label(n, "en")),
                        table=(table_label(table, "id"), table_label(table, "en")),
                    )
                    vals.update(raw=" ".join(cell.raw.split()), note=note)
                    yield ctx.finding(
                        rule,
                        doc,
                        table=table,
                        subject=n,
                        found=cell.raw,
                        values=vals,
                        key=(where, col, ind),
                        evidence={
                            "cell": where,
                            "column": col,
                            "status": cell.status,
                            "raw": cell.raw,
                            "note": cell.note,
                            "indicator": ind,
                        },
                    )


def _cells(n, where, columns):
    if "pagu" in where:
        for y, m in n.pagu.items():
            yield "pagu", y, m, None
    if "target" in where:
        for ind in n.indicators:
            for y, q in ind.targets.items():
                yield "target", y, q, ind.text
    if "values" in where:
        for c, q in n.values.items():
            if c.isdigit() or c in columns:  # a reader's scratch key (e.g. "raw") is not a column
                yield "values", c, q, None


def _formula_columns(table) -> set[str]:
    """Columns whose printed formula the formula rules can read (and so report errors of)."""
    out = set()
    for c in table.columns:
        if c.formula:
            try:
                out.add(parse_formula(c.formula).result)
            except FormulaError:
                continue
    return out
