"""Tree helpers shared by kinds: children of a node, pagu of a node, plan years.

A table is a tree through ``Node.parent``. Kinds never recompute on the model;
these helpers only read it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Optional

from ..structs import struct
from ..models import Document, Money, Node, Table
from ..numbers import money_exact
from .base import run_memo

# levels that carry pagu in the program hierarchy (indicator rows and free rows do not)
HIERARCHY = ("total", "urusan", "bidang", "program", "kegiatan", "subkegiatan")
# statuses of a money cell that cannot be added as integer rupiah (a ``fraction`` cell can
# be added exactly with ``numbers.money_exact``; the sum kind does so)
UNREADABLE = ("error", "ambiguous", "invalid", "fraction")


class Tree:
    """Index of one table: nodes by id, children by parent id (in table order)."""

    def __init__(self, table: Table):
        self.table = table
        self.by_id: dict[str, Node] = {n.id: n for n in table.nodes}
        self.kids: dict[Optional[str], list[Node]] = {}
        for n in table.nodes:
            if n.level in HIERARCHY:
                self.kids.setdefault(n.parent, []).append(n)

    def children(self, node: Node) -> list[Node]:
        return self.kids.get(node.id, [])

    def parent(self, node: Node) -> Optional[Node]:
        return self.by_id.get(node.parent) if node.parent else None

    def ancestors(self, node: Node) -> Iterator[Node]:
        seen = {node.id}
        p = self.parent(node)
        while p is not None and p.id not in seen:
            seen.add(p.id)
            yield p
            p = self.parent(p)


def table_tree(table: Table) -> Tree:
    """``Tree(table)``, built once per table during a check (``base.run_memo``); read it, never
    change it (every rule of the check shares it)."""
    memo = run_memo()
    if memo is None:
        return Tree(table)
    key = ("tree", id(table))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = (table, Tree(table))  # the table kept: its id stays its own
    return hit[1]


@struct(frozen=True)
class Addend:
    node: Node
    money: Optional[Money]  # None: the node prints no amount for the year

    @property
    def value(self) -> int:
        if self.money is None or self.money.status == "empty" or self.money.value is None:
            return 0
        return self.money.value

    @property
    def readable(self) -> bool:
        return self.money is None or self.money.status not in UNREADABLE

    @property
    def empty(self) -> bool:
        return self.money is None or self.money.status == "empty"

    @property
    def exact(self) -> Optional[Decimal]:
        """The exact amount (cents kept), 0 when empty or absent, None when unreadable."""
        return Decimal(0) if self.money is None else money_exact(self.money)

    def evidence(self) -> dict:
        d = {
            "locator": self.node.id,
            "code": self.node.code or self.node.code_printed,
            "name": self.node.name,
            "level": self.node.level,
            "value": self.value,
        }
        if self.empty:
            d["empty"] = True
        if not self.readable:
            d["status"] = self.money.status
            d["raw"] = self.money.raw
            d["value"] = None
        return d


def pagu(node: Node, year: str) -> Optional[Money]:
    return node.pagu.get(str(year))


def pagu_value(node: Node, year: str) -> Optional[int]:
    """Rupiah of a readable printed amount, 0 for an empty one, None otherwise."""
    m = pagu(node, year)
    if m is None or m.status in UNREADABLE:
        return None
    return 0 if m.status == "empty" or m.value is None else m.value


def has_amount(node: Node, year: str) -> bool:
    """The node prints a non-empty amount (readable or not) for the year."""
    m = pagu(node, year)
    return m is not None and m.status != "empty"


def addends(tree: Tree, node: Node, year: str) -> list[Addend]:
    """The children whose amounts should add up to ``node``'s amount for ``year``.

    A child that prints no amount (no cell, or an empty cell) but has children of its
    own is transparent: its children count instead (a kegiatan without a subtotal).
    """
    out: list[Addend] = []
    for c in tree.children(node):
        m = pagu(c, year)
        kids = tree.children(c)
        if (m is None or m.status == "empty") and kids and any(_carries(tree, k, year) for k in kids):
            out.extend(addends(tree, c, year))
        else:
            out.append(Addend(c, m))
    return out


def _carries(tree: Tree, node: Node, year: str) -> bool:
    if pagu(node, year) is not None:
        return True
    return any(_carries(tree, k, year) for k in tree.children(node))


def years_of(table: Table) -> list[str]:
    """Years with amounts in the table: declared years first, then any year key seen."""
    ys = [str(y) for y in table.years]
    for n in table.nodes:
        for y in n.pagu:
            if y not in ys:
                ys.append(y)
    return ys


def plan_year(doc: Document, table: Optional[Table] = None) -> Optional[str]:
    if doc.year:
        return str(doc.year)
    if table is not None and table.years:
        return str(min(table.years))
    return None


def total_node(table: Table) -> Optional[Node]:
    return next((n for n in table.nodes if n.level == "total"), None)


def nodes_at(table: Table, level: str) -> list[Node]:
    return [n for n in table.nodes if n.level == level]


def leaf_sum(table: Table, year: str, level: str = "subkegiatan") -> tuple[Optional[int], int]:
    """Sum of the readable amounts of ``level`` rows and the number of unreadable ones."""
    total, bad, seen = 0, 0, False
    for n in nodes_at(table, level):
        m = pagu(n, year)
        if m is None:
            continue
        seen = True
        v = pagu_value(n, year)
        if v is None:
            bad += 1
        else:
            total += v
    return (total if seen else None), bad
