"""SARIF 2.1.0: valid against the official schema, levels, locations, fingerprints, suppressions."""

import json
from pathlib import Path

import jsonschema
import pytest

from renja_check.report import sarif

from .synthetic import DOC, report

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("kwargs", [{}, {"waive_first": True, "unused": True}])
def test_valid_against_the_sarif_schema(kwargs):
    log = json.loads(sarif.render(report(**kwargs), "id"))
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())


def test_schema_rejects_a_broken_log():
    log = json.loads(sarif.render(report(), "id"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)


def test_rules_results_levels_and_fingerprints():
    r = report()
    run = json.loads(sarif.render(r, "en", base=Path("/work"), color=False))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in rules] == ["PG91", "XT91", "NM91", "CL91"]
    assert rules[0]["properties"] == {"severity": "error", "basis": "Permendagri 86/2017", "kind": "sum"}
    assert rules[0]["shortDescription"]["text"] == "Subtotal differs from its parts"
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels == {"PG91": "error", "XT91": "warning", "NM91": "note"}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        f = next(f for f in r.findings if f.rule == res["ruleId"])
        assert res["partialFingerprints"] == {"renjaCheck/v1": f.fingerprint}


def test_locations_relative_to_base_with_region():
    run = json.loads(sarif.render(report(), "id", base=Path("/work")))["runs"][0]
    pg = next(res for res in run["results"] if res["ruleId"] == "PG91")
    phys = pg["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": DOC, "uriBaseId": "%SRCROOT%"}
    assert phys["region"] == {"startLine": 120, "endLine": 121}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/"


def test_file_outside_base_gets_an_absolute_uri():
    assert sarif.artifact_location("/data/renja 2023.txt", Path("/work")) == {"uri": "file:///data/renja%202023.txt"}
    assert sarif.artifact_location("/work/a/b.txt", Path("/work")) == {"uri": "a/b.txt", "uriBaseId": "%SRCROOT%"}


def test_waived_finding_is_an_accepted_suppression():
    run = json.loads(sarif.render(report(waive_first=True, unused=True), "id"))["runs"][0]
    pg = next(res for res in run["results"] if res["ruleId"] == "PG91")
    assert pg["suppressions"] == [
        {"kind": "external", "state": "accepted", "justification": "Disetujui tim verifikasi"}
    ]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "0000000000000000" in notes[0]["message"]["text"]
