"""Canonical documents kept as spreadsheets: .xlsx (openpyxl, imported lazily) and .csv.

Workbook layout (what ``renja-check template`` writes):
  sheet ``dokumen``  key / value rows: dokumen, pemda, tahun, tahap, periode, ... (``misi`` may repeat)
  sheet ``data``     row 1 the column names of ``canonical_layout``, one row per fact below
  sheet ``petunjuk`` what each column holds (ignored on reading)
A CSV file is the ``data`` sheet alone; meta fields go in ``# key: value`` lines before
the header (``# dokumen: rkpd``), or come from the dossier role.

Every problem (no ``data`` sheet, a merged header, a missing or unknown column, text in a
money cell) is one ``InputError`` naming the file, sheet, row and column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Optional

from ..errors import InputError
from ..models import Document
from .canonical import Row, build, place_id
from .canonical_layout import DOC_TYPES, LAYOUTS, META_KEYS, YEAR_COLUMN, column_kind, columns, required
from .common import read_bytes, read_text

DATA, META, HELP = "data", "dokumen", "petunjuk"


def letter(i: int) -> str:
    """1 -> A, 27 -> AA."""
    s = ""
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _header(path: str, cells: list[Any], doc_type: str, place: str) -> list[Optional[str]]:
    names: list[Optional[str]] = []
    for i, v in enumerate(cells, start=1):
        name = str(v).strip().lower().replace(" ", "_") if v not in (None, "") else None
        if name and column_kind(doc_type, name) is None:
            known = ", ".join(c.name for c in LAYOUTS[doc_type])
            raise InputError(
                path,
                f"{place}, row 1, column {letter(i)}: unknown column '{v}' (known: {known}"
                f"{', target_<year>, pagu_<year>' if doc_type != 'rkpd' else ''})",
                f"{place_id(place)}, baris 1, kolom {letter(i)}: kolom '{v}' tidak dikenal (yang dikenal: {known})",
            )
        if name and name in names:
            raise InputError(
                path,
                f"{place}, row 1, column {letter(i)}: column '{v}' appears twice",
                f"{place_id(place)}, baris 1, kolom {letter(i)}: kolom '{v}' muncul dua kali",
            )
        names.append(name)
    for col in required(doc_type):
        if col not in names:
            raise InputError(
                path,
                f"{place}, row 1 (header): missing column '{col}'",
                f"{place_id(place)}, baris 1 (judul): kolom '{col}' tidak ada",
            )
    return names


def _rows(path: str, header: list[Optional[str]], body, place: str) -> list[Row]:
    pos = {n: i for i, n in enumerate(header, start=1) if n}
    out = []
    for line, values in body:
        if all(v in (None, "") or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        cells = {n: (values[i - 1] if i - 1 < len(values) else None) for n, i in pos.items()}
        out.append(
            Row(
                cells=cells,
                line=line,
                where=lambda col, line=line: (
                    f"{place}, row {line}, column {letter(pos[col])} ({col})"
                    if col in pos
                    else f"{place}, row 1, column {col}"
                ),
            )
        )
    return out


def _doc_type(meta: dict, role: Optional[str], path: str, where: str) -> dict:
    dt = str(meta.get("dokumen") or role or "").strip().lower()
    if dt not in DOC_TYPES:
        raise InputError(
            path,
            f"{where}: say which document this is ('dokumen: rkpd|renstra|rpjmd')",
            f"{where}: sebutkan dokumen apa ini ('dokumen: rkpd|renstra|rpjmd')",
        )
    return dict(meta, dokumen=dt)


def load_xlsx(path: Path, role: Optional[str] = None) -> Document:
    import zipfile

    from openpyxl import load_workbook  # lazy: only spreadsheets need it

    p = str(path)
    read_bytes(path)  # clear errors for missing / empty files
    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(
            p, f"not a readable .xlsx workbook ({exc})", f"bukan buku kerja .xlsx yang terbaca ({exc})"
        ) from None
    if DATA not in wb.sheetnames:
        raise InputError(
            p,
            f"no sheet '{DATA}' (sheets: {', '.join(wb.sheetnames)})",
            f"tidak ada lembar '{DATA}' (lembar: {', '.join(wb.sheetnames)})",
        )
    meta: dict[str, Any] = {}
    if META in wb.sheetnames:
        for r, (k, v, *_) in enumerate(wb[META].iter_rows(min_row=2, values_only=True), start=2):
            key = str(k or "").strip().lower()
            if key == "misi":
                meta.setdefault("misi", []).append(v) if v not in (None, "") else None
            elif key in META_KEYS and v not in (None, ""):
                meta[key] = v
    ws = wb[DATA]
    place = f"sheet '{DATA}'"
    meta = _doc_type(meta, role, p, f"sheet '{META}'")
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= 1:
            raise InputError(
                p,
                f"{place}, row 1, column {letter(rng.min_col)}: merged header cells ({rng.coord}); "
                "write one column name per cell",
                f"{place_id(place)}, baris 1, kolom {letter(rng.min_col)}: sel judul digabung ({rng.coord}); "
                "tulis satu nama kolom per sel",
            )
    rows = ws.iter_rows(values_only=True)
    first = next(rows, None) or ()
    header = _header(p, list(first), meta["dokumen"], place)
    body = [(i, list(v)) for i, v in enumerate(rows, start=2)]
    _unsaved_formulas(path, header, body, meta["dokumen"], place)
    return build(meta, _rows(p, header, body, place), p, "xlsx", f"sheet '{META}'")


def _unsaved_formulas(path: Path, header: list[Optional[str]], body: list, doc_type: str, place: str) -> None:
    """A money or target cell that is a formula with no saved result (a workbook written by a
    program, never opened in a spreadsheet) would read as blank: an input error instead."""
    from openpyxl import load_workbook

    cols = [i for i, n in enumerate(header) if n and column_kind(doc_type, n) in ("money", "target")]
    blank = [(line, i) for line, values in body for i in cols if i < len(values) and values[i] is None]
    if not blank:
        return
    ws = load_workbook(path)[DATA]
    for line, i in blank:
        v = ws.cell(row=line, column=i + 1).value
        if isinstance(v, str) and v.startswith("="):
            raise InputError(
                str(path),
                f"{place}, row {line}, column {letter(i + 1)} ({header[i]}): formula {v} "
                "has no saved result; open and save the workbook in a spreadsheet program",
                f"{place_id(place)}, baris {line}, kolom {letter(i + 1)} ({header[i]}): rumus {v} "
                "belum punya hasil tersimpan; buka dan simpan buku kerja di program lembar kerja",
            )


def load_csv(path: Path, role: Optional[str] = None) -> Document:
    p = str(path)
    text = read_text(path)
    lines = text.splitlines()
    meta: dict[str, Any] = {}
    skip = 0
    for ln in lines:
        if not ln.startswith("#"):
            break
        skip += 1
        k, _, v = ln.lstrip("#").partition(":")
        if k.strip().lower() == "misi":
            meta.setdefault("misi", []).append(v.strip())
        elif k.strip().lower() in META_KEYS:
            meta[k.strip().lower()] = v.strip()
    meta = _doc_type(meta, role, p, "line 1")
    rest = "\n".join(lines[skip:])
    try:
        dialect = csv.Sniffer().sniff(rest[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(rest), dialect)
    head = next(reader, None) or []
    place = "csv"
    header = _header(p, head, meta["dokumen"], place)
    body = ((skip + i, v) for i, v in enumerate(reader, start=2))
    return build(meta, _rows(p, header, body, place), p, "csv", "line 1")


def write_template(doc_type: str, out: Path, year: int, period: tuple[int, int]) -> None:
    """A workbook to fill in: ``dokumen`` meta, an empty ``data`` sheet, ``petunjuk``
    (a ``.csv`` path gets the header row after ``# key: value`` meta lines)."""
    if Path(out).suffix.lower() == ".csv":
        years = [year] if doc_type == "rkpd" else list(range(period[0], period[1] + 1))
        meta = [f"# dokumen: {doc_type}"] + (
            [f"# tahun: {year}", "# tahap: rancangan_akhir"]
            if doc_type == "rkpd"
            else [f"# periode: {period[0]}-{period[1]}"]
        )
        Path(out).write_text(
            "\n".join(meta + [",".join(c.name for c in columns(doc_type, years))]) + "\n", encoding="utf-8"
        )
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    years = [year] if doc_type == "rkpd" else list(range(period[0], period[1] + 1))
    cols = columns(doc_type, years)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA
    ws.append([c.name for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    meta = wb.create_sheet(META)
    meta.append(["kunci", "nilai", "keterangan"])
    values = {
        "dokumen": doc_type,
        "tahun": year if doc_type == "rkpd" else None,
        "tahap": "rancangan_akhir" if doc_type == "rkpd" else None,
        "periode": None if doc_type == "rkpd" else f"{period[0]}-{period[1]}",
    }
    for key in META_KEYS:
        if key in ("tahap", "tahun") and doc_type != "rkpd" or key in ("visi", "misi") and doc_type != "rpjmd":
            continue
        meta.append([key, values.get(key), _META_HELP.get(key, "")])
    helps = wb.create_sheet(HELP)
    helps.append(["kolom", "isi", "content"])
    for c in cols:
        m = YEAR_COLUMN.match(c.name)
        hid = c.help_id or (f"{m.group(1)} tahun {m.group(2)}" if m else c.name.replace("_", " "))
        hen = c.help_en or (f"{m.group(1)} of {m.group(2)}" if m else c.name.replace("_", " "))
        helps.append([c.name + (" *" if c.required else ""), hid, hen])
    wb.save(out)


_META_HELP = {
    "dokumen": "rkpd | renstra | rpjmd",
    "tahun": "tahun rencana N",
    "periode": "mis. 2021-2026",
    "tahap": "rancangan_awal | rancangan_akhir | final",
    "kode_skpd": "kode SKPD (Renstra)",
    "misi": "satu baris per misi",
    "sumber": "dokumen asal fakta",
}


def is_spreadsheet(path: Path) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm", ".csv")
