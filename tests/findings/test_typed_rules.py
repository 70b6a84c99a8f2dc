"""Issue 11: rule data is typed; a misspelled role, level or deference is a load error with file:line."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from renja_check.errors import InputError
from renja_check.ruleset import load_rule_file, load_ruleset, rule_file_schema

RULE = """\
- code: ZZ01
  name: test.rule
  severity: warning
  kind: required
  title: {id: t, en: t}
  description: {id: d, en: d}
  basis: b
  rationale: {id: r, en: r}
  params:
    field: target
    roles: [%s]
    levels: [%s]
  message: {id: m, en: m}
"""


def _write(tmp_path, roles="rencana", levels="subkegiatan", extra=""):
    f = tmp_path / "r.yaml"
    f.write_text(RULE % (roles, levels) + extra, encoding="utf-8")
    return f


def test_good_rule_loads(tmp_path):
    assert [r.code for r in load_rule_file(_write(tmp_path))] == ["ZZ01"]


@pytest.mark.parametrize("roles,levels", [("rencan", "subkegiatan"), ("rencana", "sub_kegiatan")])
def test_misspelled_role_or_level_is_a_load_error(tmp_path, roles, levels):
    f = _write(tmp_path, roles, levels)
    with pytest.raises(InputError) as exc:
        load_rule_file(f)
    assert f"{f}:1" in str(exc.value)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(f.read_text(encoding="utf-8")), rule_file_schema())


def test_deference_to_an_unknown_rule_is_a_load_error(tmp_path):
    f = _write(tmp_path, extra="  defers_to: [ZZ99]\n")
    with pytest.raises(InputError) as exc:
        load_ruleset([f])
    assert "ZZ99" in str(exc.value)


def test_shipped_rules_declare_known_deferences():
    rs = load_ruleset()
    codes = {r.code for r in rs.rules}
    assert all(d.rule in codes for r in rs.rules for d in r.defers_to)


def test_fail_on_error_stops_on_the_error_class_only(tmp_path, monkeypatch):
    from pathlib import Path

    from renja_check import api

    monkeypatch.setenv("RENJA_CHECK_DB", str(tmp_path / "runs.db"))
    sample = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "renja-2023-bkpsdm-bontang.txt"
    warnings_only = api.check_report([sample], select=["RQ07", "FM04"], fail_on="error")
    assert warnings_only.findings and warnings_only.exit_code() == 0
    assert api.check_report([sample], select=["FM01"], fail_on="error").exit_code() == 1
