"""The partial-match guard counts content words only."""

from renja_check.corpus import guarded_score, word_gap
from renja_check.text import norm_name


def test_missing_function_word_is_the_same_entry():
    a = norm_name("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas Fungsi")
    b = norm_name("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi")
    assert word_gap(a, b) == 0
    assert guarded_score(a, b) >= 85


def test_missing_content_word_is_another_entry():
    a = norm_name("Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya")
    b = norm_name("Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya")
    assert word_gap(a, b) == 1
    assert guarded_score(a, b) < 85
