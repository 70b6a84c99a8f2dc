"""A saved run reaches the database file itself: the checkpoint that follows the save runs
in a thread (it overlaps the report's rendering), ``close`` and the next save wait for it."""

from __future__ import annotations

import sqlite3

from renja_check import api
from renja_check.store import Store
from tests.cli.conftest import write_doc


def _runs_in_file_alone(path, tmp_path) -> int:
    """Runs in a copy of the database file without its write-ahead log (what a checkpoint copied)."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        conn.close()


def test_the_saved_run_is_copied_into_the_file(tmp_path):
    doc = write_doc(tmp_path / "renja.yaml", {"Pengelolaan Promosi ASN": "x"})
    store = Store(tmp_path / "s.db")
    api.check_report([doc], store=store)
    thread = store._checkpoint
    assert thread is not None  # started by the save
    api.check_report([doc], store=store)  # a second save waits for the first checkpoint
    assert not thread.is_alive()
    store.close()
    assert store._checkpoint is None
    assert not (tmp_path / "s.db-wal").exists() or (tmp_path / "s.db-wal").stat().st_size == 0
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
    conn.close()


def test_a_run_is_readable_while_and_after_it_is_checkpointed(tmp_path):
    doc = write_doc(tmp_path / "renja.yaml", {"Pengelolaan Promosi ASN": "x"})
    store = Store(tmp_path / "s.db")
    api.check_report([doc], store=store)
    assert len(store.runs()) == 1  # the main connection reads while the checkpoint runs
    store._wait_checkpoint()
    assert _runs_in_file_alone(tmp_path / "s.db", tmp_path) == 1  # in the file, the connection still open
    store.close()
