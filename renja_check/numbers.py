"""Reading numbers as printed in Indonesian planning documents.

Forms seen: ``12.345.678.901`` (Indonesian thousands), ``12,345,678,901`` (English),
``Rp12.345.678.901,00``, ``Rp 12.345.678.901,-``, ``72,58`` (decimal comma),
``203.07%`` (decimal point), ``-`` (empty), ``#DIV/0!`` (spreadsheet error).

Money is always an ``int`` of rupiah. A string that could be read two ways
(``1.500`` = 1500 or 1.5) is returned with status ``ambiguous`` unless the caller
says which style the table uses. An amount with a fraction of a rupiah
(``1234567.59``) is status ``fraction``: exact but not whole (``money_exact``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal, Optional

from .models import Money, Quantity

Style = Literal["id", "en"]  # id: 1.234.567,89  en: 1,234,567.89

SPREADSHEET_ERRORS = ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#####")
MAX_AMOUNT_DIGITS = 18  # 10^18 rupiah: a thousand times a national budget; beyond is not an amount
EMPTY_MARKS = {"", "-", "--", "–", "—", "- ", "0-"}

_ERR_RE = re.compile(r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!)|#{3,}")
_RP_RE = re.compile(r"^\s*rp\.?\s*", re.I)
_NUM_RE = re.compile(r"^[+-]?\d[\d.,]*$")
NUMBER_TOKEN = r"[+-]?\d{1,3}(?:[.,]\d{3})+(?:,\d+|\.\d+)?|[+-]?\d+(?:[.,]\d+)?"
_MONEY_DASH_END_RE = re.compile(r"(,-|,—|,–|\.-)$")
_GROUPED_RE = re.compile(r"\d[.,]\d{3}")
_EN_STYLE_RES = (re.compile(r"\d{1,3}(,\d{3}){2,}(\.\d+)?"), re.compile(r"\d{1,3}(,\d{3})+\.\d+"))
_ID_STYLE_RES = (re.compile(r"\d{1,3}(\.\d{3}){2,}(,\d+)?"), re.compile(r"\d{1,3}(\.\d{3})+,\d+"))


def clean(text: str) -> str:
    """Normalise spaces (incl. U+00A0) and strip."""
    return " ".join((text or "").split())  # str.split: every Unicode space, U+00A0 and U+202F too


def spreadsheet_error(text: str) -> Optional[str]:
    if not text or "#" not in text:  # every error starts with "#"
        return None
    m = _ERR_RE.search(text)
    return m.group(0) if m else None


def parse_decimal(token: str, style: Optional[Style] = None) -> tuple[Optional[Decimal], str, Optional[str]]:
    """Parse one numeric token. Returns (value, status, note).

    ``style`` tells the thousands/decimal convention of the table when known.
    """
    if token and token.isdigit() and token.isascii():  # plain digits (most tokens): what the steps below give
        return Decimal(token), "ok", None
    t = clean(token).replace(" ", "")
    if not t or not _NUM_RE.match(t):
        return None, "invalid", f"not a number: {token!r}"
    dots, commas = t.count("."), t.count(",")
    try:
        if dots and commas:
            # the later separator is the decimal one
            if t.rfind(",") > t.rfind("."):
                return Decimal(t.replace(".", "").replace(",", ".")), "ok", None
            return Decimal(t.replace(",", "")), "ok", None
        if not dots and not commas:
            return Decimal(t), "ok", None
        sep = "." if dots else ","
        parts = t.split(sep)
        grouped = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0].lstrip("+-")) <= 3
        if len(parts) > 2:
            if grouped:
                return Decimal(t.replace(sep, "")), "ok", None
            return None, "invalid", f"bad grouping: {token!r}"
        # exactly one separator
        if not grouped:
            return Decimal(t.replace(",", ".")), "ok", None  # decimal: 72,58 / 203.07
        # one separator followed by exactly three digits: 1.500 or 1,500
        if style == "id":
            value = Decimal(t.replace(".", "").replace(",", ".")) if sep == "." else Decimal(t.replace(",", "."))
            return value, "ok", None
        if style == "en":
            value = Decimal(t.replace(",", "")) if sep == "," else Decimal(t)
            return value, "ok", None
        return (
            Decimal(t.replace(sep, "")),
            "ambiguous",
            (f"{token!r} may be {t.replace(sep, '')} or {t.replace(',', '.')}"),
        )
    except InvalidOperation:
        return None, "invalid", f"not a number: {token!r}"


def parse_money(text: str, style: Optional[Style] = None, scale: int = 1) -> Money:
    """A pagu cell -> Money (integer rupiah)."""
    raw = text if text is not None else ""
    t = clean(raw)
    err = spreadsheet_error(t)
    if err:
        return Money(raw=raw, status="error", scale=scale, note=err)
    if t in EMPTY_MARKS:
        return Money(raw=raw, status="empty", scale=scale)
    value, status, note = parse_decimal(_money_token(t), style)
    if value is None:
        return Money(raw=raw, status="invalid", scale=scale, note=note)
    if value.adjusted() >= MAX_AMOUNT_DIGITS:  # thousands of digits: no amount, and int() of it would not print
        return Money(raw=raw[:40], status="invalid", scale=scale, note=f"not an amount: {raw[:40]!r} (out of range)")
    scaled = value * scale
    if scaled != scaled.to_integral_value():
        # cents are not ambiguity: the amount is exact, only not a whole rupiah
        return Money(
            raw=raw,
            value=int(scaled),
            status="fraction" if status == "ok" else status,
            scale=scale,
            note=f"fraction of a rupiah in {raw!r}" if status == "ok" else note,
        )
    return Money(raw=raw, value=int(scaled), status=status, scale=scale, note=note)


def _money_token(t: str) -> str:
    """A cleaned money cell without ``Rp``, a closing ``,-`` and zero cents (``,00``)."""
    t = _RP_RE.sub("", t)
    t = _MONEY_DASH_END_RE.sub("", t)  # "321,-"
    t = t.replace(" ", "")
    # money never has decimals other than ,00 / .00
    head = _without_zero_cents(t)
    if head != t and _GROUPED_RE.search(head):
        t = head
    return t


def _without_zero_cents(t: str) -> str:
    """``t`` without its trailing run of ``,00`` / ``.00`` groups, in linear time (a regex
    ``^(.*?)(?:[,.]00)+$`` did the same in quadratic time: 28 s on 100k characters)."""
    end = len(t)
    while end >= 3 and t[end - 3] in ",." and t[end - 2] == "0" and t[end - 1] == "0":
        end -= 3
    return t[:end]


def money_exact(m: Money) -> Optional[Decimal]:
    """The exact amount of a readable money cell, cents kept (``fraction`` cells); else None.

    ``Money.value`` stays integer rupiah (the whole part of a ``fraction`` cell); this is
    for adding fractional amounts exactly, e.g. subtotals printed with cents that add up.
    An empty cell is 0. A ``fraction`` cell is re-read from ``raw`` with no style; one
    that cannot be read without its table's style gives None.
    """
    if m.status == "empty":
        return Decimal(0)
    if m.status == "ok" and m.value is not None:
        return Decimal(m.value)
    if m.status != "fraction":
        return None
    value, status, _ = parse_decimal(_money_token(clean(m.raw)), None)
    return value * m.scale if value is not None and status == "ok" else None


_QTY_RE = re.compile(rf"^\s*({NUMBER_TOKEN})(?!\d)\s*(%|.+)?$")  # "0,0063" is one number


def parse_quantity(text: str, style: Optional[Style] = None) -> Quantity:
    """A target cell like ``2\u00a0Dokumen``, ``72,58``, ``100%``, ``#DIV/0!``, ``-``."""
    raw = text if text is not None else ""
    t = clean(raw)
    err = spreadsheet_error(t)
    if err:
        return Quantity(raw=raw, status="error", note=err)
    if t in EMPTY_MARKS:
        return Quantity(raw=raw, status="empty")
    m = _QTY_RE.match(t)
    if not m:
        return Quantity(raw=raw, status="invalid", unit=t or None, note="no number")
    value, status, note = parse_decimal(m.group(1), style)
    unit = clean(m.group(2) or "") or None
    if value is None:
        return Quantity(raw=raw, status="invalid", unit=unit, note=note)
    return Quantity(raw=raw, value=value, unit=unit, status=status, note=note)


def format_rupiah(value: Optional[int]) -> str:
    """1234567 -> 'Rp 1.234.567' (Indonesian grouping)."""
    if value is None:
        return "-"
    s = f"{abs(value):,}".replace(",", ".")
    return f"{'-' if value < 0 else ''}Rp {s}"


def format_int(value: Optional[int]) -> str:
    if value is None:
        return "-"
    return f"{value:,}".replace(",", ".")


def infer_style(tokens: list[str]) -> Optional[Style]:
    """The thousands convention a table uses, judged from its unambiguous numbers."""
    en = id_ = 0
    for tok in tokens:
        if "," not in tok and "." not in tok:  # every style pattern needs a separator (clean keeps them)
            continue
        t = clean(tok).replace(" ", "")
        if _EN_STYLE_RES[0].fullmatch(t) or _EN_STYLE_RES[1].fullmatch(t):
            en += 1
        elif _ID_STYLE_RES[0].fullmatch(t) or _ID_STYLE_RES[1].fullmatch(t):
            id_ += 1
    if en and not id_:
        return "en"
    if id_ and not en:
        return "id"
    return None
