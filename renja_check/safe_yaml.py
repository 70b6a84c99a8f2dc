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


class SafeLoader(NoAliases, yaml.SafeLoader):
    """``yaml.SafeLoader`` without aliases."""


def safe_load(text: str):
    """``yaml.safe_load`` without aliases and with bounded nesting; errors are ``yaml.YAMLError``
    (a too-deep document that overflows the parser's own recursion is reported as one too)."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except RecursionError:
        raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep") from None


def problem(exc: yaml.YAMLError) -> tuple[str, str]:
    """(line suffix ``:N`` or "", one-line problem) of a YAML error."""
    mark = getattr(exc, "problem_mark", None)
    text = getattr(exc, "problem", None) or str(exc)
    return (f":{mark.line + 1}" if mark else ""), " ".join(str(text).split())
