"""``renja-check check`` (placeholder until the reports land)."""
from __future__ import annotations

from pathlib import Path

import click

from .. import api
from .common import EXIT_FINDINGS, EXIT_OK, input_errors, lang_option


@click.command("check")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@lang_option
@input_errors
def check_cmd(inputs: tuple[Path, ...], lang: str) -> None:
    """Periksa Renja. Tanpa INPUT: sampel bawaan."""
    result = api.check(list(inputs))
    for f in result.findings:
        click.echo(f"{f.span.label() if f.span else f.document} {f.rule} {f.severity}: {f.text(lang)}")
    raise SystemExit(EXIT_FINDINGS if result.findings else EXIT_OK)
