"""`renja-check check` as a CI gate: exit codes, options, formats, baseline and waivers.

Rules come from tests/fixtures/check/rules.yaml (kind `test_marker`, see conftest.py), the
input is a tiny model-level document, so these tests do not depend on any parser.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from renja_check.cli import main

from .conftest import FIXTURES, RULES


def run(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def run_json(*args: str) -> dict:
    res = run(*args, "--format", "json")
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


# --- exit codes -------------------------------------------------------------------------


def test_findings_at_error_level_exit_1(dossier):
    res = run(dossier, "--rules", RULES)
    assert res.exit_code == 1, res.output


def test_clean_input_exits_0(clean):
    res = run(clean, "--rules", RULES)
    assert res.exit_code == 0, res.output
    assert "Tidak ada temuan." in res.stdout


@pytest.mark.parametrize(
    "select,fail_on,code",
    [
        ("TS01", "never", 0),
        ("TS01", "error", 1),
        ("TS02", "error", 0),  # a warning does not fail the default gate
        ("TS02", "warning", 1),
        ("TS03", "warning", 0),
        ("TS03", "info", 1),
    ],
)
def test_fail_on_levels(dossier, select, fail_on, code):
    res = run(dossier, "--rules", RULES, "--select", select, "--fail-on", fail_on)
    assert res.exit_code == code, res.output


BAD_INPUTS = [
    ("empty.txt", b"", "berkas kosong"),
    ("binary.txt", bytes(range(256)) * 4, "berkas biner"),
    ("latin1.txt", "Rencana Kerja caf\u00e9".encode("latin-1"), "bukan teks UTF-8"),
]


@pytest.mark.parametrize("name,data,words", BAD_INPUTS)
def test_bad_input_file_exits_2_with_one_line(tmp_path, name, data, words):
    p = tmp_path / name
    p.write_bytes(data)
    res = run(p, "--rules", RULES)
    assert res.exit_code == 2, res.output
    assert res.stdout == ""
    assert res.stderr.count("\n") == 1 and str(p) in res.stderr and words in res.stderr
    assert "Traceback" not in res.output


def test_missing_input_exits_2(tmp_path):
    res = run(tmp_path / "nope.txt", "--rules", RULES)
    assert res.exit_code == 2
    assert "nope.txt" in res.stderr and "tidak ditemukan" in res.stderr


@pytest.mark.parametrize(
    "content,words",
    [
        ("- code: [unclosed\n", "invalid YAML"),
        (None, "severity"),  # bad-rules.yaml: severity 'fatal'
    ],
)
def test_bad_rule_file_exits_2_naming_the_file(tmp_path, dossier, content, words):
    if content is None:
        path = FIXTURES / "bad-rules.yaml"
    else:
        path = tmp_path / "broken.yaml"
        path.write_text(content, encoding="utf-8")
    res = run(dossier, "--rules", path)
    assert res.exit_code == 2, res.output
    assert str(path) in res.stderr and words in res.stderr
    assert "Traceback" not in res.output


def test_missing_rule_file_exits_2(tmp_path, dossier):
    res = run(dossier, "--rules", tmp_path / "none.yaml")
    assert res.exit_code == 2 and "none.yaml" in res.stderr


@pytest.mark.parametrize("content", ["", "{not json", '{"findings": [{"rule": "TS01"}]}', "[1, 2]"])
def test_bad_baseline_exits_2(tmp_path, dossier, content):
    b = tmp_path / "baseline.json"
    b.write_text(content, encoding="utf-8")
    res = run(dossier, "--rules", RULES, "--baseline", b)
    assert res.exit_code == 2, res.output
    assert str(b) in res.stderr and "Traceback" not in res.output


def test_missing_baseline_exits_2(tmp_path, dossier):
    res = run(dossier, "--rules", RULES, "--baseline", tmp_path / "nope.json")
    assert res.exit_code == 2 and "nope.json" in res.stderr


@pytest.mark.parametrize(
    "content,words",
    [
        ("- rule: TS01\n  fingerprint: abc\n", "reason"),
        ("- rule: TS01\n  fingerprint: abc\n  reason: ok\n  expires: someday\n", "expires"),
        ("rule: TS01\n", "daftar YAML"),
        ("- [a\n", "YAML"),
    ],
)
def test_bad_waiver_file_exits_2(tmp_path, dossier, content, words):
    w = tmp_path / "waivers.yaml"
    w.write_text(content, encoding="utf-8")
    res = run(dossier, "--rules", RULES, "--waivers", w)
    assert res.exit_code == 2, res.output
    assert str(w) in res.stderr and words in res.stderr


def test_unknown_select_pattern_is_an_input_error(dossier):
    res = run(dossier, "--rules", RULES, "--select", "ZZ")
    assert res.exit_code == 2 and "ZZ" in res.stderr


# --- text, language, selection ----------------------------------------------------------


def test_text_output_in_bahasa_indonesia(dossier, monkeypatch):
    monkeypatch.chdir(dossier.parent)
    out = run(dossier.name, "--rules", RULES).stdout
    for words in (
        "galat TS01",
        "peringatan TS02",
        "info TS03",
        "diharapkan: 6.000.000.000",
        "ditemukan: 6.001.234.567",
        "selisih: 1.234.567",
        "saran: Hapus penanda.",
        "Baris PROGRAM KEPEGAWAIAN DAERAH bertanda ERR.",
        "renja.yaml:2  [rencana:n0]",
        "Ringkasan:",
        "galat: 1, peringatan: 1, info: 1",
        "aturan dijalankan: 3",
        "TS01 1, TS02 1, TS03 1",
    ):
        assert words in out, words
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    assert max(len(line) for line in out.splitlines()) <= 100


def test_lang_en_switches_messages_and_labels(dossier):
    out = run(dossier, "--rules", RULES, "--lang", "en").stdout
    for words in (
        "error TS01",
        "expected: 6,000,000,000",
        "difference: 1,234,567",
        "suggestion: Remove the marker.",
        "Row PROGRAM KEPEGAWAIAN DAERAH is marked ERR.",
        "Summary:",
        "rules run: 3",
    ):
        assert words in out, words
    assert "diharapkan" not in out and "Ringkasan" not in out


@pytest.mark.parametrize(
    "opts,codes",
    [
        (["--select", "TS01"], {"TS01"}),
        (["--select", "TS01,TS03"], {"TS01", "TS03"}),
        (["--select", "TS01", "--select", "TS02"], {"TS01", "TS02"}),
        (["--select", "TS"], {"TS01", "TS02", "TS03"}),
        (["--ignore", "TS0"], set()),
        (["--ignore", "ts02"], {"TS01", "TS03"}),
        (["--select", "TS", "--ignore", "TS01,TS03"], {"TS02"}),
    ],
)
def test_select_and_ignore(dossier, opts, codes):
    data = run_json(dossier, "--rules", RULES, *opts)
    assert {f["rule"] for f in data["findings"]} == codes
    assert data["summary"]["rules_run"] == len(codes)


# --- formats ----------------------------------------------------------------------------


def test_json_contract(dossier):
    data = run_json(dossier, "--rules", RULES)
    assert data["tool"]["name"] == "renja-check" and data["lang"] == "id"
    assert data["inputs"] == [str(dossier)]
    assert data["summary"]["per_severity"] == {"error": 1, "warning": 1, "info": 1}
    assert data["summary"]["exit_code"] == 1
    f = data["findings"][0]
    assert f["rule"] == "TS01" and f["waived"] is False
    assert f["span"] == {"file": str(dossier), "line_start": 2, "line_end": 2, "page": None}
    for key in ("expected", "found", "difference"):
        assert type(f[key]) is int, key
    assert f["evidence"]["addends"][1] == 1_000_000


def test_jsonl_is_one_finding_per_line(dossier):
    res = run(dossier, "--rules", RULES, "--format", "jsonl")
    lines = res.stdout.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["rule"] for line in lines] == ["TS01", "TS02", "TS03"]


def test_every_format_via_cli(dossier, tmp_path):
    shapes = {
        "sarif": lambda t: json.loads(t)["runs"][0]["results"][0]["ruleId"] == "TS01",
        "junit": lambda t: ET.fromstring(t.encode()).get("failures") == "2",
        "markdown": lambda t: (
            t.startswith("# Hasil Verifikasi Renja")
            and "## Rumusan Rencana Program dan Kegiatan" in t
            and "| galat | TS01 |" in t
        ),
        "github": lambda t: t.splitlines()[0].startswith("::error file=") and "title=TS01::" in t,
    }
    for fmt, ok in shapes.items():
        res = run(dossier, "--rules", RULES, "--format", fmt)
        assert res.exit_code == 1, (fmt, res.output)
        assert ok(res.stdout), (fmt, res.stdout[:500])


def test_output_file_gets_the_report_and_stderr_the_summary(dossier, tmp_path):
    out = tmp_path / "report.sarif"
    res = run(dossier, "--rules", RULES, "--format", "sarif", "-o", out)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "Ringkasan" in res.stderr


# --- baseline and waivers ---------------------------------------------------------------


def test_baseline_round_trip_suppresses_everything(dossier, tmp_path):
    b = tmp_path / "baseline.json"
    first = run(dossier, "--rules", RULES, "--write-baseline", b)
    assert first.exit_code == 1  # writing a baseline does not hide this run's findings
    written = json.loads(b.read_text(encoding="utf-8"))
    assert [e["rule"] for e in written["findings"]] == ["TS01", "TS02", "TS03"]
    assert all(e["fingerprint"] and e["message"] for e in written["findings"])
    again = run(dossier, "--rules", RULES, "--baseline", b)
    assert again.exit_code == 0, again.output
    assert "ditekan oleh baseline: 3" in again.stdout
    data = run_json(dossier, "--rules", RULES, "--baseline", b)
    assert data["findings"] == [] and data["summary"]["suppressed"] == 3


def test_baseline_lets_new_findings_through(dossier, clean, tmp_path):
    b = tmp_path / "baseline.json"
    run(clean, "--rules", RULES, "--write-baseline", b)
    assert json.loads(b.read_text(encoding="utf-8"))["findings"] == []
    assert run(dossier, "--rules", RULES, "--baseline", b).exit_code == 1


def _fingerprint(dossier, rule: str) -> str:
    data = run_json(dossier, "--rules", RULES)
    return next(f["fingerprint"] for f in data["findings"] if f["rule"] == rule)


def test_waived_finding_is_shown_but_not_counted(dossier, tmp_path):
    w = tmp_path / "waivers.yaml"
    w.write_text(
        f"- rule: TS01\n  fingerprint: {_fingerprint(dossier, 'TS01')}\n"
        "  reason: Disetujui tim verifikasi\n  expires: 2999-12-31\n",
        encoding="utf-8",
    )
    res = run(dossier, "--rules", RULES, "--waivers", w)
    assert res.exit_code == 0, res.output
    assert "dikecualikan (waiver): Disetujui tim verifikasi" in res.stdout
    assert res.stderr == ""
    data = run_json(dossier, "--rules", RULES, "--waivers", w)
    f = next(f for f in data["findings"] if f["rule"] == "TS01")
    assert f["waived"] is True and f["waiver_reason"] == "Disetujui tim verifikasi"
    assert data["summary"]["waived"] == 1 and data["summary"]["per_severity"]["error"] == 0
    assert data["unused_waivers"] == []


def test_unused_waiver_warns_on_stderr_summary_and_json(dossier, tmp_path):
    w = tmp_path / "waivers.yaml"
    w.write_text("- rule: TS01\n  fingerprint: 0123456789abcdef\n  reason: lama\n", encoding="utf-8")
    res = run(dossier, "--rules", RULES, "--waivers", w)
    assert res.exit_code == 1  # the finding is not waived
    assert "waiver tidak terpakai" in res.stderr and "0123456789abcdef" in res.stderr
    assert "waiver tidak terpakai" in res.stdout  # in the text summary too
    data = run_json(dossier, "--rules", RULES, "--waivers", w)
    assert [u["fingerprint"] for u in data["unused_waivers"]] == ["0123456789abcdef"]
    assert data["summary"]["unused_waivers"] == 1


def test_expired_waiver_no_longer_applies(dossier, tmp_path):
    w = tmp_path / "waivers.yaml"
    w.write_text(
        f"- rule: TS01\n  fingerprint: {_fingerprint(dossier, 'TS01')}\n  reason: sementara\n  expires: 2000-01-01\n",
        encoding="utf-8",
    )
    res = run(dossier, "--rules", RULES, "--waivers", w, "--lang", "en")
    assert res.exit_code == 1
    assert "expired waiver" in res.stderr


# --- the embedded sample with the shipped rules -----------------------------------------


def test_sample_check_with_shipped_rules_is_fast_and_well_formed():
    import time

    t0 = time.perf_counter()
    res = CliRunner().invoke(main, ["check", "--format", "json"])
    elapsed = time.perf_counter() - t0
    assert res.exit_code in (0, 1), res.output
    data = json.loads(res.stdout)
    # the default dossier: the sample Renja and the RKPD, Renstra and RPJMD it quotes
    assert data["summary"]["documents"] == 4 and data["summary"]["rules_run"] > 0
    assert data["summary"]["exit_code"] == res.exit_code
    for f in data["findings"]:
        assert isinstance(f["message"], str) and f["fingerprint"]
        if isinstance(f["expected"], float) or isinstance(f["found"], float):
            pytest.fail(f"money as float in {f['rule']}")
    assert elapsed < 10, elapsed
