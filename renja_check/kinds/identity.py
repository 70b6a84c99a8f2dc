"""Content-only identity for fingerprints: documents, nodes and claims without line numbers.

Node and claim ids follow DEVELOPING.md: ``<table>:<code>`` when the code is known, else a
line-based id (``<table>:L<line>``, ``<table>:L<line>.2``, ``claim:L<line>.1``). Ids are
kept as they are for reports, but a fingerprint must survive edits that shift lines, so
``ContentKeys`` maps every line-based id to what the row or sentence says: its table,
level, code, normalised name (or the claim's kind, value, words and sentence) and its
occurrence among equal rows. Two equal rows stay apart by that occurrence number, which
only changes when a row with the same content is added or removed before them.

A document is identified by type, agency and year; when two documents of one run agree
on all three, each also carries its file name (then its path), so their findings stay
apart instead of merging under the first.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterable, Optional

from ..models import Claim, Document, Dossier, Node

_LINE_ID = re.compile(r"(?:^|:)L\d+(?:\.\d+)?$")
# "line 123", "lines 12-14", "baris 5", "L123" inside free text (reader notes)
_LINE_REF = re.compile(r"\b(?:lines?|baris)\s+\d+(?:\s*[-\u2013]\s*\d+)?|\bL\d+(?:\.\d+)?\b", re.I)


def is_line_based(node_id: str) -> bool:
    return bool(_LINE_ID.search(node_id))


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


def without_line_refs(text: str) -> str:
    """Free text with its line references blanked (``on line 12`` -> ``on line #``)."""
    return _LINE_REF.sub("#", text)


def _node_key(table_id: str, n: Node) -> tuple:
    return (table_id, n.level, n.code or n.code_printed or "", _norm(n.name), _norm(n.ordinal))


def _claim_key(c: Claim) -> tuple:
    return ("claim", c.kind, c.subject, c.value, _norm(c.raw), _norm(c.sentence), c.year)


class ContentKeys:
    """Line-free keys of one document's line-based node and claim ids (built once, O(n))."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._keys: Optional[dict[str, Any]] = None  # made when a line-based id is first asked for

    @property
    def keys(self) -> dict[str, Any]:
        if self._keys is None:
            self._keys = _content_keys(self.doc)
        return self._keys

    def map(self, value: Any) -> Any:
        """``value`` with every line-based id replaced by its content key (recursively)."""
        if isinstance(value, str):
            if self._keys is None and not is_line_based(value):
                return value  # a code-based id (or any text) maps to itself: no keys needed
            return self.keys.get(value, value)
        if isinstance(value, (list, tuple)):
            return [self.map(v) for v in value]
        if isinstance(value, dict):
            return {k: self.map(v) for k, v in value.items()}
        return value


def _content_keys(doc: Document) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    seen: dict[tuple, int] = {}

    def add(ident: str, base: tuple) -> None:
        k = seen.get(base, 0) + 1
        seen[base] = k
        if is_line_based(ident):
            keys[ident] = list(base) + [k]

    # a row counts only among rows of equal content: rows whose table, level and code no
    # line-based row (nor claim) shares cannot be equal to one, so their names are not normalised
    nodes = [(t.id, n, (t.id, n.level, n.code or n.code_printed or "")) for t in doc.tables for n in t.nodes]
    wanted = {head for _, n, head in nodes if is_line_based(n.id)}
    wanted.update(("claim", c.kind, c.subject) for c in doc.claims)
    for tid, n, head in nodes:
        if head in wanted:
            add(n.id, _node_key(tid, n))
    for c in doc.claims:
        add(c.id, _claim_key(c))
    return keys


def document_identities(dossier: Dossier) -> dict[int, tuple]:
    """``id(doc)`` -> identity tuple used in fingerprints (see the module docstring)."""
    base = {id(d): (d.doc_type, d.perangkat_daerah, d.year) for d in dossier.documents}
    return _disambiguate(dossier.documents, base)


def _disambiguate(docs: Iterable[Document], base: dict[int, tuple]) -> dict[int, tuple]:
    docs = list(docs)
    out = dict(base)
    for extra in (lambda d: os.path.basename(d.source.path), lambda d: d.source.path):
        counts: dict[tuple, int] = {}
        for d in docs:
            counts[out[id(d)]] = counts.get(out[id(d)], 0) + 1
        clash = [d for d in docs if counts[out[id(d)]] > 1]
        if not clash:
            break
        for d in clash:
            out[id(d)] = out[id(d)] + (extra(d),)
    return out
