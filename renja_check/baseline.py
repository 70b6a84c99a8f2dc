"""Baselines and waivers: accepting known findings without hiding new ones.

A **baseline** (JSON, written by ``check --write-baseline``) lists the fingerprints of the
findings a team has accepted for now; findings whose fingerprint is in it are suppressed
(not shown, not counted) and the report says how many were suppressed.

A **waiver** file (YAML) accepts single findings on purpose, with a reason a reviewer can
read::

    - rule: PG01
      fingerprint: 3f2a9c0d1e4b5a67
      reason: "Selisih pembulatan, disetujui tim verifikasi 2023-03-01"
      expires: 2024-12-31        # optional; an expired waiver no longer applies

A waived finding is still reported (marked waived, with the reason) but never counts for
the exit code. A waiver that matches no finding is *unused* and one past its date is
*expired*; both are reported so stale waivers get cleaned up.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterable, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .errors import InputError
from .finding import Finding
from .outfile import write_atomic
from .ruleset import _LineLoader, _strip_lines

BASELINE_VERSION = 1


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(min_length=1)
    fingerprint: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    expires: Optional[dt.date] = None
    where: str = Field(default="", exclude=True)  # file:line, filled by the loader

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "fingerprint": self.fingerprint,
            "reason": self.reason,
            "expires": self.expires.isoformat() if self.expires else None,
            "where": self.where,
        }


class Screened(BaseModel):
    """Findings after baseline and waivers: what the report shows and what it set aside."""

    findings: list[Finding]  # shown; waived ones included (see ``waived``)
    waived: dict[str, Waiver] = Field(default_factory=dict)  # fingerprint -> waiver applied
    suppressed: int = 0  # findings removed because their fingerprint is in the baseline
    unused_waivers: list[Waiver] = Field(default_factory=list)
    expired_waivers: list[Waiver] = Field(default_factory=list)


# --- baseline -------------------------------------------------------------------------------


def baseline_document(findings: Iterable[Finding], lang: str = "id") -> dict:
    """The JSON written by ``--write-baseline``: fingerprints plus rule and message for humans."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "table": f.table,
                "locator": f.locator,
                "message": f.text(lang),
            }
            for f in findings
        ),
        key=lambda e: (e["rule"], e["fingerprint"]),
    )
    return {
        "tool": {"name": "renja-check", "version": __version__},
        "baseline_version": BASELINE_VERSION,
        "findings": entries,
    }


def write_baseline(path: Path, findings: Iterable[Finding], lang: str = "id") -> int:
    doc = baseline_document(findings, lang)
    write_atomic(Path(path), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")  # temp file + rename
    return len(doc["findings"])


def load_baseline(path: Path) -> set[str]:
    """Fingerprints of a baseline file; a missing or malformed file is an ``InputError``."""
    text = _read(path, "baseline")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}", f"baseline is not valid JSON: {exc.msg}", f"baseline bukan JSON yang sah: {exc.msg}"
        ) from None
    except (RecursionError, ValueError) as exc:  # nesting too deep, an integer of thousands of digits
        deep = isinstance(exc, RecursionError)
        en, id_ = (
            ("nested too deeply", "bersarang terlalu dalam") if deep else ("a number too long", "angka terlalu panjang")
        )
        raise InputError(
            str(path), f"baseline is not valid JSON: {en}", f"baseline bukan JSON yang sah: {id_}"
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(
            str(path),
            "baseline must be an object with a 'findings' list "
            "(write one with: renja-check check --write-baseline FILE)",
            "baseline harus berupa objek dengan daftar 'findings' "
            "(buat dengan: renja-check check --write-baseline BERKAS)",
        )
    prints: set[str] = set()
    for i, e in enumerate(entries, start=1):
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if not isinstance(fp, str) or not fp:
            raise InputError(
                str(path),
                f"baseline entry {i} has no 'fingerprint'",
                f"entri baseline ke-{i} tidak memiliki 'fingerprint'",
            )
        prints.add(fp)
    return prints


# --- waivers --------------------------------------------------------------------------------


def load_waivers(path: Path) -> list[Waiver]:
    """Waivers of a YAML file (a list of {rule, fingerprint, reason, expires?})."""
    text = _read(path, "waiver")
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(where, f"invalid YAML: {problem}", f"YAML tidak sah: {problem}") from None
    except RecursionError:
        raise InputError(
            str(path), "invalid YAML: nested too deeply", "YAML tidak sah: bersarang terlalu dalam"
        ) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(
            f"{path}:1",
            "a waiver file is a YAML list of {rule, fingerprint, reason, expires}",
            "berkas waiver berupa daftar YAML {rule, fingerprint, reason, expires}",
        )
    waivers = []
    for i, entry in enumerate(data, start=1):
        line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
        where = f"{path}:{line}" if line else str(path)
        if not isinstance(entry, dict):
            raise InputError(where, f"waiver {i} is not a mapping", f"waiver ke-{i} bukan pemetaan")
        fields = _strip_lines(entry)
        if "where" in fields:  # filled by the loader, never written by hand
            raise InputError(
                where,
                f"waiver {i}: where: Extra inputs are not permitted",
                f"waiver ke-{i}: where: kolom tidak dikenal",
            )
        try:
            waivers.append(Waiver(**fields, where=where))
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "waiver"
            raise InputError(
                where, f"waiver {i}: {field}: {err['msg']}", f"waiver ke-{i}: {field}: {err['msg']}"
            ) from None
    return waivers


def screen(
    findings: list[Finding],
    baseline: Optional[set[str]] = None,
    waivers: Optional[list[Waiver]] = None,
    today: Optional[dt.date] = None,
) -> Screened:
    """Drop baselined findings, mark waived ones, list unused and expired waivers."""
    today = today or dt.date.today()
    baseline = baseline or set()
    kept = [f for f in findings if f.fingerprint not in baseline]
    present = {(f.rule, f.fingerprint) for f in findings}
    waived: dict[str, Waiver] = {}
    unused, expired = [], []
    for w in waivers or []:
        if (w.rule, w.fingerprint) not in present:
            unused.append(w)
        elif w.expired(today):
            expired.append(w)
        else:
            waived[w.fingerprint] = w
    return Screened(
        findings=kept,
        waived=waived,
        suppressed=len(findings) - len(kept),
        unused_waivers=unused,
        expired_waivers=expired,
    )


def _read(path: Path, what: str) -> str:
    from .ingest.common import MAX_JSON_BYTES, read_bytes  # type and size checked, read bounded

    path = Path(path)
    data = read_bytes(path, MAX_JSON_BYTES, what=what, empty_ok=True)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), f"{what} file is not UTF-8 text", f"berkas {what} bukan teks UTF-8") from None
