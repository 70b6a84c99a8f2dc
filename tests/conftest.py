"""Suite-wide: every test writes its runs into a temporary store, never the developer's home,
and the parsed-data cache (renja_check.cache) goes to a temp dir, never ~/.cache."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("RENJA_CHECK_CACHE", tempfile.mkdtemp(prefix="renja-check-test-cache-"))


@pytest.fixture(autouse=True)
def temp_store(tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("store") / "renja-check.db"
    monkeypatch.setenv("RENJA_CHECK_DB", str(path))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)  # no test writes a CI job summary
    return path


EDITS = (  # round 2 of the sample: one subtotal corrected, one pagu changed (what a PD's revision does)
    (3207, "11,051,497,647", "11,051,830,647"),
    (6415, "702,740,000", "702,750,000"),
)


def edited_sample(folder):
    """A copy of the embedded sample with ``EDITS`` applied (same file name, another folder)."""
    from renja_check.paths import sample_renja

    src = sample_renja()
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, old, new in EDITS:
        assert old in lines[number - 1], (number, old)
        lines[number - 1] = lines[number - 1].replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / src.name
    out.write_text("".join(lines), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def rounds_store(tmp_path_factory):
    """A store with two verification rounds: run 1 the embedded sample, run 2 the edited copy."""
    from renja_check import api
    from renja_check.paths import sample_renja
    from renja_check.store import Store

    base = tmp_path_factory.mktemp("rounds")
    store = Store(base / "rounds.db")
    api.check_report([sample_renja()], store=store)
    api.check_report([edited_sample(base / "round2")], store=store)
    yield store
    store.close()
