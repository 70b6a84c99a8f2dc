"""The library's front door: one function per user action. CLI and TUI call these."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, Optional, Sequence

from .baseline import load_baseline, load_waivers, screen
from .baseline import write_baseline as write_baseline_file
from .corpus import load_corpus
from .engine import RunResult, run
from .errors import InputError
from .ingest import load_document, load_dossier
from .models import Document, Dossier
from .outfile import refuse_overwrite
from .paths import sample_renja
from .report.model import FAIL_ON, CheckReport
from .ruleset import Rule, RuleSet, load_ruleset


def default_inputs() -> list[Path]:
    """The embedded default dossier: the sample Renja with the RKPD, Renstra and RPJMD it quotes."""
    from .paths import corpus_dir

    dossier = corpus_dir() / "dossier" / "dossier.yaml"
    return [dossier] if dossier.is_file() else [sample_renja()]


def pemda_of(inputs: Sequence[Path]):
    """The agencies to check one by one (``ingest.dossier_file.Pemda``), or None for one dossier:
    one dossier file, a folder holding dossier.yaml, or a folder of several Renja."""
    from .ingest.dossier_file import find_dossier_file, folder_pemda, read_dossier_file

    if len(inputs) != 1:
        return None
    p = Path(inputs[0])
    found = find_dossier_file(p) if p.exists() else None
    if found is not None:
        return read_dossier_file(found)
    if p.is_dir():
        pemda = folder_pemda(p)
        return pemda if len(pemda.agencies) > 1 else None
    return None


def extract(path: Optional[Path] = None) -> Document:
    return load_document(Path(path) if path else sample_renja())


def load_inputs(inputs: Sequence[Path] = ()) -> Dossier:
    """One dossier: a dossier file's agencies are read together (one agency: its dossier)."""
    paths = [Path(p) for p in inputs] or default_inputs()
    pemda = pemda_of(paths)
    if pemda is None:
        return load_dossier(paths)
    from .ingest.dossier_file import load_agency

    parts = [load_agency(a, pemda) for a in pemda.agencies]
    if len(parts) == 1:
        return parts[0]
    return Dossier(documents=[d for p in parts for d in p.documents], pemda=pemda.name, year=pemda.year)


def check(
    inputs: Sequence[Path] = (),
    select: Optional[list[str]] = None,
    ignore: Optional[list[str]] = None,
    rule_files: Optional[list[Path]] = None,
    ruleset: Optional[RuleSet] = None,
) -> RunResult:
    rs = (ruleset or load_ruleset(rule_files)).select(select, ignore)
    return _run(rs, [Path(p) for p in inputs] or default_inputs())


def _run(rs: RuleSet, paths: list[Path], progress=None) -> RunResult:
    """One dossier through the engine, or a pemda's agencies one by one (``pemda.run_pemda``)."""
    return _run_keep(rs, paths, progress)[0]


def _run_keep(rs: RuleSet, paths: list[Path], progress=None) -> tuple[RunResult, Optional[Dossier]]:
    """``_run`` and the dossier it read (None for a pemda, whose agencies are read in workers)."""
    pemda = pemda_of(paths)
    if pemda is None:
        dossier = load_inputs(paths)
        return run(rs, dossier, load_corpus()), dossier
    from .pemda import run_pemda

    return run_pemda(rs, pemda, None, progress), None


def parse_codes(values: Optional[Sequence[str]]) -> list[str]:
    """``--select PG01,PG02 --select CL`` -> ["PG01", "PG02", "CL"] (upper case, no blanks)."""
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip().upper() for p in str(v).replace(";", ",").replace(" ", ",").split(",") if p.strip())
    return out


def load_rules(
    rule_files: Optional[Sequence[Path]] = None,
    extra_rule_files: Optional[Sequence[Path]] = None,
) -> RuleSet:
    """The shipped rules (or ``rule_files`` instead of them) plus ``extra_rule_files``."""
    from .paths import rules_dir

    files = [Path(p) for p in rule_files] if rule_files else sorted(rules_dir().glob("*.yaml"))
    seen = {f.resolve() for f in files}
    files += [Path(p) for p in extra_rule_files or () if Path(p).resolve() not in seen]
    for f in files:
        if not f.is_file():
            raise InputError(str(f), "rule file not found", "berkas aturan tidak ditemukan")
    return load_ruleset(files) if files else RuleSet(rules=[])


