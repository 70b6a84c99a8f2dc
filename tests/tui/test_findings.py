"""Pilot tests of the findings view: table, counts, filters, sort, navigation."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from tui.app import RenjaApp
from tui.widgets.findings import FindingsPane

from .conftest import pilot_run, static_text


def _rules(app) -> list[str]:
    return [f.rule for f in app.query_one(FindingsPane).shown]


def test_table_lists_every_finding_with_counts_per_severity(session):
    app = RenjaApp(session)
    per = {s: sum(f.severity == s for f in session.findings) for s in ("error", "warning", "info")}

    async def body(pilot):
        assert app.query_one("#findings-table", DataTable).row_count == len(session.findings)
        counts = static_text(app, "#counts")
        assert f"galat {per['error']}" in counts and f"peringatan {per['warning']}" in counts
        assert f"info {per['info']}" in counts

    pilot_run(app, body)


def test_filters_by_severity_rule_table_document_and_text(session):
    app = RenjaApp(session)
    table_id = next(f.table for f in session.findings if f.table)

    async def body(pilot):
        pane = app.query_one(FindingsPane)
        await pilot.press("s")  # severity: errors only
        assert {f.severity for f in pane.shown} == {"error"}
        assert "galat" in static_text(app, "#counts")
        await pilot.press("c")
        app.query_one("#f-rule", Select).value = "PG01"
        await pilot.pause()
        assert set(_rules(app)) == {"PG01"}
        await pilot.press("c")
        app.query_one("#f-table", Select).value = table_id
        await pilot.pause()
        assert pane.shown and {f.table for f in pane.shown} == {table_id}
        app.query_one("#f-document", Select).value = session.findings[0].document
        await pilot.pause()
        assert {f.document for f in pane.shown} == {session.findings[0].document}
        await pilot.press("c", "slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"subtotal")
        await pilot.pause()
        assert pane.shown and all("subtotal" in f.text("id").lower() or "subtotal" in f.rule_name for f in pane.shown)
        assert len(pane.shown) < len(session.findings)
        await pilot.press("escape")
        assert app.focused is app.query_one("#findings-table")

    pilot_run(app, body)


def test_sort_cycles_and_keyboard_moves_the_detail(session):
    app = RenjaApp(session)

    async def body(pilot):
        pane = app.query_one(FindingsPane)
        await pilot.press("o")  # severity order: errors, warnings, infos
        order = [f.severity for f in pane.shown]
        assert order == sorted(order, key=["error", "warning", "info"].index)
        await pilot.press("o")  # rule code order
        assert _rules(app) == sorted(_rules(app))
        second = pane.shown[pane.shown.index(pane.current) + 1]  # sorting keeps the selection
        await pilot.press("down")
        await pilot.pause()
        assert pane.current is second
        assert second.text("id")[:40] in " ".join(static_text(app, "#d-head").split())

    pilot_run(app, body)
