"""The rule catalogue for people and scripts: ``renja-check rules`` and ``explain``."""

from __future__ import annotations

import json
import textwrap
from typing import Any, Sequence

import yaml

from .labels import label

WIDTH = 100
_EXPLAIN = {
    "name": {"id": "nama", "en": "name"},
    "kind": {"id": "jenis (kind)", "en": "kind"},
    "description": {"id": "Uraian", "en": "Description"},
    "basis": {"id": "Dasar hukum", "en": "Legal basis"},
    "rationale": {"id": "Alasan", "en": "Rationale"},
    "params": {"id": "Parameter", "en": "Parameters"},
    "defers_to": {"id": "Digabungkan ke temuan aturan (bila berjalan)", "en": "Folded into the findings of (when run)"},
    "message": {"id": "Templat pesan", "en": "Message template"},
    "suggestion": {"id": "Templat saran", "en": "Suggestion template"},
    "example": {"id": "Contoh", "en": "Example"},
    "where": {"id": "Didefinisikan di", "en": "Defined at"},
    "disabled": {"id": "(nonaktif)", "en": "(disabled)"},
}


def _t(text: dict[str, str] | None, lang: str) -> str:
    if not text:
        return ""
    return text.get(lang) or text.get("id") or ""


def rule_row(rule: Any, lang: str) -> dict[str, Any]:
    return {
        "code": rule.code,
        "severity": rule.severity,
        "kind": rule.kind,
        "name": rule.name,
        "title": _t(rule.title, lang),
        "enabled": rule.enabled,
        "basis": rule.basis,
        "where": rule.where(),
    }


def render_catalogue(rules: Sequence[Any], lang: str = "id", fmt: str = "text") -> str:
    rows = [rule_row(r, lang) for r in rules]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not rows:
        return ("Tidak ada aturan." if lang == "id" else "No rules.") + "\n"
    w_code = max(len(r["code"]) for r in rows)
    w_kind = max(len(r["kind"]) for r in rows)
    w_name = max(len(r["name"]) for r in rows)
    w_sev = max(len(label(r["severity"], lang)) for r in rows)
    out = []
    for r in rows:
        title = r["title"] + ("" if r["enabled"] else f" {_EXPLAIN['disabled'][lang]}")
        out.append(
            f"{r['code']:<{w_code}}  {label(r['severity'], lang):<{w_sev}}  {r['kind']:<{w_kind}}  "
            f"{r['name']:<{w_name}}  {title}".rstrip()
        )
    return "\n".join(out) + "\n"


def render_explain(rule: Any, lang: str = "id") -> str:
    def head(key: str) -> str:
        return _EXPLAIN[key][lang]

    def para(key: str, text: str) -> list[str]:
        if not text:
            return []
        return (
            [f"{head(key)}:"]
            + textwrap.wrap(text, width=WIDTH, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)
            + [""]
        )

    out = [
        f"{rule.code} — {_t(rule.title, lang)}",
        f"{head('name')}: {rule.name} · {label('severity', lang)}: {label(rule.severity, lang)} · "
        f"{head('kind')}: {rule.kind}" + ("" if rule.enabled else f" {head('disabled')}"),
        "",
    ]
    out += para("description", _t(rule.description, lang))
    out += para("basis", rule.basis)
    out += para("rationale", _t(rule.rationale, lang))
    if rule.params:
        dumped = yaml.safe_dump(rule.params, allow_unicode=True, sort_keys=False).rstrip()
        out += [f"{head('params')}:"] + ["  " + line for line in dumped.splitlines()] + [""]
    if getattr(rule, "defers_to", None):
        out += para(
            "defers_to",
            ", ".join(
                d.rule + (f" ({d.match})" if d.match != "locator" else "") + (f" [{d.when}]" if d.when else "")
                for d in rule.defers_to
            ),
        )
    out += para("message", _t(rule.message, lang))
    out += para("suggestion", _t(rule.suggestion, lang))
    out += para("example", _t(rule.example, lang))
    out.append(f"{head('where')}: {rule.where()}")
    return "\n".join(out) + "\n"
