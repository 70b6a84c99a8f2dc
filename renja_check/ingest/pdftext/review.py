"""Tabel 2.5 (T-C.31), review of the rancangan awal RKPD -> two tables.

``T2.5-awal`` (role ``rkpd_awal``, the left side, RANCANGAN AWAL RKPD) and
``T2.5-analisis`` (role ``kebutuhan``, the right side, HASIL ANALISIS KEBUTUHAN).
Each is a tree total > program > kegiatan > sub kegiatan. Amounts are kept as printed
(program subtotals, TOTAL); kegiatan rows print no pagu in this table.

Rows are read by ``review_rows.scan``, a copy's cells split by ``review_cells``, page
labels paired by ``review_labels``. Sub kegiatan are identified by name with the
nomenclature as dictionary, kept consistent within their kegiatan; kegiatan and
program codes are the parents of the sub kegiatan codes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ...corpus import Match, parent_code
from ...models import Column, Indicator, Node, Table
from ...numbers import NUMBER_TOKEN, infer_style, parse_money, parse_quantity
from .base import NodeIds, ParseContext, Region
from .review_cells import Cells, split_cells
from .review_labels import best_label, is_label_like, label_texts, split_double
from .review_rows import Copy, Kegiatan, Scan, scan

CODE_CONFIDENT = 90.0
_NUMBER_RE = re.compile(NUMBER_TOKEN)
SIDES = {
    "awal": dict(id="T2.5-awal", role="rkpd_awal", side="rancangan_awal", pair="T2.5-analisis"),
    "analisis": dict(id="T2.5-analisis", role="kebutuhan", side="hasil_analisis", pair="T2.5-awal"),
}


def parse(ctx: ParseContext, region: Region, *args) -> list[Table]:
    lines = ctx.lines[region.start : region.end]
    if not lines:
        return []
    style = infer_style([tok for ln in lines for tok in _NUMBER_RE.findall(ln.text)])
    head = " ".join(ln.text for ln in lines[:4])
    m = re.search(r"\bTAHUN\s+(20\d\d)\b", head, re.I)
    year = int(m.group(1)) if m else ctx.year
    ykey = str(year) if year else "target"
    title = next((ln.text for ln in lines[1:4] if re.search(r"\bRKPD\b", ln.text, re.I)), region.title)

    def is_label(text: str) -> bool:
        if is_label_like(text):
            return True
        return any(
            ctx.nomenclature.match_name(p, lvl, bidang=ctx.bidang, limit=1, cutoff=80)
            for p in split_double(text)
            for lvl in ("kegiatan", "program")
        )

    sc = scan(lines[1:], is_label)
    cells = _read_cells(ctx, sc)
    codes = _resolve(ctx, sc, cells)
    labels = label_texts(sc.labels)
    builder = _Builder(ctx, sc, cells, codes, labels, ykey, style)
    tables = []
    span = ctx.span(lines[0].no, lines[-1].no)
    for side, meta in SIDES.items():
        nodes = builder.nodes(side, meta["id"])
        tables.append(
            Table(
                number=region.number or "2.5",
                title=title,
                years=[year] if year else [],
                columns=_columns(side, year),
                nodes=nodes,
                span=span,
                **meta,
            )
        )
    _completeness(ctx, sc, tables)
    return tables


def _columns(side: str, year: Optional[int]) -> list[Column]:
    cols = [
        Column(id="lokasi", label="Lokasi", role="lokasi"),
        Column(id="indikator", label="Indikator Kinerja", role="indikator"),
        Column(id=f"target_{year}", label="Target Capaian", role="target", year=year),
        Column(id=f"pagu_{year}", label="Pagu Indikatif", role="pagu", year=year),
    ]
    if side == "analisis":
        cols.append(Column(id="catatan", label="Catatan Penting", role="catatan"))
    return cols


def _all_copies(sc: Scan):
    for prog in sc.programs:
        for keg in prog.kegiatan:
            for c in keg.copies:
                yield prog, keg, c


def _read_cells(ctx: ParseContext, sc: Scan) -> dict[int, Cells]:
    """Cells of every copy; copies without a confident name get a second try with the
    lokasi strings the confident ones revealed."""
    out: dict[int, Cells] = {}
    # the name's best prefix depends on the copy's texts only (not on its line numbers): the
    # copies printed alike on both sides of the table share it
    prefixes: dict[tuple[str, ...], tuple[int, float]] = {}
    for _, _, c in _all_copies(sc):
        key = tuple(text for _, text in c.parts)
        cells = out[id(c)] = split_cells(c.parts, ctx.nomenclature, ctx.bidang, [], prefixes.get(key))
        prefixes.setdefault(key, (cells.name_prefix, cells.name_score))
    known = [v.lokasi for v in out.values() if v.lokasi and v.name_score >= 85]
    known = [lok for lok, _ in Counter(known).most_common(5)]
    if known:
        for _, _, c in _all_copies(sc):
            first = out[id(c)]
            if first.name_score < 85:  # the name's best prefix stays: only the lokasi is new
                prefix = (first.name_prefix, first.name_score)
                out[id(c)] = split_cells(c.parts, ctx.nomenclature, ctx.bidang, known, prefix)
    return out


def _resolve(ctx: ParseContext, sc: Scan, cells: dict[int, Cells]) -> dict[int, Optional[str]]:
    """Code per copy (``id(copy)``) and per kegiatan / program (``id(block)``)."""
    codes: dict[int, Optional[str]] = {}
    for prog in sc.programs:
        for keg in prog.kegiatan:
            best: list[Match] = [
                cells[id(c)].matches[0]
                for c in keg.copies
                if cells[id(c)].matches and cells[id(c)].matches[0].score >= CODE_CONFIDENT
            ]
            votes = Counter(parent_code(m.code) for m in best)
            kcode = votes.most_common(1)[0][0] if votes else None
            codes[id(keg)] = kcode
            for c in keg.copies:
                ms = cells[id(c)].matches
                pick = next(
                    (m for m in ms if m.score >= CODE_CONFIDENT and kcode and parent_code(m.code) == kcode), None
                )
                codes[id(c)] = pick.code if pick else None
                if pick is None and ms and ms[0].score >= CODE_CONFIDENT:
                    ctx.note(
                        "code-inconsistent",
                        f"Tabel 2.5: the sub kegiatan name '{cells[id(c)].name}' matches {ms[0].code}, "
                        f"outside kegiatan {kcode}",
                        c.first,
                        c.last,
                        level="info",
                        id=f"Tabel 2.5: nama sub kegiatan '{cells[id(c)].name}' cocok dengan {ms[0].code}, "
                        f"di luar kegiatan {kcode}",
                    )
        pvotes = Counter(parent_code(codes[id(k)]) for k in prog.kegiatan if codes.get(id(k)))
        codes[id(prog)] = pvotes.most_common(1)[0][0] if pvotes else None
    return codes


class _Builder:
    def __init__(self, ctx, sc, cells, codes, labels, ykey, style) -> None:
        self.ctx, self.sc, self.cells, self.codes = ctx, sc, cells, codes
        self.labels, self.ykey, self.style = labels, ykey, style
        self.node_id = NodeIds().make

    def block_name(self, code: Optional[str], level: str, near: int) -> tuple[str, Optional[str]]:
        """(name, name_printed): the page label paired with the official name, else the
        official name itself."""
        entry = self.ctx.nomenclature.get(code) if code else None
        if entry is None:
            return "", None
        lab = best_label(entry.name, self.labels, near, 60.0 if level == "program" else 75.0, level)
        if lab:
            return lab[1], lab[1]
        return entry.name, None

    def nodes(self, side: str, tid: str) -> list[Node]:
        ctx, sc = self.ctx, self.sc
        out: list[Node] = []
        root = None
        if sc.total:
            line, left, right = sc.total
            raw = left if side == "awal" else right
            root = self.node_id(tid, None, line)
            out.append(Node(id=root, level="total", name="TOTAL", pagu=self._money(raw), span=ctx.span(line)))
        for prog in sc.programs:
            copies = [c for k in prog.kegiatan for c in k.side(side)]
            if not copies and prog.left is None:
                continue
            pcode = self.codes.get(id(prog))
            name, printed = self.block_name(pcode, "program", prog.line)
            last = max([c.last for c in copies] + [prog.line])
            pid = self.node_id(tid, pcode, prog.line)
            raw = prog.left if side == "awal" else prog.right
            out.append(
                Node(
                    id=pid,
                    level="program",
                    code=pcode,
                    code_status="resolved" if pcode else "unresolved",
                    name=name,
                    name_printed=printed,
                    ordinal=prog.ordinal,
                    parent=root,
                    pagu=self._money(raw),
                    span=ctx.span(prog.line, last),
                )
            )
            for keg in prog.kegiatan:
                out.extend(self.kegiatan_nodes(keg, side, tid, pid))
        return out

    def kegiatan_nodes(self, keg: Kegiatan, side: str, tid: str, pid: str) -> list[Node]:
        copies = keg.side(side)
        if not copies:
            return []
        kcode = self.codes.get(id(keg))
        name, printed = self.block_name(kcode, "kegiatan", keg.line)
        kid = self.node_id(tid, kcode, keg.line)
        out = [
            Node(
                id=kid,
                level="kegiatan",
                code=kcode,
                code_status="resolved" if kcode else "unresolved",
                name=name,
                name_printed=printed,
                ordinal=keg.number or None,
                parent=pid,
                span=self.ctx.span(keg.line, max(c.last for c in copies)),
            )
        ]
        for c in copies:
            out.append(self.sub_node(c, side, tid, kid))
        return out

    def sub_node(self, c: Copy, side: str, tid: str, kid: str) -> Node:
        cell = self.cells[id(c)]
        code = self.codes.get(id(c))
        indicators = []
        if cell.indicator or c.target:
            targets = {self.ykey: parse_quantity(c.target, self.style)} if c.target else {}
            first = cell.indicator_first or c.last
            indicators.append(Indicator(text=cell.indicator or "", targets=targets, span=self.ctx.span(first, c.last)))
        catatan = " ".join(t for _, t in c.catatan) or None if side == "analisis" else None
        last = max([c.last] + [n for n, _ in c.catatan]) if side == "analisis" else c.last
        return Node(
            id=self.node_id(tid, code, c.first),
            level="subkegiatan",
            code=code,
            code_status="resolved" if code else "unresolved",
            name=cell.name,
            name_printed=cell.name or None,
            ordinal=c.ordinal,
            parent=kid,
            indicators=indicators,
            pagu=self._money(c.pagu),
            lokasi=cell.lokasi,
            catatan=catatan,
            span=self.ctx.span(c.first, last),
        )

    def _money(self, raw: Optional[str]) -> dict:
        return {self.ykey: parse_money(raw, self.style)} if raw is not None else {}


def _completeness(ctx: ParseContext, sc: Scan, tables: list[Table]) -> None:
    awal, analisis = tables
    for code, msg_id, msg_en, line in sc.problems:
        ctx.note(code, f"Tabel 2.5: {msg_en}", line, id=f"Tabel 2.5: {msg_id}")
    if sc.total is None:
        awal.complete = analisis.complete = False
        ctx.note(
            "table-truncated",
            "Tabel 2.5 ends without its TOTAL line; the table may be cut",
            sc.last_line,
            id="Tabel 2.5 berakhir tanpa baris TOTAL; tabel mungkin terpotong",
        )
    for prog in sc.programs:
        for keg in prog.kegiatan:
            for side, other, table in (("awal", "analisis", analisis), ("analisis", "awal", awal)):
                theirs = [c.letter for c in keg.side(other)]
                for c in keg.side(side):
                    if c.letter not in theirs:
                        table.complete = False
                        ctx.note(
                            "row-unpaired",
                            f"Tabel 2.5: sub kegiatan '{c.ordinal}' (kegiatan {keg.number}) is only on the {side} side",
                            c.first,
                            c.last,
                            id=f"Tabel 2.5: sub kegiatan '{c.ordinal}' (kegiatan {keg.number}) hanya ada di "
                            f"sisi {side}",
                        )
    copies = [c for _, _, c in _all_copies(sc)]
    if copies and copies[-1].target is None and copies[-1].pagu is None:  # cut inside a row
        (awal if copies[-1].side == "awal" else analisis).complete = False
