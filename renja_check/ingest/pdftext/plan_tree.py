"""Building the node tree of the plan / RKPD tables from their rows.

``TreeBuilder`` keeps the current bidang, program and kegiatan, resolves each row's
code (``codes.resolve_code``) with the row above as its parent, gives node ids
(``<table>:<code>`` or ``<table>:L<line>``) and hangs everything under the ``total``.
"""

from __future__ import annotations

import re
from typing import Optional

from rapidfuzz import fuzz

from ...numbers import parse_quantity
from ...models import Indicator, Money, Node
from ...text import norm_name
from .base import NodeIds, ParseContext
from .codes import PrintedCode, pool, resolve_code, score_name
from .plan_cells import join_text
from .plan_rows import RawRow

PARENT = {"program": "bidang", "kegiatan": "program", "subkegiatan": "kegiatan"}


def table_years(ctx: ParseContext, title_lines: list[str]) -> list[int]:
    if ctx.year:
        return [ctx.year, ctx.forward_year or ctx.year + 1]
    found = [int(y) for t in title_lines for y in re.findall(r"\b(20\d\d)\b", t)]
    if found:
        return [found[0], found[0] + 1]
    return []


class TreeBuilder:
    def __init__(self, ctx: ParseContext, table_id: str):
        self.ctx = ctx
        self.tid = table_id
        self.nodes: list[Node] = []
        self.ids = NodeIds()
        self.current: dict[str, Node] = {}

    # -- codes -------------------------------------------------------------
    def parent_of(self, level: str, pc: PrintedCode) -> Optional[Node]:
        want = PARENT.get(level)
        node = self.current.get(want) if want else None
        if node is None:
            return None
        prefix = {"bidang": pc.bidang, "program": pc.bidang, "kegiatan": pc.program}[want]
        if node.code and prefix and not node.code.startswith(prefix):
            return None
        return node

    def officials(self, row: RawRow) -> list[str]:
        """Official names the row's name may take (for cutting name from indicator)."""
        pc = row.code
        nom = self.ctx.nomenclature
        if pc.full and pc.code:
            e = nom.get(pc.code)
            return [e.name] if e else []
        parent = self.parent_of(pc.level, pc)
        bid = pc.bidang or (self.ctx.bidang[0] if self.ctx.bidang else None)
        if pc.level == "kegiatan":
            return [e.name for _, e in pool(nom, "kegiatan", pc.program, bid)]
        if pc.level == "subkegiatan":
            under = parent.code if parent is not None and parent.code else pc.program
            names = [e.name for _, e in pool(nom, "subkegiatan", under, bid)]
            return names or [e.name for _, e in pool(nom, "subkegiatan", pc.program, bid)]
        return []

    def resolve(self, row: RawRow, name: str) -> tuple[Optional[str], str]:
        pc = row.code
        parent = self.parent_of(pc.level, pc)
        res = resolve_code(
            pc, name, self.ctx.nomenclature, self.ctx.bidang, parent.code if parent is not None else None
        )
        for c, c_id in zip(res.conflicts, res.conflicts_id):
            self.ctx.note(
                "code-conflict",
                f"{self.tid} {pc.raw} '{name}': {c}",
                row.line.no,
                level="info",
                id=f"{self.tid} {pc.raw} '{name}': {c_id}",
            )
        if res.status == "unresolved":
            cands = ", ".join(res.candidates) or "-"
            self.ctx.note(
                "code-unresolved",
                f"{self.tid} {pc.raw} '{name}': no nomenclature entry matches (candidates: {cands})",
                row.line.no,
                id=f"{self.tid} {pc.raw} '{name}': kode tidak dapat ditentukan (kandidat: {cands})",
            )
        return res.code, res.status

    # -- nodes -------------------------------------------------------------
    def node_id(self, code: Optional[str], line: int) -> str:
        return self.ids.make(self.tid, code, line)

    def add(
        self, row: RawRow, name: str, indicators: list[Indicator], pagu: dict[str, Money], lines: list[int], **fields
    ) -> Node:
        pc = row.code
        level = pc.level
        code, status = self.resolve(row, name) if level in ("kegiatan", "subkegiatan") else (pc.code, "printed")
        parent = self.parent_of(level, pc)
        first = row.line.no
        last = first if row.displaced else max([first] + lines)
        node = Node(
            id=self.node_id(code, first),
            level=level,
            code_printed=pc.raw,
            code=code,
            code_status=status,
            name=name,
            parent=parent.id if parent is not None else None,
            ordinal=str(pc.ordinal) if pc.ordinal is not None else None,
            indicators=indicators,
            pagu=pagu,
            span=self.ctx.span(first, last),
            **{k: v for k, v in fields.items() if v},
        )
        self.nodes.append(node)
        self.current[level] = node
        for lower in ("program", "kegiatan", "subkegiatan")[
            ("bidang", "program", "kegiatan", "subkegiatan").index(level) :
        ]:
            if lower != level:
                self.current.pop(lower, None)
        return node

    def add_total(self, pagu: dict[str, Money], lines: list[int]) -> Node:
        node = Node(
            id=self.node_id("total", 0),
            level="total",
            name="TOTAL",
            pagu=pagu,
            span=self.ctx.span(min(lines), max(lines)),
        )
        for i, n in enumerate(self.nodes):
            if n.parent is None:
                self.nodes[i] = n.model_copy(update={"parent": node.id})
        self.nodes.insert(0, node)
        return node


def indicator(
    texts: list[tuple[int, str]] | list[str], targets, lines: list[int], ctx: ParseContext
) -> Optional[Indicator]:
    words = [t if isinstance(t, str) else t[1] for t in texts]
    text = join_text(words)
    if not text and not targets:
        return None
    span = ctx.span(min(lines), max(lines)) if lines else None
    return Indicator(text=text, targets=targets, span=span)


def split_compound(ind: Indicator) -> list[Indicator]:
    """``Indeks A ; Indeks B ; Indeks C`` with targets ``4 ; 25 ; 15 Indeks``: three indicators
    printed in one cell, each with its own target (the unit written once, after the last value).
    Anything that does not line up part for part stays one indicator as printed."""
    parts = [p.strip() for p in ind.text.split(";")]
    if len(parts) < 2 or not all(parts) or not ind.targets:
        return [ind]
    split: dict[str, list[str]] = {}
    for year, q in ind.targets.items():
        vals = [v.strip() for v in q.raw.split(";")]
        if len(vals) != len(parts) or not all(vals):
            return [ind]
        split[year] = vals
    out = []
    for i, text in enumerate(parts):
        targets = {}
        for year, vals in split.items():
            unit = parse_quantity(vals[-1]).unit
            q = parse_quantity(vals[i])
            if q.unit is None and unit and q.value is not None:  # the unit printed once, at the end
                q = q.model_copy(update={"unit": unit})
            targets[year] = q
        out.append(Indicator(text=text, targets=targets, span=ind.span))
    return out


def label_for(nomenclature, code: str, labels: list[str]) -> Optional[str]:
    """The header label that names an urusan/bidang row (its official name, or the only one)."""
    entry = nomenclature.get(code)
    if entry:
        scored = sorted(((score_name(lab, entry.name), lab) for lab in labels), reverse=True)
        if scored and scored[0][0] >= 80:
            return scored[0][1]
        # a short label inside the official name: "KESEHATAN" of "URUSAN PEMERINTAHAN BIDANG KESEHATAN"
        inside = [lab for lab in labels if fuzz.token_set_ratio(norm_name(lab), norm_name(entry.name)) >= 95]
        if len(inside) == 1:
            return inside[0]
    return None
