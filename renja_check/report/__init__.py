"""Report formats: every format renders a ``CheckReport`` to a string.

``FORMATS`` is the explicit registry: name -> ``render(report, lang, *, color=False)``.
"""

from __future__ import annotations

from typing import Callable

from . import github, json_, junit, markdown, sarif, text
from .model import FAIL_ON, CheckReport, RuleInfo

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_.render,
    "jsonl": json_.render_lines,
    "sarif": sarif.render,
    "junit": junit.render,
    "markdown": markdown.render,
    "github": github.render,
}


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
