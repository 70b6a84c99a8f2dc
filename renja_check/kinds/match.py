"""Matching the same node across two tables (possibly of different documents).

Nodes of one level are paired by resolved code first; nodes left over are paired
by normalised name when at least one side has no usable code (two different codes
are two different nodes: the program penunjang repeats its names under every
bidang). Names repeated within a table are told apart by their parents' names; a
further pass pairs near-identical names (typos) one to one.

A last pass pairs the leftovers that are one row printed under two codes (``recoded``):
a node of a and a node of b under the same kegiatan whose names are similar (guarded
score >= RECODED_CUTOFF) or whose pagu agree (equal, not zero, in every common year).
They are neither matched (their fields are not compared) nor missing.
"""

from __future__ import annotations

import heapq
from dataclasses import field
from typing import Iterable, Iterator, Optional

from rapidfuzz import fuzz

from ..structs import struct
from ..corpus import guarded_score, parent_code
from ..models import Document, Dossier, Node, Table
from ..text import norm_name
from .base import run_memo
from .tree import Tree, pagu_value, table_tree

CODED = ("printed", "resolved")
NAME_CUTOFF = 92.0
RECODED_CUTOFF = 80.0


@struct
class Matching:
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    only_a: list[Node] = field(default_factory=list)
    only_b: list[Node] = field(default_factory=list)
    recoded: list[tuple[Node, Node]] = field(default_factory=list)  # one row, two codes


def usable_code(node: Node) -> Optional[str]:
    return node.code if node.code and node.code_status in CODED else None


def _parent_names(tree: Tree, node: Node) -> tuple[str, ...]:
    return tuple(norm_name(p.name) for p in tree.ancestors(node) if p.level != "total")


def match_tables(a: Table, b: Table, levels: Iterable[str] = ("subkegiatan",)) -> Matching:
    """Matched nodes of a and b. During a check, each (a, b, levels) is matched once: the
    rules comparing two tables field by field all read that one matching (a copy of it)."""
    memo = run_memo()
    if memo is None:
        return _match_tables(a, b, levels)
    levels = tuple(levels)
    key = ("match", id(a), id(b), levels)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = (a, b, _match_tables(a, b, levels))  # a and b kept: their ids stay theirs
    m = hit[2]
    return Matching(list(m.pairs), list(m.only_a), list(m.only_b), list(m.recoded))


def _match_tables(a: Table, b: Table, levels: Iterable[str]) -> Matching:
    ta, tb = table_tree(a), table_tree(b)
    out = Matching()
    for level in levels:
        na = [n for n in a.nodes if n.level == level]
        nb = [n for n in b.nodes if n.level == level]
        pairs, ra, rb = _by_code(na, nb)
        out.pairs += pairs
        for key in (lambda t, n: norm_name(n.name), lambda t, n: (norm_name(n.name), _parent_names(t, n))):
            pairs, ra, rb = _by_key(ra, rb, lambda n: key(ta, n), lambda n: key(tb, n))  # noqa: B023 - used at once
            out.pairs += pairs
        pairs, ra, rb = _fuzzy(ra, rb)
        out.pairs += pairs
        pairs, ra, rb = _recoded(ta, tb, ra, rb)
        out.recoded += pairs
        out.only_a += ra
        out.only_b += rb
    return out


def _by_code(na: list[Node], nb: list[Node]):
    index: dict[str, list[Node]] = {}
    for n in nb:
        if usable_code(n):
            index.setdefault(usable_code(n), []).append(n)
    pairs, ra = [], []
    used: set[str] = set()
    for n in na:
        cands = index.get(usable_code(n) or "", [])
        cands = [c for c in cands if c.id not in used]
        if usable_code(n) and cands:
            pairs.append((n, cands[0]))
            used.add(cands[0].id)
        else:
            ra.append(n)
    rb = [n for n in nb if n.id not in used]
    return pairs, ra, rb


def _name_ok(x: Node, y: Node) -> bool:
    return not (usable_code(x) and usable_code(y))  # two codes that differ: two nodes


