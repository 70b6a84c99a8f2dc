"""Paths and places as people read them: the embedded sample by its short name, other paths relative
to the working directory, a finding as ``file:line``."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any


def sample_path(path: str) -> str:
    """The embedded sample (inside the installed package) by its short name
    (``corpus/samples/renja-....txt``), not its install path; any other path unchanged."""
    if not path or not os.path.isabs(path):
        return path
    return _sample_path(path)


@functools.lru_cache(maxsize=256)  # every finding of a document names the same file: resolve it once
def _sample_path(path: str) -> str:
    try:
        return "corpus/" + Path(path).resolve().relative_to(_corpus_root()).as_posix()
    except (ValueError, OSError, FileNotFoundError):
        return path


@functools.lru_cache(maxsize=1)
def _corpus_root() -> Path:
    from ..paths import corpus_dir

    return corpus_dir().resolve()


def display_path(path: str) -> str:
    """A path as people want to read it: the sample by its short name, else relative to the
    working directory when under it."""
    if not path or not os.path.isabs(path):
        return path
    short = sample_path(path)
    if short != path:
        return short
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def where(f: Any) -> str:
    """``file:line`` (or ``file:start-end``) of a finding, the document when it has no span."""
    if f.span is None:
        return display_path(f.document) or "-"
    s = f.span
    lines = f"{s.line_start}" if s.line_start == s.line_end else f"{s.line_start}-{s.line_end}"
    return f"{display_path(s.file)}:{lines}"
