"""Steps that were quadratic stay linear: operations counted at 1x and 10x input (never time)."""

import json

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.ingest import sipd_decode
from renja_check.kinds import match, required
from renja_check.models import Dossier
from renja_check.ruleset import RuleSet, load_ruleset

from .rules.build import build_dossier

ROW = {k: "1" for k in sipd_decode.REQUIRED}


def _sipd(rows: int) -> bytes:
    return json.dumps([ROW] * rows, indent=2).encode()


def test_sipd_lines_scan_the_file_once():
    scanned = []
    real = sipd_decode.LineCounter

    class Counting(real):
        def __init__(self, text):
            super().__init__(text)
            scanned.append(self)

    for n in (20, 200):
        raw = _sipd(n)
        sipd_decode.LineCounter = Counting
        try:
            rows = sipd_decode.decode_rows(raw, "x.json")
        finally:
            sipd_decode.LineCounter = real
        assert len(rows) == n and rows[-1][2] == raw.count(b"\n")  # last row ends on the line before "]"
        assert scanned[-1].scanned <= len(raw)  # each character counted at most once


def _plan(rows: int) -> dict:
    nodes = [
        {
            "id": f"s{i}",
            "level": "subkegiatan",
            "code": f"1.01.01.2.01.{i:04d}",
            "name": f"Sub {i}",
            "lokasi": "Kota",
            "pagu": {2023: 1000},
            "targets": {2023: "1 Dokumen"},
        }
        for i in range(rows)
    ]
    return {"year": 2023, "tables": [{"id": "rencana", "role": "rencana", "years": [2023], "nodes": nodes}]}


def _count_calls(monkeypatch, module, name):
    calls = [0]
    real = getattr(module, name)

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_required_cells_look_at_each_row_a_bounded_number_of_times(monkeypatch):
    rules = RuleSet(rules=[r for r in load_ruleset().rules if r.kind == "required"])
    pagu_calls = _count_calls(monkeypatch, required, "pagu")
    blank_calls = _count_calls(monkeypatch, required, "blank")
    counts = []
    for n in (10, 100):
        pagu_calls[0] = blank_calls[0] = 0
        run(rules, build_dossier(_plan(n)), load_corpus())
        counts.append(pagu_calls[0] + blank_calls[0])
    assert counts[1] <= 11 * counts[0], counts  # linear: 10x rows, about 10x work (was 100x)


def test_table_pairs_list_the_tables_once(monkeypatch):
    calls = _count_calls(monkeypatch, Dossier, "tables_with_role")
    for n in (6, 60):
        calls[0] = 0
        docs = [dict(_plan(1), path=f"d{i}.txt", doc_type="renja" if i % 2 else "rkpd") for i in range(n)]
        dossier = build_dossier(docs)
        pairs = list(match.table_pairs(dossier, "rencana", "rencana"))
        assert len(pairs) == 2 * (n // 2) ** 2  # documents of one type are never paired
        assert calls[0] == 2  # not once per table of the first role
