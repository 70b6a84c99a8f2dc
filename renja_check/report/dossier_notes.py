"""One-line notes about a dossier run for the machine-readable formats (SARIF, JUnit, GitHub).

What the text, JSON and Markdown reports show beside the findings: the rules skipped for
want of a document (``RunStats.skipped``) and, for a whole pemda, one summary per agency
(``RunStats.agencies``) and the pemda totals. ``by_agency`` attributes each finding to the
agency whose run produced it: a finding on a document of one agency only belongs to it; on
a document several agencies share (the RKPD, the RPJMD) to the agency whose Renja its
evidence names; otherwise to nobody (the shared documents).
"""

from __future__ import annotations

import os
from typing import Any, Optional

from ..finding import Finding
from .display_paths import display_path
from .labels import severity_counts
from .model import SEVERITIES, CheckReport, RuleInfo
from .pemda_text import rp_or_dash, t

_T = {
    "pemda": ("Total pemda", "Pemda totals"),
    "shared": ("Dokumen bersama (tanpa perangkat daerah)", "Shared documents (no agency)"),
}


def tr(key: str, lang: str, **values: Any) -> str:
    return _T[key][0 if lang == "id" else 1].format(**values)


def with_skipped(report: CheckReport, rules: list[RuleInfo]) -> list[RuleInfo]:
    """The rules run plus any skipped rule the report does not describe."""
    known = {r.code for r in rules}
    return list(rules) + [RuleInfo(code=c, name=c) for c in report.stats.skipped if c not in known]


def skip_share(report: CheckReport, code: str) -> Optional[tuple[int, int]]:
    """Whole-pemda run: (agencies that skipped ``code``, agencies); else None."""
    agencies = report.stats.agencies
    if not agencies:
        return None
    return sum(1 for a in agencies if code in (a.get("skipped") or {})), len(agencies)


def skipped_text(report: CheckReport, code: str, lang: str = "id") -> str:
    """ "XD03 dilewati (dokumen atau bagiannya tidak ada): rkpd:rancangan_akhir; 1/2 PD"."""
    gaps = report.stats.skipped.get(code) or []
    share = skip_share(report, code)
    tail = f"; {share[0]}/{share[1]} PD" if share else ""
    return f"{code} {t('skipped', lang)}: {'/'.join(gaps)}{tail}"


def agency_name(a: dict) -> str:
    """ "Dinas Kesehatan (1.02.0.00.0.00.01.0000)", or whichever of the two is known."""
    name, code = a.get("name"), a.get("agency")
    if name and code and code != name:
        return f"{name} ({code})"
    if name or code:
        return str(name or code)
    renja = (a.get("documents") or {}).get("renja") or ["-"]
    return display_path(renja[0])


def agency_text(a: dict, lang: str = "id") -> str:
    """One agency in one line: findings per severity, pagu N and N+1, documents per role."""
    docs = ", ".join(f"{role} {len(paths)}" for role, paths in (a.get("documents") or {}).items())
    return (
        f"{agency_name(a)}: {severity_counts(a['findings'], lang)} · pagu N {rp_or_dash(a.get('pagu_n'))} · "
        f"N+1 {rp_or_dash(a.get('pagu_n1'))} · {t('docs', lang)}: {docs}"
    )


def pemda_totals(report: CheckReport) -> dict[str, Any]:
    """Agencies, findings per severity and pagu N / N+1 summed over the agencies of the run."""
    agencies = report.stats.agencies

    def total(key: str) -> Optional[int]:
        vals = [a[key] for a in agencies if a.get(key) is not None]
        return sum(vals) if vals else None

    return {
        "agencies": len(agencies),
        "findings": {s: sum(a["findings"].get(s, 0) for a in agencies) for s in SEVERITIES},
        "pagu_n": total("pagu_n"),
        "pagu_n1": total("pagu_n1"),
        "skipped_rules": len(report.stats.skipped),
    }


def pemda_text(report: CheckReport, lang: str = "id") -> str:
    tot = pemda_totals(report)
    return (
        f"{tr('pemda', lang)}: {tot['agencies']} PD · {severity_counts(tot['findings'], lang)} · "
        f"pagu N {rp_or_dash(tot['pagu_n'])} · N+1 {rp_or_dash(tot['pagu_n1'])}"
    )


def by_agency(report: CheckReport) -> tuple[list[list[Finding]], list[Finding]]:
    """The findings of each agency (in ``RunStats.agencies`` order) and those of no one agency."""
    agencies = report.stats.agencies
    owners: dict[str, set[int]] = {}
    renja_of: dict[str, int] = {}
    for i, a in enumerate(agencies):
        for role, paths in (a.get("documents") or {}).items():
            for p in paths:
                owners.setdefault(_norm(p), set()).add(i)
                if role == "renja":
                    renja_of[_norm(p)] = i
    groups: list[list[Finding]] = [[] for _ in agencies]
    rest: list[Finding] = []
    for f in report.findings:
        i = _owner(f, owners, renja_of)
        (rest if i is None else groups[i]).append(f)
    return groups, rest


def _norm(path: str) -> str:
    return os.path.normpath(path) if path else ""


def _owner(f: Finding, owners: dict[str, set[int]], renja_of: dict[str, int]) -> Optional[int]:
    paths = [p for p in (f.document, f.span.file if f.span else "") if p]
    candidates: set[int] = set()
    for p in paths:
        candidates |= owners.get(_norm(p), set())
    if len(candidates) == 1:
        return next(iter(candidates))
    # a shared document: the Renja named by the finding's evidence says whose run it was
    for side in f.evidence.values():
        if isinstance(side, dict) and side.get("doc_type") == "renja" and isinstance(side.get("document"), str):
            i = renja_of.get(_norm(side["document"]))
            if i is not None and (not candidates or i in candidates):
                return i
    return None
