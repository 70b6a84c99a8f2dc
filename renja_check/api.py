"""The library's front door: one function per user action. CLI and TUI call these."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from .corpus import load_corpus
from .engine import RunResult, run
from .ingest import load_document, load_dossier
from .models import Document, Dossier
from .paths import sample_renja
from .ruleset import RuleSet, load_ruleset


def default_inputs() -> list[Path]:
    """The embedded sample dossier."""
    return [sample_renja()]


def extract(path: Optional[Path] = None) -> Document:
    return load_document(Path(path) if path else sample_renja())


def load_inputs(inputs: Sequence[Path] = ()) -> Dossier:
    return load_dossier([Path(p) for p in inputs] or default_inputs())


def check(
    inputs: Sequence[Path] = (),
    select: Optional[list[str]] = None,
    ignore: Optional[list[str]] = None,
    rule_files: Optional[list[Path]] = None,
    ruleset: Optional[RuleSet] = None,
) -> RunResult:
    rs = (ruleset or load_ruleset(rule_files)).select(select, ignore)
    return run(rs, load_inputs(inputs), load_corpus())
