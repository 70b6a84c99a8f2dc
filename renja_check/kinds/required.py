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

from functools import lru_cache, partial
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..record import Field
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
    # lokasi / sumber_dana: when at least this many rows of a table, and most of them, leave the
    # cell empty (a column filled once, e.g. a merged cell), one finding for the table lists them
    group_at: int = Field(5, ge=0)  # 0 = one finding per row always


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
            # table-wide facts, once per table (not once per row: that was quadratic)
            has_column = p.field in ("lokasi", "sumber_dana") and _has_column(rows, p.field)
            has = {y: _has_year(rows, y) for y in years}
            labels = (table_label(table, "id"), table_label(table, "en"))
            grouped = False
            if has_column:
                empty = [n for n in rows if blank(getattr(n, p.field))]
                if p.group_at and len(empty) >= p.group_at and 2 * len(empty) > len(rows):
                    grouped = True
                    yield _column_finding(rule, ctx, doc, table, p.field, empty, rows, labels)
            for n in rows:
                if p.field == "values":
                    f = _values_check(rule, ctx, doc, table, n, p, partial(_vals, n, labels))
                    if f is not None:
                        yield f
                    continue
                if p.field in ("lokasi", "sumber_dana"):
                    if grouped:
                        continue
                    if has_column and blank(getattr(n, p.field)):
                        vals = _vals(n, labels)
                        vals.update(bilingual(what=(FIELD_ID[p.field], FIELD_EN[p.field])))
                        yield ctx.finding(rule, doc, table=table, subject=n, values=vals, key=p.field)
                    continue
                for year in years:
                    vals_of = partial(_vals, n, labels, year=year)  # message values only for a finding
                    f = _year_check(rule, ctx, doc, table, has[year], n, year, p.field, vals_of)
                    if f is not None:
                        yield f


def _column_finding(rule, ctx, doc, table: Table, field: str, empty: list[Node], rows: list[Node], labels) -> Finding:
    """One finding for a table whose column is empty in most rows (rows listed in the evidence)."""
    filled = [n for n in rows if not blank(getattr(n, field))]
    vals = dict(
        bilingual(
            node=(f"{len(empty)} dari {len(rows)} sub kegiatan", f"{len(empty)} of {len(rows)} sub kegiatan"),
            table=labels,
            what=(FIELD_ID[field], FIELD_EN[field]),
        )
    )
    return ctx.finding(
        rule,
        doc,
        table=table,
        locator=table.id,
        span=table.span,
        expected=len(rows),
        found=len(filled),
        difference=len(filled) - len(rows),
        values=vals,
        key=(field, "table"),
        evidence={
            "rows": [f"{n.code or ''} {n.name or ''}".strip() for n in empty],
            "filled": {f"{n.code or ''} {n.name or ''}".strip(): getattr(n, field) for n in filled},
        },
    )


def _vals(n: Node, table_labels: tuple[str, str], **extra: str) -> dict:
    return dict(bilingual(node=(node_label(n, "id"), node_label(n, "en")), table=table_labels), **extra)


def _has_column(rows: list[Node], field: str) -> bool:
    return any(not blank(getattr(n, field)) for n in rows)


def _has_year(rows: list[Node], year: str) -> tuple[bool, bool]:
    """Whether the table carries targets / pagu for the year at all (any row has one)."""
    return (
        any(ind.targets.get(year) is not None for r in rows for ind in r.indicators),
        any(pagu(r, year) is not None for r in rows),
    )


def _year_check(
    rule, ctx, doc, table: Table, has: tuple[bool, bool], n: Node, year: str, field: str, vals_of
) -> Optional[Finding]:
    has_targets, has_pagu = has
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
                values=vals_of(),
                key=year,
                evidence={"year": year, "indicators": [i.text for i in n.indicators]},
            )
    elif field == "pagu":
        if has_pagu and m is None:
            return ctx.finding(rule, doc, table=table, subject=n, values=vals_of(), key=year, evidence={"year": year})
    elif field == "target_without_pagu":
        if q is not None and q.value and m is not None and v == 0:
            vals = vals_of()
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
            vals = vals_of()
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


@lru_cache(maxsize=1024)  # a table's few column labels, asked for on every finding
def _short_label(label: str) -> str:
    """ "... PD Tahun 2021: Realisasi" -> "Realisasi 2021"; "Target Program/Kegiatan ... 2022" -> "Target 2022"."""
    import re

    year = re.search(r"\b(?:19|20)\d\d\b", label)
    part = label.rsplit(":", 1)[-1].split() if ":" in label else label.split()
    head = part[0].rstrip("/,") if part else ""
    return f"{head} {year.group(0)}".strip() if year else " ".join(label.split())


def _empty(q) -> bool:
    return q is None or q.status == "empty" or not (q.raw or "").strip() or q.raw.strip() == "-"


def _values_check(rule, ctx, doc, table: Table, n: Node, p: RequiredParams, vals_of) -> Optional[Finding]:
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
    vals = vals_of()  # message values only for a finding
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
