"""Labels and value formatting shared by the human-readable formats (text, markdown)."""

from __future__ import annotations

from typing import Any

from ..numbers import format_int

LABELS: dict[str, dict[str, str]] = {
    "error": {"id": "galat", "en": "error"},
    "warning": {"id": "peringatan", "en": "warning"},
    "info": {"id": "info", "en": "info"},
    "expected": {"id": "diharapkan", "en": "expected"},
    "found": {"id": "ditemukan", "en": "found"},
    "difference": {"id": "selisih", "en": "difference"},
    "evidence": {"id": "bukti", "en": "evidence"},
    "suggestion": {"id": "saran", "en": "suggestion"},
    "waived": {"id": "dikecualikan (waiver)", "en": "waived"},
    "waived_n": {"id": "dikecualikan (waiver)", "en": "waived"},
    "summary": {"id": "Ringkasan", "en": "Summary"},
    "per_rule": {"id": "per aturan", "en": "per rule"},
    "documents": {"id": "dokumen", "en": "documents"},
    "rules_run": {"id": "aturan dijalankan", "en": "rules run"},
    "suppressed": {"id": "ditekan oleh baseline", "en": "suppressed by the baseline"},
    "no_table": {"id": "(di luar tabel)", "en": "(not in a table)"},
    "no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "findings": {"id": "temuan", "en": "findings"},
    "location": {"id": "lokasi", "en": "location"},
    "severity": {"id": "tingkat", "en": "severity"},
    "rule": {"id": "aturan", "en": "rule"},
    "message": {"id": "pesan", "en": "message"},
    "table": {"id": "tabel", "en": "table"},
    "total": {"id": "jumlah", "en": "total"},
    "warnings": {"id": "peringatan proses", "en": "run warnings"},
    "seconds": {"id": "dtk", "en": "s"},
    "inputs": {"id": "masukan", "en": "inputs"},
}


def label(key: str, lang: str) -> str:
    entry = LABELS[key]
    return entry.get(lang) or entry["id"]


def fmt_value(value: Any, lang: str = "id") -> str:
    """A value for people: integers grouped (1.234.567 / 1,234,567), None as '-'."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        if abs(value) < 10_000:  # years, counts, line numbers: no grouping
            return str(value)
        return format_int(value) if lang == "id" else f"{value:,}"
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "id" else text
    if isinstance(value, dict):
        return ", ".join(f"{k}={fmt_value(v, lang)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt_value(v, lang) for v in value)
    return str(value)


def expected_found(f: Any, lang: str = "id", sep: str = "; ") -> str:
    """ "expected: X; found: Y; difference: Z" (difference only when the finding has one)."""
    parts = [
        f"{label('expected', lang)}: {fmt_value(f.expected, lang)}",
        f"{label('found', lang)}: {fmt_value(f.found, lang)}",
    ]
    if f.difference is not None:
        parts.append(f"{label('difference', lang)}: {fmt_value(f.difference, lang)}")
    return sep.join(parts)


def has_values(f: Any) -> bool:
    return f.expected is not None or f.found is not None or f.difference is not None


def severity_counts(per_severity: dict[str, int], lang: str = "id") -> str:
    """ "galat: 2, peringatan: 1, info: 0"."""
    return ", ".join(f"{label(k, lang)}: {per_severity.get(k, 0)}" for k in ("error", "warning", "info"))
