"""Pilot tests of the document tree (jumps both ways) and the ask pane (citations jump)."""

from __future__ import annotations

from textual.widgets import ListView

from tui.app import RenjaApp
from tui.outline import outline
from tui.widgets.chat import ChatPane
from tui.widgets.documents import DocTree, DocumentsPane
from tui.widgets.findings import FindingsPane

from .conftest import fake_answer, pilot_run, static_text


def test_outline_is_program_kegiatan_subkegiatan_with_pagu_per_table(session):
    doc = outline(session.dossier, session.findings)[0]
    program = doc.items[0]
    kegiatan = program.children[0]
    sub = kegiatan.children[0]
    assert (program.level, kegiatan.level, sub.level) == ("program", "kegiatan", "subkegiatan")
    assert sub.code.startswith(kegiatan.code) and kegiatan.code.startswith(program.code)
    assert len(sub.pagu) >= 2 and all(v is None or isinstance(v, int) for v in sub.pagu.values())
    pg01 = next(f for f in session.findings if f.rule == "PG01")
    assert doc.by_node[pg01.locator].mismatched


def test_node_to_findings_and_back(session):
    f = next(f for f in session.findings if f.rule == "PG01")
    app = RenjaApp(session)

    async def body(pilot):
        app.select_finding(f.fingerprint)
        await pilot.press("n")  # finding -> its node
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-documents"
        item = app.query_one(DocumentsPane).current
        assert item is not None and f.locator in item.node_ids
        assert "≠" in str(app.query_one(DocTree).cursor_node.label)
        assert item.code in static_text(app, "#node-info")
        await pilot.press("f")  # node -> its findings
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-findings"
        shown = app.query_one(FindingsPane).shown
        assert f in shown and len(shown) < len(session.findings)
        assert all(x.locator in item.node_ids or x.evidence for x in shown)

    pilot_run(app, body)


def test_ask_pane_shows_answer_and_citations_jump(session):
    asked = []

    def ask(question):
        asked.append(question)
        return fake_answer(session, question)

    app = RenjaApp(session, ask=ask)
    target = fake_answer(session, "")

    async def body(pilot):
        await pilot.press("3")
        await pilot.pause()
        await pilot.press(*"pagu program", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == ["pagu program"]
        chat = app.query_one(ChatPane)
        assert len(chat.latest) == 2
        log = " ".join(str(w.content) for w in app.query("#chat-log .answer"))
        assert "Ada selisih" in log and "[1]" in log
        lv = app.query_one("#citations", ListView)
        lv.focus()
        lv.index = 0
        await pilot.press("enter")  # finding citation -> the finding
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-findings"
        assert app.query_one(FindingsPane).current.fingerprint == target.citations[0].fingerprint
        app.action_open_citation(1)  # node citation (a link of the log) -> the node
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-documents"
        assert target.citations[1].locator in app.query_one(DocumentsPane).current.node_ids

    pilot_run(app, body)


def test_documents_sharing_node_ids_jump_to_the_right_one(tmp_path):
    import dataclasses

    from renja_check.models import Dossier

    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    doc = s.dossier.documents[0]
    other = doc.model_copy(
        update={
            "perangkat_daerah": "Dinas Lain",
            "source": doc.source.model_copy(update={"path": str(tmp_path / "b.txt")}),
        }
    )
    s = dataclasses.replace(s, dossier=Dossier(documents=[other, doc]), _nodes={})
    f = s.findings[0]
    app = RenjaApp(s)

    async def body(pilot):
        await pilot.press("n")
        await pilot.pause()
        pane = app.query_one(DocumentsPane)
        assert pane.current_document == f.document and f.locator in pane.current.node_ids
        await pilot.press("f")
        await pilot.pause()
        assert app.state.document == f.document and app.query_one(FindingsPane).shown == [f]

    pilot_run(app, body, size=(80, 24))


def test_folded_rows_and_documents_count_the_mismatches_below(tmp_path):
    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    (doc,) = outline(s.dossier, s.findings)
    program = doc.items[0]
    # the program (PG01, pagu differs) and both sub kegiatan (pagu differs) are marked, not the kegiatan
    assert program.mismatched and not program.children[0].mismatched
    assert program.inner_mismatches() == 2 and doc.mismatches() == 3
