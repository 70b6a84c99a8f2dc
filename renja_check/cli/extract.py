"""``renja-check extract``: write the document model of one input."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .. import api
from ..ingest.model_io import dump_document
from ..outfile import is_stdout, refuse_overwrite, write_atomic
from .common import input_errors, lang_option


@click.command("extract")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Tulis ke berkas (- = stdout) / write to file (- = stdout)."
)
@lang_option
@input_errors
def extract_cmd(file: Optional[Path], fmt: str, output: Optional[Path], lang: str) -> None:
    """Baca satu Renja dan tulis modelnya (YAML/JSON). Tanpa FILE: sampel bawaan."""
    if output is not None and not is_stdout(output):  # never replace the file being read
        refuse_overwrite(output, api.default_inputs() if file is None else [file], "-o")
    doc = api.extract(file)
    text = dump_document(doc, fmt)
    if output is not None and not is_stdout(output):
        write_atomic(output, text)  # temp file in the same folder + rename
    else:
        click.echo(text, nl=False)
