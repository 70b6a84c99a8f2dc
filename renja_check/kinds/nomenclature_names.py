"""Name and edition logic of the nomenclature kind: no findings here, only answers.

* Editions: the corpus knows the SIPD editions 2024, 2025 and 2026 (``Entry.sumber``).
  ``first_edition`` is the first known edition of a code; for years outside
  ``KNOWN_EDITIONS`` the edition of the document is unknown.
* Names: ``same_name`` compares a printed name with an official one after
  ``text.norm_name``. A document that copies an official SIPD typo matches exactly;
  a document that *corrects* such a typo ("Pengelolaan" where SIPD has "Pengeloaan")
  is accepted too: a differing word pair counts as a correction when the official
  word is rare in the whole nomenclature (at most ``RARE`` names) and the printed
  word is common (at least ``COMMON`` names) and close to it.
* ``name_score`` is ``corpus.guarded_score`` after joining words one name writes
  apart and the other together ("Kerja Sama" / "Kerjasama"), which the guard would
  otherwise count as three unpaired words.
* ``word_diff`` marks the words that differ, for messages ("Anggran -> Anggaran").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from ..corpus import Entry, Nomenclature, align_words, guarded_score
from ..text import norm_name

KNOWN_EDITIONS = (2024, 2025, 2026)
RARE, COMMON, CLOSE = 2, 3, 80.0
_LEGACY_RE = re.compile(r"^\d+$")

_freq_cache: dict[int, Counter] = {}


def first_edition(e: Entry) -> Optional[int]:
    """First known edition of a code, None when the corpus cannot say (program/kegiatan)."""
    s = e.sumber
    if "SIPD2024" in s or "=2024lampiran" in s:
        return 2024
    if "SIPD2025-only" in s:
        return 2025
    if "SIPD2026" in s:
        return 2026
    return None


def edition_known(year: Optional[int]) -> bool:
    return year in KNOWN_EDITIONS


def looks_legacy(code: str, nom: Nomenclature) -> bool:
    """A pre-2019 (Permendagri 13/2006) code: its first part is no urusan of the nomenclature."""
    first = (code or "").split(".")[0].strip()
    return bool(first) and nom.get(first) is None and _LEGACY_RE.match(first) is not None


def word_freq(nom: Nomenclature) -> Counter:
    key = id(nom)
    if key not in _freq_cache:
        _freq_cache[key] = nom.word_counts()
    return _freq_cache[key]


def _strip_program(level: str, words: list[str]) -> list[str]:
    return words[1:] if level == "program" and words[:1] == ["program"] else words


def same_name(printed: str, official: str, nom: Nomenclature, level: str = "") -> bool:
    a = _strip_program(level, norm_name(printed).split())
    b = _strip_program(level, norm_name(official).split())
    if a == b:
        return True
    if len(a) != len(b):  # every word must pair with one word of the other (alignment below)
        return False
    freq = word_freq(nom)
    for x, y in align_words(a, b):
        if x == y:
            continue
        # x printed, y official: accepted only as the correction of a rare official word
        if x is None or y is None:
            return False
        if not (freq[y] <= RARE and freq[x] >= COMMON and fuzz.ratio(x, y) >= CLOSE):
            return False
    return True


def _tokens(name: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-/][^\W_]+)*", name or "")


def word_diff(printed: str, official: str) -> list[tuple[Optional[str], Optional[str]]]:
    """Differing words as (printed, official) pairs in reading order; None = word missing."""
    pa, pb = _tokens(printed), _tokens(official)
    la = [norm_name(t) for t in pa]
    lb = [norm_name(t) for t in pb]
    out, i, j = [], 0, 0
    for x, y in align_words(la, lb):
        wx = pa[i] if x is not None else None
        wy = pb[j] if y is not None else None
        i += x is not None
        j += y is not None
        if x != y:
            out.append((wx, wy))
    return out


def render_diff(pairs: list[tuple[Optional[str], Optional[str]]], lang: str = "id") -> str:
    parts = []
    for x, y in pairs:
        if x and y:
            parts.append(f"'{x}' → '{y}'")
        elif y:
            parts.append(("kurang '{}'" if lang == "id" else "missing '{}'").format(y))
        elif x:
            parts.append(("kelebihan '{}'" if lang == "id" else "extra '{}'").format(x))
    return "; ".join(parts) or ("beda tanda baca/huruf" if lang == "id" else "punctuation/case only")


def other_entries(name: str, level: str, code: str, nom: Nomenclature) -> list[Entry]:
    """Official entries of ``level`` whose name is exactly ``name`` but whose code is not ``code``."""
    mine = nom.get(code)
    return [e for e in nom.by_exact_name(name, level) if mine is None or e.code != mine.code]


def _join_split(words: list[str], other: set[str]) -> list[str]:
    """Join adjacent ``words`` whose concatenation is a word of ``other`` (and none of ``words``)."""
    own, out, i = set(words), [], 0
    while i < len(words):
        if i + 1 < len(words) and words[i] + words[i + 1] in other and words[i] + words[i + 1] not in own:
            out.append(words[i] + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=8192)  # pure; two rules score the same listed and official names
def name_score(a: str, b: str) -> float:
    """Guarded similarity of two names, spelling of compound words ("kerja sama") ignored."""
    wa, wb = norm_name(a).split(), norm_name(b).split()
    wb = _join_split(wb, set(wa))
    wa = _join_split(wa, set(wb))
    return guarded_score(" ".join(wa), " ".join(wb))
