"""The conversation's context: the subject of the last answered question, as an explicit value.

``ask(question, context=...)`` receives the context of the previous answer and returns the new
one in ``Answer.context`` (no hidden state: the TUI keeps it in the app, the CLI in the store).
It names the subject (code, name, level) and what narrowed the question (years, tables, the
documents named), so a follow-up such as "targetnya tahun 2024?" or "what about its indicator?"
is answered about the same row. A context read back from a file is untrusted: ``from_dict``
keeps only well-formed, bounded fields and gives None for anything else.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Optional

from .texts import level_text, t

_LEVELS = ("program", "kegiatan", "subkegiatan", "urusan", "bidang")
_CODE = re.compile(r"^[0-9X][0-9X.]{0,30}$")
MAX_TEXT = 300  # a name longer than this is not one the store holds


@dataclass(frozen=True)
class Context:
    code: Optional[str] = None  # the subject's code ("5.03.02.2.02.0003"); None: named only
    name: str = ""  # the subject's name as the tables print it
    level: Optional[str] = None  # program / kegiatan / subkegiatan
    intent: str = ""  # what was asked about it (pagu, indicator, ...)
    years: tuple[int, ...] = ()
    table_number: Optional[str] = None
    table_words: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()  # documents named by type ("di RKPD")
    agencies: tuple[str, ...] = ()  # documents named by agency (folded names)
    run_id: Optional[int] = None

    def describe(self, lang: str) -> str:
        """ "sub kegiatan 5.03.02.2.02.0003 Pengelolaan Promosi ASN" (what a follow-up is about)."""
        level = level_text(self.level, lang) if self.level in _LEVELS else ""
        if self.level == "program" and lang == "en":
            level = "program"
        return " ".join(p for p in (level, self.code or "", self.name) if p)

    def narrowing(self, lang: str) -> str:
        """ ", tahun 2024, di RKPD": the years and documents carried with the subject."""
        parts = []
        if self.years:
            parts.append(t("year", lang, y=", ".join(str(y) for y in self.years)).strip())
        tables = ([f"{'tabel' if lang == 'id' else 'table'} {self.table_number}"] if self.table_number else []) + [
            w.replace("_", " ") for w in self.table_words
        ]
        named = [d.upper() for d in self.doc_types] + list(self.agencies) + tables
        if named:
            parts.append(("di " if lang == "id" else "in ") + ", ".join(named))
        return "".join(f", {p}" for p in parts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("years", "table_words", "doc_types", "agencies"):
            d[k] = list(d[k])
        return d


def from_dict(d: Any) -> Optional[Context]:
    """A context from stored JSON; None when it is missing or malformed (never an exception)."""
    if not isinstance(d, dict):
        return None

    def text(key: str) -> str:
        v = d.get(key)
        return v[:MAX_TEXT] if isinstance(v, str) else ""

    def words(key: str) -> tuple[str, ...]:
        v = d.get(key)
        return tuple(w[:MAX_TEXT] for w in v[:10] if isinstance(w, str)) if isinstance(v, list) else ()

    code = text("code") or None
    if code is not None and not _CODE.match(code):
        code = None
    name = text("name")
    if not code and not name:
        return None
    years = d.get("years")
    run_id = d.get("run_id")
    return Context(
        code=code,
        name=name,
        level=text("level") if text("level") in _LEVELS else None,
        intent=text("intent")[:20],
        years=tuple(y for y in years[:5] if isinstance(y, int) and 1900 < y < 2200) if isinstance(years, list) else (),
        table_number=text("table_number")[:8] or None,
        table_words=words("table_words"),
        doc_types=words("doc_types"),
        agencies=words("agencies"),
        run_id=run_id if isinstance(run_id, int) and not isinstance(run_id, bool) else None,
    )
