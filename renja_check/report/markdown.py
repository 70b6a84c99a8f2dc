"""Markdown report a verifier can paste into the Berita Acara Hasil Verifikasi.

A summary table (counts per severity, suppressed, waived), a table of counts per rule,
then one section per table with its findings: severity, rule, location, message,
expected / found / difference, suggestion.
"""

from __future__ import annotations

from itertools import groupby

from ..finding import Finding
from .display_paths import where as where_of
from .labels import fmt_value, label
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
    out += _dossier_sections(report, lang)
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


def _dossier_sections(report: CheckReport, lang: str) -> list[str]:
    """Rules skipped for want of a document and, for a whole pemda, one row per agency."""
    from .pemda_text import rp_or_dash, t

    out: list[str] = []
    skipped = report.stats.skipped
    if skipped:
        out += [
            "",
            f"**{t('skipped', lang).capitalize()}:** "
            + ", ".join(f"{code} ({cell('/'.join(gaps))})" for code, gaps in skipped.items()),
        ]
    agencies = report.stats.agencies
    if agencies:
        names = t("sev", lang)
        out += [
            "",
            f"## {t('agencies', lang)} ({len(agencies)})",
            "",
            f"| PD | {' | '.join(names)} | pagu N | pagu N+1 | {t('docs', lang)} |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for a in agencies:
            who = a.get("name") or a.get("agency") or "-"
            docs = ", ".join(f"{role} {len(paths)}" for role, paths in a["documents"].items())
            sev = " | ".join(str(a["findings"][k]) for k in ("error", "warning", "info"))
            out.append(
                f"| {cell(who)} | {sev} | {rp_or_dash(a['pagu_n'])} | {rp_or_dash(a['pagu_n1'])} | {cell(docs)} |"
            )
    return out


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
