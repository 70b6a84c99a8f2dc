"""The row a ``formula`` check is on: its table-level context, how its findings are made
(content fingerprint), the cells a formula reads on it (worked out once per check) and the
message values naming the table, the row and a formula's inputs."""

from __future__ import annotations

from typing import Optional

from ..finding import Finding
from ..models import Node, Table
from .base import Context, run_memo
from .formula_evidence import cell_text, columns_of, content_fingerprint, present
from .formula_evidence import decimal_text as _num
from .formula_expr import DIV0, Formula
from .labels import bilingual, node_label, table_label


class FormulaRow:
    """The table-level context of the row being checked and how its findings are made."""

    def __init__(self, rule, ctx: Context, doc, table: Table):
        self.rule, self.ctx, self.doc, self.table = rule, ctx, doc, table
        self.columns = {c.id: c for c in table.columns}
        self.parents = {n.id: n for n in table.nodes}
        self.node: Node = None  # type: ignore[assignment]
        self.nth = 1

    @property
    def ambiguous(self) -> bool:
        return "raw" in self.node.values

    def finding(self, expected, found, difference=None, evidence=None, values=None, key=None) -> Finding:
        f = self.ctx.finding(
            self.rule,
            self.doc,
            table=self.table,
            subject=self.node,
            expected=expected,
            found=found,
            difference=difference,
            evidence=evidence,
            values=values,
        )
        fp = content_fingerprint(
            self.rule,
            self.doc,
            self.table,
            self.node,
            self.parents,
            self.nth,
            expected,
            found,
            key,
            identity=self.ctx.identity(self.doc),
        )
        return f.model_copy(update={"fingerprint": fp})


def computed(node: Node, f: Formula) -> tuple:
    """(result cell, operand cells, unreadable operands, recomputation) of a row: the same for
    every formula rule, so worked out once per check (``run_memo``; read, never changed)."""
    memo = run_memo()
    key = ("formula", id(node), f.text)
    hit = memo.get(key) if memo is not None else None
    if hit is None:
        res = node.values.get(f.result)
        ops = {c: node.values.get(c) for c in f.operands}
        unreadable = [c for c, q in ops.items() if q is not None and q.status in ("error", "invalid", "ambiguous")]
        known = {c: (q.value if present(q) else None) for c, q in ops.items()}
        got = None if unreadable else f.compute(known)
        hit = (node, res, ops, unreadable, got)  # the node kept: its id stays its own
        if memo is not None:
            memo[key] = hit
    return hit[1:]


def indicator_text(node: Node) -> str:
    return node.indicators[0].text if node.indicators else ""


def show(got, f: Formula) -> Optional[str]:
    if got is None:
        return None
    if got == DIV0:
        return "#DIV/0!"
    return _num(got) + ("%" if f.is_rate else "")


def row_values(row: FormulaRow) -> dict:
    """The table and the row (with its indicator) in both languages."""
    node = row.node
    parent = row.parents.get(node.parent) if node.parent else None
    row_id, row_en = node_label(node, "id"), node_label(node, "en")
    if node.level == "indikator" and parent is not None:
        row_id = f'{node_label(parent, "id")}, indikator "{node.name}"'
        row_en = f'{node_label(parent, "en")}, indicator "{node.name}"'
    elif node.indicators:
        row_id += f', indikator "{node.indicators[0].text}"'
        row_en += f', indicator "{node.indicators[0].text}"'
    return bilingual(table=(table_label(row.table, "id"), table_label(row.table, "en")), row=(row_id, row_en))


def formula_values(row: FormulaRow, f: Formula, res) -> dict:
    node = row.node
    blank = ("kosong atau tidak terbaca", "blank or not read") if row.ambiguous else ("kosong", "blank")
    inputs = "; ".join(f"kolom {c} = {cell_text(node.values.get(c)) or blank[0]}" for c in f.operands)
    inputs_en = "; ".join(f"column {c} = {cell_text(node.values.get(c)) or blank[1]}" for c in f.operands)
    printed = cell_text(res) if res is not None else None
    return {
        **row_values(row),
        **bilingual(inputs=(inputs, inputs_en)),
        "column": f.result,
        "column_label": columns_of([f.result], row.columns)[f.result],
        "formula": f.text,
        "printed": printed or "(kosong)",
        "printed_en": printed or "(blank)",
    }
