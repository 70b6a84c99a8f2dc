"""kinds/cross_pattern: a systemic change of many rows is one XT08 finding (rows in the evidence),
the XT01 findings of its rows fold into it, and its fingerprint is content only and unique."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.errors import InputError
from renja_check.fold import collisions
from renja_check.kinds.cross_pattern import pattern_text
from renja_check.ruleset import RuleSet, load_rule_file, load_ruleset
from tests.rules.build import build_dossier

RULESET = load_ruleset()
N = 9  # rows raised by the same ratio


def _dossier(odd_first: bool = False, plan: bool = True) -> dict:
    awal = [(f"s{i}", f"1.01.01.2.01.{i:04d}", 1_000_000 * i + 37) for i in range(1, N + 1)]
    odd = ("s99", "1.01.01.2.02.0001", 5_000_000)
    rows = [odd] + awal if odd_first else awal + [odd]

    def node(i, code, v, **kw):
        return {"id": i, "level": "subkegiatan", "code": code, "name": f"Sub {code}", "pagu": {2023: v}, **kw}

    def raised(v):
        return int((Decimal(v) * Decimal("1.1")).to_integral_value()) if v != odd[2] else 9_000_000

    tables = [
        {
            "id": "T2.5-awal",
            "role": "rkpd_awal",
            "number": "2.5",
            "side": "rancangan_awal",
            "pair": "T2.5-analisis",
            "nodes": [node(i, c, v) for i, c, v in rows],
        },
        {
            "id": "T2.5-analisis",
            "role": "kebutuhan",
            "number": "2.5",
            "side": "hasil_analisis",
            "pair": "T2.5-awal",
            "nodes": [node(i, c, raised(v)) for i, c, v in rows],
        },
    ]
    if plan:  # the plan keeps the rancangan awal of s1: XT01 with origin, folded by code
        tables.append(
            {
                "id": "rencana",
                "role": "rencana",
                "nodes": [node(i, c, v if i == "s1" else raised(v)) for i, c, v in rows],
            }
        )
    return {"tables": tables}


def _run(spec: dict, *codes: str):
    return run(RuleSet(rules=[RULESET.get(c) for c in codes]), build_dossier(spec), load_corpus()).findings


def test_systemic_raise_is_one_finding_and_the_xt01_findings_fold_into_it():
    out = _run(_dossier(), "XT01", "XT08")
    xt08 = [f for f in out if f.rule == "XT08"]
    assert [f.locator for f in xt08] == [None, "T2.5-analisis:s99"]
    grouped = xt08[0]
    assert [r["locator"] for r in grouped.evidence["rows"]] == [f"T2.5-analisis:s{i}" for i in range(1, N + 1)]
    assert grouped.evidence["pattern"] == {"kind": "ratio", "value": "1.1"}
    assert grouped.evidence["analysed"] == N + 1
    assert f"{N} dari {N + 1} sub kegiatan" in grouped.text("id") and "dan 3 lainnya" in grouped.text("id")
    folded = {(e["rule"], e["locator"]) for e in grouped.evidence["folded"]}
    # every row's review change (XT01, awal -> analisis) and the plan keeping the awal value of s1
    assert {("XT01", f"T2.5-analisis:s{i}") for i in range(1, N + 1)} | {("XT01", "rencana:s1")} == folded
    assert not [f for f in out if f.rule == "XT01"]  # the odd row's XT01 folds into its own XT08
    assert collisions(out) == []


def test_grouped_fingerprint_is_content_only():
    a = [f for f in _run(_dossier(), "XT08") if f.locator is None]
    b = [f for f in _run(_dossier(odd_first=True), "XT08") if f.locator is None]  # every line moves
    assert len(a) == len(b) == 1 and a[0].span.line_start != b[0].span.line_start
    assert a[0].fingerprint == b[0].fingerprint


def test_pattern_text_both_languages():
    assert pattern_text(("ratio", Decimal("1.1")), "id") == "dinaikkan 10% (\u00d71,1)"
    assert pattern_text(("ratio", Decimal("0.875")), "en") == "lowered by 12.5% (\u00d70.875)"
    assert pattern_text(("ratio", Decimal("10")), "id") == "dinaikkan 900% (\u00d710)"
    assert pattern_text(("ratio", Decimal("2")), "en") == "raised by 100% (\u00d72)"
    assert pattern_text(("change", 250000), "id") == "ditambah Rp 250.000"
    assert pattern_text(("change", -1000), "en") == "reduced by Rp 1.000"


def test_group_template_placeholders_are_checked(tmp_path):
    path = tmp_path / "r.yaml"
    text = Path(RULESET.get("XT08").source_file).read_text(encoding="utf-8")
    xt08 = text[text.index("- code: XT08") :]  # the last rule of its file
    path.write_text(xt08.replace("{scope}", "{scop}", 1), encoding="utf-8")
    with pytest.raises(InputError, match="params.group.message.id"):
        load_rule_file(path)


def test_a_ratio_that_rounds_to_one_is_no_ratio():
    from renja_check.kinds.cross_pattern import _keys

    assert _keys({"2023": (100_000_000, 100_000_010)}, 4) == [("change", 10)]
    assert _keys({"2023": (1_000, 1_100), "2024": (2_000, 2_200)}, 4) == [("ratio", Decimal("1.1"))]
    assert _keys({"2023": (1_000, 1_100), "2024": (2_000, 2_300)}, 4) == []  # years changed differently
    assert _keys({"2023": (0, 333_000)}, 4) == [("change", 333_000)]  # an empty cell filled
