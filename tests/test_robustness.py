"""Damaged copies of the sample never crash the reader or the rules.

A truncated document, lines lost, a block of lines out of order, junk characters: the
reader yields what it can read (with notes) and every rule runs; a crash would be a
finding of the engine (evidence.exception) and fails the test.
"""

import random

import pytest
from click.testing import CliRunner

from renja_check.cli import main
from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.ingest.pdftext import parse_text
from renja_check.models import Dossier
from renja_check.paths import sample_renja
from renja_check.ruleset import load_ruleset

TEXT = sample_renja().read_text(encoding="utf-8")
LINES = TEXT.split("\n")
RULES = load_ruleset()


def truncate(rng):
    return "\n".join(LINES[: rng.randrange(len(LINES) // 3, len(LINES))])


def drop_lines(rng):
    return "\n".join(ln for ln in LINES if rng.random() > 0.05)


def shuffle_block(rng):
    lines = list(LINES)
    i = rng.randrange(0, len(lines) - 200)
    block = lines[i : i + 200]
    rng.shuffle(block)
    lines[i : i + 200] = block
    return "\n".join(lines)


def junk(rng):
    lines = list(LINES)
    for _ in range(40):
        i = rng.randrange(len(lines))
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)] + rng.choice(
            ["#DIV/0!", "\ufffd\ufffd", "1,2,3,4", "Rp", "- -", "TOTAL", "5 3", "I 1,000", "\t\t"]
        )
    return "\n".join(lines)


DAMAGES = [truncate, drop_lines, shuffle_block, junk]


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__ for d in DAMAGES])
@pytest.mark.parametrize("seed", range(3))
def test_damaged_sample_is_read_and_checked_without_crash(damage, seed):
    text = damage(random.Random(seed))
    doc = parse_text(text, "damaged.txt")
    result = run(RULES, Dossier(documents=[doc]), load_corpus())
    crashed = [f for f in result.findings if "exception" in f.evidence]
    assert not crashed, crashed[0].text("en")


def test_truncated_document_reports_what_is_missing():
    cut = "\n".join(LINES[: len(LINES) // 2])  # ends inside Tabel 2.5
    doc = parse_text(cut, "half.txt")
    assert any(t.id.startswith("T2.5") for t in doc.tables)
    assert not doc.table("rencana")
    codes = {n.code for n in doc.notes}
    assert "table-missing" in codes or "table-truncated" in codes
    result = run(RULES, Dossier(documents=[doc]), load_corpus())
    assert any(f.rule.startswith("DN") for f in result.findings)


def test_check_cli_on_a_truncated_file_is_not_an_input_error(tmp_path):
    p = tmp_path / "half.txt"
    p.write_text("\n".join(LINES[: len(LINES) // 2]), encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(p), "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    assert "Traceback" not in res.output
