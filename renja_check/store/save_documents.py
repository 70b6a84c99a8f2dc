"""Writing the documents of a checked run: each document, its tables, nodes, pagu, indicator
targets and claims, and the text-index rows they give (names, indicators, units).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .save_values import encode_json, insert_row, insert_rows, span_cols

DOCUMENT_COLS = tuple(
    "run_id path format sha256 doc_type pemda perangkat_daerah kode_skpd bidang year forward_year lines".split()
)


def insert_dossier(conn: sqlite3.Connection, run_id: int, dossier: Any, labels: dict) -> list[tuple]:
    """Documents and everything in them; returns the text-index rows (kind, ref, text)."""
    index: list[tuple] = []
    for doc in dossier.documents:
        doc_id = insert_row(
            conn,
            "documents",
            DOCUMENT_COLS,
            (
                run_id,
                doc.source.path,
                doc.source.format,
                doc.source.sha256,
                doc.doc_type,
                doc.pemda,
                doc.perangkat_daerah,
                doc.kode_skpd,
                encode_json(list(doc.bidang)),
                doc.year,
                doc.forward_year,
                doc.source.lines,
            ),
        )
        tables, nodes, pagu, inds = [], [], [], []
        for t in doc.tables:
            names = labels.get(t.id) or {}
            tables.append(
                (
                    run_id,
                    doc_id,
                    t.id,
                    t.number,
                    t.title,
                    names.get("id"),
                    names.get("en"),
                    t.role,
                    t.side,
                    t.pair,
                    encode_json(list(t.years)),
                    t.money_scale,
                    int(bool(t.complete)),
                    len(t.nodes),
                    *span_cols(t.span),
                )
            )
            for pos, n in enumerate(t.nodes):
                nodes.append(
                    (
                        run_id,
                        doc_id,
                        t.id,
                        n.id,
                        n.parent,
                        pos,
                        n.level,
                        n.code,
                        n.code_printed,
                        n.code_status,
                        n.name,
                        n.name_printed,
                        n.ordinal,
                        n.lokasi,
                        n.sumber_dana,
                        n.catatan,
                        n.keterangan,
                        *span_cols(n.span),
                    )
                )
                if n.name:
                    index.append(("name", n.id, n.name if not n.code else f"{n.code} {n.name}"))
                for year, m in n.pagu.items():
                    pagu.append((run_id, doc_id, t.id, n.id, str(year), m.value, m.raw, m.status, m.scale))
                for i, ind in enumerate(n.indicators):
                    if ind.text:
                        index.append(("indicator", n.id, ind.text))
                    targets = list(ind.targets.items()) or [(None, None)]
                    for year, q in targets:
                        inds.append(
                            (
                                run_id,
                                doc_id,
                                t.id,
                                n.id,
                                i,
                                ind.text,
                                year,
                                q.raw if q else None,
                                str(q.value) if q and q.value is not None else None,
                                q.unit if q else None,
                                q.status if q else None,
                                *span_cols(ind.span or n.span),
                            )
                        )
                        if q is not None and q.unit:
                            index.append(("unit", n.id, q.unit))
        insert_rows(
            conn,
            "tables",
            (
                "run_id",
                "document_id",
                "table_id",
                "number",
                "title",
                "label_id",
                "label_en",
                "role",
                "side",
                "pair",
                "years",
                "money_scale",
                "complete",
                "rows",
                "line_start",
                "line_end",
                "page",
            ),
            tables,
        )
        insert_rows(
            conn,
            "nodes",
            (
                "run_id",
                "document_id",
                "table_id",
                "node_id",
                "parent_node_id",
                "position",
                "level",
                "code",
                "code_printed",
                "code_status",
                "name",
                "name_printed",
                "ordinal",
                "lokasi",
                "sumber_dana",
                "catatan",
                "keterangan",
                "line_start",
                "line_end",
                "page",
            ),
            nodes,
        )
        insert_rows(
            conn,
            "pagu",
            ("run_id", "document_id", "table_id", "node_id", "year", "value", "raw", "status", "scale"),
            pagu,
        )
        insert_rows(
            conn,
            "indicators",
            (
                "run_id",
                "document_id",
                "table_id",
                "node_id",
                "position",
                "text",
                "year",
                "target_raw",
                "target_value",
                "unit",
                "status",
                "line_start",
                "line_end",
                "page",
            ),
            inds,
        )
        insert_rows(
            conn,
            "claims",
            (
                "run_id",
                "document_id",
                "claim_id",
                "kind",
                "subject",
                "value",
                "raw",
                "sentence",
                "year",
                "section",
                "qualifier",
                "refers_to",
                "line_start",
                "line_end",
                "page",
            ),
            (
                (
                    run_id,
                    doc_id,
                    c.id,
                    c.kind,
                    c.subject,
                    c.value,
                    c.raw,
                    c.sentence,
                    c.year,
                    c.section,
                    c.qualifier,
                    c.refers_to,
                    *span_cols(c.span),
                )
                for c in doc.claims
            ),
        )
    return index
