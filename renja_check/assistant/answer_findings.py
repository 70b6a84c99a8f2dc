"""Answers about findings: which findings (by node, table, severity, rule) and why one was raised."""

from __future__ import annotations

from typing import Any, Optional

from . import cite
from .data import RunData
from .parse import Query
from .subject import Subject
from .texts import money, t, value_text
from .types import Answer, Builder

LIMIT = 15
WHY_LIMIT = 5


def select(q: Query, data: RunData, s: Subject, tables: list[dict]) -> list[dict]:
    rows = list(data.findings)
    if q.rule:
        rows = [f for f in rows if f["rule"] == q.rule or (len(q.rule) == 2 and f["rule"].startswith(q.rule))]
    if q.severity and not (q.rule and len(q.rule) > 2):
        rows = [f for f in rows if f["severity"] == q.severity]
    if tables:
        paths = {x["document_id"]: data.documents[x["document_id"]]["path"] for x in tables}
        keys = {(paths[x["document_id"]], x["table_id"]) for x in tables}
        rows = [
            f
            for f in rows
            if (f["document"], f["table_id"]) in keys or (f["document"], (f["evidence"] or {}).get("table")) in keys
        ]
    if s.nodes:
        ids = {n["node_id"] for n in s.nodes}
        code = s.code
        rows = [
            f
            for f in rows
            if f["locator"] in ids
            or (code and code in (f["locator"] or ""))
            or (code and code in _text(f.get("evidence")))
        ]
    return rows


def _text(value: Any) -> str:
    return str(value) if value is not None else ""


def _scope_text(q: Query, s: Subject, tables: list[dict], data: RunData, lang: str) -> str:
    parts = []
    if s.label:
        parts.append(s.label)
    if tables:
        parts.append(", ".join(dict.fromkeys(data.table_label(x["document_id"], x["table_id"], lang) for x in tables)))
    if q.severity:
        parts.append(q.severity)
    if q.rule:
        parts.append(q.rule)
    return f" ({'; '.join(parts)})" if parts else ""


def findings(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    rows = select(q, data, s, tables)
    what = _scope_text(q, s, tables, data, b.lang)
    if not rows:
        b.add(t("find_none", b.lang, what=what, run=data.run["id"]))
        return b.answer()
    sev = {k: sum(1 for f in rows if f["severity"] == k) for k in ("error", "warning", "info")}
    b.add(t("find_head", b.lang, n=len(rows), what=what, e=sev["error"], w=sev["warning"], i=sev["info"]))
    per_rule: dict[str, int] = {}
    for f in rows:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    if len(per_rule) > 1:
        b.add(
            t(
                "per_rule",
                b.lang,
                counts=", ".join(f"{r} {n}" for r, n in sorted(per_rule.items(), key=lambda p: (-p[1], p[0]))),
            )
        )
    for f in sorted(rows, key=lambda f: (-("info", "warning", "error").index(f["severity"]), f["id"]))[:LIMIT]:
        b.add(f"- {f['rule']} {f['severity']}: {_message(f, b.lang)}", cite.finding(data, f, b.lang))
    if len(rows) > LIMIT:
        b.add(t("more", b.lang, n=len(rows) - LIMIT))
    return b.answer()


def _message(f: dict, lang: str) -> str:
    text = f.get(f"message_{lang}") or f.get("message_id") or ""
    return text if len(text) <= 400 else text[:397] + "..."


def _figures(f: dict, lang: str) -> Optional[str]:
    e, fd, d = f["expected"], f["found"], f["difference"]
    if e is None and fd is None:
        return None
    if d is not None:
        return t("efd", lang, e=value_text(e, lang), f=value_text(fd, lang), d=value_text(d, lang))
    return t("ef", lang, e=value_text(e, lang), f=value_text(fd, lang))


def _evidence(ev: Any, lang: str) -> Optional[str]:
    if not isinstance(ev, dict) or not ev:
        return None
    parts = []
    for k, v in list(ev.items())[:6]:
        if isinstance(v, list) and v and isinstance(v[0], dict):
            v = [x.get("value", x.get("code")) for x in v]
        if isinstance(v, int) and not isinstance(v, bool):
            v = money(v, lang) if abs(v) >= 10_000 else str(v)  # a year or a count stays as printed
        elif isinstance(v, dict):
            continue
        parts.append(f"{k}={value_text(v, lang)}")
    return t("evidence", lang, ev="; ".join(parts)) if parts else None


def why(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    rows = select(q, data, s, tables)
    codes = [q.rule] if q.rule and len(q.rule) > 2 else list(dict.fromkeys(f["rule"] for f in rows))
    if not codes:
        b.intent = "findings"
        return findings(b, q, data, s, tables)
    what = f" ({s.label})" if s.label else ""
    for code in codes[:4]:
        rule = data.rules.get(code)
        if rule:
            title = rule.get(f"title_{b.lang}") or rule.get("title_id") or rule["name"]
            desc = rule.get(f"description_{b.lang}") or rule.get("description_id") or ""
            b.add(t("why_rule", b.lang, code=code, title=title, desc=" ".join(desc.split())))
            if rule.get("basis"):
                b.add(t("why_basis", b.lang, basis=rule["basis"]))
        mine = [f for f in rows if f["rule"] == code]
        if not mine:
            b.add(t("why_none", b.lang, code=code, what=what, run=data.run["id"]))
            continue
        b.add(t("why_head", b.lang, code=code, what=what, n=len(mine)))
        for f in mine[:WHY_LIMIT]:
            b.add(f"- {_message(f, b.lang)}", cite.finding(data, f, b.lang))
            for extra in (_figures(f, b.lang), _evidence(f["evidence"], b.lang)):
                if extra:
                    b.add(f"  {extra}")
        if len(mine) > WHY_LIMIT:
            b.add(t("more", b.lang, n=len(mine) - WHY_LIMIT))
    return b.answer(found=bool(rows) or any(c in data.rules for c in codes))
