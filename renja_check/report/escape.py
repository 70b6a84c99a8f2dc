"""Control characters from the input never reach a terminal or an XML file raw.

Text read from a document (names, sentences, cells) may hold control characters: a
terminal escape (``ESC [ ... m``) in a name would repaint the verifier's terminal, and a
``\\x01`` makes a JUnit report invalid XML. ``escaped(report)`` returns a copy of the report
whose every string shows such characters as visible escapes (``\\x1b``, ``\\x85``); the
text, Markdown, GitHub and JUnit formats render that copy (findings, rules, waivers, and the
skipped rules and agency summaries of a dossier run). JSON and SARIF render the
report as it is: their encoder escapes control characters as the format requires.
``xml_safe`` is the last pass over JUnit XML: no character XML 1.0 forbids survives;
``utf8_safe`` the last pass over every format (a non-UTF-8 file name stays visible as
``\\udcff`` instead of making the report invalid UTF-8).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

# C0 except tab and newline, DEL, C1, lone surrogates (a file name that is not UTF-8)
_CTRL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# what XML 1.0 forbids (C0 but tab/newline/CR, surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible(m: re.Match) -> str:
    c = ord(m.group(0))
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def escape_text(s: str) -> str:
    return _CTRL.sub(_visible, s) if _CTRL.search(s) else s


def utf8_safe(s: str) -> str:
    """``s`` encodable as UTF-8: lone surrogates (bytes of a non-UTF-8 file name) as ``\\udcff``."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def xml_safe(s: str) -> str:
    return _NOT_XML.sub(_visible, s) if _NOT_XML.search(s) else s


def escape_value(v: Any) -> Any:
    if isinstance(v, str):
        return escape_text(v)
    if isinstance(v, dict):
        return {escape_value(k): escape_value(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return type(v)(escape_value(x) for x in v)
    return v


def _dirty(v: Any) -> bool:
    if isinstance(v, str):
        return _CTRL.search(v) is not None
    if isinstance(v, dict):
        return any(_dirty(k) or _dirty(x) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return any(_dirty(x) for x in v)
    return False


def _strings(v: Any, out: list[str]) -> list[str]:
    """Every string inside ``v`` (dict keys too), the strings ``_dirty`` looks at."""
    stack = [v]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, y in x.items():
                stack.append(k)
                stack.append(y)
        elif isinstance(x, (list, tuple)):
            stack.extend(x)
    return out


def _any_dirty(values: list[Any]) -> bool:
    """``any(_dirty(v) for v in values)`` in one search ("\\n" is no control character here)."""
    return _CTRL.search("\n".join(_strings(values, []))) is not None


_FINDING_FIELDS = (
    "message",
    "document",
    "table",
    "locator",
    "expected",
    "found",
    "evidence",
    "suggestion",
    "rule_name",
)


def escaped(report: Any) -> Any:
    """A copy of a ``CheckReport`` with control characters escaped in every string it shows."""

    def finding(f):
        if not any(_dirty(getattr(f, k)) for k in _FINDING_FIELDS) and not (f.span and _dirty(f.span.file)):
            return f  # the common case: nothing to escape, no copy
        update = {k: escape_value(getattr(f, k)) for k in _FINDING_FIELDS}
        if f.span is not None and _CTRL.search(f.span.file):
            update["span"] = f.span.model_copy(update={"file": escape_text(f.span.file)})
        return f.model_copy(update=update)

    def waiver(w):
        return w.model_copy(update={"reason": escape_text(w.reason), "where": escape_text(w.where)})

    rule_fields = ("name", "title", "description", "basis", "where")
    if _any_dirty([getattr(r, k) for r in report.rules for k in rule_fields]):
        rules = [dataclasses.replace(r, **{k: escape_value(getattr(r, k)) for k in rule_fields}) for r in report.rules]
    else:  # the common case: the same rules, no copy
        rules = list(report.rules)
    stats = report.stats  # a dossier run's skipped rules and agency summaries come from the input too
    if any(_dirty(getattr(stats, k)) for k in ("skipped", "agencies", "totals")):
        stats = stats.model_copy(update={k: escape_value(getattr(stats, k)) for k in ("skipped", "agencies", "totals")})
    shown = [getattr(f, k) for f in report.findings for k in _FINDING_FIELDS]
    shown += [f.span.file for f in report.findings if f.span]
    findings = [finding(f) for f in report.findings] if _any_dirty(shown) else list(report.findings)
    return dataclasses.replace(
        report,
        stats=stats,
        findings=findings,
        rules=rules,
        inputs=[escape_text(p) for p in report.inputs],
        waived={fp: waiver(w) for fp, w in report.waived.items()},
        unused_waivers=[waiver(w) for w in report.unused_waivers],
        expired_waivers=[waiver(w) for w in report.expired_waivers],
        tables=escape_value(report.tables),
    )
