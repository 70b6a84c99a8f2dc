"""Pilot tests of the ask pane's conversation context: kept between questions, shown, cleared."""

from __future__ import annotations

import dataclasses

from renja_check.assistant import Context

from tui.app import RenjaApp
from tui.ask import assistant_ask

from .conftest import fake_answer, pilot_run, static_text

SUBJECT = Context(code="5.03.02.2.02.0003", name="Pengelolaan Promosi ASN", level="subkegiatan", intent="pagu")


async def ask(pilot, app, question: str) -> None:
    await pilot.press(*question, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_the_pane_keeps_shows_and_clears_the_context(session):
    calls = []

    def fake(question, context=None):
        calls.append((question, context))
        ctx = SUBJECT if question.startswith("pagu") else context
        return dataclasses.replace(fake_answer(session, question), context=ctx)

    app = RenjaApp(session, ask=fake)

    async def body(pilot):
        await pilot.press("3")
        await pilot.pause()
        line = app.query_one("#ask-context")
        assert not line.display and app.ask_context is None
        await ask(pilot, app, "pagu promosi")
        assert app.ask_context == SUBJECT and line.display
        shown = static_text(app, "#ask-context")
        assert "konteks:" in shown and "sub kegiatan 5.03.02.2.02.0003 Pengelolaan Promosi ASN" in shown
        await ask(pilot, app, "targetnya")
        assert calls[0] == ("pagu promosi", None) and calls[1] == ("targetnya", SUBJECT)
        await pilot.press("ctrl+n")  # clear
        await pilot.pause()
        assert app.ask_context is None and not line.display
        await ask(pilot, app, "targetnya")
        assert calls[2] == ("targetnya", None)
        await ask(pilot, app, "pagu lagi")
        assert app.ask_context == SUBJECT
        await ask(pilot, app, "/baru")  # typed: clears without asking
        assert app.ask_context is None and len(calls) == 4

    pilot_run(app, body)


def test_a_plain_ask_callable_still_works(session):
    app = RenjaApp(session, ask=lambda q: fake_answer(session, q))  # no context parameter, no context

    async def body(pilot):
        await pilot.press("3")
        await pilot.pause()
        await ask(pilot, app, "pagu program")
        await ask(pilot, app, "dan tahun 2024?")
        assert app.ask_context is None and len(app.query("#chat-log .answer")) == 2

    pilot_run(app, body)


def test_follow_up_with_the_real_assistant(rounds_store):
    app = RenjaApp(None, ask=assistant_ask(lambda: None, db=rounds_store.path))

    async def body(pilot):
        await pilot.press("3")
        await pilot.pause()
        await ask(pilot, app, "berapa pagu Pengelolaan Promosi ASN?")
        assert app.ask_context is not None and app.ask_context.code == "5.03.02.2.02.0003"
        await ask(pilot, app, "pagunya tahun 2024?")
        log = [str(w.content) for w in app.query("#chat-log .answer")]
        assert "dari pertanyaan sebelumnya" in log[-1] and "2024: Rp 625.000.000" in log[-1]
        assert "tahun 2024" in static_text(app, "#ask-context")
        app.action_clear_context()
        await pilot.pause()
        await ask(pilot, app, "pagunya tahun 2024?")
        log = [str(w.content) for w in app.query("#chat-log .answer")]
        assert "Rp " not in log[-1] and "sebutkan kode" in log[-1]

    pilot_run(app, body)
