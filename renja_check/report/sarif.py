"""SARIF 2.1.0 for code-scanning viewers (GitHub code scanning, VS Code SARIF viewer).

One run; ``tool.driver.rules`` holds every rule run (id, name, short/full description,
default level, properties severity/basis/kind). Each finding is a result with ``ruleId``,
``level`` (error/warning/note), the message, a physical location (URI relative to the
working directory under ``%SRCROOT%`` when possible, region start/end line) and
``partialFingerprints["renjaCheck/v1"]``. Waived findings carry an accepted external
suppression with the waiver's reason; stale waivers become tool notifications.

A dossier run (``sarif_dossier``): every rule skipped for want of a document is a rule
descriptor too, and a ``toolExecutionNotifications`` entry (level ``note``) whose
``descriptor`` is the rule id (listed in ``driver.notifications``) and ``associatedRule``
the rule, with what it lacked; a whole pemda adds one notification per agency and one for
the pemda totals, the same data in ``run.properties`` (``skipped``, ``agencies``,
``totals``) and each result's agency in its ``properties.agency``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from ..finding import Finding
from .model import TOOL_NAME, CheckReport, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "renjaCheck/v1"
SRCROOT = "%SRCROOT%"


def render(report: CheckReport, lang: str = "id", *, color: bool = False, base: Optional[Path] = None) -> str:
    return json.dumps(sarif_log(report, lang, base), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: CheckReport, lang: str = "id", base: Optional[Path] = None) -> dict[str, Any]:
    from .dossier_notes import with_skipped
    from .sarif_dossier import dossier_part

    base = Path(base or Path.cwd()).resolve()
    rules = with_skipped(report, report.rule_infos())
    index = {r.code: i for i, r in enumerate(rules)}
    notes, descriptors, props, agency_of = dossier_part(report, lang, index, base)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "language": lang,
                "rules": [_descriptor(r, lang) for r in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "exitCode": report.exit_code(),
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": w.get(lang) or w["id"]}} for w in report.warnings()
                ]
                + notes,
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri() + "/"}},
        "language": lang,
        "results": [_result(report, f, index, lang, base, agency_of.get(id(f))) for f in report.findings],
    }
    if descriptors:
        run["tool"]["driver"]["notifications"] = descriptors
    if props:
        run["properties"] = props
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _descriptor(r: RuleInfo, lang: str) -> dict[str, Any]:
    title = r.title_text(lang)
    full = r.description.get(lang) or r.description.get("id") or title
    props: dict[str, Any] = {"severity": r.severity}
    if r.basis:
        props["basis"] = r.basis
    if r.kind:
        props["kind"] = r.kind
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS.get(r.severity, "warning")},
        "properties": props,
    }


def _result(
    report: CheckReport, f: Finding, index: dict[str, int], lang: str, base: Path, agency: Optional[str] = None
) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.text(lang)},
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    loc = _location(f, base)
    if loc:
        res["locations"] = [loc]
    props = {
        k: v
        for k, v in (
            ("table", f.table),
            ("locator", f.locator),
            ("expected", f.expected),
            ("found", f.found),
            ("difference", f.difference),
            ("suggestion", f.suggestion_text(lang)),
            ("agency", agency),
        )
        if v is not None
    }
    if f.evidence:
        from ..finding import in_lang

        props["evidence"] = in_lang(f.evidence, lang)
    if props:
        res["properties"] = props
    waiver = report.waiver_for(f)
    if waiver is not None:
        res["suppressions"] = [{"kind": "external", "state": "accepted", "justification": waiver.reason}]
    return res


def _location(f: Finding, base: Path) -> Optional[dict[str, Any]]:
    path = f.span.file if f.span else f.document
    if not path:
        return None
    phys: dict[str, Any] = {"artifactLocation": artifact_location(path, base)}
    if f.span and f.span.line_start >= 1:
        phys["region"] = {"startLine": f.span.line_start, "endLine": max(f.span.line_end, f.span.line_start)}
    return {"physicalLocation": phys}


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """Relative URI under %SRCROOT% when the file lies under ``base``, else an absolute file URI."""
    p = Path(path)
    absolute = p if p.is_absolute() else (base / p)
    absolute = Path(os.path.normpath(absolute))
    try:
        rel = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    # errors="surrogateescape": a non-UTF-8 file name is percent-encoded from its raw bytes
    return {"uri": quote(rel.as_posix(), errors="surrogateescape"), "uriBaseId": SRCROOT}
