"""The store and assistant seams (contract 5) with stand-in modules: issue 8 builds the real ones."""

from __future__ import annotations

import sys
import types

from tui.ask import assistant_ask
from tui.session import store_session


class FakeStore:
    saved: list = []

    def __init__(self, path=None):
        self.path = path

    def runs(self):
        return [{"id": 1, "inputs": []}, {"id": 2, "inputs": "[]"}]

    def findings(self, run_id):
        return list(self.rows[run_id])

    def save_run(self, result, *, inputs, dossier=None, report=None):
        FakeStore.saved.append((result, inputs, dossier, report))
        return 7


def test_store_session_reads_the_documents_again_for_labels_and_tree(monkeypatch, session, tmp_path):
    sample = session.inputs[0]
    FakeStore.rows = {1: session.findings[:2]}
    monkeypatch.setattr(FakeStore, "runs", lambda self: [{"id": 1, "inputs": [str(sample)]}])
    monkeypatch.setitem(sys.modules, "renja_check.store", types.SimpleNamespace(Store=FakeStore))
    s = store_session(tmp_path / "x.db")
    assert s.dossier is not None and s.report.tables == session.report.tables


def test_store_session_shows_the_latest_run(monkeypatch, session, tmp_path):
    FakeStore.rows = {1: session.findings[:1], 2: session.findings[:3]}
    monkeypatch.setitem(sys.modules, "renja_check.store", types.SimpleNamespace(Store=FakeStore))
    stages = []
    s = store_session(tmp_path / "x.db", progress=stages.append)
    assert s.run_id == 2 and {f.fingerprint for f in s.findings} == {f.fingerprint for f in session.findings[:3]}
    assert s.dossier is None and stages == ["stage_store"]
    assert "FM01" in s.rules  # the explanation still works without the documents


def test_assistant_ask_saves_the_shown_run_once_and_asks_about_it(monkeypatch, session):
    calls = []
    assistant = types.SimpleNamespace(ask=lambda q, **kw: calls.append((q, kw)) or "answer")
    monkeypatch.setitem(sys.modules, "renja_check.assistant", assistant)
    monkeypatch.setitem(sys.modules, "renja_check.store", types.SimpleNamespace(Store=FakeStore))
    monkeypatch.setattr("renja_check.assistant", assistant, raising=False)
    monkeypatch.setattr("renja_check.store", sys.modules["renja_check.store"], raising=False)
    FakeStore.saved = []
    ask = assistant_ask(lambda: session)
    assert ask("satu?") == "answer" and ask("dua?") == "answer"
    assert len(FakeStore.saved) == 1 and session.run_id == 7
    assert FakeStore.saved[0][2] is session.dossier  # the assistant answers about the documents too
    assert [c[1]["run_id"] for c in calls] == [7, 7] and calls[0][1]["lang"] is None
