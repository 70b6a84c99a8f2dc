"""Kind ``identity``: the document says one plan year, and the Renstra it quotes covers it.

``check``:
- ``plan_year``: every plan-year mention (claims of kind ``plan_year``: title, cover,
  foreword, running headers, prose) and every plan table's year columns agree with the
  document's plan year (``Document.year``, the year most mentions state). Mentions of one
  other year (or range) are one finding, their lines in the evidence;
- ``renstra_period``: a quoted Renstra period (claims of kind ``period``) covers the plan year.
"""

from __future__ import annotations

from typing import Iterator, Literal

from ..finding import Finding
from .base import Context, Kind, Params, Role
from .labels import bilingual, table_label

SECTION_EN = {"judul": "title", "kata pengantar": "foreword", "teks": "text"}


class IdentityParams(Params):
    check: Literal["plan_year", "renstra_period"]
    # plan tables whose year columns start at the plan year
    plan_roles: list[Role] = ["rkpd_awal", "kebutuhan", "rencana", "rkpd_akhir"]


def _stated(first: int, last) -> str:
    return f"{first}-{last}" if last and last != first else str(first)


class IdentityKind(Kind):
    name = "identity"
    Params = IdentityParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: IdentityParams = rule.spec
        for doc in ctx.dossier.documents:
            if not doc.year:
                continue
            year = doc.year
            kind = "plan_year" if p.check == "plan_year" else "period"
            groups: dict[tuple, list] = {}
            for c in doc.claims:
                if c.kind != kind or c.value is None:
                    continue
                last = c.year or c.value
                if c.value <= year <= last if kind == "period" else c.value == year == last:
                    continue
                groups.setdefault((c.value, last), []).append(c)
            for (first, last), claims in groups.items():
                c = claims[0]
                where_id = ", ".join(sorted({x.section or "teks" for x in claims}))
                where_en = ", ".join(sorted({SECTION_EN.get(x.section or "teks", "text") for x in claims}))
                vals = bilingual(where=(where_id, where_en))
                vals.update(
                    raw=c.raw,
                    stated=_stated(first, last),
                    year=str(year),
                    lines=", ".join(str(x.span.line_start) for x in claims),
                    times=str(len(claims)),
                )
                yield ctx.finding(
                    rule,
                    doc,
                    subject=c,
                    locator=c.id,
                    expected=year,
                    found=_stated(first, last),
                    difference=first - year if not last or last == first else None,  # one year stated
                    values=vals,
                    key=(kind, first, last),
                    evidence={
                        "plan_year": year,
                        "stated": _stated(first, last),
                        "mentions": [{"line": x.span.line_start, "raw": x.raw, "section": x.section} for x in claims],
                    },
                )
            if p.check == "plan_year":
                yield from _table_years(rule, ctx, doc, p, year)


def _table_years(rule, ctx, doc, p: IdentityParams, year: int) -> Iterator[Finding]:
    for t in doc.tables:
        if t.role not in p.plan_roles or not t.years or min(t.years) == year:
            continue
        vals = bilingual(where=(table_label(t, "id"), table_label(t, "en")))
        stated = "-".join(str(y) for y in t.years)
        vals.update(
            raw=f"{table_label(t, 'id')}: {stated}",
            stated=stated,
            year=str(year),
            lines=str(t.span.line_start),
            times="1",
        )
        yield ctx.finding(
            rule,
            doc,
            table=t,
            locator=t.id,
            span=t.span,
            expected=year,
            found=min(t.years),
            difference=min(t.years) - year,
            values=vals,
            key=("table", t.id),
            evidence={"plan_year": year, "table_years": list(t.years)},
        )
