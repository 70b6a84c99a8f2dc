"""Snapshot tests (pytest-textual-snapshot, versions pinned in the test extra) at fixed sizes.

Update after an intended change of the screens: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from tui.app import RenjaApp

from .conftest import Answer, Citation
from .snapshot_data import snapshot_session


def test_findings_80x24(snap_compare, tmp_path):
    assert snap_compare(RenjaApp(snapshot_session(tmp_path)), terminal_size=(80, 24))


def test_cross_table_detail_120x32(snap_compare, tmp_path):
    app = RenjaApp(snapshot_session(tmp_path))
    assert snap_compare(app, press=["down"], terminal_size=(120, 32))


def test_document_tree_after_jump_80x24(snap_compare, tmp_path):
    assert snap_compare(RenjaApp(snapshot_session(tmp_path)), press=["n"], terminal_size=(80, 24))


def test_help_80x24(snap_compare, tmp_path):
    assert snap_compare(RenjaApp(snapshot_session(tmp_path), lang="en"), press=["f1"], terminal_size=(80, 24))


def test_ask_light_theme_100x30(snap_compare, tmp_path):
    session = snapshot_session(tmp_path)
    f = session.findings[0]
    answer = Answer(
        question="q",
        lang="id",
        intent="finding",
        text="Subtotal program tidak sama dengan jumlahnya.",
        citations=(
            Citation(
                document=f.document,
                table=f.table,
                locator=f.locator,
                line_start=3,
                line_end=6,
                page=None,
                fingerprint=f.fingerprint,
                label="PG01, baris 3",
            ),
        ),
        found=True,
    )
    app = RenjaApp(session, ask=lambda q: answer, export_dir=tmp_path)

    async def run_before(pilot):
        app.query_one("#ask-input").cursor_blink = False  # a blinking cursor makes the SVG flaky
        await pilot.press("t", "3")
        await pilot.pause()
        await pilot.press(*"kenapa subtotal salah", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(100, 30))
