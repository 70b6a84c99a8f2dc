"""Every rule has test cases as data: tests/rules/cases/<CODE>.yaml.

Each file holds ``pass_*`` cases (the rule yields nothing) and ``fail_*`` cases
(the rule yields findings matching ``expect``: a list of partial findings, compared
field by field on the fields given; ``count`` pins the number of findings).

    rule: PG01
    cases:
      pass_sums_add_up:
        dossier: {...}          # see build.py
      fail_subtotal_off:
        dossier: {...}
        count: 1
        expect:
          - {locator: "rencana:p1", expected: 300, found: 301, difference: 1}

A case may name ``with: [CODE, ...]``: rules run together with the case's rule (the
deference mechanism: a finding of a rule that ``defers_to`` one of them is folded into
its finding); only the case rule's findings are compared.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.paths import rules_dir
from renja_check.ruleset import RuleSet, load_ruleset

from .build import build_dossier

CASES_DIR = Path(__file__).parent / "cases"
RULESET = load_ruleset()


def _cases():
    for f in sorted(CASES_DIR.glob("*.yaml")):
        spec = yaml.safe_load(f.read_text(encoding="utf-8"))
        for name, case in spec["cases"].items():
            yield pytest.param(spec["rule"], name, case, id=f"{spec['rule']}-{name}")


@pytest.mark.parametrize("code,name,case", list(_cases()))
def test_rule_case(code, name, case):
    rule = RULESET.get(code)
    assert rule is not None, f"no rule {code} in rules/"
    others = [RULESET.get(c) for c in case.get("with", [])]
    assert all(others), f"unknown rule in with: {case.get('with')}"
    result = run(RuleSet(rules=[rule, *others]), build_dossier(case["dossier"]), load_corpus())
    findings = [f for f in result.findings if f.rule == code]
    crashed = [f for f in findings if f.evidence.get("exception")]
    assert not crashed, crashed[0].text("en")
    for f in findings:
        assert_message_contract(f)
    if name.startswith("pass"):
        assert findings == [], "\n".join(f.text("en") for f in findings)
        return
    assert name.startswith("fail"), f"case names start with pass_ or fail_: {name}"
    assert findings, f"{code} {name}: expected findings, got none"
    if "count" in case:
        assert len(findings) == case["count"], "\n".join(f.text("en") for f in findings)
    for want in case.get("expect", []):
        dumped = [f.model_dump(mode="json") for f in findings]
        ok = any(all(_match(d.get(k), v) for k, v in want.items()) for d in dumped)
        assert ok, f"no finding matches {want}; got:\n" + "\n".join(
            str({k: d.get(k) for k in want}) for d in dumped)


MAX_MESSAGE = 600


def assert_message_contract(f) -> None:
    """README "Message contract": rendered templates, a suggestion for errors and warnings,
    short messages, expected never the found value."""
    import re

    for lang in ("id", "en"):
        text = f.text(lang) + " " + (f.suggestion_text(lang) or "")
        assert not re.search(r"\{[A-Za-z_]+\}", text), f"{f.rule}: unrendered placeholder in {text!r}"
        assert len(f.text(lang)) <= MAX_MESSAGE, f"{f.rule}: message of {len(f.text(lang))} characters"
    if f.severity != "info":
        assert f.suggestion_text("id") and f.suggestion_text("en"), f"{f.rule}: no suggestion"
    assert f.expected is None or f.expected != f.found, f"{f.rule}: expected is the found value {f.found!r}"


def _match(got, want) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        return all(_match(got.get(k), v) for k, v in want.items())
    return got == want


def test_every_rule_has_cases():
    have = {f.stem for f in CASES_DIR.glob("*.yaml")}
    missing = [r.code for r in RULESET.rules if r.code not in have]
    assert not missing, f"rules without test cases: {missing}"


def test_every_case_file_has_pass_and_fail():
    for f in CASES_DIR.glob("*.yaml"):
        names = yaml.safe_load(f.read_text(encoding="utf-8"))["cases"].keys()
        assert any(n.startswith("pass") for n in names), f"{f.name}: no pass case"
        assert any(n.startswith("fail") for n in names), f"{f.name}: no fail case"


def test_rules_dir_is_found():
    assert any(rules_dir().glob("*.yaml")), "no rule files shipped"
