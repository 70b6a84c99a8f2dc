"""The assistant's conversation context kept between ``renja-check ask`` calls (table ``ask_context``).

The CLI stores the context each answer returns and, with ``--lanjut`` / ``--follow-up``, reads
it back for the next question. Values are plain JSON objects (``assistant.context.Context``
as a dict); the reader validates them. Each write is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any, Optional

CLI_KEY = "cli"
MAX_BYTES = 16_000  # a context is a few hundred bytes; anything larger is not one


def load(store: Any, key: str = CLI_KEY) -> Optional[dict]:
    """The stored context (a dict) or None when there is none or it is not valid JSON."""
    try:
        rows = store.rows("SELECT context FROM ask_context WHERE key = ?", (key,))
    except sqlite3.Error as exc:
        raise _error(store, exc) from None
    if not rows or not rows[0]["context"] or len(rows[0]["context"]) > MAX_BYTES:
        return None
    try:
        value = json.loads(rows[0]["context"])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def save(store: Any, value: Optional[dict], key: str = CLI_KEY) -> None:
    """Replace the stored context (None: forget it), in one transaction."""
    text = json.dumps(value, ensure_ascii=False) if value is not None else ""
    if len(text) > MAX_BYTES:
        value = None
    try:
        _write(store.conn, key, value, text)
    except sqlite3.Error as exc:
        raise _error(store, exc) from None


def _error(store: Any, exc: Exception) -> Exception:
    from . import StoreError

    return StoreError(
        str(store.path),
        f"cannot read or keep the question's subject: {exc}",
        f"subjek pertanyaan tidak dapat dibaca atau disimpan: {exc}",
    )


def _write(conn: sqlite3.Connection, key: str, value: Optional[dict], text: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if value is None:
            conn.execute("DELETE FROM ask_context WHERE key = ?", (key,))
        else:
            run_id = value.get("run_id")
            conn.execute(
                "INSERT OR REPLACE INTO ask_context (key, context, run_id, updated_at) VALUES (?, ?, ?, ?)",
                (
                    key,
                    text,
                    run_id if isinstance(run_id, int) else None,
                    dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                ),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
