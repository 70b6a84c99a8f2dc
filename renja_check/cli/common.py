"""What every command shares: --lang, and turning input errors into exit 2."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from ..errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Bahasa keluaran / output language.",
)


def input_errors(fn: Callable) -> Callable:
    """Print ``InputError`` as one line on stderr and exit 2; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        lang = kwargs.get("lang", "id")
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            from ..report.escape import escape_text  # a file name may hold terminal escapes

            prefix = "galat" if lang == "id" else "error"
            click.echo(f"{prefix}: {' '.join(escape_text(exc.text(lang)).split())}", err=True)
            sys.exit(EXIT_INPUT)

    return wrapper
