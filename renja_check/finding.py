"""The one result shape: a frozen finding with its evidence."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal, Optional

from .models import Span
from .record import ConfigDict, Field, Record

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
LANGS = ("id", "en")


class Finding(Record):
    """One defect (or one notice) found by one rule.

    ``message`` and ``suggestion`` carry both languages; ``text(lang)`` picks one.
    ``expected``/``found`` are what the rule expected and what the document says;
    money in them and in ``evidence`` is integer rupiah. ``fingerprint`` is made from
    content only (rule, document identity, table, locator, expected, found), never
    from line numbers, so baselines survive edits that shift lines.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    rule_name: str
    severity: Severity
    message: dict[str, str]
    document: str = ""  # source path of the document
    table: Optional[str] = None
    locator: Optional[str] = None  # node id, code or claim id
    span: Optional[Span] = None
    expected: Any = None
    found: Any = None
    difference: Optional[int] = None
    evidence: dict[str, Any] = Field(default_factory=dict)
    suggestion: Optional[dict[str, str]] = None
    fingerprint: str = ""

    def text(self, lang: str = "id") -> str:
        return self.message.get(lang) or self.message.get("id") or ""

    def suggestion_text(self, lang: str = "id") -> Optional[str]:
        if not self.suggestion:
            return None
        return self.suggestion.get(lang) or self.suggestion.get("id")

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        """The JSON contract: one language rendered, money as integers."""
        d = self.model_dump(mode="json")
        d["message"] = self.text(lang)
        d["suggestion"] = self.suggestion_text(lang)
        d["evidence"] = in_lang(d["evidence"], lang)
        return d


def in_lang(value: Any, lang: str = "id") -> Any:
    """Evidence in one language: every ``{"id": ..., "en": ...}`` text pair inside it (a folded
    finding's message, a reader note) becomes the text of ``lang``."""
    if isinstance(value, dict):
        if value and all(k in _LANG_SET for k in value) and all(isinstance(v, str) for v in value.values()):
            return value.get(lang) or value.get("id") or ""
        out = {}
        for k, v in value.items():  # a "<key>_id"/"<key>_en" pair becomes "<key>" in lang
            base, _, suffix = k.rpartition("_")
            if base and suffix in _LANG_SET and all(f"{base}_{x}" in value for x in LANGS):
                if suffix == lang:
                    out[base] = in_lang(v, lang)
                continue
            out[k] = v if isinstance(v, _PLAIN) else in_lang(v, lang)
        return out
    if isinstance(value, list):
        return [v if isinstance(v, _PLAIN) else in_lang(v, lang) for v in value]
    return value


_LANG_SET = frozenset(LANGS)
_PLAIN = (str, int, float, type(None))  # returned as they are by in_lang


def fingerprint(*parts: Any) -> str:
    blob = _FP_JSON.encode(parts)  # == json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


_FP_JSON = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False)


def sort_key(f: Finding, order: Optional[dict[str, int]] = None) -> tuple:
    """Document, then table (in the order ``order`` gives, e.g. reading order; findings
    outside tables first), severity (errors first), line, rule, locator."""
    if f.table is None:
        rank = -1
    else:
        rank = order.get(f.table, len(order)) if order else 0
    return (
        f.document,
        rank,
        f.table or "",
        -SEVERITY_ORDER[f.severity],
        f.span.line_start if f.span else 0,
        f.rule,
        f.locator or "",
    )
