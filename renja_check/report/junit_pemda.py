"""JUnit for a whole pemda: one <testsuite> per agency, one for the shared documents, one
for the pemda totals.

An agency's suite has, for every rule, its findings (as in a one-dossier run), or a
<skipped> testcase when the rule lacked a document for that agency, or one passing
testcase; its <properties> carry the agency's code, name, year, pagu N and N+1 (integer
rupiah) and its findings per severity before waivers and baseline, as the JSON summary
counts them. Findings on documents several agencies share that no agency's Renja claims go
to the shared-documents suite. The totals suite has no testcase: its <properties> and
<system-out> give the per-agency lines and the pemda's pagu per urusan and program.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .dossier_notes import agency_name, by_agency, pemda_totals, tr, with_skipped
from .junit import new_suite, rule_case, testcase
from .labels import label
from .model import SEVERITIES, CheckReport
from .pemda_text import agency_lines


def pemda_suites(root: ET.Element, report: CheckReport, lang: str) -> None:
    rules = with_skipped(report, report.rule_infos())
    groups, rest = by_agency(report)
    for a, group in zip(report.stats.agencies, groups):
        props = [(k, a.get(k)) for k in ("agency", "name", "year", "pagu_n", "pagu_n1")]
        props += [(f"findings.{s}", a["findings"].get(s, 0)) for s in SEVERITIES]
        props += [(f"documents.{role}", len(paths)) for role, paths in (a.get("documents") or {}).items()]
        suite = new_suite(root, agency_name(a), props)
        skipped = a.get("skipped") or {}
        names: set[str] = set()
        for rule in rules:
            own = [f for f in group if f.rule == rule.code]
            for f in own:
                testcase(suite, report, f, lang, names)
            if not own:
                rule_case(suite, rule.code, f"{rule.code}: {label('no_findings', lang)}", skipped.get(rule.code), lang)
    if rest:
        suite = new_suite(root, tr("shared", lang), [])
        names = set()
        for f in rest:
            testcase(suite, report, f, lang, names)
    tot = pemda_totals(report)
    props = [("agencies", tot["agencies"]), ("pagu_n", tot["pagu_n"]), ("pagu_n1", tot["pagu_n1"])]
    props += [(f"findings.{s}", n) for s, n in tot["findings"].items()]
    props.append(("skipped_rules", tot["skipped_rules"]))
    for code, v in (report.stats.totals.get("urusan") or {}).items():
        props += [(f"urusan.{code}.pagu_n", v["pagu_n"]), (f"urusan.{code}.pagu_n1", v["pagu_n1"])]
    suite = new_suite(root, tr("pemda", lang), props)
    ET.SubElement(suite, "system-out").text = "\n".join(agency_lines(report, lang))
