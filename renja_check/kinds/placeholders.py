"""Which placeholders a rule's message templates may use, checked when rules are loaded.

Every template gets the values ``Context.finding`` always supplies (``BASE``); a kind adds
its own (``KIND``, each also with an ``_en`` twin for the English text). A placeholder
outside both is a typo that would print ``{name}`` verbatim, so loading the rule fails with
file:line instead. A kind missing from ``KIND`` (a new one) gets only the syntax check: add
it here when its values are settled.
"""

from __future__ import annotations

import string
from typing import Any, Optional

from ..errors import InputError

BASE = frozenset({"table", "table_id", "name", "code", "expected", "found", "difference", "line"})

KIND: dict[str, frozenset[str]] = {
    "cells": frozenset({"cell", "node", "note", "problem", "raw", "table"}),
    "claim": frozenset(
        {
            "claimed",
            "fallback_txt",
            "listed",
            "listed_txt",
            "listing",
            "near_txt",
            "raw",
            "raws",
            "ref_txt",
            "rows_txt",
            "section",
            "sentence",
            "subject",
            "table",
            "usulan",
            "values",
            "wanted",
            "with_pagu",
            "year",
            "zero_txt",
        }
    ),
    "compound_values": frozenset({"first", "indicator", "n", "node"}),
    "cross_table": frozenset(
        {
            "Node",
            "a",
            "b",
            "change",
            "changes",
            "conclusion",
            "difference",
            "explained",
            "indicator",
            "n_rows",
            "node",
            "origin_txt",
            "pagu_txt",
            "pattern",
            "rows_txt",
            "scope",
            "table_a",
            "table_b",
            "total_a",
            "total_b",
            "where",
            "year",
            "year_txt",
        }
    ),
    "cross_document": frozenset(
        {
            "Node",
            "a",
            "assigned_to",
            "b",
            "changes",
            "column",
            "end",
            "gap",
            "indicator",
            "node",
            "other",
            "other_year",
            "pagu",
            "pattern",
            "period",
            "recoded_txt",
            "renja",
            "rows_txt",
            "scope",
            "table_a",
            "table_b",
            "what",
            "year",
            "year_txt",
        }
    ),
    "identity": frozenset({"lines", "raw", "stated", "where", "year"}),
    "kegiatan_outputs": frozenset({"bound", "expected_txt", "indicator", "n", "node", "target", "target_unit", "year"}),
    "prose_arithmetic": frozenset(
        {"a", "b", "cells", "computed", "n", "node", "printed", "raw", "stated", "sum", "total", "what"}
    ),
    "formula": frozenset(
        {
            "alternative",
            "cause",
            "column",
            "column_label",
            "diff",
            "formula",
            "formulas",
            "inputs",
            "last_column",
            "printed",
            "reading",
            "recomputed",
            "row",
            "stock",
            "table",
            "then",
            "total",
            "units",
        }
    ),
    "nomenclature": frozenset(
        {
            "agency_bidang",
            "bidang",
            "budget_code",
            "budgeted",
            "code1",
            "code2",
            "diff",
            "diff_id",
            "direction",
            "direction_id",
            "edition",
            "edition_id",
            "first",
            "level",
            "level_id",
            "listed_code",
            "listed_name",
            "name1",
            "name2",
            "official",
            "official_parent",
            "other_code",
            "parent_code",
            "parent_level",
            "parent_name",
            "standard",
            "table",
            "table1",
            "table2",
            "year",
        }
    ),
    "notes": frozenset({"note", "note_code", "table"}),
    "required": frozenset(
        {"cols", "indicator", "node", "pagu", "pagu_txt", "table", "target", "target_txt", "what", "year"}
    ),
    "sum": frozenset(
        {
            "addends",
            "bad",
            "cells",
            "difference",
            "empty_txt",
            "node",
            "partial",
            "printed",
            "sum",
            "table",
            "year",
            "year_txt",
        }
    ),
    "uniqueness": frozenset({"code", "codes", "level", "lines", "name", "names", "official", "table", "times"}),
    "unit": frozenset({"a", "b", "indicator", "node", "noun", "table", "table_a", "table_b", "unit", "units"}),
}


def template_problem(template: str, kind: str) -> Optional[str]:
    """Why ``template`` cannot be rendered for ``kind`` (English, one line), or None."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        return f"bad template: {exc} (write a literal brace as {{{{ or }}}})"
    known = KIND.get(kind)
    for field in fields:
        name = field.split(".")[0].split("[")[0]
        if not name:
            return "bad template: empty placeholder {} (name the value, e.g. {found})"
        if known is None:
            continue
        stem = name[:-3] if name.endswith("_en") else name
        if stem not in BASE and stem not in known:
            allowed = ", ".join(sorted(BASE | known))
            return f"unknown placeholder {{{name}}} (known: {allowed})"
    return None


def check_templates(rule: Any, entry: dict, where: str) -> None:
    """``InputError`` at ``file:line`` of the first message or suggestion template of ``rule``
    that cannot be rendered (``entry`` is the rule's YAML mapping with ``__line__`` marks)."""
    group = (entry.get("params") or {}).get("group")  # cross_table catatan: the grouped finding's templates
    places = [(field, getattr(rule, field), entry.get(field)) for field in ("message", "suggestion")]
    if isinstance(group, dict):
        places += [(f"params.group.{field}", group.get(field), group.get(field)) for field in ("message", "suggestion")]
    for field, texts, sub in places:
        for lang, text in (texts or {}).items():
            problem = template_problem(text, rule.kind) if lang != "__line__" and isinstance(text, str) else None
            if problem:
                line = sub.get("__line__") if isinstance(sub, dict) else None
                at = f"{where.rsplit(':', 1)[0]}:{line}" if line else where
                raise InputError(at, f"{field}.{lang}: {problem}")
