"""Lossy printed codes of the plan / RKPD tables, resolved with the nomenclature."""

import pytest

from renja_check.corpus import load_nomenclature
from renja_check.ingest.pdftext.codes import parse_printed, read_code, resolve_code

NOM = load_nomenclature()
PD = ["5.03", "5.04"]


def test_lossy_sub_kegiatan_code_resolves_by_name_to_the_penunjang_of_the_primary_bidang():
    pc = parse_printed("5 3 1 2.1 2")
    assert (pc.level, pc.bidang, pc.program, pc.ordinal, pc.full) == ("subkegiatan", "5.03", "5.03.01", 2, False)
    res = resolve_code(pc, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", NOM, PD)
    assert (res.code, res.status, res.conflicts) == ("5.03.01.2.05.0002", "resolved", ())
    # the kegiatan row above narrows the pool; the answer is the same
    res = resolve_code(pc, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", NOM, PD, "5.03.01.2.05")
    assert res.code == "5.03.01.2.05.0002"


def test_two_digit_old_style_ordinal_and_full_codes():
    pc = parse_printed("5 3 2 2 11")
    assert pc.ordinal == 11
    assert resolve_code(pc, "Pengelolaan Data Kepegawaian", NOM, PD, "5.03.02.2.01").code == "5.03.02.2.01.0011"
    # an old-style full code with a two-digit sub kegiatan part: printed, 4 digits in the model
    full = parse_printed("5.03.02.2.02.03")
    assert full.full and full.code == "5.03.02.2.02.0003"
    res = resolve_code(full, "Pengelolaan Promosi ASN", NOM, PD)
    assert (res.code, res.status, res.official_name) == ("5.03.02.2.02.0003", "printed", "Pengelolaan Promosi ASN")


def test_unresolvable_name_gives_no_code_but_the_positional_candidate():
    pc = parse_printed("5 3 1 2.1 2")
    res = resolve_code(pc, "Penyediaan Konsumsi Rapat Pimpinan Rekaan", NOM, PD, "5.03.01.2.05")
    assert res.code is None and res.status == "unresolved"
    assert res.candidates == ("5.03.01.2.05.0002",)


def test_misspelled_name_still_resolves_and_ordinal_disagreement_is_kept():
    pc = parse_printed("5 3 2 2 9")
    res = resolve_code(pc, "Pengelolaan Kenaikan Pangkt ASN", NOM, PD, "5.03.02.2.02")
    assert res.code == "5.03.02.2.02.0002" and res.status == "resolved"
    assert any("ordinal 9" in c for c in res.conflicts)


def test_name_under_the_wrong_kegiatan_resolves_by_name_with_a_conflict():
    pc = parse_printed("5 3 1 2.1 4")
    res = resolve_code(pc, "Penyediaan Bahan Logistik Kantor", NOM, PD, "5.03.01.2.05")
    assert res.code == "5.03.01.2.06.0004"
    assert any("under kegiatan 5.03.01.2.05" in c for c in res.conflicts)


def test_kegiatan_code_from_program_and_name():
    pc = parse_printed("5 4 2 2")
    assert pc.level == "kegiatan"
    res = resolve_code(
        pc, "Sertifikasi, Kelembagaan, Pengembangan Kompetensi Manajerial dan Fungsional", NOM, PD, "5.04.02"
    )
    assert res.code == "5.04.02.2.02"


@pytest.mark.parametrize(
    "text, code, rest",
    [
        ("5 3 13,156,485,046 14,050,761,173", "5 3", "13,156,485,046 14,050,761,173"),
        ("5 4 2.166.240.275 3.060.310.026", "5 4", "2.166.240.275 3.060.310.026"),
        ("5 3 2 2 13 Pembinaan Jabatan Fungsional ASN", "5 3 2 2 13", "Pembinaan Jabatan Fungsional ASN"),
        ("5.03.02.2.02.0003 Pengelolaan Promosi ASN", "5.03.02.2.02.0003", "Pengelolaan Promosi ASN"),
        ("10 10", None, "10 10"),
        ("1.500 orang", None, "1.500 orang"),
        ("5 1.2 3 4 Nama", "5", "1.2 3 4 Nama"),  # dots only in the kegiatan part of a lossy print
    ],
)
def test_read_code_splits_the_code_off_a_line(text, code, rest):
    pc, got_rest = read_code(text)
    assert (pc.raw if pc else None, got_rest) == (code, rest)
