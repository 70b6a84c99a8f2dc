"""The Textual app: findings beside their evidence, the documents' tree, the assistant.

Collaborators come in by injection: a ready ``Session`` or a ``loader`` (run in a thread
worker with a progress indicator), and an ``ask`` callable (see ``tui.ask``). The app
owns the view state and routes the widgets' messages; the widgets only display.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Input, Label, ProgressBar, TabbedContent, TabPane

from .actions import KEYS, WorkActions
from .ask import AskFn, AssistantUnavailable
from .i18n import ACTIONS, t
from .outline import outline
from .session import Session
from .view import SEVERITY_CYCLE, SORTS, ViewState
from .waive import DEFAULT_WAIVERS
from .widgets.chat import ChatPane
from .widgets.detail import DetailPane
from .widgets.documents import DocTree, DocumentsPane
from .widgets.findings import FindingsPane

Loader = Callable[[Callable[[str], None]], Session]

STAGES = ("stage_store", "stage_read", "stage_check", "stage_done")


class RenjaApp(WorkActions, App):
    CSS_PATH = "app.tcss"
    TITLE = "renja-check"

    def __init__(
        self,
        session: Optional[Session] = None,
        *,
        loader: Optional[Loader] = None,
        ask: Optional[AskFn] = None,
        lang: str = "id",
        export_dir: Optional[Path] = None,
        waiver_path: Optional[Path] = None,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.session: Optional[Session] = session
        self.loader = loader
        self.ask_fn = ask
        self.ask_context: Any = None  # the subject follow-up questions continue from (Answer.context)
        self.export_dir = Path(export_dir) if export_dir else Path.cwd()
        self.waiver_path = waiver_path
        self.state = ViewState()
        self.title = t("title", lang)
        for key, action, show in KEYS:
            self.bind(key, action, description=ACTIONS[action][lang], show=show)

    # --- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        with Vertical(id="loading"):
            yield Label(t("loading", lang), id="loading-label")
            yield ProgressBar(total=len(STAGES), show_eta=False, id="loading-bar")
        with TabbedContent(id="tabs"):
            with TabPane(t("tab_findings", lang), id="tab-findings"):
                yield FindingsPane(lang, id="findings")
            with TabPane(t("tab_documents", lang), id="tab-documents"):
                yield DocumentsPane(lang, id="documents")
            with TabPane(t("tab_ask", lang), id="tab-ask"):
                yield ChatPane(lang, id="chat")
        yield Footer(show_command_palette=False)  # ctrl+p is in F1 help; 80 columns keep every hint

    def on_mount(self) -> None:
        if self.session is not None:
            self._show(self.session)
        elif self.loader is not None:
            self.query_one("#tabs").display = False
            self._load()

    # --- loading (worker) ----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        def progress(stage: str) -> None:
            self.call_from_thread(self._progress, stage)

        try:
            session = self.loader(progress)
        except Exception as exc:  # shown in the app; the CLI reports input errors before starting
            text = exc.text(self.lang) if hasattr(exc, "text") else f"{type(exc).__name__}: {exc}"
            self.call_from_thread(self._failed, text)
            return
        self.call_from_thread(self._show, session)

    def _progress(self, stage: str) -> None:
        self.query_one("#loading-label", Label).update(t(stage, self.lang))
        bar = self.query_one("#loading-bar", ProgressBar)
        bar.update(progress=STAGES.index(stage) + 1 if stage in STAGES else bar.progress)

    def _failed(self, text: str) -> None:
        self.query_one("#loading-label", Label).update(f"{t('load_failed', self.lang)}: {text}")
        self.query_one("#loading-bar", ProgressBar).display = False

    def _show(self, session: Session) -> None:
        self.session = session
        if self.waiver_path is None:
            self.waiver_path = session.waiver_path or DEFAULT_WAIVERS
        self.query_one("#loading").display = False
        self.query_one("#tabs").display = True
        report = session.report
        tables = {tid: report.table_heading(tid, self.lang) for tid in report.tables}
        self.query_one(FindingsPane).load(session.findings, tables, set(report.waived))
        docs = outline(session.dossier, session.findings) if session.dossier else []
        self.query_one(DocumentsPane).load(docs, tables)
        self.query_one("#findings-table", DataTable).focus()
        if session.slow_sources():
            self._warm_sources(session)

    @work(thread=True, group="sources")
    def _warm_sources(self, session: Session) -> None:
        """Extract the PDFs' text again for the excerpts, after the first screen."""
        for path in session.slow_sources():
            session.source_lines(path, slow=True)
        self.call_from_thread(self._refresh_detail)

    def _refresh_detail(self) -> None:
        self.query_one(DetailPane).show(self.session, self.findings_pane.current)

    # --- the findings view ---------------------------------------------------------------
    @property
    def findings_pane(self) -> FindingsPane:
        return self.query_one(FindingsPane)

    def set_view(self, state: ViewState) -> None:
        self.state = state
        self.findings_pane.apply(state)

    @on(FindingsPane.ViewChanged)
    def _view_changed(self, event: FindingsPane.ViewChanged) -> None:
        self.set_view(event.state)

    @on(FindingsPane.Picked)
    def _picked(self, event: FindingsPane.Picked) -> None:
        self.query_one(DetailPane).show(self.session, event.finding)

    def action_cycle_severity(self) -> None:
        i = SEVERITY_CYCLE.index(self.state.severity)
        self.set_view(self.state.replace(severity=SEVERITY_CYCLE[(i + 1) % len(SEVERITY_CYCLE)]))

    def action_cycle_sort(self) -> None:
        self.set_view(self.state.replace(sort=SORTS[(SORTS.index(self.state.sort) + 1) % len(SORTS)]))

    def action_clear_filters(self) -> None:
        self.set_view(ViewState(sort=self.state.sort))

    def action_focus_search(self) -> None:
        self.action_tab_findings()
        self.query_one("#f-text", Input).focus()

    def action_focus_table(self) -> None:
        if self.query_one(TabbedContent).active == "tab-findings":
            self.query_one("#findings-table", DataTable).focus()

    def action_tab_findings(self) -> None:
        self.query_one(TabbedContent).active = "tab-findings"
        self.query_one("#findings-table", DataTable).focus()

    def action_tab_documents(self) -> None:
        self.query_one(TabbedContent).active = "tab-documents"
        self.query_one(DocTree).focus()

    def action_tab_ask(self) -> None:
        self.query_one(TabbedContent).active = "tab-ask"
        self.query_one("#ask-input", Input).focus()
        self.call_after_refresh(self.query_one("#ask-input", Input).focus)  # once the pane shows

    # --- jumps between findings and document nodes ----------------------------------------
    def action_goto_node(self) -> None:
        f = self.findings_pane.current
        if f is None or not f.locator or self.query_one(DocumentsPane).reveal(f.locator, f.document) is None:
            self.notify(t("no_node", self.lang), severity="warning")
            return
        self.query_one(TabbedContent).active = "tab-documents"
        self.query_one(DocTree).focus()

    def action_goto_findings(self) -> None:
        pane = self.query_one(DocumentsPane)
        item = pane.current
        if item is None:
            return
        several = len(pane.outlines) > 1  # node ids repeat across a dossier's documents
        self.show_node_findings(frozenset(item.node_ids), document=pane.current_document if several else None)

    def show_node_findings(
        self, locators: frozenset[str], keep: Optional[str] = None, document: Optional[str] = None
    ) -> None:
        self.state = ViewState(nodes=locators, document=document, sort=self.state.sort)
        self.findings_pane.apply(self.state, keep=keep)
        self.action_tab_findings()

    def select_finding(self, fingerprint: str) -> bool:
        """Show one finding (clearing filters that hide it)."""
        if self.session is None or self.session.finding_by_fingerprint(fingerprint) is None:
            return False
        pane = self.findings_pane
        if not any(f.fingerprint == fingerprint for f in pane.shown):
            self.state = ViewState(sort=self.state.sort)
        pane.apply(self.state, keep=fingerprint)
        self.action_tab_findings()
        return True

    # --- ask -------------------------------------------------------------------------------
    @on(ChatPane.Asked)
    def _asked(self, event: ChatPane.Asked) -> None:
        self._ask(event.question)

    @work(thread=True, group="ask")
    def _ask(self, question: str) -> None:
        chat = self.query_one(ChatPane)
        if self.ask_fn is None:
            self.call_from_thread(chat.add_error, t("ask_unavailable", self.lang))
            return
        context = self.ask_context
        try:  # a context only when there is one: a plain ask(question) callable still works
            answer = self.ask_fn(question) if context is None else self.ask_fn(question, context=context)
        except AssistantUnavailable:
            self.call_from_thread(chat.add_error, t("ask_unavailable", self.lang))
            return
        except Exception as exc:
            self.call_from_thread(chat.add_error, f"{t('ask_failed', self.lang)}: {type(exc).__name__}: {exc}")
            return
        self.call_from_thread(chat.add_answer, answer)
        self.call_from_thread(self.set_ask_context, getattr(answer, "context", None))

    def set_ask_context(self, context: Any) -> None:
        self.ask_context = context
        self.query_one(ChatPane).show_context(context)

    def action_clear_context(self) -> None:
        """Forget the conversation's subject: the next question starts afresh."""
        self.set_ask_context(None)
        self.notify(t("context_cleared", self.lang))

    @on(ChatPane.CitationChosen)
    def _citation_chosen(self, event: ChatPane.CitationChosen) -> None:
        self.open_citation_object(event.citation)

    def action_open_citation(self, index: int) -> None:
        cites = self.query_one(ChatPane).citations
        if 0 <= index < len(cites):
            self.open_citation_object(cites[index])

    def open_citation_object(self, c: Any) -> None:
        """A finding citation opens the finding; a node citation opens the node (else its findings)."""
        fp = getattr(c, "fingerprint", None)
        if fp and self.select_finding(fp):
            return
        locator = getattr(c, "locator", None)
        if not locator and self.session is not None:  # a citation of lines only
            locator = self.session.node_at(getattr(c, "document", None), getattr(c, "line_start", None))
        if locator and self.query_one(DocumentsPane).reveal(locator, getattr(c, "document", None)) is not None:
            self.query_one(TabbedContent).active = "tab-documents"
            self.query_one(DocTree).focus()
            return
        if locator and self.session and any(f.locator == locator for f in self.session.findings):
            self.show_node_findings(frozenset([locator]))
            return
        self.notify(t("no_target", self.lang), severity="warning")
