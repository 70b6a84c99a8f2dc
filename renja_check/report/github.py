"""GitHub Actions workflow commands: one annotation per finding.

``::error file=F,line=L,endLine=E,title=CODE::message`` (``warning`` for warnings,
``notice`` for info and for waived findings). Escaping follows the runner's rules:
in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values
also ``:`` and ``,`` become ``%3A`` and ``%2C``.

After the findings, one ``::notice`` per rule skipped for want of a document (title
``renja-check CODE``, what it lacked), and for a whole pemda one ``::notice`` per agency
(its findings per severity, pagu N and N+1) and one for the pemda totals. The CLI also
appends a short Markdown summary (counts, skipped rules, agencies) to the file
``$GITHUB_STEP_SUMMARY`` names when that is set (``write_step_summary``); a failure to
write it is a warning on stderr, never a failed check.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

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
    lines += dossier_notices(report, lang)
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


def _notice(title: str, text: str) -> str:
    return f"::notice title={escape_property(title)}::{escape_data(text)}"


def dossier_notices(report: CheckReport, lang: str = "id") -> list[str]:
    """Skipped rules, then (a whole pemda) one notice per agency and one for the totals."""
    from .dossier_notes import agency_name, agency_text, pemda_text, skipped_text, tr

    out = [_notice(f"renja-check {code}", skipped_text(report, code, lang)) for code in report.stats.skipped]
    if report.stats.agencies:
        out += [_notice(f"renja-check {agency_name(a)}", agency_text(a, lang)) for a in report.stats.agencies]
        out.append(_notice(f"renja-check {tr('pemda', lang)}", pemda_text(report, lang)))
    return out


def step_summary(report: CheckReport, lang: str = "id") -> str:
    """Markdown for the job summary page: counts per severity, skipped rules, agencies."""
    from .markdown import TITLE, _dossier_sections

    s = report.summary()
    out = [f"### {TITLE[lang]}", "", severity_counts(s["per_severity"], lang)]
    if s["waived"] or s["suppressed"]:
        out.append(f"{label('waived', lang)}: {s['waived']} · {label('suppressed', lang)}: {s['suppressed']}")
    out += _dossier_sections(report, lang)
    if report.stats.agencies:
        from .dossier_notes import pemda_text

        out += ["", pemda_text(report, lang)]
    return "\n".join(out) + "\n\n"


def write_step_summary(report: CheckReport, lang: str = "id") -> Optional[str]:
    """Append ``step_summary`` to ``$GITHUB_STEP_SUMMARY`` when set; the error text if that failed."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    try:
        from .escape import escaped, utf8_safe

        with open(target, "a", encoding="utf-8") as fh:
            fh.write(utf8_safe(step_summary(escaped(report), lang)))
    except Exception as exc:  # noqa: BLE001 - the job summary is a courtesy: never fail the check for it
        return f"{target}: {type(exc).__name__}: {exc}"
    return None
