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


# ASCII text in one pass: upper case to lower, and what _PUNCT matches ([^\w\s]) to a space
_ASCII_NORM = bytes(
    c + 32 if 65 <= c <= 90 else 32 if c < 128 and not (chr(c).isalnum() or c == 95 or chr(c).isspace()) else c
    for c in range(256)
)


@lru_cache(maxsize=65536)
def norm_name(text: str) -> str:
    """Case-, space- and punctuation-insensitive key for names.

    "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya" and
    "pengadaan  sarana dan prasarana gedung kantor, atau bangunan lainnya." give one key.
    Hyphenated line breaks ("Perundang-\\nundangan") are joined first.
    """
    if text and text.isascii():
        # NFKC, U+00A0 and case folding leave ASCII as it is but for the case; a hyphen's
        # following spaces fold into the space the hyphen becomes: the same key, twice as fast
        return " ".join(text.encode().translate(_ASCII_NORM).decode().split())
    t = unicodedata.normalize("NFKC", text or "")
    t = t.replace("\u00a0", " ").lower()
    if "-" in t:
        t = _HYPHEN_BREAK.sub("-", t)
    return " ".join(_PUNCT.sub(" ", t).split())  # split/join == _WS.sub(" ", ...).strip()
