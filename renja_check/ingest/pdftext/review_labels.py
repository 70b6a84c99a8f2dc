"""Tabel 2.5 page labels: the program and kegiatan names printed after a page's rows.

The label lines of a page come in no useful order, both sides' copies of a label may
be glued into one line (``...Pemerintah DaerahPengadaan Barang...``), and the column
header words are mixed in. ``label_texts`` cleans the pool; ``best_label`` pairs an
official name (from the nomenclature, via the sub kegiatan codes) with the printed
label that matches it best.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from rapidfuzz import fuzz

from ...text import norm_name

HEADER_WORDS = {
    "lokasi",
    "indikator",
    "kinerja",
    "target",
    "capaian",
    "pagu",
    "indikatif",
    "catatan",
    "penting",
    "no",
    "program",
    "kegiatan",
    "sub",
    "rancangan",
    "awal",
    "akhir",
    "rkpd",
    "hasil",
    "analisis",
    "kebutuhan",
    "tabel",
    "review",
    "terhadap",
    "tahun",
    "urusan",
    "bidang",
    "dan",
}
_DIGITS_RE = re.compile(r"^[\d\s.]+$")
_WORD_SPLIT_RE = re.compile(r"[\s/.,]+")
_PROGRAM_RE = re.compile(r"^PROGRAM\b", re.I)


def split_double(text: str) -> list[str]:
    """``"X YX Y"`` / ``"X Y X Y"`` (both sides' copy of one label) -> ``["X Y", "X Y"]``."""
    n = len(text)
    best: Optional[tuple[float, int]] = None
    for p in range(max(1, n // 2 - 12), min(n - 1, n // 2 + 12)):
        boundary = text[p - 1] == " " or text[p] == " " or (text[p - 1].islower() and text[p].isupper())
        if not boundary:
            continue
        a, b = text[:p].strip(), text[p:].strip()
        if len(a) < 6 or len(b) < 6:
            continue
        s = fuzz.ratio(norm_name(a), norm_name(b))
        if s >= 90 and (best is None or s > best[0]):
            best = (s, p)
    if best is None:
        return [text]
    return [text[: best[1]].strip(), text[best[1] :].strip()]


def is_header(text: str) -> bool:
    """Column header words, column numbers, page numbers."""
    if _DIGITS_RE.match(text):
        return True
    words = [w for w in _WORD_SPLIT_RE.split(text.lower()) if w]
    return bool(words) and all(w in HEADER_WORDS for w in words)


def is_label_like(text: str) -> bool:
    """A line that belongs to the page-label block rather than to a catatan cell."""
    if is_header(text):
        return True
    if _PROGRAM_RE.match(text):
        return True
    parts = split_double(text)
    if len(parts) == 2:
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def label_texts(pool: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """The pool without header lines, glued double labels split."""
    out = []
    for no, text in pool:
        if is_header(text):
            continue
        for part in split_double(text):
            out.append((no, part))
    return out


def label_score(label: str, official: str) -> float:
    a, b = norm_name(label), norm_name(official)
    return float(max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b)))


def best_label(
    official: str, labels: list[tuple[int, str]], near: int, cutoff: float, level: str
) -> Optional[tuple[int, str]]:
    """The printed label of ``official``; ties go to the label nearest after line ``near``."""
    best = None
    for no, text in labels:
        if level == "program" and not _PROGRAM_RE.match(text):
            continue
        if level == "kegiatan" and _PROGRAM_RE.match(text):
            continue
        s = label_score(text, official)
        if s < cutoff:
            continue
        dist = no - near if no >= near else 10**6 + near - no
        key = (s, -dist)
        if best is None or key > best[0]:
            best = (key, (no, text))
    return best[1] if best else None
