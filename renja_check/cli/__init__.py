"""The ``renja-check`` command: thin shells over ``renja_check.api``.

Commands are registered explicitly below; each lives in its own module.
"""
from __future__ import annotations

import click

from .. import __version__
from .check import check_cmd
from .extract import extract_cmd
from .nomenklatur import nomenklatur_cmd
from .rules import explain_cmd, rules_cmd
from .tui import tui_cmd

COMMANDS = [check_cmd, extract_cmd, rules_cmd, explain_cmd, nomenklatur_cmd, tui_cmd]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="renja-check")
def main() -> None:
    """renja-check: verifikasi Renja Perangkat Daerah sebelum MUSRENBANG."""


for _cmd in COMMANDS:
    main.add_command(_cmd)
