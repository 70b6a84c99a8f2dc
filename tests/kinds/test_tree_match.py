"""Helpers of the kinds: transparent kegiatan, addend evidence, cross-table matching, labels."""

from __future__ import annotations

from renja_check.kinds.labels import count_levels, table_label
from renja_check.kinds.match import match_tables
from renja_check.kinds.tree import Tree, addends
from tests.rules.build import build_document


def _doc(nodes, **table):
    return build_document({"tables": [dict(id="t", role="rencana", nodes=nodes, **table)]})


def test_addends_see_through_kegiatan_without_amount_and_list_empty_rows():
    doc = _doc(
        [
            {"id": "p", "level": "program", "name": "P", "pagu": {2023: 300}},
            {"id": "k", "level": "kegiatan", "parent": "p", "name": "K"},
            {"id": "s1", "level": "subkegiatan", "parent": "k", "name": "A", "pagu": {2023: 300}},
            {"id": "s2", "level": "subkegiatan", "parent": "k", "name": "B", "pagu": {2023: "-"}},
        ]
    )
    t = doc.tables[0]
    adds = addends(Tree(t), t.nodes[0], "2023")
    assert [a.node.id for a in adds] == ["t:s1", "t:s2"]
    ev = [a.evidence() for a in adds]
    assert ev[0]["value"] == 300 and "empty" not in ev[0]
    assert ev[1] == {"locator": "t:s2", "code": None, "name": "B", "level": "subkegiatan", "value": 0, "empty": True}


def test_match_by_code_then_name_never_pairs_two_different_codes():
    a = _doc(
        [
            {"id": "x", "level": "subkegiatan", "code": "5.03.01.2.02.0001", "name": "Gaji"},
            {"id": "y", "level": "subkegiatan", "name": "Evaluasi Kinerja"},
            {"id": "z", "level": "subkegiatan", "code": "5.04.01.2.02.0001", "name": "Gaji"},
        ]
    ).tables[0]
    b = _doc(
        [
            {"id": "x", "level": "subkegiatan", "code": "5.03.01.2.02.0001", "name": "Gaji dan Tunjangan"},
            {"id": "y", "level": "subkegiatan", "name": "evaluasi  kinerja."},
            {"id": "w", "level": "subkegiatan", "code": "5.03.02.2.02.0001", "name": "Gaji"},
        ]
    ).tables[0]
    m = match_tables(a, b)
    assert sorted((x.id, y.id) for x, y in m.pairs) == [("t:x", "t:x"), ("t:y", "t:y")]
    assert [n.id for n in m.only_a] == ["t:z"] and [n.id for n in m.only_b] == ["t:w"]


def test_labels():
    t = _doc([], number="2.5", side="hasil_analisis").tables[0]
    assert table_label(t) == "Tabel 2.5 (Hasil Analisis Kebutuhan)"
    assert table_label(t, "en") == "Table 2.5 (Hasil Analisis Kebutuhan)"
    assert count_levels(["kegiatan", "subkegiatan", "subkegiatan"]) == "1 kegiatan dan 2 sub kegiatan"
