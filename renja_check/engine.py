"""Run a rule set over a dossier: one result shape out (findings + stats)."""

from __future__ import annotations

import time
from collections import Counter
from typing import Optional

from .corpus import Corpus, load_corpus
from .finding import Finding, fingerprint, sort_key
from .fold import fold
from .kinds import KINDS, Context
from .kinds.labels import table_label
from .models import Dossier
from .record import Field, Record
from .ruleset import RuleSet


class RunStats(Record):
    rules_run: int = 0
    documents: int = 0
    nodes: int = 0
    claims: int = 0
    per_rule: dict[str, int] = Field(default_factory=dict)
    per_severity: dict[str, int] = Field(default_factory=dict)
    duration_ms: float = 0.0
    # rule code -> what it lacked (a document role, e.g. ["rkpd"]): rules not run, never silently
    skipped: dict[str, list[str]] = Field(default_factory=dict)
    # whole-pemda run (api.check_pemda): one summary per agency, totals per urusan and program
    agencies: list[dict] = Field(default_factory=list)
    totals: dict = Field(default_factory=dict)


class RunResult(Record):
    findings: list[Finding]
    stats: RunStats
    # table id -> its label per language ({"id": "Tabel 2.5 (...)", "en": "Table 2.5 (...)"}),
    # for reports: findings carry only the table id
    tables: dict[str, dict[str, str]] = Field(default_factory=dict)


def run(ruleset: RuleSet, dossier: Dossier, corpus: Optional[Corpus] = None) -> RunResult:
    corpus = corpus or load_corpus()
    ctx = Context(dossier=dossier, corpus=corpus)
    t0 = time.perf_counter()
    findings: list[Finding] = []
    skipped: dict[str, list[str]] = {}
    with ctx.running():  # tables matched, trees built: once per run, not once per rule
        _run_rules(ruleset, ctx, findings, skipped)
    # one defect, one finding: deferring and repeated findings go into a carrier's evidence.
    # Nothing is dropped here; two findings with one fingerprint are a bug the tests catch.
    findings = fold(findings, ruleset.rules)
    tables: dict[str, dict[str, str]] = {}  # table id -> labels, in reading order
    for doc in dossier.documents:
        for t in sorted(doc.tables, key=lambda t: t.span.line_start):
            tables.setdefault(t.id, {lang: table_label(t, lang) for lang in ("id", "en")})
    findings = [_name_folded(f, tables) for f in findings]
    order = {tid: i for i, tid in enumerate(tables)}
    findings.sort(key=lambda f: sort_key(f, order))
    stats = RunStats(
        rules_run=len(ruleset.rules),
        documents=len(dossier.documents),
        nodes=sum(len(t.nodes) for d in dossier.documents for t in d.tables),
        claims=sum(len(d.claims) for d in dossier.documents),
        per_rule=dict(sorted(Counter(f.rule for f in findings).items())),
        per_severity=dict(Counter(f.severity for f in findings)),
        duration_ms=round((time.perf_counter() - t0) * 1000, 2),
        skipped=skipped,
    )
    return RunResult(findings=findings, stats=stats, tables=tables)


def _run_rules(ruleset: RuleSet, ctx: Context, findings: list[Finding], skipped: dict[str, list[str]]) -> None:
    for rule in ruleset.rules:
        kind = KINDS[rule.kind]
        lacks = getattr(kind, "missing", None)  # a rule needing an absent document is skipped
        try:
            gaps = lacks(rule, ctx) if lacks is not None else []
            if gaps:
                skipped[rule.code] = gaps
                continue
            for f in kind.evaluate(rule, ctx):  # what it yielded before a crash is kept
                findings.append(f)
        except Exception as exc:  # a crashing rule is a finding, never hides the others
            import traceback  # only here: not worth its import on every check

            tb = traceback.extract_tb(exc.__traceback__)[-1]
            findings.append(
                Finding(
                    rule=rule.code,
                    rule_name=rule.name,
                    severity="error",
                    message={
                        "id": f"Aturan {rule.code} gagal dijalankan: {type(exc).__name__}: {exc} "
                        f"({tb.filename.rsplit('/', 1)[-1]}:{tb.lineno}). Temuan lain tetap dilaporkan.",
                        "en": f"Rule {rule.code} crashed: {type(exc).__name__}: {exc} "
                        f"({tb.filename.rsplit('/', 1)[-1]}:{tb.lineno}). Other findings are still reported.",
                    },
                    evidence={"exception": type(exc).__name__, "detail": str(exc)},
                    fingerprint=fingerprint(rule.code, "crash", type(exc).__name__),
                )
            )


def _name_folded(f: Finding, tables: dict[str, dict[str, str]]) -> Finding:
    """A carrier's message names the rules folded into it ("Digabung di sini: XT01, RQ05 (juga
    Rumusan Rencana Program dan Kegiatan)."), so the message alone says what else it covers."""
    folded = f.evidence.get("folded") or []
    if not folded:
        return f
    rules = list(dict.fromkeys(str(e.get("rule")) for e in folded))
    same = [str(e["line"]) for e in folded if e.get("rule") == f.rule and e.get("line")]  # repeated statements
    others = list(dict.fromkeys(e.get("table") for e in folded if e.get("table") and e.get("table") != f.table))
    message = dict(f.message)
    for lang, head, also in (("id", "Digabung di sini", "juga"), ("en", "Folded in here", "also")):
        if lang not in message:
            continue
        where = ", ".join((tables.get(t) or {}).get(lang) or t for t in others)
        named = [
            r + (f" ({'baris' if lang == 'id' else 'line'} {', '.join(same)})" if r == f.rule and same else "")
            for r in rules
        ]
        text = f"{message[lang]} {head}: {', '.join(named)}" + (f" ({also} {where})" if where else "") + "."
        if len(text) <= 600:
            message[lang] = text
    return f.model_copy(update={"message": message})
