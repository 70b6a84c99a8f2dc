"""The store: default location, schema version, one transaction per run, reading back, diff."""

from __future__ import annotations

import json

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from renja_check import api
from renja_check.store import SCHEMA_VERSION, Store, StoreError, default_path
from renja_check.store import save as save_module
from tests.cli.conftest import write_doc


def test_default_path_follows_env_and_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("RENJA_CHECK_DB", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv("RENJA_CHECK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "renja-check" / "renja-check.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / ".local" / "share" / "renja-check" / "renja-check.db"


def test_suite_never_writes_the_home_store(temp_store):
    assert Store().path == temp_store


@pytest.fixture
def small(tmp_path):
    return write_doc(tmp_path / "renja.yaml", {"Pengelolaan Promosi ASN": "x"})


def test_schema_is_versioned_and_readable(tmp_path, small):
    store = Store(tmp_path / "s.db")
    api.check_report([small], store=store)
    run_id = store.latest_run_id()
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {
        "runs",
        "documents",
        "tables",
        "nodes",
        "pagu",
        "indicators",
        "claims",
        "rules",
        "findings",
        "waivers",
        "search",
        "schema",
    } <= tables
    assert conn.execute("SELECT count(*) FROM nodes WHERE run_id = ?", (run_id,)).fetchone()[0] == 4
    codes = {r[0] for r in conn.execute("SELECT code FROM nodes WHERE run_id = ?", (run_id,))}
    assert "5.03.02.2.02.0003" in codes
    assert (
        conn.execute(
            "SELECT p.value FROM pagu p JOIN nodes n ON n.run_id = p.run_id AND n.node_id = p.node_id "
            "WHERE n.code = '5.03.02.2.02.0003' AND p.year = '2024'"
        ).fetchone()[0]
        == 6_003_703_701
    )


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path).runs()


def test_findings_read_back_equal(tmp_path, rounds_store):
    first = rounds_store.findings(1)
    assert first and all(f.fingerprint for f in first)
    assert {f.to_dict()["fingerprint"] for f in first} == {
        r["fingerprint"] for r in rounds_store.rows("SELECT fingerprint FROM findings WHERE run_id = 1")
    }
    runs = rounds_store.runs()
    assert [r["id"] for r in runs][:2] == [1, 2] and runs[0]["findings"] == len(first)


def test_findings_read_back_exactly_with_their_evidence_stored_once(tmp_path):
    store = Store(tmp_path / "s.db")
    result = api.check([])  # the default dossier: findings with folded and nested evidence
    run_id = store.save_run(result)
    assert [f.model_dump(mode="json") for f in store.findings(run_id)] == [
        f.model_dump(mode="json") for f in result.findings
    ]
    data = [json.loads(r["data"]) for r in store.rows("SELECT data FROM findings WHERE run_id = ?", (run_id,))]
    assert data and not any(k in d for d in data for k in ("evidence", "expected", "found", "message"))
    # a row written before (evidence inside data as well) still reads back
    row = store.rows("SELECT id, data, evidence, expected, found FROM findings WHERE run_id = ? LIMIT 1", (run_id,))[0]
    full = {
        **json.loads(row["data"]),
        **{k: json.loads(row[k]) if row[k] else None for k in ("evidence", "expected", "found")},
    }
    store.conn.execute("UPDATE findings SET data = ?, evidence = NULL WHERE id = ?", (json.dumps(full), row["id"]))
    assert store.findings(run_id)[0].model_dump(mode="json") == result.findings[0].model_dump(mode="json")
    store.close()


def test_a_failure_half_way_leaves_the_store_as_it_was(tmp_path, small, monkeypatch):
    store = Store(tmp_path / "t.db")
    api.check_report([small], store=store)
    api.check_report([small], store=store)
    before = {
        t: store.rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]
        for t in ("runs", "documents", "nodes", "pagu", "findings", "search")
    }
    calls = []

    def boom(conn, run_id, findings, waived):  # the run, documents and nodes are already inserted
        calls.append(run_id)
        assert store.rows("SELECT count(*) AS n FROM runs")[0]["n"] == before["runs"] + 1
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(save_module, "insert_findings", boom)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        api.check_report([small], store=store)
    assert calls
    after = {t: store.rows(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in before}
    assert after == before
    assert [r["id"] for r in store.runs()] == [1, 2]
    monkeypatch.undo()
    assert api.check_report([small], store=store) and store.latest_run_id() == 3


def test_an_unwritable_store_is_an_input_error(tmp_path, small):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError):
        api.check_report([small], store=Store(tmp_path / "file" / "s.db"))


def test_diff_of_two_rounds_of_an_edited_document(rounds_store):
    d = rounds_store.diff(1, 2)
    fixed = {(f.rule, f.locator) for f in d["fixed"]}
    new = {(f.rule, f.locator) for f in d["new"]}
    assert ("PG01", "T2.5-analisis:5.03.01") in fixed  # the corrected program subtotal
    assert ("XT01", "rencana:5.03.02.2.02.0003") in new  # the changed pagu now disagrees with Tabel 2.5
    assert any(f.rule == "PG01" and f.table == "rencana" for f in d["new"])  # ... and breaks its subtotal
    assert len(d["open"]) == len(rounds_store.findings(2)) - len(d["new"])
    assert rounds_store.diff(1, 1)["new"] == [] and rounds_store.diff(1, 1)["fixed"] == []


def test_fts_search_folds_case_and_diacritics(rounds_store):
    from renja_check.store.search import fts

    hits = fts(rounds_store.conn, 1, "PENGELOLAAN PRÓMOSI", kinds=("name",))
    assert any("Pengelolaan Promosi ASN" in h["text"] for h in hits)
    assert fts(rounds_store.conn, 1, '"; DROP TABLE runs; --') == []
    assert fts(rounds_store.conn, 1, "") == []


def test_an_older_store_is_migrated_and_keeps_its_runs(tmp_path, small, monkeypatch):
    from renja_check.store import schema

    path = tmp_path / "old.db"
    api.check_report([small], store=Store(path))

    def v2(conn):
        conn.execute("ALTER TABLE runs ADD COLUMN reviewer TEXT")

    nxt = schema.latest() + 1
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [(nxt, v2)])
    store = Store(path)
    assert [r["id"] for r in store.runs()] == [1] and "reviewer" in store.runs()[0]
    assert store.rows("SELECT max(version) AS v FROM schema")[0]["v"] == nxt
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == nxt


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_a_run_naming_an_undecodable_file_is_saved_once_cleaned(tmp_path, small):
    bad = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xffrenja.yaml"))
    os.rename(small, bad)
    store = Store(tmp_path / "s.db")
    api.check_report([bad], store=store)
    api.check_report([bad], store=store)
    assert [r["id"] for r in store.runs()] == [1, 2]
    assert [r["inputs"] for r in store.runs()] == [[str(bad).replace("\udcff", "\ufffd")]] * 2
    assert store.findings(2)  # the rest of the run is there too
