"""The Textual TUI of renja-check (installed as ``renja_check_tui``).

Importing this package costs nothing: Textual is imported by ``tui.app`` only, and
``run`` imports it when the TUI starts. ``renja-check tui`` calls ``run``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence


def run(inputs: Sequence[Path] = (), *, db: Optional[Path] = None, lang: str = "id",
        waivers: Optional[Path] = None, use_store: bool = False) -> None:
    """Start the app: check ``inputs`` (or show the latest run of the store at ``db``)."""
    from .app import RenjaApp
    from .ask import assistant_ask
    from .session import check_session, store_session

    if use_store:
        def loader(progress):
            return store_session(db, waivers=waivers, progress=progress)
    else:
        def loader(progress):
            return check_session(inputs, waivers=waivers, progress=progress)

    app = RenjaApp(loader=loader, lang=lang, waiver_path=waivers)
    app.ask_fn = assistant_ask(lambda: app.session, db)
    app.run()
