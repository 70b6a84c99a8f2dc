"""Schema 2: the ``ask_context`` table (migrated from schema 1) and its transactional writes."""

from __future__ import annotations

import pytest

from renja_check import api
from renja_check.store import SCHEMA_VERSION, Store, StoreError, ask_context, schema


def test_a_schema_1_store_gains_the_ask_context_table_and_keeps_its_runs(tmp_path, monkeypatch):
    from renja_check.paths import sample_renja

    path = tmp_path / "v1.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        old = Store(path)
        api.check_report([sample_renja()], store=old)
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert not old.rows("SELECT name FROM sqlite_master WHERE name = 'ask_context'")
        old.close()
    store = Store(path)
    assert SCHEMA_VERSION == schema.latest() == 2
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r["id"] for r in store.runs()] == [1]
    assert store.rows("SELECT version FROM schema ORDER BY version") == [{"version": 1}, {"version": 2}]
    assert ask_context.load(store) is None


def test_save_load_replace_and_forget(tmp_path):
    store = Store(tmp_path / "s.db")
    ask_context.save(store, {"code": "1.01.01", "name": "X", "run_id": 3})
    ask_context.save(store, {"code": "1.01.02", "name": "Y", "run_id": 3})
    assert ask_context.load(store) == {"code": "1.01.02", "name": "Y", "run_id": 3}
    assert store.rows("SELECT count(*) AS n FROM ask_context")[0]["n"] == 1
    ask_context.save(store, {"name": "z" * 20_000})  # not a context: forgotten, never truncated JSON
    assert ask_context.load(store) is None
    ask_context.save(store, {"code": "1.01.01"}, key="other")
    ask_context.save(store, None, key="other")
    assert ask_context.load(store, key="other") is None


def test_a_failed_write_leaves_the_previous_context(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.db")
    ask_context.save(store, {"code": "1.01.01", "name": "X"})

    def boom(*args):
        raise ValueError("not serialisable")

    monkeypatch.setattr(ask_context.dt, "datetime", type("D", (), {"now": staticmethod(boom)}))
    with pytest.raises(ValueError):
        ask_context.save(store, {"code": "1.01.02", "name": "Y"})
    assert not store.conn.in_transaction
    assert ask_context.load(store)["code"] == "1.01.01"


def test_an_unwritable_store_is_a_store_error(tmp_path):
    store = Store(tmp_path / "s.db")
    store.conn.execute("DROP TABLE ask_context")
    with pytest.raises(StoreError):
        ask_context.save(store, {"code": "1.01.01"})
    with pytest.raises(StoreError):
        ask_context.load(store)
