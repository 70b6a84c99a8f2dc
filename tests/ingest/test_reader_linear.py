"""The text reader asks about each line a bounded number of times: operations counted at
1x and 10x input (never time)."""

from renja_check.ingest.pdftext import parse_text, plan_lines, prose_lists
from renja_check.ingest.pdftext.base import Line

# one page of a plan table as the PDF text gives it: rows, then the page's column headers
# (a header block, with a label inside it), then the page footer
PAGE = [
    "1 01 01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH 1.000.000 1.100.000",
    "Persentase layanan 100 % 1.000.000",
    "Lokasi",
    "Kode",
    "URUSAN PEMERINTAHAN WAJIB",
    "Target",
    "Sumber Dana",
    "Pagu Indikatif",
    "Catatan Penting",
    "RENCANA KERJA PERANGKAT DAERAH TAHUN 2024",
]


def _lines(pages: int) -> list[Line]:
    texts = PAGE * pages
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_plan_page_split_asks_each_line_once(monkeypatch):
    asked = {"header": 0, "row": 0}
    real = plan_lines.header_line

    def header(text):
        asked["header"] += 1
        return real(text)

    def row_start(text):
        asked["row"] += 1
        return text[:1].isdigit() and " PROGRAM " in text

    monkeypatch.setattr(plan_lines, "header_line", header)
    for pages in (3, 30):
        asked["header"] = asked["row"] = 0
        lines = _lines(pages)
        got = plan_lines.split_pages(lines, row_start)
        assert len(got) >= pages  # each page's rows are cut off at its header block
        assert asked["header"] <= len(lines), asked  # was up to LOOKAHEAD per line, and again for the block
        assert asked["row"] <= len(lines), asked


def test_sections_are_read_once_per_document(monkeypatch):
    calls = [0]
    real = prose_lists._sections

    def counting(ctx):
        calls[0] += 1
        return real(ctx)

    monkeypatch.setattr(prose_lists, "_sections", counting)
    prose = ["BAB I", "PENDAHULUAN", "1.1 LATAR BELAKANG", "Rencana Kerja Tahun 2024 memuat 3 program dan 5 kegiatan."]
    for n in (5, 50):
        calls[0] = 0
        parse_text("\n".join(prose * n), "renja.txt")
        assert calls[0] == 1  # claims and the prose figures share them
