"""What a claim in prose looks like: the count, money and table-reference patterns, the cue words
before a lone count, the qualifiers and the default table of each region kind, and reading a
match (its figure, its level, its qualifier, the enumerations of counts)."""

from __future__ import annotations

import re
from typing import Optional

from . import number_words
from .prose_sentences import Sentence

# a count: "37 sub kegiatan", "tiga (3) program", "12 (dua belas) kegiatan", "tiga program"
COUNT_RE = re.compile(
    r"(?:(?<![\w.,])(?P<words>(?:%s)(?:\s+(?:%s))*)\s+(?:\(\s*(?P<paren>\d{1,4})\s*\)\s+)?"
    r"|(?<![\d.,])(?P<digits>\d{1,4})\s+(?:\((?:\s*(?:%s))+\s*\)\s+)?)"
    r"(?P<subject>sub\s*-?\s*kegiatan|kegiatan|program)\b" % ((number_words.WORD,) * 3),
    re.I,
)
MONEY_RE = re.compile(r"\bRp\.?\s*\d[\d.,]*\d(?:,-)?", re.I)
REF_NUM_RE = re.compile(r"\btabel\s+(\d+(?:\.\d+)+)", re.I)
REF_BELOW_RE = re.compile(r"\btabel\s+(?:di\s*bawah\s+ini|berikut)|\bdi\s*bawah\s+ini\s+tabel\b", re.I)
YEAR_RE = re.compile(r"(?<![\d–-])(20\d\d)(?!\s*[–-]\s*20\d\d)(?!\d)")
RUN_SEP_RE = re.compile(r"^[\s,]*(?:dan|dengan|serta)?[\s,]*$", re.I)
CUE_RE = re.compile(
    r"\b(terdapat|sebanyak|sejumlah|usulan|menjadi|dengan|dalam|terdiri|terurai|merencanakan|"
    r"direncanakan|ditetapkan|meliputi|yaitu|yakni|mencakup)\b[^.]{0,25}$",
    re.I,
)
QUALIFIERS = [
    ("usulan", r"usulan"),
    ("realisasi", r"(?:te)?realisasi"),
    ("belanja operasi", r"belanja\s+operasi"),
    ("belanja modal", r"belanja\s+modal"),
    ("perubahan", r"perubahan"),
    ("murni", r"murni"),
    ("rancangan awal", r"rancangan\s+awal"),
    ("rancangan akhir", r"rancangan\s+akhir"),
]
INHERITED = {"perubahan", "murni", "rancangan awal", "rancangan akhir"}
FOLLOWING_KINDS = ("review_rkpd", "rencana", "rkpd_akhir")
DEFAULT_IDS = {
    "evaluasi": "T2.1",
    "kinerja_pelayanan": "T2.2",
    "review_rkpd": "T2.5-awal",
    "rencana": "rencana",
    "rkpd_akhir": "rkpd_akhir",
}
NUMBER_IDS = {"2.1": "T2.1", "2.2": "T2.2", "2.5": "T2.5-awal"}
# a sentence without any of these words holds no claim (COUNT_RE, MONEY_RE, REF_*_RE need one)
CLAIM_WORD_RE = re.compile(r"program|kegiatan|rp|tabel|bawah", re.I)
_SUBJECT_GAP_RE = re.compile(r"[\s-]+")


def _may_claim(text: str) -> bool:
    """``CLAIM_WORD_RE.search(text)``: on ASCII text (case folding stays ASCII there) a
    lower-case substring test, much faster than the case-insensitive pattern."""
    if not text.isascii():
        return CLAIM_WORD_RE.search(text) is not None
    low = text.lower()
    return "rp" in low or "program" in low or "kegiatan" in low or "tabel" in low or "bawah" in low


def _qualifier(s: Sentence, start: int, window_start: int) -> Optional[str]:
    def nearest(chunk: str, names) -> Optional[str]:
        best = None
        for name, pat in QUALIFIERS:
            if name not in names:
                continue
            for m in re.finditer(pat, chunk, re.I):
                if best is None or m.start() > best[0]:
                    best = (m.start(), name)
        return best[1] if best else None

    names = {n for n, _ in QUALIFIERS}
    return nearest(s.text[window_start:start], names) or nearest(s.text[:start], INHERITED)


def count_runs(text: str) -> list[list[re.Match]]:
    """Enumerations "3 program, 13 kegiatan dan 30 sub kegiatan"; a lone count only
    after a cue word."""
    runs: list[list[re.Match]] = []
    for m in COUNT_RE.finditer(text):
        if runs and RUN_SEP_RE.match(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    keep = []
    for run in runs:
        subjects = {_subject(m.group("subject")) for m in run}
        cue = CUE_RE.search(text[max(0, run[0].start() - 40) : run[0].start()])
        if len(subjects) >= 2 or cue:
            keep.append(run)
    return keep


def _count(m: re.Match) -> int:
    """The printed figure ("(3)", "37"), else the number written in words."""
    if m.group("paren") or m.group("digits"):
        return int(m.group("paren") or m.group("digits"))
    return number_words.value(m.group("words")) or 0


def _subject(word: str) -> str:
    w = _SUBJECT_GAP_RE.sub("", word.lower())
    return "subkegiatan" if w.startswith("sub") else w
