"""Turning one checked run into rows: the run, the rules run, the findings (with fingerprints),
the waivers applied, and the text index; its documents are written by ``save_documents`` and
the values go through ``save_values``. The writers only execute INSERTs; the caller owns the
transaction (``Store.save_run``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any, Iterable, Optional

from .. import __version__
from .save_values import ENCODER, encode_json, insert_row, insert_rows, json_object, lang_text, span_cols


RUN_COLS = tuple(
    "created_at tool_version inputs pemda perangkat_daerah year documents rules_run nodes claims findings errors"
    " warnings infos waived suppressed exit_code duration_ms elapsed_ms label".split()
)


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
        encode_json([str(p) for p in inputs]),
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
    return insert_row(conn, "runs", RUN_COLS, row)


def insert_rules(conn: sqlite3.Connection, run_id: int, rules: Iterable[Any]) -> None:
    insert_rows(
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
                lang_text(r.title, "id"),
                lang_text(r.title, "en"),
                lang_text(r.description, "id"),
                lang_text(r.description, "en"),
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
        parts = {k: "null" if v is None else ENCODER.encode(v) for k, v in data.items()}
        yield (
            run_id,
            f.fingerprint,
            f.rule,
            f.rule_name,
            f.severity,
            f.document,
            f.table,
            f.locator,
            *span_cols(f.span),
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
            json_object({k: v for k, v in parts.items() if k not in IN_COLUMNS and not _texts_in_columns(data, k)}),
        )


def _texts_in_columns(data: dict, key: str) -> bool:
    """A message or suggestion the ``*_id`` / ``*_en`` columns hold exactly (both languages,
    nothing else): not written again inside ``data``."""
    if key not in ("message", "suggestion"):
        return False
    texts = data.get(key)
    return (
        isinstance(texts, dict) and set(texts) == {"id", "en"} and all(isinstance(t, str) and t for t in texts.values())
    )


# kept in their own columns, as the same JSON: not written a second time inside ``data``
# (``Store.findings`` puts them back; rows written before keep them in ``data`` too); so are
# a message and a suggestion given in exactly both languages (``_texts_in_columns``)
IN_COLUMNS = ("expected", "found", "evidence")

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
    insert_rows(conn, "findings", FINDING_COLS, finding_rows(run_id, findings, waived))
    return [("finding", f.fingerprint, f"{f.rule} {f.text('id')} {f.text('en')}") for f in findings]


def insert_waivers(conn: sqlite3.Connection, run_id: int, waived: dict) -> None:
    insert_rows(
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
    insert_rows(conn, "search", ("text", "kind", "run_id", "ref"), out)
