"""``renja-check ask "..."``: a question about the saved run and the reference corpora."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from ..errors import InputError
from .common import EXIT_INPUT, input_errors
from .store_options import db_option, open_store

REPHRASE_ENV = "RENJA_CHECK_REPHRASE_URL"


@click.command("ask")
@click.argument("question", nargs=-1, required=True)
@db_option
@click.option("--run", "run_id", type=int, help="Nomor pemeriksaan (bawaan: terakhir) / run id (default: latest).")
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Bahasa jawaban (bawaan: bahasa pertanyaan) / answer language (default: the question's).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--lanjut",
    "--follow-up",
    "follow_up",
    is_flag=True,
    help="Lanjutkan dari subjek pertanyaan sebelumnya (disimpan di basis data) "
    "/ continue from the previous question's subject (kept in the store).",
)
@click.option(
    "--rephrase",
    "rephrase_url",
    metavar="URL",
    default=None,
    help=f"Endpoint OpenAI-compatible di loopback untuk merapikan kalimat (mati bawaan; ${REPHRASE_ENV}) "
    "/ loopback endpoint that may rephrase the answer (off by default).",
)
@input_errors
def ask_cmd(
    question: tuple[str, ...],
    db: Optional[Path],
    run_id: Optional[int],
    lang: Optional[str],
    fmt: str,
    follow_up: bool,
    rephrase_url: Optional[str],
) -> None:
    """Tanya hasil pemeriksaan dan korpus indikator; jawaban dengan rujukan. Keluar 0 terjawab, 1 tidak ditemukan.

    Ask about the saved run and the indicator corpus; cited answers. Exit 0 answered, 1 not found.
    """
    from ..assistant import ask, context_from_dict
    from ..assistant.rephrase import rephrase
    from ..store import ask_context

    try:
        store = open_store(db)
        context = context_from_dict(ask_context.load(store)) if follow_up else None
        answer = ask(" ".join(question), store=store, run_id=run_id, lang=lang, context=context)
    except InputError as exc:  # a missing run: one line, in the language asked for (Indonesian by default)
        click.echo(f"{'error' if lang == 'en' else 'galat'}: {exc.text(lang or 'id')}", err=True)
        sys.exit(EXIT_INPUT)
    try:  # the subject for a later --lanjut; an unwritable store costs the follow-up, not the answer
        if follow_up or answer.context is not None:  # a plain question only ever sets a new subject
            ask_context.save(store, answer.context.to_dict() if answer.context is not None else None)
    except InputError as exc:
        click.echo(f"{'warning' if answer.lang == 'en' else 'peringatan'}: {exc.text(answer.lang)}", err=True)
    answer = rephrase(answer, rephrase_url or os.environ.get(REPHRASE_ENV))
    if fmt == "json":
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(answer.text)
        if answer.citations:
            click.echo("\n" + ("Sumber:" if answer.lang == "id" else "Sources:"))
            for i, c in enumerate(answer.citations, 1):
                where = f"{c.document}:{c.line_start}" if c.line_start else c.document
                click.echo(f"  [{i}] {c.label} — {where}")
    sys.exit(0 if answer.found else 1)
