"""Citations: where a figure stands (document, table, row, source lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .data import RunData
from .texts import T
from .types import Citation


def _lines(start: Optional[int], end: Optional[int], lang: str) -> str:
    if not start:
        return ""
    span = f"{start}" if not end or end == start else f"{start}-{end}"
    return f", {T['line'][lang]} {span}"


def node(data: RunData, n: dict, lang: str, span: Optional[dict] = None) -> Citation:
    span = span or n
    doc = data.documents.get(n["document_id"], {})
    label = data.table_label(n["document_id"], n["table_id"], lang) + _lines(span["line_start"], span["line_end"], lang)
    return Citation(
        document=doc.get("path", ""),
        table=n["table_id"],
        locator=n["node_id"],
        line_start=span["line_start"],
        line_end=span["line_end"],
        page=span.get("page"),
        fingerprint=None,
        label=label,
    )


def table(data: RunData, t: dict, lang: str) -> Citation:
    doc = data.documents.get(t["document_id"], {})
    label = data.table_label(t["document_id"], t["table_id"], lang) + _lines(t["line_start"], t["line_end"], lang)
    return Citation(
        document=doc.get("path", ""),
        table=t["table_id"],
        locator=None,
        line_start=t["line_start"],
        line_end=t["line_end"],
        page=t["page"],
        fingerprint=None,
        label=label,
    )


def claim(data: RunData, c: dict, lang: str) -> Citation:
    doc = data.documents.get(c["document_id"], {})
    where = f"{Path(doc.get('path', '')).name}{_lines(c['line_start'], c['line_end'], lang)}"
    return Citation(
        document=doc.get("path", ""),
        table=c.get("refers_to"),
        locator=c["claim_id"],
        line_start=c["line_start"],
        line_end=c["line_end"],
        page=c["page"],
        fingerprint=None,
        label=" ".join(f"{'narasi' if lang == 'id' else 'text'} {c.get('section') or ''} ({where})".split()),
    )


def finding(data: RunData, f: dict, lang: str) -> Citation:
    doc_id = next((d for d, row in data.documents.items() if row["path"] == f["document"]), None)
    where = data.table_label(doc_id, f["table_id"], lang) if doc_id is not None else (f["table_id"] or "")
    label = f"{f['rule']} {where}{_lines(f['line_start'], f['line_end'], lang)}".strip()
    return Citation(
        document=f["document"] or "",
        table=f["table_id"],
        locator=f["locator"],
        line_start=f["line_start"],
        line_end=f["line_end"],
        page=f["page"],
        fingerprint=f["fingerprint"],
        label=label,
    )


def reference(path: str, row: dict, locator: str, label: str, lang: str) -> Citation:
    line = row.get("line")
    return Citation(
        document=path,
        table=None,
        locator=locator,
        line_start=line,
        line_end=line,
        page=None,
        fingerprint=None,
        label=f"{label} ({Path(path).name}{_lines(line, line, lang)})",
    )
