"""Cell values of a SIPD-RI Renja row: amounts, indicator lists and targets with their unit.

``_money`` reads an amount (exact, a fraction of a rupiah is status ``fraction``);
``_quantity`` reads a target and cross-checks it with the printed satuan.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..models import Indicator, Money, Quantity, Span
from ..numbers import MAX_AMOUNT_DIGITS, format_int, parse_quantity
from ..text import norm_name, norm_space


def _money(v: Any) -> Money:
    if v is None or v == "":
        return Money(raw="", status="empty")
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal, str)):
        return Money(raw=str(v), status="invalid", note=f"not an amount: {v!r}")
    if isinstance(v, float):  # rows built by callers; decoded files give Decimal
        v = Decimal(repr(v))
    if isinstance(v, str):
        try:
            v = Decimal(v.strip())
        except InvalidOperation:
            return Money(raw=v, status="invalid", note=f"not an amount: {v!r}")
        if not v.is_finite():
            return Money(raw=str(v), status="invalid", note=f"not an amount: {str(v)!r}")
    if isinstance(v, Decimal):
        if not v.is_finite() or v.adjusted() >= MAX_AMOUNT_DIGITS:  # NaN, Infinity, 1e999999999
            raw = str(v) if len(str(v)) <= 40 else f"{str(v)[:20]}..."
            why = " (out of range)" if v.is_finite() else ""
            return Money(raw=raw, status="invalid", note=f"not an amount: {raw!r}{why}")
        if v != v.to_integral_value():
            raw = format(v, "f")
            return Money(raw=raw, value=int(v), status="fraction", note=f"fraction of a rupiah in {raw!r}")
        v = int(v)
    return Money(raw=format_int(v), value=v)


def _lines(text: Any) -> list[str]:
    return [norm_space(x) for x in str(text or "").split("\n")]


def _indicators(texts: Any, targets: Any, year: str, units: Any, span: Span) -> list[Indicator]:
    """Parallel newline-separated lists of indicators and targets, empties and repeats dropped."""
    names, tgts, sats = _lines(texts), _lines(targets), _lines(units)
    out: list[Indicator] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        key = norm_name(name)
        if not name or key in seen:
            continue
        seen.add(key)
        tgt = tgts[i] if i < len(tgts) and len(tgts) == len(names) else (tgts[0] if len(tgts) == 1 else "")
        sat = sats[i] if i < len(sats) and len(sats) == len(names) else ""
        out.append(Indicator(text=name, targets={year: _quantity(tgt, sat)} if tgt else {}, span=span))
    return out


PLACEHOLDERS = frozenset({"undefined", "null", "none", "nan"})  # left by the export, not a target
_NUMBER_UNIT = re.compile(r"^[+-]?\d[\d.,]*\s*(%|[^\W\d_]+)$")  # one number, one unit word


def _placeholder(text: Any) -> bool:
    """No indicator written: blank, a dash, ``0`` or an export placeholder (``undefined``)."""
    words = norm_name(str(text or "")).split()
    return not words or words == ["0"] or set(words) <= PLACEHOLDERS or norm_space(str(text)) in ("-", "--")


def unit_same(a: str, b: str) -> bool:
    """Two prints of one unit (``%``/``persen`` aside, case and spacing ignored)."""
    return norm_name(a) == norm_name(b) or (a.strip() == "%" and b.strip() == "%")


def _quantity(target: str, satuan: str) -> Quantity:
    """A target like ``2 Dokumen``; the unit is cross-checked with ``satuan_output``.

    When the text ends with the satuan, the satuan is the unit and the rest the number.
    A placeholder (``undefined``, ``null``) is ``invalid``. A head that is not one number is
    ``compound`` (see ``models.CellStatus``): the unit written twice (``85% %``, value kept),
    a number with another unit (``100 % Laporan``) or several values (``25/14 Orang/bulan``).
    """
    t, sat = norm_space(target), norm_space(satuan)
    if norm_name(t).split() and set(norm_name(t).split()) <= PLACEHOLDERS:
        return Quantity(raw=target, status="invalid", note=f"placeholder {t!r}, no target written")
    if sat and len(t) > len(sat) and t.lower().endswith(sat.lower()):
        head = t[: len(t) - len(sat)].strip()
        q = parse_quantity(head, style="id")
        if q.unit and q.value is not None and q.status == "ok" and unit_same(q.unit, sat):
            return q.model_copy(
                update={
                    "raw": target,
                    "unit": sat,
                    "status": "compound",
                    "note": f"doubled-unit: {head!r} then {sat!r}",
                }
            )
        if q.unit and q.value is not None and q.status == "ok" and _NUMBER_UNIT.match(head) and not sat[:1].isdigit():
            return Quantity(raw=target, unit=sat, status="compound", note=f"two-units: {q.unit!r} and {sat!r}")
        if q.unit or q.status == "invalid":
            return Quantity(raw=target, unit=sat, status="compound", note=f"several-values: {head!r}")
        return q.model_copy(update={"raw": target, "unit": t[len(t) - len(sat) :]})
    q = parse_quantity(t, style="id").model_copy(update={"raw": target})
    if sat and q.unit is None and q.value is not None:
        return q.model_copy(update={"unit": sat})
    if sat and q.unit and norm_name(q.unit) != norm_name(sat):
        return q.model_copy(update={"note": f"satuan_output is {sat!r}, target says {q.unit!r}"})
    return q
