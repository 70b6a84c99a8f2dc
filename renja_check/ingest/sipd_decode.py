"""Decoding a SIPD-RI Renja export: the JSON list of rows, with the lines of each row.

Amounts are decoded exactly (``Decimal``, never float). Malformed input raises
``InputError`` with the line of the fault.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from decimal import Decimal

from ..errors import InputError

REQUIRED = (
    "tahun",
    "kode_skpd",
    "nama_skpd",
    "kode_urusan",
    "kode_bidang_urusan",
    "kode_program",
    "nama_program",
    "kode_giat",
    "nama_giat",
    "kode_sub_giat",
    "nama_sub_giat",
)


def decode_rows(raw: bytes, where: str) -> list[tuple[dict, int, int]]:
    """The rows of a SIPD export with the 1-based lines of each row's first and last char."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where, f"not UTF-8 text (offset {exc.start})", f"bukan teks UTF-8 (posisi {exc.start})"
        ) from None
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_of(pos: int) -> int:
        return bisect_right(newlines, pos - 1) + 1

    # exact amounts, no float ever; NaN/Infinity and integers too long for int() stay Decimal
    # (the cell readers call them invalid amounts instead of crashing)
    dec = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal, parse_int=_int)
    pos = _skip_ws(text, 0)
    if pos >= len(text) or text[pos] != "[":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _json_error(where, exc) from None
        raise InputError(
            where,
            f"not a SIPD-RI Renja export: expected a JSON list of rows, found {type(value).__name__}",
            f"bukan ekspor Renja SIPD-RI: yang diharapkan daftar (list) JSON baris, ditemukan {type(value).__name__}",
        )
    rows: list[tuple[dict, int, int]] = []
    pos = _skip_ws(text, pos + 1)
    try:
        if pos < len(text) and text[pos] == "]":
            pos += 1
        else:
            while True:
                value, end = dec.raw_decode(text, pos)
                if not isinstance(value, dict):
                    raise InputError(
                        f"{where}:{line_of(pos)}",
                        f"row {len(rows) + 1} is a {type(value).__name__}, not an object",
                        f"baris data ke-{len(rows) + 1} berupa {type(value).__name__}, bukan objek",
                    )
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
    except RecursionError:
        raise InputError(f"{where}:{line_of(pos)}", "JSON nested too deeply", "JSON bersarang terlalu dalam") from None
    if _skip_ws(text, pos) != len(text):
        raise _json_error(where, json.JSONDecodeError("extra data after the list", text, pos))
    if not rows:
        raise InputError(
            where, "empty SIPD export: the list holds no rows", "ekspor SIPD kosong: daftar tidak berisi baris"
        )
    for row, first, _ in rows:
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            raise InputError(
                f"{where}:{first}",
                f"not a SIPD-RI Renja row: missing {', '.join(missing)}",
                f"bukan baris Renja SIPD-RI: tidak ada {', '.join(missing)}",
            )
    return rows


def _int(digits: str):
    """A JSON integer: ``int`` up to 30 digits (no amount is longer), else ``Decimal``."""
    return int(digits) if len(digits) <= 30 else Decimal(digits)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _json_error(where: str, exc: json.JSONDecodeError) -> InputError:
    doc = exc.doc.strip()
    truncated = exc.pos >= len(doc) - 1 or (doc.startswith("[") and not doc.endswith("]"))
    what_en = "truncated JSON (the file ends early)" if truncated else f"invalid JSON: {exc.msg}"
    what_id = "JSON terpotong (berkas berakhir sebelum waktunya)" if truncated else f"JSON tidak sah: {exc.msg}"
    return InputError(
        f"{where}:{exc.lineno}",
        f"{what_en} at line {exc.lineno} column {exc.colno}",
        f"{what_id} pada baris {exc.lineno} kolom {exc.colno}",
    )
