"""Canonical documents written as YAML or JSON: meta keys plus ``baris`` (the rows).

    dokumen: rkpd
    tahun: 2025
    tahap: rancangan_akhir
    baris:
      - {kode_skpd: 1.02.0.00.0.00.01.0000, kode: 1.02.02.2.01.0001, nama: ..., pagu: 150000000}

A row's line is its real line in a YAML file; in a JSON file it is the line where the
row's object opens (found by a light scan: one object per ``{`` at depth two).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..models import Document
from ..safe_yaml import safe_load_lines
from .canonical import Row, build
from .common import read_bytes

MAGIC = "dokumen"


def is_canonical(data: Any) -> bool:
    return isinstance(data, dict) and MAGIC in data and "baris" in data


def sniff(raw: bytes) -> bool:
    """Does this YAML/JSON text look like a canonical document (not a model dump or SIPD)?"""
    head = raw[:4096].decode("utf-8", "replace")
    return "schema_version" not in head and any(line.lstrip('{ \t"').startswith(MAGIC) for line in head.splitlines())


def load_canonical(path: Path) -> Document:
    path = Path(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text", "bukan teks UTF-8") from None
    is_json = path.suffix.lower() == ".json"
    try:
        # no aliases, bounded nesting, libyaml; a YAML row's line from the same parse
        data, yaml_lines = (json.loads(text), []) if is_json else safe_load_lines(text, "baris")
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        kind = "json" if is_json else "yaml"
        raise InputError(str(path), f"not valid {kind}: {exc}", f"bukan {kind} yang sah: {exc}") from None
    if not is_canonical(data):
        raise InputError(
            str(path),
            "not a canonical document (needs 'dokumen' and 'baris')",
            "bukan dokumen kanonik (perlu 'dokumen' dan 'baris')",
        )
    rows_in = data.get("baris") or []
    if not isinstance(rows_in, list) or not all(isinstance(r, dict) for r in rows_in):
        raise InputError(
            str(path), "'baris' must be a list of rows (mappings)", "'baris' harus berupa daftar baris (pemetaan)"
        )
    lines = _json_lines(text) if is_json else yaml_lines
    rows = []
    for i, cells in enumerate(rows_in):
        line = lines[i] if i < len(lines) else i + 1
        rows.append(
            Row(
                cells={str(k): v for k, v in cells.items()},
                line=line,
                where=lambda col, i=i, line=line: f"baris {i + 1} (line {line}), {col}",
            )
        )
    meta = {k: v for k, v in data.items() if k != "baris"}
    return build(meta, rows, str(path), "canonical-json" if is_json else "canonical-yaml")


def _json_lines(text: str) -> list[int]:
    """Lines of the objects inside the ``baris`` array (depth 2), strings skipped."""
    out, depth, line, in_str, esc, started = [], 0, 1, False, False, False
    start = text.find('"baris"')
    if start < 0:
        return out
    line += text.count("\n", 0, start)
    for ch in text[start:]:
        if ch == "\n":
            line += 1
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
            continue
        if ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            started = True
            if ch == "{" and depth == 2:
                out.append(line)
        elif ch in "]}":
            depth -= 1
            if started and depth == 0:
                break
    return out
