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
from .paths import sample_renja
from .report.model import FAIL_ON, CheckReport
from .ruleset import Rule, RuleSet, load_ruleset


def default_inputs() -> list[Path]:
    """The embedded sample dossier."""
    return [sample_renja()]


def extract(path: Optional[Path] = None) -> Document:
    return load_document(Path(path) if path else sample_renja())


def load_inputs(inputs: Sequence[Path] = ()) -> Dossier:
    return load_dossier([Path(p) for p in inputs] or default_inputs())


def check(
    inputs: Sequence[Path] = (),
    select: Optional[list[str]] = None,
    ignore: Optional[list[str]] = None,
    rule_files: Optional[list[Path]] = None,
    ruleset: Optional[RuleSet] = None,
) -> RunResult:
    rs = (ruleset or load_ruleset(rule_files)).select(select, ignore)
    return run(rs, load_inputs(inputs), load_corpus())


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
            raise InputError(f"--select {pat}", "no rule code starts with it (see: renja-check rules)",
                             "tidak ada kode aturan yang diawali pola ini (lihat: renja-check rules)")
    return rs.select(select, ignore)


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
    store: Any = None,
) -> CheckReport:
    """Check the inputs and screen the findings: what ``renja-check check`` reports.

    Baseline and waiver files are read first, so a bad one fails before the slow work.
    ``write_baseline`` records every finding of this run (before any baseline or waiver).
    The exit code is ``report.exit_code()`` (``fail_on``: error|warning|info|never).
    ``store`` (a ``store.Store``) saves the run, documents and findings in one transaction.
    """
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {FAIL_ON}")
    t0 = time.perf_counter()
    known = load_baseline(baseline) if baseline else None
    waiver_list = load_waivers(waivers) if waivers else None
    rs = select_rules(load_rules(rule_files, extra_rule_files), parse_codes(select), parse_codes(ignore))
    paths = [Path(p) for p in inputs] or default_inputs()
    dossier = load_inputs(paths)
    result = run(rs, dossier, load_corpus())
    written = write_baseline_file(write_baseline, result.findings, lang) if write_baseline else None
    screened = screen(result.findings, known, waiver_list, today)
    report = CheckReport.build(result, screened, rules=rs.rules, inputs=paths, fail_on=fail_on)
    report.elapsed_ms = round((time.perf_counter() - t0) * 1000, 2)
    report.baseline_written = written
    if store is not None:
        store.save_run(result, inputs=paths, dossier=dossier, report=report)
    return report


def rule_catalogue(rule_files: Optional[Sequence[Path]] = None) -> list[Rule]:
    return list(load_rules(rule_files).rules)


def explain_rule(code: str, rule_files: Optional[Sequence[Path]] = None) -> Rule:
    rule = load_rules(rule_files).get(code.strip().upper())
    if rule is None:
        raise InputError(code, "unknown rule code (see: renja-check rules)",
                         "kode aturan tidak dikenal (lihat: renja-check rules)")
    return rule
