"""Document identity in prose: the plan year the text states and the Renstra period it quotes.

Claims of kind ``plan_year`` ("Rencana Kerja (RENJA) Tahun 2023", a running header
"RENJA BKPSDM TH. 2023"; ``value`` = the year, or the first year of a range such as
"rencana kerja Tahun 2021-2022" with ``year`` = its last year) and ``period`` ("Renstra
... Tahun 2021-2026": ``value`` = first year, ``year`` = last year). Mentions about the
past (evaluasi, realisasi, capaian, pelaksanaan ... before the match) are not the plan
year and are left out, and so are the "Rencana Kerja (dan) Anggaran" (RKA, another document). ``section`` says where: ``judul`` (before the foreword),
``kata pengantar``, or ``teks``. Two adjacent lines are read together, so a phrase wrapped
over a line break is found once.
"""

from __future__ import annotations

import re

from ...models import Claim
from .base import ParseContext

_PLAN_RE = re.compile(
    r"\b(?:RENCANA\s+KERJA|RENJA)\b(?!\s+PEMERINTAH)(?!\s+(?:DAN\s+)?ANGGARAN)[^.;:]{0,60}?\b(?:TAHUN|TH\.?)\s*"
    r"(20\d\d)(?:\s*[-–]\s*(20\d\d))?(?!\d)",
    re.I,
)
_PERIOD_RE = re.compile(
    r"\b(?:RENSTRA|RENCANA\s+STRATEG\w*|RENACAN\s+STRATEG\w*)\b[^.;]{0,80}?\b(20\d\d)\s*[-–/]\s*(20\d\d)(?!\d)", re.I
)
# words that make a year a past one (the evaluated year, a realisation), not the plan year
_PAST_RE = re.compile(r"\b(evaluasi|realisasi|capaian|pelaksanaan|hasil|review|reviu|lalu|sebelumnya|target)\b", re.I)
_FOREWORD_RE = re.compile(r"^\s*KATA\s+PENGANTAR\b", re.I)
_AFTER_FOREWORD_RE = re.compile(r"^\s*(DAFTAR\s+ISI|BAB\s+I\b)", re.I)


def identity_claims(ctx: ParseContext) -> list[Claim]:
    lines = ctx.lines
    start = next((i for i, ln in enumerate(lines) if _FOREWORD_RE.match(ln.text)), None)
    end = next(
        (i for i, ln in enumerate(lines) if start is not None and i > start and _AFTER_FOREWORD_RE.match(ln.text)), None
    )
    out: list[Claim] = []
    seen: set[tuple[str, int, int]] = set()  # (kind, first year, line) already claimed
    for i, ln in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if "20" not in ln.text and "20" not in nxt:  # both patterns hold a year 20xx: no need to run them
            continue
        # both patterns open with "ren" (RENCANA, RENJA, RENSTRA, RENACAN) and a match kept starts
        # on this line: on ASCII text (case folding stays ASCII there) a substring test says
        # whether one can
        if ln.text.isascii() and "ren" not in ln.text.lower():
            continue
        text = f"{ln.text} {nxt}".strip()
        cut = len(ln.text)
        section = (
            "judul"
            if start is not None and i < start
            else "kata pengantar"
            if start is not None and i >= start and (end is None or i < end)
            else "teks"
        )
        for kind, pat in (("plan_year", _PLAN_RE), ("period", _PERIOD_RE)):
            for m in pat.finditer(text):
                if m.start() >= cut:  # starts on the next line: found there
                    continue
                if kind == "plan_year" and _PAST_RE.search(text[max(0, m.start() - 60) : m.start()] + m.group(0)):
                    continue
                first = int(m.group(1))
                last = int(m.group(2)) if m.group(2) else None
                key = (kind, first, ln.no)
                if key in seen:
                    continue
                seen.add(key)
                last_line = lines[i + 1].no if m.end() > cut + 1 and i + 1 < len(lines) else ln.no
                seen.add((kind, first, last_line))  # the wrapped rest is not a mention of its own
                out.append(
                    Claim(
                        id=f"identity:L{ln.no}.{len(out) + 1}",
                        kind=kind,
                        value=first,
                        year=last if kind == "period" else (last or first),
                        raw=" ".join(m.group(0).split()),
                        sentence=" ".join(text.split()),
                        section=section,
                        span=ctx.span(ln.no, last_line),
                    )
                )
    return out
