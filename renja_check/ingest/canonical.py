"""Canonical RKPD / Renstra PD / RPJMD documents: rows of one layout -> a ``Document``.

The three ways in (``canonical_files``: YAML/JSON with ``dokumen`` and ``baris``;
``spreadsheet``: .xlsx and .csv) hand this module the meta fields and the rows, each
row with its line (YAML line, sheet row, CSV line) and a function naming the place
of a cell ("sheet 'data', row 5, column J (pagu)") for error messages.

The document gets one table, id and role ``rkpd`` | ``renstra`` | ``rpjmd``. Levels come
from the ``tingkat`` column or from the code (``5.03.02.2.02.0003`` is a sub kegiatan);
program > kegiatan > sub kegiatan are linked by code, tujuan > sasaran (and misi >
tujuan in an RPJMD) by order. A row repeating the code (or, without a code, the level
and name) of the row before adds an indicator to it. Money is integer rupiah: text in a
money cell is an input error, never a guess.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Optional

from ..structs import struct
from ..errors import InputError
from ..models import Document, Indicator, Money, Node, Quantity, Source, Span, Table
from ..nomenclature_codes import level_of, normalize_code, parent_code
from ..numbers import format_int, parse_money, parse_quantity
from ..text import norm_name, norm_space
from .canonical_layout import DOC_TYPES, ROW_LEVELS, STAGES, YEAR_COLUMN, column_kind, parse_period, required

TITLES = {"rkpd": "RKPD", "renstra": "Renstra Perangkat Daerah", "rpjmd": "RPJMD"}
_STRUCT = ("misi", "tujuan", "sasaran")


@struct
class Row:
    cells: dict[str, Any]
    line: int
    where: Callable[[str], str]  # column name -> "sheet 'data', row 5, column J (pagu)"


def place_id(where: str) -> str:
    """ "sheet 'data', row 5, column J (pagu)" in Bahasa Indonesia."""
    for en, id_ in (
        ("sheet '", "lembar '"),
        ("row ", "baris "),
        ("column ", "kolom "),
        ("(header)", "(judul)"),
        ("(line ", "(baris "),
    ):
        where = where.replace(en, id_)
    return where


def fail(path: str, where: str, en: str, id_: str) -> InputError:
    return InputError(path, f"{where}: {en}", f"{place_id(where)}: {id_}")


def build(meta: dict[str, Any], rows: list[Row], path: str, fmt: str, meta_where: str = "") -> Document:
    doc_type = str(meta.get("dokumen") or "").strip().lower()
    if doc_type not in DOC_TYPES:
        raise fail(
            path,
            meta_where or "dokumen",
            f"'dokumen' must be one of {', '.join(DOC_TYPES)}, got {doc_type!r}",
            f"'dokumen' harus salah satu dari {', '.join(DOC_TYPES)}, tertulis {doc_type!r}",
        )
    year = _int(meta.get("tahun"), path, meta_where or "tahun")
    if doc_type == "rkpd" and year is None:
        raise fail(
            path,
            meta_where or "tahun",
            "an RKPD needs 'tahun' (the plan year N)",
            "RKPD memerlukan 'tahun' (tahun rencana N)",
        )
    period = parse_period(meta["periode"]) if meta.get("periode") else None
    if meta.get("periode") and period is None:
        raise fail(
            path,
            meta_where or "periode",
            f"periode {meta['periode']!r} is not 'YYYY-YYYY'",
            f"periode {meta['periode']!r} bukan 'TTTT-TTTT'",
        )
    stage = str(meta.get("tahap") or "").strip().lower() or None
    if stage is not None and stage not in STAGES:
        raise fail(
            path,
            meta_where or "tahap",
            f"tahap must be one of {', '.join(STAGES)}",
            f"tahap harus salah satu dari {', '.join(STAGES)}",
        )
    if rows:
        have = set(rows[0].cells)
        for col in required(doc_type):
            if col not in have:
                raise fail(path, rows[0].where(col), f"missing column '{col}'", f"kolom '{col}' tidak ada")
    b = _Builder(doc_type, path, year)
    for r in rows:
        b.add(r)
    misi = meta.get("misi") or []
    misi = [norm_space(str(m)) for m in (misi if isinstance(misi, list) else [misi]) if str(m).strip()]
    years = (
        ([year, year + 1] if year else [])
        if doc_type == "rkpd"
        else (list(range(period[0], period[1] + 1)) if period else [])
    )
    last = max([r.line for r in rows], default=1)
    title = " ".join(x for x in (TITLES[doc_type], str(year or ""), (stage or "").replace("_", " ")) if x)
    if period:
        title = f"{TITLES[doc_type]} {period[0]}-{period[1]}"
    table = Table(
        id=doc_type,
        title=title,
        role=doc_type,
        years=years,
        nodes=b.nodes,
        span=Span(file=path, line_start=min([r.line for r in rows], default=1), line_end=last),
    )
    agency = meta.get("kode_skpd")
    return Document(
        doc_type=doc_type,
        pemda=_opt(meta.get("pemda")),
        perangkat_daerah=_opt(meta.get("perangkat_daerah")),
        kode_skpd=str(agency) if agency else None,
        year=year,
        forward_year=year + 1 if year else None,
        stage=stage,
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        visi=_opt(meta.get("visi")),
        misi=misi or None,
        source=Source(path=path, format=fmt, lines=last),
        tables=[table],
    )


def _opt(v: Any) -> Optional[str]:
    return norm_space(str(v)) if v not in (None, "") else None


def _int(v: Any, path: str, where: str) -> Optional[int]:
    if v in (None, ""):
        return None
    try:
        d = Decimal(str(v).strip())
        if d != d.to_integral_value():
            raise ValueError
        return int(d)
    except (ArithmeticError, ValueError):
        raise fail(path, where, f"{v!r} is not a year", f"{v!r} bukan tahun") from None


def money_cell(v: Any, path: str, where: str) -> Money:
    """A money cell: integer rupiah (int, an integral float, or text "1.500.000"); blank is empty."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return Money(raw="", status="empty")
    if isinstance(v, bool):
        v = str(v)
    if isinstance(v, (int, float, Decimal)):
        d = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
        if d != d.to_integral_value():
            raise fail(path, where, f"{v!r} is not a whole number of rupiah", f"{v!r} bukan rupiah bulat")
        return Money(raw=format_int(int(d)), value=int(d))
    m = parse_money(str(v), style="id")
    if m.status == "empty":
        return m
    if m.status != "ok" or m.value is None:
        raise fail(path, where, f"{str(v)!r} is not an amount of rupiah", f"{str(v)!r} bukan jumlah rupiah")
    return m


