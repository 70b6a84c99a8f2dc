"""A systemic change: one ratio (or one amount) applied to most rows of a table pair.

A needs analysis that raises the pagu of every sub kegiatan of the rancangan awal RKPD by
10% with the catatan column empty is one defect, not one per row. ``systemic`` finds the
pattern shared by the most changed rows (the same ratio b/a, compared rounded to
``ratio_places`` decimals so whole-rupiah rounding still fits, or the same amount b - a,
in every year a row changes) and, when at least ``min_share`` of the analysed rows (matched
rows with an amount in both tables) follow it and at least ``min_rows`` of those have no
catatan, reports them in ONE finding listing the rows in ``evidence["rows"]`` (each with its
``locator``, so findings folded into a row's finding fold into this one: ``fold.py``).
Rows that break the pattern, or change a target too, keep their own findings.
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Optional

from ..finding import Finding
from ..models import Node, Span
from ..record import ConfigDict, Record
from .compare import blank, target_differences
from .labels import bilingual, rp, rp_abs
from .tree import pagu_value

SHOWN = 6  # rows named in the message at most (within BUDGET characters); the evidence lists every row
BUDGET = 180


class Group(Record):
    """``group:`` of a ``catatan`` rule: when one pattern stands for the rows (rule params)."""

    model_config = ConfigDict(extra="forbid")
    min_share: float = 0.5  # share of the analysed rows that follow the pattern
    min_rows: int = 3  # rows without catatan the grouped finding must cover at least
    ratio_places: int = 4  # decimals of the ratio b/a compared (rounding to whole rupiah fits)
    message: dict[str, str]
    suggestion: dict[str, str]


def systemic(
    rule,
    ctx,
    g: Group,
    pairs,
    db,
    a,
    b,
    base: dict,
    severity,
    noted: Optional[Callable[[Node, Node], bool]] = None,
    sides: Optional[dict] = None,
) -> tuple[Optional[Finding], set[int]]:
    """(the grouped finding or None, ids of the b nodes it covers) for one table pair: ``pairs``
    are (node of a, node of b), b the table that changed a; a row is explained by a catatan
    on either side, or by ``noted(node of a, node of b)``. ``sides``: the evidence naming the two
    tables (default ``{"a": {"table": ...}, "b": {"table": ...}}``)."""
    analysed, moves = 0, []
    for na, nb in pairs:
        years = [y for y in na.pagu if y in nb.pagu and pagu_value(na, y) is not None and pagu_value(nb, y) is not None]
        if not years:
            continue
        analysed += 1
        changed = {y: (pagu_value(na, y), pagu_value(nb, y)) for y in years if pagu_value(na, y) != pagu_value(nb, y)}
        keys = _keys(changed, g.ratio_places)
        if keys and not any(target_differences(na, nb)):
            moves.append((keys, na, nb, changed))
    if not moves:
        return None, set()
    count = Counter(k for keys, *_ in moves for k in keys)
    key, n = max(count.items(), key=lambda kv: (kv[1], kv[0][0] == "ratio"))  # ties: the ratio says more
    rows = [
        (na, nb, ch)
        for keys, na, nb, ch in moves
        if key in keys and blank(na.catatan) and blank(nb.catatan) and not (noted and noted(na, nb))
    ]
    if n < g.min_share * analysed or len(rows) < max(g.min_rows, 1):
        return None, set()
    rows.sort(key=lambda r: (r[1].span.line_start, r[1].id))
    sides = sides or {"a": {"table": a.id}, "b": {"table": b.id}}
    return _finding(rule, ctx, g, key, rows, analysed, db, a, b, base, severity, sides), {id(nb) for _, nb, _ in rows}


def _keys(changed: dict, places: int) -> list[tuple]:
    """("ratio", r) and ("change", d) that every changed year of one row shares (a row that
    changes nothing, or changes its years differently, has none)."""
    if not changed:
        return []
    q = Decimal(1).scaleb(-places)
    ratios = {(Decimal(vb) / Decimal(va)).quantize(q, ROUND_HALF_UP) if va else None for va, vb in changed.values()}
    deltas = {vb - va for va, vb in changed.values()}
    ratio = ratios.pop() if len(ratios) == 1 else None
    # a ratio that rounds to 1 (a few rupiah on a large pagu) says nothing: the amount does
    out = [("ratio", Decimal(format(ratio.normalize(), "f")))] if ratio is not None and ratio != 1 else []
    return out + ([("change", deltas.pop())] if len(deltas) == 1 else [])


def pattern_text(key: tuple, lang: str) -> str:
    """ "dinaikkan 10% (×1,1)" / "raised by 10% (×1.1)"; "ditambah Rp 1.000.000" / "increased by Rp 1.000.000"."""
    kind, v = key
    up = v > (1 if kind == "ratio" else 0)
    if kind == "ratio":
        pct = format((abs(v - 1) * 100).normalize(), "f")  # 900, 12.5, 10 (never "9" for 900)
        factor = format(v, "f")
        if lang == "id":
            pct, factor = pct.replace(".", ","), factor.replace(".", ",")
            return f"{'dinaikkan' if up else 'diturunkan'} {pct}% (\u00d7{factor})"
        return f"{'raised' if up else 'lowered'} by {pct}% (\u00d7{factor})"
    if lang == "id":
        return f"{'ditambah' if up else 'dikurangi'} {rp_abs(v)}"
    return f"{'increased' if up else 'reduced'} by {rp_abs(v)}"


def _finding(rule, ctx, g: Group, key, rows, analysed: int, db, a, b, base: dict, severity, sides: dict) -> Finding:
    n = len(rows)
    scope = {
        "id": f"semua {n} sub kegiatan" if n == analysed else f"{n} dari {analysed} sub kegiatan",
        "en": f"all {n} sub kegiatan" if n == analysed else f"{n} of {analysed} sub kegiatan",
    }
    names = [_row_name(na, nb) for na, nb, _ in rows]
    k = 1  # codes are short; names (rows printed without a code) fill the budget sooner
    while k < min(n, SHOWN) and len(", ".join(names[: k + 1])) <= BUDGET:
        k += 1
    rest = n - k
    more = (f" dan {rest} lainnya (daftar lengkap pada bukti)", f" and {rest} more (full list in the evidence)")
    shown = ", ".join(names[:k])
    total_a = sum(va for *_, ch in rows for va, _ in ch.values())
    total_b = sum(vb for *_, ch in rows for _, vb in ch.values())
    vals = dict(
        base,
        **bilingual(
            scope=(scope["id"], scope["en"]),
            pattern=(pattern_text(key, "id"), pattern_text(key, "en")),
            rows_txt=(shown + (more[0] if rest > 0 else ""), shown + (more[1] if rest > 0 else "")),
            a=(rp(total_a), rp(total_a)),
            b=(rp(total_b), rp(total_b)),
        ),
        n_rows=str(n),
    )
    first, last = rows[0][1].span, rows[-1][1].span
    span = Span(
        file=first.file, line_start=first.line_start, line_end=max(last.line_end, first.line_end), page=first.page
    )
    evidence = {
        **sides,
        "pattern": {"kind": key[0], "value": format(key[1], "f") if key[0] == "ratio" else key[1]},
        "analysed": analysed,
        "total_a": total_a,
        "total_b": total_b,
        "rows": [
            {
                "code": nb.code or na.code,
                "name": nb.name or na.name,
                "locator": nb.id,
                "line": nb.span.line_start,
                "changes": {y: {"a": va, "b": vb} for y, (va, vb) in ch.items()},
            }
            for na, nb, ch in rows
        ],
    }
    grouped = rule.model_copy(update={"message": g.message, "suggestion": g.suggestion})
    return ctx.finding(
        grouped,
        db,
        table=b,
        span=span,
        values=vals,
        severity=severity,
        evidence=evidence,
        key=(a.id, "pattern", key[0], format(key[1], "f") if key[0] == "ratio" else key[1]),
    )


def _row_name(na: Node, nb: Node) -> str:
    return nb.code or na.code or nb.name or na.name or nb.id
