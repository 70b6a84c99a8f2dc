"""The question set (questions.yaml) against run 1 of the session store: intent, found, facts, citations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from renja_check.assistant import Answer, ask

QUESTIONS = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))


def check(answer: Answer, case: dict) -> list[str]:
    """What is wrong with ``answer`` for ``case`` (empty = right). Shared with bench/bench_ask.py."""
    errors = []
    if "intent" in case and answer.intent != case["intent"]:
        errors.append(f"intent {answer.intent} != {case['intent']}")
    if answer.found != case.get("found", True):
        errors.append(f"found {answer.found}")
    if "lang" in case and answer.lang != case["lang"]:
        errors.append(f"lang {answer.lang} != {case['lang']}")
    text = answer.text.lower()
    errors += [f"missing {f!r}" for f in case.get("facts", []) if f.lower() not in text]
    errors += [f"unexpected {f!r}" for f in case.get("absent", []) if f.lower() in text]
    for want in case.get("cite", []):
        if not any(_cites(c, want) for c in answer.citations):
            errors.append(f"no citation {want}")
    if answer.found and "Rp " in answer.text and not answer.citations:
        errors.append("figures without citations")
    return errors


def _cites(c, want: dict) -> bool:
    if "table" in want and c.table != want["table"]:
        return False
    if "line" in want and not (c.line_start and c.line_start <= want["line"] <= (c.line_end or c.line_start)):
        return False
    if "rule" in want and not (c.fingerprint and c.label.startswith(want["rule"])):
        return False
    return "document" not in want or c.document.endswith(want["document"])


def test_question_set_is_large_and_bilingual():
    assert len(QUESTIONS) >= 100
    assert sum(1 for c in QUESTIONS if c.get("lang") == "en") >= 20
    assert sum(1 for c in QUESTIONS if c.get("found", True) is False) >= 15


@pytest.mark.parametrize("case", QUESTIONS, ids=[f"{i:03d}" for i in range(len(QUESTIONS))])
def test_question(case, rounds_store):
    answer = ask(case["q"], store=rounds_store, run_id=1)
    assert check(answer, case) == [], answer.text


def test_every_figure_of_a_found_answer_is_cited(rounds_store):
    for case in QUESTIONS:
        a = ask(case["q"], store=rounds_store, run_id=1)
        lines = [
            ln
            for ln in a.text.splitlines()
            if ln.startswith("- ") and "Rp " in ln and a.intent not in ("why", "findings")
        ]
        assert all("[" in ln for ln in lines), (case["q"], lines)
