"""``renja-check rules`` and ``renja-check explain`` (placeholder)."""
from __future__ import annotations

import click

from ..ruleset import load_ruleset
from .common import input_errors, lang_option


@click.command("rules")
@lang_option
@input_errors
def rules_cmd(lang: str) -> None:
    """Daftar aturan."""
    for r in load_ruleset().rules:
        click.echo(f"{r.code} {r.severity:7} {r.name}  {r.title[lang]}")


@click.command("explain")
@click.argument("code")
@lang_option
@input_errors
def explain_cmd(code: str, lang: str) -> None:
    """Jelaskan satu aturan."""
    r = load_ruleset().get(code.upper())
    if r is None:
        raise click.UsageError(f"unknown rule {code}")
    click.echo(f"{r.code} {r.name}\n{r.description[lang]}\n{r.basis}")
