"""The compiled-regex cache of a command-line process (renja_check/regex_cache.py): a pattern
rebuilt from its kept program behaves exactly as ``re`` compiles it, and anything odd falls
back to ``re``."""

from __future__ import annotations

import os
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from renja_check import regex_cache
from renja_check.paths import sample_renja

# the kinds of pattern the reader and the rules write: groups, names, flags, classes, look-arounds
PATTERNS = [
    (r"(?P<kode>\d+(?:\.\d+){2,6})\s+(?P<nama>.+?)\s*$", 0),
    (r"\bRp\.?\s*(\d{1,3}(?:[.,]\d{3})+)(?:,00)?\b", 0),
    (r"^(?:BAB|Bab)\s+([IVX]+)\b", re.MULTILINE),
    (r"sub\s*kegiatan", re.IGNORECASE),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0),
    (r"(?<=\d)\s+(?=%)|(?<![A-Za-z])(?:persen|%)", re.I | re.M),
    (r"(a)|(b)(?(2)c|d)", 0),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a process whose ``re`` is its own again afterwards."""
    monkeypatch.setenv("RENJA_CHECK_CACHE", str(tmp_path))
    regex_cache.uninstall()
    re.purge()
    yield tmp_path
    regex_cache.uninstall()
    re.purge()


def _compile_all(suffix: str) -> list[re.Pattern]:
    # a suffix no other test compiles: re's own in-process cache must not answer instead
    return [re.compile(p + f"(?:{suffix})?", f) for p, f in PATTERNS]


def _same(a: re.Pattern, b: re.Pattern, texts: list[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for t in texts:
        assert [m.span() + m.groups() for m in a.finditer(t)] == [m.span() + m.groups() for m in b.finditer(t)]


def test_a_kept_program_gives_the_pattern_re_compiles(fresh):
    texts = sample_renja().read_text(encoding="utf-8").splitlines()[:600] + ["\x07 \ud7ff \ufffe", "abd ac bc"]
    assert regex_cache.install()
    first = _compile_all("zq1")
    regex_cache.save()
    (kept,) = fresh.glob("regex-*.marshal")
    table = marshal.loads(kept.read_bytes())
    assert {k for k in table if k[0].endswith("(?:zq1)?")} == {(p + "(?:zq1)?", int(f)) for p, f in PATTERNS}

    regex_cache.uninstall()  # a new process: the table read back, every pattern served from it
    re.purge()
    assert regex_cache.install()
    served = _compile_all("zq1")
    assert not regex_cache._state["new"]  # nothing compiled afresh
    regex_cache.uninstall()
    re.purge()
    plain = _compile_all("zq1")  # re's own compiler
    for a, b, c in zip(first, served, plain):
        _same(a, c, texts)
        _same(b, c, texts)


def test_nothing_new_writes_nothing(fresh):
    assert regex_cache.install()
    _compile_all("zq2")
    regex_cache.save()
    (kept,) = fresh.glob("regex-*.marshal")
    before = kept.stat().st_mtime_ns
    regex_cache.uninstall()
    re.purge()
    assert regex_cache.install()
    _compile_all("zq2")
    regex_cache.save()
    assert kept.stat().st_mtime_ns == before


def test_a_damaged_table_falls_back_to_re(fresh):
    assert regex_cache.install()
    _compile_all("zq3")
    regex_cache.save()
    (kept,) = fresh.glob("regex-*.marshal")
    regex_cache.uninstall()
    re.purge()
    # a program the engine refuses for one pattern, garbage for the file as a whole
    table = marshal.loads(kept.read_bytes())
    key = next(k for k in table if k[0].endswith("(?:zq3)?"))
    table[key] = (table[key][0], [999999], 0, {}, ())
    kept.write_bytes(marshal.dumps(table))
    os.chmod(kept, 0o600)
    assert regex_cache.install()
    pat = re.compile(key[0], key[1])
    assert pat.pattern == key[0] and pat.groups == regex_cache._state["original"](key[0], key[1]).groups
    assert key in regex_cache._state["table"] and regex_cache._state["new"]  # compiled afresh, kept again
    regex_cache.uninstall()
    re.purge()
    kept.write_bytes(b"not a marshal table")
    assert regex_cache.install()
    assert re.compile(r"(x)(?:zq3b)?").match("x").group(1) == "x"


def test_off_means_re_as_it_is(monkeypatch):
    regex_cache.uninstall()
    monkeypatch.setenv("RENJA_CHECK_CACHE", "off")
    try:
        assert regex_cache.install() is False
        from re import _compiler

        assert _compiler.compile.__module__ == "re._compiler"
    finally:
        regex_cache.uninstall()


def test_the_command_keeps_its_patterns_and_reuses_them(tmp_path):
    def check(cache: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "RENJA_CHECK_CACHE": cache, "RENJA_CHECK_DB": str(tmp_path / "s.db")}
        cmd = [sys.executable, "-m", "renja_check", "check", "--no-store", "--format", "json"]
        return subprocess.run(cmd, capture_output=True, env=env, text=True)

    runs = [check(str(tmp_path / "c")) for _ in range(2)]  # compiled and kept, then served
    plain = check("off")  # re as it is: no table at all
    (kept,) = Path(tmp_path / "c").glob("regex-*.marshal")
    assert len(marshal.loads(kept.read_bytes())) > 100  # the reader's, the rules', yaml's
    strip = re.compile(r'"(elapsed_ms|duration_ms)": [0-9.]+')
    assert runs[0].returncode == runs[1].returncode == plain.returncode == 1
    assert strip.sub("", runs[1].stdout) == strip.sub("", runs[0].stdout) == strip.sub("", plain.stdout)
