"""A run over several documents: labels name the agency; "... di <agency>" restricts the answer."""

from __future__ import annotations

from renja_check import api
from renja_check.assistant import ask
from renja_check.ingest.model_io import dump_document
from renja_check.store import Store
from tests.cli.conftest import _doc
from tests.rules.build import build_document


def _write(path, agency, scale):
    d = _doc({})
    d["perangkat_daerah"] = agency
    for n in d["tables"][0]["nodes"]:
        n["pagu"] = {k: v * scale for k, v in n["pagu"].items()}
    path.write_text(dump_document(build_document(d, path=str(path)), "yaml"), encoding="utf-8")
    return path


def test_agency_named_in_the_question(tmp_path):
    a = _write(tmp_path / "a.yaml", "Badan Kepegawaian", 1)
    b = _write(tmp_path / "b.yaml", "Dinas Kesehatan", 2)
    store = Store(tmp_path / "m.db")
    api.check_report([a, b], store=store)
    both = ask("pagu Pengelolaan Promosi ASN tahun 2023", store=store)
    assert "Badan Kepegawaian, 2023: Rp 6.000.000.000" in both.text
    assert "Dinas Kesehatan, 2023: Rp 12.000.000.000" in both.text
    one = ask("pagu Pengelolaan Promosi ASN di Dinas Kesehatan tahun 2023", store=store)
    assert one.found and "Rp 12.000.000.000" in one.text and "Rp 6.000.000.000" not in one.text
    assert {c.document for c in one.citations} == {str(b)}
