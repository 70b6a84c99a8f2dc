"""Kind ``prose_arithmetic``: a percentage, growth rate or sum stated in prose, recomputed.

``check``:
- ``percent``: claims of kind ``percent``: the share of the second amount in the first
  ("Rp 16.152.427.613 terealisasi Rp 14.942.283.850 atau 92,51%"), or the growth from the
  first to the second ("naik dari Rp A menjadi Rp B atau 12%"), equals the printed
  percentage to the precision printed (92,51% allows 92,505-92,515);
- ``parts``: claims of kind ``parts``: a total "yang terdiri dari" amounts equals their sum.
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
    check: Literal["percent", "parts"]


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
    what = (("pertumbuhan", "the growth") if growth else ("persentase", "the share"))
    vals = bilingual(what=what)
    vals.update(raw=c.raw, printed=m.group(0).strip(), computed=shown, a=rp(amounts[0]), b=rp(amounts[1]))
    return ctx.finding(rule, doc, subject=c, locator=c.id, expected=shown, found=m.group(0).strip(),
                       values=vals, key=c.raw,
                       evidence={"amounts": amounts[:2], "printed": m.group(0).strip(), "recomputed": shown,
                                 "kind": c.qualifier, "sentence": c.sentence})


def _parts(rule, ctx, doc, c) -> Optional[Finding]:
    amounts = _amounts(c.raw)
    if len(amounts) < 3:
        return None
    total, parts = amounts[0], amounts[1:]
    if sum(parts) == total:
        return None
    vals = {"raw": c.raw, "total": rp(total), "sum": rp(sum(parts)), "n": str(len(parts))}
    return ctx.finding(rule, doc, subject=c, locator=c.id, expected=sum(parts), found=total,
                       difference=total - sum(parts), values=vals, key=c.raw,
                       evidence={"total": total, "parts": parts, "sentence": c.sentence})
