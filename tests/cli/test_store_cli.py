"""check saves runs (--db, --no-store, RENJA_CHECK_DB); history, diff and ask: output and exit codes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from renja_check.cli import main
from renja_check.store import Store
from tests.cli.conftest import RULES, write_doc


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_check_saves_into_the_env_store_unless_no_store(dossier, temp_store):
    assert run("check", str(dossier), "--rules", str(RULES)).exit_code == 1
    assert [r["id"] for r in Store(temp_store).runs()] == [1]
    assert run("check", str(dossier), "--rules", str(RULES), "--no-store").exit_code == 1
    assert len(Store(temp_store).runs()) == 1


def test_check_db_option_and_unwritable_db(dossier, tmp_path):
    db = tmp_path / "chosen.db"
    assert run("check", str(dossier), "--rules", str(RULES), "--db", str(db)).exit_code == 1
    assert len(Store(db).runs()) == 1
    (tmp_path / "plain").write_text("x")
    res = run("check", str(dossier), "--rules", str(RULES), "--db", str(tmp_path / "plain" / "x.db"))
    assert res.exit_code == 2 and "plain" in res.output and "Traceback" not in res.output


def test_history_and_diff(tmp_path, temp_store):
    rules = str(RULES)
    (tmp_path / "r1").mkdir()
    (tmp_path / "r2").mkdir()
    first = write_doc(
        tmp_path / "r1" / "renja.yaml", {"PROGRAM KEPEGAWAIAN DAERAH": "ERR", "Pengelolaan Promosi ASN": "INFO"}
    )
    second = write_doc(
        tmp_path / "r2" / "renja.yaml", {"Pengelolaan Promosi ASN": "INFO", "Mutasi dan Promosi ASN": "WARN"}
    )
    run("check", str(first), "--rules", rules)
    run("check", str(second), "--rules", rules)
    res = run("history")
    assert res.exit_code == 0 and "renja.yaml" in res.output and len(res.output.strip().splitlines()) == 4
    assert [r["id"] for r in json.loads(run("history", "--format", "json").output)] == [1, 2]
    res = run("diff", "1", "2", "--format", "json")
    d = json.loads(res.output)
    assert res.exit_code == 1  # a new finding
    assert [f["rule"] for f in d["new"]] and len(d["fixed"]) == 1 and len(d["open"]) == 1
    assert run("diff", "2", "2").exit_code == 0
    res = run("diff", "1", "9")
    assert res.exit_code == 2 and "9" in res.output


def test_history_of_an_empty_store():
    res = run("history", "--lang", "en")
    assert res.exit_code == 0 and "No run saved" in res.output


def test_ask_exit_codes_and_json(dossier):
    run("check", str(dossier), "--rules", str(RULES))
    res = run("ask", "berapa", "pagu", "Pengelolaan Promosi ASN", "tahun", "2024?")
    assert res.exit_code == 0 and "Rp 6.003.703.701" in res.output and "Sumber:" in res.output
    res = run("ask", "--format", "json", "what is the budget of Pengelolaan Promosi ASN in 2024")
    d = json.loads(res.output)
    assert d["lang"] == "en" and d["found"] and d["citations"][0]["locator"]
    res = run("ask", "pagu Pembangunan Jembatan Gantung")
    assert res.exit_code == 1 and "Tidak ditemukan" in res.output
    res = run("ask", "--run", "7", "pagu")
    assert res.exit_code == 2 and "Traceback" not in res.output and res.output.startswith("galat")


def test_ask_before_any_check_says_so():
    res = run("ask", "berapa pagu Pengelolaan Promosi ASN?")
    assert res.exit_code == 1 and "renja-check check" in res.output
    res = run("ask", "apa indikator standar nomenklatur untuk 5.03.02.2.02.0003?")  # corpus: no run needed
    assert res.exit_code == 0 and "Jumlah Dokumen Hasil Pengelolaan Promosi ASN" in res.output


def test_waivers_applied_are_saved(dossier, tmp_path, temp_store):
    data = json.loads(run("check", str(dossier), "--rules", str(RULES), "--format", "json", "--no-store").output)
    fp = next(f["fingerprint"] for f in data["findings"] if f["rule"] == "TS01")
    w = tmp_path / "waivers.yaml"
    w.write_text(f"- rule: TS01\n  fingerprint: {fp}\n  reason: Disetujui tim verifikasi\n", encoding="utf-8")
    assert run("check", str(dossier), "--rules", str(RULES), "--waivers", str(w)).exit_code == 0
    store = Store(temp_store)
    assert store.rows("SELECT rule, fingerprint, reason FROM waivers") == [
        {"rule": "TS01", "fingerprint": fp, "reason": "Disetujui tim verifikasi"}
    ]
    assert store.rows("SELECT waived, waiver_reason FROM findings WHERE rule = 'TS01'") == [
        {"waived": 1, "waiver_reason": "Disetujui tim verifikasi"}
    ]
    assert store.runs()[0]["waived"] == 1 and store.runs()[0]["exit_code"] == 0


def test_an_unwritable_default_store_only_warns(dossier, tmp_path, monkeypatch):
    monkeypatch.delenv("RENJA_CHECK_DB")
    (tmp_path / "xdg").write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    res = run("check", str(dossier), "--rules", str(RULES))
    assert res.exit_code == 1 and "peringatan" in res.stderr and "xdg" in res.stderr


def test_ask_with_an_unusable_db_is_an_input_error(tmp_path):
    (tmp_path / "plain").write_text("x")
    res = run("ask", "--db", str(tmp_path / "plain" / "x.db"), "pagu Pengelolaan Promosi ASN")
    assert res.exit_code == 2 and "plain" in res.output
