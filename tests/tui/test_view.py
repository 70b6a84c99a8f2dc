"""The view rules and the waiver writer without a terminal."""

from __future__ import annotations

import pytest

from renja_check.baseline import load_waivers
from tui.view import ViewState, choices, counts, visible
from tui.waive import add_waiver, parse_date


def test_filters_combine_and_text_matches_all_words(session):
    fs = session.findings
    state = ViewState(severity="warning", text="tabel 2.1")
    shown = visible(fs, state)
    hay = [(f.text("id") + f.text("en") + (f.table or "")).lower() for f in shown]
    assert shown and all(f.severity == "warning" for f in shown)
    assert all("tabel" in h and "2.1" in h for h in hay) and len(shown) < counts(fs)["warning"]
    assert sum(counts(fs).values()) == len(fs)
    assert choices(fs)["rule"] == sorted(set(f.rule for f in fs))
    assert not ViewState().filtered() and state.filtered()


def test_node_filter_takes_cross_table_findings_naming_the_node(session):
    f = next(x for x in session.findings if isinstance(x.evidence.get("a"), dict))
    other = f.evidence["a"]["locator"]
    assert f in visible(session.findings, ViewState(nodes=frozenset([other])))


def test_waiver_appends_in_the_loader_format(session, tmp_path):
    path = tmp_path / "w.yaml"
    a, b = session.findings[:2]
    add_waiver(path, a, 'alasan "dikutip": ya', None)
    add_waiver(path, b, "kedua", parse_date("2030-01-02"))
    loaded = load_waivers(path)
    assert [(w.fingerprint, w.reason) for w in loaded] == [
        (a.fingerprint, 'alasan "dikutip": ya'),
        (b.fingerprint, "kedua"),
    ]
    with pytest.raises(ValueError):
        add_waiver(path, a, "   ")
    with pytest.raises(ValueError):
        parse_date("31/12/2030")


def test_a_line_citation_finds_the_narrowest_node(tmp_path):
    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    assert s.node_at(None, 5) == "kebutuhan:1.01.01.2.01.0001"
    assert s.node_at(str(tmp_path / "other.txt"), 5) is None and s.node_at(None, 99) is None


def test_pdf_lines_come_from_its_extracted_text_only_when_slow_work_is_allowed(tmp_path, monkeypatch):
    import dataclasses

    from renja_check.models import Dossier

    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    pdf = str(tmp_path / "renja.pdf")
    doc = s.dossier.documents[0]
    doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": pdf})})
    s = dataclasses.replace(s, dossier=Dossier(documents=[doc]), _nodes={}, _lines={})
    monkeypatch.setattr("renja_check.ingest.pdf.extract_pages", lambda p: ["halaman satu\nbaris dua", "halaman dua"])
    assert s.slow_sources() == [pdf] and s.source_lines(pdf) == []
    assert s.source_lines(pdf, slow=True) == ["halaman satu", "baris dua", "halaman dua"]
    assert s.slow_sources() == [] and s.source_lines(pdf)[2] == "halaman dua"
