"""Synthetic findings and reports for format tests (no parser, no rule file needed)."""

from __future__ import annotations

from renja_check.baseline import Waiver, screen
from renja_check.engine import RunResult, RunStats
from renja_check.finding import Finding, fingerprint
from renja_check.models import Span
from renja_check.report.model import CheckReport, RuleInfo

DOC = "docs/renja-2023.txt"

RULES = [
    RuleInfo(
        code="PG91",
        name="test.subtotal_sum",
        severity="error",
        kind="sum",
        title={"id": "Subtotal tidak sama dengan jumlah rincian", "en": "Subtotal differs from its parts"},
        description={"id": "Uraian PG91.", "en": "Description of PG91."},
        basis="Permendagri 86/2017",
        where="rules/test.yaml:1",
    ),
    RuleInfo(
        code="XT91",
        name="test.cross",
        severity="warning",
        kind="cross_table",
        title={"id": "Pagu berbeda antartabel", "en": "Pagu differs between tables"},
        basis="Permendagri 86/2017, T-C.33",
        where="rules/test.yaml:20",
    ),
    RuleInfo(
        code="NM91",
        name="test.names",
        severity="info",
        kind="nomenclature",
        title={"id": "Nama tidak baku", "en": "Name is not standard"},
        where="rules/test.yaml:40",
    ),
    RuleInfo(
        code="CL91",
        name="test.clean",
        severity="error",
        kind="claim",
        title={"id": "Aturan tanpa temuan", "en": "A rule without findings"},
        where="rules/test.yaml:60",
    ),
]


def make_finding(
    rule="PG91",
    severity="error",
    table="rencana",
    locator="rencana:5.03.02",
    line=120,
    expected=15_322_392_321,
    found=15_322_725_321,
    msg_id=None,
    msg_en=None,
    **kw,
) -> Finding:
    difference = found - expected if isinstance(expected, int) and isinstance(found, int) else None
    return Finding(
        rule=rule,
        rule_name=next(r.name for r in RULES if r.code == rule),
        severity=severity,
        message={
            "id": msg_id or f"Pagu program {locator} tidak sama dengan jumlah rinciannya.",
            "en": msg_en or f"The pagu of program {locator} is not the sum of its parts.",
        },
        document=DOC,
        table=table,
        locator=locator,
        span=Span(file=DOC, line_start=line, line_end=line + 1, page=7) if line else None,
        expected=expected,
        found=found,
        difference=difference,
        evidence=kw.pop(
            "evidence",
            {
                "addends": [
                    {"code": "5.03.02.2.01", "value": 15_000_000_000},
                    {"code": "5.03.02.2.02", "value": 322_392_321},
                ]
            },
        ),
        suggestion=kw.pop("suggestion", {"id": "Perbaiki subtotal.", "en": "Fix the subtotal."}),
        fingerprint=fingerprint(rule, table, locator, expected, found),
        **kw,
    )


def findings() -> list[Finding]:
    return [
        make_finding(),
        make_finding(
            rule="XT91",
            severity="warning",
            table="rkpd_akhir",
            locator="rkpd_akhir:5.03.02.2.02.0003",
            line=800,
            expected="Rp 1.000",
            found="Rp 2.000",
            msg_id="Pagu berbeda: 100% | 50%, dengan koma, dan titik:dua",
            msg_en="Pagu differs: 100% | 50%, with comma, and colon:two\nsecond line",
        ),
        make_finding(
            rule="NM91",
            severity="info",
            table=None,
            locator="C3",
            line=None,
            expected=None,
            found="Penyediaan Bahan Logistik",
            evidence={},
            suggestion=None,
        ),
    ]


TABLES = {
    "rencana": {"id": "Rumusan Rencana Program dan Kegiatan", "en": "Rumusan Rencana Program dan Kegiatan"},
    "rkpd_akhir": {"id": "Tabel 4.1 (Rancangan Akhir RKPD)", "en": "Table 4.1 (Rancangan Akhir RKPD)"},
}


def report(
    waive_first: bool = False, fail_on: str = "error", unused: bool = False, tables: dict | None = None
) -> CheckReport:
    """``tables``: the run's table labels (None: the run labelled no table)."""
    fs = findings()
    waivers = []
    if waive_first:
        waivers.append(
            Waiver(
                rule=fs[0].rule,
                fingerprint=fs[0].fingerprint,
                reason="Disetujui tim verifikasi",
                where="waivers.yaml:1",
            )
        )
    if unused:
        waivers.append(Waiver(rule="PG91", fingerprint="0000000000000000", reason="stale", where="waivers.yaml:5"))
    stats = RunStats(rules_run=len(RULES), documents=1, duration_ms=12.5)
    screened = screen(fs, None, waivers)
    result = RunResult(findings=fs, stats=stats, tables=tables or {})
    return CheckReport.build(result, screened, rules=RULES, inputs=[DOC], fail_on=fail_on)
