"""Reading layouts as data: ``renja_check/ingest/layouts/*.yaml`` merged into one ``Layout``.

A layout file holds what differs between the templates pemda print: title patterns per
table role, the header words that make a table the plan table, column synonyms, page
furniture and code systems. Files are merged in name order: lists are joined, so a
pemda's template is added by a file that holds only what it adds (see README, "Layouts
read"). ``RENJA_CHECK_LAYOUTS`` (a folder) adds files from outside the package.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from ..structs import struct

LAYOUT_DIR = Path(__file__).resolve().parent / "layouts"
LEVELS = ("total", "urusan", "bidang", "program", "kegiatan", "subkegiatan")


@struct(frozen=True)
class CodeSystem:
    name: str
    levels: tuple[tuple[str, re.Pattern[str]], ...]  # (level, pattern) deepest last
    legacy: bool = False  # pre-2019 codes (code_status "legacy")
    unchecked: re.Pattern[str] | None = None  # codes the nomenclature cannot judge ("unresolved")

    def status_of(self, code: str) -> str:
        if self.legacy:
            return "legacy"
        return "unresolved" if self.unchecked is not None and self.unchecked.match(code) else "printed"

    def level_of(self, code: str) -> str | None:
        return next((lvl for lvl, pat in self.levels if pat.match(code)), None)


@struct
class Layout:
    names: list[str] = field(default_factory=list)
    titles: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    plan_needs_all: list[str] = field(default_factory=list)
    plan_needs_any: list[str] = field(default_factory=list)
    plan_other: list[str] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)
    furniture: list[re.Pattern[str]] = field(default_factory=list)
    code_systems: list[CodeSystem] = field(default_factory=list)
    text_titles: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)  # text reader
    agency_kinds: list[str] = field(default_factory=list)  # BADAN, DINAS, ...
    numbered: dict[str, list[dict]] = field(default_factory=dict)  # role -> column layouts by number

    def role_of_title(self, text: str, roles: tuple[str, ...] = ()) -> str | None:
        """The first role (specific forms before the generic plan titles) a title names."""
        order = [r for r in self.titles if r != "rencana"] + ["rencana"]
        for role in order:
            if roles and role not in roles:
                continue
            if any(p.search(text) for p in self.titles.get(role, [])):
                return role
        return None

    def column_role(self, text: str) -> list[str]:
        low = " ".join(text.lower().split())
        return [role for role, words in self.columns.items() if any(_has(low, w) for w in words)]

    def is_furniture(self, text: str) -> bool:
        return any(p.search(text) for p in self.furniture)


def _has(low: str, word: str) -> bool:
    return re.search(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", low) is not None


def _files() -> list[Path]:
    files = sorted(LAYOUT_DIR.glob("*.yaml"))
    extra = os.environ.get("RENJA_CHECK_LAYOUTS")
    if extra and Path(extra).is_dir():
        files += sorted(Path(extra).glob("*.yaml"))
    return files


@lru_cache(maxsize=1)
def load_layout() -> Layout:
    import yaml

    lay = Layout()
    for path in _files():
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when built
        merge(lay, yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {})
    return lay


def merge(lay: Layout, data: dict) -> Layout:
    """Add one layout file's content to ``lay`` (lists joined, nothing replaced)."""
    lay.names.append(str(data.get("name", "?")))
    for role, pats in (data.get("titles") or {}).items():
        lay.titles.setdefault(role, []).extend(re.compile(p, re.I) for p in pats)
    head = data.get("plan_header") or {}
    lay.plan_needs_all += [w.lower() for w in head.get("needs_all", [])]
    lay.plan_needs_any += [w.lower() for w in head.get("needs_any", [])]
    lay.plan_other += [w.lower() for w in head.get("other", [])]
    for role, words in (data.get("columns") or {}).items():
        lay.columns.setdefault(role, []).extend(w.lower() for w in words)
    lay.furniture += [re.compile(p, re.I) for p in data.get("furniture", [])]
    lay.agency_kinds += [k for k in data.get("agency_kinds", []) if k not in lay.agency_kinds]
    lay.text_titles += [
        (t[0], re.compile(t[1], re.I if "ignorecase" in t[2:] else 0)) for t in data.get("text_titles", [])
    ]
    for role, specs in (data.get("numbered_tables") or {}).items():
        for spec in specs:
            lay.numbered.setdefault(role, []).append(
                {
                    "name": str(spec.get("name", "?")),
                    "columns": {str(k): v for k, v in (spec.get("columns") or {}).items()},
                    "formulas": {str(k): v for k, v in (spec.get("formulas") or {}).items()},
                    "needs": [str(n) for n in spec.get("needs", [])],
                    "header": [str(w) for w in spec.get("header", [])],
                }
            )
    for cs in data.get("code_systems", []):
        levels = tuple((lvl, re.compile(pat)) for lvl, pat in cs["levels"].items() if lvl in LEVELS)
        unchecked = re.compile(cs["unchecked"]) if cs.get("unchecked") else None
        lay.code_systems.append(CodeSystem(cs["name"], levels, bool(cs.get("legacy")), unchecked))
    return lay
