"""renja_check.fold: deference chains, cycles, table and code matches, repeated claims."""

from __future__ import annotations

from types import SimpleNamespace as NS

from renja_check.finding import Finding
from renja_check.fold import collisions, fold
from renja_check.ruleset import Deference


def F(rule, locator, table="rencana", **kw):
    return Finding(
        rule=rule,
        rule_name="x.y",
        severity=kw.pop("severity", "warning"),
        message={"id": f"{rule} id", "en": f"{rule} en"},
        document="d.txt",
        table=table,
        locator=locator,
        fingerprint=f"{rule}-{locator}",
        **kw,
    )


def R(code, *defers):
    return NS(code=code, defers_to=[Deference(**d) if isinstance(d, dict) else Deference(rule=d) for d in defers])


def test_chain_ends_at_the_last_standing_finding():
    fs = [F("AA01", "rencana:1"), F("BB01", "rencana:1"), F("CC01", "rencana:1")]
    out = fold(fs, [R("AA01", "BB01"), R("BB01", "CC01"), R("CC01")])
    assert [f.rule for f in out] == ["CC01"]
    assert [e["rule"] for e in out[0].evidence["folded"]] == ["AA01", "BB01"]
    assert out[0].evidence["folded"][0]["message"] == {"id": "AA01 id", "en": "AA01 en"}


def test_nothing_to_defer_to_stands_and_cycles_stand():
    assert len(fold([F("AA01", "rencana:1")], [R("AA01", "BB01")])) == 1
    fs = [F("AA01", "rencana:1"), F("BB01", "rencana:1")]
    assert len(fold(fs, [R("AA01", "BB01"), R("BB01", "AA01")])) == 2


def test_table_and_code_matches():
    fs = [
        F("PG01", "rkpd_akhir:total", table="rkpd_akhir"),
        F("DN01", "note:table-truncated", table="rkpd_akhir"),
        F("XT01", "rencana:5.03.01.2.01.0001", evidence={"origin": {"value": 0}}),
        F("XT01", "rencana:5.03.01.2.01.0002"),  # no origin: stands
        F("XT08", "T2.5-analisis:5.03.01.2.01.0001", table="T2.5-analisis"),
        F("XT08", "T2.5-analisis:5.03.01.2.01.0002", table="T2.5-analisis"),
    ]
    rules = [
        R("PG01", {"rule": "DN01", "match": "table"}),
        R("DN01"),
        R("XT01", {"rule": "XT08", "match": "code", "when": "origin"}),
        R("XT08"),
    ]
    out = fold(fs, rules)
    assert sorted((f.rule, f.locator) for f in out) == [
        ("DN01", "note:table-truncated"),
        ("XT01", "rencana:5.03.01.2.01.0002"),
        ("XT08", "T2.5-analisis:5.03.01.2.01.0001"),
        ("XT08", "T2.5-analisis:5.03.01.2.01.0002"),
    ]


def test_repeated_claim_is_one_finding_and_collisions_are_listed():
    fs = [F("KL02", "claim:L1.1", expected=40, found=37), F("KL02", "claim:L9.2", expected=40, found=37)]
    out = fold(fs, [R("KL02")])
    assert len(out) == 1 and out[0].evidence["folded"][0]["locator"] == "claim:L9.2"
    same = [F("AA01", "rencana:1"), F("AA01", "rencana:1")]
    assert collisions(same) == ["AA01-rencana:1"]


def test_a_finding_about_several_rows_stands_for_each_by_locator_and_code():
    rows = [{"locator": "T2.5-analisis:s1", "code": None}, {"locator": "T2.5-analisis:s2", "code": None}]
    fs = [
        F("XT08", None, table="T2.5-analisis", evidence={"rows": rows}),
        F("XT01", "T2.5-analisis:s1", table="T2.5-analisis"),  # same row: folds by locator
        F("XT01", "rencana:s2", evidence={"origin": {"value": 0}}),  # same code in the plan: folds by code
        F("XT01", "T2.5-analisis:s3", table="T2.5-analisis"),  # not a row of the group: stands
        F("RQ01", None, table="T2.5-analisis", evidence={"rows": ["T2.5-analisis:s1"]}),  # text rows: no cover
    ]
    rules = [R("XT01", "XT08", {"rule": "XT08", "match": "code", "when": "origin"}), R("XT08"), R("RQ01")]
    out = fold(fs, rules)
    assert sorted((f.rule, f.locator or "") for f in out) == [
        ("RQ01", ""),
        ("XT01", "T2.5-analisis:s3"),
        ("XT08", ""),
    ]
    grouped = next(f for f in out if f.rule == "XT08")
    assert [e["locator"] for e in grouped.evidence["folded"]] == ["T2.5-analisis:s1", "rencana:s2"]
