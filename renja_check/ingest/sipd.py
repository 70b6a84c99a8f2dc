"""Reader for SIPD-RI Renja exports (``renja_laporan/listDataLampiranLaporan``).

A file is one agency (SKPD): a JSON list with one row per sub kegiatan, every row
carrying the whole chain (urusan, bidang, program, kegiatan, sub kegiatan), the
indicators, the pagu of the year and of the next year, and the subtotals of every
level *as printed* by SIPD (``total_pagu_indikatif_<level>``).

The document gets one table ``sipd`` (role ``rencana``, years [tahun, tahun+1]):

    total > urusan > bidang > program > kegiatan > subkegiatan

**Sub units.** A file may hold several sub units (``kode_sub_skpd``: a Puskesmas, a
UPT...). SIPD prints subtotals per sub unit only; there is no printed total of the
file. With one sub unit the root ``total`` carries the sub unit total and node ids
are ``sipd:<code>``. With several, the root ``total`` has no pagu (none is printed;
nothing is recomputed on ingest) and every sub unit is a ``lainnya`` node
(``sipd:unit:<kode_sub_skpd>``, ``code_printed`` = kode_sub_skpd, pagu = its printed
total) holding its own urusan > ... > subkegiatan subtree, with ids
``sipd:<kode_sub_skpd>:<code>``.

**Pagu.** The plan pagu of year N is ``pagu_indikatif``: SIPD's printed subtotals
(``total_pagu_indikatif_*``) add up from it. ``pagu`` (the budget column, which differs
on a few rows) is kept in ``Node.keterangan`` when it differs. ``pagu_n_depan`` is
the pagu of N+1. JSON numbers are decoded exactly (``Decimal``, never float); an amount
with a fraction of a rupiah (``1234567.59``) is status ``fraction`` (as ``parse_money``):
``value`` is its whole rupiah, ``raw`` the exact print, ``numbers.money_exact`` the amount.

**Subtotals.** Each parent node takes the printed total of its first row; when a
later row of the same parent prints another total, the first is kept and a
``sipd-total-disagrees`` note is added.

**Spans.** ``line_start``/``line_end`` are the real lines of the row's ``{`` and
``}`` in the JSON file (found while decoding), so a verifier can open the file at
the row. A parent node spans the row that introduced it.

Decoding lives in ``sipd_decode``, cell values (amounts, targets) in ``sipd_values``;
this module builds the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from ..corpus import normalize_code
from ..errors import InputError
from ..models import Document, Indicator, Money, Node, Note, Source, Span, Table
from ..text import norm_space
from .common import read_bytes, sha256
from .sipd_decode import REQUIRED, decode_rows  # noqa: F401  (REQUIRED re-exported)
from .sipd_values import PLACEHOLDERS, _indicators, _money, _placeholder, _quantity, unit_same  # noqa: F401

TABLE_ID = "sipd"
# (level, code key, name key, printed-total suffix)
CHAIN = (
    ("urusan", "kode_urusan", "nama_urusan", "urusan"),
    ("bidang", "kode_bidang_urusan", "nama_bidang_urusan", "bidang_urusan"),
    ("program", "kode_program", "nama_program", "program"),
    ("kegiatan", "kode_giat", "nama_giat", "kegiatan"),
)


def parse_sipd_file(path: Path) -> Document:
    path = Path(path)
    raw = read_bytes(path)
    rows = decode_rows(raw, str(path))
    return build_document(rows, str(path), sha256(raw))


# -- building the model ------------------------------------------------------------------


class _Builder:
    def __init__(self, path: str, year: int):
        self.path, self.year, self.fwd = path, year, year + 1
        self.nodes: dict[str, Node] = {}
        self.notes: list[Note] = []

    def span(self, first: int, last: int) -> Span:
        return Span(file=self.path, line_start=first, line_end=last)

    def pagu(self, row: dict, suffix: str) -> dict[str, Money]:
        return {
            str(self.year): _money(row.get(f"total_pagu_indikatif_{suffix}")),
            str(self.fwd): _money(row.get(f"total_pagu_n_depan_{suffix}")),
        }

    def parent_node(
        self,
        nid: str,
        level: str,
        code: str,
        name: str,
        parent: Optional[str],
        row: dict,
        suffix: str,
        span: Span,
        **extra: Any,
    ) -> str:
        pagu = self.pagu(row, suffix)
        node = self.nodes.get(nid)
        if node is None:
            self.nodes[nid] = Node(
                id=nid,
                level=level,
                code_printed=code or None,
                code=normalize_code(code) if code and level != "lainnya" else None,
                code_status="printed" if code and level != "lainnya" else "none",
                name=norm_space(name),
                parent=parent,
                pagu=pagu,
                span=span,
                **extra,
            )
        else:
            for y, m in pagu.items():
                old = node.pagu.get(y)
                if old is not None and old.value != m.value:
                    self.notes.append(
                        Note(
                            level="warning",
                            code="sipd-total-disagrees",
                            span=span,
                            message=f"{level} {code}: printed total for {y} is {m.raw} on this row but "
                            f"{old.raw} on line {node.span.line_start}; the first is kept",
                            message_id=f"{level} {code}: total tercetak {y} di baris ini {m.raw}, tetapi "
                            f"{old.raw} di baris {node.span.line_start}; yang pertama dipakai",
                        )
                    )
        return nid


def build_document(rows: list[tuple[dict, int, int]], path: str, digest: Optional[str] = None) -> Document:
    first = rows[0][0]
    try:
        year = int(first["tahun"])
        if not 1000 <= year <= 9999:
            raise ValueError
    except (TypeError, ValueError, ArithmeticError):  # NaN, Infinity, 5000 digits: not a year
        shown = repr(first["tahun"])[:40]
        raise InputError(
            f"{path}:{rows[0][1]}", f"tahun is not a year: {shown}", f"tahun bukan tahun: {shown}"
        ) from None
    b = _Builder(path, year)
    stem = Path(path).stem
    main = next((r for r, _, _ in rows if r.get("kode_skpd") == stem), first)
    units = list(dict.fromkeys(str(r.get("kode_sub_skpd") or r["kode_skpd"]) for r, _, _ in rows))
    multi = len(units) > 1
    total_id = f"{TABLE_ID}:total"
    b.nodes[total_id] = Node(
        id=total_id,
        level="total",
        name="Total",
        pagu={} if multi else b.pagu(first, "sub_skpd"),
        span=b.span(rows[0][1], rows[-1][2]),
    )
    bidang: list[str] = []
    for row, l1, l2 in rows:
        span = b.span(l1, l2)
        unit = str(row.get("kode_sub_skpd") or row["kode_skpd"])
        if str(row.get("tahun")).strip() != str(year):
            b.notes.append(
                Note(
                    level="warning",
                    code="sipd-year-mixed",
                    span=span,
                    message=f"row has tahun {row.get('tahun')!r}, the file {year}",
                    message_id=f"baris bertahun {row.get('tahun')!r}, berkas bertahun {year}",
                )
            )
        prefix = f"{TABLE_ID}:{unit}:" if multi else f"{TABLE_ID}:"
        parent = total_id
        if multi:
            parent = b.parent_node(
                f"{TABLE_ID}:unit:{unit}",
                "lainnya",
                unit,
                row.get("nama_sub_skpd") or "",
                total_id,
                row,
                "sub_skpd",
                span,
            )
        for level, kkey, nkey, suffix in CHAIN:
            code = str(row.get(kkey) or "")
            if level == "bidang" and code and code not in bidang:
                bidang.append(code)
            ind: dict[str, Any] = {}
            if level == "program":
                ind["indicators"] = _indicators(
                    row.get("tolak_ukur_capaian"),
                    row.get("target_teks_capaian"),
                    str(year),
                    row.get("satuan_capaian"),
                    span,
                )
            elif level == "kegiatan":
                ind["indicators"] = _indicators(
                    row.get("tolok_ukur_sub"), row.get("target_sub_teks"), str(year), row.get("satuan_sub"), span
                )
            parent = b.parent_node(
                prefix + normalize_code(code), level, code, row.get(nkey) or "", parent, row, suffix, span, **ind
            )
        b.nodes.setdefault(*_sub_node(b, row, prefix, parent, span))
    for code in _bidang_of_skpd(str(main["kode_skpd"])):
        if code not in bidang:
            bidang.append(code)
    table = Table(
        id=TABLE_ID,
        title="Renja SIPD-RI",
        role="rencana",
        years=[year, year + 1],
        nodes=list(b.nodes.values()),
        span=b.span(rows[0][1], rows[-1][2]),
    )
    if multi:
        b.notes.append(
            Note(
                level="info",
                code="sipd-sub-units",
                message=f"{len(units)} sub units; each is a 'lainnya' node under the total",
                message_id=f"{len(units)} sub unit; masing-masing menjadi simpul 'lainnya' di bawah total",
            )
        )
    return Document(
        doc_type="renja",
        pemda=norm_space(main.get("nama_daerah") or main.get("nama_pemda") or "") or None,
        perangkat_daerah=norm_space(main["nama_skpd"]),
        kode_skpd=str(main["kode_skpd"]),
        bidang=bidang,
        year=year,
        forward_year=year + 1,
        source=Source(path=path, format="sipd-json", sha256=digest, lines=rows[-1][2] + 1),
        tables=[table],
        notes=b.notes,
    )


def _sub_node(b: _Builder, row: dict, prefix: str, parent: str, span: Span) -> tuple[str, Node]:
    code = str(row["kode_sub_giat"])
    nid = prefix + normalize_code(code)
    if nid in b.nodes:  # the same sub kegiatan twice in one unit: keep both, by line
        nid = f"{prefix}L{span.line_start}"
    pagu_plan = _money(row.get("pagu_indikatif", row.get("pagu")))
    ket = None
    if "pagu" in row and _money(row["pagu"]).value != pagu_plan.value:
        ket = f"pagu SIPD {_money(row['pagu']).raw} (pagu indikatif {pagu_plan.raw})"
    indicators = []
    if not _placeholder(row.get("tolak_ukur_output")):
        tgt = norm_space(row.get("target_teks_output") or "")
        indicators.append(
            Indicator(
                text=norm_space(row["tolak_ukur_output"]),
                targets={str(b.year): _quantity(tgt, row.get("satuan_output") or "")} if tgt else {},
                span=span,
            )
        )
    node = Node(
        id=nid,
        level="subkegiatan",
        code_printed=code,
        code=normalize_code(code),
        code_status="printed",
        name=norm_space(row["nama_sub_giat"]),
        parent=parent,
        indicators=indicators,
        pagu={str(b.year): pagu_plan, str(b.fwd): _money(row.get("pagu_n_depan"))},
        lokasi=norm_space(row.get("lokasi_bl") or "") or None,
        sumber_dana=norm_space(row.get("nama_dana") or "") or None,
        keterangan=ket,
        span=span,
    )
    return nid, node


def _bidang_of_skpd(kode_skpd: str) -> list[str]:
    """``5.03.5.04.0.00.01.0000`` -> ["5.03", "5.04"]: the SKPD code names up to three bidang."""
    parts = kode_skpd.split(".")
    out = []
    for i in (0, 2, 4):
        if i + 1 < len(parts) and parts[i] != "0" and parts[i].isdigit() and parts[i + 1] != "00":
            out.append(f"{parts[i]}.{parts[i + 1]}")
    return out


__all__ = ["parse_sipd_file", "decode_rows", "build_document"]
