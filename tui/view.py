"""The findings view: filters, sort order, counts, and export of what is shown.

Plain functions over ``Finding`` attributes so the rules of the view are tested
without a terminal; the widgets only hold a ``ViewState`` and call ``visible``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from renja_check.finding import SEVERITY_ORDER, Finding
from renja_check.report import json_, markdown
from renja_check.report.model import SEVERITIES, CheckReport

SORTS = ("document", "severity", "rule", "table")
SEVERITY_CYCLE = (None, "error", "warning", "info")


@dataclass(frozen=True)
class ViewState:
    severity: Optional[str] = None
    rule: Optional[str] = None
    table: Optional[str] = None
    document: Optional[str] = None
    text: str = ""
    nodes: frozenset[str] = field(default_factory=frozenset)  # locators of one document node
    sort: str = "document"

    def replace(self, **changes) -> "ViewState":
        return dataclasses.replace(self, **changes)

    def filtered(self) -> bool:
        return any((self.severity, self.rule, self.table, self.document, self.text.strip(), self.nodes))


def matches(f: Finding, state: ViewState, lang: str = "id") -> bool:
    if state.severity and f.severity != state.severity:
        return False
    if state.rule and f.rule != state.rule:
        return False
    if state.table and (f.table or "") != state.table:
        return False
    if state.document and f.document != state.document:
        return False
    if state.nodes and f.locator not in state.nodes and not _evidence_mentions(f, state.nodes):
        return False
    words = state.text.lower().split()
    if words:
        hay = " ".join(
            (
                f.rule,
                f.rule_name,
                f.text(lang),
                f.text("en" if lang == "id" else "id"),
                f.table or "",
                f.locator or "",
                str(f.expected),
                str(f.found),
            )
        ).lower()
        return all(w in hay for w in words)
    return True


def _evidence_mentions(f: Finding, locators: frozenset[str]) -> bool:
    """A cross-table finding belongs to a node when its evidence names the node's locator."""
    ev = f.evidence or {}
    for v in ev.values():  # the sides of a cross-table or cross-document finding
        if isinstance(v, dict) and v.get("locator") in locators:
            return True
    nodes = ev.get("nodes")
    return isinstance(nodes, list) and any(n in locators for n in nodes)


def visible(findings: Iterable[Finding], state: ViewState, lang: str = "id") -> list[Finding]:
    """The findings the view shows, in the chosen order (``document`` keeps the report's)."""
    shown = [f for f in findings if matches(f, state, lang)]
    if state.sort == "severity":
        shown.sort(key=lambda f: -SEVERITY_ORDER[f.severity])  # stable: report order within
    elif state.sort == "rule":
        shown.sort(key=lambda f: f.rule)
    elif state.sort == "table":
        shown.sort(key=lambda f: f.table or "")
    return shown


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def choices(findings: list[Finding]) -> dict[str, list[str]]:
    """The values each filter can take, in first-seen (report) order."""
    out: dict[str, list[str]] = {"rule": [], "table": [], "document": []}
    for f in findings:
        for key, value in (("rule", f.rule), ("table", f.table or ""), ("document", f.document)):
            if value not in out[key]:
                out[key].append(value)
    out["rule"].sort()
    return out


def export(report: CheckReport, shown: list[Finding], path: Path, fmt: str, lang: str = "id") -> Path:
    """Write the shown findings with the report's own Markdown or JSON renderer."""
    view = dataclasses.replace(report, findings=list(shown))
    text = markdown.render(view, lang) if fmt == "markdown" else json_.render(view, lang)
    path = Path(path)
    path.write_text(text, encoding="utf-8")
    return path
