"""The document view's data: program > kegiatan > sub kegiatan of each document, merged
over its tables by code, with the pagu each table prints for the plan year.

An item is *mismatched* when the tables that print a pagu for it disagree, or when a
finding points at one of its rows. Nothing here knows a particular document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from renja_check.finding import Finding
from renja_check.models import Document, Dossier, Node, Table

LEVELS = ("program", "kegiatan", "subkegiatan")
PARENT = {"kegiatan": "program", "subkegiatan": "kegiatan"}


@dataclass
class Item:
    key: str  # document index + code: unique in the dossier
    code: str
    name: str
    level: str
    pagu: dict[str, Optional[int]] = field(default_factory=dict)  # table id -> rupiah (plan year)
    node_ids: list[str] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)
    findings: int = 0

    @property
    def mismatched(self) -> bool:
        values = {v for v in self.pagu.values() if v is not None}
        return len(values) > 1 or self.findings > 0

    def inner_mismatches(self) -> int:
        """How many rows below this one are mismatched (shown on a folded row)."""
        return sum(c.mismatched + c.inner_mismatches() for c in self.children)


@dataclass
class DocOutline:
    index: int
    document: Document
    year: Optional[int]
    items: list[Item]  # programs (with their kegiatan and sub kegiatan)
    by_node: dict[str, Item]  # node id -> item
    by_code: dict[str, Item] = field(default_factory=dict)

    def label(self) -> str:
        d = self.document
        name = d.perangkat_daerah or d.source.path.rsplit("/", 1)[-1]
        return f"{name} ({d.year})" if d.year else name

    def mismatches(self) -> int:
        return sum(i.mismatched + i.inner_mismatches() for i in self.items)


def plan_year(doc: Document) -> Optional[int]:
    if doc.year:
        return doc.year
    years = [y for t in doc.tables for y in t.years]
    return max(years) if years else None


def outline(dossier: Dossier, findings: list[Finding]) -> list[DocOutline]:
    per_locator: dict[str, int] = {}
    for f in findings:
        if f.locator:
            per_locator[f.locator] = per_locator.get(f.locator, 0) + 1
    return [_document(i, doc, per_locator) for i, doc in enumerate(dossier.documents)]


def _document(index: int, doc: Document, per_locator: dict[str, int]) -> DocOutline:
    year = plan_year(doc)
    items: dict[str, Item] = {}
    roots: list[Item] = []
    by_node: dict[str, Item] = {}
    # tables printing the plan year's pagu first: their codes make the tree
    tables = sorted(doc.tables, key=lambda tb: 0 if year in tb.years else 1)
    for table in tables:
        ids = {n.id: n for n in table.nodes}
        for node in table.nodes:
            code = node.code or node.code_printed
            if node.level not in LEVELS or not code:
                continue
            item = items.get(code)
            if item is None:
                item = items[code] = Item(key=f"{index}:{code}", code=code, name=node.name, level=node.level)
                parent = _parent_code(node, ids)
                owner = items.get(parent) if parent else None
                (owner.children if owner else roots).append(item)
            item.node_ids.append(node.id)
            item.findings += per_locator.get(node.id, 0)
            money = _pagu(node, table, year)
            if money is not _ABSENT:
                item.pagu[table.id] = money
            by_node[node.id] = item
    return DocOutline(index=index, document=doc, year=year, items=roots, by_node=by_node, by_code=items)


_ABSENT = object()


def _pagu(node: Node, table: Table, year: Optional[int]):
    if year is None or str(year) not in node.pagu:
        return _ABSENT
    return node.pagu[str(year)].value


def _parent_code(node: Node, ids: dict[str, Node]) -> Optional[str]:
    want = PARENT.get(node.level)
    parent = ids.get(node.parent) if node.parent else None
    while want and parent is not None:
        if parent.level == want:
            return parent.code or parent.code_printed
        parent = ids.get(parent.parent) if parent.parent else None
    return None
