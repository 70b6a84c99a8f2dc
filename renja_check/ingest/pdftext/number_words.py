"""Numbers written in Indonesian words, as counts are in prose: "tiga (3) program",
"dua belas kegiatan", "tiga puluh tujuh sub kegiatan", "seratus dua".

``WORD`` is a regular expression of one number word; ``value(text)`` is the number the
words say, or None when they are not a number.
"""

from __future__ import annotations

import re
from typing import Optional

UNITS = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
TENS = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
WORD = r"\b(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|belas|puluh|ratus|ribu)\b"


def value(text: str) -> Optional[int]:
    words = re.findall(r"[a-z]+", text.lower())
    if not words:
        return None
    total = cur = unit = 0  # thousands done, this thousand's tens/hundreds, the pending digit
    for w in words:
        if w in UNITS:
            unit = UNITS[w]
        elif w in TENS and w != "seribu":
            cur += TENS[w]
        elif w in ("belas", "puluh", "ratus"):
            cur += (unit or 1) * {"belas": 1, "puluh": 10, "ratus": 100}[w] + (10 if w == "belas" else 0)
            unit = 0
        elif w == "seribu":
            total += 1000
        elif w == "ribu":
            total += ((cur + unit) or 1) * 1000
            cur = unit = 0
        else:
            return None
    return total + cur + unit
