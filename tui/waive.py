"""Waive a finding from the TUI: append an entry to a waiver YAML file.

The file keeps the format ``renja_check.baseline.load_waivers`` reads (and
``renja-check check --waivers`` applies): a list of {rule, fingerprint, reason, expires?}.
Entries are appended as text so comments and order in a hand-kept file survive; the
file is read back afterwards, so a file that no longer loads is reported at once.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

from renja_check.baseline import Waiver, load_waivers
from renja_check.finding import Finding

DEFAULT_WAIVERS = Path("renja-waivers.yaml")


def add_waiver(path: Path, finding: Finding, reason: str, expires: Optional[dt.date] = None, note: str = "") -> Waiver:
    """Append a waiver for ``finding``; returns it as the loader reads it back."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValueError("a waiver needs a reason")
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    lines = []
    if note:
        lines.append(f"# {' '.join(note.split())[:160]}")
    lines += [
        f"- rule: {finding.rule}",
        f"  fingerprint: {json.dumps(finding.fingerprint)}",
        f"  reason: {json.dumps(reason, ensure_ascii=False)}",
    ]
    if expires is not None:
        lines.append(f"  expires: {expires.isoformat()}")
    sep = "" if not existing or existing.endswith("\n") else "\n"
    path.write_text(existing + sep + "\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_waivers(path)
    return next(w for w in reversed(loaded) if w.fingerprint == finding.fingerprint and w.rule == finding.rule)


def parse_date(text: str) -> Optional[dt.date]:
    """'' -> None; 'YYYY-MM-DD' -> date; anything else raises ValueError."""
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None
