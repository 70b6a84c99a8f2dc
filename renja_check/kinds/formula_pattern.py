"""One finding for a column formula broken on most rows of a table (a systemic pattern).

A table whose authors filled a formula column another way (``11=(10/4)`` holding column
8's figure on every row, ``10=(5+7+9)`` holding column 7's) breaks the formula on nearly
every row: one defect of the table, not one per row. When at least ``min_rows`` rows, and
at least ``min_share`` of the rows where the formula can be recomputed, break it, the rule
reports ONE finding: the first row's, its message saying how many rows break the formula,
and ``evidence["rows"]`` listing every such row (``locator``, ``expected``, ``found``,
``difference``) so that it stands for each of them (``fold.py``). Rows where the formula
holds or cannot be recomputed keep their own standing; fewer breaks are reported row by row.
"""

from __future__ import annotations

from typing import Optional

from ..finding import Finding
from ..record import ConfigDict, Record


class FormulaGroup(Record):
    """``group:`` of a formula rule: when one finding stands for the rows breaking a formula."""

    model_config = ConfigDict(extra="forbid")
    min_rows: int = 10  # rows breaking the formula, at least
    min_share: float = 0.5  # share of the rows where it can be recomputed, at least


def grouped(g: FormulaGroup, formula: str, findings: list[Finding], checked: int) -> Optional[Finding]:
    """The one finding standing for ``findings`` (one per row, in table order) of ``formula``,
    or None when they are too few to be a pattern (then each row is reported)."""
    if not findings or len(findings) < g.min_rows or len(findings) < g.min_share * checked:
        return None
    first = findings[0]
    n, others = len(findings), len(findings) - 1
    rows = [
        {"locator": f.locator, "expected": f.expected, "found": f.found, "difference": f.difference} for f in findings
    ]
    tail = {
        "id": f" Rumus {formula} tidak berlaku pada {n} dari {checked} baris yang dapat dihitung ulang "
        f"(baris ini dan {others} baris lain, semuanya tercantum dalam bukti): pola kolom, bukan salah hitung satu baris.",
        "en": f" Formula {formula} does not hold on {n} of the {checked} rows that can be recomputed "
        f"(this row and {others} others, all listed in the evidence): a pattern of the column, not one row's slip.",
    }
    message = {lang: text + tail.get(lang, tail["en"]) for lang, text in first.message.items()}
    also = {
        "id": f" Isi ulang kolom ini dengan rumus {formula} pada setiap baris yang tercantum dalam bukti.",
        "en": f" Refill this column with formula {formula} on every row listed in the evidence.",
    }
    suggestion = {lang: text + also.get(lang, also["en"]) for lang, text in (first.suggestion or {}).items()} or None
    evidence = dict(first.evidence, rows=rows, pattern={"rows": n, "checked": checked})
    return first.model_copy(update={"message": message, "suggestion": suggestion, "evidence": evidence})
