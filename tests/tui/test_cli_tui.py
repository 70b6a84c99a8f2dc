"""``renja-check tui``: bad input exits 2 with one line; Textual stays out of ``check``."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

from click.testing import CliRunner

from renja_check.cli import main
from renja_check.cli import tui as tui_cli


def test_missing_input_is_exit_2_one_line(tmp_path):
    res = CliRunner().invoke(main, ["tui", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert res.output.strip().startswith("galat:") and "nope.txt" in res.output
    assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output


def test_db_and_inputs_together_or_missing_db_are_exit_2(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(main, ["tui", str(sample), "--db", str(tmp_path / "x.db"), "--lang", "en"])
    assert res.exit_code == 2 and "error:" in res.output
    res = CliRunner().invoke(main, ["tui", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 2 and "missing.db" in res.output


def test_bad_waiver_file_fails_before_the_screen(tmp_path):
    bad = tmp_path / "w.yaml"
    bad.write_text("- rule: PG01\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["tui", "--waivers", str(bad)])
    assert res.exit_code == 2 and "w.yaml" in res.output


def test_options_reach_the_app(monkeypatch, tmp_path):
    calls = []
    fake = types.SimpleNamespace(run=lambda inputs, **kw: calls.append((inputs, kw)))
    monkeypatch.setattr(tui_cli, "load_tui", lambda: fake)
    res = CliRunner().invoke(main, ["tui", "--lang", "en", "--waivers", str(tmp_path / "new.yaml")])
    assert res.exit_code == 0, res.output
    assert calls == [([], {"db": None, "lang": "en", "waivers": tmp_path / "new.yaml", "use_store": False})]


def test_the_check_path_does_not_import_textual():
    code = (
        "import sys, renja_check.cli; assert 'textual' not in sys.modules; import tui; "
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_the_wheel_installs_the_tui_under_the_project_name():
    import tomllib

    conf = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = conf["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["sources"] == {"tui": "renja_check_tui"}
    assert wheel["dev-mode-dirs"] == ["."]  # without it `pip install -e .` refuses the renaming
    assert tui_cli.load_tui().__name__ in ("renja_check_tui", "tui")


def test_loading_starts_beside_the_interface_and_reports_errors(tmp_path):
    from tui.loading import LoadError, start_loading

    stages = []
    session = start_loading([])(stages.append)
    assert session.findings and session.dossier is not None and stages == ["stage_check"]
    bad = tmp_path / "kosong.txt"
    bad.write_text("", encoding="utf-8")
    try:
        start_loading([bad])(stages.append)
    except LoadError as exc:
        assert "kosong.txt" in exc.text("id") and "kosong.txt" in exc.text("en")
    else:
        raise AssertionError("an empty input must fail")
