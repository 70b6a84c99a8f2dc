"""``renja-check template rkpd|renstra|rpjmd -o FILE.xlsx``: an empty canonical document to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .. import api
from .common import input_errors, lang_option


@click.command("template")
@click.argument("document", type=click.Choice(["rkpd", "renstra", "rpjmd"]))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Berkas .xlsx (atau .csv) yang ditulis / the .xlsx (or .csv) file to write.",
)
@click.option("--tahun", "year", type=int, help="Tahun rencana N (RKPD) / plan year N.")
@click.option("--periode", "period", help="Periode Renstra/RPJMD, mis. 2025-2029 / period.")
@lang_option
@input_errors
def template_cmd(document: str, output: Path, year: Optional[int], period: Optional[str], lang: str) -> None:
    """Tulis templat RKPD, Renstra PD atau RPJMD untuk diisi (lembar dokumen, data, petunjuk).

    Write an RKPD, Renstra PD or RPJMD template to fill in (sheets dokumen, data, petunjuk).
    """
    out = api.write_template(document, output, year, period)
    click.echo(f"{'templat ditulis' if lang == 'id' else 'template written'}: {out}", err=True)
