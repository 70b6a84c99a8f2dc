"""Answers over many rows: zero pagu, changed pagu, pagu differing between tables, totals, counts."""

from __future__ import annotations

from . import cite
from .data import RunData
from .parse import Query
from .texts import level_text, money, t, year_text
from .types import Answer, Builder

LIMIT = 40


def _scope(q: Query, data: RunData, tables: list[dict], level_default: str | None = "subkegiatan") -> list[dict]:
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    level = q.level or level_default
    return [
        n
        for n in data.nodes
        if (not keys or (n["document_id"], n["table_id"]) in keys) and (level is None or n["level"] == level)
    ]


def _what(n: dict) -> str:
    return f"{n['code']} {n['name']}" if n.get("code") else n["name"]


def _more(b: Builder, total: int) -> None:
    if total > LIMIT:
        b.add(t("more", b.lang, n=total - LIMIT))


def zero(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    years = {str(y) for y in q.years}
    hits = [
        (n, y, p)
        for n in sorted(_scope(q, data, tables), key=data.rank)
        for y, p in n["pagu"].items()
        if (not years or y in years) and (p["value"] == 0 or p["status"] == "empty")
    ]
    level = level_text(q.level or "subkegiatan", b.lang)
    if not hits:
        b.add(t("zero_none", b.lang, level=level, year=year_text(q.years, b.lang)))
        return b.answer()
    b.add(
        t(
            "zero_head",
            b.lang,
            n=len({(n["code"] or n["name"]) for n, _, _ in hits}),
            level=level,
            year=year_text(q.years, b.lang),
        )
    )
    for n, y, p in hits[:LIMIT]:
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        value = money(p["value"], b.lang) if p["status"] != "empty" else f'"{p["raw"]}" ({t("empty", b.lang)})'
        b.add(f"- {_what(n)} — {label}, {y}: {value}", cite.node(data, n, b.lang))
    _more(b, len(hits))
    return b.answer()


def _pairs(data: RunData, tables: list[dict]) -> list[tuple[dict, dict]]:
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    out = []
    for a in data.tables:
        if a["pair"] and a["side"] == "rancangan_awal":
            other = data.table(a["document_id"], a["pair"])
            if other and (
                not keys
                or (a["document_id"], a["table_id"]) in keys
                or (other["document_id"], other["table_id"]) in keys
            ):
                out.append((a, other))
    return out


def changed(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    pairs = _pairs(data, tables)
    if not pairs:
        return differ(b, q, data, tables)
    level = q.level or "subkegiatan"
    years = {str(y) for y in q.years}
    rows = []
    for a, c in pairs:
        right = {n["code"]: n for n in data.rows(c) if n["level"] == level and n["code"]}
        for n in (n for n in data.rows(a) if n["level"] == level and n["code"] in right):
            m = right[n["code"]]
            for y, p in n["pagu"].items():
                pm = m["pagu"].get(y)
                if pm is not None and (not years or y in years) and p["value"] != pm["value"]:
                    rows.append((a, c, n, m, y, p["value"], pm["value"]))
    la = data.table_label(pairs[0][0]["document_id"], pairs[0][0]["table_id"], b.lang)
    lc = data.table_label(pairs[0][1]["document_id"], pairs[0][1]["table_id"], b.lang)
    b.add(
        t(
            "changed_head",
            b.lang,
            n=len(rows),
            level=level_text(level, b.lang),
            a=la,
            b=lc,
            year=year_text(q.years, b.lang),
        )
    )
    for _, _, n, m, y, va, vc in rows[:LIMIT]:
        diff = (vc or 0) - (va or 0)  # an empty cell ("-") counts 0, as in the pagu rules
        sign = "+" if diff and diff > 0 else ""
        b.add(
            f"- {_what(n)}, {y}: {money(va, b.lang)}{b.cite(cite.node(data, n, b.lang))} -> "
            f"{money(vc, b.lang)}{b.cite(cite.node(data, m, b.lang))} ({sign}{money(diff, b.lang)})"
        )
    _more(b, len(rows))
    return b.answer()


def differ(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    level = q.level or "subkegiatan"
    years = {str(y) for y in q.years}
    by_code: dict[tuple[str, str], list[dict]] = {}  # (agency, code): never compare two agencies' rows
    for n in sorted(_scope(q, data, tables, level), key=data.rank):
        if n["code"] and n["pagu"]:
            by_code.setdefault((data.agency(n["document_id"]), n["code"]), []).append(n)
    rows = []
    for code, nodes in by_code.items():
        for y in sorted({y for n in nodes for y in n["pagu"]}):
            if years and y not in years:
                continue
            per_table: dict[tuple, tuple] = {}  # one row per table (a table may repeat a code per sub unit)
            for n in nodes:
                if y in n["pagu"]:
                    per_table.setdefault((n["document_id"], n["table_id"]), (n, n["pagu"][y]["value"]))
            vals = list(per_table.values())
            if len(vals) > 1 and len({v for _, v in vals}) > 1:
                rows.append((code, y, vals))
    lv = level_text(level, b.lang)
    if not rows:
        b.add(t("differ_none", b.lang, level=lv, year=year_text(q.years, b.lang)))
        return b.answer()
    b.add(t("differ_head", b.lang, n=len({r[0] for r in rows}), level=lv, year=year_text(q.years, b.lang)))
    for code, y, vals in rows[:LIMIT]:
        parts = [
            f"{data.table_label(n['document_id'], n['table_id'], b.lang)} {money(v, b.lang)}"
            f"{b.cite(cite.node(data, n, b.lang))}"
            for n, v in vals
        ]
        b.add(f"- {_what(vals[0][0])}, {y}: " + "; ".join(parts))
    _more(b, len(rows))
    return b.answer()


def total(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    keys = {(x["document_id"], x["table_id"]) for x in tables}
    years = {str(y) for y in q.years}
    b.add(t("total_head", b.lang, year=year_text(q.years, b.lang)))
    shown = 0
    for n in sorted(data.nodes, key=data.rank):
        if n["level"] != "total" or (keys and (n["document_id"], n["table_id"]) not in keys):
            continue
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        for y, p in sorted(n["pagu"].items()):
            if not years or y in years:
                b.add(f"- {label}, {y}: {money(p['value'], b.lang)}", cite.node(data, n, b.lang))
                shown += 1
    if q.level or not shown:  # the sum of the rows of a level, when asked (or nothing printed)
        level = q.level or "subkegiatan"
        for tb in tables or data.tables:
            rows = [n for n in data.rows(tb) if n["level"] == level]
            for y in sorted({y for n in rows for y in n["pagu"]}):
                if years and y not in years:
                    continue
                s = sum(n["pagu"][y]["value"] or 0 for n in rows if y in n["pagu"])
                label = data.table_label(tb["document_id"], tb["table_id"], b.lang)
                b.add(
                    f"- {label}, {y} ({t('total_sum', b.lang, level=level_text(level, b.lang))}): {money(s, b.lang)}",
                    cite.table(data, tb, b.lang),
                )
                shown += 1
    return b.answer(found=bool(shown))


def count(b: Builder, q: Query, data: RunData, tables: list[dict]) -> Answer:
    levels = [q.level] if q.level else ["program", "kegiatan", "subkegiatan"]
    b.add(t("count_head", b.lang, level=" / ".join(level_text(lv, b.lang) for lv in levels)))
    for tb in tables or data.tables:
        rows = data.rows(tb)
        counts = [(lv, len({n["code"] or n["name"] for n in rows if n["level"] == lv})) for lv in levels]
        if not any(c for _, c in counts):
            continue
        label = data.table_label(tb["document_id"], tb["table_id"], b.lang)
        b.add(
            f"- {label}: " + ", ".join(f"{c} {level_text(lv, b.lang)}" for lv, c in counts),
            cite.table(data, tb, b.lang),
        )
    claims = data.claims_of("count", levels)
    for c in claims[:8]:
        b.add(t("count_claim", b.lang, raw=c["raw"]), cite.claim(data, c, b.lang))
    return b.answer(found=len(b.lines) > 1)


def rank(b: Builder, q: Query, data: RunData, tables: list[dict], top: int = 5) -> Answer:
    """The largest (or smallest) pagu of a level over the tables named, else the plan tables
    (role ``rencana``) of every document, else all tables: one ranking."""
    level = q.level or "subkegiatan"
    order = "smallest" if q.wants("smallest") and not q.wants("largest") else "largest"
    chosen = tables or [t for t in data.tables if t["role"] == "rencana"] or data.tables
    rows = [n for tb in chosen for n in data.rows(tb) if n["level"] == level and n["pagu"]]
    if not rows:
        b.add(t("not_found", b.lang, what=f"{level_text(level, b.lang)} pagu"))
        return b.answer(found=False)
    years = [str(y) for y in q.years] or sorted({y for n in rows for y in n["pagu"]})[:1]
    ranked = sorted(
        ((n["pagu"][y]["value"] or 0, y, n) for n in rows for y in years if y in n["pagu"]),
        key=lambda r: (r[0], [-x for x in data.rank(r[2])]),
        reverse=order == "largest",
    )
    where = ", ".join(
        dict.fromkeys(data.table_label(tb["document_id"], tb["table_id"], b.lang).split(" — ")[0] for tb in chosen)
    )
    b.add(
        t(
            "rank_head",
            b.lang,
            level=level_text(level, b.lang).capitalize(),
            order=t(order, b.lang),
            year=year_text([int(y) for y in years], b.lang),
            table=where,
        )
    )
    for value, y, n in ranked[:top]:
        label = data.table_label(n["document_id"], n["table_id"], b.lang)
        tail = f" ({label.split(' — ', 1)[1]})" if " — " in label else ""
        b.add(f"- {_what(n)}{tail}, {y}: {money(value, b.lang)}", cite.node(data, n, b.lang))
    return b.answer()
