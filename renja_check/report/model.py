"""What a ``check`` reports: findings after baseline and waivers, run stats, the rules run.

Every output format renders a ``CheckReport``; the exit code and the summary counts are
computed here once, so all formats and the CLI agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from .. import __version__
from ..baseline import Screened, Waiver
from ..engine import RunResult, RunStats
from ..finding import SEVERITY_ORDER, Finding, sort_key
from .labels import label

FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_FINDINGS = 0, 1
TOOL_NAME = "renja-check"
SEVERITIES = ("error", "warning", "info")


@dataclass
class RuleInfo:
    """What a report needs to know about a rule (a ``ruleset.Rule`` or just a code)."""

    code: str
    name: str
    severity: str = "warning"
    kind: str = ""
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    basis: str = ""
    where: str = ""

    @classmethod
    def of(cls, rule: Any) -> "RuleInfo":
        return cls(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            kind=rule.kind,
            title=dict(rule.title),
            description=dict(rule.description),
            basis=rule.basis,
            where=rule.where(),
        )

    def title_text(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("id") or self.name


@dataclass
class CheckReport:
    findings: list[Finding]  # shown, sorted; waived ones included
    stats: RunStats = field(default_factory=RunStats)
    rules: list[RuleInfo] = field(default_factory=list)  # the rules run
    inputs: list[str] = field(default_factory=list)
    waived: dict[str, Waiver] = field(default_factory=dict)  # fingerprint -> waiver
    suppressed: int = 0
    unused_waivers: list[Waiver] = field(default_factory=list)
    expired_waivers: list[Waiver] = field(default_factory=list)
    fail_on: str = "error"
    elapsed_ms: Optional[float] = None  # wall time of the whole check (reading + rules)
    baseline_written: Optional[int] = None  # entries written by --write-baseline
    tool_version: str = __version__
    tables: dict[str, dict[str, str]] = field(default_factory=dict)  # table id -> {lang: label}

    @classmethod
    def build(
        cls,
        result: RunResult,
        screened: Optional[Screened] = None,
        rules: Any = (),
        inputs: Any = (),
        fail_on: str = "error",
    ) -> "CheckReport":
        screened = screened or Screened(findings=result.findings)
        order = {tid: i for i, tid in enumerate(result.tables)}
        return cls(
            findings=sorted(screened.findings, key=lambda f: sort_key(f, order)),
            stats=result.stats,
            rules=[r if isinstance(r, RuleInfo) else RuleInfo.of(r) for r in rules],
            inputs=[str(p) for p in inputs],
            waived=dict(screened.waived),
            suppressed=screened.suppressed,
            unused_waivers=list(screened.unused_waivers),
            expired_waivers=list(screened.expired_waivers),
            fail_on=fail_on,
            tables={k: dict(v) for k, v in result.tables.items()},
        )

    # --- what counts --------------------------------------------------------------------
    def waiver_for(self, f: Finding) -> Optional[Waiver]:
        w = self.waived.get(f.fingerprint)
        return w if w is not None and w.rule == f.rule else None

    def counted(self) -> list[Finding]:
        """Findings that count (shown and not waived)."""
        return [f for f in self.findings if self.waiver_for(f) is None]

    def failing(self) -> list[Finding]:
        if self.fail_on == "never":
            return []
        floor = SEVERITY_ORDER[self.fail_on]
        return [f for f in self.counted() if SEVERITY_ORDER[f.severity] >= floor]

    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.failing() else EXIT_OK

    # --- tables ----------------------------------------------------------------------------
    def table_heading(self, table_id: Optional[str], lang: str = "id") -> str:
        """What people call a table: "Tabel 2.5 (Hasil Analisis Kebutuhan)", "Rumusan Rencana
        Program dan Kegiatan"; "Tabel <id>" when the run did not label it, "(di luar tabel)"
        for findings outside any table."""
        if not table_id:
            return label("no_table", lang)
        names = self.tables.get(table_id) or {}
        return names.get(lang) or names.get("id") or f"{label('table', lang).capitalize()} {table_id}"

    # --- rule metadata -------------------------------------------------------------------
    def rule_infos(self) -> list[RuleInfo]:
        """The rules run, plus any rule a finding names that is not among them."""
        infos = list(self.rules)
        known = {r.code for r in infos}
        for f in self.findings:
            if f.rule not in known:
                known.add(f.rule)
                infos.append(RuleInfo(code=f.rule, name=f.rule_name, severity=f.severity))
        return infos

    def rule_info(self, code: str) -> Optional[RuleInfo]:
        return next((r for r in self.rule_infos() if r.code == code), None)

    # --- summary -------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        counted = self.counted()
        sev = Counter(f.severity for f in counted)
        return {
            "findings": len(self.findings),
            "counted": len(counted),
            "per_severity": {s: sev.get(s, 0) for s in SEVERITIES},
            "per_rule": dict(sorted(Counter(f.rule for f in counted).items())),
            "suppressed": self.suppressed,
            "waived": len(self.findings) - len(counted),
            "unused_waivers": len(self.unused_waivers),
            "expired_waivers": len(self.expired_waivers),
            "documents": self.stats.documents,
            "rules_run": self.stats.rules_run,
            "nodes": self.stats.nodes,
            "claims": self.stats.claims,
            "duration_ms": self.stats.duration_ms,
            "elapsed_ms": self.elapsed_ms,
            "fail_on": self.fail_on,
            "exit_code": self.exit_code(),
            # rules not run for want of a document (rule code -> what was absent)
            "skipped": dict(self.stats.skipped),
            **({"agencies": self.stats.agencies, "totals": self.stats.totals} if self.stats.agencies else {}),
        }

    def warnings(self) -> list[dict[str, str]]:
        """Notices about the run itself (stale waivers), in both languages."""
        out = []
        for w in self.unused_waivers:
            out.append(
                {
                    "id": f"waiver tidak terpakai: {w.rule} {w.fingerprint} ({w.where}) tidak cocok dengan "
                    "temuan mana pun; hapus dari berkas waiver",
                    "en": f"unused waiver: {w.rule} {w.fingerprint} ({w.where}) matches no finding; "
                    "remove it from the waiver file",
                }
            )
        for w in self.expired_waivers:
            out.append(
                {
                    "id": f"waiver kedaluwarsa: {w.rule} {w.fingerprint} ({w.where}) berakhir {w.expires}; "
                    "temuannya dihitung kembali",
                    "en": f"expired waiver: {w.rule} {w.fingerprint} ({w.where}) ended {w.expires}; "
                    "its finding counts again",
                }
            )
        return out
