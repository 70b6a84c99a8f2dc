"""The document model: what a parser reads, what rules check.

Everything is pydantic v2 with ``extra="forbid"`` so that a hand-edited
extraction (``renja-check extract`` output) is validated strictly on load.

Money is an integer number of rupiah (``Money.value``); other numbers
(targets, realisations, percentages) are ``Decimal`` kept next to the raw
cell text (``Quantity``). Subtotals and totals are stored *as printed*;
nothing is recomputed on ingest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

DocType = Literal["renja", "renstra", "rkpd", "rpjmd"]
Level = Literal[
    "total",
    "urusan",
    "bidang",
    "program",
    "kegiatan",
    "subkegiatan",
    "indikator",
    "lainnya",
    "misi",
    "tujuan",
    "sasaran",  # rows of a Renstra / RPJMD (canonical documents, ingest/canonical)
]
# fraction: a money amount with a fraction of a rupiah (exact, but not integer rupiah);
# compound: a target cell holding several values or units ("20/12 Orang/bulan", "85% %"),
# its ``note`` starting with the shape: "several-values:", "doubled-unit:", "two-units:"
CellStatus = Literal["ok", "empty", "error", "ambiguous", "invalid", "fraction", "compound"]
CodeStatus = Literal["printed", "resolved", "unresolved", "legacy", "none"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """Where something stands in its source: 1-based inclusive line range."""

    file: str
    line_start: int
    line_end: int
    page: Optional[int] = None

    def label(self) -> str:
        lines = f"{self.line_start}" if self.line_start == self.line_end else f"{self.line_start}-{self.line_end}"
        return f"{self.file}:{lines}"


class Money(Model):
    """A pagu cell. ``value`` is integer rupiah (already multiplied by ``scale``)."""

    raw: str
    value: Optional[int] = None
    status: CellStatus = "ok"
    scale: int = 1  # 1000 for tables printed "dalam ribuan"
    note: Optional[str] = None  # why a cell is ambiguous / invalid


class Quantity(Model):
    """A target / realisation / rate cell: number plus unit, raw text kept."""

    raw: str
    value: Optional[Decimal] = None
    unit: Optional[str] = None
    status: CellStatus = "ok"
    note: Optional[str] = None


class Indicator(Model):
    """An indicator row of a node with its targets keyed by year ("2023") or column id."""

    text: str
    targets: dict[str, Quantity] = Field(default_factory=dict)
    span: Optional[Span] = None


class Column(Model):
    """A column of a table. ``formula`` as printed in the header, e.g. ``8=(7/6)``."""

    id: str  # column number as printed ("8") or a role name ("pagu_2023")
    label: str
    role: Optional[str] = None  # target, realisasi, pagu, rate, capaian, lokasi, ...
    year: Optional[int] = None
    formula: Optional[str] = None


class Node(Model):
    """A row of a table: urusan/bidang/program/kegiatan/sub kegiatan, a subtotal or a total.

    ``parent`` is the ``id`` of the enclosing node in the same table, so a table is a
    tree; a ``total`` node is the root of its table. ``pagu`` holds the amounts as
    printed, keyed by year; a subtotal is a node whose children also carry pagu.
    """

    id: str  # stable within the document, e.g. "T2.5-awal:5.03.01.2.01.0001" or "T2.1:r12"
    level: Level
    code_printed: Optional[str] = None
    code: Optional[str] = None  # resolved full dotted code
    code_status: CodeStatus = "none"
    name: str = ""
    name_printed: Optional[str] = None  # when ``name`` was normalised from the print
    ordinal: Optional[str] = None  # "a.", "1", "I" as printed
    parent: Optional[str] = None
    indicators: list[Indicator] = Field(default_factory=list)
    pagu: dict[str, Money] = Field(default_factory=dict)  # year -> amount
    values: dict[str, Quantity] = Field(default_factory=dict)  # other numbered columns
    lokasi: Optional[str] = None
    sumber_dana: Optional[str] = None
    catatan: Optional[str] = None
    keterangan: Optional[str] = None
    # canonical RKPD / Renstra / RPJMD rows: the agencies a row belongs to (kode_skpd or name;
    # RPJMD: the responsible agencies), the RKPD prioritas, and where the fact was quoted from
    agencies: Optional[list[str]] = None  # None (not []) keeps model dumps of other readers unchanged
    prioritas: Optional[str] = None
    sumber: Optional[str] = None  # "file:line" of the source the row quotes
    span: Span


class Table(Model):
    """One table, or one side of a two-sided table (Tabel 2.5 left / right)."""

    id: str  # unique in the document: "T2.1", "T2.5-awal", "T2.5-analisis", "rumusan", ...
    number: Optional[str] = None  # as printed: "2.1", "2.5"; None for unnumbered tables
    title: str = ""
    role: str  # evaluasi | kinerja_pelayanan | rkpd_awal | kebutuhan | rencana | rkpd_akhir | sipd
    side: Optional[str] = None  # "rancangan_awal" / "hasil_analisis" for two-sided tables
    pair: Optional[str] = None  # id of the other side
    years: list[int] = Field(default_factory=list)  # years with pagu/target columns
    money_scale: int = 1
    columns: list[Column] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    complete: bool = True  # False when the table was cut (extraction lost part of it)
    span: Span


ClaimKind = Literal[
    "count", "total", "reference", "plan_year", "period", "percent", "parts", "result"
]  # issue 11: identity, prose arithmetic
Subject = Literal["program", "kegiatan", "subkegiatan"]


class Claim(Model):
    """A statement in prose that tables must honour."""

    id: str
    kind: ClaimKind
    subject: Optional[Subject] = None  # for counts
    value: Optional[int] = None  # the count, or rupiah for totals
    raw: str  # the matched words ("37 Sub Kegiatan", "Rp 12.345.678.901,-")
    sentence: str
    year: Optional[int] = None
    section: Optional[str] = None  # "2.1", "2.5", "3.3", "BAB IV"
    qualifier: Optional[str] = None  # "usulan" for "(dari usulan 40 Sub Kegiatan)", ...
    refers_to: Optional[str] = None  # table id the claim is about, when known
    span: Span


class Note(Model):
    """Something the reader noticed about the input itself (not a rule finding)."""

    level: Literal["info", "warning", "error"] = "warning"
    code: str  # e.g. "table-missing", "table-truncated", "cell-unparsed"
    message: str  # English
    message_id: Optional[str] = None  # Bahasa Indonesia (readers write both)
    span: Optional[Span] = None


class Source(Model):
    path: str
    format: str  # pdf-text | pdf | sipd-json | model-yaml | model-json
    sha256: Optional[str] = None
    lines: Optional[int] = None


class Document(Model):
    schema_version: int = SCHEMA_VERSION
    doc_type: DocType = "renja"
    pemda: Optional[str] = None
    perangkat_daerah: Optional[str] = None
    kode_skpd: Optional[str] = None
    bidang: list[str] = Field(default_factory=list)  # bidang codes of the PD: ["5.03", "5.04"]
    year: Optional[int] = None
    forward_year: Optional[int] = None
    # RKPD: "rancangan_awal" | "rancangan_akhir" | "final"; Renstra / RPJMD: the period
    stage: Optional[str] = None
    period_start: Optional[int] = None
    period_end: Optional[int] = None
    visi: Optional[str] = None  # RPJMD
    misi: Optional[list[str]] = None  # RPJMD
    source: Source
    tables: list[Table] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    def table(self, table_id: str) -> Optional[Table]:
        return next((t for t in self.tables if t.id == table_id), None)

    def tables_with_role(self, role: str) -> list[Table]:
        return [t for t in self.tables if t.role == role]


class Dossier(Model):
    """The documents checked together for one PD and year.

    ``agency`` is the kode_skpd (or name) that links the Renja to the rows of pemda-wide
    documents (RKPD, RPJMD); ``pemda`` and ``year`` come from the dossier file when given.
    """

    documents: list[Document] = Field(default_factory=list)
    agency: Optional[str] = None
    pemda: Optional[str] = None
    year: Optional[int] = None

    def of_type(self, doc_type: str) -> list[Document]:
        return [d for d in self.documents if d.doc_type == doc_type]

    def tables_with_role(self, role: str) -> list[tuple[Document, Table]]:
        return [(d, t) for d in self.documents for t in d.tables if t.role == role]
