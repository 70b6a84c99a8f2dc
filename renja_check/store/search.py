"""Finding things by words: SQLite FTS5 over the run's names, indicators, units and findings,
and a typo-tolerant lookup of names and codes with rapidfuzz.

The FTS query is built from the question's word tokens only (each quoted, prefix-matched), so
no user text ever reaches the MATCH syntax or the SQL. The fuzzy lookup is guarded: a query of
fewer than ``MIN_CHARS`` letters matches only exactly, and subset matching (the name's words inside a
longer question) needs at least two words, so "asn" or "a" cannot match everything.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .terms import fold

MIN_CHARS = 4
CUTOFF = 80.0
_TOKEN = re.compile(r"\w+")


def fts_query(text: str, *, any_word: bool = False, max_words: int = 12) -> Optional[str]:
    words = [w for w in _TOKEN.findall(fold(text)) if len(w) >= 2][:max_words]
    if not words:
        return None
    return (" OR " if any_word else " ").join(f'"{w}"*' for w in words)


def fts(
    conn: sqlite3.Connection, run_id: int, text: str, kinds: Iterable[str] = (), limit: int = 20, any_word: bool = False
) -> list[dict]:
    """Best matches of ``text`` in the run's index: ``{"kind", "ref", "text"}``, best first."""
    q = fts_query(text, any_word=any_word)
    if q is None:
        return []
    kinds = list(kinds)
    sql = "SELECT kind, ref, text FROM search WHERE search MATCH ? AND run_id = ?"
    params: list[Any] = [q, int(run_id)]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' * len(kinds))})"
        params += kinds
    sql += " ORDER BY rank LIMIT ?"
    params.append(int(limit))
    try:
        return [{"kind": r[0], "ref": r[1], "text": r[2]} for r in conn.execute(sql, params)]
    except sqlite3.OperationalError:  # an FTS syntax corner case: no match rather than a crash
        return []


@dataclass
class Hit:
    key: str  # the folded name
    label: str  # the name as printed (first seen)
    score: float
    items: list[Any]


@dataclass
class NameIndex:
    """Names (and codes) -> the things that carry them; ``lookup`` ranks names for a query.

    ``ignore`` are words removed from both sides before comparing (level words such as
    "program", "kegiatan", so "kepegawaian daerah" finds "PROGRAM KEPEGAWAIAN DAERAH").
    """

    ignore: frozenset[str] = frozenset()
    keys: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    items: list[list[Any]] = field(default_factory=list)
    _pos: dict[str, int] = field(default_factory=dict)

    def key(self, text: str) -> str:
        return " ".join(w for w in fold(text).split() if w not in self.ignore)

    def add(self, name: str, item: Any) -> None:
        k = self.key(name)
        if not k:
            return
        i = self._pos.get(k)
        if i is None:
            i = self._pos[k] = len(self.keys)
            self.keys.append(k)
            self.labels.append(name)
            self.items.append([])
        self.items[i].append(item)

    def exact(self, text: str) -> Optional[Hit]:
        i = self._pos.get(self.key(text))
        return Hit(self.keys[i], self.labels[i], 100.0, self.items[i]) if i is not None else None

    def lookup(self, text: str, limit: int = 5, cutoff: float = CUTOFF) -> list[Hit]:
        from rapidfuzz import fuzz, process

        q = self.key(text)
        hit = self.exact(text)
        if len(q.replace(" ", "")) < MIN_CHARS:
            return [hit] if hit else []
        words = q.split()
        subset = len(words) >= 2
        found = process.extract(
            q,
            self.keys,
            scorer=fuzz.token_set_ratio if subset else fuzz.ratio,
            limit=limit * 6,
            score_cutoff=cutoff - 10,
        )
        hits: dict[int, float] = {}
        for key, _, i in found:
            whole = fuzz.token_sort_ratio(q, key)
            # words of the name all in the question (extra words around it) vs the whole string alike
            score = (fuzz.token_set_ratio(q, key) + whole) / 2 if subset else whole
            if key == q:
                score = 100.0
            if score >= cutoff:
                hits[i] = score
        out = [Hit(self.keys[i], self.labels[i], s, self.items[i]) for i, s in hits.items()]
        out.sort(key=lambda h: (-h.score, len(h.key), h.key))
        return out[:limit]

    def closest(self, text: str, limit: int = 3) -> list[str]:
        """Names to offer when nothing matched (lower bar, never empty-query matches)."""
        return [h.label for h in self.lookup(text, limit=limit, cutoff=55.0)]
