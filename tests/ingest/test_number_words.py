"""Counts written in words and figures in the prose ("tiga (3) program") are claims."""

from __future__ import annotations

import pytest

from renja_check.ingest.pdftext import parse_text
from renja_check.ingest.pdftext.number_words import value


@pytest.mark.parametrize(
    "words,n",
    [
        ("tiga", 3),
        ("sebelas", 11),
        ("dua belas", 12),
        ("tiga puluh tujuh", 37),
        ("seratus dua", 102),
        ("dua ratus lima puluh", 250),
        ("kegiatan", None),
    ],
)
def test_value(words, n):
    assert value(words) == n


def test_counts_in_words_and_figures():
    text = (
        "RENCANA KERJA (RENJA) PERANGKAT DAERAH TAHUN 2023\n"
        "Pada tahun 2023 terdapat tiga (3) program, 12 (dua belas) kegiatan dan tiga puluh tujuh sub kegiatan.\n"
    )
    doc = parse_text(text, "words.txt")
    got = sorted((c.subject, c.value, c.raw) for c in doc.claims if c.kind == "count")
    assert got == [
        ("kegiatan", 12, "12 (dua belas) kegiatan"),
        ("program", 3, "tiga (3) program"),
        ("subkegiatan", 37, "tiga puluh tujuh sub kegiatan"),
    ]
