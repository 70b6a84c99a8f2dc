"""Totals of two tables that differ, explained by the rows that differ.

change of the printed totals (b - a) = sum of row changes of matched nodes
  + rows only in b - rows only in a + (gap b - gap a), where a gap is a table's
printed total minus the sum of its rows. The finding shows every term, so a
verifier sees which sub kegiatan make the difference and whether anything is left.
"""
from __future__ import annotations

from typing import Optional

from ..finding import Finding
from ..models import Node
from .labels import bilingual, node_label, rp, rp_abs, table_label
from .match import match_tables
from .tree import leaf_sum, pagu_value, total_node

SHOWN = 8  # rows named in the message; evidence has all of them


def _show(node: Node, year: str) -> str:
    """A node's amount for messages: "-" for an empty cell, else rupiah."""
    m = node.pagu.get(year)
    return "-" if m is None or m.status == "empty" else rp(pagu_value(node, year))


def _signed(v: int) -> str:
    return ("+" if v > 0 else "-") + rp_abs(v)


def changes(na: Node, nb: Node) -> list[dict]:
    """What differs between two copies of a node (pagu per year, target per year)."""
    out = []
    for year in [y for y in na.pagu if y in nb.pagu]:
        va, vb = pagu_value(na, year), pagu_value(nb, year)
        if va is not None and vb is not None and va != vb:
            out.append({"id": f"pagu {year} {_show(na, year)} -> {_show(nb, year)}",
                        "en": f"pagu {year} {_show(na, year)} -> {_show(nb, year)}"})
    for ia, ib in zip(na.indicators, nb.indicators):
        for year in [y for y in ia.targets if y in ib.targets]:
            qa, qb = ia.targets[year], ib.targets[year]
            if qa.value is not None and qb.value is not None and qa.value != qb.value:
                out.append({"id": f"target {year} {qa.raw.strip()} -> {qb.raw.strip()}",
                            "en": f"target {year} {qa.raw.strip()} -> {qb.raw.strip()}"})
    return out


def total_finding(rule, ctx, da, a, db, b, levels, base, severity) -> Optional[Finding]:
    ta, tb = total_node(a), total_node(b)
    if ta is None or tb is None:
        return None
    years = [y for y in ta.pagu if y in tb.pagu
             and pagu_value(ta, y) is not None and pagu_value(tb, y) is not None
             and ta.pagu[y].status == "ok" and tb.pagu[y].status == "ok"]
    if not years:
        return None
    year = years[0]
    va, vb = pagu_value(ta, year), pagu_value(tb, year)
    if va == vb:
        return None
    m = match_tables(a, b, levels)
    rows, unreadable = [], 0
    for na, nb in m.pairs:
        xa, xb = pagu_value(na, year), pagu_value(nb, year)
        if (na.pagu.get(year) and xa is None) or (nb.pagu.get(year) and xb is None):
            unreadable += 1
            continue
        xa, xb = xa or 0, xb or 0
        if xa != xb:
            rows.append({"locator_a": na.id, "locator_b": nb.id, "code": nb.code or na.code,
                         "name": nb.name or na.name, "a": xa, "b": xb, "change": xb - xa,
                         "label": node_label(nb, "id"), "shown": (_show(na, year), _show(nb, year))})
    only = ([{"locator": n.id, "name": n.name, "change": -(pagu_value(n, year) or 0), "in": a.id}
             for n in m.only_a if pagu_value(n, year)] +
            [{"locator": n.id, "name": n.name, "change": pagu_value(n, year) or 0, "in": b.id}
             for n in m.only_b if pagu_value(n, year)])
    change = vb - va
    explained = sum(r["change"] for r in rows) + sum(o["change"] for o in only)
    rest = change - explained
    sum_a, _ = leaf_sum(a, year, levels[0])
    sum_b, _ = leaf_sum(b, year, levels[0])
    listed = "; ".join(f"{r['label']}: {r['shown'][0]} -> {r['shown'][1]} ({_signed(r['change'])})"
                       for r in rows[:SHOWN])
    for r in rows:
        del r["shown"], r["label"]
    more = len(rows) - SHOWN
    n_rows = len(rows) + len(only)
    if rest == 0:
        tail = (f"Selisih total seluruhnya dijelaskan oleh perbedaan pagu {n_rows} baris tersebut.",
                f"The whole difference is explained by the {n_rows} rows that differ.")
    else:
        gaps = [(t, printed, rows_sum) for t, printed, rows_sum in ((a, va, sum_a), (b, vb, sum_b))
                if rows_sum is not None and printed != rows_sum]
        why_id = "; ".join(f"total tercetak {table_label(t, 'id')} {rp(pr)} tidak sama dengan jumlah "
                           f"barisnya {rp(rs)} (selisih {rp_abs(pr - rs)})" for t, pr, rs in gaps)
        why_en = "; ".join(f"the printed total of {table_label(t, 'en')} {rp(pr)} is not the sum of its "
                           f"rows {rp(rs)} (difference {rp_abs(pr - rs)})" for t, pr, rs in gaps)
        tail = (f"Sisa {rp_abs(rest)} tidak dijelaskan oleh perbedaan baris" + (f": {why_id}." if gaps else "."),
                f"{rp_abs(rest)} is not explained by row differences" + (f": {why_en}." if gaps else "."))
    vals = dict(base, **bilingual(
        rows_txt=((f"Perbedaan pagu per baris berjumlah {rp_abs(explained)}: " + listed
                   + (f"; dan {more} baris lain" if more > 0 else "")) if rows else
                  "Tidak ada sub kegiatan yang pagunya berbeda",
                  (f"Row differences add up to {rp_abs(explained)}: " + listed
                   + (f"; and {more} more rows" if more > 0 else "")) if rows else
                  "No sub kegiatan has a different pagu"),
        tail=tail,
        only_txt=(f"; {len(only)} baris hanya ada di salah satu tabel" if only else "",
                  f"; {len(only)} rows are in one table only" if only else "")),
        total_a=rp(va), total_b=rp(vb), difference=rp_abs(change), explained=rp_abs(explained),
        n_rows=str(n_rows), year=year)
    return ctx.finding(
        rule, db, table=b, subject=tb, expected=va, found=vb, difference=va - vb, values=vals,
        severity=severity, key=(a.id, year),
        evidence={"year": int(year) if year.isdigit() else year, "table_a": a.id, "table_b": b.id,
                  "total_a": va, "total_b": vb, "change": change, "row_changes": rows,
                  "only_one_side": only, "explained": explained, "unexplained": rest,
                  "rows_sum_a": sum_a, "rows_sum_b": sum_b, "unreadable_rows": unreadable})
