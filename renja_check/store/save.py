"""Turning one checked run into rows: the run, its documents, tables, nodes, pagu, indicators,
claims, the rules run, the findings (with fingerprints), the waivers applied, and the text
index. ``write_run`` only executes INSERTs; the caller owns the transaction (``Store.save_run``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any, Iterable, Optional

from .. import __version__


def _clean(v: Any) -> Any:
    """A text that SQLite can store: a path with undecodable bytes (surrogates) keeps a U+FFFD."""
    if isinstance(v, str) and not v.isascii():  # ASCII always encodes: skip the trial encode
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return v.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return v


class CleanConnection:
    """The few connection calls the writers use. ``clean``: every text parameter made storable
    (a per-value pass, costly on a whole-pemda run, so ``Store.save_run`` first writes the rows as
    they are and only on a ``UnicodeEncodeError`` writes the run again, cleaned)."""

    def __init__(self, conn: sqlite3.Connection, clean: bool = True) -> None:
        self.conn = conn
        self.clean = clean

    def execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(_clean(v) for v in params) if self.clean else params)

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> sqlite3.Cursor:
        if not self.clean:
            return self.conn.executemany(sql, rows)
        return self.conn.executemany(sql, (tuple(_clean(v) for v in r) for r in rows))


def _json(value: Any) -> Optional[str]:
    if value is None:
        return None
    return _ENCODER.encode(value)


# == json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), without a new encoder a call
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _json_object(parts: dict[str, str]) -> str:
    """``_json`` of a dict whose values are encoded already (``parts``: key -> JSON text)."""
    return "{" + ", ".join(f"{_ENCODER.encode(k)}: {parts[k]}" for k in sorted(parts)) + "}"


def _span(span: Any) -> tuple:
    if span is None:
        return (None, None, None)
    return (span.line_start, span.line_end, span.page)


def _insert(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], rows: Iterable[tuple]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, rows)


def _lang(text: Any, lang: str) -> Optional[str]:
    if not text:
        return None
    if isinstance(text, dict):
        return text.get(lang) or text.get("id")
    return getattr(text, lang, None) or getattr(text, "id", None) or str(text)


def insert_run(
    conn: sqlite3.Connection,
    result: Any,
    inputs: Iterable[Any],
    report: Any = None,
    label: Optional[str] = None,
    dossier: Any = None,
) -> int:
    findings = list(result.findings)
    sev = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    first = dossier.documents[0] if dossier is not None and dossier.documents else None
    waived = len(getattr(report, "waived", {}) or {})
    row = (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
        __version__,
        _json([str(p) for p in inputs]),
        getattr(first, "pemda", None),
        getattr(first, "perangkat_daerah", None),
        getattr(first, "year", None),
        result.stats.documents,
        result.stats.rules_run,
        result.stats.nodes,
        result.stats.claims,
        len(findings),
        sev["error"],
        sev["warning"],
        sev["info"],
        waived,
        getattr(report, "suppressed", 0),
        report.exit_code() if report is not None else None,
        result.stats.duration_ms,
        getattr(report, "elapsed_ms", None),
        label,
    )
    cur = conn.execute(
        "INSERT INTO runs (created_at, tool_version, inputs, pemda, perangkat_daerah, year, documents, rules_run,"
        " nodes, claims, findings, errors, warnings, infos, waived, suppressed, exit_code, duration_ms,"
        " elapsed_ms, label) VALUES (" + ", ".join("?" * len(row)) + ")",
        row,
    )
    return int(cur.lastrowid)


def insert_dossier(conn: sqlite3.Connection, run_id: int, dossier: Any, labels: dict) -> list[tuple]:
    """Documents and everything in them; returns the text-index rows (kind, ref, text)."""
    index: list[tuple] = []
    for doc in dossier.documents:
        cur = conn.execute(
            "INSERT INTO documents (run_id, path, format, sha256, doc_type, pemda, perangkat_daerah, kode_skpd,"
            " bidang, year, forward_year, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                doc.source.path,
                doc.source.format,
                doc.source.sha256,
                doc.doc_type,
                doc.pemda,
                doc.perangkat_daerah,
                doc.kode_skpd,
                _json(list(doc.bidang)),
                doc.year,
                doc.forward_year,
                doc.source.lines,
            ),
        )
        doc_id = int(cur.lastrowid)
        tables, nodes, pagu, inds = [], [], [], []
        for t in doc.tables:
            names = labels.get(t.id) or {}
            tables.append(
                (
                    run_id,
                    doc_id,
                    t.id,
                    t.number,
                    t.title,
                    names.get("id"),
                    names.get("en"),
                    t.role,
                    t.side,
                    t.pair,
                    _json(list(t.years)),
                    t.money_scale,
                    int(bool(t.complete)),
                    len(t.nodes),
                    *_span(t.span),
                )
            )
            for pos, n in enumerate(t.nodes):
                nodes.append(
                    (
                        run_id,
                        doc_id,
                        t.id,
                        n.id,
                        n.parent,
                        pos,
                        n.level,
                        n.code,
                        n.code_printed,
                        n.code_status,
                        n.name,
                        n.name_printed,
                        n.ordinal,
                        n.lokasi,
                        n.sumber_dana,
                        n.catatan,
                        n.keterangan,
                        *_span(n.span),
                    )
                )
                if n.name:
                    index.append(("name", n.id, n.name if not n.code else f"{n.code} {n.name}"))
                for year, m in n.pagu.items():
                    pagu.append((run_id, doc_id, t.id, n.id, str(year), m.value, m.raw, m.status, m.scale))
                for i, ind in enumerate(n.indicators):
                    if ind.text:
                        index.append(("indicator", n.id, ind.text))
                    targets = list(ind.targets.items()) or [(None, None)]
                    for year, q in targets:
                        inds.append(
                            (
                                run_id,
                                doc_id,
                                t.id,
                                n.id,
                                i,
                                ind.text,
                                year,
                                q.raw if q else None,
                                str(q.value) if q and q.value is not None else None,
                                q.unit if q else None,
                                q.status if q else None,
                                *_span(ind.span or n.span),
                            )
                        )
                        if q is not None and q.unit:
                            index.append(("unit", n.id, q.unit))
        _insert(
            conn,
            "tables",
            (
                "run_id",
                "document_id",
                "table_id",
                "number",
                "title",
                "label_id",
                "label_en",
                "role",
                "side",
                "pair",
                "years",
                "money_scale",
                "complete",
                "rows",
                "line_start",
                "line_end",
                "page",
            ),
            tables,
        )
        _insert(
            conn,
            "nodes",
            (
                "run_id",
                "document_id",
                "table_id",
                "node_id",
                "parent_node_id",
                "position",
                "level",
                "code",
                "code_printed",
                "code_status",
                "name",
                "name_printed",
                "ordinal",
                "lokasi",
                "sumber_dana",
                "catatan",
                "keterangan",
                "line_start",
                "line_end",
                "page",
            ),
            nodes,
        )
        _insert(
            conn,
            "pagu",
            ("run_id", "document_id", "table_id", "node_id", "year", "value", "raw", "status", "scale"),
            pagu,
        )
        _insert(
            conn,
            "indicators",
            (
                "run_id",
                "document_id",
                "table_id",
                "node_id",
                "position",
                "text",
                "year",
                "target_raw",
                "target_value",
                "unit",
                "status",
                "line_start",
                "line_end",
                "page",
            ),
            inds,
        )
        _insert(
            conn,
            "claims",
            (
                "run_id",
                "document_id",
                "claim_id",
                "kind",
                "subject",
                "value",
                "raw",
                "sentence",
                "year",
                "section",
                "qualifier",
                "refers_to",
                "line_start",
                "line_end",
                "page",
            ),
            (
                (
                    run_id,
                    doc_id,
                    c.id,
                    c.kind,
                    c.subject,
                    c.value,
                    c.raw,
                    c.sentence,
                    c.year,
                    c.section,
                    c.qualifier,
                    c.refers_to,
                    *_span(c.span),
                )
                for c in doc.claims
            ),
        )
    return index


def insert_rules(conn: sqlite3.Connection, run_id: int, rules: Iterable[Any]) -> None:
    _insert(
        conn,
        "rules",
        (
            "run_id",
            "code",
            "name",
            "severity",
            "kind",
            "title_id",
            "title_en",
            "description_id",
            "description_en",
            "basis",
        ),
        (
            (
                run_id,
                r.code,
                r.name,
                r.severity,
                r.kind,
                _lang(r.title, "id"),
                _lang(r.title, "en"),
                _lang(r.description, "id"),
                _lang(r.description, "en"),
                r.basis,
            )
            for r in rules
        ),
    )


def finding_rows(run_id: int, findings: Iterable[Any], waived: dict) -> Iterable[tuple]:
    for f in findings:
        w = waived.get(f.fingerprint)
        w = w if w is not None and w.rule == f.rule else None
        data = f.model_dump(mode="json")
        # the large values are encoded once: on their own and inside the whole finding
        parts = {k: "null" if v is None else _ENCODER.encode(v) for k, v in data.items()}
        yield (
            run_id,
            f.fingerprint,
            f.rule,
            f.rule_name,
            f.severity,
            f.document,
            f.table,
            f.locator,
            *_span(f.span),
            f.text("id"),
            f.text("en"),
            f.suggestion_text("id"),
            f.suggestion_text("en"),
            None if data.get("expected") is None else parts["expected"],
            None if data.get("found") is None else parts["found"],
            f.difference,
            None if data.get("evidence") is None else parts["evidence"],
            int(w is not None),
            w.reason if w else None,
            _json_object(parts),
        )


FINDING_COLS = (
    "run_id",
    "fingerprint",
    "rule",
    "rule_name",
    "severity",
    "document",
    "table_id",
    "locator",
    "line_start",
    "line_end",
    "page",
    "message_id",
    "message_en",
    "suggestion_id",
    "suggestion_en",
    "expected",
    "found",
    "difference",
    "evidence",
    "waived",
    "waiver_reason",
    "data",
)


def insert_findings(conn: sqlite3.Connection, run_id: int, findings: Iterable[Any], waived: dict) -> list[tuple]:
    findings = list(findings)
    _insert(conn, "findings", FINDING_COLS, finding_rows(run_id, findings, waived))
    return [("finding", f.fingerprint, f"{f.rule} {f.text('id')} {f.text('en')}") for f in findings]


def insert_waivers(conn: sqlite3.Connection, run_id: int, waived: dict) -> None:
    _insert(
        conn,
        "waivers",
        ("run_id", "rule", "fingerprint", "reason", "expires", "source"),
        (
            (run_id, w.rule, w.fingerprint, w.reason, str(w.expires) if w.expires else None, getattr(w, "where", None))
            for w in waived.values()
        ),
    )


def insert_index(conn: sqlite3.Connection, run_id: int, rows: Iterable[tuple]) -> None:
    seen: set[tuple] = set()
    out = []
    for kind, ref, text in rows:
        if (kind, ref, text) not in seen:
            seen.add((kind, ref, text))
            out.append((text, kind, run_id, ref))
    _insert(conn, "search", ("text", "kind", "run_id", "ref"), out)
