"""Nomenclature codes: normalising a printed code and walking its levels.

``normalize_code`` pads the parts (``.03`` == ``.0003`` for sub kegiatan);
``generic_code`` maps a concrete program penunjang code onto the ``X.XX`` form
the nomenclature stores.
"""

from __future__ import annotations

import re
from typing import Optional

LEVELS = ("urusan", "bidang", "program", "kegiatan", "subkegiatan")
PARENT_LEVEL = {"bidang": "urusan", "program": "bidang", "kegiatan": "program", "subkegiatan": "kegiatan"}


def normalize_code(code: str) -> str:
    """Dotted code with a 4-digit sub kegiatan part and 2-digit bidang/program parts."""
    parts = [p for p in re.split(r"[.\s]+", (code or "").strip()) if p]
    if len(parts) == 6 and parts[5].isdigit():
        parts[5] = f"{int(parts[5]):04d}"
    for i in (1, 2, 4):
        if len(parts) > i and parts[i].isdigit() and len(parts[i]) == 1:
            parts[i] = f"0{parts[i]}"
    return ".".join(parts)


def parent_code(code: str) -> Optional[str]:
    parts = code.split(".")
    if len(parts) <= 1:
        return None
    if len(parts) == 5:  # kegiatan x.xx.xx.2.xx -> program x.xx.xx
        return ".".join(parts[:3])
    return ".".join(parts[:-1])


def level_of(code: str) -> Optional[str]:
    n = len(code.split("."))
    return {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "subkegiatan"}.get(n)


def generic_code(code: str) -> str:
    """``5.03.01.2.06.0004`` -> ``X.XX.01.2.06.0004`` (program penunjang)."""
    parts = code.split(".")
    if len(parts) >= 3 and parts[2] == "01":
        return ".".join(["X", "XX"] + parts[2:])
    return code
