"""The assistant: a question in Bahasa Indonesia or English -> an answer with citations.

Deterministic (no model): ``parse`` finds the intent and entities, the answer is read from the
store (one saved run) and the reference corpora, and every figure carries a citation of
document, table, row and source lines. A question it cannot answer gets "tidak ditemukan" with
the closest candidates, never an invented number. The question is cleaned (control characters
removed, at most 1,000 characters) and reaches SQLite only as a bound parameter.

    ask(question, *, store, run_id=None, lang=None, context=None) -> Answer   # lang None: detected

Follow-up questions ("targetnya tahun 2024?", "what about its indicator?"): pass the previous
answer's ``Answer.context``; a question that refers back and names no subject of its own is
answered about that subject and says so on its first line (``followup.py``, ``context.py``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from ..store import NoRunError
from ..store.terms import clean_question, fold
from . import answer_findings, answer_lists, answer_nodes, answer_reference, answer_search, cite, followup
from .context import Context, from_dict as context_from_dict
from .data import RunData, load_run
from .intent import intent_of
from .parse import Query, parse
from .reference import load_reference
from .subject import Subject, documents, resolve, tables as named_tables
from .texts import t
from .types import Answer, Builder, Citation

__all__ = ["Answer", "Citation", "Context", "ask", "context_from_dict", "detect_lang"]

_EN = frozenset(
    "what which how why is are the of in for does do show list budget findings finding many much "
    "indicator indicators agencies other between table tables compare same differ changed zero "
    "total count explain rule year where".split()
)
_ID = frozenset(
    "apa apakah mana berapa kenapa mengapa yang di dan untuk dari pada dengan tahun temuan pagu "
    "indikator daerah lain tabel bandingkan sama berbeda berubah nol jumlah jelaskan aturan "
    "sebutkan tampilkan ada".split()
)


def detect_lang(text: str) -> str:
    words = fold(text).split()
    en = sum(w in _EN for w in words)
    return "en" if en > sum(w in _ID for w in words) else "id"


def ask(
    question: str,
    *,
    store: Any,
    run_id: Optional[int] = None,
    lang: Optional[str] = None,
    context: Optional[Context] = None,
) -> Answer:
    """The answer to ``question``; ``context``: the previous answer's ``Answer.context`` (None: no
    conversation). The answer carries the context for the next question."""
    text = clean_question(question)
    lang = lang if lang in ("id", "en") else detect_lang(text)
    data: Optional[RunData] = None
    try:
        data = load_run(store, store.resolve_run(run_id))
    except NoRunError:  # nothing checked yet: reference questions still work
        if run_id is not None:
            raise
    rule_codes = frozenset(data.rules) if data else frozenset()
    vocabulary = data.vocabulary if data else load_reference().vocabulary

    def reparse(t: str) -> Query:
        return parse(t, rule_codes, data.plan_year if data else None, data.forward_year if data else None, vocabulary)

    before = context if isinstance(context, Context) else None
    asked = reparse(text)
    q, carried = followup.carry(asked, before, data, reparse)
    answer, s = _route(q, data, lang)
    if carried is not None:
        answer = answer.with_text(followup.assumed(carried, s, q, lang) + "\n" + answer.text)
    elif before is None and not answer.found and not asked.codes and followup.refers_back(asked):
        answer = answer.with_text(answer.text + "\n" + t("no_context", lang))
    return replace(answer, context=followup.context_of(q, s, answer, data, before))


def _totals(q: Query, data: RunData, tables: list) -> Subject:
    """The printed totals of the tables named (for "why does the total of Tabel 2.5 differ?")."""
    keys = {(t["document_id"], t["table_id"]) for t in tables}
    nodes = [n for n in data.nodes if n["level"] == "total" and (not keys or (n["document_id"], n["table_id"]) in keys)]
    return Subject(nodes=nodes, label="TOTAL" if nodes else "", asked="total")


def _route(q: Query, data: Optional[RunData], lang: str) -> tuple[Answer, Subject]:
    s = _subject(q, data)
    return _answer(q, data, lang, s), s


def _subject(q: Query, data: Optional[RunData]) -> Subject:
    if data is not None:
        for doc_id in documents(q, data):  # "... di Dinas Kesehatan" names a document, not a row
            pd = fold(data.documents[doc_id].get("perangkat_daerah") or "")
            q.name = " ".join(f" {q.name} ".replace(f" {pd} ", " ").split())
    if data:
        return resolve(q, data)
    return Subject(asked=q.name or (q.codes[0] if q.codes else ""), code=q.codes[0] if q.codes else None)


def _answer(q: Query, data: Optional[RunData], lang: str, s: Subject) -> Answer:
    intent = intent_of(q, s)
    b = Builder(question=q.text, lang=lang, intent=intent)
    if intent == "help" or not q.folded:
        b.intent = "help"
        b.add(t("help", lang))
        return b.answer(found=False)
    if intent == "standard":
        return answer_reference.standard(b, q, data, s, load_reference())
    if intent == "others":
        return answer_reference.others(b, q, data, s, load_reference())
    if data is None:
        b.add(t("not_found", lang, what=t("no_run", lang)))
        return b.answer(found=False)
    tables = named_tables(q, data)
    if intent in ("why", "findings", "differ") and not s.found and q.wants("total") and q.wants("why", "findings"):
        s, intent = _totals(q, data, tables), "findings" if not q.wants("why") else "why"
        b.intent = intent
    if intent == "detail":
        return answer_nodes.detail(b, q, data, s, tables)
    if intent == "children":
        return answer_nodes.children(b, q, data, s, tables)
    if intent in ("pagu", "indicator", "compare"):
        if not s.found:
            return _not_found(b, q, s, data)
        fn = {"pagu": answer_nodes.pagu, "indicator": answer_nodes.indicators, "compare": answer_nodes.compare}
        return fn[intent](b, q, data, s, tables)
    if intent == "why":
        return answer_findings.why(b, q, data, s, tables)
    if intent == "findings":
        if s.asked and not s.found and not (q.rule or q.severity or tables):
            return _not_found(b, q, s, data)
        return answer_findings.findings(b, q, data, s, tables)
    if intent == "realisasi":
        return _realisasi(b, data, s)
    if intent == "search":
        return answer_search.search(b, q, data, tables)
    if intent == "amount":
        return answer_nodes.amount(b, q, data, tables)
    lists = {
        "rank": answer_lists.rank,
        "zero": answer_lists.zero,
        "changed": answer_lists.changed,
        "differ": answer_lists.differ,
        "total": answer_lists.total,
        "count": answer_lists.count,
    }
    if intent in lists:
        return lists[intent](b, q, data, tables)
    return _not_found(b, q, s, data)


def _realisasi(b: Builder, data: RunData, s: Subject) -> Answer:
    """Realisation is not stored: say so, citing the evaluation rows where the document prints it."""
    b.add(t("realisasi_none", b.lang, what=s.label))
    for n in s.nodes:
        if (data.table(n["document_id"], n["table_id"]) or {}).get("role") == "evaluasi":
            b.cite(cite.node(data, n, b.lang))
    return b.answer(found=False)


def _not_found(b: Builder, q: Query, s: Subject, data: RunData) -> Answer:
    cands = list(s.candidates)
    if not cands and (s.asked or q.name):
        cands = data.names.closest(s.asked or q.name)
    if not cands and q.folded:
        from ..store.search import fts

        hits = fts(data.store.conn, data.run["id"], q.name or q.folded, kinds=("name",), limit=4, any_word=True)
        cands = [h["text"] for h in hits]
    what = s.asked or q.name or t("no_subject", b.lang)
    what = what if len(what) <= 120 else what[:117] + "..."
    b.add(t("ambiguous", b.lang) if s.ambiguous else t("not_found", b.lang, what=what))
    if cands:
        b.add(t("closest", b.lang, c="; ".join(cands)))
    return b.answer(found=False, candidates=tuple(cands))
