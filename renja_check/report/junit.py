"""JUnit XML for CI test viewers: one <testsuite> per rule run, one <testcase> per finding.

Mapping (documented in the README): an error or warning finding is a <failure> whose
``type`` is the severity; an info finding is a passing testcase carrying
<properties> (severity, table, locator, fingerprint) and the message in <system-out>;
a waived finding is <skipped> with the waiver's reason. A rule without findings gets one
passing testcase, so every rule run shows in the viewer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Optional

from ..finding import Finding
from .labels import expected_found, has_values, label
from .model import TOOL_NAME, CheckReport


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    root = ET.Element("testsuites", name=TOOL_NAME)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    seconds = f"{report.stats.duration_ms / 1000:.3f}"
    for rule in report.rule_infos():
        findings = [f for f in report.findings if f.rule == rule.code]
        suite = ET.SubElement(root, "testsuite", name=f"{rule.code} {rule.name}", errors="0", time="0")
        props = ET.SubElement(suite, "properties")
        for name, value in (
            ("severity", rule.severity),
            ("kind", rule.kind),
            ("basis", rule.basis),
            ("title", rule.title_text(lang)),
        ):
            if value:
                ET.SubElement(props, "property", name=name, value=value)
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        names: set[str] = set()
        for f in findings:
            _testcase(suite, report, f, lang, names, counts)
        if not findings:
            ET.SubElement(
                suite, "testcase", classname=f"{TOOL_NAME}.{rule.code}", name=label("no_findings", lang), time="0"
            )
            counts["tests"] += 1
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", "0")
    root.set("time", seconds)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(
    suite: ET.Element, report: CheckReport, f: Finding, lang: str, names: set[str], counts: dict[str, int]
) -> None:
    where = f.span.label() if f.span else (f.document or "-")
    name = f"{f.locator or f.table or '-'} ({where})"
    if name in names:
        name = f"{name} #{f.fingerprint}"
    names.add(name)
    case = ET.SubElement(suite, "testcase", classname=f"{TOOL_NAME}.{f.rule}", name=name, time="0")
    if f.span:
        case.set("file", f.span.file)
        case.set("line", str(f.span.line_start))
    counts["tests"] += 1
    waiver = report.waiver_for(f)
    if waiver is not None:
        ET.SubElement(case, "skipped", message=f"{label('waived', lang)}: {waiver.reason}")
        counts["skipped"] += 1
        return
    if f.severity in ("error", "warning"):
        fail = ET.SubElement(case, "failure", type=f.severity, message=f.text(lang))
        fail.text = _details(f, lang, where)
        counts["failures"] += 1
        return
    props = ET.SubElement(case, "properties")
    for key, value in (
        ("severity", f.severity),
        ("table", f.table),
        ("locator", f.locator),
        ("fingerprint", f.fingerprint),
    ):
        if value:
            ET.SubElement(props, "property", name=key, value=value)
    ET.SubElement(case, "system-out").text = _details(f, lang, where)


def _details(f: Finding, lang: str, where: str) -> str:
    lines = [f"{label(f.severity, lang)} {f.rule} {where}", f.text(lang)]
    if has_values(f):
        lines.append(expected_found(f, lang))
    sugg: Optional[str] = f.suggestion_text(lang)
    if sugg:
        lines.append(f"{label('suggestion', lang)}: {sugg}")
    lines.append(f"fingerprint: {f.fingerprint}")
    return "\n".join(lines)
