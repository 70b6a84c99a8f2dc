"""Kind ``required``: mandatory cells of plan rows are filled, and money matches work.

``field``: ``target`` / ``pagu`` (per year), ``lokasi``, ``sumber_dana`` must be
filled; ``target_without_pagu`` (a target kept with zero/empty pagu) and
``pagu_without_target`` (money with no target) flag rows whose money and work
disagree. ``values``: in tables of numbered columns (the evaluation table), the ``columns``
a row must fill (empty or '-') once it fills ``when_filled``; one finding per row listing
the empty columns; rows the reader could not place completely are left alone. Years are the plan year plus ``year_offsets`` (0 = plan year, 1 = the
prakiraan maju). A column the table does not carry at all is not required of it.
"""

from __future__ import annotations

from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Node, Table
from .base import Context, Kind, Params, walk_tables, Role, Level
from .compare import blank
from .labels import bilingual, node_label, rp, table_label
from .tree import pagu, pagu_value, plan_year

FIELD_ID = {"lokasi": "lokasi", "sumber_dana": "sumber dana"}
FIELD_EN = {"lokasi": "lokasi (location)", "sumber_dana": "sumber dana (funding source)"}


class RequiredParams(Params):
    field: Literal["target", "pagu", "lokasi", "sumber_dana", "target_without_pagu", "pagu_without_target", "values"]
    roles: list[Role] = ["rencana"]
    levels: list[Level] = ["subkegiatan"]
    year_offsets: list[int] = [0]
    columns: list[str] = []  # values: the numbered columns a row must fill
    when_filled: list[str] = []  # values: ... once it fills these


def target_of(n: Node, year: str):
    """The first filled target of the node for the year (Quantity) or None."""
    for ind in n.indicators:
        q = ind.targets.get(year)
        if q is not None and q.status != "empty":
            return q
    return None


class RequiredKind(Kind):
    name = "required"
    Params = RequiredParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: RequiredParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            rows = [n for n in table.nodes if n.level in p.levels]
            base = plan_year(doc, table)
            years = [str(int(base) + o) for o in p.year_offsets] if base else []
            for n in rows:
                vals = bilingual(
                    node=(node_label(n, "id"), node_label(n, "en")),
                    table=(table_label(table, "id"), table_label(table, "en")),
                )
                if p.field == "values":
                    f = _values_check(rule, ctx, doc, table, n, p, vals)
                    if f is not None:
                        yield f
                    continue
                if p.field in ("lokasi", "sumber_dana"):
                    if _has_column(rows, p.field) and blank(getattr(n, p.field)):
                        vals.update(bilingual(what=(FIELD_ID[p.field], FIELD_EN[p.field])))
                        yield ctx.finding(rule, doc, table=table, subject=n, values=vals, key=p.field)
                    continue
                for year in years:
                    f = _year_check(rule, ctx, doc, table, rows, n, year, p.field, dict(vals, year=year))
                    if f is not None:
                        yield f


def _has_column(rows: list[Node], field: str) -> bool:
    return any(not blank(getattr(n, field)) for n in rows)


def _year_check(rule, ctx, doc, table: Table, rows, n: Node, year: str, field: str, vals) -> Optional[Finding]:
    has_targets = any(ind.targets.get(year) is not None for r in rows for ind in r.indicators)
    has_pagu = any(pagu(r, year) is not None for r in rows)
    q = target_of(n, year)
    m = pagu(n, year)
    v = pagu_value(n, year)
    if field == "target":
        if has_targets and q is None:
            return ctx.finding(
                rule,
                doc,
                table=table,
                subject=n,
                values=vals,
                key=year,
                evidence={"year": year, "indicators": [i.text for i in n.indicators]},
            )
    elif field == "pagu":
        if has_pagu and m is None:
            return ctx.finding(rule, doc, table=table, subject=n, values=vals, key=year, evidence={"year": year})
    elif field == "target_without_pagu":
        if q is not None and q.value and m is not None and v == 0:
            vals.update(target=q.raw.strip(), pagu=m.raw.strip() or "-")
            vals.update(
                bilingual(
                    pagu_txt=("pagunya kosong (-)", "its pagu is empty (-)")
                    if m.status == "empty"
                    else ("pagunya nol", "its pagu is zero")
                )
            )
            return ctx.finding(
                rule,
                doc,
                table=table,
                subject=n,
                found=0,
                values=vals,
                key=year,
                evidence={"year": year, "target": q.raw.strip(), "pagu_raw": m.raw},
            )
    elif field == "pagu_without_target":
        if v and has_targets and (q is None or q.value == 0):
            vals.update(pagu=rp(v), target=(q.raw.strip() if q is not None else "-"))
            vals.update(
                bilingual(
                    target_txt=("tidak mempunyai target", "has no target")
                    if q is None
                    else (f"targetnya nol ({q.raw.strip()})", f"its target is zero ({q.raw.strip()})")
                )
            )
            return ctx.finding(
                rule,
                doc,
                table=table,
                subject=n,
                found=v,
                values=vals,
                key=year,
                evidence={"year": year, "pagu": v, "target": q.raw.strip() if q is not None else None},
            )
    return None


def _short_label(label: str) -> str:
    """ "... PD Tahun 2021: Realisasi" -> "Realisasi 2021"; "Target Program/Kegiatan ... 2022" -> "Target 2022"."""
    import re

    year = re.search(r"\b(?:19|20)\d\d\b", label)
    part = label.rsplit(":", 1)[-1].split() if ":" in label else label.split()
    head = part[0].rstrip("/,") if part else ""
    return f"{head} {year.group(0)}".strip() if year else " ".join(label.split())


def _empty(q) -> bool:
    return q is None or q.status == "empty" or not (q.raw or "").strip() or q.raw.strip() == "-"


def _values_check(rule, ctx, doc, table: Table, n: Node, p: RequiredParams, vals) -> Optional[Finding]:
    if not n.values or "raw" in n.values:  # nothing read, or cells not placed for sure
        return None
    present = {c.id for c in table.columns}
    if any(_empty(n.values.get(c)) for c in p.when_filled):
        return None
    missing = [c for c in p.columns if c in present and _empty(n.values.get(c))]
    if not missing:
        return None
    labels = {c.id: _short_label(c.label or "") for c in table.columns}
    cols_id = "; ".join(f"kolom {c} ({labels[c]})" if labels.get(c) else f"kolom {c}" for c in missing)
    cols_en = "; ".join(f"column {c} ({labels[c]})" if labels.get(c) else f"column {c}" for c in missing)
    indicator = n.indicators[0].text if n.indicators else ""
    vals.update(bilingual(cols=(cols_id, cols_en)), indicator=indicator or "-", n_cols=str(len(missing)))
    return ctx.finding(
        rule,
        doc,
        table=table,
        subject=n,
        found=[n.values[c].raw.strip() if n.values.get(c) else None for c in missing],
        values=vals,
        key=tuple(missing),
        evidence={
            "columns": missing,
            "indicator": indicator,
            "values": {c: q.raw.strip() for c, q in n.values.items()},
        },
    )
