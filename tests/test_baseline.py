"""Baseline and waiver files: round trip, validation with file:line, screening rules."""

import datetime as dt
import json

import pytest

from renja_check.baseline import Waiver, load_baseline, load_waivers, screen, write_baseline
from renja_check.errors import InputError

from .report.synthetic import findings


def test_baseline_round_trip_and_readable_entries(tmp_path):
    fs = findings()
    p = tmp_path / "b.json"
    assert write_baseline(p, fs, "en") == 3
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["tool"]["name"] == "renja-check" and data["baseline_version"] == 1
    assert {e["rule"] for e in data["findings"]} == {"PG91", "XT91", "NM91"}
    assert all(e["message"] for e in data["findings"])
    assert load_baseline(p) == {f.fingerprint for f in fs}


@pytest.mark.parametrize(
    "content,where",
    [
        ("", ":1"),
        ('{"findings": [\n  {"rule": "PG01",}\n]}', ":2"),
        ('{"fingerprints": []}', ""),
        ('{"findings": [{"rule": "PG01"}]}', ""),
    ],
)
def test_bad_baseline_names_the_file(tmp_path, content, where):
    p = tmp_path / "b.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_baseline(p)
    assert exc.value.where == f"{p}{where}"


def test_missing_baseline(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_baseline(tmp_path / "none.json")


def test_waivers_load_with_dates_and_lines(tmp_path):
    p = tmp_path / "w.yaml"
    p.write_text(
        "# accepted\n- rule: PG01\n  fingerprint: abc\n  reason: ok\n"
        "- rule: PG02\n  fingerprint: def\n  reason: sampai akhir tahun\n  expires: 2024-12-31\n",
        encoding="utf-8",
    )
    ws = load_waivers(p)
    assert [w.rule for w in ws] == ["PG01", "PG02"]
    assert ws[1].expires == dt.date(2024, 12, 31) and ws[1].where == f"{p}:5"
    assert load_waivers(_write(tmp_path, "empty.yaml", "")) == []


@pytest.mark.parametrize(
    "content,line,words",
    [
        ("- rule: PG01\n  fingerprint: abc\n", 1, "reason"),
        ("- rule: PG01\n  fingerprint: a\n  reason: x\n- rule: PG02\n  reason: y\n", 4, "fingerprint"),
        ("- rule: PG01\n  fingerprint: a\n  reason: x\n  until: 2024-01-01\n", 1, "until"),
        ("- rule: PG01\n  fingerprint: a\n  reason: ''\n", 1, "reason"),
    ],
)
def test_bad_waiver_names_file_and_line(tmp_path, content, line, words):
    p = _write(tmp_path, "w.yaml", content)
    with pytest.raises(InputError) as exc:
        load_waivers(p)
    assert exc.value.where == f"{p}:{line}"
    assert words in exc.value.text("en")


def test_screen_suppresses_waives_and_reports_stale_waivers():
    fs = findings()
    pg, xt, nm = fs  # error PG91, warning XT91, info NM91
    today = dt.date(2025, 6, 1)
    waivers = [
        Waiver(rule=xt.rule, fingerprint=xt.fingerprint, reason="ok", expires=dt.date(2025, 12, 31)),
        Waiver(rule=nm.rule, fingerprint=nm.fingerprint, reason="lapsed", expires=dt.date(2025, 1, 1)),
        Waiver(rule="PG91", fingerprint=xt.fingerprint, reason="wrong rule"),
        Waiver(rule="PG91", fingerprint="ffffffffffffffff", reason="gone"),
    ]
    s = screen(fs, baseline={pg.fingerprint}, waivers=waivers, today=today)
    assert s.suppressed == 1 and [f.rule for f in s.findings] == [xt.rule, nm.rule]
    assert list(s.waived) == [xt.fingerprint]
    assert [w.reason for w in s.expired_waivers] == ["lapsed"]
    assert [w.reason for w in s.unused_waivers] == ["wrong rule", "gone"]


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p
