"""Hardness: how a run ends. One top-level handler (issue 12).

InputError -> one line naming the file, exit 2; any other exception -> one line, exit 3,
the traceback only with --debug; SIGINT -> 130 (also while importing); a closed stdout
(broken pipe) -> quiet, 141.
"""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from renja_check import api
from renja_check.cli import main
from renja_check.errors import InputError


def _boom(*args, **kwargs):
    raise RuntimeError("unexpected\nsecond line")


def test_internal_error_is_one_line_exit_3(monkeypatch):
    monkeypatch.setattr(api, "check_report", _boom)
    res = CliRunner().invoke(main, ["check"])
    assert res.exit_code == 3
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "RuntimeError: unexpected second line" in lines[0] and "--debug" in lines[0]


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(api, "check_report", _boom)
    res = CliRunner().invoke(main, ["--debug", "check"])
    assert res.exit_code == 3 and "Traceback" in res.output


def test_input_error_anywhere_is_exit_2(monkeypatch):
    def bad(*a, **k):
        raise InputError("x.json:3", "broken", "rusak")

    monkeypatch.setattr(api, "extract", bad)
    res = CliRunner().invoke(main, ["extract", "--lang", "en"])
    assert res.exit_code == 2 and res.output.strip() == "error: x.json:3: broken"


def _python(code: str, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, **kw)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_exits_130():
    res = _python(
        "import os, signal, sys, time\n"
        "from renja_check import api\n"
        "from renja_check.cli import main\n"
        "def interrupted(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT); time.sleep(30)\n"
        "api.check_report = interrupted\n"
        "sys.argv = ['renja-check', 'check']\n"
        "main()\n"
    )
    assert res.returncode == 130, res.stderr[-500:]
    assert "Traceback" not in res.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_while_importing_exits_130_quietly():
    res = _python(
        "import os, signal, time\n"
        "from renja_check.cli import toplevel\n"
        "toplevel.quiet_sigint_while_importing()\n"
        "os.kill(os.getpid(), signal.SIGINT); time.sleep(30)\n"
    )
    assert res.returncode == 130 and "Traceback" not in res.stderr, res.stderr[-500:]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_broken_pipe_is_quiet():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    code = "import sys\nfrom renja_check.cli import main\nsys.argv = ['renja-check', 'rules']\nmain()\n"
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdout.close()  # the reader is gone before anything is written
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141 and err == "", err[-500:]
