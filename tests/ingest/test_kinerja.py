"""Tabel 2.2 (T-C.30) reader: golden dump of the sample and a row with missing cells."""

from __future__ import annotations

from pathlib import Path

import yaml

from renja_check.ingest.pdftext import parse_text
from renja_check.paths import sample_renja

from .test_evaluasi import dump_table

GOLDEN = Path(__file__).parents[1] / "golden" / "kinerja.yaml"


def test_golden():
    doc = parse_text(sample_renja().read_text(encoding="utf-8"), str(sample_renja()))
    t = doc.table("T2.2")
    want = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    assert t.role == "kinerja_pelayanan" and t.number == "2.2"
    assert [c.model_dump(exclude_none=True) for c in t.columns] == want["columns"]
    assert dump_table(t) == want["rows"]
    ipa = t.nodes[0]
    assert str(ipa.values["9"].value) == "72.58"  # decimal comma
    assert ipa.indicators[0].targets["2021"].value == 75


def test_row_with_missing_cell_is_kept_raw():
    text = sample_renja().read_text(encoding="utf-8")
    line = "2 Indeks Sistem Merit - - - - 0,61 0,63 - - 0,61 0,63 Perubahan"
    assert line in text
    doc = parse_text(text.replace(line, "2 Indeks Sistem Merit - - - 0,61 0,63 - - 0,61 0,63 Perubahan"), "altered.txt")
    node = doc.table("T2.2").nodes[1]
    assert node.values["raw"].status == "ambiguous"
    assert not any(k.isdigit() for k in node.values)
    assert any(n.code == "row-ambiguous" and "Tabel 2.2" in n.message for n in doc.notes)
