"""Text normalisation shared by parsers, the nomenclature and rules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]")
_WS = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(r"-\s+")


def norm_space(text: str) -> str:
    # == _WS.sub(" ", ...).strip(): str.split and \s use the same whitespace (U+00A0 included)
    return " ".join((text or "").split())


@lru_cache(maxsize=65536)
def norm_name(text: str) -> str:
    """Case-, space- and punctuation-insensitive key for names.

    "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya" and
    "pengadaan  sarana dan prasarana gedung kantor, atau bangunan lainnya." give one key.
    Hyphenated line breaks ("Perundang-\\nundangan") are joined first.
    """
    t = unicodedata.normalize("NFKC", text or "")
    t = t.replace("\u00a0", " ").lower()
    if "-" in t:
        t = _HYPHEN_BREAK.sub("-", t)
    return " ".join(_PUNCT.sub(" ", t).split())  # split/join == _WS.sub(" ", ...).strip()
