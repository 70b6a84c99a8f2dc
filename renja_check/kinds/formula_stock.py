"""Stock or flow: does a printed sum formula (``10=(5+7+9)``) apply to a row?

A cumulative column adds the realisations of several years. That is right for a *flow*
(amounts produced each year: participants trained, documents issued) and wrong for a
*stock* (a level that holds each year: a percentage, an index, a ratio, a count of kinds
needed every year, staff employed): a stock's realisation up to the last year is the
level of the last year, not the sum of the levels.

A row is read as a stock from its own data:

- ``unit``: the unit of its cells is a level unit (``%``, ``indeks``, ``nilai`` ...);
- ``wording``: its indicator starts with a level word (``Persentase``, ``Indeks``,
  ``Rasio``, ``Tersedianya`` ...); a word further on is not enough ("Jumlah <barang> yang
  tersedia" counts items provided every year, a flow);
- ``constant``: the same value every year (every present addend equal).

The vocabulary is rule data (``params.stock`` in ``rules/formula.yaml``). What the author
printed is compared with the sum and with the values the row holds (its addends and the
target the result is measured against, e.g. column 4 of ``11=(10/4)``):

=================  ==========================================================  =========
verdict            printed result                                               rule
=================  ==========================================================  =========
``ok``             the sum (a flow; a ``constant`` row stays unjudged)          none
``stock_way``      a stock's level of the last year (last present addend)       none
``stock_summed``   the sum, on a ``unit``/``wording`` stock                     FM05
``stock_other``    neither, on a ``unit``/``wording`` stock                     FM05
``convention``     another value the row holds (the stock convention)           FM05
``slip``           none of these: an arithmetic slip                            FM01
=================  ==========================================================  =========
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ..structs import struct
from ..models import Node
from ..record import Record
from .formula_evidence import cell_text, decimal_text, number, present
from .formula_expr import Formula
from .formula_units import join_words
from .labels import bilingual

_WORD = re.compile(r"[\w%-]+")


class StockVocabulary(Record):
    """Words that make an indicator a stock (a level), matched case-insensitively."""

    units: list[str] = []  # level units of a cell: %, persen, indeks, nilai, rasio ...
    heads: list[str] = []  # first word of the indicator: persentase, indeks, tersedianya ...
    flows: list[str] = []  # units that always add up over years (money: Rp), whatever the wording


@struct(frozen=True)
class SumReading:
    verdict: str  # see the module docstring
    printed: Decimal
    total: Decimal  # the sum the formula gives
    last: str  # the last present addend's column (the latest year)
    held: tuple[str, ...]  # columns whose value the printed result equals (sum excluded)
    why: tuple[str, str]  # (reason, detail): ("unit", "%"), ("wording", "Persentase"), ("constant", "9 orang")


def stock_reason(
    node: Node, addends: list[str], result: str, vocab: StockVocabulary, indicator: str
) -> Optional[tuple[str, str]]:
    """Why the row's figure is a level: ("unit", u), ("wording", w), or None (see ``constant``).
    The addends' units decide; the result's only when no addend prints one (a count summed
    into a percentage is a unit defect, not a stock)."""
    units = {u.lower() for u in vocab.units}

    def unit(c: str) -> str:
        q = node.values.get(c)
        return (q.unit or "").strip(" .") if present(q) else ""

    printed = [u for u in (unit(c) for c in addends) if u] or [u for u in [unit(result)] if u]
    if is_flow(printed, vocab):
        return None
    if printed and all(u.lower() in units for u in printed):
        return ("unit", printed[-1])
    words = _WORD.findall(indicator.lower())
    if words and words[0] in {h.lower() for h in vocab.heads}:
        return ("wording", indicator.split()[0])
    return None


def is_flow(printed: list[str], vocab: StockVocabulary) -> bool:
    """The addends print a unit that adds up over the years (an amount of money in a
    T-C.29 filled with budgets): a flow, even under a 'Persentase ...' indicator."""
    flows = {u.lower() for u in vocab.flows}
    return bool(printed) and all(u.lower() in flows for u in printed)


def read_sum(
    node: Node, f: Formula, formulas: list[Formula], vocab: StockVocabulary, indicator: str, tolerance: Decimal
) -> Optional[SumReading]:
    """How the printed result of sum formula ``f`` reads on this row; None when it cannot be
    read (not a sum, result or every addend missing)."""
    if not f.is_sum:
        return None
    res = node.values.get(f.result)
    if not present(res):
        return None
    addends = [c for c in f.operands if present(node.values.get(c))]
    if not addends:
        return None
    printed = res.value
    total = sum((node.values[c].value for c in addends), Decimal(0))
    last = addends[-1]
    level = node.values[last].value
    targets = [
        r.divisor for r in formulas if r.is_rate and r.divisor and r.expr[1] == f.result and r.divisor not in addends
    ]
    held = tuple(
        sorted(
            (
                c
                for c in addends + [t for t in targets if present(node.values.get(t))]
                if node.values[c].value == printed
            ),
            key=lambda c: (0, int(c)) if c.isdigit() else (1, 0),
        )
    )
    why = stock_reason(node, addends, f.result, vocab, indicator)
    values = {node.values[c].value for c in addends}
    units = [(node.values[c].unit or "").strip(" .") for c in addends]
    flow = is_flow([u for u in units if u], vocab)
    constant = len(addends) >= 2 and len(values) == 1 and level != 0 and not flow
    if why is None and constant:
        why = ("constant", " ".join((node.values[last].raw or "").split()))
    if abs(printed - total) <= tolerance:
        verdict = "stock_summed" if why and why[0] != "constant" and total != level else "ok"
    elif why and printed == level:
        verdict = "stock_way"
    elif why and why[0] != "constant":
        verdict = "stock_other"
    elif held and not flow:  # money is never written by the stock convention
        verdict = "convention"
    else:
        verdict = "slip"
    return SumReading(verdict, printed, total, last, held, why or ("", ""))


def _cols(cols: tuple[str, ...], lang: str) -> str:
    return join_words(list(cols), lang)


def stock_finding(node: Node, f: Formula, r: SumReading, formulas: list[Formula]) -> tuple:
    """(expected, found, difference, message values, evidence) of an FM05 finding: expected is
    the last year's level as printed, difference the printed result minus that level."""
    last = node.values[r.last]
    level = cell_text(last)
    unit = (last.unit or "").strip()
    total = decimal_text(r.total) + ("%" if unit == "%" else f" {unit}" if unit else "")
    inputs = tuple(
        "; ".join(f"{w} {c} = {cell_text(node.values.get(c)) or b}" for c in f.operands)
        for w, b in (("kolom", "kosong"), ("column", "blank"))
    )
    diff = r.printed - last.value
    then = [g.result for g in formulas if f.result in g.operands and g.result != f.result]
    texts = stock_texts(r, inputs, total, level)
    why = texts.pop("why")
    recompute = (f", lalu hitung ulang kolom {', '.join(then)}", f", then recompute column {', '.join(then)}")
    alternative = (
        f"; bila capaiannya memang bertambah setiap tahun, tulis jumlahnya {total}",
        f"; if the figure does accumulate every year, write the sum {total}",
    )
    values = bilingual(
        **texts,
        then=recompute if then else ("", ""),
        alternative=alternative if r.verdict == "convention" else ("", ""),
    )
    values.update(last_column=r.last, total=total)
    evidence = {"sum": number(r.total), "level": {r.last: level}, "qualifier": {"id": why[0], "en": why[1]}}
    found = cell_text(node.values[f.result])
    return level, found, int(diff) if diff == diff.to_integral_value() else None, values, evidence


