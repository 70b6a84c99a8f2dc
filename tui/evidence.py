"""What the detail pane shows of a finding, computed from its attributes and the documents.

Source excerpts come from the finding's span (line numbers of the text the document
was read from); the *offending cells* are the printed forms of what the finding says
was found (the node's printed pagu, the formula's printed result, the found value in
either thousands separator). Cross-table findings show each side's own excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from renja_check.finding import Finding
from renja_check.numbers import format_int

from .session import Session

CONTEXT = 2  # lines shown above and below a span
MAX_LINES = 18  # a long span (a whole subtotal block) is cut around its first lines


@dataclass(frozen=True)
class Excerpt:
    label: str  # what this side is ("Tabel 2.5 (Rancangan Awal RKPD)")
    path: str
    first: int  # first line of the finding's span (1-based)
    last: int
    lines: tuple[tuple[int, str], ...]  # (line number, text) shown
    marks: tuple[str, ...]  # printed cells to highlight


def addends(f: Finding) -> list[dict[str, Any]]:
    """Every addend of a sum finding (``evidence.addends``), as recorded by the rule."""
    items = (f.evidence or {}).get("addends")
    return [a for a in items if isinstance(a, dict)] if isinstance(items, list) else []


def marks(f: Finding, session: Session) -> tuple[str, ...]:
    ev = f.evidence or {}
    out: list[str] = []
    out += _node_marks(session.node(f.locator, f.document), ev.get("year"))
    for value in (f.found, ev.get("printed"), ev.get("pagu_raw")):
        out.extend(_printed_forms(value))
    result = ev.get("result")
    if isinstance(result, dict):
        for value in result.values():
            out.extend(_printed_forms(value))
    seen: list[str] = []
    for m in out:
        if m and m not in seen and m not in ("-", "0"):
            seen.append(m)
    return tuple(seen)


def _node_marks(hit, year: Any) -> list[str]:
    """The printed pagu cell of the year the finding is about."""
    if hit is None or year is None:
        return []
    money = hit[2].pagu.get(str(year))
    return [money.raw.strip()] if money is not None and money.raw.strip() else []


def _printed_forms(value: Any) -> list[str]:
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int):
        if abs(value) < 1000:
            return []  # a bare small number would light up half the page
        return [format_int(value), f"{value:,}", str(value)]  # 1.234.567, 1,234,567, 2021
    if isinstance(value, str) and 2 <= len(value.strip()) <= 40:
        return [value.strip()]
    return []


def excerpt(
    session: Session, path: str, first: int, last: int, label: str, found_marks: tuple[str, ...] = ()
) -> Optional[Excerpt]:
    lines = session.source_lines(path)
    if not lines or first < 1:
        return None
    last = max(first, last)
    start = max(1, first - CONTEXT)
    end = min(len(lines), last + CONTEXT, start + MAX_LINES - 1)
    shown = tuple((n, lines[n - 1]) for n in range(start, end + 1))
    return Excerpt(label=label, path=path, first=first, last=last, lines=shown, marks=found_marks)


def sides(session: Session, f: Finding, lang: str = "id") -> list[Excerpt]:
    """The finding's own excerpt, then the other side(s) of a cross-table finding."""
    out: list[Excerpt] = []
    own_marks = marks(f, session)
    if f.span is not None:
        ex = excerpt(
            session,
            f.span.file or f.document,
            f.span.line_start,
            f.span.line_end,
            session.report.table_heading(f.table, lang),
            own_marks,
        )
        if ex:
            out.append(ex)
    for locator, table, line, document in _other_sides(session, f):
        hit = session.node(locator, document)
        span = hit[2].span if hit else None
        if span is not None:
            first, last, path = span.line_start, span.line_end, span.file or document or f.document
        elif line:
            first, last, path = int(line), int(line), document or f.document
        else:
            continue
        if any(e.path == path and e.first == first for e in out):
            continue
        other_marks = [m for m in _node_marks(hit, (f.evidence or {}).get("year"))] + _printed_forms(f.expected)
        label = _table_label(session, f, table, locator, lang)
        if document and document != f.document:  # a cross-document finding: say which document
            label = f"{document.replace(chr(92), '/').rsplit('/', 1)[-1]}: {label}"
        ex = excerpt(session, path, first, last, label, tuple(other_marks))
        if ex:
            out.append(ex)
    return out


Side = tuple[Optional[str], Optional[str], Optional[int], Optional[str]]


def _other_sides(session: Session, f: Finding) -> list[Side]:
    """(locator, table, line, document) of the other rows a finding compares its row with;
    a cross-document finding names the other document in its evidence."""
    ev = f.evidence or {}
    found: list[Side] = []
    own_line = f.span.line_start if f.span else None
    for key, v in ev.items():  # {"a": {...}, "b": {...}} or {"renja": {...}, "rkpd": {...}}
        if isinstance(v, dict) and (v.get("locator") or v.get("line")):
            same_doc = (v.get("document") or f.document) == f.document
            if same_doc and (v.get("locator") == f.locator or (not v.get("locator") and v.get("line") == own_line)):
                continue  # the finding's own row
            found.append((v.get("locator"), v.get("table"), v.get("line"), v.get("document")))
        elif key in ("origin", "budget_node") and isinstance(v, str) and session.node(v):
            found.append((v, session.node(v)[1].id, None, None))
    rule = session.rules.get(f.rule)
    hit = session.node(f.locator, f.document)
    if found or hit is None or rule is None or not rule.kind.startswith("cross"):
        return found
    # a cross-table finding that names no other row: the same code in the document's
    # other tables, the paired side of a two-sided table first
    doc, table, _ = hit
    key = f.locator.split(":", 1)[1]
    others = sorted((t for t in doc.tables if t.id != table.id), key=lambda t: t.id != table.pair)
    for other in others:
        if session.node(f"{other.id}:{key}"):
            found.append((f"{other.id}:{key}", other.id, None, doc.source.path))
    return found[:2]


def _table_label(session: Session, f: Finding, table: Optional[str], locator: Optional[str], lang: str) -> str:
    """The report's name of a table; the evidence's own label for a table of another document."""
    if table in session.report.tables or not table:
        return session.report.table_heading(table, lang)
    for v in (f.evidence or {}).values():
        if isinstance(v, dict) and v.get("table") == table and v.get("table_label"):
            return str(v["table_label"])
    return session.report.table_heading(table, lang)


def explanation(session: Session, code: str, lang: str = "id") -> str:
    """``renja-check explain CODE`` as text (description, legal basis, rationale, ...)."""
    rule = session.rules.get(code)
    if rule is None:
        return ""
    from renja_check.report.catalogue import render_explain

    return render_explain(rule, lang)
