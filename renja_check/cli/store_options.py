"""``--db`` / ``--no-store``: where runs are saved (see ``renja_check.store``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import click

db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Berkas SQLite riwayat (bawaan: $RENJA_CHECK_DB atau ~/.local/share/renja-check/renja-check.db) / store file.",
)
no_store_option = click.option(
    "--no-store", is_flag=True, help="Jangan simpan pemeriksaan ini ke riwayat / do not save this run."
)


def open_store(db: Optional[Path], no_store: bool = False) -> Any:
    """A ``Store`` (opened on first use) or None with ``--no-store``."""
    if no_store:
        return None
    from ..store import Store

    return Store(db)
