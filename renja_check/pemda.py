"""A whole pemda in one run: every agency's dossier checked on its own, results merged.

Agencies are independent, so with many of them (``POOL_MIN``) the runs go to a process
pool (one worker per core, at most ``MAX_WORKERS``); the merged result is the same as a
serial run (findings are sorted by the report). ``RunStats.agencies`` gets one summary
per agency (findings by severity, pagu N and N+1 of its plan, the documents found per
role, the rules skipped) and ``RunStats.totals`` the pemda's pagu per urusan and program.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from typing import Callable, Optional

from .corpus import Corpus, load_corpus
from .engine import RunResult, RunStats, run
from .ingest.canonical_layout import DOC_TYPES
from .ingest.dossier_file import Agency, Pemda, load_agency
from .kinds.tree import pagu_value
from .models import Dossier
from .ruleset import RuleSet

POOL_MIN = 8
MAX_WORKERS = 8
Progress = Callable[[int, int], None]  # (done, total)


def agency_summary(dossier: Dossier, result: RunResult) -> dict:
    renja = next((d for d in dossier.documents if d.doc_type == "renja"), None)
    year = renja.year if renja and renja.year else None
    sev = Counter(f.severity for f in result.findings)
    pagu_n, pagu_n1 = _pagu(dossier, year)
    return {
        "agency": dossier.agency,
        "name": renja.perangkat_daerah if renja else None,
        "year": year,
        "findings": {s: sev.get(s, 0) for s in ("error", "warning", "info")},
        "pagu_n": pagu_n,
        "pagu_n1": pagu_n1,
        "documents": {
            role: [d.source.path for d in dossier.documents if d.doc_type == role] for role in ("renja",) + DOC_TYPES
        },
        "skipped": dict(result.stats.skipped),
    }


def _programs(dossier: Dossier):
    for d in dossier.documents:
        if d.doc_type != "renja":
            continue
        for t in d.tables:
            if t.role == "rencana":
                yield from (n for n in t.nodes if n.level == "program")


def _pagu(dossier: Dossier, year: Optional[int]) -> tuple[Optional[int], Optional[int]]:
    if year is None:
        return None, None
    out = []
    for y in (str(year), str(year + 1)):
        vals = [pagu_value(n, y) for n in _programs(dossier) if y in n.pagu]
        vals = [v for v in vals if v is not None]
        out.append(sum(vals) if vals else None)
    return out[0], out[1]


def program_totals(dossier: Dossier, year: Optional[int]) -> dict:
    """Pagu N and N+1 of one agency's plan per program code (program nodes of its Renja)."""
    out: dict[str, dict] = {}
    if year is None:
        return out
    for n in _programs(dossier):
        code = n.code or n.code_printed or n.name
        p = out.setdefault(code, {"name": n.name, "pagu_n": 0, "pagu_n1": 0})
        p["pagu_n"] += pagu_value(n, str(year)) or 0
        p["pagu_n1"] += pagu_value(n, str(year + 1)) or 0
    return out


def totals(parts: list[dict]) -> dict:
    """The pemda's pagu N and N+1 per urusan and per program, from each agency's program totals."""
    per_program: dict[str, dict] = {}
    for part in parts:
        for code, v in part.items():
            p = per_program.setdefault(code, {"name": v["name"], "pagu_n": 0, "pagu_n1": 0})
            p["pagu_n"] += v["pagu_n"]
            p["pagu_n1"] += v["pagu_n1"]
    per_urusan: dict[str, dict] = {}
    for code, v in per_program.items():
        u = per_urusan.setdefault(code.split(".")[0], {"pagu_n": 0, "pagu_n1": 0})
        u["pagu_n"] += v["pagu_n"]
        u["pagu_n1"] += v["pagu_n1"]
    return {"urusan": dict(sorted(per_urusan.items())), "program": dict(sorted(per_program.items()))}


_WORKER: dict = {}  # what pool workers share: set before a fork, or by _init under spawn


