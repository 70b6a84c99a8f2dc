"""Text report for people: findings grouped by document, table and severity, then a summary.

Fits 100 columns. Colour (ANSI) only when asked (the CLI asks when stdout is a TTY).
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable

from ..finding import Finding
from .display_paths import display_path, where
from .evidence_lines import short_evidence
from .labels import expected_found, has_values, label, severity_counts
from .model import SEVERITIES, CheckReport
from .wrap import wrap

WIDTH = 100
INDENT = " " * 6
_COLOURS = {"error": ("red", True), "warning": ("yellow", True), "info": ("cyan", False)}


def _styler(color: bool) -> Callable[..., str]:
    if not color:
        return lambda text, **_: text
    import click  # only for its ANSI styling helper; the report stays a plain function

    return click.style


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    style = _styler(color)
    out: list[str] = []
    docs = {f.document for f in report.findings}
    key = (lambda f: (f.document, f.table or "")) if len(docs) > 1 else (lambda f: ("", f.table or ""))
    for (doc, table), group in groupby(report.findings, key=key):
        group = list(group)
        heading = report.table_heading(table, lang)
        if doc:
            heading = f"{heading} — {display_path(doc)}"
        out.append(style(heading, bold=True))
        by_sev = {s: [f for f in group if f.severity == s] for s in SEVERITIES}
        for sev in SEVERITIES:
            if not by_sev[sev]:
                continue
            out.append(style(f"  {label(sev, lang).upper()} ({len(by_sev[sev])})", fg=_COLOURS[sev][0]))
            for f in by_sev[sev]:
                out.extend(_finding(report, f, lang, style))
        out.append("")
    if not report.findings:
        out.append(label("no_findings", lang))
        out.append("")
    from .pemda_text import agency_lines  # whole-pemda run: one line per agency, totals

    out.extend(agency_lines(report, lang))
    out.extend(summary_lines(report, lang, style))
    return "\n".join(out) + "\n"


def _finding(report: CheckReport, f: Finding, lang: str, style: Callable[..., str]) -> list[str]:
    fg, bold = _COLOURS[f.severity]
    at = where(f)
    head = f"  {style(label(f.severity, lang), fg=fg, bold=bold)} {style(f.rule, bold=True)} {at}"
    plain_len = len(f"  {label(f.severity, lang)} {f.rule} {at}")
    lines = [head]
    if f.locator:
        if plain_len + len(f.locator) + 4 <= WIDTH:
            lines[0] += f"  [{f.locator}]"
        else:
            lines.append(f"{INDENT}[{f.locator}]")
    lines.extend(_wrap(f.text(lang)))
    if has_values(f):
        lines.extend(_wrap(expected_found(f, lang, " · ")))
    if f.evidence:
        ev = short_evidence(f.evidence, lang, width=WIDTH - len(INDENT) - 2, shown=(f.expected, f.found, f.difference))
        if ev:
            lines.append(f"{INDENT}{style(label('evidence', lang), dim=True)}:")
            lines.extend(f"{INDENT}  {e}" for e in ev)
    sugg = f.suggestion_text(lang)
    if sugg:
        lines.extend(_wrap(f"{label('suggestion', lang)}: {sugg}"))
    waiver = report.waiver_for(f)
    if waiver is not None:
        lines.extend(_wrap(style(f"{label('waived', lang)}: {waiver.reason}", fg="magenta")))
    return lines


def _wrap(text: str) -> list[str]:
    return wrap(text, WIDTH, INDENT, INDENT, break_on_hyphens=False) or [INDENT]


def summary_lines(
    report: CheckReport, lang: str = "id", style: Callable[..., str] | None = None, with_warnings: bool = True
) -> list[str]:
    style = style or _styler(False)
    s = report.summary()
    sev = severity_counts(s["per_severity"], lang)
    seconds = report_seconds(report)
    secs = f"{seconds:.2f}".replace(".", ",") if lang == "id" else f"{seconds:.2f}"
    head = (
        f"{label('summary', lang)}: {sev} · {label('documents', lang)}: {s['documents']} · "
        f"{label('rules_run', lang)}: {s['rules_run']} · {secs} {label('seconds', lang)}"
    )
    lines = [style(head, bold=True)]
    if s["per_rule"]:
        line = f"  {label('per_rule', lang)}:"
        for i, (code, n) in enumerate(s["per_rule"].items()):
            item = f" {code} {n}" + ("," if i < len(s["per_rule"]) - 1 else "")
            if len(line) + len(item) > WIDTH:
                lines.append(line)
                line = "   "
            line += item
        lines.append(line)
    extra = []
    if s["suppressed"]:
        extra.append(f"{label('suppressed', lang)}: {s['suppressed']}")
    if s["waived"]:
        extra.append(f"{label('waived', lang)}: {s['waived']}")
    if extra:
        lines.append("  " + " · ".join(extra))
    from .pemda_text import skipped_lines  # rules that needed an absent document

    lines.extend(skipped_lines(report, lang))
    for w in report.warnings() if with_warnings else ():
        lines.extend(wrap(f"{label('warnings', lang)}: {w[lang]}", WIDTH, "  ", "    "))
    return lines


def report_seconds(report: CheckReport) -> float:
    ms = report.elapsed_ms if report.elapsed_ms is not None else report.stats.duration_ms
    return ms / 1000.0
