"""A test-only kind and a tiny model-level dossier, so check CLI tests need no parser."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from renja_check.finding import Finding
from renja_check.ingest.model_io import dump_document
from renja_check.kinds import KINDS
from renja_check.kinds.base import Context, Kind, Params, walk_tables
from tests.rules.build import build_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
RULES = FIXTURES / "rules.yaml"


class MarkerParams(Params):
    marker: str


class MarkerKind(Kind):
    """Flags every node whose catatan contains ``marker``; expected/found are its pagu 2023/2024."""

    name = "test_marker"
    Params = MarkerParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        for doc, table in walk_tables(ctx.dossier):
            for node in table.nodes:
                if node.catatan and rule.spec.marker in node.catatan:
                    a, b = node.pagu["2023"].value, node.pagu["2024"].value
                    yield ctx.finding(
                        rule,
                        doc,
                        table=table,
                        subject=node,
                        expected=a,
                        found=b,
                        difference=b - a,
                        evidence={"addends": [{"code": node.code, "value": a}, 1_000_000]},
                        values={"catatan": node.catatan},
                    )


@pytest.fixture(autouse=True)
def marker_kind(monkeypatch):
    monkeypatch.setitem(KINDS, "test_marker", MarkerKind())


def _doc(markers: dict[str, str]) -> dict:
    nodes = [{"id": "t", "level": "total", "pagu": {2023: 6_000_000_000, 2024: 6_500_000_000}}]
    for i, (code, name) in enumerate(
        [
            ("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH"),
            ("5.03.02.2.02", "Mutasi dan Promosi ASN"),
            ("5.03.02.2.02.0003", "Pengelolaan Promosi ASN"),
        ]
    ):
        node = {
            "id": f"n{i}",
            "level": ["program", "kegiatan", "subkegiatan"][i],
            "parent": "t" if i == 0 else f"n{i - 1}",
            "code": code,
            "name": name,
            "pagu": {2023: 6_000_000_000, 2024: 6_000_000_000 + 1_234_567 * (i + 1)},
        }
        if name in markers:
            node["catatan"] = markers[name]
        nodes.append(node)
    return {
        "year": 2023,
        "bidang": ["5.03"],
        "perangkat_daerah": "Badan Kepegawaian",
        "tables": [{"id": "rencana", "role": "rencana", "years": [2023, 2024], "nodes": nodes}],
    }


def write_doc(path: Path, markers: dict[str, str]) -> Path:
    doc = build_document(_doc(markers), path=str(path))
    path.write_text(dump_document(doc, "yaml"), encoding="utf-8")
    return path


@pytest.fixture
def dossier(tmp_path) -> Path:
    """One error (program), one warning (kegiatan), one info (sub kegiatan)."""
    return write_doc(
        tmp_path / "renja.yaml",
        {"PROGRAM KEPEGAWAIAN DAERAH": "ERR", "Mutasi dan Promosi ASN": "WARN", "Pengelolaan Promosi ASN": "INFO"},
    )


@pytest.fixture
def clean(tmp_path) -> Path:
    return write_doc(tmp_path / "clean.yaml", {})