def _by_key(ra: list[Node], rb: list[Node], ka, kb):
    def unique(nodes, key):
        idx: dict = {}
        for n in nodes:
            if n.name.strip():
                idx.setdefault(key(n), []).append(n)
        return {k: v[0] for k, v in idx.items() if len(v) == 1}

    ua, ub = unique(ra, ka), unique(rb, kb)
    pairs = [(ua[k], ub[k]) for k in ua if k in ub and _name_ok(ua[k], ub[k])]
    used = {x.id for p in pairs for x in p}
    return pairs, [n for n in ra if n.id not in used], [n for n in rb if n.id not in used]


def _fuzzy(ra: list[Node], rb: list[Node]):
    scored = []
    for x in ra:
        for y in rb:
            if not _name_ok(x, y) or not x.name.strip() or not y.name.strip():
                continue
            s = fuzz.ratio(norm_name(x.name), norm_name(y.name))
            if s >= NAME_CUTOFF:
                scored.append((s, x, y))
    scored.sort(key=lambda t: -t[0])
    pairs, used = [], set()
    for _, x, y in scored:
        if x.id in used or y.id in used:
            continue
        pairs.append((x, y))
        used |= {x.id, y.id}
    return pairs, [n for n in ra if n.id not in used], [n for n in rb if n.id not in used]


def _kegiatan(tree: Tree, node: Node) -> tuple[Optional[str], Optional[tuple]]:
    """The kegiatan a node sits under: (code, from its own code or its parent's; parent name)."""
    p = tree.parent(node)
    if p is not None and p.level == "total":
        p = None
    code = parent_code(usable_code(node)) if usable_code(node) else (usable_code(p) if p else None)
    name = (p.level, norm_name(p.name)) if p is not None and p.name.strip() else None
    return code, name


def _same_kegiatan(kx, ky) -> bool:
    if kx[0] and ky[0]:
        return kx[0] == ky[0]  # two codes decide (kegiatan names repeat under every bidang)
    return kx[1] is not None and kx[1] == ky[1]


def same_pagu(x: Node, y: Node) -> bool:
    """Readable, equal and not zero in every year both print (at least one)."""
    years = [yr for yr in x.pagu if yr in y.pagu]
    vals = [(pagu_value(x, yr), pagu_value(y, yr)) for yr in years]
    return bool(vals) and all(a is not None and a == b for a, b in vals) and any(a for a, _ in vals)


def _recoded(ta: Tree, tb: Tree, ra: list[Node], rb: list[Node]):
    scored = []
    for x in ra:
        kx = _kegiatan(ta, x)
        for y in rb:
            if not _same_kegiatan(kx, _kegiatan(tb, y)):
                continue
            nx, ny = norm_name(x.name), norm_name(y.name)
            score = guarded_score(nx, ny) if nx and ny else 0.0
            money = same_pagu(x, y)
            if score >= RECODED_CUTOFF or money:
                scored.append((money, score, x, y))
    scored.sort(key=lambda t: (not t[0], -t[1]))
    pairs, used = [], set()
    for _, _, x, y in scored:
        if x.id in used or y.id in used:
            continue
        pairs.append((x, y))
        used |= {x.id, y.id}
    return pairs, [n for n in ra if n.id not in used], [n for n in rb if n.id not in used]


def table_pairs(dossier: Dossier, role_a: str, role_b: str) -> Iterator[tuple[Document, Table, Document, Table]]:
    """Every (table of role a, table of role b) in the dossier: the tables of one document, and
    across documents of different types (a Renja's plan against an RKPD given beside it).

    Two documents of one type (two Renja, two agencies of a pemda) are never paired: that would
    compare one agency's plan with another's and report each defect of two copies twice.
    The tables of role b are listed once, and per table of role a only its own document's and
    the other types' tables are visited (not every table of the dossier again)."""
    tables_b = dossier.tables_with_role(role_b)
    own: dict[int, list[int]] = {}  # id(document) -> positions of its tables in tables_b
    for i, (db, _) in enumerate(tables_b):
        own.setdefault(id(db), []).append(i)
    others: dict[str, list[int]] = {}  # doc_type -> positions of tables of documents of other types
    for da, a in dossier.tables_with_role(role_a):
        if da.doc_type not in others:
            others[da.doc_type] = [i for i, (db, _) in enumerate(tables_b) if db.doc_type != da.doc_type]
        for i in heapq.merge(own.get(id(da), []), others[da.doc_type]):  # in dossier order
            db, b = tables_b[i]
            if b is not a:
                yield da, a, db, b
