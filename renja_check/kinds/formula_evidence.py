"""Short, structured evidence for the formula rules: cells as printed, short column labels.

A verifier reads ``{"formula": "8=(7/6)", "operands": {"7": "30 orang", "6": "40 orang"},
"result": {"8": "-"}, "columns": {"7": "Realisasi 2021", ...}}``, not the full header
text. Short labels are derived from the header: the sub-column name after the last ``:``
(``...Tahun 2021: Realisasi`` -> ``Realisasi 2021``), else the head word of a long label
with the planning document it names (``Target ... Renstra PD Tahun 2021`` ->
``Target Renstra 2021``); ``s.d. Tahun 2020`` becomes ``s.d. 2020``; percent columns keep
``(%)`` and drop the year.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional, Union

from ..finding import fingerprint
from ..models import Column, Node, Quantity

DOCS = ("Renstra", "Renja", "RKPD", "RPJMD", "DPA")
_BRACKET = re.compile(r"\[[^\]]*\]")
_YEAR = re.compile(r"(s\.?\s?d\.?\s*)?(?:tahun\s*)?((?:19|20)\d\d)\b", re.I)
_SHORT_WORDS = 2


def short_label(col: Optional[Column], fallback: str = "") -> str:
    """A label of a few words for a column (see the module docstring)."""
    if col is None:
        return fallback
    return _short_label(col.label, col.id, col.year, fallback)


@lru_cache(maxsize=1024)
def _short_label(label: Optional[str], col_id: str, col_year: Optional[int], fallback: str) -> str:
    """``short_label`` of a column's label, id and year (memoised: asked once per row)."""
    text = " ".join(_BRACKET.sub(" ", label or "").split())
    if not text:
        return fallback or col_id
    head, _, sub = text.rpartition(":")
    base = sub.strip() if head else ""
    context = head if head else text
    if not base:
        words = _YEAR.sub(" ", text).split()
        if len(words) <= _SHORT_WORDS:
            base = " ".join(words)
        else:
            base = " ".join([words[0]] + [w for w in words[1:] if w.strip("()/,.") in DOCS][:1])
            if "%" in text and "%" not in base:
                base += " (%)"
    if "%" in base or _YEAR.search(base):
        return base
    m = _YEAR.search(context)
    year = m.group(2) if m else (str(col_year) if col_year else "")
    if not year:
        return base
    return f"{base} s.d. {year}" if m and m.group(1) else f"{base} {year}"


def present(q: Optional[Quantity]) -> bool:
    """A cell the row prints with a readable value."""
    return q is not None and q.status == "ok" and q.value is not None


def cell_text(q: Optional[Quantity]) -> Optional[str]:
    """The cell as printed, whitespace normalised; None for a cell the row does not have."""
    if q is None:
        return None
    return " ".join((q.raw or "").split()) or "-"


def number(v: Union[Decimal, int, None]) -> Union[int, str, None]:
    """Integers stay integers; decimals become strings rounded to 2 places ("33.33")."""
    if v is None:
        return None
    d = Decimal(v)
    if d == d.to_integral_value():
        return int(d)
    return f"{d.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")


def decimal_text(v: Decimal) -> str:
    """A decimal as Indonesian text, at most 2 places, thousands grouped as printed in a Renja:
    ``Decimal("33.333")`` -> ``"33,33"``, ``Decimal("49861222560")`` -> ``"49.861.222.560"``."""
    q = v.quantize(Decimal("0.01"))
    whole, _, frac = f"{q:f}".partition(".")
    sign, whole = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    frac = frac.rstrip("0")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def columns_of(cols: list[str], by_id: dict[str, Column]) -> dict[str, str]:
    return {c: short_label(by_id.get(c), c) for c in cols}


def row_identity(node: Node, parents: dict[str, Node]) -> tuple:
    """What a row says about itself (codes, names, indicator), never its line number."""
    parent = parents.get(node.parent) if node.parent else None
    own = (
        node.level,
        node.code or node.code_printed or "",
        node.name,
        node.indicators[0].text if node.indicators else "",
    )
    if parent is None:
        return own
    return own + (parent.code or parent.code_printed or "", parent.name)


def content_fingerprint(rule, doc, table, node: Node, parents, *parts, identity: tuple = ()) -> str:
    """``identity``: the document's identity in the run (``Context.identity``)."""
    return fingerprint(
        rule.code,
        *(identity or (doc.doc_type, doc.perangkat_daerah, doc.year)),
        table.id,
        row_identity(node, parents),
        *parts,
    )
