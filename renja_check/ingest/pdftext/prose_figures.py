"""Arithmetic stated in prose: a percentage of two amounts, a growth rate, a total and its parts.

Claims (``raw`` holds the words from the first amount to the last figure, so a rule can
recompute them; ``value`` as said):

* ``percent``: "dari ... Rp 16.152.427.613 terealisasi sebesar Rp 14.942.283.850 atau
  sebesar 92,51%" (the share of the second amount in the first) and "naik/turun ... dari
  Rp A menjadi Rp B ... sebesar P%" (the growth from A to B, when a word of change is
  there); ``value`` = the percentage in hundredths (9251), ``qualifier`` = ``share`` or
  ``growth``;
* ``parts``: "Rp 14.841.380.059 yang terdiri dari Belanja Operasi Rp 14.424.005.657 dan
  Belanja Modal Rp 417.374.402"; ``value`` = the total;
* ``result``: a numbered item of the prose evaluation naming a kegiatan and its result
  ("1. Analisa Kebijakan Pola Karier PNS  Realisasi masih 0% ..."); ``raw`` = the item's
  name, ``value`` = the percentage in hundredths, ``qualifier`` = ``realisasi`` or ``capaian``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ...models import Claim
from .base import ParseContext
from .prose_sentences import sentences

RP_RE = re.compile(r"\bRp\.?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)*|\d+(?:,\d+)*)(?:,-)?", re.I)
PCT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,4})?)\s*(?:%|persen\b)", re.I)
GROWTH_RE = re.compile(r"\b(naik|kenaikan|meningkat|peningkatan|turun|penurunan|menurun|bertambah|berkurang)\b", re.I)
SHARE_RE = re.compile(r"\b(realisasi|terealisasi|terserap|penyerapan|capaian|atau)\b", re.I)
PARTS_RE = re.compile(r"\bterdiri\s+(?:dari|atas)\b", re.I)


def percent_value(text: str) -> Optional[Decimal]:
    t = text.replace(",", ".")
    try:
        return Decimal(t)
    except ArithmeticError:
        return None


ITEM_RE = re.compile(r"^\s*\d{1,2}[.)]\s*$")
RESULT_RE = re.compile(
    r"\b(realisasi|capaian|tercapai|terealisasi)\b[^.%\d]{0,30}?(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|persen\b)", re.I
)
CUE_RE = re.compile(r"\b(realisasi|capaian|dari\s+target|target)\b", re.I)


def figure_claims(ctx: ParseContext, secs: Optional[list[str]] = None) -> list[Claim]:
    out: list[Claim] = []
    title: Optional[str] = None
    after_item = False
    left = 0  # sentences of the current item still read (its name and the two after it)
    for s in sentences(ctx, secs):
        c = s.text[:1]
        if (c.isdigit() or c.isspace()) and ITEM_RE.match(s.text):  # ITEM_RE: spaces, then a digit
            title, after_item = None, True
            continue
        if after_item:  # the item's first sentence: its name, up to a cue word if one follows
            cue = CUE_RE.search(s.text)
            title = (s.text[: cue.start()] if cue and cue.start() > 0 else s.text).strip(" .:,")
            after_item, left = False, 3
        left -= 1
        if title and left >= 0:
            for m in RESULT_RE.finditer(s.text):
                value = percent_value(m.group(2))
                if value is not None:
                    q = "capaian" if m.group(1).lower().startswith(("capai", "terca")) else "realisasi"
                    c = _claim(ctx, s, "result", m.start(), m.end(), int(value * 100), q, len(out))
                    out.append(c.model_copy(update={"raw": " ".join(title.split())}))
        # RP_RE starts with "Rp" (any case): on ASCII text, a sentence without it has no amount
        if s.text.isascii() and "rp" not in s.text.lower():
            continue
        amounts = list(RP_RE.finditer(s.text))
        if len(amounts) < 2:
            continue
        out.extend(_percent(ctx, s, amounts, len(out)))
        out.extend(_parts(ctx, s, amounts, len(out)))
    return out


YEAR_RE = re.compile(r"\b(?:tahun|TA\.?)\s*(20\d\d)\b", re.I)


def _claim(ctx, s, kind, start, end, value, qualifier, n) -> Claim:
    first, last = s.line_at(start), s.line_at(end)
    years = YEAR_RE.findall(s.text)  # the year the figures are about, when the sentence says it
    return Claim(
        id=f"figure:L{first}.{n + 1}",
        kind=kind,
        value=value,
        raw=" ".join(s.text[start:end].split()),
        year=int(years[0]) if years else None,
        sentence=" ".join(s.text.split()),
        section=s.section,
        qualifier=qualifier,
        span=ctx.span(first, last),
    )


def _percent(ctx, s, amounts, n) -> list[Claim]:
    out = []
    for a, b in zip(amounts, amounts[1:]):
        after = s.text[b.end() : b.end() + 40]
        p = PCT_RE.search(after)
        if p is None or RP_RE.search(after[: p.start()]):
            continue
        between = s.text[a.start() : b.end() + p.end()]
        growth = GROWTH_RE.search(between)
        if growth is None and not SHARE_RE.search(between):
            continue
        value = percent_value(p.group(1))
        if value is None:
            continue
        out.append(
            _claim(
                ctx,
                s,
                "percent",
                a.start(),
                b.end() + p.end(),
                int(value * 100),
                "growth" if growth else "share",
                n + len(out),
            )
        )
    return out


def _parts(ctx, s, amounts, n) -> list[Claim]:
    m = PARTS_RE.search(s.text)
    if m is None:
        return []
    before = [a for a in amounts if a.end() <= m.start()]
    parts = [a for a in amounts if a.start() >= m.end()]
    if not before or len(parts) < 2:
        return []
    total = before[-1]
    if PCT_RE.search(s.text[total.end() : parts[-1].end()]):
        return []  # parts given as shares, not amounts
    from ...numbers import parse_money

    value = parse_money(total.group(1)).value
    if value is None:
        return []
    return [_claim(ctx, s, "parts", total.start(), parts[-1].end(), value, None, n)]
