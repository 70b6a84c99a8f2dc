"""Prose sentences of a text-layer document, joined across line breaks.

Running footers, page numbers and table titles are dropped; headings, titles and list
items break blocks; a block is cut at sentence ends (abbreviations such as ``Rp.`` or
``Kab.`` do not end a sentence). Each ``Sentence`` keeps the line of every char offset.
"""

from __future__ import annotations

import re
from typing import Optional

from .base import ParseContext, title_lines
from .prose_lists import BAB_LINE_RE, CONNECTOR_END_RE, HEADING_RE, ITEM_RE, sections
from .review_rows import FOOTER_RE
from ...structs import struct

TITLE_RE = re.compile(r"^TABEL\s+\d+(?:\.\d+)*\b")  # a title (upper case), not a reference
ABBREV_RE = re.compile(r"(?:\b(?:Rp|No|Th|Tgl|dll|dsb|dkk|Kab|Kec|Jl|Dr|Ir|H|St)|\b[A-Za-z])\.$")
PAGE_NO_RE = re.compile(r"^\d{1,3}$")
SENTENCE_END_RE = re.compile(r"[.!?:](?=\s+[A-Z(])")
# what _sentences skips: running footers (FOOTER_RE), page numbers (PAGE_NO_RE), table
# titles (TITLE_RE and the layouts' titles, base.title_lines); the first three
# start with "R", a digit and "T"
_ASCII_NON_ALPHA = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_LOWER = bytes(c for c in range(128) if chr(c).islower())


@struct
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


def _mostly_upper(text: str) -> bool:
    """At least 3 letters, more than 90% of them upper case."""
    if text.isascii():  # fast path, same count
        letters = text.encode().translate(None, _ASCII_NON_ALPHA)
        n = len(letters)
        return n >= 3 and len(letters.translate(None, _ASCII_LOWER)) / n > 0.9
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.9


_ROMAN_START = frozenset("IVX")
_END_PUNCT = tuple(".,;:-")  # a line closing with punctuation
_SENTENCE_END_CHARS = frozenset(".!?:")
# the ASCII characters CONNECTOR_END_RE can end on (its words' last letters in either case, its
# marks); a line ending on another ASCII character has no connector (a non-ASCII one is asked)
_CONNECTOR_LAST = frozenset("nukiageNUKIAGE,&-\n")  # "\n": $ matches before a final newline


def sentences(ctx: ParseContext, secs: Optional[list[str]] = None) -> list[Sentence]:
    """Prose sentences, joined across line breaks; blocks break at headings and list items.
    ``secs``: ``sections(ctx)`` when the caller has it already. Kept on ``ctx`` for the
    next reader of the same lines and sections (claims and prose figures both read them)."""
    secs = sections(ctx) if secs is None else secs
    memo = ctx.__dict__.get("_sentences")
    if memo is not None and memo[0] is ctx.lines and memo[1] == len(ctx.lines) and memo[2] == secs:
        return list(memo[3])
    out = _sentences(ctx, secs)
    ctx.__dict__["_sentences"] = (ctx.lines, len(ctx.lines), list(secs), out)
    return list(out)


def _sentences(ctx: ParseContext, secs: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    block: list[int] = []
    lines = ctx.lines
    footer, page_no, title, titles = FOOTER_RE.match, PAGE_NO_RE.match, TITLE_RE.match, title_lines(ctx)
    keep = []
    for i, ln in enumerate(lines):
        t = ln.text
        c = t[:1]
        if (c == "R" and footer(t)) or (c.isdigit() and page_no(t)) or (c == "T" and title(t)) or i in titles:
            continue
        keep.append(i)
    texts = [lines[i].text for i in keep]
    texts.append("")  # the next text of the last line: none
    item, bab, heading, connector = ITEM_RE.match, BAB_LINE_RE.match, HEADING_RE.match, CONNECTOR_END_RE.search
    non_alpha, lower = _ASCII_NON_ALPHA, _ASCII_LOWER
    split, ends = _split_block, _SENTENCE_END_CHARS
    for k, i in enumerate(keep):
        t = texts[k]
        c = t[0]
        # a heading or title line is its own sentence, never glued to the prose around it:
        # a chapter or section heading, a line mostly in capitals, or a short line closing
        # without punctuation with the next line starting a new sentence (cheap tests first:
        # BAB_LINE_RE starts with "B", HEADING_RE with a digit or a Roman numeral)
        if c == "B" and bab(t):
            alone = True
        elif (c.isdigit() or c in _ROMAN_START) and heading(t):
            alone = True
        elif (
            len(t) < 45
            and texts[k + 1][:1].isupper()
            and not t.endswith(_END_PUNCT)
            and not ((t[-1] in _CONNECTOR_LAST or not t[-1].isascii()) and connector(t, max(0, len(t) - 8)))
        ):
            alone = True  # the short-line test first: it settles most lines of a table dump
        elif t.isascii():
            letters = t.encode().translate(None, non_alpha)
            n = len(letters)
            alone = n >= 3 and len(letters.translate(None, lower)) / n > 0.9
        else:
            alone = _mostly_upper(t)
        if alone:
            if block:
                out.extend(split(ctx, block, secs[block[0]]))
                block = []
            if ends.isdisjoint(t):  # most lines: no sentence end, the line is the sentence (_split_block)
                out.append(Sentence(t, [(0, lines[i].no)], secs[i], i))
            else:
                out.extend(split(ctx, [i], secs[i]))
            continue
        # ITEM_RE starts with a digit or an ASCII lower-case letter
        if block and (c.isdigit() or "a" <= c <= "z") and item(t):
            out.extend(split(ctx, block, secs[block[0]]))
            block = []
        block.append(i)
    if block:
        out.extend(split(ctx, block, secs[block[0]]))
    return out


def _split_block(ctx: ParseContext, idx: list[int], section: str) -> list[Sentence]:
    if len(idx) == 1:  # most blocks: one line
        ln = ctx.lines[idx[0]]
        text, offsets = ln.text, [(0, ln.no)]
        if _SENTENCE_END_CHARS.isdisjoint(text):  # no sentence end: the (stripped) line itself
            return [Sentence(text, offsets, section, idx[0])]
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
        e = m.end()
        # an abbreviation ends the piece text[start:e] in "."; ABBREV_RE is searched on its last
        # 5 chars only (the longest abbreviation has 4): the same, since the char before ``start``
        # is the previous sentence's end mark and \b sees it as the piece's start
        if text[e - 1] == "." and ABBREV_RE.search(text, max(start, e - 5), e) and text[max(start, e - 2) : e] != "-.":
            continue
        out.append((start, e))
        start = e
    if not out:  # one sentence: the whole (stripped) text, each line where it starts
        return [Sentence(text, offsets, section, idx[0])]
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
