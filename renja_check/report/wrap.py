"""``textwrap.wrap`` for report lines, without its cost in the common case.

A report wraps a few hundred messages. Most are words separated by single spaces, each
word shorter than a line: then ``textwrap``'s greedy algorithm (chunks of words and
spaces, whitespace dropped at line ends) is exactly "add the next word while the line
stays within the width". That case is done here directly; anything else (tabs, newlines,
runs of spaces, a word longer than a line, a word of whitespace only) goes to
``textwrap.wrap``, imported only then. Same lines either way (tests/report/test_wrap.py).
"""

from __future__ import annotations

import re

_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace but " ": tabs, newlines, NBSP, ... (textwrap's own rules)


def wrap(
    text: str, width: int, initial_indent: str = "", subsequent_indent: str = "", break_on_hyphens: bool = True
) -> list[str]:
    """``textwrap.wrap(text, width=..., initial_indent=..., subsequent_indent=...,
    break_on_hyphens=...)`` (other options at their defaults)."""
    first, rest = width - len(initial_indent), width - len(subsequent_indent)
    if _simple(text, min(first, rest), break_on_hyphens):
        # words apart by single spaces, none longer than a line: each line ends at the last
        # space that keeps it within the width (textwrap's greedy fill, whitespace dropped)
        lines: list[str] = []
        start, limit, end = 0, first, len(text)
        while end - start > limit:
            cut = text.rfind(" ", start, start + limit + 1)
            lines.append((subsequent_indent if lines else initial_indent) + text[start:cut])
            start, limit = cut + 1, rest
        lines.append((subsequent_indent if lines else initial_indent) + text[start:])
        return lines
    import textwrap

    return textwrap.wrap(
        text,
        width=width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=break_on_hyphens,
    )


def _simple(text: str, limit: int, break_on_hyphens: bool) -> bool:
    if limit <= 0 or not text or text[0] == " " or text[-1] == " " or "  " in text:
        return False
    if break_on_hyphens and "-" in text:  # textwrap may break after a hyphen
        return False
    if _OTHER_SPACE.search(text):
        return False
    return max(map(len, text.split(" "))) <= limit
