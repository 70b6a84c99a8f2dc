"""The nomenclature index: entries by code, by level, by bidang and by normalised name.

``Nomenclature`` answers lookups by code (``get``, ``parents``, ``children``; penunjang rows
are stored in the generic ``X.XX.01...`` form and a concrete code maps onto it) and by name
(``by_exact_name``, ``match_name``: exact normalised names first, then the closest names by
word-sorted similarity guarded against unpaired words, ``nomenclature_match``). It is built
once per process and kept pickled in the parsed-data cache (``corpus.load_nomenclature``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from .nomenclature_codes import generic_code, normalize_code, parent_code
from .nomenclature_entry import Entry, Match
from .nomenclature_match import MATCH_CUTOFF, WORD_PENALTY, sorted_words, unpaired_count, word_gap
from .structs import struct
from .text import norm_name


@struct
class Nomenclature:
    entries: dict[str, Entry]
    by_name: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _names: dict[str, list[str]] = field(default_factory=dict)  # level -> norm names
    _entries_by_level: dict[str, list[Entry]] = field(default_factory=dict)
    _children: dict[str, list[Entry]] = field(default_factory=dict)
    _match_cache: dict[tuple, list[Match]] = field(default_factory=dict)
    _cand_cache: dict[tuple, tuple[list[Entry], list[str]]] = field(default_factory=dict)
    _sorted_cache: dict[tuple, list[str]] = field(default_factory=dict)  # words of names, sorted
    _word_counts: Counter = field(default_factory=Counter)
    # level -> bidang head ("X.XX" or the code's first two parts) -> positions in _entries_by_level
    _heads: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _word_memo: dict[str, tuple[list[str], dict[str, bool]]] = field(default_factory=dict)  # _name_words

    def __post_init__(self) -> None:
        for e in self.entries.values():
            key = norm_name(e.name)
            self.by_name.setdefault((e.level, key), []).append(e)
            at = self._entries_by_level.setdefault(e.level, [])
            self._heads.setdefault(e.level, {}).setdefault(_head(e.code), []).append(len(at))
            at.append(e)
            self._names.setdefault(e.level, []).append(key)
            pc = e.parent_code
            if pc:
                self._children.setdefault(pc, []).append(e)
        self.word_counts()

    # -- lookups by code -------------------------------------------------
    def get(self, code: str) -> Optional[Entry]:
        c = normalize_code(code)
        return self.entries.get(c) or self.entries.get(generic_code(c))

    def parents(self, code: str) -> list[Entry]:
        out = []
        c = parent_code(normalize_code(code))
        while c:
            e = self.get(c)
            if e:
                out.append(e)
            c = parent_code(c)
        return out

    def children(self, code: str) -> list[Entry]:
        return list(self._children.get(generic_code(normalize_code(code)), []))

    def _candidates(self, level: str, bidang: tuple[str, ...]) -> tuple[list[Entry], list[str]]:
        """Entries of a level (restricted to the bidang and the generic penunjang), cached."""
        k = (level, bidang)
        if k not in self._cand_cache:
            entries = self._entries_by_level.get(level, [])
            names = self._names.get(level, [])  # norm_name of each entry, in the same order
            if len(names) != len(entries):
                names = [norm_name(e.name) for e in entries]
            groups = self._heads.get(level)
            if bidang and groups is not None and _is_heads(bidang) and len(names) == len(entries):
                # the entries under each bidang and the generic X.XX, from the index: the same
                # positions as the scan below, in the same (ascending) order
                keep = sorted(i for h in {"X.XX", *bidang} for i in groups.get(h, ()))
            elif bidang:  # the bidang filter with its prefixes made once: the generic X.XX, a bidang, under one
                heads = ("X.XX", *(b + "." for b in bidang))
                keep = [i for i, e in enumerate(entries) if e.code.startswith(heads) or e.code in bidang]
            else:
                keep = list(range(len(entries)))
            self._cand_cache[k] = ([entries[i] for i in keep], [names[i] for i in keep])
        return self._cand_cache[k]

    def _sorted_names(self, level: str, bidang: tuple[str, ...]) -> list[str]:
        """``_candidates`` names with their words sorted (token_sort_ratio's own preprocessing)."""
        k = (level, bidang)
        if k not in self._sorted_cache:
            self._sorted_cache[k] = [sorted_words(n) for n in self._candidates(level, bidang)[1]]
        return self._sorted_cache[k]

    def word_counts(self) -> Counter:
        """In how many entries' names each word occurs (computed once, kept in the index cache)."""
        if not self._word_counts:
            self._word_counts.update(w for names in self._names.values() for n in names for w in set(n.split()))
        return self._word_counts

    def _name_words(self, name: str) -> tuple[list[str], dict[str, bool]]:
        """The words of a normalised official name, and which words of the printed names
        asked so far pair with none of them (``unpaired_count``), kept for the next query."""
        hit = self._word_memo.get(name)
        if hit is None:
            hit = self._word_memo[name] = (name.split(), {})
        return hit

    # -- lookups by name --------------------------------------------------
    def by_exact_name(self, name: str, level: str) -> list[Entry]:
        return list(self.by_name.get((level, norm_name(name)), []))

    def match_name(
        self,
        name: str,
        level: str = "subkegiatan",
        bidang: Iterable[str] = (),
        limit: int = 5,
        cutoff: float = MATCH_CUTOFF,
    ) -> list[Match]:
        """Memoised ``_match_name``: readers and rules ask for the same names many times."""
        key = (name, level, tuple(bidang), limit, cutoff)
        hit = self._match_cache.get(key)
        if hit is None:
            hit = self._match_cache[key] = self._match_name(name, level, key[2], limit, cutoff)
        return list(hit)

    def _match_name(
        self,
        name: str,
        level: str,
        bidang: Iterable[str],
        limit: int,
        cutoff: float,
    ) -> list[Match]:
        """Ranked matches of a printed name among entries of ``level``.

        ``bidang`` restricts to codes under those bidang (and the generic X.XX
        penunjang, concretised to the first bidang). Exact normalised matches come
        first with score 100.
        """
        bidang = [b for b in bidang if b]
        key = norm_name(name)
        hits: list[Match] = []
        seen: set[str] = set()

        def admit(e: Entry) -> list[str]:
            if not bidang:
                return [e.code]
            if e.code.startswith("X.XX"):  # penunjang: under the PD's primary bidang
                return [e.code.replace("X.XX", bidang[0], 1)]
            return [e.code] if any(e.code == b or e.code.startswith(b + ".") for b in bidang) else []

        for e in self.by_name.get((level, key), []):
            for c in admit(e):
                if c not in seen:
                    seen.add(c)
                    hits.append(Match(e, c, 100.0, True))
        if len(hits) >= limit or not key:
            return hits[:limit]
        candidates, names = self._candidates(level, tuple(bidang))
        # token_sort_ratio(key, name) == ratio of the word-sorted strings: the names are sorted once
        results = process.extract(
            sorted_words(key),
            self._sorted_names(level, tuple(bidang)),
            scorer=fuzz.ratio,
            limit=limit * 8,
            score_cutoff=cutoff,
        )
        words = key.split()
        mine: dict[str, bool] = {}  # words of a candidate name unpairable with the query's, by word
        # results come best token_sort_ratio first and a score never exceeds it: once ``limit``
        # hits score more than a result's ratio, neither it nor any after it can make the cut
        kth: Optional[float] = None  # the limit-th best score so far (fewer hits than ``limit`` here)
        for _, tsr, idx in results:
            if kth is not None and tsr < kth:
                break
            e = candidates[idx]
            if cutoff > 0:  # skip the alignment when unpairable words alone sink the score
                other, theirs = self._name_words(names[idx])
                # the fewest unpaired words that sink the result (by the test below): counting
                # stops there, the verdict is the same
                sink = 0
                while tsr - WORD_PENALTY * sink >= cutoff:
                    sink += 1
                floor = unpaired_count(words, other, sink, theirs)
                if tsr - WORD_PENALTY * floor >= cutoff:
                    # the two sides' unpaired words add up
                    floor += unpaired_count(other, words, sink - floor, mine)
                if tsr - WORD_PENALTY * floor < cutoff:
                    continue
            score = max(0.0, tsr - WORD_PENALTY * word_gap(key, names[idx]))  # guarded_score
            if score < cutoff:
                continue
            for c in admit(e):
                if c not in seen:
                    seen.add(c)
                    hits.append(Match(e, c, float(score), False))
                    if len(hits) >= limit:
                        kth = sorted((h.score for h in hits), reverse=True)[limit - 1]
        hits.sort(key=lambda m: (-m.score, m.code))
        return hits[:limit]


def _head(code: str) -> str:
    """The group of a code in ``Nomenclature._heads``: "X.XX" for the generic penunjang codes,
    else the code up to its second dot (its bidang, "5.03" of "5.03.02.2.01.0001")."""
    if code.startswith("X.XX"):
        return "X.XX"
    first = code.find(".")
    second = code.find(".", first + 1) if first >= 0 else -1
    return code if second < 0 else code[:second]


def _is_heads(bidang: tuple[str, ...]) -> bool:
    """Every bidang a head of ``_head``'s form (one dot, not the generic one): then the codes
    equal to it or under it are exactly those of its group."""
    return all(b.count(".") == 1 and not b.startswith("X.XX") and _head(b) == b for b in bidang)
