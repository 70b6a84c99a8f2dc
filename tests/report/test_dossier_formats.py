"""SARIF, JUnit and GitHub show what text, JSON and Markdown show of a dossier run: the rules
skipped for want of a document and, for a whole pemda, each agency's summary and the totals.

Runs: the embedded default dossier (it skips several XD rules), the synthetic two-agency
pemda of ``tests/dossier/contoh.py`` clean (no finding) and with one planted XD01 defect in
agency A."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from renja_check import api
from renja_check.cli import main
from renja_check.report import github, render, sarif

from ..dossier import contoh

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8")
)
A_NAME, B_NAME = "Dinas Kesehatan", "Dinas Pendidikan"


@pytest.fixture(scope="module")
def default_run():
    return api.check_report([])


@pytest.fixture(scope="module")
def pemda_paths(tmp_path_factory):
    clean = contoh.write(contoh.spec(), tmp_path_factory.mktemp("clean"))
    s = copy.deepcopy(contoh.spec())
    contoh.DEFECTS["XD01"](s)  # agency A's Renja lacks a sub kegiatan of the RKPD
    return clean, contoh.write(s, tmp_path_factory.mktemp("defect"))


@pytest.fixture(scope="module")
def clean_pemda(pemda_paths):
    return api.check_report([pemda_paths[0]], select=["XD"])


@pytest.fixture(scope="module")
def defect_pemda(pemda_paths):
    return api.check_report([pemda_paths[1]], select=["XD"])


def test_the_runs_are_what_the_tests_assume(default_run, clean_pemda, defect_pemda):
    assert len(default_run.stats.skipped) >= 3 and not default_run.stats.agencies
    assert clean_pemda.findings == [] and clean_pemda.stats.skipped and len(clean_pemda.stats.agencies) == 2
    assert [f.rule for f in defect_pemda.findings] == ["XD01"]


# --- SARIF ---------------------------------------------------------------------------------


def _run(report, lang="id"):
    log = json.loads(sarif.render(report, lang))
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())
    return log["runs"][0]


def test_sarif_skipped_rules_are_notifications_with_the_rule_as_descriptor(default_run):
    run = _run(default_run)
    driver = run["tool"]["driver"]
    notes = {n["descriptor"]["id"]: n for n in run["invocations"][0]["toolExecutionNotifications"]}
    assert set(default_run.stats.skipped) <= set(notes)
    for code, gaps in default_run.stats.skipped.items():
        n = notes[code]
        assert n["level"] == "note" and n["properties"]["missing"] == gaps
        assert driver["rules"][n["associatedRule"]["index"]]["id"] == code  # every skipped rule is described
        assert driver["notifications"][n["descriptor"]["index"]]["id"] == code
        assert n["message"]["text"].startswith(f"{code} dilewati (dokumen atau bagiannya tidak ada): {gaps[0]}")
    assert run["properties"]["skipped"] == default_run.stats.skipped
    assert "agencies" not in run["properties"]
    # the findings themselves are as before: one result each, same fingerprints
    assert [r["partialFingerprints"]["renjaCheck/v1"] for r in run["results"]] == [
        f.fingerprint for f in default_run.findings
    ]


def test_sarif_english(default_run):
    run = _run(default_run, "en")
    texts = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any(t.startswith("XD03 skipped (document or the part needed absent): rkpd:") for t in texts)


def test_sarif_pemda_has_agencies_totals_and_each_result_its_agency(defect_pemda):
    run = _run(defect_pemda, "en")
    props = run["properties"]
    a, b = props["agencies"]
    assert (a["agency"], a["name"], a["findings"], a["results"]) == (
        contoh.A,
        A_NAME,
        {"error": 0, "warning": 1, "info": 0},
        1,
    )
    assert (b["agency"], b["findings"], b["results"]) == (contoh.B, {"error": 0, "warning": 0, "info": 0}, 0)
    assert "XD03" in b["skipped"] and "XD03" not in a["skipped"]
    assert props["totals"]["agencies"] == 2 and props["totals"]["findings"]["warning"] == 1
    assert (props["totals"]["pagu_n"], props["totals"]["pagu_n1"]) == (1000, 1100)
    assert props["totals"]["urusan"] == {"1": {"pagu_n": 1000, "pagu_n1": 1100}}
    assert [r["properties"]["agency"] for r in run["results"]] == [contoh.A]
    texts = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert f"{A_NAME} ({contoh.A}): error: 0, warning: 1, info: 0 · pagu N Rp 600 · N+1 Rp 660" in texts[-3]
    assert texts[-1].startswith("Pemda totals: 2 PD · error: 0, warning: 1, info: 0 · pagu N Rp 1.000")
    share = next(n for n in run["invocations"][0]["toolExecutionNotifications"] if n["descriptor"]["id"] == "XD03")
    assert share["message"]["text"].endswith("; 1/2 PD") and share["properties"]["agencies_skipped"] == 1


def test_sarif_clean_pemda_stays_clean(clean_pemda):
    run = _run(clean_pemda)
    assert run["results"] == [] and run["invocations"][0]["exitCode"] == 0
    assert {n["level"] for n in run["invocations"][0]["toolExecutionNotifications"]} == {"note"}


def test_sarif_without_a_dossier_is_unchanged():
    from .synthetic import report

    run = _run(report())
    assert "properties" not in run and "notifications" not in run["tool"]["driver"]


# --- JUnit ---------------------------------------------------------------------------------


def _xml(report, lang="id"):
    root = ET.fromstring(render(report, "junit", lang).encode("utf-8"))  # well-formed XML
    for suite in [*root.findall("testsuite")]:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert suite.get("skipped") == str(sum(c.find("skipped") is not None for c in cases))
    for k in ("tests", "failures", "skipped"):
        assert root.get(k) == str(sum(int(s.get(k)) for s in root.findall("testsuite")))
    return root


def test_junit_skipped_rule_is_a_skipped_testcase(default_run):
    root = _xml(default_run)
    skipped = {c.get("classname").split(".")[-1]: c.find("skipped") for c in root.iter("testcase")}
    for code, gaps in default_run.stats.skipped.items():
        assert skipped[code] is not None, code
        assert skipped[code].get("message") == f"dilewati (dokumen atau bagiannya tidak ada): {'/'.join(gaps)}"
    assert root.get("skipped") == str(len(default_run.stats.skipped))  # no waiver in this run
    failing = [f for f in default_run.findings if f.severity in ("error", "warning")]
    assert root.get("failures") == str(len(failing))


def test_junit_pemda_has_a_suite_per_agency_with_counts(defect_pemda):
    root = _xml(defect_pemda, "en")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    a, b = suites[f"{A_NAME} ({contoh.A})"], suites[f"{B_NAME} ({contoh.B})"]
    rules = len(defect_pemda.rules)
    assert (a.get("tests"), a.get("failures"), a.get("skipped")) == (str(rules), "1", "1")
    assert (b.get("tests"), b.get("failures"), b.get("skipped")) == (str(rules), "0", "6")
    assert a.find("testcase/failure").get("type") == "warning"
    xd03 = b.find("testcase[@classname='renja-check.XD03']/skipped")
    assert xd03.get("message") == "skipped (document or the part needed absent): rkpd:rancangan_akhir/final"
    props = {p.get("name"): p.get("value") for p in a.findall("properties/property")}
    assert (props["findings.warning"], props["pagu_n"], props["pagu_n1"]) == ("1", "600", "660")
    totals = suites["Pemda totals"]
    tprops = {p.get("name"): p.get("value") for p in totals.findall("properties/property")}
    assert (tprops["agencies"], tprops["pagu_n"], tprops["urusan.1.pagu_n1"]) == ("2", "1000", "1100")
    assert "Per agency (2):" in totals.find("system-out").text
    assert (root.get("failures"), root.get("skipped")) == ("1", "7")


def test_junit_clean_pemda_stays_clean(clean_pemda):
    root = _xml(clean_pemda)
    assert root.get("failures") == "0" and root.find(".//failure") is None
    assert int(root.get("skipped")) == sum(len(a["skipped"]) for a in clean_pemda.stats.agencies)


# --- GitHub --------------------------------------------------------------------------------


def test_github_notice_per_skipped_rule(default_run):
    lines = render(default_run, "github", "id").splitlines()
    for code, gaps in default_run.stats.skipped.items():
        assert f"::notice title=renja-check {code}::{code} dilewati (dokumen atau bagiannya tidak ada): {gaps[0]}" in (
            "\n".join(lines)
        )
    assert sum(1 for line in lines if line.startswith("::")) == len(default_run.findings) + len(
        default_run.stats.skipped
    )


def test_github_notice_per_agency_and_the_totals(defect_pemda):
    lines = github.render(defect_pemda, "en").splitlines()
    title = github.escape_property(f"renja-check {A_NAME} ({contoh.A})")
    assert f"::notice title={title}::{A_NAME} ({contoh.A}): error: 0, warning: 1, info: 0 · pagu N Rp 600" in (
        "\n".join(lines)
    )
    assert any(line.startswith(f"::notice title={github.escape_property(f'renja-check {B_NAME}')}") for line in lines)
    assert any("::Pemda totals: 2 PD · error: 0, warning: 1, info: 0" in line for line in lines)
    assert "::XD03 skipped (document or the part needed absent): rkpd:rancangan_akhir/final; 1/2 PD" in "\n".join(lines)


def test_github_clean_pemda_has_notices_only(clean_pemda):
    lines = github.render(clean_pemda, "id").splitlines()
    assert not any(line.startswith(("::error", "::warning")) for line in lines)


def test_control_characters_in_an_agency_name_are_escaped(defect_pemda):
    agencies = [dict(a) for a in defect_pemda.stats.agencies]
    agencies[0]["name"] = "Dinas\x1b[31m Merah\x01"
    import dataclasses

    r = dataclasses.replace(defect_pemda, stats=defect_pemda.stats.model_copy(update={"agencies": agencies}))
    for fmt in ("github", "junit"):
        out = render(r, fmt, "id")
        assert "\x1b" not in out and "\x01" not in out and "Dinas\\x1b[31m Merah\\x01" in out, fmt
    ET.fromstring(render(r, "junit", "id").encode("utf-8"))


def test_step_summary_is_written_when_github_asks(pemda_paths, tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    res = CliRunner().invoke(main, ["check", str(pemda_paths[1]), "--select", "XD", "--format", "github"])
    assert res.exit_code == 0, res.output  # a warning does not fail the default --fail-on error
    text = target.read_text(encoding="utf-8")
    assert "galat: 0, peringatan: 1, info: 0" in text and "XD03 (rkpd:rancangan_akhir/final)" in text
    assert f"| {A_NAME} | 0 | 1 | 0 | Rp 600 | Rp 660 |" in text and "Total pemda: 2 PD" in text


def test_unwritable_step_summary_never_fails_the_check(pemda_paths, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir.md"))
    res = CliRunner().invoke(main, ["check", str(pemda_paths[0]), "--select", "XD", "--format", "github"])
    assert res.exit_code == 0 and "GITHUB_STEP_SUMMARY" in res.stderr
    assert "::notice title=renja-check Total pemda::" in res.stdout


def test_no_step_summary_for_other_formats(pemda_paths, tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    res = CliRunner().invoke(main, ["check", str(pemda_paths[0]), "--select", "XD", "--format", "sarif"])
    assert res.exit_code == 0 and not target.exists()
