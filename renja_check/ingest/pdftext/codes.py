"""Reading and resolving the code column of the plan and RKPD tables.

The PDF text often prints codes lossily: ``5 3 1 2.1 2`` keeps urusan (5), bidang
(3), program (1) and the sub kegiatan ordinal (2) but garbles the kegiatan part.
``read_code`` splits a printed code off the start of a line; ``resolve_code`` rebuilds
the full dotted code with the nomenclature as the dictionary: the printed parts and
the parent row (the kegiatan above a sub kegiatan) constrain the candidates, the
printed name picks one. A code printed in full (``5.03.02.2.02.0003``) is kept as
``printed``.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from ...corpus import Entry, Nomenclature, normalize_code, sorted_words
from ...text import norm_name
from ...structs import struct

# a code token: 1-2 digit parts, the last part may have 4 digits ("0003"); a part of
# exactly 3 digits after the first means a thousands-grouped amount, never a code.
_TOKEN_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*(?:\.\d{4})?$")
LOSSY_LEVELS = {1: "urusan", 2: "bidang", 3: "program", 4: "kegiatan", 5: "subkegiatan"}
NAME_CUTOFF = 70.0  # name score needed inside the pool the printed parts allow


@struct(frozen=True)
class PrintedCode:
    raw: str  # as printed, e.g. "5 3 1 2.1 2"
    level: str
    urusan: str
    bidang: Optional[str] = None  # "5.03"
    program: Optional[str] = None  # "5.03.01"
    kegiatan: Optional[str] = None  # "5.03.01.2.05" only when printed in full
    ordinal: Optional[int] = None  # sub kegiatan ordinal (last token)
    full: bool = False  # every part printed (possibly without zero padding)

    @property
    def code(self) -> Optional[str]:
        """The dotted code when nothing was lost in print."""
        if not self.full:
            return None
        if self.level == "subkegiatan":
            return f"{self.kegiatan}.{self.ordinal:04d}"
        return {"urusan": self.urusan, "bidang": self.bidang, "program": self.program, "kegiatan": self.kegiatan}[
            self.level
        ]


@struct(frozen=True)
class Resolution:
    code: Optional[str]
    status: str  # printed | resolved | unresolved
    candidates: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # what in the print disagrees with the chosen code
    conflicts_id: tuple[str, ...] = ()  # the same in Bahasa Indonesia
    official_name: Optional[str] = None
    score: float = 0.0


def _pad(p: str) -> str:
    return f"{int(p):02d}"


def parse_printed(raw: str) -> Optional[PrintedCode]:
    """A printed code (the whole string) -> its parts, or None when it is no code."""
    tokens = raw.split()
    if not tokens or not all(_TOKEN_RE.match(t) for t in tokens):
        return None
    parts = [p for t in tokens for p in t.split(".")]
    u = parts[0]
    if len(u) != 1 or u == "0":
        return None
    padded = len(parts) >= 2 and len(parts[1]) == 2 and (len(parts) < 5 or len(parts[4]) == 2)
    if (len(tokens) == 1 or padded) and len(parts) in (1, 2, 3, 5, 6):
        if len(parts) >= 5 and parts[3] != "2":
            return None
        level = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "subkegiatan"}[len(parts)]
        return _build(raw, level, parts, full=True)
    if len(tokens) == 6 and all(t.isdigit() for t in tokens) and tokens[3] == "2":
        return _build(raw, "subkegiatan", tokens, full=True)
    level = LOSSY_LEVELS.get(len(tokens))
    # lossy print: only the kegiatan part (4th token) may carry dots
    if level is None or not all(t.isdigit() for i, t in enumerate(tokens) if i != 3):
        return None
    return _build(raw, level, tokens, full=level in ("urusan", "bidang", "program"))


def _build(raw: str, level: str, parts: list[str], full: bool) -> PrintedCode:
    u = parts[0]
    bidang = f"{u}.{_pad(parts[1])}" if len(parts) > 1 else None
    program = f"{bidang}.{_pad(parts[2])}" if len(parts) > 2 else None
    kegiatan = f"{program}.2.{_pad(parts[4])}" if full and len(parts) >= 5 else None
    ordinal = int(parts[-1]) if level == "subkegiatan" else None
    return PrintedCode(
        raw=raw, level=level, urusan=u, bidang=bidang, program=program, kegiatan=kegiatan, ordinal=ordinal, full=full
    )


def read_code(text: str) -> tuple[Optional[PrintedCode], str]:
    """Split a printed code off the start of ``text``: (code, rest) or (None, text)."""
    tokens = text.split()
    n = 0
    while n < len(tokens) and n < 6 and _TOKEN_RE.match(tokens[n]):
        n += 1
    while n > 0:
        pc = parse_printed(" ".join(tokens[:n]))
        if pc is not None:
            return pc, " ".join(tokens[n:])
        n -= 1
    return None, text


def concrete(entry_code: str, bidang: Optional[str]) -> str:
    """``X.XX.01...`` (program penunjang) -> under ``bidang``; other codes unchanged."""
    if entry_code.startswith("X.XX") and bidang:
        return bidang + entry_code[4:]
    return entry_code


def pool(
    nomenclature: Nomenclature, level: str, parent: Optional[str], bidang: Optional[str]
) -> list[tuple[str, Entry]]:
    """(concrete code, entry) of ``level`` under ``parent`` (a program or kegiatan code)."""
    if not parent:
        return []
    # kept on the nomenclature like its other indexes (data of the nomenclature, not of a document)
    memo = nomenclature.__dict__.setdefault("_pool_cache", {})
    key = (level, parent, bidang)
    if key not in memo:
        memo[key] = _pool(nomenclature, level, parent, bidang)
    return list(memo[key])


def _pool(nomenclature: Nomenclature, level: str, parent: str, bidang: Optional[str]) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    frontier = [parent]
    while frontier:
        nxt = []
        for code in frontier:
            for e in nomenclature.children(code):
                c = concrete(e.code, bidang)
                if e.level == level:
                    out.append((c, e))
                elif len(c.split(".")) < 6:
                    nxt.append(c)
        frontier = nxt
    return out


def score_name(name: str, official: str) -> float:
    a, b = norm_name(name), norm_name(official)
    return float(min(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b) + 10))


class Officials:
    """Official names prepared once for many ``best_score_in`` calls: normalised, and with
    their words sorted (``fuzz.ratio`` of two word-sorted names == ``token_sort_ratio``)."""

    def __init__(self, officials: Iterable[str]) -> None:
        self.names = [norm_name(o) for o in officials]
        self.sorted = [sorted_words(n) for n in self.names]

    @classmethod
    def of(cls, officials: list[str]) -> "Officials":
        """``Officials(officials)``, made once per process for the same names (the official
        names of one parent are asked for by every row under it)."""
        key = tuple(officials)
        hit = _PREPARED.get(key)
        if hit is None:
            if len(_PREPARED) >= 4096:
                _PREPARED.clear()
            hit = _PREPARED[key] = cls(key)
        return hit


_PREPARED: dict[tuple[str, ...], Officials] = {}


def best_score_in(name: str, officials: Officials) -> float:
    """``max(score_name(name, o) for o in officials)``: the max over the names of
    min(token_sort_ratio, ratio + 10), going down the names by token_sort_ratio (one C call
    for all of them) and stopping once it cannot beat the best."""
    if not officials.names:
        raise ValueError("no official names to score against")
    a = norm_name(name)
    best = None
    for _, tsr, idx in process.extract(sorted_words(a), officials.sorted, scorer=fuzz.ratio, limit=None):
        if best is not None and tsr <= best:
            break
        s = float(min(tsr, fuzz.ratio(a, officials.names[idx]) + 10))
        best = s if best is None else max(best, s)
    return best


def best_in_pool(
    name: str, candidates: Iterable[tuple[str, Entry]], ordinal: Optional[int] = None, cutoff: float = NAME_CUTOFF
) -> list[tuple[float, str, Entry]]:
    """Candidates scoring at least ``cutoff``, best first; the printed ordinal breaks ties."""
    scored = []
    for code, e in candidates:
        s = score_name(name, e.name)
        if s >= cutoff:
            same_ord = ordinal is not None and code.split(".")[-1].isdigit() and int(code.split(".")[-1]) == ordinal
            scored.append((s, same_ord, code, e))
    scored.sort(key=lambda t: (-t[0], not t[1], t[2]))
    return [(s, c, e) for s, _, c, e in scored]


def resolve_code(
    printed: PrintedCode,
    name: str,
    nomenclature: Nomenclature,
    bidang: Iterable[str] = (),
    parent_code: Optional[str] = None,
) -> Resolution:
    """Full code of a row from its printed code, name and parent row.

    ``bidang`` is the PD's bidang list (primary first), used for the program penunjang
    when the print has no bidang. ``parent_code`` is the resolved code of the row above
    in the tree (the program of a kegiatan, the kegiatan of a sub kegiatan).
    """
    bidang = [b for b in bidang if b]
    bid = printed.bidang or (bidang[0] if bidang else None)
    if printed.full:
        code = normalize_code(printed.code or "")
        entry = nomenclature.get(code)
        return Resolution(
            code=code,
            status="printed",
            official_name=entry.name if entry else None,
            conflicts=() if entry else ("code not in the nomenclature",),
            conflicts_id=() if entry else ("kode tidak ada dalam nomenklatur",),
        )
    level = printed.level
    if level == "kegiatan":
        tiers = [pool(nomenclature, "kegiatan", parent_code or printed.program, bid)]
    else:
        parents = [p for p in (parent_code,) if p and len(p.split(".")) == 5]
        tiers = [pool(nomenclature, "subkegiatan", p, bid) for p in parents]
        tiers.append(pool(nomenclature, "subkegiatan", printed.program, bid))
    hits: list[tuple[float, str, Entry]] = []
    for tier in tiers:
        hits = best_in_pool(name, tier, printed.ordinal)
        if hits:
            break
    if not hits:  # anywhere in the PD's bidang (a row under the wrong parent)
        for m in nomenclature.match_name(
            name, level, bidang=[bid] + [b for b in bidang if b != bid] if bid else bidang
        ):
            hits.append((m.score, m.code, m.entry))
        hits = [h for h in hits if h[0] >= 90]
    candidates = tuple(dict.fromkeys(c for _, c, _ in hits[:3]))
    if not hits:
        positional = _positional(printed, parent_code, nomenclature)
        return Resolution(code=None, status="unresolved", candidates=(positional,) if positional else ())
    score, code, entry = hits[0]
    conflicts, conflicts_id = [], []
    if printed.program and not code.startswith(printed.program + "."):
        conflicts.append(f"program {printed.program} printed, the name belongs to {code}")
        conflicts_id.append(f"tercetak program {printed.program}, namanya milik {code}")
    if printed.ordinal is not None and int(code.split(".")[-1]) != printed.ordinal:
        conflicts.append(f"ordinal {printed.ordinal} printed, the name's code ends in {code.split('.')[-1]}")
        conflicts_id.append(f"tercetak nomor urut {printed.ordinal}, kode namanya berakhir {code.split('.')[-1]}")
    if (
        parent_code
        and level == "subkegiatan"
        and len(parent_code.split(".")) == 5
        and not code.startswith(parent_code + ".")
    ):
        conflicts.append(f"under kegiatan {parent_code}, the name belongs to {code}")
        conflicts_id.append(f"di bawah kegiatan {parent_code}, namanya milik {code}")
    return Resolution(
        code=code,
        status="resolved",
        candidates=candidates,
        conflicts=tuple(conflicts),
        conflicts_id=tuple(conflicts_id),
        official_name=entry.name,
        score=score,
    )


def _positional(printed: PrintedCode, parent_code: Optional[str], nomenclature: Nomenclature) -> Optional[str]:
    """The code the row's position and printed ordinal point to, if it exists."""
    if printed.level != "subkegiatan" or not parent_code or printed.ordinal is None:
        return None
    code = f"{parent_code}.{printed.ordinal:04d}"
    return code if nomenclature.get(code) else None
