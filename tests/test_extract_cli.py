"""`renja-check extract`: the model out, back in, identical; bad input is exit 2 with a clear line."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from renja_check.cli import main
from renja_check.ingest import load_document
from renja_check.ingest.model_io import dump_document
from renja_check.paths import sample_renja


@pytest.fixture(scope="module")
def sample_doc():
    return load_document(sample_renja())


def test_extract_prints_the_model_of_the_embedded_sample():
    res = CliRunner().invoke(main, ["extract"])
    assert res.exit_code == 0, res.output
    data = yaml.safe_load(res.output)
    assert data["schema_version"] == 1
    assert data["doc_type"] == "renja"
    assert data["year"] == 2023 and data["forward_year"] == 2024
    assert data["bidang"][:2] == ["5.03", "5.04"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_extract_load_extract_is_identical(tmp_path, sample_doc, fmt):
    first = dump_document(sample_doc, fmt)
    out = tmp_path / f"model.{fmt}"
    out.write_text(first, encoding="utf-8")
    again = load_document(out)
    assert again == sample_doc
    assert dump_document(again, fmt) == first


def test_extract_writes_to_file(tmp_path):
    out = tmp_path / "m.json"
    res = CliRunner().invoke(main, ["extract", str(sample_renja()), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert load_document(out).year == 2023


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


BAD_INPUTS = [
    ("empty.txt", b"", "berkas kosong"),
    ("blank.txt", b"\n\n   \n", "berkas kosong"),
    ("binary.txt", bytes(range(256)) * 4, "berkas biner"),
    ("latin1.txt", "Rencana Kerja Tahun 2023 Badan Kepegawaian caf\u00e9".encode("latin-1"), "bukan teks UTF-8"),
    ("novel.txt", b"Once upon a time there was a cat.\nIt sat on a mat.\n" * 20, "bukan dokumen Renja"),
    ("bad.json", b'{"rows": [1, 2', "bad.json"),
    ("model.yaml", b"schema_version: 1\ndoc_type: memo\nsource: {path: x, format: y}\n", "model tidak sah"),
    ("notmodel.yaml", b"- a\n- b\n", "bukan berkas model"),
]


@pytest.mark.parametrize("name,data,words", BAD_INPUTS)
def test_bad_input_is_exit_2_with_one_clear_line(tmp_path, name, data, words):
    p = _write(tmp_path, name, data)
    res = CliRunner().invoke(main, ["extract", str(p)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert str(p) in res.output
    assert words in res.output


def test_bad_input_message_in_english(tmp_path):
    p = _write(tmp_path, "empty.txt", b"")
    res = CliRunner().invoke(main, ["extract", str(p), "--lang", "en"])
    assert res.exit_code == 2
    assert "file is empty" in res.output


def test_missing_file_is_exit_2(tmp_path):
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert "tidak ditemukan" in res.output


def test_checking_the_extracted_model_gives_the_same_findings(tmp_path, sample_doc):
    """A verifier may correct an extraction by hand: the model file is a full input."""
    from renja_check import api

    out = tmp_path / "model.yaml"
    out.write_text(dump_document(sample_doc, "yaml"), encoding="utf-8")
    direct = api.check([sample_renja()])
    via_model = api.check([out])
    assert [f.fingerprint for f in via_model.findings] == [f.fingerprint for f in direct.findings]
    assert direct.findings


def test_a_hand_correction_in_the_model_is_honoured(tmp_path, sample_doc):
    """Correcting a printed subtotal in the model removes the sum finding on it."""
    from renja_check import api

    before = [f for f in api.check([sample_renja()], select=["PG01"]).findings]
    assert before, "the sample has a subtotal that is not the sum of its rows"
    f = before[0]
    doc = sample_doc.model_copy(deep=True)
    table = doc.table(f.table)
    node = next(n for n in table.nodes if n.id == f.locator)
    year = str(f.evidence["year"])
    node.pagu[year].value = f.expected
    out = tmp_path / "corrected.yaml"
    out.write_text(dump_document(doc, "yaml"), encoding="utf-8")
    after = api.check([out], select=["PG01"]).findings
    assert f.locator not in [g.locator for g in after]
