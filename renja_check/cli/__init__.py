"""The ``renja-check`` command: thin shells over ``renja_check.api``.

Commands are registered explicitly below; each lives in its own module.
"""

from __future__ import annotations

import gc

from ..regex_cache import install as _serve_compiled_regexes

_serve_compiled_regexes()  # before anything compiles a pattern (click, yaml, the reader): see regex_cache

_GC_THRESHOLD = gc.get_threshold()
gc.set_threshold(20000, 50, 100)  # imports below make long-lived objects only: fewer young collections

from .toplevel import SafeGroup, quiet_sigint_while_importing  # noqa: E402

quiet_sigint_while_importing()  # before the heavy imports below

import click  # noqa: E402

from .. import __version__  # noqa: E402
from .check import check_cmd  # noqa: E402
from .extract import extract_cmd  # noqa: E402
from .nomenklatur import nomenklatur_cmd  # noqa: E402
from .rules import explain_cmd, rules_cmd  # noqa: E402
from .template import template_cmd  # noqa: E402
from .ask import ask_cmd  # noqa: E402
from .history import diff_cmd, history_cmd  # noqa: E402
from .tui import tui_cmd  # noqa: E402

COMMANDS = [
    check_cmd,
    extract_cmd,
    rules_cmd,
    explain_cmd,
    nomenklatur_cmd,
    template_cmd,
    history_cmd,
    diff_cmd,
    ask_cmd,
    tui_cmd,
]


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="renja-check")
@click.option(
    "--debug", is_flag=True, help="Tampilkan traceback kesalahan internal / show the traceback of an internal error."
)
def main(debug: bool = False) -> None:
    """renja-check: verifikasi Renja Perangkat Daerah sebelum MUSRENBANG.

    Keluar / exit: 0 bersih, 1 ada temuan, 2 masukan salah, 3 kesalahan internal, 130 dihentikan.
    """


for _cmd in COMMANDS:
    main.add_command(_cmd)

gc.freeze()  # what the imports made lives as long as the process: never scanned again
gc.set_threshold(*_GC_THRESHOLD)  # the default again for every command (check tunes its own)
