"""The embedded sample is shown by its short name, never its install path (issue 11)."""

from __future__ import annotations

from renja_check.paths import sample_renja
from renja_check.report.display_paths import display_path, sample_path


def test_sample_by_short_name():
    p = str(sample_renja().resolve())
    assert sample_path(p) == "corpus/samples/" + sample_renja().name
    assert display_path(p) == sample_path(p)


def test_other_paths_unchanged():
    assert sample_path("/somewhere/else/renja.txt") == "/somewhere/else/renja.txt"
    assert sample_path("docs/renja.txt") == "docs/renja.txt"
