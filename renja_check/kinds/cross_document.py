"""Kind ``cross_document``: the Renja against the RKPD, the Renstra PD and the RPJMD.

One ``check`` per rule, against one document (``against``: rkpd | renstra | rpjmd).
The Renja side is its ``rencana`` table; the other side the document's own table, or
the Renja's embedded quote of it (``embedded`` roles) when the dossier has no such
document (``cross_document_sources``). Nodes are matched as in ``cross_table``
(code, else name). Every finding's evidence names both sides: ``renja`` and the
document type, each with document, table, row and, for a canonical row, the source it
quotes (``sumber``). ``expected`` is the other document's value, ``found`` the Renja's,
``difference`` found - expected. A rule whose document is absent is skipped
(``missing``), and the engine lists it in the run's summary.
"""

from __future__ import annotations

from typing import Iterator, Literal, Optional

from ..finding import Finding
from .base import Context, Kind, Params
from .cross_document_checks import CHECKS, noted_in_review
from .cross_document_sets import belongs
from .cross_document_sources import missing, other_sides, renja_sides, stage_ok
from .cross_pattern import Group, systemic
from .cross_presence import cap
from .labels import bilingual, node_label
from .match import match_tables

Check = Literal[
    "missing_in_renja",
    "missing_in_other",
    "pagu",
    "target",
    "lokasi",
    "sumber_dana",
    "catatan",
    "indicator",
    "pagu_ceiling",
    "period",
    "period_quoted",
    "visi_misi",
    "assigned",
    "assigned_missing",
    "year",
]


class CrossDocParams(Params):
    check: Check
    against: Literal["rkpd", "renstra", "rpjmd"]
    levels: list[str] = ["subkegiatan"]
    stages: Optional[list[str]] = None  # stages of the other document the rule applies to (None: any)
    embedded: list[str] = []  # Renja table roles that stand for the document when it is absent
    # rule(s) that already compare those embedded tables (e.g. "XT06"): then this rule is
    # listed as skipped with that reason instead of repeating their findings
    covered_by: str = ""
    cutoff: float = 90.0  # fuzzy cut-off (0..100) for texts
    column_pattern: str = r"akhir\s+periode\s+renstra"  # period_quoted: header of the quoted end year
    skip_penunjang: bool = True  # assigned: the support program X.XX.01 is in every agency
    renja_roles: list[str] = ["rencana"]  # the Renja tables compared (renstra_kutipan: SIPD's Renstra quotes)
    target_year: Optional[str] = None  # target: the year key compared ("akhir"); None = the plan year N
    group: Optional[Group] = None  # catatan: one finding for the rows of one systemic pattern (cross_pattern.py)


class CrossDocumentKind(Kind):
    name = "cross_document"
    Params = CrossDocParams

    def missing(self, rule, ctx: Context) -> list[str]:
        return missing(rule.spec, ctx.dossier)

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: CrossDocParams = rule.spec
        if missing(p, ctx.dossier):
            return
        fn = CHECKS[p.check]
        if p.check in ("visi_misi", "period", "period_quoted", "year"):
            yield from fn(rule, ctx, p)
            return
        for r in renja_sides(ctx.dossier, tuple(p.renja_roles)):
            for o in other_sides(ctx.dossier, p.against, p.embedded):
                if not stage_ok(o, p.stages):
                    continue
                m = match_tables(r.table, o.table, p.levels)
                base = bilingual(renja=(r.label("id"), r.label("en")), other=(o.label("id"), o.label("en")))
                if p.check in ("missing_in_renja", "missing_in_other", "assigned", "assigned_missing"):
                    yield from fn(rule, ctx, p, r, o, m, base)
                    continue
                skip = set()
                if p.check == "catatan" and p.group is not None:
                    grouped, skip = _systemic(rule, ctx, p, r, o, m, base)
                    if grouped is not None:
                        yield grouped
                for na, nb in m.pairs:
                    if id(na) in skip or not belongs(nb, r, ctx.dossier):
                        continue
                    for exp, fnd, diff, extra, key in fn(p, r, o, na, nb):
                        # the row's labels and evidence only for a disagreement (most rows agree)
                        vals = dict(
                            base,
                            **bilingual(
                                node=(node_label(na, "id"), node_label(na, "en")),
                                Node=(cap(node_label(na, "id")), cap(node_label(na, "en"))),
                            ),
                        )
                        ev = {"renja": r.where(na), p.against: o.where(nb)}
                        evid = dict(ev, **{k: v for k, v in extra.items() if not k.endswith("_en")})
                        yield ctx.finding(
                            rule,
                            r.doc,
                            table=r.table,
                            subject=na,
                            expected=exp,
                            found=fnd,
                            difference=diff,
                            values=dict(vals, **extra),
                            evidence=evid,
                            key=(p.against, o.table.id, key),
                        )


def _systemic(rule, ctx: Context, p: CrossDocParams, r, o, m, base: dict):
    """The Renja rows that changed the other document's by one pattern, as one finding
    (``cross_pattern.systemic``; a = the other document's table, b = the Renja's)."""
    pairs = [(nb, na) for na, nb in m.pairs if belongs(nb, r, ctx.dossier)]
    vals = dict(base, **bilingual(table_a=(o.label("id"), o.label("en")), table_b=(r.label("id"), r.label("en"))))
    return systemic(
        rule,
        ctx,
        p.group,
        pairs,
        r.doc,
        o.table,
        r.table,
        vals,
        None,
        noted=lambda _, renja: noted_in_review(r, renja),
        sides={"renja": r.where(), p.against: o.where()},
    )
