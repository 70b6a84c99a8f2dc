"""Tabel 2.1 (T-C.29): the evaluation of last year's Renja against the Renstra.

Region -> pages: each page's rows follow the column-index row and are followed by the
page's header block ("Kode / Urusan ... / Keterangan"); stray page numbers and running
footers are dropped, other text inside a header block is noted. Rows are read by
``evaluasi_rows``, their values assigned to columns by ``evaluasi_values``.

Nodes: program rows (legacy two-digit codes, or 2019 codes resolved with the
nomenclature), kegiatan rows, 2019-style sub kegiatan rows, and ``indikator`` rows
for a further indicator of a program or kegiatan. Values of columns 4..11 go to
``Node.values`` keyed by column id; a row whose values cannot be placed with
certainty keeps the unplaced text in ``values["raw"]`` (status ``ambiguous``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from rapidfuzz import fuzz

from ...kinds.formula_expr import Formula, FormulaError, parse_formula
from ...models import Indicator, Node, Quantity, Table
from ...text import norm_name
from .base import Line, NodeIds, ParseContext, Region
from .evaluasi_header import FOOTER, HEADER_START, INDEX_ROW, PAGE_NO, VALUE_COLUMNS, build_columns, is_header_text
from .evaluasi_rows import SECTION_HEAD, Row, join_cell, name_and_indicators, read_rows
from .evaluasi_values import place

TABLE_ID = "T2.1"
NAME_MATCH = 85.0


def parse(ctx: ParseContext, region: Region, *args) -> list[Table]:
    lines = ctx.lines[region.start : region.end]
    data, header, index_text, last = _pages(ctx, lines)
    if not index_text:
        ctx.note(
            "table-unreadable",
            "Tabel 2.1: no column-index row (1 2 3 ... 12) found",
            lines[0].no,
            id="Tabel 2.1: baris nomor kolom (1 2 3 ... 12) tidak ditemukan",
        )
        return []
    columns, years = build_columns(" ".join(header), index_text)
    formulas: list[Formula] = []
    for c in columns:
        if c.formula:
            try:
                formulas.append(parse_formula(c.formula))
            except FormulaError as exc:
                ctx.note(
                    "formula-unreadable",
                    f"Tabel 2.1 column {c.id}: {exc}",
                    lines[0].no,
                    id=f"Tabel 2.1 kolom {c.id}: rumus {c.formula!r} tidak terbaca ({exc})",
                )
    rate_cols = {f.result for f in formulas if f.is_rate}
    nodes = _Builder(ctx, formulas, rate_cols).build(read_rows(data))
    return [
        Table(
            id=TABLE_ID,
            number=region.number or "2.1",
            title=_title(lines),
            role="evaluasi",
            years=years,
            columns=columns,
            nodes=nodes,
            span=ctx.span(lines[0].no, last),
        )
    ]


def _title(lines: list[Line]) -> str:
    return " ".join(ln.text for ln in lines[:3] if not INDEX_ROW.match(ln.text) and ln.text.isupper())


def _pages(ctx: ParseContext, lines: list[Line]) -> tuple[list[Optional[Line]], list[str], str, int]:
    """Data lines of all pages (None between pages), header text, the first index row, the
    last table line."""
    data: list[Optional[Line]] = []
    header: list[str] = []
    stray: list[Line] = []
    index_text = ""
    state = "header"
    last = lines[0].no
    after_footer = False
    for ln in lines[1:]:
        t = ln.text
        c = t[:1]
        digit = c.isdigit()  # INDEX_ROW and PAGE_NO start with a digit, FOOTER with an R
        if c == "1" and INDEX_ROW.match(t):
            for s in (
                stray if index_text else []
            ):  # before the first: the title  # text inside a header block that was followed by rows
                ctx.note(
                    "stray-text",
                    f"Tabel 2.1: text inside a page header, not assigned to a row: {s.text!r}",
                    s.no,
                    id=f"Tabel 2.1: teks di dalam kepala halaman, tidak masuk ke baris mana pun: {s.text!r}",
                )
            if index_text:
                data.append(None)
            index_text = index_text or t
            stray, state, last = [], "data", ln.no
            continue
        if c in "Rr" and FOOTER.match(t):
            after_footer = True
            continue
        if digit and ((after_footer and PAGE_NO.match(t)) or (PAGE_NO.match(t) and " " in t)):
            after_footer = False
            continue
        after_footer = False
        if state == "data":
            if HEADER_START.match(t):
                state = "header"
            elif SECTION_HEAD.match(t):
                state = "end"
            else:
                data.append(ln)
                last = ln.no
                continue
        if state == "header":
            if is_header_text(t):
                header.append(t)
            else:
                stray.append(ln)
    return data, header, index_text, last


class _Builder:
    def __init__(self, ctx: ParseContext, formulas: list[Formula], rate_cols: set[str]):
        self.ctx, self.formulas, self.rate_cols = ctx, formulas, rate_cols
        self.nodes: list[Node] = []
        self.ids = NodeIds()
        self.program: Optional[Node] = None
        self.kegiatan: Optional[Node] = None  # the current kegiatan (legacy or 2019)
        self.subkegiatan: Optional[Node] = None

    def build(self, rows: list[Row]) -> list[Node]:
        for row in rows:
            self._row(row)
        return self.nodes

    # -- one row -----------------------------------------------------------------
    def _row(self, row: Row) -> None:
        name, inds = name_and_indicators(row)
        level, parent = self._where(row, name, inds)
        if level == "indikator" and not inds:
            inds, name = [name], ""
        code, status = self._code(row, level, name)
        if row.kind == "k2019" and code and len(inds) >= 2 and self._child(code, inds[0]):
            # "02 2.03 Kegiatan" / "Sub kegiatan name" / "indicator": the sub kegiatan
            # has no code of its own; the nomenclature tells its name from an indicator
            sub_name = inds.pop(0)
            at = next((i for i, ln in enumerate(row.lines) if i and sub_name.startswith(ln.text)), 1)
            self._add(
                Row(lines=row.lines[:at], code=row.code, kind=row.kind),
                level,
                parent,
                name,
                [],
                code,
                status,
                values=False,
            )
            scode = self._child(code, sub_name)
            sub = Row(lines=row.lines[at:] or row.lines, text=row.text, split=row.split, ket=row.ket, messy=row.messy)
            self._add(sub, "subkegiatan", self.kegiatan, sub_name, inds, scode, "resolved")
            return
        self._add(row, level, parent, name, inds, code, status)

    def _add(
        self,
        row: Row,
        level: str,
        parent: Optional[Node],
        name: str,
        inds: list[str],
        code: Optional[str],
        status: str,
        values: bool = True,
    ) -> None:
        node = Node(
            id=self._id(code, row.first),
            level=level,
            code_printed=row.code,
            code=code,
            code_status=status,
            name=name if level != "indikator" else (inds[0] if inds else name),
            parent=parent.id if parent else None,
            indicators=[Indicator(text=t, span=self.ctx.span(row.first, row.last)) for t in inds],
            values=self._values(row, level, parent) if values else {},
            keterangan=(join_cell(row.ket) or None) if values else None,
            span=self.ctx.span(row.first, row.last),
        )
        self.nodes.append(node)
        if level == "program":
            self.program, self.kegiatan, self.subkegiatan = node, None, None
        elif level == "kegiatan":
            self.kegiatan, self.subkegiatan = node, None
        elif level == "subkegiatan":
            self.subkegiatan = node

    def _where(self, row: Row, name: str, inds: list[str]) -> tuple[str, Optional[Node]]:
        if row.kind == "program":
            return "program", None
        if row.kind in ("kegiatan", "k2019"):
            return "kegiatan", self.program
        if row.kind == "s2019":
            return "subkegiatan", self.kegiatan or self.program
        toks = row.split.tokens if row.split else []
        outcome = not name and inds and (not toks or (len(toks) == 1 and toks[0].kind in ("P", "G")))
        if outcome and self.program is not None:
            return "indikator", self.program  # a further outcome indicator of the program
        if name and inds:  # a row of its own without a code
            if self.kegiatan is not None and self.kegiatan.code_status == "resolved":
                return "subkegiatan", self.kegiatan
            return "kegiatan", self.program
        return "indikator", self.subkegiatan or self.kegiatan or self.program

    def _id(self, code: Optional[str], first: int) -> str:
        return self.ids.make(TABLE_ID, code, first)

    # -- codes -------------------------------------------------------------------
    def _code(self, row: Row, level: str, name: str) -> tuple[Optional[str], str]:
        bidang = self.ctx.bidang
        if level == "program" and row.code:
            for b in bidang:  # a 2019 program code prints only its last part
                if self._name_fits(f"{b}.{row.code}", name, 90.0):
                    return f"{b}.{row.code}", "resolved"
            return None, "legacy"
        if level == "kegiatan" and row.kind == "kegiatan":
            return None, "legacy"
        if level in ("kegiatan", "subkegiatan") and row.kind in ("k2019", "s2019"):
            parts = row.code.split()
            prog = self.program.code if self.program and self.program.code else None
            if prog is None and bidang:
                prog = f"{bidang[0]}.{parts[0]}"
            code = f"{prog}.{parts[1]}" + (f".{int(parts[2]):04d}" if len(parts) > 2 else "")
            if prog and self._name_fits(code, name):
                return code, "resolved"
            return None, "unresolved"
        if level == "subkegiatan" and self.kegiatan is not None and self.kegiatan.code:
            code = self._child(self.kegiatan.code, name)
            return (code, "resolved") if code else (None, "unresolved")
        return None, "none"

    def _child(self, kegiatan: str, name: str) -> Optional[str]:
        """The code of the sub kegiatan of ``kegiatan`` named ``name`` in the nomenclature."""
        best = None
        for e in self.ctx.nomenclature.children(kegiatan):
            score = fuzz.token_sort_ratio(norm_name(name), norm_name(e.name))
            if score >= NAME_MATCH and (best is None or score > best[0]):
                best = (score, e)
        return f"{kegiatan}.{best[1].code.split('.')[-1]}" if best else None

    def _name_fits(self, code: str, name: str, cutoff: float = NAME_MATCH) -> bool:
        e = self.ctx.nomenclature.get(code)
        return bool(e) and fuzz.partial_ratio(norm_name(name), norm_name(e.name)) >= cutoff

    # -- values ------------------------------------------------------------------
    def _values(self, row: Row, level: str, parent: Optional[Node]) -> dict[str, Quantity]:
        if row.messy:
            raw = " ".join(" ".join(row.messy).split())
            self.ctx.note(
                "row-ambiguous",
                f"Tabel 2.1: values written as free text, not placed: {raw!r}",
                row.first,
                row.last,
                id=f"Tabel 2.1: nilai ditulis sebagai teks bebas, tidak ditempatkan: {raw!r}",
            )
            return {"raw": Quantity(raw=raw, status="ambiguous", note="free text in value cells")}
        if row.split is None:
            return {}
        lone_to = (
            "4"
            if level == "program" or (level == "indikator" and parent is self.program and parent is not None)
            else None
        )
        pl = place(row.split.tokens, VALUE_COLUMNS, self.rate_cols, self.formulas, Decimal("0.5"), single_to=lone_to)
        values = {c: t.quantity() for c, t in sorted(pl.values.items(), key=lambda kv: int(kv[0]))}
        if pl.ambiguous:
            raw = " ".join(t.raw for t in row.split.tokens)
            left = ", ".join(t.raw for t in pl.unplaced)
            values["raw"] = Quantity(raw=raw, status="ambiguous", note=f"not placed: {left}")
            self.ctx.note(
                "row-ambiguous",
                f"Tabel 2.1: cannot tell the columns of {left!r} in {raw!r}",
                row.first,
                row.last,
                id=f"Tabel 2.1: kolom untuk {left!r} dalam {raw!r} tidak dapat ditentukan",
            )
        return values
