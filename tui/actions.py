"""The work actions of the app: waive, export, F1 help, the command palette's entries.

A mixin of ``RenjaApp`` (kept apart so each module stays small); it uses the app's
``session``, ``lang``, ``state``, ``findings_pane``, ``waiver_path`` and ``export_dir``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Optional

from textual.app import SystemCommand
from textual.screen import Screen

from .i18n import ACTIONS, t
from .view import export
from .waive import DEFAULT_WAIVERS, add_waiver
from .widgets.dialogs import HelpScreen, WaiveScreen

# key, action, shown in the footer (descriptions: i18n.ACTIONS, in the app's language)
KEYS: list[tuple[str, str, bool]] = [
    ("f1", "help", True),
    ("1", "tab_findings", False),
    ("2", "tab_documents", False),
    ("3", "tab_ask", False),
    ("slash", "focus_search", True),
    ("escape", "focus_table", False),
    ("s", "cycle_severity", True),
    ("o", "cycle_sort", False),
    ("c", "clear_filters", False),
    ("w", "waive", True),
    ("n", "goto_node", True),
    ("f", "goto_findings", False),
    ("e", "export_md", False),
    ("E", "export_json", False),
    ("t", "toggle_dark", False),
    ("ctrl+p", "command_palette", False),
    ("q", "quit", True),
]
KEY_NAMES = {"slash": "/", "f1": "F1", "E": "E (shift+e)", "escape": "Esc"}
OTHER_KEYS = {
    "id": [
        ("↑ ↓ PgUp PgDn", "pindah baris"),
        ("Tab / Shift+Tab", "pindah panel"),
        ("Enter", "buka rujukan / simpul"),
        ("ctrl+q", "keluar"),
    ],
    "en": [
        ("↑ ↓ PgUp PgDn", "move between rows"),
        ("Tab / Shift+Tab", "move between panes"),
        ("Enter", "open citation / node"),
        ("ctrl+q", "quit"),
    ],
}


class WorkActions:
    def action_waive(self) -> None:
        f = self.findings_pane.current
        if f is None or self.session is None:
            return
        if self.session.waiver_for(f) is not None:
            self.notify(t("already_waived", self.lang))
            return

        def done(result: Optional[tuple[str, Optional[dt.date]]]) -> None:
            if not result:
                return
            reason, expires = result
            path = Path(self.waiver_path or DEFAULT_WAIVERS)
            try:
                waiver = add_waiver(path, f, reason, expires, note=f.text(self.lang))
            except Exception as exc:
                msg = exc.text(self.lang) if hasattr(exc, "text") else str(exc)
                self.notify(msg, severity="error")
                return
            self.session.report.waived[f.fingerprint] = waiver
            self.findings_pane.waived.add(f.fingerprint)
            self.findings_pane.apply(self.state, keep=f.fingerprint)
            self.notify(f"{t('waived_to', self.lang)} {path}")

        self.push_screen(WaiveScreen(f"{f.rule} · {f.text(self.lang)}", self.lang), done)

    def _export(self, fmt: str) -> Optional[Path]:
        if self.session is None:
            return None
        name = "renja-temuan.md" if fmt == "markdown" else "renja-temuan.json"
        path = export(self.session.report, self.findings_pane.shown, self.export_dir / name, fmt, self.lang)
        self.notify(f"{t('exported', self.lang)}: {path}")
        return path

    def action_export_md(self) -> None:
        self._export("markdown")

    def action_export_json(self) -> None:
        self._export("json")

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_help(), self.lang))

    def key_help(self) -> list[tuple[str, str]]:
        keys = [(self.get_key_display_for(k), ACTIONS[a][self.lang]) for k, a, _ in KEYS]
        return keys + OTHER_KEYS.get(self.lang, OTHER_KEYS["id"])

    def get_key_display_for(self, key: str) -> str:
        return KEY_NAMES.get(key, key)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key, action, _ in KEYS:
            if action in ("command_palette", "quit"):
                continue
            yield SystemCommand(
                ACTIONS[action][self.lang], f"({self.get_key_display_for(key)})", getattr(self, f"action_{action}")
            )
