"""GitHub Actions workflow commands: one annotation per finding.

``::error file=F,line=L,endLine=E,title=CODE::message`` (``warning`` for warnings,
``notice`` for info and for waived findings). Escaping follows the runner's rules:
in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values
also ``:`` and ``,`` become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..finding import Finding
from .labels import expected_found, has_values, label, severity_counts
from .model import CheckReport

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    lines = [_command(report, f, lang) for f in report.findings]
    for w in report.warnings():
        lines.append(f"::warning title=renja-check::{escape_data(w.get(lang) or w['id'])}")
    s = report.summary()
    lines.append(f"renja-check: {severity_counts(s['per_severity'], lang)}")
    return "\n".join(lines) + "\n"


def _command(report: CheckReport, f: Finding, lang: str) -> str:
    waiver = report.waiver_for(f)
    cmd = "notice" if waiver is not None else COMMANDS[f.severity]
    props = []
    path = f.span.file if f.span else f.document
    if path:
        props.append(("file", _relative(path)))
    if f.span:
        props.append(("line", str(f.span.line_start)))
        props.append(("endLine", str(max(f.span.line_end, f.span.line_start))))
    props.append(("title", f.rule))
    body = [f.text(lang)]
    if has_values(f):
        body.append(expected_found(f, lang))
    sugg = f.suggestion_text(lang)
    if sugg:
        body.append(f"{label('suggestion', lang)}: {sugg}")
    if waiver is not None:
        body.insert(0, f"[{label('waived', lang)}: {waiver.reason}]")
    prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{cmd} {prop_text}::{escape_data(chr(10).join(body))}"


def _relative(path: str) -> str:
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()
