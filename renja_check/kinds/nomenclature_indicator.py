"""The ``indicator`` and ``satuan`` checks of the ``nomenclature`` kind: a coded sub
kegiatan of the plan tables against the standard indicator (and its unit) that the
corpus gives its code, where it has one."""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..models import Node
from ..text import norm_name
from .nomenclature_cross import CODED, PLAN_ROLES, similar


def _standard(ctx, node: Node):
    if node.level != "subkegiatan" or not node.code or node.code_status not in CODED:
        return None
    e = ctx.corpus.nomenclature.get(node.code)
    return e if e is not None and e.indikator else None


def _plan_nodes(ctx, p):
    roles = p.roles or list(PLAN_ROLES)
    for doc in ctx.dossier.documents:
        for t in doc.tables:
            if t.role in roles:
                for n in t.nodes:
                    e = _standard(ctx, n)
                    if e is not None and n.indicators:
                        yield doc, t, n, e


def _ind_close(a: str, b: str, similarity: float) -> bool:
    return norm_name(a) == norm_name(b) or similar(a, b) >= similarity


def indicator(rule, ctx, p) -> Iterator[Finding]:
    for doc, t, n, e in _plan_nodes(ctx, p):
        if any(_ind_close(i.text, e.indikator, p.similarity) for i in n.indicators):
            continue
        yield ctx.finding(
            rule,
            doc,
            table=t,
            subject=n,
            expected=e.indikator,
            found=n.indicators[0].text,
            values={"standard": e.indikator},
            suggestion={
                "id": f"Indikator standar: {e.indikator} ({e.satuan})",
                "en": f"Standard indicator: {e.indikator} ({e.satuan})",
            },
            evidence={"code": n.code, "indicators": [i.text for i in n.indicators]},
        )


def satuan(rule, ctx, p) -> Iterator[Finding]:
    for doc, t, n, e in _plan_nodes(ctx, p):
        if not e.satuan:
            continue
        ind = next((i for i in n.indicators if _ind_close(i.text, e.indikator, p.similarity)), None)
        if ind is None:
            continue  # the indicator itself differs: ``indicator``
        units = {q.unit for q in ind.targets.values() if q.unit}
        bad = sorted(u for u in units if norm_name(u) != norm_name(e.satuan))
        if bad:
            yield ctx.finding(
                rule,
                doc,
                table=t,
                subject=n,
                expected=e.satuan,
                found=bad[0],
                values={"standard": e.satuan},
                evidence={"code": n.code, "units": sorted(units)},
            )
