"""The store's tables, their version, and the migrations between versions.

``PRAGMA user_version`` holds the schema version (also shown in the ``schema`` table for
people browsing the file). Opening a store whose version is older applies the missing
migrations, each in its own transaction; a file made by a newer renja-check is refused.
sqlite-utils is imported only when a migration runs (first use of a new file), so opening an
up-to-date store costs one PRAGMA.

Table and column names are meant to be read in Datasette or any SQLite client: ``runs``,
``documents``, ``tables``, ``nodes``, ``pagu``, ``indicators``, ``claims``, ``rules``,
``findings``, ``waivers``, the full-text index ``search`` and ``ask_context`` (the subject
``renja-check ask --lanjut`` continues from; one row per conversation key). ``table_id`` / ``node_id`` are the
ids of the document model (``T2.5-awal``, ``rencana:5.03.02.2.02.0003``), as in findings.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable

SCHEMA_VERSION = 2  # == latest(); kept as a constant for readers

_SPAN = {"line_start": int, "line_end": int, "page": int}

TABLES: dict[str, dict] = {
    "runs": {
        "id": int,
        "created_at": str,
        "tool_version": str,
        "inputs": str,
        "pemda": str,
        "perangkat_daerah": str,
        "year": int,
        "documents": int,
        "rules_run": int,
        "nodes": int,
        "claims": int,
        "findings": int,
        "errors": int,
        "warnings": int,
        "infos": int,
        "waived": int,
        "suppressed": int,
        "exit_code": int,
        "duration_ms": float,
        "elapsed_ms": float,
        "label": str,
    },
    "documents": {
        "id": int,
        "run_id": int,
        "path": str,
        "format": str,
        "sha256": str,
        "doc_type": str,
        "pemda": str,
        "perangkat_daerah": str,
        "kode_skpd": str,
        "bidang": str,
        "year": int,
        "forward_year": int,
        "lines": int,
    },
    "tables": {
        "id": int,
        "run_id": int,
        "document_id": int,
        "table_id": str,
        "number": str,
        "title": str,
        "label_id": str,
        "label_en": str,
        "role": str,
        "side": str,
        "pair": str,
        "years": str,
        "money_scale": int,
        "complete": int,
        "rows": int,
        **_SPAN,
    },
    "nodes": {
        "id": int,
        "run_id": int,
        "document_id": int,
        "table_id": str,
        "node_id": str,
        "parent_node_id": str,
        "position": int,
        "level": str,
        "code": str,
        "code_printed": str,
        "code_status": str,
        "name": str,
        "name_printed": str,
        "ordinal": str,
        "lokasi": str,
        "sumber_dana": str,
        "catatan": str,
        "keterangan": str,
        **_SPAN,
    },
    "pagu": {
        "id": int,
        "run_id": int,
        "document_id": int,
        "table_id": str,
        "node_id": str,
        "year": str,
        "value": int,
        "raw": str,
        "status": str,
        "scale": int,
    },
    "indicators": {
        "id": int,
        "run_id": int,
        "document_id": int,
        "table_id": str,
        "node_id": str,
        "position": int,
        "text": str,
        "year": str,
        "target_raw": str,
        "target_value": str,
        "unit": str,
        "status": str,
        **_SPAN,
    },
    "claims": {
        "id": int,
        "run_id": int,
        "document_id": int,
        "claim_id": str,
        "kind": str,
        "subject": str,
        "value": int,
        "raw": str,
        "sentence": str,
        "year": int,
        "section": str,
        "qualifier": str,
        "refers_to": str,
        **_SPAN,
    },
    "rules": {
        "id": int,
        "run_id": int,
        "code": str,
        "name": str,
        "severity": str,
        "kind": str,
        "title_id": str,
        "title_en": str,
        "description_id": str,
        "description_en": str,
        "basis": str,
    },
    "findings": {
        "id": int,
        "run_id": int,
        "fingerprint": str,
        "rule": str,
        "rule_name": str,
        "severity": str,
        "document": str,
        "table_id": str,
        "locator": str,
        **_SPAN,
        "message_id": str,
        "message_en": str,
        "suggestion_id": str,
        "suggestion_en": str,
        "expected": str,
        "found": str,
        "difference": int,
        "evidence": str,
        "waived": int,
        "waiver_reason": str,
        "data": str,
    },
    "waivers": {
        "id": int,
        "run_id": int,
        "rule": str,
        "fingerprint": str,
        "reason": str,
        "expires": str,
        "source": str,
    },
}
CHILD_TABLES = [t for t in TABLES if t != "runs"]
INDEXES = {
    "documents": [["run_id"]],
    "tables": [["run_id", "table_id"]],
    "nodes": [["run_id", "code"], ["run_id", "node_id"]],
    "pagu": [["run_id", "node_id"]],
    "indicators": [["run_id", "node_id"]],
    "claims": [["run_id"]],
    "rules": [["run_id", "code"]],
    "findings": [["run_id", "rule"], ["fingerprint"]],
    "waivers": [["run_id"]],
}
# text of names, indicators, units and findings; folded case and diacritics (unicode61)
SEARCH_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5("
    "text, kind UNINDEXED, run_id UNINDEXED, ref UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)


def _v1(conn: sqlite3.Connection) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["schema"].create({"version": int, "applied_at": str}, pk="version", if_not_exists=True)
    db["runs"].create(TABLES["runs"], pk="id", not_null=["created_at"], if_not_exists=True)
    for name in CHILD_TABLES:
        fks = [("run_id", "runs", "id")]
        if "document_id" in TABLES[name]:
            fks.append(("document_id", "documents", "id"))
        db[name].create(TABLES[name], pk="id", foreign_keys=fks, not_null=["run_id"], if_not_exists=True)
    for name, indexes in INDEXES.items():
        for cols in indexes:
            db[name].create_index(cols, if_not_exists=True)
    conn.execute(SEARCH_DDL)


def _v2(conn: sqlite3.Connection) -> None:
    """The assistant's conversation context (JSON of ``assistant.context.Context``) per key."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ask_context ("
        "key TEXT PRIMARY KEY, context TEXT NOT NULL, run_id INTEGER, updated_at TEXT NOT NULL)"
    )


# (version, step): append a step to change the schema; never edit a released one
MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [(1, _v1), (2, _v2)]


def latest() -> int:
    return MIGRATIONS[-1][0]


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to ``latest()``; return the version found before."""
    found = version(conn)
    for number, step in MIGRATIONS:
        if number <= found:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(
                "INSERT OR REPLACE INTO schema (version, applied_at) VALUES (?, ?)",
                (number, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
