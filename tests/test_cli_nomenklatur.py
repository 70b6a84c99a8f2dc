"""``renja-check nomenklatur``: cari and KODE, both languages, unknown code exits 2."""

from __future__ import annotations

from click.testing import CliRunner

from renja_check.cli import main


def run(*args):
    return CliRunner().invoke(main, ["nomenklatur", *args])


def test_cari_ranked():
    r = run("cari", "pengadaan sarana gedung kantor", "--bidang", "5.03", "--limit", "3")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split()[:2] == ["Skor", "Kode"]
    assert "5.03.01.2.07.0010" in lines[1] and "[2024, 2025]" in lines[1]
    assert len(lines) == 4


def test_cari_english_and_level():
    r = run("cari", "kepegawaian daerah", "--level", "program", "--lang", "en")
    assert r.exit_code == 0 and r.output.startswith("Score") and "5.03.02" in r.output


def test_cari_nothing():
    r = run("cari", "zzzzqqq xxxyyy")
    assert r.exit_code == 1 and "Tidak ada" in r.output


def test_code_shows_entry():
    r = run("5.03.02.2.02.03")
    assert r.exit_code == 0, r.output
    assert "Pengelolaan Promosi ASN" in r.output and "Mutasi dan Promosi ASN" in r.output
    assert "Indikator: Jumlah Dokumen Hasil Pengelolaan Promosi ASN" in r.output
    r = run("5.03.02", "--lang", "en")
    assert "Children: 4" in r.output and "Level: program" in r.output


def test_unknown_code_exits_2():
    r = run("9.99.99")
    assert r.exit_code == 2 and "tidak ada dalam nomenklatur" in r.output
