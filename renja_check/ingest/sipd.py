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
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Optional

from ..corpus import normalize_code
from ..errors import InputError
from ..models import Document, Indicator, Money, Node, Note, Quantity, Source, Span, Table
from ..numbers import format_int, parse_quantity
from ..text import norm_name, norm_space
from .common import read_bytes, sha256

REQUIRED = ("tahun", "kode_skpd", "nama_skpd", "kode_urusan", "kode_bidang_urusan", "kode_program",
            "nama_program", "kode_giat", "nama_giat", "kode_sub_giat", "nama_sub_giat")
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


# -- decoding ----------------------------------------------------------------------------

def decode_rows(raw: bytes, where: str) -> list[tuple[dict, int, int]]:
    """The rows of a SIPD export with the 1-based lines of each row's first and last char."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 text (offset {exc.start})", f"bukan teks UTF-8 (posisi {exc.start})") from None
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_of(pos: int) -> int:
        return bisect_right(newlines, pos - 1) + 1

    dec = json.JSONDecoder(parse_float=Decimal)  # exact amounts: no float ever
    pos = _skip_ws(text, 0)
    if pos >= len(text) or text[pos] != "[":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _json_error(where, exc) from None
        raise InputError(where, f"not a SIPD-RI Renja export: expected a JSON list of rows, found {type(value).__name__}",
                         f"bukan ekspor Renja SIPD-RI: yang diharapkan daftar (list) JSON baris, ditemukan {type(value).__name__}")
    rows: list[tuple[dict, int, int]] = []
    pos = _skip_ws(text, pos + 1)
    try:
        if pos < len(text) and text[pos] == "]":
            pos += 1
        else:
            while True:
                value, end = dec.raw_decode(text, pos)
                if not isinstance(value, dict):
                    raise InputError(f"{where}:{line_of(pos)}",
                                     f"row {len(rows) + 1} is a {type(value).__name__}, not an object",
                                     f"baris data ke-{len(rows) + 1} berupa {type(value).__name__}, bukan objek")
                rows.append((value, line_of(pos), line_of(end - 1)))
                pos = _skip_ws(text, end)
                if pos < len(text) and text[pos] == ",":
                    pos = _skip_ws(text, pos + 1)
                    continue
                if pos < len(text) and text[pos] == "]":
                    pos += 1
                    break
                raise json.JSONDecodeError("expected ',' or ']'", text, pos)
    except json.JSONDecodeError as exc:
        raise _json_error(where, exc) from None
    if _skip_ws(text, pos) != len(text):
        raise _json_error(where, json.JSONDecodeError("extra data after the list", text, pos))
    if not rows:
        raise InputError(where, "empty SIPD export: the list holds no rows", "ekspor SIPD kosong: daftar tidak berisi baris")
    for row, first, _ in rows:
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            raise InputError(f"{where}:{first}", f"not a SIPD-RI Renja row: missing {', '.join(missing)}",
                             f"bukan baris Renja SIPD-RI: tidak ada {', '.join(missing)}")
    return rows


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _json_error(where: str, exc: json.JSONDecodeError) -> InputError:
    doc = exc.doc.strip()
    truncated = exc.pos >= len(doc) - 1 or (doc.startswith("[") and not doc.endswith("]"))
    what_en = "truncated JSON (the file ends early)" if truncated else f"invalid JSON: {exc.msg}"
    what_id = "JSON terpotong (berkas berakhir sebelum waktunya)" if truncated else f"JSON tidak sah: {exc.msg}"
    return InputError(f"{where}:{exc.lineno}", f"{what_en} at line {exc.lineno} column {exc.colno}",
                      f"{what_id} pada baris {exc.lineno} kolom {exc.colno}")


# -- building the model ------------------------------------------------------------------

def _money(v: Any) -> Money:
    if v is None or v == "":
        return Money(raw="", status="empty")
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal, str)):
        return Money(raw=str(v), status="invalid", note=f"not an amount: {v!r}")
    if isinstance(v, float):  # rows built by callers; decoded files give Decimal
        v = Decimal(repr(v))
    if isinstance(v, str):
        try:
            v = Decimal(v.strip())
        except InvalidOperation:
            return Money(raw=v, status="invalid", note=f"not an amount: {v!r}")
        if not v.is_finite():
            return Money(raw=str(v), status="invalid", note=f"not an amount: {str(v)!r}")
    if isinstance(v, Decimal):
        if v != v.to_integral_value():
            raw = format(v, "f")
            return Money(raw=raw, value=int(v), status="fraction", note=f"fraction of a rupiah in {raw!r}")
        v = int(v)
    return Money(raw=format_int(v), value=v)


def _lines(text: Any) -> list[str]:
    return [norm_space(x) for x in str(text or "").split("\n")]


def _indicators(texts: Any, targets: Any, year: str, units: Any, span: Span) -> list[Indicator]:
    """Parallel newline-separated lists of indicators and targets, empties and repeats dropped."""
    names, tgts, sats = _lines(texts), _lines(targets), _lines(units)
    out: list[Indicator] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        key = norm_name(name)
        if not name or key in seen:
            continue
        seen.add(key)
        tgt = tgts[i] if i < len(tgts) and len(tgts) == len(names) else (tgts[0] if len(tgts) == 1 else "")
        sat = sats[i] if i < len(sats) and len(sats) == len(names) else ""
        out.append(Indicator(text=name, targets={year: _quantity(tgt, sat)} if tgt else {}, span=span))
    return out


PLACEHOLDERS = frozenset({"undefined", "null", "none", "nan"})  # left by the export, not a target
_NUMBER_UNIT = re.compile(r"^[+-]?\d[\d.,]*\s*(%|[^\W\d_]+)$")  # one number, one unit word


def _placeholder(text: Any) -> bool:
    """No indicator written: blank, a dash, ``0`` or an export placeholder (``undefined``)."""
    words = norm_name(str(text or "")).split()
    return not words or words == ["0"] or set(words) <= PLACEHOLDERS or norm_space(str(text)) in ("-", "--")


def unit_same(a: str, b: str) -> bool:
    """Two prints of one unit (``%``/``persen`` aside, case and spacing ignored)."""
    return norm_name(a) == norm_name(b) or (a.strip() == "%" and b.strip() == "%")


def _quantity(target: str, satuan: str) -> Quantity:
    """A target like ``2 Dokumen``; the unit is cross-checked with ``satuan_output``.

    When the text ends with the satuan, the satuan is the unit and the rest the number.
    A placeholder (``undefined``, ``null``) is ``invalid``. A head that is not one number is
    ``compound`` (see ``models.CellStatus``): the unit written twice (``85% %``, value kept),
    a number with another unit (``100 % Laporan``) or several values (``25/14 Orang/bulan``).
    """
    t, sat = norm_space(target), norm_space(satuan)
    if norm_name(t).split() and set(norm_name(t).split()) <= PLACEHOLDERS:
        return Quantity(raw=target, status="invalid", note=f"placeholder {t!r}, no target written")
    if sat and len(t) > len(sat) and t.lower().endswith(sat.lower()):
        head = t[: len(t) - len(sat)].strip()
        q = parse_quantity(head, style="id")
        if q.unit and q.value is not None and q.status == "ok" and unit_same(q.unit, sat):
            return q.model_copy(update={"raw": target, "unit": sat, "status": "compound",
                                        "note": f"doubled-unit: {head!r} then {sat!r}"})
        if q.unit and q.value is not None and q.status == "ok" and _NUMBER_UNIT.match(head) \
                and not sat[:1].isdigit():
            return Quantity(raw=target, unit=sat, status="compound",
                            note=f"two-units: {q.unit!r} and {sat!r}")
        if q.unit or q.status == "invalid":
            return Quantity(raw=target, unit=sat, status="compound", note=f"several-values: {head!r}")
        return q.model_copy(update={"raw": target, "unit": t[len(t) - len(sat):]})
    q = parse_quantity(t, style="id").model_copy(update={"raw": target})
    if sat and q.unit is None and q.value is not None:
        return q.model_copy(update={"unit": sat})
    if sat and q.unit and norm_name(q.unit) != norm_name(sat):
        return q.model_copy(update={"note": f"satuan_output is {sat!r}, target says {q.unit!r}"})
    return q


class _Builder:
    def __init__(self, path: str, year: int):
        self.path, self.year, self.fwd = path, year, year + 1
        self.nodes: dict[str, Node] = {}
        self.notes: list[Note] = []

    def span(self, first: int, last: int) -> Span:
        return Span(file=self.path, line_start=first, line_end=last)

    def pagu(self, row: dict, suffix: str) -> dict[str, Money]:
        return {str(self.year): _money(row.get(f"total_pagu_indikatif_{suffix}")),
                str(self.fwd): _money(row.get(f"total_pagu_n_depan_{suffix}"))}

    def parent_node(self, nid: str, level: str, code: str, name: str, parent: Optional[str], row: dict,
                    suffix: str, span: Span, **extra: Any) -> str:
        pagu = self.pagu(row, suffix)
        node = self.nodes.get(nid)
        if node is None:
            self.nodes[nid] = Node(id=nid, level=level, code_printed=code or None,
                                   code=normalize_code(code) if code and level != "lainnya" else None,
                                   code_status="printed" if code and level != "lainnya" else "none",
                                   name=norm_space(name), parent=parent, pagu=pagu, span=span, **extra)
        else:
            for y, m in pagu.items():
                old = node.pagu.get(y)
                if old is not None and old.value != m.value:
                    self.notes.append(Note(
                        level="warning", code="sipd-total-disagrees", span=span,
                        message=f"{level} {code}: printed total for {y} is {m.raw} on this row but "
                                f"{old.raw} on line {node.span.line_start}; the first is kept",
                        message_id=f"{level} {code}: total tercetak {y} di baris ini {m.raw}, tetapi "
                                   f"{old.raw} di baris {node.span.line_start}; yang pertama dipakai"))
        return nid


def build_document(rows: list[tuple[dict, int, int]], path: str, digest: Optional[str] = None) -> Document:
    first = rows[0][0]
    try:
        year = int(first["tahun"])
    except (TypeError, ValueError):
        raise InputError(f"{path}:{rows[0][1]}", f"tahun is not a year: {first['tahun']!r}",
                         f"tahun bukan tahun: {first['tahun']!r}") from None
    b = _Builder(path, year)
    stem = Path(path).stem
    main = next((r for r, _, _ in rows if r.get("kode_skpd") == stem), first)
    units = list(dict.fromkeys(str(r.get("kode_sub_skpd") or r["kode_skpd"]) for r, _, _ in rows))
    multi = len(units) > 1
    total_id = f"{TABLE_ID}:total"
    b.nodes[total_id] = Node(id=total_id, level="total", name="Total",
                             pagu={} if multi else b.pagu(first, "sub_skpd"),
                             span=b.span(rows[0][1], rows[-1][2]))
    bidang: list[str] = []
    for row, l1, l2 in rows:
        span = b.span(l1, l2)
        unit = str(row.get("kode_sub_skpd") or row["kode_skpd"])
        if str(row.get("tahun")).strip() != str(year):
            b.notes.append(Note(level="warning", code="sipd-year-mixed", span=span,
                                message=f"row has tahun {row.get('tahun')!r}, the file {year}",
                                message_id=f"baris bertahun {row.get('tahun')!r}, berkas bertahun {year}"))
        prefix = f"{TABLE_ID}:{unit}:" if multi else f"{TABLE_ID}:"
        parent = total_id
        if multi:
            parent = b.parent_node(f"{TABLE_ID}:unit:{unit}", "lainnya", unit, row.get("nama_sub_skpd") or "",
                                   total_id, row, "sub_skpd", span)
        for level, kkey, nkey, suffix in CHAIN:
            code = str(row.get(kkey) or "")
            if level == "bidang" and code and code not in bidang:
                bidang.append(code)
            ind: dict[str, Any] = {}
            if level == "program":
                ind["indicators"] = _indicators(row.get("tolak_ukur_capaian"), row.get("target_teks_capaian"),
                                                str(year), row.get("satuan_capaian"), span)
            elif level == "kegiatan":
                ind["indicators"] = _indicators(row.get("tolok_ukur_sub"), row.get("target_sub_teks"),
                                                str(year), row.get("satuan_sub"), span)
            parent = b.parent_node(prefix + normalize_code(code), level, code, row.get(nkey) or "", parent,
                                   row, suffix, span, **ind)
        b.nodes.setdefault(*_sub_node(b, row, prefix, parent, span))
    for code in _bidang_of_skpd(str(main["kode_skpd"])):
        if code not in bidang:
            bidang.append(code)
    table = Table(id=TABLE_ID, title="Renja SIPD-RI", role="rencana", years=[year, year + 1],
                  nodes=list(b.nodes.values()), span=b.span(rows[0][1], rows[-1][2]))
    if multi:
        b.notes.append(Note(level="info", code="sipd-sub-units",
                            message=f"{len(units)} sub units; each is a 'lainnya' node under the total",
                            message_id=f"{len(units)} sub unit; masing-masing menjadi simpul 'lainnya' di bawah total"))
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
        indicators.append(Indicator(text=norm_space(row["tolak_ukur_output"]),
                                    targets={str(b.year): _quantity(tgt, row.get("satuan_output") or "")} if tgt else {},
                                    span=span))
    node = Node(id=nid, level="subkegiatan", code_printed=code, code=normalize_code(code), code_status="printed",
                name=norm_space(row["nama_sub_giat"]), parent=parent, indicators=indicators,
                pagu={str(b.year): pagu_plan, str(b.fwd): _money(row.get("pagu_n_depan"))},
                lokasi=norm_space(row.get("lokasi_bl") or "") or None,
                sumber_dana=norm_space(row.get("nama_dana") or "") or None,
                keterangan=ket, span=span)
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
