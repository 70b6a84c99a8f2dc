"""``renja-check tui``: the Textual findings browser. Textual is imported only here, when it starts."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Optional

import click

from ..errors import InputError
from .common import input_errors, lang_option


def load_tui():
    """The TUI package: the checkout's ``tui/`` beside this ``renja_check`` (editable install,
    tests), else ``renja_check_tui`` as a wheel installs it."""
    here = Path(__file__).resolve().parents[2]  # the folder holding renja_check/
    if (here / "tui" / "__init__.py").is_file():
        try:
            module = importlib.import_module("tui")
            if Path(module.__file__).resolve().parent == here / "tui":
                return module
        except ImportError:
            pass
    return importlib.import_module("renja_check_tui")


@click.command("tui")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tampilkan hasil terakhir dari basis data ini / show the latest run of this database.",
)
@click.option(
    "--waivers",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Berkas waiver YAML yang dibaca dan ditambah / waiver file read and appended to.",
)
@lang_option
@input_errors
def tui_cmd(inputs: tuple[Path, ...], db: Optional[Path], waivers: Optional[Path], lang: str) -> None:
    """Jelajahi temuan, bukti, dan dokumen; tanya asisten (tanpa INPUT: sampel bawaan).

    Browse the findings, their evidence and the documents; ask the assistant (no INPUT: the sample).
    """
    for p in inputs:
        if not p.exists():
            raise InputError(str(p), "input not found", "masukan tidak ditemukan")
    if db is not None and inputs:
        raise InputError("--db", "give either INPUT files or --db, not both", "berikan INPUT atau --db, tidak keduanya")
    if db is not None and not db.is_file():
        raise InputError(str(db), "database not found", "basis data tidak ditemukan")
    if db is not None and importlib.util.find_spec("renja_check.store") is None:
        raise InputError(
            str(db),
            "the store is not part of this installation",
            "penyimpanan hasil (store) tidak tersedia pada instalasi ini",
        )
    if waivers is not None and waivers.exists():
        from ..baseline import load_waivers

        load_waivers(waivers)  # a bad waiver file fails here, before the screen opens
    load_tui().run(list(inputs), db=db, lang=lang, waivers=waivers, use_store=db is not None)
