"""The ask pane: questions in, answers with citations out.

It holds no assistant: it posts ``Asked`` and the app calls its injected ``ask`` in a
worker, then hands the answer back with ``add_answer``. The conversation's context (the
subject follow-up questions continue from) is the app's; the pane only shows it on a
"konteks: ..." line (``show_context``), hidden when there is none; ctrl+n, a click on the
line or typing "/baru" ("/new") clears it. Every citation is a link in the
log (click) and an entry of the list below it (Enter), both posting ``CitationChosen``.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, ListItem, ListView, Static

from ..i18n import t


CLEAR_WORDS = frozenset({"/baru", "/new", "/clear", "/hapus"})


class ChatPane(Vertical):
    BINDINGS = [Binding("ctrl+n", "app.clear_context", show=False)]

    class Asked(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    class CitationChosen(Message):
        def __init__(self, citation: Any) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self, lang: str = "id", **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.citations: list[Any] = []  # every citation shown so far (index = link number)
        self.latest: list[Any] = []

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="chat-log")
        yield Label(t("citations", self.lang), id="citations-label")
        yield ListView(id="citations")
        yield Static("", id="ask-context", markup=True)
        yield Input(placeholder=t("ask_placeholder", self.lang), id="ask-input")

    @on(Input.Submitted, "#ask-input")
    def _submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        event.input.value = ""
        if question.lower() in CLEAR_WORDS:
            self.app.action_clear_context()
            return
        self._log(f"[b]?[/b] {escape(question)}", "question")
        self._log(f"[dim]{escape(t('thinking', self.lang))}[/dim]", "pending")
        self.post_message(self.Asked(question))

    def _log(self, markup: str, cls: str) -> None:
        log = self.query_one("#chat-log", VerticalScroll)
        log.mount(Static(markup, classes=cls))
        log.scroll_end(animate=False)

    def _drop_pending(self) -> None:
        for w in self.query(".pending"):
            w.remove()

    def add_answer(self, answer: Any) -> None:
        self._drop_pending()
        lang = self.lang
        text = escape(str(getattr(answer, "text", "") or ""))
        if not getattr(answer, "found", True):
            text = f"{text}\n[dim]{escape(t('not_found', lang))}[/dim]"
        candidates = tuple(getattr(answer, "candidates", ()) or ())
        if candidates:
            text += f"\n{escape(t('candidates', lang))}: " + ", ".join(escape(c) for c in candidates)
        cites = list(getattr(answer, "citations", ()) or ())
        links = []
        for c in cites:
            self.citations.append(c)
            n = len(self.citations) - 1
            links.append(f"[@click=app.open_citation({n})][u]\\[{n + 1}] {escape(str(c.label))}[/u][/]")
        if links:
            text += "\n" + "\n".join(links)
        self._log(text, "answer")
        self.latest = cites
        lv = self.query_one("#citations", ListView)
        lv.clear()
        start = len(self.citations) - len(cites)
        for i, c in enumerate(cites):
            lv.append(ListItem(Label(f"[{start + i + 1}] {c.label}", markup=False)))

    def on_mount(self) -> None:
        self.show_context(None)

    def show_context(self, context: Any) -> None:
        """The "konteks: ..." line (hidden when ``context`` is None)."""
        line = self.query_one("#ask-context", Static)
        line.display = context is not None
        if context is None:
            line.update("")
            return
        describe = getattr(context, "describe", None)
        what = describe(self.lang) + context.narrowing(self.lang) if describe else str(context)
        line.update(
            f"[dim]{escape(t('context', self.lang))}:[/dim] {escape(what)} "
            f"[dim][@click=app.clear_context]({escape(t('context_clear', self.lang))})[/][/dim]"
        )

    def add_error(self, message: str) -> None:
        self._drop_pending()
        self._log(f"[red]{escape(message)}[/red]", "error")

    @on(ListView.Selected, "#citations")
    def _chosen(self, event: ListView.Selected) -> None:
        index = event.list_view.index
        if index is not None and 0 <= index < len(self.latest):
            self.post_message(self.CitationChosen(self.latest[index]))
