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


def render(report: CheckReport, fmt: str = "text", lang: str = "id", *, color: bool = False) -> str:
    return FORMATS[fmt](report, lang, color=color)


__all__ = ["FORMATS", "FAIL_ON", "CheckReport", "RuleInfo", "render"]
