"""Prose around the tables: section headings and the bulleted program list.

``sections(ctx)`` labels every line with the section it stands in ("2.5", "3.3", or
"BAB IV" where a chapter has no numbered sections). ``prose_lists(ctx)`` reads the list
"1. Program ... / a. <kegiatan> / <sub kegiatan>" (section 3.3 of the template) with the
nomenclature as dictionary to tell a new item from a wrapped line; ``list_tables``
stores it as a table ``daftar-<section>`` (role ``daftar_program``).
"""

from __future__ import annotations

import re
from typing import Optional

from rapidfuzz import fuzz, process

from ...corpus import sorted_words
from ...models import Node, Span, Table
from .base import ParseContext
from ...text import norm_name
from ...structs import struct

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
BAB_LINE_RE = re.compile(r"^BAB\s+([IVX]+)\b")
HEADING_RE = re.compile(r"^(\d+|[IVX]+)\.(\d+)\.?\s+(\S.*)$")
ITEM_RE = re.compile(r"^(?P<ord>\d{1,2}|[a-z])[.)]\s*(?P<rest>\S.*)$")
PROGRAM_ITEM_RE = re.compile(r"^(?P<ord>\d{1,2})[.)]\s*(?P<rest>program\b.*)$", re.I)
CONNECTOR_END_RE = re.compile(r"(?:\b(?:dan|atau|untuk|bagi|serta|yang|di|ke|dari|pada|dengan)|[,&-])$", re.I)
LIST_SCORE = 75.0


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def bab_lines(ctx: ParseContext) -> set[int]:
    """Indices of chapter headings. When chapters are printed as ``BAB IV`` alone on a
    line, only those count (a table of contents "BAB II EVALUASI ..." is no chapter)."""
    hits = {i for i, ln in enumerate(ctx.lines) if ln.text.startswith("BAB") and BAB_LINE_RE.match(ln.text)}
    alone = {i for i in hits if re.fullmatch(r"BAB\s+[IVX]+", ctx.lines[i].text)}
    return alone or hits


def sections(ctx: ParseContext) -> list[str]:
    """Section label of every line of ``ctx.lines`` (same indices). Kept on ``ctx`` for the
    next reader of the same lines (claims and prose figures both need them)."""
    memo = ctx.__dict__.get("_sections")
    if memo is not None and memo[0] is ctx.lines and memo[1] == len(ctx.lines):
        return list(memo[2])
    out = _sections(ctx)
    ctx.__dict__["_sections"] = (ctx.lines, len(ctx.lines), out)
    return list(out)


def _sections(ctx: ParseContext) -> list[str]:
    out: list[str] = []
    bab: Optional[int] = None
    bab_label = ""
    current = ""
    babs = bab_lines(ctx)
    heading = HEADING_RE.match
    for i, ln in enumerate(ctx.lines):
        m = BAB_LINE_RE.match(ln.text) if i in babs else None
        if m and m.group(1) in ROMAN:
            bab = ROMAN[m.group(1)]
            bab_label = current = f"BAB {m.group(1)}"
        elif bab is not None:  # a heading counts only inside a chapter
            c = ln.text[:1]
            # HEADING_RE starts with a digit or a Roman numeral: cheap test first
            h = heading(ln.text) if c.isdigit() or c in "IVX" else None
            if h and _upper_ratio(h.group(3)) >= 0.6:
                major = h.group(1)
                major_n = ROMAN.get(major) if not major.isdigit() else int(major)
                if major_n == bab:
                    current = f"{bab}.{int(h.group(2))}"
        out.append(current or bab_label)
    return out


@struct
class Item:
    level: str  # program | kegiatan | subkegiatan
    name: str
    ordinal: Optional[str]
    first: int  # index in ctx.lines
    last: int


def _names(ctx: ParseContext, level: str) -> list[str]:
    """Normalised official names of ``level`` in the PD's bidang (and the penunjang)."""
    key = (id(ctx.nomenclature), tuple(ctx.bidang), level)
    if key not in _NAME_CACHE:
        bid = tuple(ctx.bidang)
        nom = ctx.nomenclature
        if hasattr(nom, "_candidates") and all(bid):
            # the nomenclature's own candidates of the level (its index: names normalised
            # already); they add a code equal to a bidang, which this filter leaves out
            entries, names = nom._candidates(level, bid)
            pairs = zip(entries, names)
        else:
            by_level = getattr(nom, "_entries_by_level", None)  # the entries of one level, indexed
            entries = by_level.get(level, []) if by_level is not None else nom.entries.values()
            pairs = ((e, norm_name(e.name)) for e in entries)
        _NAME_CACHE[key] = sorted(
            {
                n
                for e, n in pairs
                if e.level == level
                and (not bid or e.code.startswith("X.XX") or any(e.code.startswith(b + ".") for b in bid))
            }
        )
    return _NAME_CACHE[key]


_NAME_CACHE: dict = {}
_SORTED_CACHE: dict = {}  # same keys: the names with their words sorted