def _init(ruleset: RuleSet, pemda: Pemda, keep: bool = False) -> None:
    _WORKER.update(ruleset=ruleset, pemda=pemda, corpus=load_corpus(), keep=keep)


def _one(
    agency: Agency,
    ruleset: Optional[RuleSet] = None,
    pemda: Optional[Pemda] = None,
    corpus: Optional[Corpus] = None,
    keep: Optional[list] = None,
) -> tuple[RunResult, dict, dict]:
    """One agency: its dossier, its run, its summary and its program totals (small, picklable).
    ``keep`` (in-process runs): the dossier is appended to it, so nobody reads it twice; in a
    worker asked to keep (``_WORKER["keep"]``) the dossier is returned as a fourth item."""
    dossier = load_agency(agency, pemda or _WORKER.get("pemda"))
    if keep is not None:
        keep.append(dossier)
    result = run(ruleset or _WORKER["ruleset"], dossier, corpus or _WORKER.get("corpus"))
    summary = agency_summary(dossier, result)
    out = (result, summary, program_totals(dossier, summary["year"]))
    return (*out, dossier) if keep is None and _WORKER.get("keep") else out


def run_pemda(
    ruleset: RuleSet,
    pemda: Pemda,
    corpus: Optional[Corpus] = None,
    progress: Optional[Progress] = None,
    workers: Optional[int] = None,
    keep: Optional[list] = None,
) -> RunResult:
    """Every agency of the pemda (in worker processes when there are many); ``keep``: a list
    that receives each agency's dossier (sent back by the workers: cheaper than reading again)."""
    t0 = time.perf_counter()
    n = len(pemda.agencies)
    cores = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
    outs = []
    corpus = corpus or load_corpus()
    # a daemon process (e.g. the TUI's background check) may not start workers: run in-process
    if n >= POOL_MIN and cores > 1 and not _daemonic():
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        fork = mp.get_start_method() == "fork"
        _WORKER.update(ruleset=ruleset, pemda=pemda, corpus=corpus, keep=keep is not None)  # inherited by forks
        init = {} if fork else {"initializer": _init, "initargs": (ruleset, pemda, keep is not None)}
        try:
            with ProcessPoolExecutor(max_workers=cores, **init) as ex:
                for i, out in enumerate(ex.map(_one, pemda.agencies, chunksize=max(1, n // (cores * 4))), 1):
                    outs.append(out)
                    if progress:
                        progress(i, n)
        finally:
            _WORKER.clear()
        if keep is not None:
            keep.extend(o[3] for o in outs if len(o) > 3)
    else:
        for i, a in enumerate(pemda.agencies, start=1):
            outs.append(_one(a, ruleset, pemda, corpus, keep))
            if progress:
                progress(i, n)
    return merge([o[0] for o in outs], [o[1] for o in outs], totals([o[2] for o in outs]), len(ruleset.rules), t0)


def merge(results: list[RunResult], summaries: list[dict], tot: dict, rules_run: int, t0: float) -> RunResult:
    findings = [f for r in results for f in r.findings]
    tables: dict[str, dict[str, str]] = {}
    skipped: dict[str, set] = {}
    for r in results:
        for k, v in r.tables.items():
            tables.setdefault(k, v)
        for code, gaps in r.stats.skipped.items():
            skipped.setdefault(code, set()).update(gaps)
    stats = RunStats(
        rules_run=rules_run,
        documents=sum(r.stats.documents for r in results),
        nodes=sum(r.stats.nodes for r in results),
        claims=sum(r.stats.claims for r in results),
        per_rule=dict(sorted(Counter(f.rule for f in findings).items())),
        per_severity=dict(Counter(f.severity for f in findings)),
        duration_ms=round((time.perf_counter() - t0) * 1000, 2),
        skipped={k: sorted(v) for k, v in sorted(skipped.items())},
        agencies=summaries if len(summaries) > 1 else [],
        totals=tot if len(summaries) > 1 else {},
    )
    return RunResult(findings=findings, stats=stats, tables=tables)


def _daemonic() -> bool:
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)
