"""The findings store: one SQLite file holding every checked run.

``Store(path)`` opens (and on first use creates) the file; ``None`` means ``$RENJA_CHECK_DB``
when set, else ``$XDG_DATA_HOME/renja-check/renja-check.db`` (``~/.local/share/...``).
``save_run`` writes one run in ONE transaction: a failure half-way leaves the file exactly as
it was. Reading: ``runs()``, ``run(id)``, ``findings(id)``, ``diff(a, b)``, ``rows(sql, params)``.
Schema and migrations: ``store/schema.py``; full-text and fuzzy search: ``store/search.py``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..errors import InputError
from ..gcpause import paused
from . import save as _save
from . import schema
from .save_documents import insert_dossier
from .save_values import CleanConnection
from .schema import SCHEMA_VERSION, migrate, version

ENV_VAR = "RENJA_CHECK_DB"

__all__ = ["Store", "StoreError", "NoRunError", "default_path", "ENV_VAR", "SCHEMA_VERSION"]


class StoreError(InputError):
    """The store file cannot be opened or written (reported as ``path: message``, exit 2)."""


class NoRunError(StoreError):
    """The run asked for is not in the store (or no run was saved yet)."""


def default_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "renja-check" / "renja-check.db"


class Store:
    """``required``: a save that fails raises ``StoreError`` (default when a path or $RENJA_CHECK_DB
    chose the file); when False (the default location) it is recorded in ``warning`` instead, so a
    read-only home never fails a check."""

    def __init__(self, path: Optional[Path] = None, *, required: Optional[bool] = None):
        self.path = Path(path).expanduser() if path else default_path()
        self.required = required if required is not None else bool(path or os.environ.get(ENV_VAR))
        self.warning: Optional[StoreError] = None
        self._conn: Optional[sqlite3.Connection] = None
        self._cache: dict = {}  # per-run data kept by readers (assistant); runs never change once saved
        self._checkpoint: Any = None  # the thread copying the last saved run into the file (_checkpoint_soon)

    # --- connection ---------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            # write-ahead log: a save costs no fsync of the whole file and readers (Datasette, the
            # TUI) never block a check; each run is still one atomic transaction
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            found, latest = version(conn), schema.latest()
            if found > latest:
                conn.close()
                raise StoreError(
                    str(self.path),
                    f"made by a newer renja-check (schema {found} > {latest})",
                    f"dibuat oleh renja-check yang lebih baru (skema {found} > {latest})",
                )
            if found < latest:
                migrate(conn)
            return conn
        except sqlite3.Error as exc:
            raise StoreError(
                str(self.path), f"cannot open the store: {exc}", f"basis data riwayat tidak dapat dibuka: {exc}"
            ) from None
        except OSError as exc:
            raise StoreError(
                str(self.path),
                f"cannot create the store: {exc.strerror}",
                f"basis data riwayat tidak dapat dibuat: {exc.strerror}",
            ) from None

    def close(self) -> None:
        self._wait_checkpoint()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _checkpoint_soon(self) -> None:
        """Copy the run just committed from the write-ahead log into the database file, in a
        thread: the checkpoint's disk syncs (what a close waited for) overlap with whatever the
        caller does next (rendering the report). ``close`` and the next save wait for it; on any
        error the log stays as it is and the close checkpoints as before. Durability is the
        same: the run is on disk once ``close`` returns."""
        import threading

        try:  # opened here: the thread then needs the interpreter only to start and to finish
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10, check_same_thread=False)
        except sqlite3.Error:  # pragma: no cover - the close checkpoints instead
            return

        def checkpoint() -> None:
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error:  # pragma: no cover - the close checkpoints instead
                pass
            finally:
                conn.close()  # not the last connection: no second checkpoint

        self._checkpoint = threading.Thread(target=checkpoint, name="renja-check-checkpoint", daemon=True)
        self._checkpoint.start()

    def _wait_checkpoint(self) -> None:
        if self._checkpoint is not None:
            self._checkpoint.join()
            self._checkpoint = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------
    def save_run(
        self,
        result: Any,
        *,
        inputs: Iterable[Any] = (),
        dossier: Any = None,
        report: Any = None,
        rules: Optional[Iterable[Any]] = None,
        label: Optional[str] = None,
    ) -> Optional[int]:
        """Save a run (``engine.RunResult``) in one transaction and return its id.

        ``dossier`` (the documents checked) fills documents/tables/nodes/pagu/indicators/claims;
        ``report`` (a ``CheckReport``) adds the rules run, exit code and the waivers applied.
        Returns None (and sets ``warning``) when a store that is not ``required`` cannot be written.
        """
        try:
            return self._save(result, list(inputs), dossier, report, rules, label)
        except StoreError as exc:
            if self.required:
                raise
            self.warning = exc
            return None

    def _save(self, result: Any, inputs: list, dossier: Any, report: Any, rules: Any, label: Optional[str]) -> int:
        waived = dict(getattr(report, "waived", {}) or {})
        labels = getattr(result, "tables", {}) or {}
        self._wait_checkpoint()  # one writer at a time
        try:
            with paused():  # short-lived rows only: a collection among them would find nothing
                try:
                    run_id = self._write(result, inputs, dossier, report, rules, label, waived, labels, clean=False)
                except UnicodeEncodeError:  # a file name with undecodable bytes: write it again, cleaned
                    run_id = self._write(result, inputs, dossier, report, rules, label, waived, labels, clean=True)
            self._checkpoint_soon()
            return run_id
        except sqlite3.Error as exc:
            raise StoreError(
                str(self.path),
                f"cannot save the run: {exc} (use --no-store or --db PATH)",
                f"hasil pemeriksaan tidak dapat disimpan: {exc} (pakai --no-store atau --db PATH)",
            ) from None

    def _write(self, result, inputs, dossier, report, rules, label, waived, labels, *, clean: bool) -> int:
        """One transaction writing the run; ``clean``: every text made storable first."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            conn = CleanConnection(self.conn, clean=clean)
            run_id = _save.insert_run(conn, result, inputs, report, label, dossier)
            index: list[tuple] = []
            if dossier is not None:
                index += insert_dossier(conn, run_id, dossier, labels)
            _save.insert_rules(conn, run_id, rules if rules is not None else getattr(report, "rules", ()))
            index += _save.insert_findings(conn, run_id, result.findings, waived)
            _save.insert_waivers(conn, run_id, waived)
            _save.insert_index(conn, run_id, index)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return run_id

    # --- reading ------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        """Run a parameterised SELECT; rows as dicts."""
        return [dict(r) for r in self.conn.execute(sql, tuple(params))]

    def runs(self) -> list[dict]:
        """Every run, oldest first, with its counts."""
        out = self.rows("SELECT * FROM runs ORDER BY id")
        for r in out:
            r["inputs"] = json.loads(r["inputs"] or "[]")
        return out

    def run(self, run_id: int) -> Optional[dict]:
        rows = [r for r in self.rows("SELECT * FROM runs WHERE id = ?", (int(run_id),))]
        if rows:
            rows[0]["inputs"] = json.loads(rows[0]["inputs"] or "[]")
        return rows[0] if rows else None

    def latest_run_id(self) -> Optional[int]:
        row = self.conn.execute("SELECT max(id) FROM runs").fetchone()
        return row[0] if row and row[0] is not None else None

    def resolve_run(self, run_id: Optional[int]) -> int:
        """``run_id`` checked to exist; None = the latest run. StoreError when there is none."""
        rid = self.latest_run_id() if run_id is None else int(run_id)
        if rid is None or self.run(rid) is None:
            what = "no run saved yet" if rid is None else f"no run {rid}"
            what_id = "belum ada pemeriksaan tersimpan" if rid is None else f"tidak ada pemeriksaan nomor {rid}"
            raise NoRunError(
                str(self.path), f"{what} (see: renja-check history)", f"{what_id} (lihat: renja-check history)"
            )
        return rid

    def findings(self, run_id: int) -> list[Any]:
        """The findings of a run as ``Finding`` objects, in the order they were reported."""
        from ..finding import Finding

        out = []
        cols = ", ".join((*_save.IN_COLUMNS, "message_id", "message_en", "suggestion_id", "suggestion_en"))
        for r in self.conn.execute(f"SELECT data, {cols} FROM findings WHERE run_id = ? ORDER BY id", (int(run_id),)):
            data = json.loads(r["data"])
            for k in _save.IN_COLUMNS:  # stored once, in their columns (older rows: in data as well)
                if k not in data:
                    data[k] = None if r[k] is None else json.loads(r[k])
            for k in ("message", "suggestion"):  # both languages, in their columns
                if k not in data:
                    data[k] = {"id": r[f"{k}_id"], "en": r[f"{k}_en"]}
            out.append(Finding.model_validate(data))
        return out

    def diff(self, run_a: int, run_b: int) -> dict[str, list[Any]]:
        """Findings of ``run_b`` against ``run_a`` by fingerprint: new, fixed, still open."""
        from .diff import diff_findings

        return diff_findings(self.findings(self.resolve_run(run_a)), self.findings(self.resolve_run(run_b)))
