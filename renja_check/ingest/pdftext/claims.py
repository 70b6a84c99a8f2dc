"""Claims in prose: counts ("3 Program, 13 Kegiatan dan 37 Sub Kegiatan"), totals
("Rp 12.345.678.901,-") and table references ("dapat dilihat pada tabel 2.5").

Sentences are joined across line breaks (``sentences``). A count is taken only in an
enumeration of levels or after a prose cue word (``terdapat``, ``usulan`` ...), so that
table cells such as ``5 kegiatan 3 kegiatan`` are not read as claims. Each claim gets
the year it is about (explicit, else carried from the section's previous sentences,
else the plan year), its section, a qualifier (``usulan``, ``perubahan``, ``realisasi``
...) and ``refers_to``: the table it is about, for claims about the plan year.

``parse`` also appends the prose program lists as ``daftar-<section>`` tables to
``tables`` (see ``prose_lists``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...models import Claim, Table
from ...numbers import parse_money
from .base import ParseContext, Region, TABLE_TITLES
from .prose_lists import BAB_LINE_RE, CONNECTOR_END_RE, HEADING_RE, ITEM_RE, list_tables, prose_lists, sections
from .review_rows import FOOTER_RE

__all__ = ["parse", "prose_lists", "sentences"]

COUNT_RE = re.compile(r"(?<![\d.,])(\d{1,4})\s+(sub\s*-?\s*kegiatan|kegiatan|program)\b", re.I)
MONEY_RE = re.compile(r"\bRp\.?\s*\d[\d.,]*\d(?:,-)?", re.I)
TITLE_RE = re.compile(r"^TABEL\s+\d+(?:\.\d+)*\b")  # a title (upper case), not a reference
REF_NUM_RE = re.compile(r"\btabel\s+(\d+(?:\.\d+)+)", re.I)
REF_BELOW_RE = re.compile(r"\btabel\s+(?:di\s*bawah\s+ini|berikut)|\bdi\s*bawah\s+ini\s+tabel\b", re.I)
YEAR_RE = re.compile(r"(?<![\d–-])(20\d\d)(?!\s*[–-]\s*20\d\d)(?!\d)")
RUN_SEP_RE = re.compile(r"^[\s,]*(?:dan|dengan|serta)?[\s,]*$", re.I)
CUE_RE = re.compile(r"\b(terdapat|sebanyak|sejumlah|usulan|menjadi|dengan|dalam|terdiri|terurai|merencanakan|"
                    r"direncanakan|ditetapkan|meliputi|yaitu|yakni|mencakup)\b[^.]{0,25}$", re.I)
QUALIFIERS = [("usulan", r"usulan"), ("realisasi", r"(?:te)?realisasi"), ("belanja operasi", r"belanja\s+operasi"),
              ("belanja modal", r"belanja\s+modal"), ("perubahan", r"perubahan"), ("murni", r"murni"),
              ("rancangan awal", r"rancangan\s+awal"), ("rancangan akhir", r"rancangan\s+akhir")]
INHERITED = {"perubahan", "murni", "rancangan awal", "rancangan akhir"}
ABBREV_RE = re.compile(r"(?:\b(?:Rp|No|Th|Tgl|dll|dsb|dkk|Kab|Kec|Jl|Dr|Ir|H|St)|\b[A-Za-z])\.$")
FOLLOWING_KINDS = ("review_rkpd", "rencana", "rkpd_akhir")
DEFAULT_IDS = {"evaluasi": "T2.1", "kinerja_pelayanan": "T2.2", "review_rkpd": "T2.5-awal",
               "rencana": "rencana", "rkpd_akhir": "rkpd_akhir"}
NUMBER_IDS = {"2.1": "T2.1", "2.2": "T2.2", "2.5": "T2.5-awal"}
PAGE_NO_RE = re.compile(r"^\d{1,3}$")
SENTENCE_END_RE = re.compile(r"[.!?:](?=\s+[A-Z(])")
LINE_END_PUNCT_RE = re.compile(r"[.,;:-]$")
# what _skip drops (footers, page numbers, table titles) as one pattern per flag set: one scan
# per line instead of one per pattern
_SKIP_PATTERNS = [FOOTER_RE, PAGE_NO_RE, TITLE_RE] + [p for _, p in TABLE_TITLES]
_SKIP_ANY = [re.compile("|".join(f"(?:{p.pattern})" for p in _SKIP_PATTERNS if p.flags == f), f)
             for f in {p.flags for p in _SKIP_PATTERNS}]
# a sentence without any of these words holds no claim (COUNT_RE, MONEY_RE, REF_*_RE need one)
CLAIM_WORD_RE = re.compile(r"program|kegiatan|rp|tabel|bawah", re.I)
_ASCII_NON_ALPHA = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_LOWER = bytes(c for c in range(128) if chr(c).islower())


@dataclass
class Sentence:
    text: str
    offsets: list[tuple[int, int]]  # (char offset where a line starts, line number)
    section: str
    index: int  # index in ctx.lines of the first line

    def line_at(self, pos: int) -> int:
        no = self.offsets[0][1]
        for off, n in self.offsets:
            if off > pos:
                break
            no = n
        return no


def _skip(text: str) -> bool:
    """Running footers, page numbers, table titles."""
    return any(p.match(text) for p in _SKIP_ANY)


def _mostly_upper(text: str) -> bool:
    """At least 3 letters, more than 90% of them upper case."""
    if text.isascii():  # fast path, same count
        letters = text.encode().translate(None, _ASCII_NON_ALPHA)
        n = len(letters)
        return n >= 3 and len(letters.translate(None, _ASCII_LOWER)) / n > 0.9
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _standalone(text: str, nxt: Optional[str]) -> bool:
    """A heading or title line: its own sentence, never glued to the prose around it."""
    if BAB_LINE_RE.match(text) or HEADING_RE.match(text):
        return True
    if _mostly_upper(text):
        return True
    # a short line closing without punctuation, the next line starting a new sentence
    return (len(text) < 45 and bool(nxt) and nxt[:1].isupper()  # cheap tests first
            and not LINE_END_PUNCT_RE.search(text) and not CONNECTOR_END_RE.search(text))


def sentences(ctx: ParseContext, secs: Optional[list[str]] = None) -> list[Sentence]:
    """Prose sentences, joined across line breaks; blocks break at headings and list items.
    ``secs``: ``sections(ctx)`` when the caller has it already."""
    secs = sections(ctx) if secs is None else secs
    out: list[Sentence] = []
    block: list[int] = []

    def flush() -> None:
        if block:
            out.extend(_split_block(ctx, block, secs[block[0]]))
            block.clear()

    keep = [i for i, ln in enumerate(ctx.lines) if not _skip(ln.text)]
    for k, i in enumerate(keep):
        t = ctx.lines[i].text
        nxt = ctx.lines[keep[k + 1]].text if k + 1 < len(keep) else None
        if _standalone(t, nxt):
            flush()
            block.append(i)
            flush()
            continue
        if ITEM_RE.match(t):
            flush()
        block.append(i)
    flush()
    return out


def _split_block(ctx: ParseContext, idx: list[int], section: str) -> list[Sentence]:
    if len(idx) == 1:  # most blocks: one line
        ln = ctx.lines[idx[0]]
        text, offsets = ln.text, [(0, ln.no)]
    else:
        text, offsets = "", []
        for i in idx:
            t = ctx.lines[i].text
            if text:
                text += "" if text.endswith("-") and t[:1].islower() else " "
            offsets.append((len(text), ctx.lines[i].no))
            text += t
    out, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        if ABBREV_RE.search(text[start:m.end()]) and not text[start:m.end()].endswith("-."):
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    result = []
    for a, b in out:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        a += lead
        seg = text[a:b].rstrip()
        if not seg:
            continue
        if len(offsets) == 1:
            result.append(Sentence(seg, [(0, offsets[0][1])], section, idx[0]))
            continue
        first_line = max((no for off, no in offsets if off <= a), default=offsets[0][1])
        offs = [(0, first_line)] + [(off - a, no) for off, no in offsets if a < off < b]
        result.append(Sentence(seg, offs, section, idx[0]))
    return result


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
                self._bab_nos = [ln.no for ln in self.ctx.lines if BAB_LINE_RE.match(ln.text)]
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
            years = [(m.start(), int(m.group(1))) for m in YEAR_RE.finditer(s.text)] if "20" in s.text else []
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

    def add(self, s: Sentence, kind: str, a: int, b: int, *, subject=None, value=None, year=None,
            qualifier=None, refers_to=None) -> None:
        first, last = s.line_at(a), s.line_at(max(a, b - 1))
        self.claims.append(Claim(
            id=self.new_id(first), kind=kind, subject=subject, value=value, raw=s.text[a:b],
            sentence=s.text, year=year, section=s.section or None, qualifier=qualifier,
            refers_to=refers_to, span=self.ctx.span(first, last)))

    def sentence(self, s: Sentence, years, carried, nxt) -> None:
        if not CLAIM_WORD_RE.search(s.text):
            return
        found: list[tuple[int, int, str, object]] = []  # (start, end, kind, payload)
        runs = self.count_runs(s.text)
        for run in runs:
            found.append((run[0].start(), run[-1].end(), "count", run))
        for m in MONEY_RE.finditer(s.text):
            found.append((m.start(), m.end(), "total", m))
        for m in REF_NUM_RE.finditer(s.text):
            found.append((m.start(), m.end(), "reference", m))
        for m in REF_BELOW_RE.finditer(s.text):
            found.append((m.start(), m.end(), "reference_below", m))
        found.sort(key=lambda f: f[0])
        prev_end = 0
        for start, end, kind, payload in found:
            year = self.year_at(start, years, carried)
            if kind == "count":
                qual = _qualifier(s, start, prev_end)
                ref = self.refers(s, start, year, nxt)
                for m in payload:
                    self.add(s, "count", m.start(), m.end(), subject=_subject(m.group(2)),
                             value=int(m.group(1)), year=year, qualifier=qual, refers_to=ref)
            elif kind == "total":
                money = parse_money(payload.group(0), "id")
                self.add(s, "total", start, end, value=money.value, year=year,
                         qualifier=_qualifier(s, start, prev_end), refers_to=self.refers(s, start, year, nxt))
            elif kind == "reference":
                number = payload.group(1).rstrip(".")
                ref = self.table_by_number(number, s.text)
                self.add(s, "reference", start, end, year=year, refers_to=ref)
            else:
                self.add(s, "reference", start, end, year=year,
                         refers_to=self.following_table(s.line_at(start), kinds=tuple(DEFAULT_IDS)))
            prev_end = end

    @staticmethod
    def count_runs(text: str) -> list[list[re.Match]]:
        """Enumerations "3 program, 13 kegiatan dan 30 sub kegiatan"; a lone count only
        after a cue word."""
        runs: list[list[re.Match]] = []
        for m in COUNT_RE.finditer(text):
            if runs and RUN_SEP_RE.match(text[runs[-1][-1].end():m.start()]):
                runs[-1].append(m)
            else:
                runs.append([m])
        keep = []
        for run in runs:
            subjects = {_subject(m.group(2)) for m in run}
            cue = CUE_RE.search(text[max(0, run[0].start() - 40):run[0].start()])
            if len(subjects) >= 2 or cue:
                keep.append(run)
        return keep


def _subject(word: str) -> str:
    w = re.sub(r"[\s-]+", "", word.lower())
    return "subkegiatan" if w.startswith("sub") else w


def parse(ctx: ParseContext, regions: list[Region], tables: list[Table], *args) -> list[Claim]:
    """Claims of the document's prose; appends the prose program lists to ``tables``."""
    secs = sections(ctx)
    claims = _Reader(ctx, regions, tables).run(sentences(ctx, secs))
    known = {t.id for t in tables}
    tables.extend(t for t in list_tables(ctx, secs) if t.id not in known)
    return claims
