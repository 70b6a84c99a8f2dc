"""``renja-check nomenklatur`` (placeholder)."""
from __future__ import annotations

import click


@click.group("nomenklatur")
def nomenklatur_cmd() -> None:
    """Cari kode dan nama dalam nomenklatur nasional."""
