"""``renja-check history`` (the runs saved) and ``renja-check diff RUN_A RUN_B`` (by fingerprint)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from .common import input_errors, lang_option
from .store_options import db_option, open_store

_TEXT = {
    "id": {
        "none": "Belum ada pemeriksaan tersimpan di {path}.",
        "head": "Riwayat pemeriksaan ({path}):",
        "new": "Temuan baru",
        "fixed": "Sudah diperbaiki",
        "open": "Masih terbuka",
        "diff": "Pemeriksaan {a} -> {b}: {new} baru, {fixed} diperbaiki, {open} masih terbuka.",
        "other": "Catatan: kedua pemeriksaan membaca berkas yang berbeda namanya ({x} / {y}).",
        "cols": ("no", "waktu (UTC)", "masukan", "temuan", "galat", "peringatan", "info", "keluar"),
    },
    "en": {
        "none": "No run saved in {path} yet.",
        "head": "Runs saved ({path}):",
        "new": "New findings",
        "fixed": "Fixed",
        "open": "Still open",
        "diff": "Run {a} -> {b}: {new} new, {fixed} fixed, {open} still open.",
        "other": "Note: the two runs read files of different names ({x} / {y}).",
        "cols": ("id", "time (UTC)", "inputs", "findings", "errors", "warnings", "info", "exit"),
    },
}


@click.command("history")
@db_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", type=int, default=20, show_default=True, help="Paling banyak N terakhir / last N runs.")
@input_errors
def history_cmd(db: Optional[Path], lang: str, fmt: str, limit: int) -> None:
    """Daftar pemeriksaan tersimpan / list the saved runs."""
    store = open_store(db)
    runs = store.runs()[-limit:] if limit > 0 else store.runs()
    if fmt == "json":
        click.echo(json.dumps(runs, ensure_ascii=False, indent=2))
        return
    t = _TEXT[lang]
    if not runs:
        click.echo(t["none"].format(path=store.path))
        return
    click.echo(t["head"].format(path=store.path))
    rows = [t["cols"]] + [
        (
            str(r["id"]),
            (r["created_at"] or "")[:19].replace("T", " "),
            ", ".join(Path(p).name for p in r["inputs"]) or "-",
            str(r["findings"]),
            str(r["errors"]),
            str(r["warnings"]),
            str(r["infos"]),
            "-" if r["exit_code"] is None else str(r["exit_code"]),
        )
        for r in runs
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def _line(f, lang: str) -> str:
    where = f"{Path(f.span.file).name}:{f.span.line_start}" if f.span else Path(f.document or "-").name
    table = f" {f.table}" if f.table else ""
    return f"  {f.rule} {f.severity}{table} {where} [{f.fingerprint}]: {f.text(lang)}"


@click.command("diff")
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@db_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@input_errors
def diff_cmd(run_a: int, run_b: int, db: Optional[Path], lang: str, fmt: str) -> None:
    """Bandingkan dua putaran verifikasi: temuan baru, diperbaiki, masih terbuka. Keluar 1 bila ada temuan baru.

    Compare two verification rounds by fingerprint: new, fixed, still open. Exit 1 when there are new findings.
    """
    store = open_store(db)
    d = store.diff(run_a, run_b)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "run_a": run_a,
                    "run_b": run_b,
                    "lang": lang,
                    **{k: [f.to_dict(lang) for f in v] for k, v in d.items()},
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        t = _TEXT[lang]
        click.echo(t["diff"].format(a=run_a, b=run_b, **{k: len(v) for k, v in d.items()}))
        names = [sorted(Path(p).name for p in store.run(r)["inputs"]) for r in (run_a, run_b)]
        if names[0] != names[1]:
            click.echo(t["other"].format(x=", ".join(names[0]) or "-", y=", ".join(names[1]) or "-"))
        for key in ("new", "fixed", "open"):
            click.echo(f"\n{t[key]} ({len(d[key])}):")
            for f in d[key]:
                click.echo(_line(f, lang))
    sys.exit(1 if d["new"] else 0)
