"""JUnit XML for CI test viewers: one <testsuite> per rule run, one <testcase> per finding.

Mapping (documented in the README): an error or warning finding is a <failure> whose
``type`` is the severity; an info finding is a passing testcase carrying
<properties> (severity, table, locator, fingerprint) and the message in <system-out>;
a waived finding is <skipped> with the waiver's reason. A rule without findings gets one
passing testcase, so every rule run shows in the viewer; a rule skipped for want of a
document gets one <skipped> testcase whose message says what it lacked. A whole pemda
(``junit_pemda``) has one <testsuite> per agency instead, and one for the pemda totals.
Every suite's tests / failures / skipped are counted from its test cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Optional

from ..finding import Finding
from .labels import expected_found, has_values, label
from .dossier_notes import with_skipped
from .model import TOOL_NAME, CheckReport, RuleInfo
from .pemda_text import t


def render(report: CheckReport, lang: str = "id", *, color: bool = False) -> str:
    root = ET.Element("testsuites", name=TOOL_NAME)
    if report.stats.agencies:  # a whole pemda: one suite per agency
        from .junit_pemda import pemda_suites

        pemda_suites(root, report, lang)
    else:
        skipped = report.stats.skipped
        for rule in with_skipped(report, report.rule_infos()):
            findings = [f for f in report.findings if f.rule == rule.code]
            suite = new_suite(root, f"{rule.code} {rule.name}", _rule_props(rule, lang))
            names: set[str] = set()
            for f in findings:
                testcase(suite, report, f, lang, names)
            if not findings:
                rule_case(suite, rule.code, label("no_findings", lang), skipped.get(rule.code), lang)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for suite in root.findall("testsuite"):
        count(suite)
        for k in totals:
            totals[k] += int(suite.get(k, "0"))
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", "0")
    root.set("time", f"{report.stats.duration_ms / 1000:.3f}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _rule_props(rule: RuleInfo, lang: str) -> list[tuple[str, object]]:
    return [("severity", rule.severity), ("kind", rule.kind), ("basis", rule.basis), ("title", rule.title_text(lang))]


def new_suite(root: ET.Element, name: str, props: list[tuple[str, object]]) -> ET.Element:
    """A <testsuite>; ``render`` sets its counts from its test cases (``count``)."""
    suite = ET.SubElement(root, "testsuite", name=name, errors="0", time="0")
    bag = ET.SubElement(suite, "properties")
    for key, value in props:
        if value is not None and value != "":
            ET.SubElement(bag, "property", name=key, value=str(value))
    return suite


def count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))


def rule_case(suite: ET.Element, code: str, name: str, gaps: Optional[list[str]], lang: str) -> None:
    """A rule without findings: a passing test case, or a skipped one naming what it lacked."""
    name = f"{code} {t('skipped', lang)}" if gaps else name
    case = ET.SubElement(suite, "testcase", classname=f"{TOOL_NAME}.{code}", name=name, time="0")
    if gaps:
        ET.SubElement(case, "skipped", message=f"{t('skipped', lang)}: {'/'.join(gaps)}")


def testcase(suite: ET.Element, report: CheckReport, f: Finding, lang: str, names: set[str]) -> None:
    where = f.span.label() if f.span else (f.document or "-")
    name = f"{f.locator or f.table or '-'} ({where})"
    if name in names:
        name = f"{name} #{f.fingerprint}"
    names.add(name)
    case = ET.SubElement(suite, "testcase", classname=f"{TOOL_NAME}.{f.rule}", name=name, time="0")
    if f.span:
        case.set("file", f.span.file)
        case.set("line", str(f.span.line_start))
    waiver = report.waiver_for(f)
    if waiver is not None:
        ET.SubElement(case, "skipped", message=f"{label('waived', lang)}: {waiver.reason}")
        return
    if f.severity in ("error", "warning"):
        fail = ET.SubElement(case, "failure", type=f.severity, message=f.text(lang))
        fail.text = _details(f, lang, where)
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