def stock_texts(r: SumReading, inputs: tuple[str, str], total: str, level: str) -> dict[str, tuple[str, str]]:
    """The ``reading`` and ``stock`` sentences of an FM05 message and the ``why`` of its
    evidence, in both languages."""
    if r.verdict == "stock_summed":
        reading = (f"yaitu jumlah {inputs[0]}", f"the sum of {inputs[1]}")
    elif r.held:
        reading = (
            f"nilai kolom {_cols(r.held, 'id')}, bukan jumlah {total} ({inputs[0]})",
            f"the value of column{'s' if len(r.held) > 1 else ''} {_cols(r.held, 'en')}, not the sum {total} ({inputs[1]})",
        )
    else:
        reading = (f"bukan jumlah {total} ({inputs[0]})", f"not the sum {total} ({inputs[1]})")
    kind, detail = r.why
    if kind == "unit":
        why = (f"angka posisi (stok, satuan {detail})", f"a level (stock, unit {detail})")
    elif kind == "wording":
        why = (f"angka posisi (stok, '{detail}')", f"a level (stock, '{detail}')")
    elif kind == "constant":
        why = (f"angka posisi (stok, {detail} setiap tahun)", f"a level (stock, {detail} every year)")
    else:
        why = ("", "")
    convention = ("ditulis menurut konvensi angka posisi (stok)", "written by the convention of a level (stock)")
    if why[0]:
        stock = (
            f"indikator ini {why[0]} yang tidak bertambah antartahun, sehingga capaian s.d. tahun terakhir "
            f"adalah capaian tahun terakhir, {level} (kolom {r.last})",
            f"this indicator is {why[1]} that does not add up over the years, so the realisation up to the "
            f"last year is the last year's, {level} (column {r.last})",
        )
    else:
        stock = (
            f"kolom ini ditulis seperti angka posisi (stok) yang tidak dijumlahkan antartahun; bila memang stok, "
            f"capaian s.d. tahun terakhir adalah capaian tahun terakhir, {level} (kolom {r.last})",
            f"the column is written like a level (stock) that is not added up over the years; if it is one, "
            f"the realisation up to the last year is the last year's, {level} (column {r.last})",
        )
    return {"reading": reading, "stock": stock, "why": why if why[0] else convention}
