"""Text report: grouped by table and severity, labels per language, 100 columns, colour on request."""

from renja_check.report import text

from .synthetic import report


def test_grouped_by_table_then_severity_with_summary():
    out = text.render(report(), "id")
    lines = out.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings[:3] == ["(di luar tabel)", "Tabel rencana", "Tabel rkpd_akhir"]
    assert lines.index("  GALAT (1)") < lines.index("Tabel rkpd_akhir") < lines.index("  PERINGATAN (1)")
    assert headings[-1].startswith("Ringkasan: galat: 1, peringatan: 1, info: 1 · dokumen: 1 · aturan dijalankan: 4")


def test_finding_shows_location_values_evidence_and_suggestion():
    out = text.render(report(), "id")
    assert "  galat PG91 docs/renja-2023.txt:120-121  [rencana:5.03.02]" in out
    assert "diharapkan: 15.322.392.321 · ditemukan: 15.322.725.321 · selisih: 333.000" in out
    assert "penjumlah: [2] 5.03.02.2.01: 15.000.000.000 + 5.03.02.2.02: 322.392.321" in out
    assert "saran: Perbaiki subtotal." in out


def test_english_labels_and_grouping():
    out = text.render(report(), "en")
    assert "expected: 15,322,392,321 · found: 15,322,725,321 · difference: 333,000" in out
    assert "Summary: error: 1, warning: 1, info: 1" in out and "(not in a table)" in out
    assert "galat" not in out and "diharapkan" not in out


def test_fits_100_columns_and_colour_only_on_request():
    long = report()
    plain = text.render(long, "id")
    assert all(len(line) <= 100 for line in plain.splitlines())
    assert "\x1b[" not in plain
    coloured = text.render(long, "id", color=True)
    assert "\x1b[31m" in coloured  # errors in red


def test_waived_finding_is_marked_and_not_counted():
    out = text.render(report(waive_first=True, unused=True), "id")
    assert "dikecualikan (waiver): Disetujui tim verifikasi" in out
    assert "galat: 0, peringatan: 1" in out
    assert "waiver tidak terpakai: PG91 0000000000000000 (waivers.yaml:5)" in out.replace("\n    ", " ")
