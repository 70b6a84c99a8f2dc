"""Document checks of the ``cross_document`` kind: periods and years, quoted visi / misi.

They compare whole documents (a Renstra's period, an RKPD's year, the RPJMD's visi and
misi) rather than matched rows; each finding's evidence names both documents.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from rapidfuzz import fuzz

from ..text import norm_name
from .cross_document_sources import Side, other_sides, renja_sides
from .labels import bilingual


def _docs(ctx, doc_type):
    return [d for d in ctx.dossier.documents if d.doc_type == doc_type]


def _side_of(ctx, doc_type, doc) -> Optional[Side]:
    return next((s for s in other_sides(ctx.dossier, doc_type, []) if s.doc is doc), None)


def _other_vals(side: Optional[Side], doc) -> dict:
    return bilingual(other=(side.label("id"), side.label("en")) if side else (doc.source.path,) * 2)


def period(rule, ctx, p) -> Iterator:
    """The Renstra / RPJMD period covers the Renja's year."""
    for d in _docs(ctx, p.against):
        if not (d.period_start and d.period_end):
            continue
        side = _side_of(ctx, p.against, d)
        for rd in _docs(ctx, "renja"):
            if rd.year is None or d.period_start <= rd.year <= d.period_end:
                continue
            vals = {"year": rd.year, "period": f"{d.period_start}-{d.period_end}", **_other_vals(side, d)}
            ev = {
                "renja": {"document": rd.source.path, "doc_type": "renja", "year": rd.year},
                p.against: side.where() if side else {"document": d.source.path, "doc_type": d.doc_type},
            }
            yield ctx.finding(
                rule,
                rd,
                found=rd.year,
                expected=f"{d.period_start}-{d.period_end}",
                values=vals,
                evidence=ev,
                key=(p.against, d.source.path),
            )


def year(rule, ctx, p) -> Iterator:
    """The RKPD is of the Renja's year (an RKPD of another year is compared with nothing)."""
    for d in _docs(ctx, p.against):
        for rd in _docs(ctx, "renja"):
            if d.year is None or rd.year is None or d.year == rd.year:
                continue
            side = next((Side(d, t, d.stage) for t in d.tables if t.role == p.against), None)
            ev = {
                "renja": {"document": rd.source.path, "doc_type": "renja", "year": rd.year},
                p.against: side.where() if side else {"document": d.source.path, "doc_type": d.doc_type},
            }
            yield ctx.finding(
                rule,
                rd,
                expected=rd.year,
                found=d.year,
                difference=d.year - rd.year,
                values={"year": rd.year, "other_year": d.year, **_other_vals(side, d)},
                evidence=ev,
                key=(p.against, d.source.path),
            )


def period_quoted(rule, ctx, p) -> Iterator:
    """A Renja column quoting the Renstra's end year ("akhir periode Renstra") with another year."""
    pat = re.compile(p.column_pattern, re.IGNORECASE)
    docs = [d for d in _docs(ctx, p.against) if d.period_end]
    for d in docs:
        for rd in _docs(ctx, "renja"):
            for t in rd.tables:
                for c in t.columns:
                    if c.year and pat.search(" ".join(c.label.split())) and c.year != d.period_end:
                        side = _side_of(ctx, p.against, d)
                        vals = {
                            "column": c.id,
                            "label": " ".join(c.label.split()),
                            "year": c.year,
                            "period": f"{d.period_start}-{d.period_end}",
                            "end": d.period_end,
                            **_other_vals(side, d),
                        }
                        yield ctx.finding(
                            rule,
                            rd,
                            table=t,
                            locator=f"{t.id}:kolom-{c.id}",
                            span=t.span,
                            expected=d.period_end,
                            found=c.year,
                            difference=c.year - d.period_end,
                            values=vals,
                            evidence={
                                "renja": {
                                    "document": rd.source.path,
                                    "doc_type": "renja",
                                    "table": t.id,
                                    "column": c.id,
                                },
                                p.against: side.where() if side else {},
                            },
                            key=(p.against, c.id),
                        )


def visi_misi(rule, ctx, p) -> Iterator:
    """Visi and misi quoted in the Renja word for word as in the RPJMD (case, spacing, punctuation aside)."""
    rpjmd = next(d for d in _docs(ctx, "rpjmd") if d.visi or d.misi)
    side = _side_of(ctx, "rpjmd", rpjmd)
    for q in renja_sides(ctx.dossier, ("rpjmd_kutipan",)):
        for n in q.table.nodes:
            what = n.keterangan
            cands = [rpjmd.visi] if what == "visi" and rpjmd.visi else ((rpjmd.misi or []) if what == "misi" else [])
            if not cands:
                continue
            best = max(cands, key=lambda c: fuzz.ratio(norm_name(c), norm_name(n.name)))
            if norm_name(best) == norm_name(n.name):
                continue
            ev = {
                "renja": q.where(n),
                "rpjmd": (side.where() if side else {"document": rpjmd.source.path, "doc_type": "rpjmd"}),
            }
            ev["rpjmd"]["field"] = what
            yield ctx.finding(
                rule,
                q.doc,
                table=q.table,
                subject=n,
                expected=best,
                found=n.name,
                values={"what": what, "a": n.name, "b": best, **_other_vals(side, rpjmd)},
                evidence=ev,
                key=(what, norm_name(n.name)),
            )
