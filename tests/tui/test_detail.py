"""Pilot tests of the detail pane: values, addends, source excerpt, both sides, the rule."""

from __future__ import annotations

from rich.text import Text

from tui.app import RenjaApp
from tui.evidence import sides
from tui.widgets.detail import MARK_STYLE

from .conftest import pilot_run, static_text


def _first(session, rule):
    return next(f for f in session.findings if f.rule == rule)


def test_sum_finding_shows_values_addends_and_highlighted_source(session):
    f = _first(session, "PG01")
    app = RenjaApp(session)

    async def body(pilot):
        assert app.select_finding(f.fingerprint)
        await pilot.pause()
        values = static_text(app, "#d-values")
        for word in ("diharapkan", "ditemukan", "selisih", "saran"):
            assert word in values
        assert f"{abs(f.difference):,}".replace(",", ".") in values
        addends = static_text(app, "#d-addends")
        assert f"Penjumlah ({len(f.evidence['addends'])})" in addends
        assert all(a["code"] in addends for a in f.evidence["addends"])
        side = app.query_one("#side-0").content
        assert isinstance(side, Text)
        assert str(f.span.line_start) in side.plain  # line numbers
        marked = [side.plain[s.start : s.end] for s in side.spans if s.style == MARK_STYLE]
        assert marked and all(m.replace(",", "").replace(".", "") == str(f.found) for m in marked)

    pilot_run(app, body)


def _named_side(f):
    """The other row a cross-table finding names in its evidence (``a`` or ``b``), if any."""
    for key in ("a", "b"):
        v = f.evidence.get(key)
        if isinstance(v, dict) and v.get("locator") and v["locator"] != f.locator:
            return v
    return None


def test_cross_table_finding_shows_both_sides_side_by_side(session):
    f = next(x for x in session.findings if _named_side(x))
    other = _named_side(f)
    app = RenjaApp(session)

    async def body(pilot):
        app.select_finding(f.fingerprint)
        await pilot.pause()
        left, right = app.query_one("#side-0"), app.query_one("#side-1")
        assert left.display and right.display
        assert left.region.y == right.region.y and left.region.x < right.region.x  # beside each other
        assert session.report.table_heading(f.table) in left.content.plain
        assert session.report.table_heading(other["table"]) in right.content.plain
        assert str(session.node(other["locator"])[2].span.line_start) in right.content.plain

    pilot_run(app, body, size=(120, 40))


def test_cross_table_without_named_row_finds_the_same_code_elsewhere(session):
    f = next(x for x in session.findings if x.rule == "XT01" and x.locator.startswith("rencana:"))
    labels = [e.label for e in sides(session, f)]
    assert len(labels) >= 2 and labels[0] == session.report.table_heading("rencana")


def test_rule_explanation_and_legal_basis(session):
    f = _first(session, "FM02")
    app = RenjaApp(session, lang="en")

    async def body(pilot):
        app.select_finding(f.fingerprint)
        await pilot.pause()
        text = static_text(app, "#d-explain")
        assert "Rule explanation" in text and "Legal basis" in text
        assert session.rules["FM02"].basis.split()[0] in text
        assert "expected" in static_text(app, "#d-values")

    pilot_run(app, body)


def test_both_sides_highlight_their_own_cell(tmp_path):
    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    f = next(x for x in s.findings if x.rule == "XT01")
    own, other = sides(s, f)
    assert "800,000" in own.marks and "900,000" in other.marks
    assert (own.first, other.first) == (10, 5)


def test_cross_document_side_names_the_other_document(tmp_path):
    import dataclasses

    from renja_check.models import Dossier

    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    doc = s.dossier.documents[0]
    twin_path = tmp_path / "rkpd-contoh.txt"
    twin_path.write_text((tmp_path / "contoh-renja.txt").read_text(encoding="utf-8"), encoding="utf-8")
    twin = doc.model_copy(update={"source": doc.source.model_copy(update={"path": str(twin_path)})})
    s = dataclasses.replace(s, dossier=Dossier(documents=[doc, twin]), _nodes={})
    f = next(x for x in s.findings if x.rule == "XT01")
    ev = dict(
        f.evidence, a={"table": "kebutuhan", "locator": "kebutuhan:1.01.01.2.01.0001", "document": str(twin_path)}
    )
    f = f.model_copy(update={"evidence": ev})
    own, other = sides(s, f)
    assert other.label.startswith("rkpd-contoh.txt: ") and other.first == 5


def test_sides_named_by_document_type_use_their_own_table_label(tmp_path):
    from .snapshot_data import snapshot_session

    s = snapshot_session(tmp_path)
    f = next(x for x in s.findings if x.rule == "XT01")
    f = f.model_copy(
        update={
            "evidence": {
                "renja": {"document": f.document, "table": "rencana", "locator": f.locator, "line": 10},
                "rkpd": {"document": f.document, "table": "rkpd", "table_label": "RKPD rancangan awal", "line": 4},
            }
        }
    )
    own, other = sides(s, f)
    assert (own.first, other.first, other.label) == (10, 4, "RKPD rancangan awal")
