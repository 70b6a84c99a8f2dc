"""Rule files: ``rules/*.yaml`` -> validated ``Rule`` objects with file:line kept.

A rule file is a YAML list of rule entries (see ``rule_file_schema()``). Each
entry's ``params`` are validated against the ``Params`` model of its kind, so a
typo in a rule file is an error naming the file and line, never a crash later.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError
from .paths import rules_dir
from .safe_yaml import NoAliases

Text = dict[str, str]  # {"id": ..., "en": ...}


CODE_PATTERN = r"^[A-Z]{2,3}\d{2,3}$"


class Deference(BaseModel):
    """``defers_to`` entry: when rule ``rule`` runs and reports the same subject, a finding
    of this rule is folded into that finding's evidence (``folded``) instead of standing
    on its own. ``match: locator`` = same document, table and locator (row, claim);
    ``match: table`` = same document and table (e.g. every sum of a table a reader note
    says is cut); ``match: code`` = same document and code (the locator's part after its
    table id), in any table. ``when``: an evidence key the deferring finding must carry
    (not null) to be folded, e.g. ``origin``: the plan kept the value the review changed.
    The engine does the folding, so ``--select`` of this rule alone still reports its
    findings."""

    model_config = ConfigDict(extra="forbid")

    rule: str = Field(pattern=CODE_PATTERN)
    match: Literal["locator", "table", "code"] = "locator"
    when: Optional[str] = None


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=CODE_PATTERN, description="permanent code, never reused")
    name: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$", description="dotted name")
    severity: Literal["error", "warning", "info"] = Field(
        description="error: figures that cannot all be true; warning: an inconsistency that needs "
        "an explanation or a fix in wording; info: an observation (README: severity policy)"
    )
    kind: str
    title: Text
    description: Text
    basis: str = Field(description="legal basis: regulation and article where known")
    rationale: Text
    params: dict[str, Any] = Field(default_factory=dict)
    message: Text
    suggestion: Optional[Text] = None
    example: Optional[Text] = None
    enabled: bool = True
    defers_to: list[Deference] = Field(
        default_factory=list,
        description=(
            "rules this rule gives way to: a finding of this rule on the same subject as a finding "
            "of one of them is folded into that finding's evidence (only when that rule runs)"
        ),
    )
    # where the rule was read from; filled by the loader, not written in YAML
    source_file: str = Field(default="", exclude=True)
    source_line: int = Field(default=0, exclude=True)
    spec: Any = Field(default=None, exclude=True)  # validated params (the kind's model)

    @field_validator("defers_to", mode="before")
    @classmethod
    def _short_deference(cls, v: Any) -> Any:  # ``defers_to: [FM04]`` is ``[{rule: FM04}]``
        return [{"rule": x} if isinstance(x, str) else x for x in (v or [])]

    def where(self) -> str:
        return f"{self.source_file}:{self.source_line}"


class RuleSet(BaseModel):
    rules: list[Rule]

    def get(self, code: str) -> Optional[Rule]:
        return next((r for r in self.rules if r.code == code), None)

    def select(self, select: Optional[list[str]] = None, ignore: Optional[list[str]] = None) -> "RuleSet":
        def hit(code: str, pats: list[str]) -> bool:
            return any(code == p or (p.endswith("*") and code.startswith(p[:-1])) or code.startswith(p) for p in pats)

        rules = [r for r in self.rules if r.enabled]
        if select:
            rules = [r for r in rules if hit(r.code, select)]
        if ignore:
            rules = [r for r in rules if not hit(r.code, ignore)]
        return RuleSet(rules=rules)


class _LineLoader(NoAliases, yaml.SafeLoader):
    """SafeLoader that records the line of every mapping as ``__line__`` (aliases refused)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def load_rule_file(path: Path) -> list[Rule]:
    from .ingest.common import MAX_JSON_BYTES, read_bytes  # type and size checked, read bounded
    from .kinds import KINDS  # late import: kinds are a lower layer but heavy
    from .kinds.placeholders import check_templates

    try:
        text = read_bytes(path, MAX_JSON_BYTES, what="rule", empty_ok=True).decode("utf-8")
        data = yaml.load(text, Loader=_LineLoader)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise InputError(where, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except RecursionError:
        raise InputError(str(path), "invalid YAML: nested too deeply") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(f"{path}:1", "a rule file is a YAML list of rules")
    rules = []
    for entry in data:
        line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
        where = f"{path}:{line}"
        if not isinstance(entry, dict):
            raise InputError(where, "each rule is a mapping")
        try:
            rule = Rule(**_strip_lines(entry), source_file=str(path), source_line=line)
        except ValidationError as exc:
            raise InputError(where, _first_error(exc, entry)) from None
        kind = KINDS.get(rule.kind)
        if kind is None:
            raise InputError(where, f"unknown kind '{rule.kind}' (known: {', '.join(sorted(KINDS))})")
        for lang in ("id", "en"):
            for field in ("title", "description", "rationale", "message"):
                if lang not in getattr(rule, field):
                    raise InputError(where, f"{field} has no '{lang}' text")
        check_templates(rule, entry, f"{path}:{line}")  # a placeholder typo fails here, not at run time
        try:
            spec = kind.Params(**rule.params)
        except ValidationError as exc:
            raise InputError(where, "params: " + _first_error(exc, entry.get("params", {}))) from None
        rules.append(rule.model_copy(update={"spec": spec}))
    return rules


def _first_error(exc: ValidationError, entry: Any) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    line = ""
    node = entry
    for p in err["loc"]:
        if isinstance(node, dict) and p in node:
            node = node[p]
            if isinstance(node, dict) and "__line__" in node:
                line = f" (line {node['__line__']})"
        else:
            break
    return f"{loc}: {err['msg']}{line}"


def load_ruleset(paths: Optional[list[Path]] = None) -> RuleSet:
    """All rule files of ``rules/`` (or the given files), codes unique."""
    files = paths or sorted(rules_dir().glob("*.yaml"))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for f in files:
        for r in load_rule_file(Path(f)):
            if r.code in seen:
                raise InputError(r.where(), f"rule code {r.code} already used at {seen[r.code]}")
            seen[r.code] = r.where()
            rules.append(r)
    for r in rules:
        for d in r.defers_to:
            if d.rule not in seen:
                raise InputError(r.where(), f"defers_to: unknown rule code {d.rule}")
            if d.rule == r.code:
                raise InputError(r.where(), "defers_to: a rule cannot defer to itself")
    return RuleSet(rules=rules)


def rule_file_schema() -> dict:
    """JSON schema of a rule file (a list of rules); published as rules/rule-file.schema.json."""
    from .kinds import KINDS

    schema = _inline(Rule.model_json_schema())
    for key in ("source_file", "source_line", "spec"):
        schema.get("properties", {}).pop(key, None)
    schema["properties"]["kind"]["enum"] = sorted(KINDS)
    deference = schema["properties"]["defers_to"]["items"]  # "FM04" is short for {rule: FM04}
    schema["properties"]["defers_to"]["items"] = {"anyOf": [{"type": "string", "pattern": CODE_PATTERN}, deference]}
    # each kind's params are typed (roles, levels, severities, checks): unknown or misspelled
    # values are errors at load time, and the schema says which values a kind accepts
    schema["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": name}}},
            "then": {"properties": {"params": _inline(kind.Params.model_json_schema())}},
        }
        for name, kind in sorted(KINDS.items())
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "renja-check rule file",
        "type": "array",
        "items": schema,
    }


def _inline(schema: dict) -> dict:
    """A params schema with its ``$defs`` resolved in place (one self-contained schema per kind)."""
    defs = schema.pop("$defs", {})

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            ref = v.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(dict(defs[ref.rsplit("/", 1)[1]]))
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(schema)


if __name__ == "__main__":  # pragma: no cover - regenerate the published schema
    print(json.dumps(rule_file_schema(), indent=2, ensure_ascii=False))
