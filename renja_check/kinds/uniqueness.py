"""Kind ``uniqueness``: codes and names identify one node each within a table.

``check``: ``code_duplicate`` (one code twice under the same parent, same level),
``legacy_code_duplicate`` (the same, for codes of an older code system that the
nomenclature does not resolve, e.g. ``17.85`` of Permendagri 13/2006 in an evaluation table),
``name_two_codes`` (one name under two codes; the program penunjang repeated under
every bidang of the PD is one generic code, not two; a name the nomenclature itself gives
to every one of the codes, such as "Pembangunan Sarana, Prasarana dan Utilitas Sekolah"
under two kegiatan, is no defect), ``code_two_names`` (one code
under two names that are not near-identical).
"""

from __future__ import annotations

from typing import Iterator, Literal

from ..corpus import generic_code
from ..finding import Finding
from ..text import norm_name
from .base import Context, Kind, Params, walk_tables, Role, Level
from .compare import same_text
from .labels import LEVEL_EN, LEVEL_ID, bilingual, table_label
from .match import usable_code


class UniquenessParams(Params):
    check: Literal["code_duplicate", "legacy_code_duplicate", "name_two_codes", "code_two_names"]
    roles: list[Role] = []
    levels: list[Level] = ["program", "kegiatan", "subkegiatan"]
    cutoff: float = 90.0  # names at least this similar count as one name


def _official_names(ctx: Context, codes: list[str]) -> dict[str, str]:
    """code -> its name in the nomenclature (codes the nomenclature lacks are left out)."""
    out = {}
    for c in codes:
        e = ctx.corpus.nomenclature.get(c)
        if e is not None:
            out[c] = e.name
    return out


class UniquenessKind(Kind):
    name = "uniqueness"
    Params = UniquenessParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: UniquenessParams = rule.spec
        for doc, table in walk_tables(ctx.dossier, p.roles):
            groups: dict[tuple, list] = {}
            for n in table.nodes:
                if n.level not in p.levels:
                    continue
                code = usable_code(n)
                if p.check == "code_duplicate" and code:
                    groups.setdefault((n.level, n.parent, code), []).append(n)
                elif p.check == "legacy_code_duplicate" and n.code_status == "legacy" and n.code_printed:
                    groups.setdefault((n.level, n.parent, n.code_printed.strip()), []).append(n)
                elif p.check == "name_two_codes" and code and n.name.strip():
                    groups.setdefault((n.level, norm_name(n.name)), []).append(n)
                elif p.check == "code_two_names" and code and n.name.strip():
                    groups.setdefault((n.level, code), []).append(n)
            for key, nodes in groups.items():
                f = self._group(rule, ctx, doc, table, p, key, nodes)
                if f is not None:
                    yield f

    def _group(self, rule, ctx, doc, table, p, key, nodes):
        if len(nodes) < 2:
            return None
        first = nodes[0]
        level = key[0]
        vals = bilingual(
            table=(table_label(table, "id"), table_label(table, "en")), level=(LEVEL_ID[level], LEVEL_EN[level])
        )
        lines = ", ".join(str(n.span.line_start) for n in nodes)
        if p.check in ("code_duplicate", "legacy_code_duplicate"):
            names = "; ".join(f'"{" ".join(n.name.split())}"' for n in nodes)
            vals.update(code=key[2], times=str(len(nodes)), lines=lines, names=names)
            return ctx.finding(
                rule,
                doc,
                table=table,
                subject=nodes[1],
                expected=1,
                found=len(nodes),
                difference=len(nodes) - 1,
                values=vals,
                key=key[2],
                evidence={"code": key[2], "nodes": [n.id for n in nodes], "names": [n.name for n in nodes]},
            )
        if p.check == "name_two_codes":
            codes = sorted({usable_code(n) for n in nodes})
            if len({generic_code(c) for c in codes}) < 2:
                return None
            official = _official_names(ctx, codes)
            if all(norm_name(official.get(c) or "") == key[1] for c in codes):
                return None  # the nomenclature gives this name to every one of the codes
            others = [
                f'{c} = "{official[c]}"' if official.get(c) else f"{c} = ?"
                for c in codes
                if norm_name(official.get(c) or "") != key[1]
            ]
            vals.update(name=first.name, codes=", ".join(codes), lines=lines)
            vals.update(
                bilingual(official=("; nomenklatur: " + ", ".join(others), "; nomenclature: " + ", ".join(others)))
            )
            return ctx.finding(
                rule,
                doc,
                table=table,
                subject=first,
                found=codes,
                values=vals,
                evidence={
                    "codes": codes,
                    "nodes": [n.id for n in nodes],
                    "official_names": {c: official.get(c) for c in codes},
                },
            )
        names: list[str] = []
        for n in nodes:
            if not any(same_text(n.name, m, p.cutoff) for m in names):
                names.append(n.name)
        if len(names) < 2:
            return None
        vals.update(code=key[1], names="; ".join(f'"{" ".join(x.split())}"' for x in names), lines=lines)
        return ctx.finding(
            rule,
            doc,
            table=table,
            subject=first,
            found=names,
            values=vals,
            evidence={"names": names, "nodes": [n.id for n in nodes]},
        )
