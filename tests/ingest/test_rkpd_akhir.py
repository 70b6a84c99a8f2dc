"""The rancangan akhir RKPD table (BAB IV) reader: golden test on the sample, altered copies."""

import pytest

from tests.ingest.test_rencana import check_golden, nodes, parse_lines, sample_lines


@pytest.fixture(scope="module")
def sample_doc():
    return parse_lines(sample_lines(), "renja-2023-bkpsdm-bontang.txt")


def test_golden_rkpd_akhir_table_of_the_sample(sample_doc):
    check_golden(sample_doc, "rkpd_akhir")


def test_partial_table_is_read_and_marked_incomplete(sample_doc):
    t = sample_doc.table("rkpd_akhir")
    assert t.role == "rkpd_akhir" and t.years == [2023, 2024]
    assert not t.complete
    assert any(
        n.code == "table-truncated" and "Rancangan Akhir RKPD" in n.message and "5.03" in n.message
        for n in sample_doc.notes
    )
    ns = nodes(sample_doc, "rkpd_akhir")
    total = ns["rkpd_akhir:total"]
    assert (total.pagu["2023"].value, total.pagu["2024"].value) == (15_322_725_321, 17_111_071_199)
    assert [n.level for n in t.nodes].count("subkegiatan") == 3
    assert ns["rkpd_akhir:5.04"].parent == "rkpd_akhir:total"


def test_empty_earlier_target_columns_leave_target_and_pagu_right(sample_doc):
    ns = nodes(sample_doc, "rkpd_akhir")
    keg = ns["rkpd_akhir:5.04.02.2.01"]  # " orang  orang 107 orang 454.767.275 107 orang 543.484.800"
    ind = keg.indicators[0]
    assert ind.text == "Jumlah pegawai yang mendapatkan pengembangan kompetensi teknis"
    assert (ind.targets["2023"].value, ind.targets["2024"].value) == (107, 107)
    assert (keg.pagu["2023"].value, keg.pagu["2024"].value) == (454_767_275, 543_484_800)
    prog = ns["rkpd_akhir:5.04.02"]
    assert prog.indicators[0].targets["2023"].raw == "25 Persen"
    assert prog.pagu["2024"].value == 3_060_310_026


def test_sub_kegiatan_cells_after_the_target(sample_doc):
    s = nodes(sample_doc, "rkpd_akhir")["rkpd_akhir:5.04.02.2.01.0001"]
    assert s.code_printed == "5 4 2 2 1" and s.code_status == "resolved"
    assert (s.pagu["2023"].value, s.pagu["2024"].value) == (7_312_500, 0)
    assert s.lokasi == "Kota Bontang, Semua Kecamatan, Semua Kelurahan"
    assert s.sumber_dana == "PENDAPATAN ASLI DAERAH (PAD)"
    assert "Polhukhankam" in s.keterangan and "Badan Kepegawaian" in s.keterangan


def test_completeness_never_depends_on_the_printed_total():
    """Issue 11: completeness is judged from structure; a total that the rows explain (or
    not) changes nothing: the table still lacks its first bidang rows."""
    lines = sample_lines()
    i = next(k for k, ln in enumerate(lines) if ln.startswith("15.322.725.321 17.111.071.199"))
    lines[i] = "2.166.240.275 3.060.310.026"
    doc = parse_lines(lines)
    t = doc.table("rkpd_akhir")
    assert not t.complete
    assert [n.message for n in doc.notes if n.code == "table-truncated"] == [
        n.message for n in parse_lines(sample_lines()).notes if n.code == "table-truncated"
    ]


def test_rkpd_table_cut_mid_row():
    lines = sample_lines()
    title = next(k for k, ln in enumerate(lines) if "RANCANGAN AKHIR RENCANA KERJA" in ln)
    cut = next(k for k, ln in enumerate(lines) if k > title and ln.startswith("5 4 2 2 3"))
    bab5 = next(k for k, ln in enumerate(lines) if ln.strip() == "BAB V")
    doc = parse_lines(lines[: cut + 20] + lines[bab5:])
    t = doc.table("rkpd_akhir")
    assert not t.complete
    last = t.nodes[-1]
    assert last.level == "subkegiatan" and "2024" not in last.pagu
