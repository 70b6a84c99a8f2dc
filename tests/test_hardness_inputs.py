"""Hardness: inputs that ended in a traceback, a hang or a blocked run (issue 12 probes).

Each is now an input error (one line naming the file, exit 2) or a finding: NaN, Infinity,
integers of thousands of digits and 1e999999999 as SIPD amounts, deep nesting, a formula of
thousands of terms, /dev/zero, a FIFO, a file over the size limit, a non-UTF-8 file name,
too many files.
"""

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from renja_check import ingest
from renja_check.cli import main
from renja_check.errors import InputError
from renja_check.ingest import common, load_document
from renja_check.ingest.model_io import dump_document
from renja_check.models import Column, Document, Source, Span, Table

FIXTURE = Path(__file__).parent / "fixtures" / "sipd" / "2.07.3.32.0.00.01.0000.json"
ROW = json.loads(FIXTURE.read_text(encoding="utf-8"))[0]


def sipd(tmp_path: Path, name: str = "9.99.0.00.0.00.01.0000.json", **raw_values) -> Path:
    """A one-row SIPD export; ``raw_values`` are written into the JSON text as they are."""
    row = dict(ROW)
    marks = {}
    for i, (k, v) in enumerate(raw_values.items()):
        row[k] = f"@@{i}@@"
        marks[f'"@@{i}@@"'] = v
    text = json.dumps([row], indent=1)
    for mark, v in marks.items():
        text = text.replace(mark, v)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def cli(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def assert_input_error(res, *words):
    assert res.exit_code == 2, res.output[-600:]
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1, res.output[-600:]
    for w in words:
        assert w in res.output


@pytest.mark.parametrize(
    "value", ["NaN", "Infinity", "-Infinity", "1" + "0" * 5000, "1e999999999", '"1e999999999"', "1" + "0" * 3000 + ".5"]
)
def test_impossible_sipd_amounts_are_invalid_cells(tmp_path, value):
    doc = load_document(sipd(tmp_path, pagu_indikatif=value))
    cells = [n.pagu[str(doc.year)] for t in doc.tables for n in t.nodes if n.level == "subkegiatan"]
    assert cells and all(c.status == "invalid" and c.value is None for c in cells)
    assert all(len(c.raw) <= 40 for c in cells)


def test_impossible_sipd_amount_is_a_finding_not_a_crash(tmp_path):
    res = cli(sipd(tmp_path, pagu_indikatif="1e999999999"), "--format", "json")
    assert res.exit_code in (0, 1), res.output[-600:]
    assert not [f for f in json.loads(res.output)["findings"] if "exception" in f["evidence"]]


@pytest.mark.parametrize("raw", ["1" + "0" * 5000, "NaN"])
def test_impossible_year_is_an_input_error(tmp_path, raw):
    f = sipd(tmp_path, tahun=raw)
    assert_input_error(cli(f), str(f), "tahun")


def test_deeply_nested_sipd_json_is_an_input_error(tmp_path):
    f = sipd(tmp_path, pagu_indikatif="[" * 100000 + "]" * 100000)
    assert_input_error(cli(f), str(f))


def test_formula_of_thousands_of_terms_is_no_crash(tmp_path):
    formula = "9=" + "+".join(str(1 + i % 8) for i in range(5000))
    table = Table(
        id="T2.1",
        number="2.1",
        role="evaluasi",
        span=Span(file="m", line_start=1, line_end=1),
        columns=[Column(id="9", label="x", formula=formula)],
    )
    doc = Document(source=Source(path="m.yaml", format="model-yaml"), year=2023, tables=[table])
    f = tmp_path / "model.yaml"
    f.write_text(dump_document(doc), encoding="utf-8")
    res = cli(f, "--format", "json")
    assert res.exit_code in (0, 1), res.output[-600:]
    assert not [x for x in json.loads(res.output)["findings"] if "exception" in x["evidence"]]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("opt", [[], ["--waivers"], ["--baseline"]])
def test_dev_zero_is_refused_before_reading(opt):
    assert_input_error(cli(*opt, "/dev/zero"), "/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_refused_and_skipped_in_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sipd(folder)
    os.mkfifo(folder / "blocked.json")
    assert_input_error(cli(folder / "blocked.json"), "blocked.json")
    res = cli(folder, "--format", "json")  # would block forever when the FIFO is opened
    assert res.exit_code in (0, 1), res.output[-600:]
    notes = [f for f in json.loads(res.output)["findings"] if f["locator"] == "note:input-skipped"]
    assert len(notes) == 1 and "blocked.json" in notes[0]["message"]


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: over 8 MiB on disk costs nothing
        fh.truncate(common.MAX_TEXT_BYTES + 1)
    assert_input_error(cli(big), str(big), "MiB")
    f = sipd(tmp_path)
    with pytest.raises(InputError, match="too large"):
        common.read_bytes(f, limit=f.stat().st_size - 1)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_non_utf8_file_name_gives_valid_reports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = sipd(folder)
    bad = os.fsencode(folder) + b"/\xffrenja.json"
    os.rename(good, bad)
    for fmt in ("json", "sarif", "junit", "text"):
        out = tmp_path / f"report.{fmt}"
        res = cli(folder, "--format", fmt, "-o", out)
        assert res.exit_code in (0, 1), res.output[-600:]
        text = out.read_bytes().decode("utf-8")  # valid UTF-8
        if fmt in ("json", "sarif"):
            json.loads(text)


def test_too_many_files_is_an_input_error_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_DOCUMENTS", 5)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.json").write_text("not even json", encoding="utf-8")
    assert_input_error(cli(folder), str(folder), "5")
