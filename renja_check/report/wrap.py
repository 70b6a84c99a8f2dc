"""``textwrap.wrap`` for report lines, without its cost in the common case.

A report wraps a few hundred messages. Most are words separated by single spaces, each
word shorter than a line: then ``textwrap``'s greedy algorithm (chunks of words and
spaces, whitespace dropped at line ends) is exactly "add the next word while the line
stays within the width". That case is done here directly; anything else (tabs, newlines,
runs of spaces, a word longer than a line, a word of whitespace only) goes to
``textwrap.wrap``, imported only then. Same lines either way (tests/report/test_wrap.py).
"""

from __future__ import annotations

_SPECIAL = "\t\n\x0b\x0c\r"  # what textwrap turns into spaces (its whitespace besides " ")


def wrap(
    text: str, width: int, initial_indent: str = "", subsequent_indent: str = "", break_on_hyphens: bool = True
) -> list[str]:
    """``textwrap.wrap(text, width=..., initial_indent=..., subsequent_indent=...,
    break_on_hyphens=...)`` (other options at their defaults)."""
    first, rest = width - len(initial_indent), width - len(subsequent_indent)
    words = text.split(" ")
    if _simple(text, words, min(first, rest), break_on_hyphens):
        lines: list[str] = []
        line, limit = words[0], first
        for w in words[1:]:
            if len(line) + 1 + len(w) <= limit:
                line += " " + w
            else:
                lines.append((subsequent_indent if lines else initial_indent) + line)
                line, limit = w, rest
        lines.append((subsequent_indent if lines else initial_indent) + line)
        return lines
    import textwrap

    return textwrap.wrap(
        text,
        width=width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=break_on_hyphens,
    )


def _simple(text: str, words: list[str], limit: int, break_on_hyphens: bool) -> bool:
    if limit <= 0 or any(c in text for c in _SPECIAL):
        return False
    if break_on_hyphens and "-" in text:  # textwrap may break after a hyphen
        return False
    for w in words:
        if not w or len(w) > limit or w.isspace():
            return False
    return True
