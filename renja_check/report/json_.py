"""JSON and JSON Lines: the documented machine contract (README, "JSON output contract").

``json``: one object with tool, lang, inputs, summary, tables, findings, unused/expired waivers.
``jsonl``: one finding object per line, same finding shape, nothing else.
Money is always an integer of rupiah; messages are rendered in the chosen language.
"""

from __future__ import annotations

import json
from typing import Any

from ..finding import Finding
from .display_paths import sample_path
from .model import TOOL_NAME, CheckReport

FORMAT_VERSION = 1


def finding_dict(report: CheckReport, f: Finding, lang: str = "id") -> dict[str, Any]:
    d = f.to_dict(lang)
    d["document"] = sample_path(d["document"])  # the embedded sample by its short name
    if d.get("span"):
        d["span"]["file"] = sample_path(d["span"]["file"])
    waiver = report.waiver_for(f)
    d["waived"] = waiver is not None
    d["waiver_reason"] = waiver.reason if waiver is not None else None
    return d


def report_dict(report: CheckReport, lang: str = "id") -> dict[str, Any]:
    return {
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "inputs": [sample_path(str(p)) for p in report.inputs],
        "summary": report.summary(),
        "tables": {tid: report.table_heading(tid, lang) for tid in report.tables},
        "findings": [finding_dict(report, f, lang) for f in report.findings],
        "unused_waivers": [w.to_dict() for w in report.unused_waivers],
        "expired_waivers": [w.to_dict() for w in report.expired_waivers],
        "warnings": [w.get(lang) or w["id"] for w in report.warnings()],
    }


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    return json.dumps(report_dict(report, lang), indent=2, ensure_ascii=False) + "\n"


def render_lines(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    return "".join(json.dumps(finding_dict(report, f, lang), ensure_ascii=False) + "\n" for f in report.findings)
