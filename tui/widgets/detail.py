"""The selected finding in full: message, values, addends, suggestion, the source
excerpt(s) with line numbers and the offending cells highlighted, the rule explained."""

from __future__ import annotations

from typing import Optional

from rich.table import Table as RichTable
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from renja_check.finding import Finding
from renja_check.report.labels import fmt_value

from ..evidence import Excerpt, addends, explanation, sides
from ..i18n import t
from ..session import Session

SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SPAN_STYLE = "bold"
MARK_STYLE = "bold reverse"
MAX_SIDES = 3


def excerpt_text(ex: Excerpt) -> Text:
    width = len(str(ex.lines[-1][0])) if ex.lines else 1
    out = Text()
    out.append(ex.label + "\n", style="underline")
    for n, line in ex.lines:
        inside = ex.first <= n <= ex.last
        out.append(f"{n:>{width}} ", style="dim")
        piece = Text(line, style=SPAN_STYLE if inside else "dim")
        if inside and ex.marks:
            piece.highlight_words(ex.marks, style=MARK_STYLE)
        out.append_text(piece)
        out.append("\n")
    return out


class DetailPane(VerticalScroll):
    def __init__(self, lang: str = "id", **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.session: Optional[Session] = None
        self.finding: Optional[Finding] = None

    def compose(self) -> ComposeResult:
        yield Static(t("no_selection", self.lang), id="d-head")
        yield Static(id="d-values")
        yield Static(id="d-addends")
        with Horizontal(id="d-sides"):
            for i in range(MAX_SIDES):
                yield Static(classes="side", id=f"side-{i}")
        yield Static(id="d-explain")

    def show(self, session: Optional[Session], finding: Optional[Finding]) -> None:
        self.session, self.finding = session, finding
        lang = self.lang
        head = self.query_one("#d-head", Static)
        side_widgets = list(self.query(".side").results(Static))
        for w in side_widgets:
            w.update("")
            w.display = False
        for wid in ("#d-values", "#d-addends", "#d-explain"):
            self.query_one(wid, Static).update("")
        if session is None or finding is None:
            head.update(t("no_selection", lang))
            return
        f = finding
        title = Text()
        title.append(f"{t(f.severity, lang)} ", style=SEV_STYLE[f.severity])
        title.append(f"{f.rule} ", style="bold")
        title.append(f.rule_name, style="dim")
        title.append("\n" + f.text(lang))
        waiver = session.waiver_for(f)
        if waiver is not None:
            title.append(f"\n{t('waived', lang)}: {waiver.reason}", style="italic")
        head.update(title)
        self.query_one("#d-values", Static).update(self._values(f))
        self.query_one("#d-addends", Static).update(self._addends(f))
        excerpts = sides(session, f, lang)
        texts = [excerpt_text(ex) for ex in excerpts[:MAX_SIDES]] or [Text(t("no_source", lang), style="dim")]
        for w, text in zip(side_widgets, texts):
            w.update(text)
            w.display = True
        rule_text = explanation(session, f.rule, lang)
        if rule_text:
            self.query_one("#d-explain", Static).update(
                Text(t("explain", lang) + "\n", style="underline") + Text(rule_text)
            )
        self.scroll_home(animate=False)

    def _values(self, f: Finding) -> RichTable:
        lang = self.lang
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(style="bold")
        grid.add_column()
        for key, value in (("expected", f.expected), ("found", f.found), ("difference", f.difference)):
            grid.add_row(t(key, lang), fmt_value(value, lang))
        sugg = f.suggestion_text(lang)
        if sugg:
            grid.add_row(t("suggestion", lang), sugg)
        if f.locator:
            grid.add_row(t("location", lang), f.locator)
        return grid

    def _addends(self, f: Finding) -> Text:
        items = addends(f)
        if not items:
            return Text("")
        lang = self.lang
        out = Text(f"{t('addends', lang)} ({len(items)})\n", style="underline")
        for a in items:
            out.append(f"{fmt_value(a.get('value'), lang):>16}  ", style="bold")
            out.append(f"{a.get('code') or ''} {a.get('name') or a.get('locator') or ''}\n")
        total = (f.evidence or {}).get("sum")
        if total is not None:
            out.append(f"{fmt_value(total, lang):>16}  {t('sum', lang)}\n", style="bold")
        return out
