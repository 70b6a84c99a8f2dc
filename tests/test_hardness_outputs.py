"""Hardness: outputs never replace an input, are written atomically, and escape control characters.

Issue 12 probes: ``-o INPUT``, ``--write-baseline`` onto an input or a rule file and
``extract -o INPUT`` overwrote the source; a failed write left a truncated file; ``-o -``
wrote a file named ``-``; control characters from the input made the JUnit report invalid
XML and passed terminal escapes through the text and Markdown outputs.
"""

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from renja_check import api, outfile
from renja_check.cli import main
from renja_check.errors import InputError
from renja_check.paths import rules_dir, sample_renja
from renja_check.report import FORMATS, render

TEXT = sample_renja().read_text(encoding="utf-8")


@pytest.fixture()
def renja(tmp_path) -> Path:
    p = tmp_path / "renja.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{in}", "-o", "{in}"],
        ["check", "{dir}", "-o", "{in}"],
        ["check", "{in}", "--write-baseline", "{in}"],
        ["check", "{in}", "--write-baseline", "{rules}"],
        ["check", "{in}", "-o", "{rules}"],
        ["extract", "{in}", "-o", "{in}"],
    ],
)
def test_output_over_an_input_is_refused(renja, args):
    rules = rules_dir() / "pagu.yaml"
    before = renja.read_bytes(), rules.read_bytes()
    argv = [a.format(**{"in": renja, "dir": renja.parent, "rules": rules}) for a in args]
    res = run(*argv)
    assert res.exit_code == 2, res.output[-500:]
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert (renja.read_bytes(), rules.read_bytes()) == before


def test_dash_writes_to_stdout(renja, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("extract", renja, "-o", "-", "--format", "json")
    assert res.exit_code == 0 and json.loads(res.output)["schema_version"]
    res = run("check", renja, "-o", "-", "--format", "json", "--select", "PG")
    assert res.exit_code in (0, 1) and json.loads(res.output)["findings"] is not None
    assert not (tmp_path / "-").exists()


def test_terminal_escapes_in_a_file_name_are_shown_escaped(tmp_path):
    res = run("check", tmp_path / "x\x1b[2J.txt")
    assert res.exit_code == 2 and "\x1b" not in res.output and "\\x1b" in res.output


def test_write_is_atomic_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError, match="No space left"):
        outfile.write_atomic(target, "new report " * 1000)
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left behind


def test_temp_files_are_private_new_and_never_follow_a_link(tmp_path):
    a, b = outfile.temp_file(str(tmp_path), ".r."), outfile.temp_file(str(tmp_path), ".r.")
    for fd, _ in (a, b):
        os.close(fd)
    assert a[1] != b[1] and all(os.stat(n).st_mode & 0o777 == 0o600 for _, n in (a, b))
    taken = iter([b[1], str(tmp_path / ".r.free.tmp")])  # a name in use is skipped, never opened
    real = os.path.join
    monkey = pytest.MonkeyPatch()
    monkey.setattr(os.path, "join", lambda *p: next(taken) if p[-1].startswith(".r.") else real(*p))
    try:
        fd, name = outfile.temp_file(str(tmp_path), ".r.")
    finally:
        monkey.undo()
    os.close(fd)
    assert name.endswith(".r.free.tmp")


def test_write_replaces_and_keeps_the_mode(tmp_path):
    target = tmp_path / "baseline.json"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o640)
    outfile.write_atomic(target, "y")
    assert target.read_text(encoding="utf-8") == "y" and (target.stat().st_mode & 0o777) == 0o640


def test_unwritable_target_is_an_input_error(renja):
    res = run("extract", renja, "-o", renja / "sub" / "model.yaml")  # a file is not a folder
    assert res.exit_code == 2 and "model.yaml" in res.output and "Traceback" not in res.output


def _strings(v) -> str:
    if isinstance(v, dict):
        return "".join(_strings(k) + _strings(x) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return "".join(_strings(x) for x in v)
    return v if isinstance(v, str) else ""


def test_control_characters_are_escaped(tmp_path):
    first_name = next(ln for ln in TEXT.splitlines() if ln.strip().isupper() and len(ln.strip()) > 12).strip()
    dirty = TEXT.replace(first_name, first_name[:4] + "\x1b[31m\x01\x85" + first_name[4:], 1)
    dirty = "\x1b]0;title\x07" + dirty.replace("Sub Kegiatan", "Sub\x0bKegiatan\x1b[2J")
    p = tmp_path / "renja.txt"
    p.write_text(dirty, encoding="utf-8")
    report = api.check_report([p])
    assert any("\x1b" in _strings(f.model_dump()) for f in report.findings)  # the probe reaches a finding
    for fmt in FORMATS:
        out = render(report, fmt, "id")
        if fmt in ("text", "markdown", "github", "junit"):
            assert not any(c in out for c in "\x1b\x01\x0b\x07\x85"), fmt
        if fmt == "junit":
            ET.fromstring(out)  # valid XML
        if fmt in ("json", "sarif"):
            json.loads(out)
    assert "\\x1b" in render(report, "text", "id")
