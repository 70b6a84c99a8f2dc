"""The Textual TUI of renja-check (installed as ``renja_check_tui``).

Importing this package costs nothing: Textual is imported by ``tui.app`` only, when the
TUI starts. ``renja-check tui`` calls ``run``; ``build_app`` makes the same app unstarted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence


def build_app(
    inputs: Sequence[Path] = (),
    *,
    db: Optional[Path] = None,
    lang: str = "id",
    waivers: Optional[Path] = None,
    use_store: bool = False,
):
    """The app for ``inputs`` (or the latest run of the store at ``db``), loading already begun.

    The check starts in a forked process *before* Textual is imported, so reading the
    documents and starting the interface use both cores; the app's worker waits for it.
    """
    from .loading import start_loading

    loader = start_loading(list(inputs), db=db, waivers=waivers, use_store=use_store)
    from .app import RenjaApp
    from .ask import assistant_ask

    app = RenjaApp(loader=loader, lang=lang, waiver_path=waivers)
    app.ask_fn = assistant_ask(lambda: app.session, db)
    return app


def run(inputs: Sequence[Path] = (), **options) -> None:
    build_app(inputs, **options).run()
