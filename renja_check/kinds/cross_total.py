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
from .compare import target_differences
from .labels import bilingual, node_label, rp, rp_abs, table_label
from .match import match_tables
from .tree import leaf_sum, pagu_value, total_node

SHOWN = 4  # rows named in the message (kept under ~600 characters); evidence has all of them


def show(node: Node, year: str, lang: str = "id") -> str:
    """A node's amount for messages: "kosong (-)" / "empty (-)" for an empty cell, else rupiah."""
    m = node.pagu.get(year)
    if m is None or m.status == "empty":
        return "kosong (-)" if lang == "id" else "empty (-)"
    return rp(pagu_value(node, year))


def signed(v: int) -> str:
    """+Rp 333.000 / -Rp 1 / Rp 0."""
    return rp(0) if v == 0 else ("+" if v > 0 else "-") + rp_abs(v)


def changes(na: Node, nb: Node) -> list[dict]:
    """What differs between two copies of a node (pagu per year, target per year)."""
    out = []
    for year in [y for y in na.pagu if y in nb.pagu]:
        va, vb = pagu_value(na, year), pagu_value(nb, year)
        if va is not None and vb is not None and va != vb:
            out.append(
                {lang: f"pagu {year} {show(na, year, lang)} \u2192 {show(nb, year, lang)}" for lang in ("id", "en")}
            )
    for _, year, qa, qb, _ in target_differences(na, nb):
        txt = f"target {year} {qa.raw.strip()} \u2192 {qb.raw.strip()}"
        out.append({"id": txt, "en": txt})
    return out


def changes_vals(ch: list[dict]) -> dict:
    """``changes`` / ``changes_en`` message values: the list of ``changes`` joined."""
    return bilingual(changes=("; ".join(c["id"] for c in ch), "; ".join(c["en"] for c in ch)))


def total_finding(rule, ctx, da, a, db, b, levels, base, severity) -> Optional[Finding]:
    ta, tb = total_node(a), total_node(b)
    if ta is None or tb is None:
        return None
    years = [
        y
        for y in ta.pagu
        if y in tb.pagu
        and pagu_value(ta, y) is not None
        and pagu_value(tb, y) is not None
        and ta.pagu[y].status == "ok"
        and tb.pagu[y].status == "ok"
    ]
    if not years:
        return None
    year = years[0]
    va, vb = pagu_value(ta, year), pagu_value(tb, year)
    if va == vb:
        return None
    m = match_tables(a, b, levels)
    rows, unreadable, shown = [], 0, []
    for na, nb in m.pairs + m.recoded:
        xa, xb = pagu_value(na, year), pagu_value(nb, year)
        if (na.pagu.get(year) and xa is None) or (nb.pagu.get(year) and xb is None):
            unreadable += 1
            continue
        xa, xb = xa or 0, xb or 0
        if xa != xb:
            rows.append(
                {
                    "locator_a": na.id,
                    "locator_b": nb.id,
                    "code": nb.code or na.code,
                    "name": nb.name or na.name,
                    "a": xa,
                    "b": xb,
                    "change": xb - xa,
                }
            )
            # the message names the row by its code (names and amounts are in the evidence)
            shown.append(
                {
                    lang: f"{nb.code or na.code or node_label(nb, lang)}: {show(na, year, lang)} \u2192 "
                    f"{show(nb, year, lang)} ({signed(xb - xa)})"
                    for lang in ("id", "en")
                }
            )
    only = [
        {"locator": n.id, "name": n.name, "change": -(pagu_value(n, year) or 0), "in": a.id}
        for n in m.only_a
        if pagu_value(n, year)
    ] + [
        {"locator": n.id, "name": n.name, "change": pagu_value(n, year) or 0, "in": b.id}
        for n in m.only_b
        if pagu_value(n, year)
    ]
    for o, n in zip(only, [n for n in m.only_a + m.only_b if pagu_value(n, year)]):
        t = a if o["in"] == a.id else b
        shown.append(
            {
                "id": f"{node_label(n, 'id')} hanya ada pada {table_label(t, 'id')} ({signed(o['change'])})",
                "en": f"{node_label(n, 'en')} is only in {table_label(t, 'en')} ({signed(o['change'])})",
            }
        )
    change = vb - va
    explained = sum(r["change"] for r in rows) + sum(o["change"] for o in only)
    rest = change - explained
    sum_a, _ = leaf_sum(a, year, levels[0])
    sum_b, _ = leaf_sum(b, year, levels[0])
    vals = dict(
        base,
        **bilingual(
            conclusion=_conclusion(a, b, va, vb, sum_a, sum_b, len(shown), explained, rest), rows_txt=_listing(shown)
        ),
        total_a=rp(va),
        total_b=rp(vb),
        difference=rp_abs(change),
        change=signed(change),
        explained=signed(explained),
        n_rows=str(len(shown)),
        year=year,
    )
    return ctx.finding(
        rule,
        db,
        table=b,
        subject=tb,
        expected=va,
        found=vb,
        difference=vb - va,
        values=vals,
        severity=severity,
        key=(a.id, year),
        evidence={
            "year": int(year) if year.isdigit() else year,
            "table_a": a.id,
            "table_b": b.id,
            "total_a": va,
            "total_b": vb,
            "change": change,
            "row_changes": rows,
            "only_one_side": only,
            "explained": explained,
            "unexplained": rest,
            "rows_sum_a": sum_a,
            "rows_sum_b": sum_b,
            "unreadable_rows": unreadable,
            "recoded": [{"locator_a": x.id, "locator_b": y.id} for x, y in m.recoded],
        },
    )


