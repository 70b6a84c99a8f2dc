"""Report formats: every format renders a ``CheckReport`` to a string.

``FORMATS`` is the explicit registry: name -> ``render(report, lang, *, color=False)``.
A format's module is imported when it is first used, so a run pays only for its own format.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable

from .names import FAIL_ON, FORMAT_NAMES

if TYPE_CHECKING:
    from .model import CheckReport, RuleInfo

Renderer = Callable[..., str]


class _Lazy:
    """``module.function`` of this package, imported on the first call."""

    def __init__(self, module: str, function: str) -> None:
        self.module, self.function = module, function

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        fn = getattr(importlib.import_module(f"{__name__}.{self.module}"), self.function)
        return fn(*args, **kwargs)


FORMATS: dict[str, Renderer] = {
    "text": _Lazy("text", "render"),
    "json": _Lazy("json_", "render"),
    "jsonl": _Lazy("json_", "render_lines"),
    "sarif": _Lazy("sarif", "render"),
    "junit": _Lazy("junit", "render"),
    "markdown": _Lazy("markdown", "render"),
    "github": _Lazy("github", "render"),
}
assert tuple(FORMATS) == FORMAT_NAMES


def __getattr__(name: str) -> Any:  # CheckReport, RuleInfo: imported on first use (PEP 562)
    if name in ("CheckReport", "RuleInfo"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)


# formats whose reader is a terminal, a Markdown viewer, a CI log or an XML parser: control
# characters from the input are shown escaped (JSON and SARIF encoders escape them already)
ESCAPED = frozenset({"text", "markdown", "github", "junit"})


def render(report: CheckReport, fmt: str = "text", lang: str = "id", *, color: bool = False) -> str:
    from .escape import escaped, utf8_safe, xml_safe  # lazily: not needed for --help

    if fmt in ESCAPED:
        report = escaped(report)
    out = FORMATS[fmt](report, lang, color=color)
    return utf8_safe(xml_safe(out) if fmt == "junit" else out)


__all__ = ["FORMATS", "FAIL_ON", "CheckReport", "RuleInfo", "render"]
