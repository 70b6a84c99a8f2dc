"""Hardness: user YAML (rule files, waivers, models) and JSON (baselines, models) fail fast.

Issue 12 probes: a 1.7 KB alias bomb grew ~85 MB/s and never ended; deep nesting ended in a
traceback; a negative tolerance was accepted; message templates were not validated at load.
Every case must be one line on stderr naming the file, exit 2.
"""

import copy

import pytest
import yaml
from click.testing import CliRunner

from renja_check.cli import main
from renja_check.paths import rules_dir

PAGU = yaml.safe_load((rules_dir() / "pagu.yaml").read_text(encoding="utf-8"))
SUM_RULE = next(r for r in PAGU if r["kind"] == "sum")


def bomb(levels: int = 12, width: int = 20, indent: str = "") -> str:
    """Billion laughs: width**levels strings from about 1.7 KB of YAML."""
    out = [f"{indent}a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        out.append(f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(out) + "\n"


def cli(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def assert_input_error(res, *words):
    assert res.exit_code == 2, res.output[-600:]
    line = res.output.strip().splitlines()
    assert len(line) == 1 and "Traceback" not in res.output, res.output[-600:]
    for w in words:
        assert w in line[0], line[0]


def test_bomb_is_about_1_7_kb():
    assert 1200 < len(bomb(indent="    ")) < 2200


@pytest.mark.parametrize("where", ["rules", "waivers", "model"])
def test_alias_bomb_is_refused(tmp_path, where):
    f = tmp_path / f"{where}.yaml"
    if where == "rules":
        f.write_text("- code: XX01\n  params:\n" + bomb(indent="    "), encoding="utf-8")
        res = cli("--rules", f)
    elif where == "waivers":
        f.write_text("- rule: PG01\n  fingerprint: x\n  reason: y\n  extra:\n" + bomb(indent="    "), encoding="utf-8")
        res = cli("--waivers", f)
    else:
        f.write_text("schema_version: 1\n" + bomb(), encoding="utf-8")
        res = cli(f)
    assert_input_error(res, str(f), "alias")


@pytest.mark.parametrize(
    "name,text",
    [
        ("rules.yaml", "- code: XX01\n  params: " + "[" * 1500 + "]" * 1500 + "\n"),
        ("waivers.yaml", "[" * 400 + "]" * 400 + "\n"),
        ("model.yaml", "schema_version: 1\nx: " + "[" * 400 + "]" * 400 + "\n"),
        ("model.json", '{"schema_version": 1, "x": ' + "[" * 100000 + "]" * 100000 + "}"),
        ("baseline.json", '{"findings": ' + "[" * 100000 + "]" * 100000 + "}"),
        ("model2.json", '{"schema_version": 1, "x": 1' + "0" * 5000 + "}"),
    ],
)
def test_deep_nesting_and_long_numbers_are_input_errors(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    opt = {"rules.yaml": ["--rules"], "waivers.yaml": ["--waivers"], "baseline.json": ["--baseline"]}.get(name, [])
    assert_input_error(cli(*opt, f), str(f))


def _rule_file(tmp_path, **change):
    rule = copy.deepcopy(SUM_RULE)
    for k, v in change.items():
        rule[k] = v
    f = tmp_path / "rules.yaml"
    f.write_text(yaml.safe_dump([rule], allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f


def test_negative_tolerance_is_refused(tmp_path):
    f = _rule_file(tmp_path, params=dict(SUM_RULE.get("params") or {}, tolerance=-5))
    assert_input_error(cli("--rules", f), str(f), "tolerance")


def test_unknown_placeholder_is_a_load_error_with_file_and_line(tmp_path):
    f = _rule_file(tmp_path, message={"id": "Selisih {selisih_typo}.", "en": "Difference {difference}."})
    res = cli("--rules", f)
    assert_input_error(res, "selisih_typo", "message.id")
    line = int(res.output.split(f"{f}:", 1)[1].split(":", 1)[0])
    assert f.read_text(encoding="utf-8").splitlines()[line - 1].strip().startswith("id:")


@pytest.mark.parametrize("template", ["{found", "{}", "total {0}"])
def test_malformed_template_is_a_load_error(tmp_path, template):
    f = _rule_file(tmp_path, message={"id": template, "en": "x"})
    res = cli("--rules", f)
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output[-400:]


def test_shipped_rules_still_load():
    res = CliRunner().invoke(main, ["rules"])
    assert res.exit_code == 0, res.output[-400:]
