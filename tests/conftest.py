"""Suite-wide: every test writes its runs into a temporary store, never the developer's home."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def temp_store(tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("store") / "renja-check.db"
    monkeypatch.setenv("RENJA_CHECK_DB", str(path))
    return path
