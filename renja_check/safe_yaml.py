"""YAML that users write, read safely: no aliases, bounded nesting.

Rule files, waivers and hand-edited models are plain data; YAML anchors and aliases
(``&name`` / ``*name``) add nothing there and let a file of 1.7 KB expand into gigabytes
(an "alias bomb": every alias is copied when rules are loaded). ``NoAliases`` refuses
them as a ``yaml.YAMLError`` with the line of the anchored node, so the loaders that
already report invalid YAML as ``file:line`` (exit 2) report this too.

The check sits in construction, not parsing, so it works with the pure-Python and the
C (libyaml) loaders alike: an alias is a node constructed a second time.
"""

from __future__ import annotations

import yaml

MAX_DEPTH = 200  # nesting of user YAML/JSON; real files stay under 10


def _fast_base() -> type:
    """libyaml's parser (several times faster than PyYAML's own) when it bounds nesting itself
    (libyaml 0.2.6 and later: "exceeded maximum nesting depth"; older ones crash on a deeply
    nested flow sequence), else the pure-Python parser."""
    try:
        from yaml import _yaml

        if hasattr(yaml, "CSafeLoader") and tuple(_yaml.get_version()) >= (0, 2, 6):
            return yaml.CSafeLoader
    except Exception:  # no libyaml binding
        pass
    return yaml.SafeLoader


FAST_BASE = _fast_base()  # the parser of every loader of user YAML


class AliasRefused(yaml.constructor.ConstructorError):
    pass


class NoAliases:
    """Mixin for a ``yaml`` loader class (put it first): refuses aliases and deep nesting."""

    def construct_object(self, node, deep=False):  # type: ignore[override]
        if node in self.constructed_objects or node in self.recursive_objects:
            raise AliasRefused(
                None, None, "YAML aliases (*name) are not allowed in this file; write the value out", node.start_mark
            )
        if len(self.recursive_objects) > MAX_DEPTH:
            raise yaml.constructor.ConstructorError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", node.start_mark
            )
        return super().construct_object(node, deep)  # type: ignore[misc]


class SafeLoader(NoAliases, FAST_BASE):
    """``yaml.SafeLoader`` without aliases (on libyaml when it is safe)."""


def safe_load(text: str):
    """``yaml.safe_load`` without aliases and with bounded nesting; errors are ``yaml.YAMLError``
    (a too-deep document that overflows the parser's own recursion is reported as one too)."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except RecursionError:
        raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep") from None


def safe_load_lines(text: str, key: str) -> tuple[object, list[int]]:
    """``safe_load`` plus the 1-based line of each item of the top-level sequence ``key``,
    from one parse (composing the text a second time for the lines cost as much again)."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: list[int] = []
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if getattr(k, "value", None) == key and isinstance(v, yaml.SequenceNode):
                    lines = [item.start_mark.line + 1 for item in v.value]
                    break
        return (loader.construct_document(node) if node is not None else None), lines
    except RecursionError:
        raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()


def problem(exc: yaml.YAMLError) -> tuple[str, str]:
    """(line suffix ``:N`` or "", one-line problem) of a YAML error."""
    mark = getattr(exc, "problem_mark", None)
    text = getattr(exc, "problem", None) or str(exc)
    return (f":{mark.line + 1}" if mark else ""), " ".join(str(text).split())
