"""Which answer a parsed question asks for: the intent, from its keyword groups and what it names."""

from __future__ import annotations

from .parse import Query
from .subject import Subject

_DEPTH = {"total": 0, "urusan": 1, "bidang": 2, "program": 3, "kegiatan": 4, "subkegiatan": 5}


def intent_of(q: Query, s: Subject) -> str:
    """First match wins: rule and findings questions, reference corpora, one node's details,
    lists over the run, then a node's pagu or indicators; "unknown" otherwise."""
    if q.wants("help") and not (q.name or q.codes or q.rule):
        return "help"
    if q.rule and (q.wants("why") or not q.wants("findings")):
        return "why"
    if q.wants("search") and not s.found and q.name:
        return "search"
    if q.wants("findings") or (q.severity and not q.wants("pagu", "indicator")):
        return "why" if q.wants("why") and s.found else "findings"
    if q.wants("others"):
        return "others"
    if s.found and q.wants("realisasi"):
        return "realisasi"
    if s.found and q.wants("detail"):
        return "detail"
    if s.found and _asks_children(q, s):
        return "children"
    if q.wants("standard"):
        return "standard"
    if q.wants("largest", "smallest") and not s.found:
        return "rank"
    if q.wants("zero") and not s.found:
        return "zero"
    if q.wants("changed") and not s.found:
        return "changed"
    if q.wants("differ", "compare") and s.found:
        return "compare"
    if q.wants("differ") and not s.found:
        return "differ"
    if q.amount and not s.found:
        return "amount"
    if q.wants("count") and not s.found:
        return "count"
    if q.wants("total") and not s.found:
        return "total"
    if s.found or (s.asked and q.wants("pagu", "indicator", "compare", "differ")):
        if q.wants("differ", "compare"):
            return "compare"
        return "indicator" if q.wants("indicator") and not q.wants("pagu") else "pagu"
    return "unknown"


def _asks_children(q: Query, s: Subject) -> bool:
    """ "sub kegiatan apa saja di program X": a lower level asked about a node of a higher one."""
    if not (q.level and (q.wants("children") or q.wants("which"))):
        return False
    top = min((_DEPTH.get(n["level"], 9) for n in s.nodes), default=9)
    return _DEPTH.get(q.level, 0) > top
