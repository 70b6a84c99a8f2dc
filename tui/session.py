"""What the TUI shows: one checked result (report + the documents it was read from).

Loading is plain library work (no Textual here), so the app runs it in a worker and
tests can build a ``Session`` directly. ``progress(stage)`` is called before each slow
step with a stage key of ``tui.i18n`` (``stage_read``, ``stage_check``, ...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from renja_check import api
from renja_check.baseline import Waiver, load_waivers, screen
from renja_check.engine import RunResult, run
from renja_check.finding import Finding
from renja_check.models import Document, Dossier, Node, Table
from renja_check.report.model import CheckReport

Progress = Callable[[str], None]
BINARY = (".pdf",)  # spans of a PDF are lines of its extracted text, not of the file


@dataclass
class Session:
    report: CheckReport
    dossier: Optional[Dossier] = None
    rules: dict[str, Any] = field(default_factory=dict)  # code -> ruleset.Rule (for explain)
    waiver_path: Optional[Path] = None
    inputs: list[Path] = field(default_factory=list)
    result: Optional[RunResult] = None  # kept so the assistant's store can save this run
    run_id: Optional[int] = None  # the store's run, when loaded from or saved to one
    _nodes: dict[str, tuple[Document, Table, Node]] = field(default_factory=dict, repr=False)
    _lines: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings

    # --- the documents ---------------------------------------------------------------
    def node(self, node_id: Optional[str], document: Optional[str] = None) -> Optional[tuple[Document, Table, Node]]:
        """(document, table, node) of a node id such as ``T2.5-awal:5.03.01.2.01.0001``;
        ``document`` (a source path) picks the document when several hold the id."""
        if not node_id or self.dossier is None:
            return None
        if not self._nodes:
            for doc in self.dossier.documents:
                for table in doc.tables:
                    for n in table.nodes:
                        self._nodes.setdefault(n.id, (doc, table, n))
                        self._nodes.setdefault(f"{doc.source.path}\0{n.id}", (doc, table, n))
        if document:
            hit = self._nodes.get(f"{document}\0{node_id}")
            if hit is not None:
                return hit
        return self._nodes.get(node_id)

    def source_lines(self, path: str, slow: bool = False) -> list[str]:
        """The text lines a document was read from (empty when unreadable).

        A PDF's lines are those of its extracted text: extracting again takes a while, so it
        happens only with ``slow`` (the app's worker warms them after the first screen)."""
        if path not in self._lines:
            p = Path(path)
            if p.suffix.lower() in BINARY and not slow:
                return []
            lines: list[str] = []
            try:
                if p.suffix.lower() in BINARY:
                    from renja_check.ingest.pdf import extract_pages, join_pages

                    lines = join_pages(extract_pages(p))[0].splitlines()
                elif p.is_file():
                    lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
            except Exception:  # a source that moved or broke since the check: no excerpt
                lines = []
            self._lines[path] = lines
        return self._lines[path]

    def slow_sources(self) -> list[str]:
        """Sources whose lines must be extracted again (PDFs) and are not yet."""
        docs = self.dossier.documents if self.dossier else []
        return [
            d.source.path
            for d in docs
            if Path(d.source.path).suffix.lower() in BINARY and d.source.path not in self._lines
        ]

    def node_at(self, document: Optional[str], line: Optional[int]) -> Optional[str]:
        """The id of the narrowest node whose lines hold ``line`` (a citation without a node id)."""
        if self.dossier is None or not line:
            return None
        best = None
        for doc in self.dossier.documents:
            if document and doc.source.path != document:
                continue
            for table in doc.tables:
                for n in table.nodes:
                    s = n.span
                    if s.line_start <= line <= s.line_end and (
                        best is None or s.line_end - s.line_start < best.span.line_end - best.span.line_start
                    ):
                        best = n
        return best.id if best is not None else None

    def finding_by_fingerprint(self, fp: Optional[str]) -> Optional[Finding]:
        return next((f for f in self.findings if fp and f.fingerprint == fp), None)

    def waiver_for(self, f: Finding) -> Optional[Waiver]:
        return self.report.waiver_for(f)


def check_session(
    inputs: Sequence[Path] = (), *, waivers: Optional[Path] = None, progress: Progress = lambda stage: None
) -> Session:
    """Read the inputs (the embedded sample when empty), run the shipped rules, screen waivers."""
    waiver_list = load_waivers(waivers) if waivers and Path(waivers).is_file() else None
    rs = api.load_rules()
    paths = [Path(p) for p in inputs] or api.default_inputs()
    run_keep = getattr(api, "_run_keep", None)  # the check's own run (a pemda: agency by agency), when the api has it
    if run_keep is not None:
        progress("stage_check")
        result, dossier = run_keep(rs, paths, None)
        if dossier is None:  # a whole pemda: its agencies were read apart; read them once more for the view
            progress("stage_read")
            dossier = api.load_inputs(paths)
    else:
        progress("stage_read")
        dossier = api.load_inputs(paths)
        progress("stage_check")
        result = run(rs, dossier)
    report = CheckReport.build(
        result, screen(result.findings, None, waiver_list, dt.date.today()), rules=rs.rules, inputs=paths
    )
    return Session(
        report=report,
        dossier=dossier,
        rules={r.code: r for r in rs.rules},
        waiver_path=Path(waivers) if waivers else None,
        inputs=paths,
        result=result,
    )


def store_session(
    db: Optional[Path],
    *,
    run_id: Optional[int] = None,
    waivers: Optional[Path] = None,
    progress: Progress = lambda stage: None,
) -> Session:
    """The findings of a stored run (the latest by default); its documents when still readable."""
    from renja_check.store import Store  # issue 8's store; imported only for --db

    progress("stage_store")
    store = Store(Path(db) if db else None)
    runs = store.runs()
    if not runs:
        from renja_check.errors import InputError

        raise InputError(str(db or "store"), "the database holds no run", "basis data belum berisi hasil")

    def rid(row: dict) -> int:
        return row.get("id", row.get("run_id")) or 0

    run_row = next((r for r in runs if rid(r) == run_id), None) if run_id else max(runs, key=rid)
    if run_row is None:
        from renja_check.errors import InputError

        raise InputError(str(db or "store"), f"no run {run_id}", f"tidak ada hasil nomor {run_id}")
    findings = store.findings(rid(run_row))
    inputs = [Path(p) for p in _as_list(run_row.get("inputs")) if Path(p).exists()]
    dossier = None
    if inputs:
        progress("stage_read")
        try:
            dossier = api.load_inputs(inputs)
        except Exception:  # the documents moved or changed: show the findings alone
            dossier = None
    rules = {r.code: r for r in api.rule_catalogue()}
    waiver_list = load_waivers(waivers) if waivers and Path(waivers).is_file() else None
    screened = screen(findings, None, waiver_list, dt.date.today())
    report = CheckReport.build(
        RunResult(findings=findings, stats=_stats(findings), tables=_labels(dossier)),
        screened,
        rules=[r for r in rules.values() if r.code in {f.rule for f in findings}],
        inputs=inputs,
    )
    return Session(
        report=report,
        dossier=dossier,
        rules=rules,
        inputs=inputs,
        run_id=rid(run_row),
        waiver_path=Path(waivers) if waivers else None,
    )


def _labels(dossier: Optional[Dossier]) -> dict[str, dict[str, str]]:
    """Table id -> {lang: label}, in reading order, as a check's ``RunResult.tables``."""
    from renja_check.kinds.labels import table_label

    out: dict[str, dict[str, str]] = {}
    for doc in dossier.documents if dossier else []:
        for t in sorted(doc.tables, key=lambda t: t.span.line_start):
            out.setdefault(t.id, {lang: table_label(t, lang) for lang in ("id", "en")})
    return out


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _stats(findings: list[Finding]):
    from collections import Counter

    from renja_check.engine import RunStats

    return RunStats(
        per_severity=dict(Counter(f.severity for f in findings)),
        per_rule=dict(sorted(Counter(f.rule for f in findings).items())),
    )
