"""Kind ``compound_values``: evaluation cells that hold several values or several indicators.

A row of the evaluation table whose value cells could not be placed (the reader kept the
printed row, ``values["raw"]``) is read as a run of ``<number> <unit words>`` segments.
Two segments joined by ``dan``, ``&``, ``;`` or ``serta`` ("11 unit kendaraan roda dua dan
5 unit kendaraan roda empat", "206 unit kerja; 1 paket aplikasi") are one cell holding
several values. One finding per row, every distinct compound value in the evidence, so
the verifier sees what to split instead of an unread row.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..finding import Finding
from .base import Context, Kind, Params, Role, walk_tables
from .labels import bilingual, node_label, table_label

_SEGMENT_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s+((?:(?!\d)[^\s%]+\s*)+)")
_JOIN_RE = re.compile(r"(?:\s+(?:dan|serta)|\s*[&;])\s*$", re.I)
_TAIL_RE = re.compile(r"\bDPA\s*:.*$")  # the reader's DPA name remark is no value


class CompoundParams(Params):
    roles: list[Role] = ["evaluasi"]


def compounds(raw: str) -> list[str]:
    """The compound values of a printed row, in order, each once."""
    text = _TAIL_RE.sub("", " ".join(raw.split()))
    segs = [(m.group(1), m.group(2).strip()) for m in _SEGMENT_RE.finditer(text)]
    out: list[str] = []
    i = 0
    while i < len(segs):
        parts = [segs[i]]
        while _JOIN_RE.search(parts[-1][1]) and i + 1 < len(segs):
            i += 1
            parts.append(segs[i])
        if len(parts) > 1:
            value = " ".join(f"{n} {w}" for n, w in parts)
            if value not in out:
                out.append(value)
        i += 1
    return out


class CompoundValuesKind(Kind):
    name = "compound_values"
    Params = CompoundParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: CompoundParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            for n in table.nodes:
                raw = n.values.get("raw")
                if raw is None or not raw.raw:
                    continue
                found = compounds(raw.raw)
                if not found:
                    continue
                vals = bilingual(
                    node=(node_label(n, "id"), node_label(n, "en")),
                    table=(table_label(table, "id"), table_label(table, "en")),
                )
                vals.update(first=found[0], n=str(len(found)), indicator=n.indicators[0].text if n.indicators else "-")
                yield ctx.finding(
                    rule,
                    doc,
                    table=table,
                    subject=n,
                    found=found,
                    values=vals,
                    key=tuple(found),
                    evidence={"values": found, "printed_row": " ".join(raw.raw.split())},
                )
