"""SIPD-RI Renja JSON reader: goldens of the three fixtures, the tree, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from renja_check.errors import InputError
from renja_check.ingest import load_document, load_dossier
from renja_check.ingest.model_io import dump_document

FIX = Path(__file__).parent.parent / "fixtures" / "sipd"
GOLDEN = Path(__file__).parent.parent / "golden" / "sipd"
BKPSDM = FIX / "5.03.5.04.0.00.01.0000.json"


def _rel(p: Path) -> str:
    return str(p.relative_to(Path(__file__).parent.parent.parent))


@pytest.mark.parametrize("name", sorted(p.name for p in FIX.glob("*.json")))
def test_golden(name):
    """tests/golden/sipd/<file>.yaml is the reviewed model dump (regenerate: see bench/README or below)."""
    doc = load_document(Path(_rel(FIX / name)))
    want = (GOLDEN / (Path(name).stem + ".yaml")).read_text(encoding="utf-8")
    assert dump_document(doc) == want


def test_bkpsdm_tree_and_values():
    doc = load_document(BKPSDM)
    assert (doc.year, doc.forward_year, doc.kode_skpd) == (2026, 2027, "5.03.5.04.0.00.01.0000")
    assert doc.perangkat_daerah == "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert doc.bidang == ["5.03", "5.04"] and doc.pemda is None
    (t,) = doc.tables
    assert (t.id, t.role, t.years) == ("sipd", "rencana", [2026, 2027])
    rows = json.loads(BKPSDM.read_text(encoding="utf-8"))
    subs = [n for n in t.nodes if n.level == "subkegiatan"]
    assert len(subs) == len(rows) == 46
    by_id = {n.id: n for n in t.nodes}
    s = by_id["sipd:5.03.01.2.01.0001"]
    assert s.name == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert s.pagu["2026"].value == 24900000 and s.pagu["2027"].value == 25000000
    assert s.indicators[0].text == "Jumlah Dokumen Perencanaan Perangkat Daerah"
    q = s.indicators[0].targets["2026"]
    assert (q.value, q.unit) == (2, "Dokumen")
    assert s.lokasi.startswith("Kab. Bengkulu Utara") and s.sumber_dana == "Dana Alokasi Umum (DAU)"
    assert s.span.line_start == 2  # the row's "{" in the JSON file
    # printed subtotals on the parents; the chain total > urusan > bidang > program > kegiatan
    k = by_id[s.parent]
    assert (k.level, k.code, k.pagu["2026"].value) == ("kegiatan", "5.03.01.2.01", 64500000)
    p = by_id[k.parent]
    assert (p.level, p.pagu["2026"].value) == ("program", 3916441185)
    b = by_id[p.parent]
    assert (b.level, b.code, b.pagu["2026"].value) == ("bidang", "5.03", 4363421185)
    u = by_id[b.parent]
    assert (u.level, u.parent, by_id["sipd:total"].pagu["2026"].value) == ("urusan", "sipd:total", 4809553185)
    # the printed subtotals agree with the rows (SIPD adds up from pagu_indikatif)
    assert sum(n.pagu["2026"].value for n in subs) == 4809553185


def test_sub_units_are_nodes_under_the_total():
    doc = load_document(FIX / "1.02.0.00.0.00.01.0000.json")
    (t,) = doc.tables
    units = [n for n in t.nodes if n.level == "lainnya"]
    assert len(units) == 24 and all(u.parent == "sipd:total" for u in units)
    assert t.nodes[0].pagu == {}  # no file total is printed; nothing is recomputed
    assert all(u.pagu["2026"].value is not None for u in units)
    assert len({n.id for n in t.nodes}) == len(t.nodes)
    assert any(n.code == "sipd-sub-units" for n in doc.notes)


def test_disagreeing_printed_totals_keep_first_and_note(tmp_path):
    rows = json.loads(BKPSDM.read_text(encoding="utf-8"))[:2]
    rows[1]["total_pagu_indikatif_kegiatan"] += 1
    p = tmp_path / "x.json"
    p.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    doc = load_document(p)
    keg = next(n for n in doc.tables[0].nodes if n.level == "kegiatan")
    assert keg.pagu["2026"].value == rows[0]["total_pagu_indikatif_kegiatan"]
    assert [n.code for n in doc.notes] == ["sipd-total-disagrees"]


def test_folder_is_one_document_per_file():
    d = load_dossier([FIX])
    assert [Path(x.source.path).name for x in d.documents] == sorted(p.name for p in FIX.glob("*.json"))


@pytest.mark.parametrize(
    "content,en",
    [
        ('{"a": 1}', "expected a JSON list"),
        ("[1, 2]", "not an object"),
        ("[]", "empty SIPD export"),
        ('[{"tahun": 2026}]', "missing kode_skpd"),
        ("[{", "truncated JSON"),
        ('[{"tahun": 2026,}]', "invalid JSON"),
        ("not json at all", "invalid JSON"),
    ],
)
def test_bad_input(tmp_path, content, en):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_document(p)
    assert en in ei.value.message["en"]
    assert ei.value.where.startswith(str(p))
    assert ei.value.message["id"] != ei.value.message["en"]


def test_truncated_real_file(tmp_path):
    data = BKPSDM.read_bytes()
    p = tmp_path / "cut.json"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as ei:
        load_document(p)
    assert "truncated" in ei.value.message["en"]


def test_golden_files_are_yaml_models():
    for g in GOLDEN.glob("*.yaml"):
        assert yaml.safe_load(g.read_text(encoding="utf-8"))["source"]["format"] == "sipd-json"
