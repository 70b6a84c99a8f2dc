"""Claims in prose: counts ("3 Program, 13 Kegiatan dan 37 Sub Kegiatan"), totals
("Rp 12.345.678.901,-") and table references ("dapat dilihat pada tabel 2.5").

Sentences are joined across line breaks (``sentences``). A count is taken only in an
enumeration of levels or after a prose cue word (``terdapat``, ``usulan`` ...), so that
table cells such as ``5 kegiatan 3 kegiatan`` are not read as claims. Each claim gets
the year it is about (explicit, else carried from the section's previous sentences,
else the plan year), its section, a qualifier (``usulan``, ``perubahan``, ``realisasi``
...) and ``refers_to``: the table it is about, for claims about the plan year.

``parse`` also appends the prose program lists as ``daftar-<section>`` tables to
``tables`` (see ``prose_lists``). Sentences come from ``prose_sentences``.
"""

from __future__ import annotations

import re
from typing import Optional

from ...models import Claim, Table
from ...numbers import parse_money
from .base import ParseContext, Region
from .claim_patterns import (
    DEFAULT_IDS,
    FOLLOWING_KINDS,
    MONEY_RE,
    NUMBER_IDS,
    REF_BELOW_RE,
    REF_NUM_RE,
    YEAR_RE,
    _count,
    _may_claim,
    _qualifier,
    _subject,
    count_runs,
)
from .prose_lists import BAB_LINE_RE, list_tables, prose_lists, sections
from .prose_sentences import Sentence, sentences

__all__ = ["parse", "prose_lists", "sentences"]


