"""Follow-up questions: one that refers back and names no subject of its own is asked about the
subject of the previous answer (``Context``).

A question refers back with a demonstrative after a level word or at its end ("sub kegiatan
ini", "program tersebut", "this one", "it", "its"), "yang sama" / "the same", a lead
("dan ...?", "bagaimana dengan ...", "what about ...", "and ...?") or the "-nya" suffix on
what is asked ("targetnya", "pagunya"; not in "yang pagunya nol", which asks for a list).
A question naming a code or a name the run holds has its own subject: it replaces the context
(a lead still carries what was asked and the years: "dan Pengelolaan Kenaikan Pangkat ASN?").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Optional

from ..store.terms import fold
from .context import Context
from .data import RunData
from .parse import Query
from .subject import Subject, documents, resolve

_DEMONSTRATIVES = frozenset({"ini", "itu", "tersebut", "tsb", "this", "that"})
_PRONOUNS = frozenset({"it", "its"})  # refer back wherever they stand
_NOT_SUBJECT = frozenset(  # "dokumen ini", "this table", "that rule": not the previous row
    "dokumen renja rkpd renstra rpjmd tabel table pemeriksaan run document aturan rule hasil laporan "
    "report file berkas daerah pemda tahun year apa".split()
)
_SUBJECT_WORDS = frozenset("sub kegiatan subkegiatan program giat activity one row baris indikator indicator".split())
_LEADS = (
    "dan",
    "and",
    "lalu",
    "terus",
    "kalau",
    "kalo",
    "bagaimana dengan",
    "gimana dengan",
    "what about",
    "how about",
    "and what about",
    "then",
)
_SAME = ("yang sama", "the same", "same one")
# what may carry "-nya": the things asked about a row
_ASPECTS = frozenset(
    "pagu anggaran dana biaya alokasi target indikator satuan kinerja keluaran realisasi lokasi sumber "
    "catatan keterangan temuan masalah kode nama rincian nilai tolok tolak capaian standar nomenklatur".split()
)
_NYA = re.compile(r"(?i)\b(\w+?)nya\b")
# intents that are also flags of phrases.PHRASES: a follow-up asking none of them asks the same again
_ASKS_AGAIN = frozenset(
    {"pagu", "indicator", "compare", "detail", "children", "findings", "why", "others", "standard", "realisasi"}
)
_ASKS = _ASKS_AGAIN | {"differ"}
_LISTS = frozenset({"zero", "changed", "largest", "smallest", "count", "total", "search"})
ABOUT_ONE = frozenset({"pagu", "indicator", "compare", "detail", "children", "realisasi", "unknown"})
LIST_INTENTS = frozenset({"rank", "zero", "changed", "differ", "total", "count", "amount", "search", "help"})


def strip_nya(text: str) -> str:
    """ "targetnya tahun 2024?" -> "target tahun 2024?" (the "-nya" of an aspect, not after "yang")."""

    def one(m: re.Match) -> str:
        before = text[: m.start()].split()
        if m.group(1).lower() in _ASPECTS and not (before and before[-1].lower() == "yang"):
            return m.group(1)
        return m.group(0)

    return _NYA.sub(one, text)


def refers_back(q: Query) -> bool:
    """Whether the question points at something said before (see the module docstring)."""
    words = q.folded.split()
    padded = f" {q.folded} "
    if any(f" {p} " in padded for p in _SAME) or any(w in _PRONOUNS for w in words):
        return True
    if any(q.folded.startswith(lead + " ") for lead in _LEADS) and len(words) <= 12:
        return True
    for i, w in enumerate(words):
        if w not in _DEMONSTRATIVES:
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("this", "that"):
            if nxt in _SUBJECT_WORDS or not nxt:
                return True
        elif prev not in _NOT_SUBJECT:
            return True
    return _has_nya(q.text) and not q.wants(*_LISTS) and q.amount is None


def _has_nya(text: str) -> bool:
    return strip_nya(text) != text


def _own_subject(q: Query, data: RunData) -> bool:
    return bool(q.codes) or (bool(q.name) and resolve(q, data).found)


def carry(q: Query, ctx: Optional[Context], data: Optional[RunData], reparse: Callable[[str], Query]):
    """(the query to answer, the context subject it was completed with or None)."""
    if ctx is None or data is None or q.rule or q.codes or q.wants("help") or not refers_back(q):
        return q, None
    q2 = reparse(strip_nya(q.text))
    if q2.codes or q2.rule:
        return q, None
    asks = {f for f in q2.flags if f in _ASKS}
    if q2.name and _own_subject(q2, data):  # "dan <another name>?": same question, another subject
        if not asks and ctx.intent in _ASKS_AGAIN:
            q2.flags.add(ctx.intent)
            q2.years = q2.years or list(ctx.years)
        return q2, None
    if q2.name and len(q2.name.split()) > 6:  # a long unknown name is a question of its own
        return q, None
    if not asks and ctx.intent in _ASKS_AGAIN:
        q2.flags.add(ctx.intent)
    if q2.wants("indicator") and "pagu" in q2.flags and not _names_money(q2):
        q2.flags.discard("pagu")  # "berapa targetnya?" asks for the target
    if ctx.code:
        q2.codes = [ctx.code]
    q2.name = "" if ctx.code else fold(ctx.name)
    q2.level = q2.level or ctx.level
    q2.years = q2.years or list(ctx.years)
    if not (q2.doc_types or documents(q2, data) or q2.table_number or q2.table_words):
        q2.doc_types = list(ctx.doc_types)
        q2.agencies = list(ctx.agencies)
        q2.table_number = ctx.table_number
        q2.table_words = list(ctx.table_words)
    return q2, ctx


def _names_money(q: Query) -> bool:
    """Money named in words ("berapa" alone asks for any figure, a target too)."""
    padded = f" {q.folded} "
    return any(f" {p} " in padded for p in ("pagu", "anggaran", "dana", "budget", "biaya", "alokasi", "rupiah"))


def context_of(q: Query, s: Subject, answer: Any, data: Optional[RunData], before: Optional[Context]):
    """The context after answering: the subject answered about; kept through list answers;
    None after a question whose own subject was not found. What was asked is remembered only
    when it was answered ("dan realisasinya?" is not: the next follow-up asks the one before)."""
    intent = answer.intent
    if intent in LIST_INTENTS or (not s.found and not s.asked):
        return before
    if not s.found:  # a subject of its own that the run lacks ends the conversation's subject
        return None if q.codes or intent in ABOUT_ONE else before
    if not answer.found and before is not None:
        intent = before.intent
    levels = [n["level"] for n in s.nodes]
    level = max(dict.fromkeys(levels), key=levels.count) if levels else None
    names = [n["name"] for n in s.nodes if n.get("code") == s.code] or [s.nodes[0]["name"]]
    agencies: list[str] = []
    if data is not None:
        for doc_id in documents(q, data):
            pd = fold(data.documents[doc_id].get("perangkat_daerah") or "")
            if pd and (pd in q.agencies or f" {pd} " in f" {q.folded} "):
                agencies.append(pd)
    return Context(
        code=s.code,
        name=max(dict.fromkeys(names), key=names.count),
        level=level,
        intent=intent,
        years=tuple(q.years),
        table_number=q.table_number,
        table_words=tuple(q.table_words),
        doc_types=tuple(q.doc_types),
        agencies=tuple(dict.fromkeys(agencies)),
        run_id=data.run["id"] if data is not None else None,
    )


def assumed(ctx: Context, s: Subject, q: Query, lang: str) -> str:
    """The line saying which subject a follow-up was answered about."""
    shown = replace(
        ctx,
        years=tuple(q.years),
        doc_types=tuple(q.doc_types),
        agencies=tuple(q.agencies),
        table_number=q.table_number,
        table_words=tuple(q.table_words),
    )
    if s.found and s.code:
        shown = replace(shown, code=s.code)
    key = "assumed" if s.found else "assumed_missing"
    from .texts import t

    return t(key, lang, what=shown.describe(lang) + shown.narrowing(lang))
