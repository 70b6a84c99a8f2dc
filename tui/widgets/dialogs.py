"""Modal screens: the waiver form and the F1 key help."""

from __future__ import annotations

from typing import Optional

from rich.table import Table as RichTable
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..i18n import t
from ..waive import parse_date


class WaiveScreen(ModalScreen[Optional[tuple[str, object]]]):
    """Asks for a reason (required) and an optional expiry date; dismisses with both."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, summary: str, lang: str = "id") -> None:
        super().__init__()
        self.summary, self.lang = summary, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="waive-box", classes="dialog"):
            yield Label(t("waive_title", lang), classes="dialog-title")
            yield Static(self.summary, id="waive-summary", markup=False)
            yield Input(placeholder=t("waive_reason", lang), id="waive-reason")
            yield Input(placeholder=t("waive_expires", lang), id="waive-expires")
            yield Static(id="waive-error")
            with Horizontal(classes="buttons"):
                yield Button(t("ok", lang), variant="primary", id="waive-ok")
                yield Button(t("cancel", lang), id="waive-cancel")

    @on(Button.Pressed, "#waive-ok")
    @on(Input.Submitted)
    def _save(self) -> None:
        reason = self.query_one("#waive-reason", Input).value.strip()
        error = self.query_one("#waive-error", Static)
        if not reason:
            error.update(t("waive_reason", self.lang))
            self.query_one("#waive-reason", Input).focus()
            return
        try:
            expires = parse_date(self.query_one("#waive-expires", Input).value)
        except ValueError:
            error.update(t("waive_bad_date", self.lang))
            return
        self.dismiss((reason, expires))

    @on(Button.Pressed, "#waive-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key of the app with what it does, built from the bindings themselves."""

    BINDINGS = [Binding("escape,f1,q", "close", show=False)]

    def __init__(self, keys: list[tuple[str, str]], lang: str = "id") -> None:
        super().__init__()
        self.keys, self.lang = keys, lang

    def compose(self) -> ComposeResult:
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for key, desc in self.keys:
            grid.add_row(key, desc)
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Label(t("help_title", self.lang), classes="dialog-title")
            yield Static(grid, id="help-keys")
            yield Label(t("help_close", self.lang), classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
