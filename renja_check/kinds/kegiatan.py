"""Kind ``kegiatan_outputs``: a kegiatan's target against the outputs of its sub kegiatan.

A kegiatan's output is the set or the sum of its sub kegiatan's outputs (Permendagri
86/2017: the kegiatan indicator measures what its sub kegiatan deliver together).

``check``:
- ``count``: a kegiatan indicator that counts kinds of output (``jenis``, ``layanan``,
  ``macam``: "Jumlah jenis pengadaan barang milik daerah", 4 jenis) should count its
  sub kegiatan: the target differs from the number of sub kegiatan rows under it;
- ``sum``: a kegiatan indicator counting people (``sum_units``), a unit its sub kegiatan also
  count in, cannot be
  smaller than the output of one of them (it is at least their union), nor, when every sub
  kegiatan counts in that unit, larger than their sum.

Judged on the plan year's targets; rows whose target cannot be read are left alone.
"""

from __future__ import annotations

import re
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Node, Quantity
from .base import Context, Kind, Params, Role, walk_tables
from .labels import bilingual, node_label, table_label
from .tree import plan_year
from .unit import NOUN_GROUP


class KegiatanParams(Params):
    check: Literal["count", "sum"]
    roles: list[Role] = ["rencana", "rkpd_akhir"]
    count_units: list[str] = ["jenis", "layanan", "macam"]
    # sum: unit groups whose counts add up across sub kegiatan (people); documents, units and
    # packages of different sub kegiatan are different things, counted as a set (KG01's matter)
    sum_units: list[str] = ["orang"]


def _target(n: Node, year: str) -> Optional[Quantity]:
    for ind in n.indicators:
        q = ind.targets.get(year)
        if q is not None and q.status == "ok" and q.value is not None:
            return q
    return None


def _head(unit: Optional[str]) -> str:
    words = re.split(r"[/\s]+", (unit or "").strip().lower())
    return words[0] if words and words[0] else ""


def _group(unit: Optional[str]) -> str:
    h = _head(unit)
    return NOUN_GROUP.get(h, h)


class KegiatanOutputsKind(Kind):
    name = "kegiatan_outputs"
    Params = KegiatanParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: KegiatanParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            year = plan_year(doc, table)
            if not year:
                continue
            kids: dict[str, list[Node]] = {}
            for n in table.nodes:
                if n.level == "subkegiatan" and n.parent:
                    kids.setdefault(n.parent, []).append(n)
            for keg in table.nodes:
                subs = kids.get(keg.id, [])
                q = _target(keg, year) if keg.level == "kegiatan" else None
                if q is None or not subs or _head(q.unit) in ("", "%", "persen"):
                    continue
                vals = bilingual(
                    node=(node_label(keg, "id"), node_label(keg, "en")),
                    table=(table_label(table, "id"), table_label(table, "en")),
                )
                vals.update(indicator=keg.indicators[0].text, target=q.raw.strip(), year=year)
                f = (_count if p.check == "count" else _sum)(rule, ctx, doc, table, keg, subs, q, year, p, vals)
                if f is not None:
                    yield f


def _listing(subs: list[Node], year: str) -> list[dict]:
    out = []
    for s in subs:
        t = _target(s, year)
        out.append({"code": s.code, "name": s.name, "target": t.raw.strip() if t is not None else None})
    return out


def _count(rule, ctx, doc, table, keg, subs, q, year, p, vals) -> Optional[Finding]:
    if _head(q.unit) not in p.count_units:
        return None
    value = q.value
    if value != int(value) or int(value) == len(subs):
        return None
    vals.update(n=str(len(subs)), target_unit=(q.unit or "").strip())
    return ctx.finding(
        rule,
        doc,
        table=table,
        subject=keg,
        expected=len(subs),
        found=int(value),
        difference=int(value) - len(subs),
        values=vals,
        key=year,
        evidence={"year": year, "target": q.raw.strip(), "subkegiatan": _listing(subs, year)},
    )


def _sum(rule, ctx, doc, table, keg, subs, q, year, p, vals) -> Optional[Finding]:
    unit = _group(q.unit)
    if unit not in p.sum_units:
        return None
    same = [(s, t) for s in subs if (t := _target(s, year)) is not None and _group(t.unit) == unit]
    if not same:
        return None
    biggest = max(t.value for _, t in same)
    total = sum(t.value for _, t in same)
    every = len(same) == len(subs)
    value = q.value
    if value < biggest:
        expected, bound = biggest, ("sekurang-kurangnya", "at least")
    elif every and value > total:
        expected, bound = total, ("paling banyak", "at most")
    else:
        return None
    num = int(expected) if expected == int(expected) else expected
    found = int(value) if value == int(value) else value
    vals.update(bilingual(bound=bound), expected_txt=f"{num} {q.unit.strip()}")
    return ctx.finding(
        rule,
        doc,
        table=table,
        subject=keg,
        expected=num,
        found=found,
        difference=int(value - expected) if value == int(value) and expected == int(expected) else None,
        values=vals,
        key=year,
        evidence={
            "year": year,
            "target": q.raw.strip(),
            "subkegiatan": _listing(subs, year),
            "same_unit_sum": int(total) if total == int(total) else str(total),
        },
    )