def select_rules(rs: RuleSet, select: Optional[list[str]] = None, ignore: Optional[list[str]] = None) -> RuleSet:
    """``RuleSet.select`` that refuses a ``--select`` pattern matching no rule (a typo would pass CI)."""
    for pat in select or ():
        if not any(r.code.startswith(pat.rstrip("*")) for r in rs.rules):
            raise InputError(
                f"--select {pat}",
                "no rule code starts with it (see: renja-check rules)",
                "tidak ada kode aturan yang diawali pola ini (lihat: renja-check rules)",
            )
    return rs.select(select, ignore)


def read_paths(
    inputs: Sequence[Path] = (),
    rule_files: Optional[Sequence[Path]] = None,
    extra_rule_files: Optional[Sequence[Path]] = None,
    *more: Optional[Path],
) -> list[Path]:
    """Every file or folder a check reads (inputs, rules, waivers, ...): outputs must not replace them."""
    from .paths import rules_dir

    rules = list(rule_files) if rule_files else [rules_dir()]
    return [Path(p) for p in [*(inputs or default_inputs()), *rules, *(extra_rule_files or ()), *more] if p]


def check_report(
    inputs: Sequence[Path] = (),
    *,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    rule_files: Optional[Sequence[Path]] = None,
    extra_rule_files: Optional[Sequence[Path]] = None,
    baseline: Optional[Path] = None,
    waivers: Optional[Path] = None,
    write_baseline: Optional[Path] = None,
    fail_on: str = "error",
    lang: str = "id",
    today: Optional[dt.date] = None,
    progress=None,
    store: Any = None,
) -> CheckReport:
    """Check the inputs and screen the findings: what ``renja-check check`` reports.

    Baseline and waiver files are read first, so a bad one fails before the slow work.
    ``write_baseline`` records every finding of this run (before any baseline or waiver).
    The exit code is ``report.exit_code()`` (``fail_on``: error|warning|info|never).
    ``progress(done, total)`` is called after each agency of a whole-pemda run.
    ``store`` (a ``store.Store``) saves the run, documents and findings in one transaction.
    """
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {FAIL_ON}")
    refuse_overwrite(write_baseline, read_paths(inputs, rule_files, extra_rule_files, waivers), "--write-baseline")
    t0 = time.perf_counter()
    known = load_baseline(baseline) if baseline else None
    waiver_list = load_waivers(waivers) if waivers else None
    rs = select_rules(load_rules(rule_files, extra_rule_files), parse_codes(select), parse_codes(ignore))
    paths = [Path(p) for p in inputs] or default_inputs()
    result, dossier = _run_keep(rs, paths, progress)
    written = write_baseline_file(write_baseline, result.findings, lang) if write_baseline else None
    screened = screen(result.findings, known, waiver_list, today)
    report = CheckReport.build(result, screened, rules=rs.rules, inputs=paths, fail_on=fail_on)
    report.elapsed_ms = round((time.perf_counter() - t0) * 1000, 2)
    report.baseline_written = written
    if store is not None:
        if dossier is None:  # a pemda run: its agencies were read in workers; read them once more
            dossier = load_inputs(paths)
        store.save_run(result, inputs=paths, dossier=dossier, report=report)
    return report


def write_template(doc_type: str, out: Path, year: Optional[int] = None, period: Optional[str] = None) -> Path:
    """``renja-check template``: an empty RKPD / Renstra / RPJMD workbook (.xlsx) or CSV to fill in."""
    from .ingest.canonical_layout import DOC_TYPES, parse_period
    from .ingest.spreadsheet import write_template as write

    if doc_type not in DOC_TYPES:
        raise InputError(
            doc_type,
            f"unknown document (known: {', '.join(DOC_TYPES)})",
            f"dokumen tidak dikenal (yang dikenal: {', '.join(DOC_TYPES)})",
        )
    year = year or dt.date.today().year + 1
    span = parse_period(period) if period else (year - 1, year + 3)
    if span is None or span[0] > span[1]:
        raise InputError(f"--periode {period}", "not a period 'YYYY-YYYY'", "bukan periode 'TTTT-TTTT'")
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise InputError(
            str(out), "the template is written as .xlsx or .csv", "templat ditulis sebagai .xlsx atau .csv"
        )
    try:
        write(doc_type, out, year, span)
    except OSError as exc:
        raise InputError(str(out), f"cannot write: {exc.strerror}", f"tidak dapat ditulis: {exc.strerror}") from None
    return out


def rule_catalogue(rule_files: Optional[Sequence[Path]] = None) -> list[Rule]:
    return list(load_rules(rule_files).rules)


def explain_rule(code: str, rule_files: Optional[Sequence[Path]] = None) -> Rule:
    rule = load_rules(rule_files).get(code.strip().upper())
    if rule is None:
        raise InputError(
            code, "unknown rule code (see: renja-check rules)", "kode aturan tidak dikenal (lihat: renja-check rules)"
        )
    return rule
