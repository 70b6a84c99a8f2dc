"""Normalising cell texts before comparing them across tables."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from rapidfuzz import fuzz

from ..models import Indicator, Node, Quantity
from ..text import norm_name

# sumber dana: long names and their usual abbreviations, one key each
_FUNDS = {
    "pendapatan asli daerah": "pad",
    "pad": "pad",
    "dana alokasi umum": "dau",
    "dau": "dau",
    "dana alokasi khusus": "dak",
    "dak": "dak",
    "dana bagi hasil": "dbh",
    "dbh": "dbh",
    "dana insentif daerah": "did",
    "did": "did",
    "bantuan keuangan provinsi": "bankeu",
    "bankeu": "bankeu",
    "anggaran pendapatan dan belanja daerah": "apbd",
    "apbd": "apbd",
    "anggaran pendapatan dan belanja negara": "apbn",
    "apbn": "apbn",
}
BLANK = {"", "-", "--", "0"}


def blank(text: Optional[str]) -> bool:
    return text is None or norm_name(text) in BLANK or (text or "").strip() in BLANK


def funds_key(text: str) -> frozenset[str]:
    """'PENDAPATAN ASLI DAERAH (PAD)' and 'PAD' -> {'pad'}."""
    t = norm_name(text)
    found = set()
    for name, key in sorted(_FUNDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(name)}\b", t):
            found.add(key)
            t = re.sub(rf"\b{re.escape(name)}\b", " ", t)
    rest = " ".join(t.split())
    if rest:
        found.add(rest)
    return frozenset(found)


def same_funds(a: str, b: str) -> bool:
    return funds_key(a) == funds_key(b)


# words that say what kind of place a name is, not which place
_PLACE_WORDS = {
    "kota",
    "kabupaten",
    "kab",
    "kecamatan",
    "kec",
    "kelurahan",
    "kel",
    "desa",
    "provinsi",
    "seluruh",
    "se",
    "di",
    "dan",
    "wilayah",
    "daerah",
}


def same_place(a: str, b: str, cutoff: float) -> bool:
    """One place written two ways, or places of different granularity that share a name
    ("Badan Kota X" and "Kota X, X Selatan"); "Kecamatan Utara" and "Kecamatan Selatan" differ."""
    x, y = norm_name(a), norm_name(b)
    if x == y or fuzz.token_set_ratio(x, y) >= cutoff:
        return True
    wx = set(x.split()) - _PLACE_WORDS
    wy = set(y.split()) - _PLACE_WORDS
    return bool(wx & wy)


def same_value(field: str, a: str, b: str, cutoff: float) -> bool:
    """Two cells of a text column (``lokasi``: one place; ``sumber_dana``: the same funds)."""
    return same_place(a, b, cutoff) if field == "lokasi" else same_funds(a, b)


def same_text(a: str, b: str, cutoff: float) -> bool:
    x, y = norm_name(a), norm_name(b)
    return x == y or fuzz.token_sort_ratio(x, y) >= cutoff


def pair_indicators(a: Node, b: Node) -> list[tuple[Indicator, Indicator]]:
    """Indicators of the same node in two tables, paired: one-to-one, else by text, else by order."""
    ia, ib = a.indicators, b.indicators
    if not ia or not ib:
        return []
    if len(ia) == 1 and len(ib) == 1:
        return [(ia[0], ib[0])]
    pairs, used = [], set()
    for x in ia:
        best = max(
            (
                (fuzz.token_sort_ratio(norm_name(x.text), norm_name(y.text)), j)
                for j, y in enumerate(ib)
                if j not in used
            ),
            default=None,
        )
        if best and best[0] >= 80:
            pairs.append((x, ib[best[1]]))
            used.add(best[1])
    if not pairs and len(ia) == len(ib):
        pairs = list(zip(ia, ib))
    return pairs


def target_differences(
    a: Node, b: Node, years: Optional[Iterable[str]] = None, units: bool = False
) -> Iterator[tuple[Indicator, str, Quantity, Quantity, str]]:
    """``(indicator of a, year, a's target, b's target, what)`` for each target of two copies of
    a node that disagrees: ``what`` is "value" (both values read and different) or, with
    ``units``, "unit" (values equal or unread, units written differently). Indicators are
    paired by ``pair_indicators``; ``years`` limits the years (default: every year both have);
    only targets read as "ok" on both sides are compared. Callers frame the finding (which
    side is expected) themselves."""
    wanted = None if years is None else list(years)
    for ia, ib in pair_indicators(a, b):
        for year in wanted if wanted is not None else [y for y in ia.targets if y in ib.targets]:
            qa, qb = ia.targets.get(year), ib.targets.get(year)
            if qa is None or qb is None or qa.status != "ok" or qb.status != "ok":
                continue
            if qa.value is not None and qb.value is not None and qa.value != qb.value:
                yield ia, year, qa, qb, "value"
            elif units and unit_key(qa.unit) and unit_key(qb.unit) and unit_key(qa.unit) != unit_key(qb.unit):
                yield ia, year, qa, qb, "unit"


def number_difference(found: Optional[Decimal], expected: Optional[Decimal]) -> Optional[int]:
    """``found - expected`` as the finding's ``difference`` (README "Message contract"): an
    integer when it is a whole number, else None (the exact values stay in expected/found)."""
    if found is None or expected is None:
        return None
    diff = found - expected
    return int(diff) if diff == int(diff) else None


@lru_cache(maxsize=4096)  # a few units, asked for every cell of every table by several rules
def unit_key(unit: Optional[str]) -> Optional[str]:
    """'Orang' == 'orang' == 'orang.'; 'orang/bulan' stays distinct from 'orang'."""
    if not unit:
        return None
    t = unit.replace("\u00a0", " ").strip().lower()
    t = re.sub(r"\s*/\s*", "/", t)
    t = re.sub(r"[.,;:]+$", "", t)
    t = re.sub(r"\s+", " ", t)
    if t in ("%", "persen", "prosen", "persentase"):
        return "%"
    return t or None
