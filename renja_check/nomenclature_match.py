"""Word-level scoring of two nomenclature names: alignment, unpaired words, guarded score."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz, process

# Fuzzy name matching. Names are normalised with ``text.norm_name`` (case, spaces,
# punctuation) and scored with ``fuzz.token_sort_ratio`` (0..100). A candidate below
# MATCH_CUTOFF is dropped. The guard: a word of one name with no counterpart in the
# other (no word of the other scores WORD_PAIR_CUTOFF with it, after aligning the two
# word lists) costs WORD_PENALTY points, so "Pengadaan Sarana dan Prasarana Gedung
# Kantor" does not match "Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor"
# while a misspelt word ("Anggran") still pairs with its official spelling.
MATCH_CUTOFF = 85.0
WORD_PAIR_CUTOFF = 75.0
WORD_PENALTY = 15.0


def align_words(a: list[str], b: list[str]) -> list[tuple[Optional[str], Optional[str]]]:
    """Word-level alignment of two names: pairs (a_word, b_word); None marks a missing word.

    Equal words pair; inside a replaced block words pair by position when they score
    ``WORD_PAIR_CUTOFF`` or more (a misspelling), else each stands alone. Memoised: the
    same printed and official names are compared by several rules.
    """
    return list(_align_words(tuple(a), tuple(b)))


@lru_cache(maxsize=4096)
def _align_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[Optional[str], Optional[str]], ...]:
    out: list[tuple[Optional[str], Optional[str]]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(zip(a[i1:i2], b[j1:j2]))
            continue
        xs, ys = a[i1:i2], b[j1:j2]
        for k in range(max(len(xs), len(ys))):
            x = xs[k] if k < len(xs) else None
            y = ys[k] if k < len(ys) else None
            if x and y and fuzz.ratio(x, y) >= WORD_PAIR_CUTOFF:
                out.append((x, y))
            else:
                if x:
                    out.append((x, None))
                if y:
                    out.append((None, y))
    return tuple(out)


# words whose absence does not make another entry ("Tugas Fungsi" is "Tugas dan Fungsi")
FUNCTION_WORDS = frozenset(
    {"dan", "atau", "serta", "bagi", "untuk", "yang", "di", "ke", "dari", "pada", "dengan", "dalam"}
)


def word_gap(a: str, b: str) -> int:
    """Number of content words of two normalised names with no counterpart in the other.

    Function words (``dan``, ``atau`` ...) are not counted: dropping one is a misspelling of
    the same entry, while a missing content word ("Pendukung") makes another entry."""
    return sum(
        1 for x, y in align_words(a.split(), b.split()) if (x is None or y is None) and (x or y) not in FUNCTION_WORDS
    )


def _unpaired_floor(xs: list[str], ys: list[str], stop_at: Optional[int] = None) -> int:
    """Content words of ``xs`` no word of ``ys`` can pair with (absent from ``ys``, none of its
    words scoring WORD_PAIR_CUTOFF): a lower bound of ``word_gap``, cheaper than aligning.
    ``stop_at``: the count is returned once it reaches ``stop_at`` (the caller only asks
    whether it does)."""
    present = set(ys)
    n = 0
    for x in xs:
        if stop_at is not None and n >= stop_at:
            break
        if (
            x not in present
            and x not in FUNCTION_WORDS
            and process.extractOne(x, ys, scorer=fuzz.ratio, score_cutoff=WORD_PAIR_CUTOFF) is None
        ):
            n += 1
    return n


def unpaired_count(xs: list[str], ys: list[str], stop_at: int, memo: dict[str, bool]) -> int:
    """``_unpaired_floor(xs, ys, stop_at)`` with each word's verdict kept in ``memo``, which
    belongs to ``ys`` (the caller keeps one per list of words it asks about)."""
    n = 0
    for x in xs:
        if n >= stop_at:
            break
        alone = memo.get(x)
        if alone is None:
            alone = memo[x] = (
                x not in ys
                and x not in FUNCTION_WORDS
                and process.extractOne(x, ys, scorer=fuzz.ratio, score_cutoff=WORD_PAIR_CUTOFF) is None
            )
        if alone:
            n += 1
    return n


def guarded_score(a: str, b: str) -> float:
    """token_sort_ratio of two normalised names, minus WORD_PENALTY per unpaired word."""
    return max(0.0, fuzz.token_sort_ratio(a, b) - WORD_PENALTY * word_gap(a, b))


def sorted_words(name: str) -> str:
    """The words of a name in sorted order (``fuzz.ratio`` of two of these == ``token_sort_ratio``)."""
    return " ".join(sorted(name.split()))
