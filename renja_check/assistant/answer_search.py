"""Free-text search (FTS5) over the run's names, indicators, units and findings, with citations."""

from __future__ import annotations

from ..store.search import fts
from . import cite
from .data import RunData
from .parse import Query
from .texts import t
from .types import Answer, Builder

LIMIT = 15
KIND_LABEL = {
    "name": {"id": "nama", "en": "name"},
    "indicator": {"id": "indikator", "en": "indicator"},
    "unit": {"id": "satuan", "en": "unit"},
    "finding": {"id": "temuan", "en": "finding"},
}


def search(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    kinds = (["indicator", "unit"] if q.wants("indicator") else []) + (["finding"] if q.wants("findings") else [])
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    hits = fts(data.store.conn, data.run["id"], q.name, kinds=kinds, limit=LIMIT * 4)
    lines = []
    for h in hits:
        if h["kind"] == "finding":
            for f in (f for f in data.findings if f["fingerprint"] == h["ref"]):
                lines.append(
                    (
                        f"- {KIND_LABEL['finding'][b.lang]} {f['rule']}: "
                        f"{f.get('message_' + b.lang) or f['message_id']}",
                        cite.finding(data, f, b.lang),
                    )
                )
            continue
        for n in data.by_node_id.get(h["ref"], []):
            if keys and (n["document_id"], n["table_id"]) not in keys:
                continue
            label = data.table_label(n["document_id"], n["table_id"], b.lang)
            what = f"{n['code']} {n['name']}" if n["code"] else n["name"]
            extra = f" — {h['text']}" if h["kind"] != "name" else ""
            lines.append((f"- {KIND_LABEL[h['kind']][b.lang]}: {what}{extra} ({label})", cite.node(data, n, b.lang)))
    lines = list(dict.fromkeys(lines))
    if not lines:
        b.add(t("not_found", b.lang, what=q.name))
        return b.answer(found=False)
    b.add(t("search_head", b.lang, what=q.name, n=len(lines)))
    for text, c in lines[:LIMIT]:
        b.add(text if len(text) <= 300 else text[:297] + "...", c)
    if len(lines) > LIMIT:
        b.add(t("more", b.lang, n=len(lines) - LIMIT))
    return b.answer()
