"""Answers about one node: its pagu, its indicators and targets, and how tables compare."""

from __future__ import annotations

from . import cite
from .data import RunData
from .parse import Query
from .subject import Subject
from .texts import level_text, money, t, year_text
from .types import Answer, Builder


def _years(q: Query, nodes: list[dict]) -> list[str]:
    present = sorted({y for n in nodes for y in n["pagu"]})
    if q.years:
        return [str(y) for y in q.years]
    return present


def _in_tables(nodes: list[dict], tables: list[dict]) -> list[dict]:
    if not tables:
        return nodes
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    return [n for n in nodes if (n["document_id"], n["table_id"]) in keys]


def pagu(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    nodes = _in_tables(s.nodes, tables)
    years = _years(q, nodes)
    b.add(t("pagu_head", b.lang, what=s.label, year=year_text(q.years, b.lang)))
    shown = 0
    for n in nodes:
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        for y in years:
            p = n["pagu"].get(y)
            if p is None:
                continue
            value = money(p["value"], b.lang) if p["status"] in ("ok", None) else f"{p['raw']} ({p['status']})"
            b.add(f"- {label}, {y}: {value}", cite.node(data, n, b.lang))
            shown += 1
    if not shown:
        where = ", ".join(dict.fromkeys(data.table_label(n["document_id"], n["table_id"], b.lang) for n in nodes))
        b.lines[:] = [t("no_pagu", b.lang, what=s.label, table=where or "-", year=year_text(q.years, b.lang))]
        for n in nodes[:3]:
            b.cite(cite.node(data, n, b.lang))
        return b.answer(found=bool(nodes))
    return b.answer()


def indicators(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    nodes = [n for n in _in_tables(s.nodes, tables) if n["indicators"]]
    if not nodes:
        b.add(t("no_ind", b.lang, what=s.label))
        return b.answer(found=True)
    b.add(t("ind_head", b.lang, what=s.label))
    years = {str(y) for y in q.years}
    for n in nodes:
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        by_pos: dict[int, list[dict]] = {}
        for i in n["indicators"]:
            by_pos.setdefault(i["position"], []).append(i)
        for rows in by_pos.values():
            targets = [
                f"{r['year']}: {r['target_raw']}"
                for r in rows
                if r["year"] and r["target_raw"] is not None and (not years or r["year"] in years)
            ]
            units = sorted({r["unit"] for r in rows if r["unit"]})
            unit = f" ({'satuan' if b.lang == 'id' else 'unit'} {', '.join(units)})" if units else ""
            tail = f"; target {'; '.join(targets)}{unit}" if targets else ""
            b.add(f"- {label}: {rows[0]['text']}{tail}", cite.node(data, n, b.lang, rows[0]))
    return b.answer()


def compare(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    if q.wants("indicator") and not q.wants("pagu"):
        return indicators(b, q, data, s, tables)
    nodes = [n for n in _in_tables(s.nodes, tables) if n["pagu"]]
    years = _years(q, nodes)
    b.add(t("pagu_head", b.lang, what=s.label, year=year_text(q.years, b.lang)))
    verdicts = []
    groups: dict[str, list[dict]] = {}
    for n in nodes:  # one comparison per agency: two agencies' rows are not the same row
        groups.setdefault(data.agency(n["document_id"]), []).append(n)
    for y, group in ((y, g) for y in years for g in groups.values()):
        values: list[tuple[int, str]] = []
        for n in group:
            p = n["pagu"].get(y)
            if p is None:
                continue
            label = data.table_label(n["document_id"], n["table_id"], b.lang)
            c = cite.node(data, n, b.lang)
            b.add(f"- {label}, {y}: {money(p['value'], b.lang)}", c)
            values.append((p["value"] or 0, b.cite(c)))
        if len(values) < 2:
            verdicts.append(t("cmp_one", b.lang, year=year_text([y], b.lang)))
        elif len({v for v, _ in values}) == 1:
            verdicts.append(t("cmp_same", b.lang, year=year_text([y], b.lang), n=len(values)))
        else:
            hi, lo = max(values), min(values)
            verdicts.append(
                t("cmp_diff", b.lang, year=year_text([y], b.lang), diff=money(hi[0] - lo[0], b.lang))
                + f"{hi[1]}{lo[1]}"
            )
    b.lines.extend(verdicts)
    return b.answer(found=bool(nodes))


def amount(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    a = q.amount
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    hits = [
        (n, y, p)
        for n in data.nodes
        for y, p in n["pagu"].items()
        if a.matches(p["value"])
        and (not keys or (n["document_id"], n["table_id"]) in keys)
        and (not q.years or int(y) in q.years)
        and (not q.level or n["level"] == q.level)
    ]
    if not hits:
        b.add(t("not_found", b.lang, what=f"pagu {a.raw}"))
        return b.answer(found=False)
    b.add(t("amount_head", b.lang, amount=a.raw))
    for n, y, p in sorted(hits, key=lambda h: data.rank(h[0]))[:25]:
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        what = f"{n['code']} {n['name']}" if n["code"] else n["name"]
        b.add(f"- {what} — {label}, {y}: {money(p['value'], b.lang)}", cite.node(data, n, b.lang))
    return b.answer()


def detail(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    """Lokasi, sumber dana, catatan and keterangan of a node, per table."""
    b.add(t("detail_head", b.lang, what=s.label))
    shown = 0
    for n in _in_tables(s.nodes, tables):
        parts = [f"{t(k, b.lang)}: {n[k]}" for k in ("lokasi", "sumber_dana", "catatan", "keterangan") if n.get(k)]
        if parts:
            label = data.table_label(n["document_id"], n["table_id"], b.lang)
            b.add(f"- {label}: " + "; ".join(parts), cite.node(data, n, b.lang))
            shown += 1
    if not shown:
        b.lines[:] = [t("no_detail", b.lang, what=s.label)]
    return b.answer()


def children(b: Builder, q: Query, data: RunData, s: Subject, tables: list[dict]) -> Answer:
    """The rows of a lower level under a program or kegiatan, with pagu, in one table per document
    (the table named, else the plan table, else the first table that lists them)."""
    code = s.code
    level = q.level
    by_table: dict[tuple, list[dict]] = {}
    for n in sorted(data.nodes, key=data.rank):
        if n["level"] == level and code and (n["code"] or "").startswith(code + "."):
            by_table.setdefault((n["document_id"], n["table_id"]), []).append(n)
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    chosen = [k for k in by_table if k in keys] if keys else []
    if not chosen:
        plans = [k for k in by_table if (data.table(*k) or {}).get("role") == "rencana"]
        chosen = plans or list(by_table)[:1]
    if not chosen:
        b.add(t("not_found", b.lang, what=f"{level_text(level, b.lang)} — {s.label}"))
        return b.answer(found=False)
    years = [str(y) for y in q.years]
    for key in chosen:
        rows = by_table[key]
        b.add(
            t(
                "children_head",
                b.lang,
                n=len(rows),
                level=level_text(level, b.lang),
                what=s.label,
                table=data.table_label(key[0], key[1], b.lang),
            )
        )
        for n in rows:
            ys = years or sorted(n["pagu"])[:1]
            pagu = ", ".join(f"{y}: {money(n['pagu'][y]['value'], b.lang)}" for y in ys if y in n["pagu"])
            b.add(f"- {n['code']} {n['name']}" + (f" ({pagu})" if pagu else ""), cite.node(data, n, b.lang))
    return b.answer()
