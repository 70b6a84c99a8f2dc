"""``renja-check rules`` (the catalogue) and ``renja-check explain CODE`` (one rule in full)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import api
from ..report.catalogue import render_catalogue, render_explain
from .common import input_errors, lang_option

_rules_option = click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Berkas aturan pengganti aturan bawaan / rule file used instead of the shipped rules.",
)


@click.command("rules")
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_rules_option
@input_errors
def rules_cmd(lang: str, fmt: str, rule_files: tuple[Path, ...]) -> None:
    """Daftar aturan: kode, tingkat, jenis, nama, judul. / The rule catalogue."""
    click.echo(render_catalogue(api.rule_catalogue(rule_files or None), lang, fmt), nl=False)


@click.command("explain")
@click.argument("code")
@lang_option
@_rules_option
@input_errors
def explain_cmd(code: str, lang: str, rule_files: tuple[Path, ...]) -> None:
    """Jelaskan satu aturan (uraian, dasar hukum, parameter, contoh). / Explain one rule."""
    click.echo(render_explain(api.explain_rule(code, rule_files or None), lang), nl=False)
