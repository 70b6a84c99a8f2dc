"""Kind ``formula``: the formulas printed in a table's columns hold on every row.

For every row of the tables with the given roles and every column formula
(``8=(7/6)``, ``10=(5+7+9)``, the derived ``11=(10/4)``), one ``check``:

- ``mismatch``: the printed result differs from the recomputation by more than the
  tolerance (rates in percentage points, sums in units);
- ``error``: a spreadsheet error (``#DIV/0!``) is printed as the result;
- ``blank``: the result is empty while every operand is present;
- ``units``: the operands (and a sum's result) carry units that cannot be combined.

Spreadsheet semantics: an empty operand of a sum counts as 0. A row whose values
could not all be placed (``values["raw"]`` ambiguous) is checked only on formulas
whose cells are all present.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Node, Quantity, Table
from .base import Context, Kind, Params, walk_tables
from .formula_expr import DIV0, Formula, FormulaError, parse_formula
from .labels import bilingual, node_label, table_label

PERSON = ["orang", "peserta", "pegawai", "pns", "asn", "cpns", "casn", "pppk", "jiwa", "aparatur"]


class FormulaParams(Params):
    check: Literal["mismatch", "error", "blank", "units"] = "mismatch"
    roles: list[str] = ["evaluasi"]
    rate_tolerance: Decimal = Decimal("0.5")  # percentage points
    sum_tolerance: Decimal = Decimal("0")
    same_units: list[list[str]] = [PERSON]  # units that name the same thing


class FormulaKind(Kind):
    name = "formula"
    Params = FormulaParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: FormulaParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            formulas = _formulas(table)
            if not formulas:
                continue
            labels = {c.id: c.label for c in table.columns}
            parents = {n.id: n for n in table.nodes}
            for node in table.nodes:
                if not node.values:
                    continue
                ambiguous = "raw" in node.values
                for f in formulas:
                    yield from _check(p, rule, ctx, doc, table, node, f, labels, parents, ambiguous)


def _formulas(table: Table) -> list[Formula]:
    out = []
    for c in table.columns:
        if c.formula:
            try:
                out.append(parse_formula(c.formula))
            except FormulaError:
                continue
    return out


def _present(q: Optional[Quantity]) -> bool:
    return q is not None and q.status == "ok" and q.value is not None


def _check(p, rule, ctx, doc, table, node: Node, f: Formula, labels, parents, ambiguous) -> Iterator[Finding]:
    res = node.values.get(f.result)
    ops = {c: node.values.get(c) for c in f.operands}
    if ambiguous and not all(_present(q) for q in ops.values()):
        if p.check != "error" or res is None or res.status != "error":
            return
    known = {c: (q.value if _present(q) else None) for c, q in ops.items()}
    if any(q is not None and q.status in ("error", "invalid", "ambiguous") for q in ops.values()):
        return  # an unreadable operand: nothing to recompute
    got = f.compute(known)
    evidence = {"formula": f.text, "operands": {c: _ev(ops[c], labels.get(c, c)) for c in f.operands},
                "result": _ev(res, labels.get(f.result, f.result))}
    vals = _values(table, node, f, labels, parents, res)

    def make(expected, found, difference=None, extra=None, key=None):
        v = dict(vals, **(extra or {}))
        return ctx.finding(rule, doc, table=table, subject=node, expected=expected, found=found,
                           difference=difference, evidence=evidence, values=v, key=(f.result, key))

    if p.check == "error":
        if res is not None and res.status == "error":
            cause = _cause(f, ops, got)
            yield make(_show(got, f), res.raw.strip(), extra=bilingual(cause=cause))
        return
    if p.check == "blank":
        if not ambiguous and (res is None or res.status == "empty") and all(_present(q) for q in ops.values()):
            if got != DIV0 and got is not None:
                yield make(_show(got, f), res.raw.strip() if res else "", extra={"recomputed": _show(got, f)})
        return
    if p.check == "mismatch":
        if not _present(res) or got is None or got == DIV0:
            return
        if not any(_present(q) for q in ops.values()):
            return
        diff = res.value - got
        tol = p.rate_tolerance if f.is_rate else p.sum_tolerance
        if abs(diff) <= tol:
            return
        d_int = int(diff) if diff == diff.to_integral_value() else None
        yield make(_show(got, f), res.raw.strip(), d_int,
                   extra={"recomputed": _show(got, f), "diff": _num(abs(diff)) + ("%" if f.is_rate else "")})
        return
    if p.check == "units":
        cells = [c for c in f.operands if _present(ops[c]) and ops[c].unit]
        if f.is_sum and _present(res) and res.unit and res.unit != "%":
            cells.append(f.result)
        units = {c: (node.values[c].unit or "") for c in cells}
        groups = {_unit_key(u, p.same_units) for u in units.values()}
        if len(groups) > 1:
            listing = ", ".join(f"{c}: {u}" for c, u in units.items())
            yield make(None, listing, extra=bilingual(units=(listing, listing)), key=tuple(sorted(groups)))


def _unit_key(unit: str, same: list[list[str]]) -> str:
    u = unit.lower().strip(" .")
    for group in same:
        if u in {g.lower() for g in group}:
            return group[0].lower()
    return u


def _num(v: Decimal) -> str:
    q = v.quantize(Decimal("0.01"))
    s = f"{q:f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def _show(got, f: Formula) -> Optional[str]:
    if got is None:
        return None
    if got == DIV0:
        return "#DIV/0!"
    return _num(got) + ("%" if f.is_rate else "")


def _ev(q: Optional[Quantity], label: str) -> dict:
    if q is None:
        return {"label": label, "raw": "", "status": "blank"}
    return {"label": label, "raw": q.raw.strip(), "value": q.value, "unit": q.unit, "status": q.status}


def _cause(f: Formula, ops: dict[str, Optional[Quantity]], got) -> tuple[str, str]:
    d = f.divisor
    if got == DIV0 and d is not None:
        q = ops.get(d)
        what_id = "kosong" if not _present(q) else "bernilai 0"
        what_en = "empty" if not _present(q) else "0"
        return (f"pembagi kolom {d} {what_id}", f"the divisor, column {d}, is {what_en}")
    return (f"masukan lengkap, seharusnya {_show(got, f)}", f"the inputs are present, it should be {_show(got, f)}")


def _values(table, node: Node, f: Formula, labels, parents, res) -> dict:
    parent = parents.get(node.parent) if node.parent else None
    row_id = node_label(node, "id")
    row_en = node_label(node, "en")
    if node.level == "indikator" and parent is not None:
        row_id = f"{node_label(parent, 'id')}, indikator \"{node.name}\""
        row_en = f"{node_label(parent, 'en')}, indicator \"{node.name}\""
    elif node.indicators:
        row_id += f", indikator \"{node.indicators[0].text}\""
        row_en += f", indicator \"{node.indicators[0].text}\""
    inputs = "; ".join(f"kolom {c} = {(node.values[c].raw.strip() if c in node.values else 'kosong')}"
                       for c in f.operands)
    inputs_en = "; ".join(f"column {c} = {(node.values[c].raw.strip() if c in node.values else 'blank')}"
                          for c in f.operands)
    return {
        **bilingual(table=(table_label(table, "id"), table_label(table, "en")), row=(row_id, row_en),
                    inputs=(inputs, inputs_en)),
        "column": f.result,
        "column_label": labels.get(f.result, f.result),
        "formula": f.text,
        "printed": res.raw.strip() if res is not None and res.raw.strip() else "(kosong)",
        "printed_en": res.raw.strip() if res is not None and res.raw.strip() else "(blank)",
    }
