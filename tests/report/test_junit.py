"""JUnit XML: parseable; a suite per rule; failures for errors/warnings, properties for info."""

import xml.etree.ElementTree as ET

from renja_check.report import junit

from .synthetic import report


def _parse(**kw):
    return ET.fromstring(junit.render(report(**kw), "id").encode("utf-8"))


def test_one_suite_per_rule_with_counts():
    root = _parse()
    suites = {s.get("name").split()[0]: s for s in root.findall("testsuite")}
    assert list(suites) == ["PG91", "XT91", "NM91", "CL91"]
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "2", "0")
    assert suites["PG91"].find("testcase/failure").get("type") == "error"
    assert suites["XT91"].find("testcase/failure").get("type") == "warning"
    assert "diharapkan: 15.322.392.321" in suites["PG91"].find("testcase/failure").text


def test_info_is_a_passing_case_with_properties():
    root = _parse()
    case = root.find("testsuite[@name='NM91 test.names']/testcase")
    assert case.find("failure") is None
    props = {p.get("name"): p.get("value") for p in case.findall("properties/property")}
    assert props["severity"] == "info" and props["locator"] == "C3"
    assert "Penyediaan Bahan Logistik" in case.find("system-out").text


def test_rule_without_findings_passes_and_waived_is_skipped():
    root = _parse(waive_first=True)
    clean = root.find("testsuite[@name='CL91 test.clean']")
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    pg = root.find("testsuite[@name='PG91 test.subtotal_sum']/testcase")
    assert pg.find("failure") is None and "Disetujui" in pg.find("skipped").get("message")
    assert root.get("failures") == "1" and root.get("skipped") == "1"
