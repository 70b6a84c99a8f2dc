"""Kind ``unit``: one indicator keeps one unit, and the unit fits the indicator.

``check``:
- ``across_years``: the target units of one indicator differ between the year
  columns of a row (``orang``/``Orang`` is one unit; ``Dokumen``/``Laporan`` two);
- ``across_tables``: the same sub kegiatan's indicator has another unit in a paired table;
- ``indicator``: the unit contradicts the indicator text ("Jumlah Laporan ..." counted
  in "Dokumen"), judged with a small explicit vocabulary of unit nouns. A sub kegiatan
  whose indicator and unit are exactly the nomenclature's standard pair for its code is
  not reported: the national standard is followed, however odd it reads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Literal, Optional

from ..finding import Finding
from ..models import Indicator
from ..text import norm_name
from .base import Context, Kind, Params, walk_tables, Role, Level
from .compare import pair_indicators, unit_key
from .cross_table import Pair
from .labels import bilingual, node_label, table_label
from .match import match_tables, table_pairs

# unit nouns; nouns of one group may stand for each other
UNIT_GROUPS = {
    "dokumen": ("dokumen", "dok", "berkas", "naskah", "sk", "buku", "eksemplar"),
    "laporan": ("laporan",),
    "orang": ("orang", "pegawai", "asn", "pns", "pppk", "peserta", "jiwa", "pejabat", "personil", "personel"),
    "paket": ("paket",),
    "unit": ("unit", "buah"),
    "kegiatan": ("kegiatan", "kali", "event"),
    "aplikasi": ("aplikasi", "sistem"),
    "%": ("%", "persen"),
}
NOUN_GROUP = {n: g for g, ns in UNIT_GROUPS.items() for n in ns}
COUNT_WORDS = ("jumlah", "banyaknya", "banyak")
RATE_WORDS = ("persentase", "presentase", "prosentase")
YEAR_KEY = re.compile(r"^\d{4}$")


class UnitParams(Params):
    check: Literal["across_years", "across_tables", "indicator"]
    roles: list[Role] = []  # for across_years / indicator; empty = every table
    pairs: list[Pair] = []  # for across_tables
    levels: list[Level] = ["program", "kegiatan", "subkegiatan"]
    year_keys_only: bool = True  # compare target columns keyed by a year only


def units(ind: Indicator, year_keys_only: bool) -> dict[str, str]:
    """year -> printed unit of the indicator's readable targets."""
    return {
        y: q.unit.strip()
        for y, q in ind.targets.items()
        if q.unit and q.status == "ok" and (not year_keys_only or YEAR_KEY.match(y))
    }


@lru_cache(maxsize=4096)
def counted_noun(text: str) -> Optional[str]:
    """The unit noun an indicator counts: 'Jumlah laporan ...' -> 'laporan'; 'Persentase' -> '%'."""
    words = norm_name(text).split()
    if not words:
        return None
    if words[0] in RATE_WORDS:
        return "%"
    if words[0] in COUNT_WORDS and len(words) > 1 and words[1] in NOUN_GROUP:
        return words[1]
    return None


@lru_cache(maxsize=4096)
def unit_noun(unit: str) -> Optional[str]:
    key = unit_key(unit) or ""
    if key == "%":
        return "%"
    head = re.split(r"[/\s]", key)[0] if key else ""
    return head if head in NOUN_GROUP else None


class UnitKind(Kind):
    name = "unit"
    Params = UnitParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: UnitParams = rule.spec
        if p.check == "across_tables":
            yield from self._across_tables(rule, ctx, p)
            return
        for doc, table in walk_tables(ctx.dossier, p.roles):
            for n in table.nodes:
                if n.level not in p.levels:
                    continue
                for ind in n.indicators:
                    us = units(ind, p.year_keys_only)
                    if p.check == "across_years":
                        if len({unit_key(u) for u in us.values()}) > 1:
                            vals = _values(table, n, ind)
                            vals["units"] = ", ".join(f"{y}: {u}" for y, u in us.items())
                            yield ctx.finding(
                                rule,
                                doc,
                                table=table,
                                subject=n,
                                found=us,
                                values=vals,
                                key=ind.text,
                                evidence={"units": us, "indicator": ind.text},
                            )
                    else:
                        f = _contradiction(rule, ctx, doc, table, n, ind, us)
                        if f is not None:
                            yield f

    def _across_tables(self, rule, ctx: Context, p: UnitParams) -> Iterator[Finding]:
        for pair in p.pairs:
            for _da, a, db, b in table_pairs(ctx.dossier, pair.a, pair.b):
                m = match_tables(a, b, [lv for lv in p.levels if lv == "subkegiatan"] or p.levels)
                for na, nb in m.pairs:
                    for ia, ib in pair_indicators(na, nb):
                        ua, ub = units(ia, p.year_keys_only), units(ib, p.year_keys_only)
                        ka, kb = {unit_key(u) for u in ua.values()}, {unit_key(u) for u in ub.values()}
                        if not ka or not kb or ka & kb:
                            continue
                        vals = bilingual(
                            node=(node_label(nb, "id"), node_label(nb, "en")),
                            table_a=(table_label(a, "id"), table_label(a, "en")),
                            table_b=(table_label(b, "id"), table_label(b, "en")),
                        )
                        vals.update(
                            a=", ".join(sorted(set(ua.values()))),
                            b=", ".join(sorted(set(ub.values()))),
                            indicator=" ".join(ib.text.split()),
                        )
                        yield ctx.finding(
                            rule,
                            db,
                            table=b,
                            subject=nb,
                            expected=sorted(ka),
                            found=sorted(kb),
                            values=vals,
                            severity=pair.severity,
                            key=(a.id, ia.text),
                            evidence={
                                "a": {"table": a.id, "locator": na.id, "units": ua},
                                "b": {"table": b.id, "locator": nb.id, "units": ub},
                            },
                        )


def standard_pair(ctx: Context, n, ind: Indicator, unit: str) -> bool:
    """The (indicator, unit) of a sub kegiatan is the nomenclature's standard pair for its code."""
    if n.level != "subkegiatan" or not n.code:
        return False
    e = ctx.corpus.nomenclature.get(n.code)
    return (
        e is not None
        and e.level == "subkegiatan"
        and bool(e.indikator)
        and bool(e.satuan)
        and norm_name(e.indikator) == norm_name(ind.text)
        and unit_key(e.satuan) == unit_key(unit)
    )


def _values(table, n, ind: Indicator) -> dict:
    """Message values of a finding on an indicator (made only for a finding)."""
    vals = bilingual(
        node=(node_label(n, "id"), node_label(n, "en")),
        table=(table_label(table, "id"), table_label(table, "en")),
    )
    vals["indicator"] = " ".join(ind.text.split())
    return vals


def _contradiction(rule, ctx, doc, table, n, ind, us) -> Optional[Finding]:
    noun = counted_noun(ind.text)
    if noun is None or not us:
        return None
    bad = {}
    for y, u in us.items():
        un = unit_noun(u)
        if un is not None and NOUN_GROUP[un] != NOUN_GROUP[noun] and not standard_pair(ctx, n, ind, u):
            bad[y] = u
    if not bad:
        return None
    unit = sorted(set(bad.values()))[0]
    vals = _values(table, n, ind)
    vals.update(unit=unit, noun=noun)
    return ctx.finding(
        rule,
        doc,
        table=table,
        subject=n,
        expected=noun,
        found=unit,
        values=vals,
        key=ind.text,
        evidence={"indicator": ind.text, "counted": noun, "units": bad},
    )
