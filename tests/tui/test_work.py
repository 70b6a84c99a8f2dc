"""Pilot tests of the work keys: waive, export, palette, help, footer, themes, loading."""

from __future__ import annotations

import json
import threading

import pytest
from textual.command import CommandPalette
from textual.widgets import Footer, Input, ProgressBar

from renja_check.baseline import load_waivers
from tui.app import KEYS, RenjaApp
from tui.ask import AssistantUnavailable, assistant_ask
from tui.widgets.dialogs import HelpScreen, WaiveScreen
from tui.widgets.findings import FindingsPane

from .conftest import pilot_run, static_text


def test_waive_writes_the_waiver_file_and_marks_the_finding(session, tmp_path):
    path = tmp_path / "waivers.yaml"
    path.write_text("# kept comment\n", encoding="utf-8")
    app = RenjaApp(session, waiver_path=path)

    async def body(pilot):
        f = app.query_one(FindingsPane).current
        await pilot.press("w")
        assert isinstance(app.screen, WaiveScreen)
        await pilot.press("enter")  # no reason: refused
        assert isinstance(app.screen, WaiveScreen)
        await pilot.press(*"disetujui tim", "tab", *"2099-12-31", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, WaiveScreen)
        (w,) = load_waivers(path)
        assert (w.rule, w.fingerprint, w.reason, str(w.expires)) == (
            f.rule,
            f.fingerprint,
            "disetujui tim",
            "2099-12-31",
        )
        assert path.read_text(encoding="utf-8").startswith("# kept comment\n")
        assert session.report.waiver_for(f) is not None
        assert "disetujui tim" in static_text(app, "#d-head")

    pilot_run(app, body)


def test_export_writes_the_filtered_view_as_markdown_and_json(session, tmp_path):
    app = RenjaApp(session, export_dir=tmp_path)

    async def body(pilot):
        await pilot.press("s", "e", "E")  # errors only, then both exports
        shown = app.query_one(FindingsPane).shown
        data = json.loads((tmp_path / "renja-temuan.json").read_text(encoding="utf-8"))
        assert [d["fingerprint"] for d in data["findings"]] == [f.fingerprint for f in shown]
        assert {d["severity"] for d in data["findings"]} == {"error"}
        md = (tmp_path / "renja-temuan.md").read_text(encoding="utf-8")
        assert md.startswith("# Hasil Verifikasi Renja") and shown[0].rule in md
        assert "| peringatan | 0 |" in md

    pilot_run(app, body)


def test_command_palette_offers_the_app_actions(session, tmp_path):
    app = RenjaApp(session, export_dir=tmp_path)

    async def body(pilot):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Ekspor JSON" in titles and "Waiver" in titles and "Bantuan" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Ekspor JSON")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "renja-temuan.json").is_file()

    pilot_run(app, body)


def test_f1_help_lists_every_key_footer_hints_and_themes(session):
    app = RenjaApp(session)

    async def body(pilot):
        footer_keys = {b.binding.key for b in app.active_bindings.values() if b.binding.show}
        assert {"f1", "w", "q"} <= footer_keys
        assert app.query_one(Footer).display
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen, "#help-keys")
        for key, _action, _ in KEYS:
            assert app.get_key_display_for(key) in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"

    pilot_run(app, body)


def test_slow_loading_runs_in_a_worker_with_progress(session):
    gate = threading.Event()

    def loader(progress):
        progress("stage_read")
        gate.wait(10)
        progress("stage_check")
        return session

    app = RenjaApp(loader=loader, lang="en")

    async def body(pilot):
        await pilot.pause(0.1)
        assert app.query_one("#loading").display and not app.query_one("#tabs").display
        assert "Reading" in str(app.query_one("#loading-label").content)
        assert app.query_one(ProgressBar).progress >= 1
        await pilot.press("t")  # the interface answers while the worker reads
        assert app.theme == "textual-light"
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#tabs").display and app.query_one(FindingsPane).shown

    pilot_run(app, body)


def test_a_failing_load_is_reported_in_the_app():
    def loader(progress):
        raise ValueError("rusak")

    app = RenjaApp(loader=loader)

    async def body(pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "rusak" in str(app.query_one("#loading-label").content)

    pilot_run(app, body)


def test_english_labels_80x24_layout_and_missing_assistant(session, tmp_path):
    def ask(question):
        raise AssistantUnavailable("no module")

    app = RenjaApp(session, lang="en", ask=ask, export_dir=tmp_path)

    async def body(pilot):
        assert "error" in static_text(app, "#counts")
        assert app.query_one("#f-text", Input).placeholder.startswith("Search")
        table, detail = app.query_one("#findings-table"), app.query_one("#detail")
        assert table.region.width >= 38 and detail.region.width >= 30
        assert table.region.right <= 80 and detail.region.right <= 80
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is app.query_one("#ask-input")  # typed keys go to the question, not to actions
        await pilot.press(*"hello", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = " ".join(str(w.content) for w in app.query("#chat-log .error"))
        assert "not available" in errors

    pilot_run(app, body, size=(80, 24))


def test_production_ask_reports_a_missing_assistant(monkeypatch):
    import renja_check

    monkeypatch.setitem(__import__("sys").modules, "renja_check.assistant", None)
    monkeypatch.delattr(renja_check, "assistant", raising=False)  # once issue 8 has landed
    with pytest.raises(AssistantUnavailable):
        assistant_ask(lambda: None)("apa?")
