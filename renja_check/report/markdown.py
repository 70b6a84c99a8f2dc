"""Markdown report a verifier can paste into the Berita Acara Hasil Verifikasi.

A summary table (counts per severity, suppressed, waived), a table of counts per rule,
then one section per table with its findings: severity, rule, location, message,
expected / found / difference, suggestion.
"""

from __future__ import annotations

from itertools import groupby

from ..finding import Finding
from .labels import fmt_value, label, where as where_of
from .model import SEVERITIES, CheckReport

TITLE = {"id": "Hasil Verifikasi Renja (renja-check)", "en": "Renja verification results (renja-check)"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    s = report.summary()
    out = [f"# {TITLE[lang]}", ""]
    if report.inputs:
        out += [f"**{label('inputs', lang).capitalize()}:** " + ", ".join(f"`{p}`" for p in report.inputs), ""]
    out.append(
        f"**{label('rules_run', lang).capitalize()}:** {s['rules_run']} · "
        f"**{label('documents', lang).capitalize()}:** {s['documents']} · renja-check {report.tool_version}"
    )
    out += [
        "",
        f"## {label('summary', lang)}",
        "",
        f"| {label('severity', lang)} | {label('total', lang)} |",
        "|---|---:|",
    ]
    out += [f"| {label(k, lang)} | {s['per_severity'][k]} |" for k in SEVERITIES]
    out.append(f"| {label('waived', lang)} | {s['waived']} |")
    out.append(f"| {label('suppressed', lang)} | {s['suppressed']} |")
    if s["per_rule"]:
        out += ["", f"| {label('rule', lang)} | {label('findings', lang)} |", "|---|---:|"]
        for code, n in s["per_rule"].items():
            info = report.rule_info(code)
            title = f" — {cell(info.title_text(lang))}" if info else ""
            out.append(f"| {code}{title} | {n} |")
    for w in report.warnings():
        out += ["", f"> **{label('warnings', lang)}:** {w[lang]}"]
    if not report.findings:
        out += ["", label("no_findings", lang)]
    for table, group in groupby(report.findings, key=lambda f: f.table or ""):
        out += [
            "",
            f"## {cell(report.table_heading(table, lang))}",
            "",
            "| "
            + " | ".join(
                label(k, lang) for k in ("severity", "rule", "location", "message", "expected", "found", "difference")
            )
            + " |",
            "|---|---|---|---|---:|---:|---:|",
        ]
        out += [_row(report, f, lang) for f in group]
    return "\n".join(out) + "\n"


def _row(report: CheckReport, f: Finding, lang: str) -> str:
    sev = label(f.severity, lang)
    waiver = report.waiver_for(f)
    if waiver is not None:
        sev += f"; {label('waived', lang)}: {waiver.reason}"
    where = f"`{where_of(f)}`"
    if f.locator:
        where += f"\n`{f.locator}`"
    msg = f.text(lang)
    sugg = f.suggestion_text(lang)
    if sugg:
        msg += f"\n*{label('suggestion', lang)}:* {sugg}"
    cells = [
        sev,
        f.rule,
        where,
        msg,
        fmt_value(f.expected, lang),
        fmt_value(f.found, lang),
        fmt_value(f.difference, lang),
    ]
    return "| " + " | ".join(cell(c) for c in cells) + " |"
