"""JSON / JSONL: the documented contract (README "JSON output contract")."""

import json
from pathlib import Path

from renja_check.report import json_

from .synthetic import report

TOP = {
    "tool",
    "format_version",
    "lang",
    "inputs",
    "summary",
    "tables",
    "findings",
    "unused_waivers",
    "expired_waivers",
    "warnings",
}
SUMMARY = {
    "findings",
    "counted",
    "per_severity",
    "per_rule",
    "suppressed",
    "waived",
    "unused_waivers",
    "expired_waivers",
    "documents",
    "rules_run",
    "nodes",
    "claims",
    "duration_ms",
    "elapsed_ms",
    "fail_on",
    "exit_code",
    "skipped",
}
FINDING = {
    "rule",
    "rule_name",
    "severity",
    "message",
    "document",
    "table",
    "locator",
    "span",
    "expected",
    "found",
    "difference",
    "evidence",
    "suggestion",
    "fingerprint",
    "waived",
    "waiver_reason",
}
README = Path(__file__).resolve().parents[2] / "README.md"


def test_json_has_exactly_the_documented_fields():
    data = json.loads(json_.render(report(waive_first=True, unused=True), "id"))
    assert set(data) == TOP
    assert set(data["summary"]) == SUMMARY
    for f in data["findings"]:
        assert set(f) == FINDING
    assert set(data["summary"]["per_severity"]) == {"error", "warning", "info"}
    assert set(data["unused_waivers"][0]) == {"rule", "fingerprint", "reason", "expires", "where"}


def test_money_stays_integer_and_messages_follow_lang():
    data = json.loads(json_.render(report(), "en"))
    f = data["findings"][1]
    assert f["rule"] == "PG91"
    assert (type(f["expected"]), type(f["found"]), type(f["difference"])) == (int, int, int)
    assert f["evidence"]["addends"][0]["value"] == 15_000_000_000
    assert f["message"].startswith("The pagu of program") and data["lang"] == "en"


def test_waiver_fields():
    data = json.loads(json_.render(report(waive_first=True), "id"))
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert by_rule["PG91"]["waived"] is True and by_rule["PG91"]["waiver_reason"] == "Disetujui tim verifikasi"
    assert by_rule["XT91"]["waived"] is False and by_rule["XT91"]["waiver_reason"] is None
    assert data["summary"]["waived"] == 1 and data["summary"]["per_severity"]["error"] == 0


def test_jsonl_is_the_findings_one_per_line():
    r = report()
    lines = json_.render_lines(r, "id").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(json_.render(r, "id"))["findings"]


def test_readme_documents_every_field():
    text = README.read_text(encoding="utf-8")
    section = text.split("## JSON output contract", 1)[1]
    for name in TOP | SUMMARY | FINDING:
        assert f"`{name}`" in section, name
