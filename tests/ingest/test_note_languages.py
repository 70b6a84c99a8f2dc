"""Reader notes carry both languages: ``message`` in English, ``message_id`` in Bahasa Indonesia."""

from __future__ import annotations

from pathlib import Path

from renja_check.ingest import load_document
from renja_check.ingest.pdftext import parse_text
from renja_check.paths import sample_renja

SIPD_MULTI = Path(__file__).parent.parent / "fixtures" / "sipd" / "1.02.0.00.0.00.01.0000.json"


def _cut_sample():
    """The sample with the plan matrix cut in half and Tabel 2.5 without its TOTAL line."""
    lines = sample_renja().read_text(encoding="utf-8").splitlines()
    bab4 = next(k for k, ln in enumerate(lines) if ln.strip() == "BAB IV")
    kept = [ln for ln in lines[:6100] + lines[bab4:] if not ln.strip().upper().startswith("TOTAL")]
    return parse_text("\n".join(kept) + "\n", "cut.txt")


def _assert_bilingual(notes):
    assert notes
    for n in notes:
        assert n.message_id and n.message_id != n.message, n
        assert " / " not in n.message and " / " not in n.message_id, n  # no "id / en" strings left


def test_sample_and_cut_copy_notes_have_both_languages():
    doc = parse_text(sample_renja().read_text(encoding="utf-8"), "sample.txt")
    cut = _cut_sample()
    _assert_bilingual(doc.notes + cut.notes)
    trunc = [n for n in cut.notes if n.code == "table-truncated"]
    assert any(n.message_id.startswith("rencana: tabel tidak lengkap (") for n in trunc)
    assert any(n.message.startswith("rencana: the table is incomplete (") for n in trunc)
    amb = next(n for n in doc.notes if n.code == "row-ambiguous")
    assert "tidak" in amb.message_id and "not" in amb.message


def test_sipd_notes_have_both_languages():
    doc = load_document(SIPD_MULTI)
    _assert_bilingual(doc.notes)
    assert doc.notes[0].message_id.endswith("di bawah total")
