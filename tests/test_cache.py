"""The parsed-data cache: keyed by content, rebuilt on change or damage, off when asked."""
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
    rule_file = tmp_path / "r.yaml"
    rule_file.write_text((ruleset.rules_dir() / "pagu.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    ruleset.load_ruleset([rule_file])
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ruleset.load_ruleset([rule_file])
    assert len(loads) == 3  # a changed rule file is parsed again
