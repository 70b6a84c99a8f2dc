"""Indonesian number forms, years and the guarded name lookup."""

from __future__ import annotations

from renja_check.store.search import NameIndex
from renja_check.store.terms import amounts, clean_question, fold, years


def test_amounts():
    assert [(a.value, a.matches(702_740_000)) for a in amounts("pagu Rp 702.740.000")] == [(702_740_000, True)]
    assert amounts("Rp702.740.000,00")[0].value == 702_740_000
    a = amounts("sekitar 15,3 miliar")[0]
    assert a.value == 15_300_000_000 and a.matches(15_322_392_321) and not a.matches(15_500_000_000)
    assert amounts("702 juta")[0].matches(702_740_000) and not amounts("702 juta")[0].matches(703_000_000)
    assert not amounts("Rp 1 triliun")[0].matches(15_322_392_321)
    assert amounts("15.3 billion")[0].value == 15_300_000_000
    assert amounts("15.322.392.321")[0].value == 15_322_392_321
    assert amounts("tabel 2.5 tahun 2024") == []


def test_years():
    assert years("pagu tahun 2024") == [2024]
    assert years("pagu N+1", 2023, 2024) == [2024]
    assert years("tahun depan", 2023) == [2024]
    assert years("next year", 2023) == [2024]
    assert years("kode 5.03.02.2.02.2023") == []


def test_fold_and_clean():
    assert fold("Pengelolaan  PRÓMOSI-ASN.") == "pengelolaan promosi asn"
    assert clean_question("a\x00b\u202ec\x1b") == "a b c"
    assert len(clean_question("x" * 10_000)) == 1000


def test_short_queries_cannot_match_everything():
    idx = NameIndex()
    for name in ("Pengelolaan Promosi ASN", "Pengelolaan Mutasi ASN", "Penyediaan Gaji dan Tunjangan ASN"):
        idx.add(name, name)
    assert idx.lookup("a") == [] and idx.lookup("asn") == []
    assert idx.lookup("pengelolan promosi asm")[0].label == "Pengelolaan Promosi ASN"
    assert idx.lookup("xyz qwv") == []
