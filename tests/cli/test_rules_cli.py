"""`renja-check rules` (the catalogue) and `renja-check explain CODE`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from renja_check.cli import main
from renja_check.report.catalogue import render_explain
from renja_check.ruleset import load_ruleset

from .conftest import RULES


def run(*args: str):
    return CliRunner().invoke(main, list(map(str, args)))


def test_rules_lists_code_severity_kind_name_title():
    res = run("rules", "--rules", RULES)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].split()[:4] == ["TS01", "galat", "test_marker", "test.marker_error"]
    assert lines[0].endswith("Penanda galat pada catatan")
    assert lines[1].split()[1] == "peringatan"


def test_rules_in_english_and_json():
    res = run("rules", "--rules", RULES, "--lang", "en", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["code"] for r in rows] == ["TS01", "TS02", "TS03"]
    assert rows[0]["title"] == "Error marker in a catatan"
    assert rows[0]["kind"] == "test_marker" and rows[0]["severity"] == "error"
    assert rows[0]["where"].endswith("rules.yaml:3")


def test_rules_shows_the_whole_shipped_catalogue():
    res = run("rules", "--format", "json")
    assert res.exit_code == 0, res.output
    assert [r["code"] for r in json.loads(res.stdout)] == [r.code for r in load_ruleset().rules]


def test_explain_shows_everything_about_a_rule():
    res = run("explain", "ts01", "--rules", RULES)
    assert res.exit_code == 0, res.output
    out = res.stdout
    for words in (
        "TS01 — Penanda galat pada catatan",
        "nama: test.marker_error",
        "tingkat: galat",
        "jenis (kind): test_marker",
        "Uraian:",
        "Menandai baris yang catatannya memuat penanda ERR.",
        "Dasar hukum:",
        "Permendagri 86/2017 (uji)",
        "Alasan:",
        "Parameter:",
        "marker: ERR",
        "Templat pesan:",
        "Baris {name} bertanda {catatan}.",
        "Contoh:",
        "catatan: ERR",
        f"Didefinisikan di: {RULES}:3",
    ):
        assert words in out, words


def test_explain_in_english():
    out = run("explain", "TS01", "--rules", RULES, "--lang", "en").stdout
    assert "Flags rows whose catatan holds the ERR marker." in out
    assert "Legal basis:" in out and "Defined at:" in out and "Row {name} is marked {catatan}." in out


def test_explain_unknown_code_exits_2():
    res = run("explain", "ZZ99", "--rules", RULES)
    assert res.exit_code == 2
    assert "ZZ99" in res.stderr and "tidak dikenal" in res.stderr
    assert "Traceback" not in res.output


def test_explain_works_for_every_shipped_rule():
    rules = load_ruleset().rules
    for rule in rules:
        for lang in ("id", "en"):
            out = render_explain(rule, lang)
            assert out.startswith(f"{rule.code} — ") and rule.where() in out, rule.code
    if rules:
        res = run("explain", rules[0].code)
        assert res.exit_code == 0 and rules[0].where() in res.stdout