class _Reader:
    def __init__(self, ctx: ParseContext, regions: list[Region], tables: list[Table]) -> None:
        self.ctx, self.regions, self.tables = ctx, regions, tables
        self.claims: list[Claim] = []
        self.ids: dict[int, int] = {}
        self._bab_nos: Optional[list[int]] = None  # line numbers of chapter headings

    def new_id(self, line: int) -> str:
        k = self.ids.get(line, 0) + 1
        self.ids[line] = k
        return f"claim:L{line}.{k}"

    # -- which table -----------------------------------------------------------
    def table_by_number(self, number: str, sentence: str) -> Optional[str]:
        ts = [t for t in self.tables if t.number == number]
        if not ts:
            return NUMBER_IDS.get(number)
        if len(ts) > 1 and re.search(r"analisis|kebutuhan", sentence, re.I):
            return next((t.id for t in ts if t.side == "hasil_analisis"), ts[0].id)
        return ts[0].id

    def region_table(self, region: Region) -> Optional[str]:
        first = self.ctx.lines[region.start].no
        last = self.ctx.lines[region.end - 1].no
        for t in self.tables:
            if first <= t.span.line_start <= last:
                return t.id
        return DEFAULT_IDS.get(region.kind)

    def following_table(self, line: int, kinds=FOLLOWING_KINDS) -> Optional[str]:
        for r in sorted(self.regions, key=lambda r: r.start):
            first = self.ctx.lines[r.start].no
            if first <= line:
                continue
            if self._bab_nos is None:
                self._bab_nos = [
                    ln.no for ln in self.ctx.lines if ln.text.startswith("BAB") and BAB_LINE_RE.match(ln.text)
                ]
            if any(line < no < first for no in self._bab_nos):
                return None
            return self.region_table(r) if r.kind in kinds else None
        return None

    # -- claims ----------------------------------------------------------------
    def run(self, sents: list[Sentence]) -> list[Claim]:
        carried: Optional[int] = None
        section = None
        for k, s in enumerate(sents):
            if s.section != section:
                section, carried = s.section, None
            text = s.text
            years = [(m.start(), int(m.group(1))) for m in YEAR_RE.finditer(text)] if "20" in text else []
            if _may_claim(text):  # most sentences hold no claim word: not even asked
                nxt = sents[k + 1] if k + 1 < len(sents) and sents[k + 1].section == s.section else None
                self.sentence(s, years, carried, nxt)
            if years:
                carried = years[-1][1]
        return self.claims

    def year_at(self, pos: int, years: list[tuple[int, int]], carried: Optional[int]) -> Optional[int]:
        before = [y for p, y in years if p < pos]
        if before:
            return before[-1]
        if years:
            return years[0][1]
        return carried if carried is not None else self.ctx.year

    def refers(self, s: Sentence, pos: int, year: Optional[int], nxt: Optional[Sentence]) -> Optional[str]:
        if year is not None and self.ctx.year is not None and year != self.ctx.year:
            return None
        for text in (s.text, nxt.text if nxt is not None else ""):
            m = REF_NUM_RE.search(text)
            if m:
                return self.table_by_number(m.group(1).rstrip("."), s.text)
            if REF_BELOW_RE.search(text):
                return self.following_table(s.line_at(pos), kinds=tuple(DEFAULT_IDS))
        return self.following_table(s.line_at(pos))

    def add(
        self,
        s: Sentence,
        kind: str,
        a: int,
        b: int,
        *,
        subject=None,
        value=None,
        year=None,
        qualifier=None,
        refers_to=None,
    ) -> None:
        first, last = s.line_at(a), s.line_at(max(a, b - 1))
        self.claims.append(
            Claim(
                id=self.new_id(first),
                kind=kind,
                subject=subject,
                value=value,
                raw=s.text[a:b],
                sentence=s.text,
                year=year,
                section=s.section or None,
                qualifier=qualifier,
                refers_to=refers_to,
                span=self.ctx.span(first, last),
            )
        )

    def sentence(self, s: Sentence, years, carried, nxt) -> None:
        text = s.text
        # each pattern needs a word (COUNT_RE "program"/"kegiatan", MONEY_RE "rp", the references
        # "tabel"): on ASCII text, where case folding stays ASCII, a substring test says whether
        # the pattern can match at all
        if not _may_claim(text):
            return
        low = text.lower() if text.isascii() else None
        found: list[tuple[int, int, str, object]] = []  # (start, end, kind, payload)
        if low is None or "program" in low or "kegiatan" in low:
            for run in count_runs(text):
                found.append((run[0].start(), run[-1].end(), "count", run))
        if low is None or "rp" in low:
            for m in MONEY_RE.finditer(text):
                found.append((m.start(), m.end(), "total", m))
        if low is None or "tabel" in low:
            for m in REF_NUM_RE.finditer(text):
                found.append((m.start(), m.end(), "reference", m))
            for m in REF_BELOW_RE.finditer(text):
                found.append((m.start(), m.end(), "reference_below", m))
        found.sort(key=lambda f: f[0])
        prev_end = 0
        for start, end, kind, payload in found:
            year = self.year_at(start, years, carried)
            if kind == "count":
                qual = _qualifier(s, start, prev_end)
                ref = self.refers(s, start, year, nxt)
                for m in payload:
                    self.add(
                        s,
                        "count",
                        m.start(),
                        m.end(),
                        subject=_subject(m.group("subject")),
                        value=_count(m),
                        year=year,
                        qualifier=qual,
                        refers_to=ref,
                    )
            elif kind == "total":
                money = parse_money(payload.group(0), "id")
                self.add(
                    s,
                    "total",
                    start,
                    end,
                    value=money.value,
                    year=year,
                    qualifier=_qualifier(s, start, prev_end),
                    refers_to=self.refers(s, start, year, nxt),
                )
            elif kind == "reference":
                number = payload.group(1).rstrip(".")
                ref = self.table_by_number(number, s.text)
                self.add(s, "reference", start, end, year=year, refers_to=ref)
            else:
                self.add(
                    s,
                    "reference",
                    start,
                    end,
                    year=year,
                    refers_to=self.following_table(s.line_at(start), kinds=tuple(DEFAULT_IDS)),
                )
            prev_end = end


def parse(ctx: ParseContext, regions: list[Region], tables: list[Table], *args) -> list[Claim]:
    """Claims of the document's prose; appends the prose program lists to ``tables``."""
    secs = sections(ctx)
    claims = _Reader(ctx, regions, tables).run(sentences(ctx, secs))
    known = {t.id for t in tables}
    tables.extend(t for t in list_tables(ctx, secs) if t.id not in known)
    return claims
