"""The findings list: counts per severity, the filter bar, and the table.

The app gives it the findings and a ``ViewState``; it posts ``ViewChanged`` when the user
edits a filter and ``Picked`` when the highlighted finding changes.
"""

from __future__ import annotations

from typing import Optional

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Select, Static

from renja_check.finding import Finding
from renja_check.report.display_paths import display_path

from ..i18n import SORTS, t
from ..view import ViewState, choices, counts, visible
from .detail import SEV_STYLE, DetailPane

SEV_MARK = {"error": "E", "warning": "W", "info": "i"}


class FindingsPane(Vertical):
    class ViewChanged(Message):
        def __init__(self, state: ViewState) -> None:
            super().__init__()
            self.state = state

    class Picked(Message):
        def __init__(self, finding: Optional[Finding]) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, lang: str = "id", **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.findings: list[Finding] = []
        self.waived: set[str] = set()
        self.state = ViewState()
        self.shown: list[Finding] = []
        self.tables: dict[str, str] = {}
        self._quiet = False  # set while the app changes the filter widgets itself

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(id="counts")
        with Horizontal(id="filters"):
            yield Select(
                [(t("error", lang), "error"), (t("warning", lang), "warning"), (t("info", lang), "info")],
                prompt=t("all_severities", lang),
                id="f-severity",
                compact=True,
            )
            yield Select([], prompt=t("all_rules", lang), id="f-rule", compact=True)
            yield Select([], prompt=t("all_tables", lang), id="f-table", compact=True)
            yield Select([], prompt=t("all_documents", lang), id="f-document", compact=True)
            yield Input(placeholder=t("search", lang), id="f-text", compact=True)
        with Horizontal(id="findings-body"):
            yield DataTable(id="findings-table", cursor_type="row", zebra_stripes=True)
            yield DetailPane(lang, id="detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        lang = self.lang
        table.add_column(t("col_sev", lang), key="sev", width=3)
        table.add_column(t("col_code", lang), key="code", width=4)
        table.add_column(t("col_table", lang), key="table", width=8)
        table.add_column(t("col_row", lang), key="row", width=5)
        table.add_column(t("col_message", lang), key="message")

    # --- attributes down -----------------------------------------------------------------
    def load(self, findings: list[Finding], tables: dict[str, str], waived: set[str]) -> None:
        self.findings, self.tables, self.waived = findings, tables, set(waived)
        opts = choices(findings)
        self._quiet = True
        self.query_one("#f-rule", Select).set_options([(c, c) for c in opts["rule"]])
        self.query_one("#f-table", Select).set_options(
            [(self.tables.get(x, x) if x else t("no_table", self.lang), x) for x in opts["table"]]
        )
        self.query_one("#f-document", Select).set_options(
            [(display_path(d).rsplit("/", 1)[-1] or "-", d) for d in opts["document"]]
        )
        self._quiet = False
        self.apply(self.state)

    def apply(self, state: ViewState, keep: Optional[str] = None) -> None:
        """Show ``state``; keep the cursor on the finding with fingerprint ``keep`` if shown."""
        self.state = state
        self._sync_widgets(state)
        table = self.query_one(DataTable)
        current = keep or (self.current.fingerprint if self.current else None)
        self.shown = visible(self.findings, state, self.lang)
        table.clear()
        for f in self.shown:
            mark = Text(SEV_MARK[f.severity], style=SEV_STYLE[f.severity])
            if f.fingerprint in self.waived:
                mark = Text("~", style="dim")
            row = str(f.span.line_start) if f.span else ""
            table.add_row(mark, f.rule, f.table or "", row, f.text(self.lang), key=f.fingerprint + "|" + f.rule)
        self._update_counts()
        index = next((i for i, f in enumerate(self.shown) if f.fingerprint == current), 0)
        if self.shown:
            table.move_cursor(row=index)
        self.post_message(self.Picked(self.shown[index] if self.shown else None))

    @property
    def current(self) -> Optional[Finding]:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _update_counts(self) -> None:
        lang = self.lang
        c = counts(self.shown)
        text = Text()
        for sev in ("error", "warning", "info"):
            text.append(f" {t(sev, lang)} ", style=SEV_STYLE[sev])
            text.append(f"{c[sev]} ", style="bold")
        text.append(f" · {len(self.shown)} {t('of', lang)} {len(self.findings)} {t('shown', lang)}")
        if self.state.nodes:
            text.append(f" · {t('node_filter', lang)}", style="italic")
        text.append(f" · ↕ {SORTS[self.state.sort][lang]}", style="dim")
        self.query_one("#counts", Static).update(text)

    def _sync_widgets(self, state: ViewState) -> None:
        self._quiet = True
        for wid, value in (
            ("#f-severity", state.severity),
            ("#f-rule", state.rule),
            ("#f-table", state.table),
            ("#f-document", state.document),
        ):
            sel = self.query_one(wid, Select)
            want = Select.NULL if value is None else value
            if sel.value != want:
                sel.value = want
        inp = self.query_one("#f-text", Input)
        if inp.value != state.text:
            inp.value = state.text
        self._quiet = False

    # --- messages up ---------------------------------------------------------------------
    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if self._quiet:
            return
        key = (event.select.id or "").removeprefix("f-")
        value = None if event.value is Select.NULL else event.value
        if getattr(self.state, key) != value:
            self.post_message(self.ViewChanged(self.state.replace(**{key: value})))

    @on(Input.Changed, "#f-text")
    def _text_changed(self, event: Input.Changed) -> None:
        if not self._quiet and event.value != self.state.text:
            self.post_message(self.ViewChanged(self.state.replace(text=event.value)))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Picked(self.current))
