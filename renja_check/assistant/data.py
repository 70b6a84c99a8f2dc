"""One saved run, loaded once from the store and indexed for questions (cached on the Store)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..store.search import NameIndex
from ..store.terms import fold

LEVEL_WORDS = frozenset({"program", "kegiatan", "sub", "subkegiatan", "urusan", "bidang"})
# ignored on both sides of a name comparison: level words and function words
NAME_NOISE = LEVEL_WORDS | frozenset(
    {"dan", "atau", "di", "untuk", "yang", "serta", "beserta", "pada", "dalam", "bagi", "the", "of", "and", "for", "in"}
)
MONEY_LEVELS = ("total", "urusan", "bidang", "program", "kegiatan", "subkegiatan")


@dataclass
class RunData:
    run: dict
    documents: dict[int, dict]
    tables: list[dict]  # reading order
    nodes: list[dict]  # each with "pagu": {year: row} and "indicators": [row]
    findings: list[dict]
    rules: dict[str, dict]
    claims: list[dict] = field(default_factory=list)
    names: NameIndex = field(default_factory=lambda: NameIndex(ignore=NAME_NOISE))
    by_code: dict[str, list[dict]] = field(default_factory=dict)
    by_node: dict[tuple[int, str], dict] = field(default_factory=dict)
    by_node_id: dict[str, list[dict]] = field(default_factory=dict)  # node id -> nodes (any document)
    _ranks: dict = field(default_factory=dict)
    _by_table: dict = field(default_factory=dict)
    _agency: dict = field(default_factory=dict)
    store: Any = None  # the Store read from (for full-text search)
    vocabulary: frozenset = frozenset()  # folded words of every name (kept in name queries)

    def table(self, document_id: int, table_id: Optional[str]) -> Optional[dict]:
        return next((t for t in self.tables if t["document_id"] == document_id and t["table_id"] == table_id), None)

    def table_label(self, document_id: int, table_id: Optional[str], lang: str) -> str:
        """ "Tabel 2.5 (Rancangan Awal RKPD)"; with the document's name when the run read several."""
        t = self.table(document_id, table_id)
        if t is None:
            label = table_id or ("(di luar tabel)" if lang == "id" else "(outside tables)")
        else:
            label = t.get(f"label_{lang}") or t.get("label_id") or t["table_id"]
        if len(self.documents) > 1 and document_id in self.documents:
            doc = self.documents[document_id]
            label += f" — {doc.get('perangkat_daerah') or Path(doc['path']).name}"
        return label

    def rank(self, n: dict) -> tuple:
        """Reading order of a node (or finding-like row with document_id/table_id/position)."""
        key = (n.get("document_id"), n.get("table_id"))
        if not self._ranks:
            self._ranks.update({(t["document_id"], t["table_id"]): i for i, t in enumerate(self.tables)})
        return (self._ranks.get(key, len(self._ranks)), n.get("position") or 0)

    def rows(self, t: dict) -> list[dict]:
        """The nodes of a table (``t`` any row with document_id / table_id), in reading order."""
        if not self._by_table:
            for n in self.nodes:
                self._by_table.setdefault((n["document_id"], n["table_id"]), []).append(n)
            for rows in self._by_table.values():
                rows.sort(key=lambda n: n["position"] or 0)
        return self._by_table.get((t["document_id"], t["table_id"]), [])

    def agency(self, document_id: int) -> str:
        """Which agency a document belongs to, for comparisons: one key for the whole run when it
        holds at most one agency (a PD's dossier), else the agency (kode SKPD or name) or the document."""
        if not self._agency:
            keys = {i: (d.get("kode_skpd") or fold(d.get("perangkat_daerah") or "")) for i, d in self.documents.items()}
            several = len({k for k in keys.values() if k}) > 1
            self._agency.update({i: (k or f"doc{i}") if several else "*" for i, k in keys.items()})
        return self._agency.get(document_id, "*")

    def claims_of(self, kind: str, subjects: list) -> list[dict]:
        return [c for c in self.claims if c["kind"] == kind and (c["subject"] in subjects or not subjects)]

    @property
    def plan_year(self) -> Optional[int]:
        return next((d["year"] for d in self.documents.values() if d["year"]), None)

    @property
    def forward_year(self) -> Optional[int]:
        return next((d["forward_year"] for d in self.documents.values() if d["forward_year"]), None)


def load_run(store: Any, run_id: int) -> RunData:
    key = ("assistant-run", run_id)
    cached = store._cache.get(key)
    if cached is None:
        cached = store._cache[key] = _load(store, run_id)
    return cached


def _load(store: Any, run_id: int) -> RunData:
    q = store.rows
    run = q("SELECT * FROM runs WHERE id = ?", (run_id,))[0]
    documents = {d["id"]: d for d in q("SELECT * FROM documents WHERE run_id = ? ORDER BY id", (run_id,))}
    tables = q("SELECT * FROM tables WHERE run_id = ? ORDER BY document_id, line_start, id", (run_id,))
    nodes = q("SELECT * FROM nodes WHERE run_id = ? ORDER BY id", (run_id,))
    data = RunData(
        run=run,
        documents=documents,
        tables=tables,
        nodes=nodes,
        findings=q("SELECT * FROM findings WHERE run_id = ? ORDER BY id", (run_id,)),
        rules={r["code"]: r for r in q("SELECT * FROM rules WHERE run_id = ? ORDER BY id", (run_id,))},
        claims=q("SELECT * FROM claims WHERE run_id = ? ORDER BY id", (run_id,)),
    )
    data.store = store
    for n in nodes:
        n["pagu"], n["indicators"] = {}, []
        data.by_node[(n["document_id"], n["node_id"])] = n
        data.by_node_id.setdefault(n["node_id"], []).append(n)
        if n["code"]:
            data.by_code.setdefault(n["code"], []).append(n)
        if n["name"] and n["level"] not in ("total",):
            data.names.add(n["name"], n)
    data.vocabulary = frozenset(w for k in data.names.keys for w in k.split())
    for p in q("SELECT * FROM pagu WHERE run_id = ? ORDER BY id", (run_id,)):
        n = data.by_node.get((p["document_id"], p["node_id"]))
        if n is not None:
            n["pagu"][p["year"]] = p
    for i in q("SELECT * FROM indicators WHERE run_id = ? ORDER BY id", (run_id,)):
        n = data.by_node.get((i["document_id"], i["node_id"]))
        if n is not None:
            n["indicators"].append(i)
    for f in data.findings:
        for k in ("expected", "found", "evidence"):
            f[k] = json.loads(f[k]) if f[k] else None
    return data
