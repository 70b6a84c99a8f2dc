"""Nomenclature matching: normaliser, cut-offs, the partial-match guard, official typos, diffs."""

from __future__ import annotations

from renja_check.corpus import MATCH_CUTOFF, guarded_score, load_nomenclature, word_gap
from renja_check.kinds.nomenclature_names import first_edition, looks_legacy, same_name, word_diff
from renja_check.nomenclature_search import card, search
from renja_check.text import norm_name

NOM = load_nomenclature()
GEDUNG = "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya"
PENDUKUNG = "Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya"


def test_exact_match_after_normalising():
    m = NOM.match_name("pengadaan sarana dan prasarana gedung kantor, atau bangunan lainnya.", bidang=["5.03"])
    assert m[0].exact and m[0].code == "5.03.01.2.07.0010" and m[0].score == 100


def test_misspelling_matches_its_entry():
    m = NOM.match_name("Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainya", bidang=["5.03"])
    assert m and m[0].code == "5.03.01.2.07.0010" and not m[0].exact


def test_guard_against_a_partial_match():
    # one word missing ("Pendukung") is another entry, not a high-scoring match
    assert word_gap(norm_name(GEDUNG), norm_name(PENDUKUNG)) == 1
    assert guarded_score(norm_name(GEDUNG), norm_name(PENDUKUNG)) < MATCH_CUTOFF
    short = "Pengadaan Sarana dan Prasarana Gedung Kantor"
    assert NOM.match_name(short, bidang=["5.03"]) == []
    # a misspelt word still pairs with its official spelling
    assert word_gap("analisis prognoosis", "analisis prognosis") == 0


def test_same_name_tolerates_official_typos_both_ways():
    official = NOM.get("5.03.02.2.03.0003").name
    assert "Pengeloaan" in official
    assert same_name(official, official, NOM)
    assert same_name("Pengelolaan Administrasi Diklat dan Sertifikasi ASN", official, NOM)
    assert not same_name("Pengelolaan Administrasi Diklat ASN", official, NOM)
    assert not same_name(
        "Penyusunan Pelaporan dan Analisis Prognoosis Realisasi Anggaran",
        "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran",
        NOM,
    )


def test_word_diff_marks_words():
    assert word_diff("Analisis Prognoosis Realisasi", "Analisis Prognosis Realisasi") == [("Prognoosis", "Prognosis")]
    assert word_diff(GEDUNG, PENDUKUNG) == [(None, "Pendukung")]


def test_editions_and_legacy_codes():
    assert first_edition(NOM.get("5.03.02.2.02.0003")) == 2024
    assert first_edition(NOM.get("5.03.01.2.01.0008")) == 2025
    assert looks_legacy("17.22", NOM) and not looks_legacy("5.03.02", NOM)


def test_search_ranks_fragments_and_typos():
    hits = search(NOM, "prognoosis realisasi", level="subkegiatan", limit=3)
    assert hits[0].code == "X.XX.01.2.02.0008"
    hits = search(NOM, "sarana gedung kantor", bidang="5.03", limit=2)
    assert {h.code for h in hits} == {"5.03.01.2.07.0010", "5.03.01.2.07.0011"}


def test_card_of_a_penunjang_code():
    c = card(NOM, "5.03.01.2.07.10")
    assert c.code == "5.03.01.2.07.0010" and c.entry.code == "X.XX.01.2.07.0010"
    assert [p.level for p in c.parents] == ["kegiatan", "program", "bidang", "urusan"]
    assert card(NOM, "9.99.99") is None
