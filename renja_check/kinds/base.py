"""What every kind shares: the evaluation context and how a finding is made.

A kind is a small evaluator: a ``Params`` record (the rule's ``params``, validated by
pydantic when the rule file is loaded) and ``evaluate(rule, ctx)`` yielding findings.
No I/O, no printing.
"""

from __future__ import annotations

import string
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field
from decimal import Decimal
from typing import Any, ClassVar, Iterable, Iterator, Literal, Optional, Union

from ..structs import struct
from ..corpus import Corpus
from ..finding import Finding, fingerprint
from ..models import Claim, Document, Dossier, Level, Node, Span, Table  # noqa: F401 - Level re-exported
from ..numbers import format_int, format_rupiah
from ..record import ConfigDict, Record
from .identity import ContentKeys, document_identities


# The table roles a rule may name (Table.role). Typed so that a misspelled role in a rule
# file is an error when the rules load, not a rule that silently finds nothing.
Role = Literal[
    "evaluasi", "kinerja_pelayanan", "rkpd_awal", "kebutuhan", "rencana", "rkpd_akhir", "daftar_program", "sipd"
]


class Params(Record):
    model_config = ConfigDict(extra="forbid")


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, Any]) -> str:
    """``str.format`` that leaves unknown placeholders visible instead of failing."""
    try:  # str.format_map gives what string.Formatter gives, several times faster
        return template.format_map(_SafeDict(values))
    except Exception:  # e.g. a positional "{}": string.Formatter's own error (a crash finding)
        return string.Formatter().vformat(template, (), _SafeDict(values))


# What a check works out once and every rule reads (two tables matched, a table's tree): kept for
# the length of one ``engine.run`` (``Context.running``), keyed by the objects' ids with the
# objects themselves in the value (so an id is not reused meanwhile). Outside a run: None.
_RUN_MEMO: ContextVar[Optional[dict]] = ContextVar("renja_check_run_memo", default=None)


def run_memo() -> Optional[dict]:
    """The memo of the running check, or None (helpers then compute afresh)."""
    return _RUN_MEMO.get()


@struct
class Context:
    dossier: Dossier
    corpus: Corpus
    _keys: dict = field(default_factory=dict, repr=False)  # id(doc) -> ContentKeys
    _docs: Optional[dict] = field(default=None, repr=False)  # id(doc) -> identity tuple
    memo: dict = field(default_factory=dict, repr=False)  # see _RUN_MEMO

    @contextmanager
    def running(self) -> Iterator[None]:
        """While the rules run: helpers share ``memo`` (``run_memo()``)."""
        token = _RUN_MEMO.set(self.memo)
        try:
            yield
        finally:
            _RUN_MEMO.reset(token)

    def content_keys(self, doc: Document) -> ContentKeys:
        keys = self._keys.get(id(doc))
        if keys is None:
            keys = self._keys[id(doc)] = ContentKeys(doc)
        return keys

    def identity(self, doc: Document) -> tuple:
        if self._docs is None:
            self._docs = document_identities(self.dossier)
        return self._docs.get(id(doc)) or (doc.doc_type, doc.perangkat_daerah, doc.year)

    def finding(
        self,
        rule: Any,  # ruleset.Rule (not imported: kinds sit below ruleset)
        doc: Document,
        *,
        table: Optional[Table] = None,
        subject: Union[Node, Claim, None] = None,
        locator: Optional[str] = None,
        span: Optional[Span] = None,
        expected: Any = None,
        found: Any = None,
        difference: Optional[int] = None,
        evidence: Optional[dict[str, Any]] = None,
        values: Optional[dict[str, Any]] = None,
        suggestion: Optional[dict[str, str]] = None,
        severity: Optional[str] = None,
        key: Any = None,
    ) -> Finding:
        """Render the rule's message templates with ``values`` and build the finding.

        Template values always available: ``expected``, ``found``, ``difference``
        (formatted with Indonesian grouping), ``table``, ``name``, ``code``, ``line``.
        ``key`` adds content to the fingerprint when locator+expected+found are not
        enough to tell two findings apart. The fingerprint is content only: line-based
        ids in ``locator`` and ``key`` are replaced by their row's content
        (``identity.ContentKeys``), and documents are told apart by ``identity``.
        """
        vals: dict[str, Any] = {
            "table": (table is not None and table.number and f"Tabel {table.number}")
            or (table.title if table else "")
            or (table.id if table else ""),
            "table_id": table.id if table else "",
            "name": getattr(subject, "name", "") or "",
            "code": getattr(subject, "code", None) or getattr(subject, "code_printed", None) or "",
            "expected": _fmt(expected),
            "found": _fmt(found),
            "difference": _fmt(difference),
        }
        if subject is not None and span is None:
            span = subject.span
        vals["line"] = span.line_start if span else ""
        vals.update(values or {})
        loc = locator or getattr(subject, "id", None)
        message = {lang: _sentence(render(text, vals)) for lang, text in rule.message.items()}
        if any(len(m) > MAX_MESSAGE for m in message.values()):  # long names: shorten them in the
            short = {k: _clip(v) for k, v in vals.items()}  # message, in full in found/evidence
            message = {lang: _sentence(render(text, short)) for lang, text in rule.message.items()}
        sugg = suggestion
        if sugg is None and rule.suggestion:
            sugg = {lang: render(text, vals) for lang, text in rule.suggestion.items()}
        # content only (never line numbers): line-based ids become what their row says
        keys = self.content_keys(doc)
        fp = fingerprint(
            rule.code, *self.identity(doc), table.id if table else None, keys.map(loc), expected, found, keys.map(key)
        )
        return Finding(
            rule=rule.code,
            rule_name=rule.name,
            severity=severity or rule.severity,
            message=message,
            document=doc.source.path,
            table=table.id if table else None,
            locator=loc,
            span=span,
            expected=_jsonable(expected),
            found=_jsonable(found),
            difference=difference,
            evidence=_jsonable(evidence or {}),
            suggestion=sugg,
            fingerprint=fp,
        )


MAX_MESSAGE = 600  # README "Message contract": about 600 characters at most; lists go to the evidence


def _clip(v: Any, limit: int = 100) -> Any:
    if not isinstance(v, str) or len(v) <= limit:
        return v
    return v[: limit - 1].rstrip() + "\u2026"


def _sentence(text: str) -> str:
    """A message is a sentence: it starts with a capital ("sub kegiatan ..." -> "Sub kegiatan ...")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return format_int(v)
    return str(v)


_SCALARS = frozenset({str, int, float, bool, type(None)})  # returned as they are


def _jsonable(v: Any) -> Any:
    if type(v) in _SCALARS:
        return v
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else str(v)
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


class Kind:
    """Base of every kind. Subclasses set ``name`` and ``Params`` and implement ``evaluate``."""

    name: ClassVar[str]
    Params: ClassVar[type[Params]] = Params

    def evaluate(self, rule: Any, ctx: Context) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError


def rupiah(v: Optional[int]) -> str:
    return format_rupiah(v)


def walk_tables(dossier: Dossier, roles: Iterable[str] = ()) -> Iterator[tuple[Document, Table]]:
    roles = set(roles)
    for doc in dossier.documents:
        for t in doc.tables:
            if not roles or t.role in roles:
                yield doc, t
