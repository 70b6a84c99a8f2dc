"""What the store writers hand to SQLite: texts made storable (``CleanConnection``), JSON
encoded once and the same way everywhere (``encode_json``, ``json_object``), a span as its three
columns, INSERT statements built from column names, and a bilingual text in one language.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Optional


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


def encode_json(value: Any) -> Optional[str]:
    if value is None:
        return None
    return ENCODER.encode(value)


# == json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), without a new encoder a call
ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def json_object(parts: dict[str, str]) -> str:
    """``encode_json`` of a dict whose values are encoded already (``parts``: key -> JSON text)."""
    return "{" + ", ".join(f"{ENCODER.encode(k)}: {parts[k]}" for k in sorted(parts)) + "}"


def span_cols(span: Any) -> tuple:
    if span is None:
        return (None, None, None)
    return (span.line_start, span.line_end, span.page)


def insert_sql(table: str, cols: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def insert_rows(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], rows: Iterable[tuple]) -> None:
    conn.executemany(insert_sql(table, cols), rows)


def insert_row(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], row: tuple) -> int:
    """One row; returns its id."""
    return int(conn.execute(insert_sql(table, cols), row).lastrowid)


def lang_text(text: Any, lang: str) -> Optional[str]:
    if not text:
        return None
    if isinstance(text, dict):
        return text.get(lang) or text.get("id")
    return getattr(text, lang, None) or getattr(text, "id", None) or str(text)
