"""The parsed-data cache: keyed by content, rebuilt on change or damage, off when asked."""

import os

import pytest

from renja_check import cache, ruleset


def test_cached_builds_once_per_content(tmp_path, monkeypatch):
    monkeypatch.setenv("RENJA_CHECK_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    assert cache.cached("t", [b"a"], build) == {"n": 1}
    assert cache.cached("t", [b"a"], build) == {"n": 1}
    assert cache.cached("t", [b"b"], build) == {"n": 2}  # other content: rebuilt
    assert len(list(tmp_path.glob("t-*.pickle"))) == 1  # one entry per name
    for f in tmp_path.glob("t-*.pickle"):
        f.write_bytes(b"garbage")
    assert cache.cached("t", [b"b"], build) == {"n": 3}  # damaged: rebuilt
    monkeypatch.setenv("RENJA_CHECK_CACHE", "off")
    assert cache.cached("t", [b"b"], build) == {"n": 4}


def test_rules_come_from_the_cache_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("RENJA_CHECK_CACHE", str(tmp_path))
    loads = []
    real = ruleset._load_ruleset
    monkeypatch.setattr(ruleset, "_load_ruleset", lambda files: loads.append(1) or real(files))
    first = ruleset.load_ruleset()
    second = ruleset.load_ruleset()
    assert len(loads) == 1 and second == first and second.rules[0].spec == first.rules[0].spec
    copies = tmp_path / "rules"
    copies.mkdir()
    for f in sorted(ruleset.rules_dir().glob("*.yaml")):
        (copies / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    files = sorted(copies.glob("*.yaml"))
    ruleset.load_ruleset(files)
    ruleset.load_ruleset(files)
    assert len(loads) == 2  # other paths: parsed once, then from the cache
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ruleset.load_ruleset(files)
    assert len(loads) == 3  # a changed rule file is parsed again


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_no_home_no_cache_and_foreign_files_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("RENJA_CHECK_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(cache.os.path, "expanduser", lambda p: p)  # "~" stays "~": no home
    assert cache.cache_dir() is None
    monkeypatch.setenv("RENJA_CHECK_CACHE", str(tmp_path))
    assert cache.cached("w", [b"x"], lambda: 1) == 1
    entry = next(tmp_path.glob("w-*.pickle"))
    entry.chmod(0o666)  # writable by others: not trusted, rebuilt
    assert cache.cached("w", [b"x"], lambda: 2) == 2
