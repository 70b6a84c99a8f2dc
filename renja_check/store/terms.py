"""Words and numbers as people type them in a question: folding, Indonesian number forms, years.

``fold`` lowers case, strips diacritics and punctuation (what FTS5's unicode61 tokenizer with
``remove_diacritics 2`` does to indexed text). ``amounts`` reads "Rp 702.500.000",
"702.500.000 rupiah", "15,3 miliar", "702 juta", "1,2 triliun", "15.3 billion" into integer
rupiah with the precision the writing implies ("702 juta" matches 702.500.000, "15,3 miliar" 15.312.000.000).
``years`` reads "tahun 2024", "TA 2024", "2024", "N", "N+1", "tahun depan", "next year".
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional
from ..structs import struct

_NON_WORD = re.compile(r"[^\w]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

SCALES = {
    "ribu": 10**3,
    "rb": 10**3,
    "thousand": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "million": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "m": 10**9,
    "billion": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
    "trillion": 10**12,
}
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
_SCALED = re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*({_SCALE_WORDS})\b", re.I)
_RUPIAH = re.compile(
    r"(?:\brp\.?\s*|\bidr\s*)(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]-|,00)?|"
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3}){2,})(?![\d])",
    re.I,
)
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")
_FORWARD = re.compile(
    r"\bn\s*\+\s*1\b|\btahun depan\b|\bnext year\b|\bprakiraan maju\b|\bforward year\b|"
    r"\btahun berikutnya\b|\bfollowing year\b",
    re.I,
)
_PLAN = re.compile(r"(?<![\w+])n(?![\w+]|\s*\+)|\btahun rencana\b|\bplan year\b|\btahun berjalan\b", re.I)


def clean_question(text: str, limit: int = 1000) -> str:
    """Control and invisible characters removed, spaces collapsed, at most ``limit`` characters."""
    t = unicodedata.normalize("NFKC", str(text or "")[: limit * 4])
    return " ".join(_CONTROL.sub(" ", t).split())[:limit]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation to spaces: "Pengelolaan  Promosi-ASN." -> "pengelolaan promosi asn"."""
    t = unicodedata.normalize("NFKD", text or "")
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return " ".join(_NON_WORD.sub(" ", t).replace("_", " ").split())


@struct(frozen=True)
class Amount:
    value: int  # rupiah
    unit: int  # one unit of the last digit written: 0 for an exact amount
    raw: str

    def matches(self, rupiah: Optional[int]) -> bool:
        """Exact, or what the rounded ("702,7 juta") or cut ("702 juta") writing stands for."""
        if rupiah is None:
            return False
        if not self.unit:
            return rupiah == self.value
        return self.value - self.unit // 2 <= rupiah < self.value + self.unit


def _decimal(token: str) -> Optional[Decimal]:
    t = token.replace(",", ".") if token.count(",") == 1 and "." not in token else token.replace(",", "")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def amounts(text: str) -> list[Amount]:
    """Money amounts in a question, in order."""
    out: list[tuple[int, Amount]] = []
    for m in _SCALED.finditer(text):
        number, word = m.group(1), m.group(2).lower()
        if word == "m" and not re.search(r"\brp\b", text[: m.start()], re.I):
            continue  # a bare "m" is rupiah milyar only after "Rp"
        d = _decimal(number)
        if d is None:
            continue
        scale = SCALES[word]
        exp = d.as_tuple().exponent
        decimals = -exp if isinstance(exp, int) and exp < 0 else 0
        out.append((m.start(), Amount(int(d * scale), scale // 10**decimals, m.group(0))))
    taken = [(m.start(), m.end()) for m in _SCALED.finditer(text)]
    for m in _RUPIAH.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        digits = re.sub(r"[.,]", "", m.group(1) or m.group(2))
        out.append((m.start(), Amount(int(digits), 0, m.group(0).strip())))
    return [a for _, a in sorted(out, key=lambda p: p[0])]


def years(text: str, plan_year: Optional[int] = None, forward_year: Optional[int] = None) -> list[int]:
    """Years named in a question; "N"/"N+1" and their words resolved with the document's years."""
    found: list[int] = [int(y) for y in _YEAR.findall(text)]
    if plan_year and _FORWARD.search(text):
        found.append(forward_year or plan_year + 1)
    elif plan_year and _PLAN.search(text):
        found.append(plan_year)
    return list(dict.fromkeys(found))


def strip_numbers(text: str) -> str:
    """The question without money amounts and years (what is left may be a name)."""
    for a in amounts(text):
        text = text.replace(a.raw, " ")
    text = _YEAR.sub(" ", text)
    return _FORWARD.sub(" ", text)