def target_cell(v: Any, unit: Optional[str]) -> Optional[Quantity]:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, float) and v == int(v):
        v = int(v)
    q = parse_quantity(str(v).replace(".", ",") if isinstance(v, float) else str(v), style="id")
    if unit and q.unit is None:
        q = q.model_copy(update={"unit": unit})
    return q


class _Builder:
    def __init__(self, doc_type: str, path: str, year: Optional[int]):
        self.doc_type, self.path, self.year = doc_type, path, year
        self.nodes: list[Node] = []
        self.by_key: dict[tuple, Node] = {}
        self.last: dict[str, Node] = {}
        self.prev: Optional[Node] = None
        self.count = 0
        self.ids: set[str] = set()

    def add(self, r: Row) -> None:
        c = r.cells
        code = normalize_code(str(c.get("kode") or "")) if str(c.get("kode") or "").strip() else None
        level = str(c.get("tingkat") or "").strip().lower().replace(" ", "") or (level_of(code) if code else None)
        if level not in ROW_LEVELS:
            raise fail(
                self.path,
                r.where("tingkat" if c.get("tingkat") else "kode"),
                f"cannot tell the level of this row (tingkat {c.get('tingkat')!r}, kode {c.get('kode')!r})",
                f"tingkat baris ini tidak dapat ditentukan (tingkat {c.get('tingkat')!r}, kode {c.get('kode')!r})",
            )
        name = norm_space(str(c.get("nama") or ""))
        agencies = [a.strip() for a in str(c.get("kode_skpd") or "").split(";") if a.strip()]
        if not agencies and c.get("perangkat_daerah"):
            agencies = [norm_space(str(c["perangkat_daerah"]))]
        key = (tuple(agencies), code or (level, norm_name(name)))
        node = self.by_key.get(key)
        if node is None or node is not self.prev:
            if not name and node is None:
                raise fail(self.path, r.where("nama"), "name is empty", "nama kosong")
            node = self._new(r, code, level, name, agencies, key)
        ind = self._indicator(r)
        if ind is not None:
            node.indicators.append(ind)
        self.prev = node

    def _new(self, r: Row, code, level, name, agencies, key) -> Node:
        c = r.cells
        self.count += 1
        tid = self.doc_type
        nid = f"{tid}:{code}" if code else f"{tid}:{level}:{self.count}"
        if nid in self.ids and key[0]:  # one code under two agencies of a pemda-wide document
            nid = f"{tid}:{';'.join(key[0])}:{code}"
        base, k = nid, 1
        while nid in self.ids:  # the same row twice: told apart by order, never by line
            k += 1
            nid = f"{base}:{k}"
        self.ids.add(nid)
        pagu: dict[str, Money] = {}
        for col, v in c.items():
            kind = column_kind(self.doc_type, col)
            if kind != "money":
                continue
            m = YEAR_COLUMN.match(col)
            yr = (
                m.group(2)
                if m
                else (str(self.year + 1) if col == "pagu_n1" and self.year else str(self.year) if self.year else col)
            )
            cell = money_cell(v, self.path, r.where(col))
            if cell.status != "empty" or v not in (None, ""):
                pagu[yr] = cell
        node = Node(
            id=nid,
            level=level,
            code=code,
            code_printed=str(c.get("kode")).strip() if code else None,
            code_status="printed" if code else "none",
            name=name,
            parent=self._parent(code, level),
            pagu=pagu,
            lokasi=_opt(c.get("lokasi")),
            sumber_dana=_opt(c.get("sumber_dana")),
            catatan=_opt(c.get("catatan")),
            prioritas=_opt(c.get("prioritas")),
            agencies=list(key[0]) or None,
            sumber=_opt(c.get("sumber")),
            span=Span(file=self.path, line_start=r.line, line_end=r.line),
        )
        self.nodes.append(node)
        self.by_key[key] = node
        self.last[level] = node
        return node

    def _parent(self, code: Optional[str], level: str) -> Optional[str]:
        if code:
            pc = parent_code(code)
            while pc:
                hit = next((n for n in reversed(self.nodes) if n.code == pc), None)
                if hit is not None:
                    return hit.id
                pc = parent_code(pc)
        up = {"tujuan": "misi", "sasaran": "tujuan", "program": "sasaran"}.get(level)
        if up and up in self.last and (level != "program" or self.doc_type == "rpjmd"):
            return self.last[up].id
        return None

    def _indicator(self, r: Row) -> Optional[Indicator]:
        c = r.cells
        text = norm_space(str(c.get("indikator") or ""))
        unit = _opt(c.get("satuan"))
        targets: dict[str, Quantity] = {}
        for col, v in c.items():
            if column_kind(self.doc_type, col) != "target":
                continue
            m = YEAR_COLUMN.match(col)
            yr = m.group(2) if m else (str(self.year) if self.year else "target")
            q = target_cell(v, unit)
            if q is not None:
                targets[yr] = q
        if not text and not targets:
            return None
        return Indicator(text=text, targets=targets, span=Span(file=self.path, line_start=r.line, line_end=r.line))
