"""The SARIF parts of a dossier run: skipped rules, agency summaries, pemda totals.

A rule skipped for want of a document is a ``toolExecutionNotifications`` entry of level
``note``: its ``descriptor`` is the rule id (a descriptor in ``driver.notifications``), its
``associatedRule`` the rule's descriptor in ``driver.rules``, ``properties.missing`` what it
lacked. A whole pemda adds one notification per agency (descriptor ``renja-check/agency``)
and one for the totals (``renja-check/pemda``), and ``run.properties`` holds the same data
for machines: ``skipped``, ``agencies`` (as in the JSON summary, document paths as URIs
relative to ``%SRCROOT%`` when under it) and ``totals``. Money is integer rupiah.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .dossier_notes import agency_text, by_agency, pemda_text, pemda_totals, skip_share, skipped_text
from .model import CheckReport
from .sarif import artifact_location

AGENCY_ID, PEMDA_ID = "renja-check/agency", "renja-check/pemda"
_DESCRIPTION = {
    "skipped": (
        "Aturan {code} tidak dijalankan: dokumen yang diperlukan tidak ada",
        "Rule {code} not run: a document it needs is absent",
    ),
    AGENCY_ID: ("Ringkasan satu perangkat daerah", "Summary of one agency"),
    PEMDA_ID: ("Total pemda", "Pemda totals"),
}


def _describe(key: str, lang: str, **values: Any) -> dict[str, str]:
    return {"text": _DESCRIPTION[key][0 if lang == "id" else 1].format(**values)}


def dossier_part(
    report: CheckReport, lang: str, index: dict[str, int], base: Path
) -> tuple[list[dict], list[dict], dict[str, Any], dict[int, str]]:
    """(notifications, notification descriptors, run properties, id(finding) -> agency)."""
    notes: list[dict] = []
    descriptors: list[dict] = []
    props: dict[str, Any] = {}
    skipped = report.stats.skipped
    for code, gaps in skipped.items():
        descriptors.append(
            {
                "id": code,
                "shortDescription": _describe("skipped", lang, code=code),
                "defaultConfiguration": {"level": "note"},
            }
        )
        note_props: dict[str, Any] = {"missing": list(gaps)}
        share = skip_share(report, code)
        if share:
            note_props["agencies_skipped"], note_props["agencies"] = share
        notes.append(
            {
                "level": "note",
                "message": {"text": skipped_text(report, code, lang)},
                "descriptor": {"id": code, "index": len(descriptors) - 1},
                "associatedRule": {"id": code, "index": index[code]},
                "properties": note_props,
            }
        )
    if skipped:
        props["skipped"] = {code: list(gaps) for code, gaps in skipped.items()}
    agencies = report.stats.agencies
    agency_of: dict[int, str] = {}
    if not agencies:
        return notes, descriptors, props, agency_of
    groups, _ = by_agency(report)
    for key in (AGENCY_ID, PEMDA_ID):
        descriptors.append(
            {"id": key, "shortDescription": _describe(key, lang), "defaultConfiguration": {"level": "note"}}
        )
    agency_index, pemda_index = len(descriptors) - 2, len(descriptors) - 1
    rows = []
    for a, group in zip(agencies, groups):
        who = a.get("agency") or a.get("name") or ""
        for f in group:
            agency_of[id(f)] = who
        notes.append(
            {
                "level": "note",
                "message": {"text": agency_text(a, lang)},
                "descriptor": {"id": AGENCY_ID, "index": agency_index},
                "properties": {"agency": who, "findings": dict(a["findings"])},
            }
        )
        rows.append(
            {
                **{k: a.get(k) for k in ("agency", "name", "year", "pagu_n", "pagu_n1")},
                "findings": dict(a["findings"]),
                "results": len(group),
                "documents": {
                    role: [artifact_location(p, base)["uri"] for p in paths]
                    for role, paths in (a.get("documents") or {}).items()
                },
                "skipped": dict(a.get("skipped") or {}),
            }
        )
    tot = pemda_totals(report)
    notes.append(
        {
            "level": "note",
            "message": {"text": pemda_text(report, lang)},
            "descriptor": {"id": PEMDA_ID, "index": pemda_index},
            "properties": tot,
        }
    )
    props["agencies"] = rows
    props["totals"] = {**tot, **{k: v for k, v in report.stats.totals.items() if k in ("urusan", "program")}}
    return notes, descriptors, props, agency_of
