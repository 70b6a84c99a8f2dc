"""Issue 11: raising or lowering a plan table's printed TOTAL by Rp 1.000 is reported by PG01,
alone (``--select PG01``) and with every rule; the reader never calls the table incomplete
because its sums disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.ingest.pdftext import parse_text
from renja_check.models import Dossier
from renja_check.ruleset import load_ruleset

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "renja-2023-bkpsdm-bontang.txt"
RULES = load_ruleset()


def _altered(delta: int):
    text = SAMPLE.read_text(encoding="utf-8")
    doc = parse_text(text, "altered.txt")
    table = doc.table("rencana")
    total = next(n for n in table.nodes if n.level == "total")
    year = str(doc.year)
    m = total.pagu[year]
    new = f"{m.value + delta:,}" if "," in m.raw else f"{m.value + delta:,}".replace(",", ".")
    lines = text.splitlines()
    i = next(k for k in range(total.span.line_start - 1, total.span.line_end) if m.raw.strip() in lines[k])
    lines[i] = lines[i].replace(m.raw.strip(), new, 1)
    return parse_text("\n".join(lines) + "\n", "altered.txt"), m.value


@pytest.mark.parametrize("delta", [1_000, -1_000])
@pytest.mark.parametrize("select", [["PG01"], None])
def test_raised_or_lowered_total_is_reported(delta, select):
    doc, printed = _altered(delta)
    assert doc.table("rencana").complete
    rules = RULES.select(select)
    got = [
        f
        for f in run(rules, Dossier(documents=[doc]), load_corpus()).findings
        if f.rule == "PG01" and f.locator == "rencana:total"
    ]
    assert len(got) == 1
    f = got[0]
    assert f.found == printed + delta and f.expected == printed
    assert f.difference == f.found - f.expected == delta  # found minus expected
