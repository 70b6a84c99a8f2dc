"""Where the shipped data lives: the checkout, or inside an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """``rules`` or ``corpus``: ``renja_check/_data/<name>`` in a wheel, else the checkout's."""
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"data folder '{name}' not found next to {_PKG}")


def rules_dir() -> Path:
    return data_dir("rules")


def corpus_dir() -> Path:
    return data_dir("corpus")


def sample_renja() -> Path:
    """The embedded sample dossier checked when ``check`` gets no input."""
    samples = sorted((corpus_dir() / "samples").glob("renja-*.txt"))
    if not samples:
        raise FileNotFoundError("no sample Renja under corpus/samples")
    return samples[0]
