"""``renja-check check``: parse options, call ``api.check_report``, present the report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from ..outfile import is_stdout, refuse_overwrite, write_atomic
from ..report.names import FAIL_ON, FORMAT_NAMES
from .common import input_errors, lang_option
from .store_options import db_option, no_store_option, open_store
from .toplevel import CheckDone

_multi = dict(multiple=True, metavar="CODE[,CODE]")


def _tune_gc() -> None:
    """A check allocates many small objects that all live until the end: modules and classes
    are frozen out of the collector's scans, and young collections run less often
    (measured: about 6% less CPU on the sample, 4% on the 54-file SIPD folder)."""
    import gc

    global _FROZEN
    if not _FROZEN:  # once a process: a second check in-process must not freeze the first one's garbage
        gc.freeze()
        _FROZEN = True
    gc.set_threshold(20000, 50, 100)


_FROZEN = False


@click.command("check")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMAT_NAMES)),
    default="text",
    show_default=True,
    help="Bentuk keluaran / output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tulis laporan ke berkas (- = stdout) / write the report to FILE (- = stdout).",
)
@lang_option
@click.option("--select", **_multi, help="Hanya aturan ini (awalan kode, mis. PG atau PG0) / only these rules.")
@click.option("--ignore", **_multi, help="Lewati aturan ini (awalan kode) / skip these rules.")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Berkas aturan pengganti aturan bawaan / rule file used instead of the shipped rules.",
)
@click.option(
    "--extra-rules",
    "extra_rule_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Berkas aturan tambahan / rule file added to the shipped rules.",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="error",
    show_default=True,
    help="Keluar 1 bila ada temuan setingkat ini atau lebih / exit 1 on findings at or above.",
)
@click.option("--baseline", type=click.Path(path_type=Path), help="Tekan temuan yang ada di baseline ini.")
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tulis sidik jari temuan saat ini / write the current findings' fingerprints.",
)
@click.option("--waivers", type=click.Path(path_type=Path), help="Berkas waiver YAML / waiver file.")
@db_option
@no_store_option
@input_errors
def check_cmd(
    inputs: tuple[Path, ...],
    fmt: str,
    output: Optional[Path],
    lang: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_files: tuple[Path, ...],
    extra_rule_files: tuple[Path, ...],
    fail_on: str,
    baseline: Optional[Path],
    write_baseline: Optional[Path],
    waivers: Optional[Path],
    db: Optional[Path] = None,
    no_store: bool = False,
) -> None:
    """Periksa Renja (tanpa INPUT: dossier sampel bawaan). Keluar 0 bersih, 1 ada temuan, 2 masukan salah.

    Check a Renja (no INPUT: the embedded sample dossier). INPUT may be a dossier.yaml or a
    folder (one Renja per agency): a whole pemda, agency by agency. Exit 0 clean, 1 findings,
    2 bad input.
    """
    import gc

    gc.set_threshold(20000, 50, 100)  # see _tune_gc
    from .. import api  # imported here: --help must not pay for the engine
    from ..report import render
    from ..report.text import summary_lines
    from .progress import progress_bar  # whole-pemda runs: a bar on a terminal only

    _tune_gc()
    to_stdout = output is None or is_stdout(output)
    if not to_stdout:  # before the slow work: never replace what this run reads
        refuse_overwrite(
            output, api.read_paths(inputs, rule_files, extra_rule_files, waivers, baseline, write_baseline), "-o"
        )
    store = open_store(db, no_store)
    report = api.check_report(
        list(inputs),
        select=select,
        ignore=ignore,
        rule_files=rule_files or None,
        extra_rule_files=extra_rule_files,
        baseline=baseline,
        waivers=waivers,
        write_baseline=write_baseline,
        fail_on=fail_on,
        lang=lang,
        progress=progress_bar(lang),
        store=store,
    )
    color = fmt == "text" and to_stdout and sys.stdout.isatty()
    text = render(report, fmt, lang, color=color)
    if not to_stdout:
        write_atomic(output, text)  # temp file in the same folder + rename: never half a report
        for line in summary_lines(report, lang, with_warnings=False):
            click.echo(line, err=True)
    else:
        click.echo(text, nl=False, color=color)
    if fmt == "github":  # the job summary page too, when run in GitHub Actions (never fails the check)
        from ..report.github import write_step_summary

        problem = write_step_summary(report, lang)
        if problem:
            click.echo(f"{'peringatan' if lang == 'id' else 'warning'}: GITHUB_STEP_SUMMARY: {problem}", err=True)
    if store is not None and store.warning is not None:  # default store not writable: the check stands
        click.echo(f"{'peringatan' if lang == 'id' else 'warning'}: {store.warning.text(lang)}", err=True)
    for w in report.warnings():  # stale waivers: always on stderr too
        click.echo(f"{'peringatan' if lang == 'id' else 'warning'}: {w[lang]}", err=True)
    if report.baseline_written is not None:
        click.echo(
            f"baseline: {report.baseline_written} "
            f"{'sidik jari ditulis ke' if lang == 'id' else 'fingerprints written to'} {write_baseline}",
            err=True,
        )
    if store is not None:
        store.close()  # before a hard exit: the WAL checkpointed as a normal exit would
    raise CheckDone(report.exit_code())
