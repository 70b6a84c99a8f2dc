"""What a question is about: the nodes of the run named by code or (typo-tolerant) name, and the
tables it names. Codes match exactly (a one-digit slip is another sub kegiatan: offered as a
candidate, never answered); names match with rapidfuzz, guarded against short or vague queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .data import RunData
from ..store.terms import fold
from .parse import Query

ANSWER_SCORE = 86.0  # a name this close is taken as meant
CLEAR_MARGIN = 4.0  # ... when the next different name is this much further
SAME_NAME = 92.0  # two names this alike are one name printed with a slip


@dataclass
class Subject:
    nodes: list[dict] = field(default_factory=list)
    label: str = ""  # "Pengelolaan Promosi ASN (5.03.02.2.02.0003)"
    code: Optional[str] = None
    candidates: list[str] = field(default_factory=list)
    asked: str = ""  # what the question named (for "not found")
    ambiguous: bool = False

    @property
    def found(self) -> bool:
        return bool(self.nodes)


def documents(q: Query, data: RunData) -> set[int]:
    """Documents named by their perangkat daerah ("... di Dinas Kesehatan") or type ("... di RKPD"),
    when the run read several (``q.agencies``: agencies a follow-up question carries over)."""
    if len(data.documents) < 2:
        return set()
    padded = f" {q.folded} "
    named = set()
    for doc_id, d in data.documents.items():
        pd = fold(d.get("perangkat_daerah") or "")
        if (pd and (f" {pd} " in padded or pd in q.agencies)) or d.get("doc_type") in q.doc_types:
            named.add(doc_id)
    return named


def tables(q: Query, data: RunData) -> list[dict]:
    """The tables the question names (by number, kind or document); empty = no restriction."""
    docs = documents(q, data)
    out = [t for t in data.tables if not docs or t["document_id"] in docs]
    named = bool(docs)
    if q.table_number:
        out = [
            t
            for t in out
            if (t["number"] or "") == q.table_number or (t["number"] or "").startswith(q.table_number + ".")
        ]
        named = True
    if q.table_words:
        narrowed = [
            t
            for t in out
            if t["role"] in q.table_words
            or (t["side"] or "") in q.table_words
            or (t["role"] == "rkpd_awal" and "rancangan_awal" in q.table_words)
            or (t["role"] == "kebutuhan" and "hasil_analisis" in q.table_words)
        ]
        if narrowed or not named:
            out, named = narrowed, True
    return out if named else []


def _label(n: dict) -> str:
    return f"{n['name']} ({n['code']})" if n.get("code") else n["name"]


def _prefer_level(nodes: list[dict], level: Optional[str]) -> list[dict]:
    if level:
        same = [n for n in nodes if n["level"] == level]
        if same:
            return same
    return nodes


def resolve(q: Query, data: RunData) -> Subject:
    if q.codes:
        code = q.codes[0]
        nodes = data.by_code.get(code, [])
        if nodes:
            return Subject(nodes=sorted(nodes, key=data.rank), label=_common_label(nodes, code), code=code, asked=code)
        from rapidfuzz import fuzz, process

        near = process.extract(code, list(data.by_code), scorer=fuzz.ratio, limit=3, score_cutoff=85)
        return Subject(asked=code, code=code, candidates=[_label(data.by_code[c][0]) for c, _, _ in near])
    if not q.name:
        return Subject()
    from rapidfuzz import fuzz

    hits = data.names.lookup(q.name, limit=6)
    if not hits:
        return Subject(asked=q.name, candidates=data.names.closest(q.name))
    top = hits[0]
    rivals = [
        h
        for h in hits[1:]
        if h.score > top.score - CLEAR_MARGIN
        and not (top.score >= 100 > h.score)
        and fuzz.ratio(h.key, top.key) < SAME_NAME
    ]  # a misspelt print of the same name is no rival
    if top.score < ANSWER_SCORE or rivals:
        return Subject(asked=q.name, candidates=[h.label for h in hits[:4]], ambiguous=bool(rivals))
    nodes = _prefer_level(list(top.items), q.level)
    codes = [n["code"] for n in nodes if n.get("code")]
    code = max(set(codes), key=codes.count) if codes else None
    if code:  # the same row under its code in tables that print the name differently
        seen = {id(n) for n in nodes}
        nodes += [n for n in data.by_code.get(code, []) if id(n) not in seen]
    nodes.sort(key=data.rank)
    return Subject(nodes=nodes, label=_common_label(nodes, code), code=code, asked=q.name)


def _common_label(nodes: list[dict], code: Optional[str]) -> str:
    """The name most tables print for the code (a shortened or misspelt print loses)."""
    names = [n["name"] for n in nodes if n.get("code") == code] or [nodes[0]["name"]]
    name = max(dict.fromkeys(names), key=names.count)
    several = len({n["code"] for n in nodes if n.get("code")}) > 1  # agencies of several bidang
    return f"{name} ({code})" if code and not several else name
