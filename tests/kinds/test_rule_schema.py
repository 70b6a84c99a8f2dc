"""The published rule-file schema is the generated one, and every shipped rule file obeys it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from renja_check.paths import rules_dir
from renja_check.ruleset import rule_file_schema

SCHEMA_FILE = rules_dir() / "rule-file.schema.json"


def test_shipped_schema_is_generated_schema():
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == rule_file_schema(), (
        "rules/rule-file.schema.json is stale: python -m renja_check.ruleset > rules/rule-file.schema.json"
    )


@pytest.mark.parametrize("path", sorted(rules_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_rule_file_validates(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, rule_file_schema())


def test_schema_rejects_a_bad_rule():
    bad = [{"code": "pg1", "name": "x", "severity": "fatal", "kind": "sum"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, rule_file_schema())