def _listing(shown: list[dict]) -> tuple[str, str]:
    if not shown:
        return "", ""
    more = len(shown) - SHOWN
    out = []
    for lang, head, tail in (
        ("id", " Rincian (lengkap di bukti): ", f"; dan {more} baris lain"),
        ("en", " Rows (in full in the evidence): ", f"; and {more} more rows"),
    ):
        out.append(head + "; ".join(r[lang] for r in shown[:SHOWN]) + (tail if more > 0 else "") + ".")
    return out[0], out[1]


def _rows(n: int) -> str:
    return "1 row" if n == 1 else f"{n} rows"


def _conclusion(a, b, va, vb, sum_a, sum_b, n, explained, rest) -> tuple[str, str]:
    """The first sentence after the totals: what makes the change (rows, printed totals, rest)."""
    gaps = [(t, pr, rs) for t, pr, rs in ((a, va, sum_a), (b, vb, sum_b)) if rs is not None and pr != rs]
    why = {
        lang: "; ".join(
            (
                f"{table_label(t, 'id')}: total tercetak {rp(pr)}, jumlah barisnya {rp(rs)}, selisih {signed(pr - rs)}"
                if lang == "id"
                else f"{table_label(t, 'en')}: printed total {rp(pr)}, its rows add up to {rp(rs)}, difference {signed(pr - rs)}"
            )
            for t, pr, rs in gaps
        )
        for lang in ("id", "en")
    }
    if rest == 0:
        return (
            f"Seluruh perubahan berasal dari pagu {n} baris yang berbeda (berjumlah {signed(explained)}).",
            f"The whole change comes from the differing pagu of {_rows(n)} (adding up to {signed(explained)}).",
        )
    by_totals = gaps and sum_a is not None and sum_b is not None and (vb - sum_b) - (va - sum_a) == rest
    if by_totals and n == 0:
        return (
            f"Seluruh perubahan berasal dari total tercetak yang tidak sama dengan jumlah barisnya "
            f"({why['id']}); tidak ada sub kegiatan yang pagunya berbeda.",
            f"The whole change comes from printed totals that are not the sum of their rows "
            f"({why['en']}); no sub kegiatan has a different pagu.",
        )
    if by_totals:
        cancel = (" yang saling meniadakan", " that cancel out") if explained == 0 else ("", "")
        return (
            f"Perubahan terdiri atas {signed(rest)} dari total tercetak yang tidak sama dengan jumlah "
            f"barisnya ({why['id']}) dan {signed(explained)} dari pagu {n} baris yang berbeda{cancel[0]}.",
            f"The change is {signed(rest)} from printed totals that are not the sum of their rows "
            f"({why['en']}) and {signed(explained)} from the differing pagu of {_rows(n)}{cancel[1]}.",
        )
    rows_id = (
        f"Pagu {n} baris yang berbeda menjelaskan {signed(explained)}"
        if n
        else "Tidak ada sub kegiatan yang pagunya berbeda"
    )
    rows_en = (
        f"The differing pagu of {_rows(n)} explains {signed(explained)}"
        if n
        else "No sub kegiatan has a different pagu"
    )
    return (
        f"{rows_id}; sisa {signed(rest)} tidak dijelaskan oleh perbedaan baris" + (f" ({why['id']})." if gaps else "."),
        f"{rows_en}; {signed(rest)} is not explained by row differences" + (f" ({why['en']})." if gaps else "."),
    )
