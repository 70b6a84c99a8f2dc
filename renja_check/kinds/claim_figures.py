"""Kind ``prose_arithmetic``: a percentage, growth rate or sum stated in prose, recomputed.

``check``:
- ``percent``: claims of kind ``percent``: the share of the second amount in the first
  ("Rp 16.152.427.613 terealisasi Rp 14.942.283.850 atau 92,51%"), or the growth from the
  first to the second ("naik dari Rp A menjadi Rp B atau 12%"), equals the printed
  percentage to the precision printed (92,51% allows 92,505-92,515);
- ``parts``: claims of kind ``parts``: a total "yang terdiri dari" amounts equals their sum;
- ``result``: claims of kind ``result`` (a prose item naming a kegiatan and its realisation
  or achievement in %): the evaluation table's row of that name (one row, names alike at
  ``cutoff``) prints that percentage in one of its % cells (within half a point).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..numbers import parse_money
from .base import Context, Kind, Params
from .labels import bilingual, rp

RP_RE = re.compile(r"\bRp\.?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)*|\d+(?:,\d+)*)(?:,-)?", re.I)
PCT_RE = re.compile(r"(\d{1,3})(?:[.,](\d{1,4}))?\s*(?:%|persen\b)", re.I)


class FiguresParams(Params):
    check: Literal["percent", "parts", "result"]
    cutoff: float = 85.0  # result: name similarity (0..100) of the prose item and the table row


def _amounts(raw: str) -> list[int]:
    out = []
    for m in RP_RE.finditer(raw):
        v = parse_money(m.group(1)).value
        if v is not None:
            out.append(v)
    return out


def _pct_text(v: Decimal, places: int) -> str:
    q = v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else v.quantize(Decimal(1))
    return f"{q}".replace(".", ",") + "%"


class ProseArithmeticKind(Kind):
    name = "prose_arithmetic"
    Params = FiguresParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: FiguresParams = rule.spec
        for doc in ctx.dossier.documents:
            for c in doc.claims:
                if c.kind == p.check == "percent":
                    f = _percent(rule, ctx, doc, c)
                elif c.kind == p.check == "parts":
                    f = _parts(rule, ctx, doc, c)
                elif c.kind == p.check == "result":
                    f = _result(rule, ctx, doc, c, p)
                else:
                    f = None
                if f is not None:
                    yield f


def _percent(rule, ctx, doc, c) -> Optional[Finding]:
    amounts = _amounts(c.raw)
    pct = list(PCT_RE.finditer(c.raw))
    if len(amounts) < 2 or not pct or not amounts[0]:
        return None
    m = pct[-1]
    places = len(m.group(2) or "")
    printed = Decimal(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
    a, b = Decimal(amounts[0]), Decimal(amounts[1])
    growth = c.qualifier == "growth"
    got = abs(b - a) / a * 100 if growth else b / a * 100
    if abs(got - printed) <= Decimal(5).scaleb(-places - 1) + Decimal("1e-9"):
        return None
    shown = _pct_text(got, max(places, 2))
    what = ("pertumbuhan", "the growth") if growth else ("persentase", "the share")
    vals = bilingual(what=what)
    vals.update(raw=c.raw, printed=m.group(0).strip(), computed=shown, a=rp(amounts[0]), b=rp(amounts[1]))
    return ctx.finding(
        rule,
        doc,
        subject=c,
        locator=c.id,
        expected=shown,
        found=m.group(0).strip(),
        values=vals,
        key=c.raw,
        evidence={
            "amounts": amounts[:2],
            "printed": m.group(0).strip(),
            "recomputed": shown,
            "kind": c.qualifier,
            "sentence": c.sentence,
        },
    )


def _parts(rule, ctx, doc, c) -> Optional[Finding]:
    amounts = _amounts(c.raw)
    if len(amounts) < 3:
        return None
    total, parts = amounts[0], amounts[1:]
    if sum(parts) == total:
        return None
    vals = {"raw": c.raw, "total": rp(total), "sum": rp(sum(parts)), "n": str(len(parts))}
    return ctx.finding(
        rule,
        doc,
        subject=c,
        locator=c.id,
        expected=sum(parts),
        found=total,
        difference=total - sum(parts),
        values=vals,
        key=c.raw,
        evidence={"total": total, "parts": parts, "sentence": c.sentence},
    )


PCT_ANY_RE = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")


def _row_percents(n) -> list[tuple[str, Decimal]]:
    """(printed, value) of every % figure of an evaluation row (placed cells, else the printed row)."""
    out = []
    raw = n.values.get("raw")
    texts = [raw.raw] if raw is not None and raw.raw else [q.raw for q in n.values.values() if q.raw]
    for t in texts:
        for m in PCT_ANY_RE.finditer(t):
            out.append((m.group(0).replace(" ", ""), Decimal(m.group(1).replace(",", "."))))
    return out


def _result(rule, ctx, doc, c, p: FiguresParams) -> Optional[Finding]:
    from .compare import same_text
    from .labels import node_label, table_label

    rows = [
        (t, n)
        for t in doc.tables
        if t.role == "evaluasi"
        for n in t.nodes
        if n.level in ("program", "kegiatan", "subkegiatan") and n.name and same_text(n.name, c.raw, p.cutoff)
    ]
    if len(rows) != 1:
        return None  # no row, or no single row, of that name: nothing to compare with
    table, node = rows[0]
    # the kegiatan's row and the rows of its further indicators
    printed = [
        x
        for n in [node] + [k for k in table.nodes if k.parent == node.id and k.level == "indikator"]
        for x in _row_percents(n)
    ]
    if not printed:
        return None
    stated = Decimal(c.value) / 100
    if any(abs(v - stated) <= Decimal("0.5") for _, v in printed):
        return None
    shown = f"{stated.normalize():f}".replace(".", ",") + "%"
    cells = ", ".join(x for x, _ in printed)
    vals = bilingual(
        node=(node_label(node, "id"), node_label(node, "en")),
        table=(table_label(table, "id"), table_label(table, "en")),
        what=(c.qualifier or "realisasi", "achievement" if c.qualifier == "capaian" else "realisation"),
    )
    vals.update(stated=shown, cells=cells, name=c.raw)
    return ctx.finding(
        rule,
        doc,
        subject=c,
        locator=c.id,
        table=table,
        expected=[x for x, _ in printed],
        found=shown,
        values=vals,
        key=(c.raw, c.value),
        evidence={"row": node.id, "row_percentages": [x for x, _ in printed], "sentence": c.sentence},
    )