def _best(ctx: ParseContext, text: str, level: str) -> float:
    """How well ``text`` matches a whole official name."""
    key = norm_name(text)
    names = _names(ctx, level)
    ck = (id(ctx.nomenclature), tuple(ctx.bidang), level)
    if ck not in _SORTED_CACHE:
        _SORTED_CACHE[ck] = [sorted_words(n) for n in names]
    # max over names of min(token_sort_ratio, ratio + 10): token_sort_ratio is the ratio of the
    # word-sorted strings; go down the names by it and stop once it cannot beat the best
    best = 0.0
    for _, tsr, idx in process.extract(sorted_words(key), _SORTED_CACHE[ck], scorer=fuzz.ratio, limit=None):
        if tsr <= best:
            break
        best = max(best, min(tsr, fuzz.ratio(key, names[idx]) + 10))
    return best


def _prefix(ctx: ParseContext, text: str, level: str) -> float:
    """How well ``text`` matches the beginning of an official name."""
    key = norm_name(text)
    n = len(key)
    # the max of fuzz.ratio over the names' heads, in one C call
    best = process.extractOne(key, [name[:n] for name in _names(ctx, level) if len(name) >= n - 2], scorer=fuzz.ratio)
    return best[1] if best is not None else 0.0


def _join(a: str, b: str) -> str:
    return a + b if a.endswith("-") and b[:1].islower() else f"{a} {b}"


def _read_item(ctx: ParseContext, i: int, text: str, level: str) -> tuple[str, int]:
    """An item's text from line ``i`` on, with its wrapped lines. Returns (text, last index)."""
    j = i
    while j + 1 < len(ctx.lines):
        nxt = ctx.lines[j + 1].text
        if ITEM_RE.match(nxt) or BAB_LINE_RE.match(nxt) or HEADING_RE.match(nxt):
            break
        joined = _join(text, nxt)
        if CONNECTOR_END_RE.search(text) or nxt[:1].islower() or _prefix(ctx, joined, level) >= 90:
            text, j = joined, j + 1
            continue
        break
    return text, j


def _list_items(ctx: ParseContext) -> list[Item]:
    items: list[Item] = []
    lines = ctx.lines
    i = 0
    in_list = False
    while i < len(lines):
        t = lines[i].text
        pm = PROGRAM_ITEM_RE.match(t) if t[:1].isdigit() else None  # the item number comes first
        if pm:
            text, j = _read_item(ctx, i, pm.group("rest"), "program")
            if in_list or _best(ctx, text, "program") >= LIST_SCORE - 15:
                items.append(Item("program", text, pm.group("ord") + ".", i, j))
                in_list = True
                i = j + 1
                continue
        if not in_list:
            i += 1
            continue
        km = ITEM_RE.match(t)
        if km and not km.group("ord").isdigit():
            text, j = _read_item(ctx, i, km.group("rest"), "kegiatan")
            items.append(Item("kegiatan", text, km.group("ord") + ".", i, j))
            i = j + 1
            continue
        if km is None and items and items[-1].level != "program":
            text, j = _read_item(ctx, i, t, "subkegiatan")
            if _best(ctx, text, "subkegiatan") >= LIST_SCORE:
                items.append(Item("subkegiatan", text, None, i, j))
                i = j + 1
                continue
        # a group heading ("Program Penunjang") just before the next program item
        if any(PROGRAM_ITEM_RE.match(lines[k].text) for k in range(i + 1, min(i + 3, len(lines)))):
            i += 1
            continue
        in_list = False
        i += 1
    return items


def prose_lists(ctx: ParseContext) -> list[tuple[str, str, Span]]:
    """(level, name as printed, span) of every item of the prose program lists."""
    return [(it.level, it.name, ctx.span(ctx.lines[it.first].no, ctx.lines[it.last].no)) for it in _list_items(ctx)]


def list_tables(ctx: ParseContext, secs: Optional[list[str]] = None) -> list[Table]:
    """The prose program lists as tables ``daftar-<section>`` (names as printed, no pagu).
    ``secs``: ``sections(ctx)`` when the caller has it already."""
    secs = sections(ctx) if secs is None else secs
    by_section: dict[str, list[Item]] = {}
    for it in _list_items(ctx):
        by_section.setdefault(secs[it.first] or "prosa", []).append(it)
    tables = []
    for sec, items in by_section.items():
        tid = f"daftar-{sec.replace(' ', '')}"
        nodes: list[Node] = []
        parents: dict[str, str] = {}
        for it in items:
            first, last = ctx.lines[it.first].no, ctx.lines[it.last].no
            nid = f"{tid}:L{first}"
            parent = None
            if it.level == "kegiatan":
                parent = parents.get("program")
            elif it.level == "subkegiatan":
                parent = parents.get("kegiatan") or parents.get("program")
            if it.level == "program":
                parents.pop("kegiatan", None)
            parents[it.level] = nid
            nodes.append(
                Node(
                    id=nid,
                    level=it.level,
                    name=it.name,
                    name_printed=it.name,
                    ordinal=it.ordinal,
                    parent=parent,
                    span=ctx.span(first, last),
                )
            )
        tables.append(
            Table(
                id=tid,
                number=None,
                title=f"Daftar program, kegiatan dan sub kegiatan ({sec})",
                role="daftar_program",
                span=ctx.span(nodes[0].span.line_start, nodes[-1].span.line_end),
                nodes=nodes,
            )
        )
    return tables
