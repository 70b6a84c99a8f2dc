"""Question -> intent and entities (codes, rule, years, tables, level, severity, amount, a name).

Deterministic: keyword phrases in both languages on the folded question; what remains after
removing them, the numbers and the function words is looked up as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..nomenclature_codes import normalize_code
from ..store.terms import Amount, amounts, fold, strip_numbers, years
from .phrases import KEYWORDS, LEVEL, PHRASES, SEVERITY, STOP, TABLE_PHRASES

_CODE = re.compile(r"(?<![\w.])([1-9X])\.(\d{2}|XX)((?:\.\d{1,2})(?:\.\d\.\d{1,2}(?:\.\d{1,4})?)?)?(?![\w]|\.\d)", re.I)
_RULE = re.compile(r"\b([A-Z]{2})\s?-?(\d{2})\b", re.I)
_TABLE_NO = re.compile(r"\b(?:tabel|table|tab)\s*\.?\s*(\d{1,2}(?:\.\d{1,2})?)")
# a document named by its type ("... di RKPD", "in the Renstra"); "RKPD awal/akhir" are Renja tables
DOC_TYPES = ("renja", "rkpd", "renstra", "rpjmd")
_DOC_TYPE = re.compile(
    r"\b(?:di|in|dalam|pada|menurut|from|according to)\s+(?:the\s+)?(?:dokumen\s+|document\s+)?"
    r"(renja|rkpd|renstra|rpjmd)\b(?!\s+(?:awal|akhir|rancangan))"
)


def has(folded: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded for p in phrases)


@dataclass
class Query:
    text: str  # cleaned question
    folded: str
    flags: set[str] = field(default_factory=set)  # which phrase groups occur
    codes: list[str] = field(default_factory=list)
    rule: Optional[str] = None  # full code ("PG01") or family ("PG")
    years: list[int] = field(default_factory=list)
    table_number: Optional[str] = None
    table_words: list[str] = field(default_factory=list)  # roles / sides named
    level: Optional[str] = None
    severity: Optional[str] = None
    amount: Optional[Amount] = None
    name: str = ""  # what may be a name, folded
    doc_types: list[str] = field(default_factory=list)  # documents named by type ("di RKPD")
    agencies: list[str] = field(default_factory=list)  # folded agency names carried from a previous question

    def wants(self, *groups: str) -> bool:
        return any(g in self.flags for g in groups)


def parse(
    text: str,
    rule_codes: frozenset[str] = frozenset(),
    plan_year: Optional[int] = None,
    forward_year: Optional[int] = None,
    vocabulary: frozenset[str] = frozenset(),
) -> Query:
    q = Query(text=text, folded=fold(text))
    q.flags = {g for g, ps in PHRASES.items() if has(q.folded, ps)}
    for m in _CODE.finditer(text):
        q.codes.append(normalize_code(m.group(0).upper().replace("XX", "XX")))
    for m in _RULE.finditer(text):
        code = f"{m.group(1).upper()}{m.group(2)}"
        if not rule_codes or code in rule_codes:
            q.rule = code
            break
    if q.rule is None:
        fam = re.search(r"\b(?:aturan|rule|kode|temuan|findings?)\s+([A-Z]{2})\b", text, re.I)
        if fam and any(c.startswith(fam.group(1).upper()) for c in rule_codes):
            q.rule = fam.group(1).upper()
    q.years = years(text, plan_year, forward_year)
    m = _TABLE_NO.search(text.lower())
    q.table_number = m.group(1) if m else None
    q.table_words = [k for k, ps in TABLE_PHRASES.items() if has(q.folded, ps)]
    q.level = next((lvl for lvl, ps in LEVEL if has(q.folded, ps)), None)
    q.severity = next((s for s, ps in SEVERITY.items() if has(q.folded, ps)), None)
    found = amounts(text)
    q.amount = found[0] if found else None
    q.doc_types = list(dict.fromkeys(m.group(1) for m in _DOC_TYPE.finditer(q.folded)))
    q.name = residual(text, q, vocabulary)
    return q


def residual(text: str, q: Query, vocabulary: frozenset[str] = frozenset()) -> str:
    """The question minus codes, rule codes, numbers, table references and keyword phrases."""
    t = _CODE.sub(" ", text)
    t = _RULE.sub(" ", t) if q.rule else t
    t = _TABLE_NO.sub(" ", t.lower())
    t = fold(strip_numbers(t))
    t = _DOC_TYPE.sub(" ", t) if q.doc_types else t
    for group in (*PHRASES.values(), *TABLE_PHRASES.values(), *SEVERITY.values()):
        for p in sorted(group, key=len, reverse=True):
            if " " in p:
                t = f" {t} ".replace(f" {p} ", " ").strip()
    words = [w for w in t.split() if w not in STOP and not w.isdigit() and (w not in KEYWORDS or w in vocabulary)]
    return " ".join(words)
