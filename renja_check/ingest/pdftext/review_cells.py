"""Tabel 2.5: one copy's text -> name, lokasi, indicator.

Before its ``<target> <pagu>`` a copy prints its name, its lokasi and its indicator,
cut into lines at the column width, with nothing to mark where one cell ends. The
name is found with the nomenclature as dictionary (the word prefix that best matches
an official sub kegiatan name); the indicator starts at an indicator word
(``Jumlah``, ``Persentase`` ...) or a ``-`` bullet; the lokasi is what sits between.
"""

from __future__ import annotations

from dataclasses import field
from typing import Optional

from ...corpus import Match, Nomenclature
from ...text import norm_name
from .codes import score_name
from ...structs import struct

INDICATOR_WORDS = {
    "jumlah",
    "persentase",
    "prosentase",
    "presentase",
    "indeks",
    "rasio",
    "tingkat",
    "nilai",
    "cakupan",
    "angka",
    "proporsi",
    "rata-rata",
    "rerata",
    "banyaknya",
    "capaian",
    "luas",
    "panjang",
    "lama",
    "predikat",
    "skor",
    "opini",
    "kapasitas",
    "frekuensi",
    "terlaksananya",
    "tersedianya",
    "tercapainya",
    "meningkatnya",
    "-",
    "•",
    "–",
}
NAME_CONFIDENT = 85.0


@struct(frozen=True)
class Tok:
    text: str
    line: int
    line_start: bool


@struct
class Cells:
    name: str
    name_score: float
    name_last: int  # line of the name's last word
    lokasi: Optional[str]
    indicator: Optional[str]
    indicator_first: Optional[int]
    matches: list[Match] = field(default_factory=list)
    name_prefix: int = 0  # words of the best official-name prefix (``best_prefix``), before any fallback


def tokenize(parts: list[tuple[int, str]]) -> list[Tok]:
    toks: list[Tok] = []
    for no, text in parts:
        for k, w in enumerate(text.split()):
            toks.append(Tok(w, no, k == 0))
    return toks


def join(toks: list[Tok]) -> str:
    """Words back to text; a word cut by a hyphen at a line end is rejoined."""
    out = ""
    for t in toks:
        if out and not (t.line_start and out.endswith("-") and t.text[:1].islower()):
            out += " "
        out += t.text
    return out


def prefixes(toks: list[Tok]) -> list[str]:
    """``[join(toks[:w]) for w in range(len(toks) + 1)]`` in one pass (each prefix is the one
    before it plus a word)."""
    out = [""]
    cur = ""
    for t in toks:
        if cur and not (t.line_start and cur.endswith("-") and t.text[:1].islower()):
            cur += " "
        cur += t.text
        out.append(cur)
    return out


def _is_indicator_start(t: Tok, mid_line: bool) -> bool:
    w = t.text.lower().strip(":")
    if w not in INDICATOR_WORDS:
        return False
    if t.line_start:
        return True
    return mid_line and t.text[:1].isupper()


def _candidates(
    toks: list[Tok], nomen: Nomenclature, bidang: list[str], heads: Optional[list[str]] = None
) -> dict[str, Match]:
    """Official names worth scoring: matches of every line-boundary prefix. ``heads``:
    ``prefixes(toks)`` when the caller has them."""
    heads = prefixes(toks) if heads is None else heads
    cands: dict[str, Match] = {}
    ends = [k for k in range(1, len(toks) + 1) if k == len(toks) or toks[k].line_start]
    for k in ends[:8]:
        for m in nomen.match_name(heads[k], "subkegiatan", bidang=bidang, limit=5, cutoff=60):
            cands.setdefault(m.code, m)
    return cands


def best_prefix(toks: list[Tok], nomen: Nomenclature, bidang: list[str]) -> tuple[int, float]:
    """(number of words, score) of the prefix that best matches an official name."""
    best = (0, 0.0)
    if not toks:
        return best
    heads = prefixes(toks)
    for m in _candidates(toks, nomen, bidang, heads).values():
        official = m.entry.name
        n_off = len(official.split())
        for w in range(max(1, n_off - 6), min(len(toks), n_off + 6) + 1):
            s = score_name(heads[w], official)
            if s > best[1] or (s == best[1] and w > best[0]):
                best = (w, s)
    return best


def _lokasi_prefix(toks: list[Tok], known: list[str]) -> int:
    """Words at the start of ``toks`` that spell a lokasi already seen in the table."""
    for lok in sorted(known, key=len, reverse=True):
        n = len(lok.split())
        if n <= len(toks) and norm_name(join(toks[:n])) == norm_name(lok):
            return n
    return 0


def split_cells(
    parts: list[tuple[int, str]],
    nomen: Nomenclature,
    bidang: list[str],
    known_lokasi: list[str],
    prefix: Optional[tuple[int, float]] = None,
) -> Cells:
    """``prefix``: ``best_prefix`` of these parts when the caller has it (it does not depend
    on ``known_lokasi``)."""
    toks = tokenize(parts)
    if not toks:
        return Cells(name="", name_score=0.0, name_last=0, lokasi=None, indicator=None, indicator_first=None)
    w, score = best_prefix(toks, nomen, bidang) if prefix is None else prefix
    name_prefix = w
    if score < NAME_CONFIDENT:
        w = _fallback_name_end(toks, known_lokasi)
    name_toks, rest = toks[:w], toks[w:]
    # the indicator: first indicator word at a line start, else a capitalised one mid-line
    k = next((i for i, t in enumerate(rest) if _is_indicator_start(t, False)), None)
    if k is None:
        k = next((i for i, t in enumerate(rest) if _is_indicator_start(t, True)), None)
    if k is None:
        n = _lokasi_prefix(rest, known_lokasi)
        if n:
            k = n
        elif rest and len({t.line for t in rest}) > 1:
            first_line = rest[0].line
            k = next(i for i, t in enumerate(rest) if t.line != first_line)
        else:
            k = 0
    lok_toks, ind_toks = rest[:k], rest[k:]
    if ind_toks and ind_toks[0].text in ("-", "•", "–") and len(ind_toks) > 1:
        ind_toks = ind_toks[1:]  # a bullet, not part of the indicator
    name = join(name_toks)
    matches = nomen.match_name(name, "subkegiatan", bidang=bidang, limit=5) if name else []
    return Cells(
        name=name,
        name_score=score,
        name_last=name_toks[-1].line if name_toks else toks[0].line,
        lokasi=join(lok_toks) or None,
        indicator=join(ind_toks) or None,
        indicator_first=ind_toks[0].line if ind_toks else None,
        matches=matches,
        name_prefix=name_prefix,
    )


def _fallback_name_end(toks: list[Tok], known_lokasi: list[str]) -> int:
    """Where the name ends when no official name fits: before a known lokasi, or after
    the first line."""
    for start in range(1, len(toks)):
        if _lokasi_prefix(toks[start:], known_lokasi):
            return start
    first_line = toks[0].line
    ind = next((i for i, t in enumerate(toks) if i and _is_indicator_start(t, False)), len(toks))
    n_first = sum(1 for t in toks if t.line == first_line)
    return min(n_first, ind) if ind > 1 else n_first
