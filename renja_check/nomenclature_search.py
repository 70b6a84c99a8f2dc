"""Looking things up in the nomenclature for people: ranked search and one entry's card.

Library layer for ``renja-check nomenklatur``; no click, no printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from .corpus import LEVELS, Entry, Nomenclature, generic_code, normalize_code
from .kinds.nomenclature_names import first_edition
from .text import norm_name

SEARCH_CUTOFF = 60.0


@dataclass(frozen=True)
class Hit:
    score: float
    code: str
    entry: Entry


@dataclass
class Card:
    code: str  # as asked, normalised (concrete for the penunjang)
    entry: Entry
    parents: list[Entry] = field(default_factory=list)
    children: int = 0
    first_edition: Optional[int] = None


def search(
    nom: Nomenclature, text: str, level: Optional[str] = None, bidang: Optional[str] = None, limit: int = 10
) -> list[Hit]:
    """Entries ranked by how well their name matches ``text``.

    Score: the mean, over the query's words, of the best ``fuzz.ratio`` with a word of
    the name (so a fragment scores high and a misspelt word still counts); ties broken
    by ``token_sort_ratio`` (closer overall length first). An exact name scores 100.
    """
    key = norm_name(text)
    if not key:
        return []
    qwords = key.split()
    levels = [level] if level else list(LEVELS)
    hits: list[tuple[float, Hit]] = []
    for lv in levels:
        for e in nom._entries_by_level.get(lv, []):
            if bidang and not (e.code.startswith("X.XX") or e.code == bidang or e.code.startswith(bidang + ".")):
                continue
            name = norm_name(e.name)
            words = name.split()
            score = 100.0 if name == key else sum(max(fuzz.ratio(q, w) for w in words) for q in qwords) / len(qwords)
            if score < SEARCH_CUTOFF:
                continue
            code = e.code.replace("X.XX", bidang, 1) if bidang and e.code.startswith("X.XX") else e.code
            tie = 1000.0 if name == key else fuzz.token_sort_ratio(key, name)
            hits.append((tie, Hit(round(score, 1), code, e)))
    hits.sort(key=lambda th: (-th[1].score, -th[0], th[1].code))
    return [h for _, h in hits[:limit]]


def card(nom: Nomenclature, code: str) -> Optional[Card]:
    c = normalize_code(code)
    e = nom.get(c)
    if e is None:
        return None
    return Card(
        code=c,
        entry=e,
        parents=nom.parents(c),
        children=len(nom.children(generic_code(c))),
        first_edition=first_edition(e),
    )
