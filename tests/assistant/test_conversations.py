"""Follow-up questions (conversations.yaml): each turn is asked with the previous answer's context."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from renja_check.assistant import ask, context_from_dict
from renja_check.assistant.context import Context

from .test_questions import check

CONVERSATIONS = yaml.safe_load((Path(__file__).parent / "conversations.yaml").read_text(encoding="utf-8"))
ASSUMED = ("dari pertanyaan sebelumnya", "from the previous question")
HINT = ("sebutkan kode atau nama", "by code or name")


def turn_errors(answer, turn: dict) -> list[str]:
    errors = check(answer, turn)
    if "subject" in turn:
        got = answer.context.code if answer.context is not None else None
        if got != turn["subject"]:
            errors.append(f"subject {got} != {turn['subject']}")
    first = answer.text.splitlines()[0] if answer.text else ""
    if "assumed" in turn and (turn["assumed"] != (first.startswith("(") and any(a in first for a in ASSUMED))):
        errors.append(f"assumed != {turn['assumed']}: {first!r}")
    if turn.get("hint") and not any(h in answer.text for h in HINT):
        errors.append("no hint to name the code")
    return errors


def test_conversations_cover_both_languages_and_the_hard_cases():
    turns = [t for c in CONVERSATIONS for t in c["turns"]]
    assert len(turns) >= 30
    assert sum(1 for t in turns if t.get("lang") == "en") >= 3
    assert sum(1 for t in turns if t.get("assumed")) >= 12
    assert any(t.get("hint") for t in turns) and any("start" in c for c in CONVERSATIONS)


@pytest.mark.parametrize("conv", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(conv, request):
    store = request.getfixturevalue("dossier_store" if conv["store"] == "dossier" else "rounds_store")
    context = context_from_dict(conv["start"]) if "start" in conv else None
    runs_before = store.rows("SELECT count(*) AS n FROM runs")[0]["n"]
    for i, turn in enumerate(conv["turns"]):
        answer = ask(turn["q"], store=store, run_id=1, context=context)
        assert turn_errors(answer, turn) == [], (i, turn["q"], answer.text)
        assert answer.context is None or isinstance(answer.context, Context)
        context = answer.context
    assert store.rows("SELECT count(*) AS n FROM runs")[0]["n"] == runs_before


def test_without_context_nothing_is_carried_over(rounds_store):
    first = ask("pagu Pengelolaan Promosi ASN", store=rounds_store, run_id=1)
    assert first.context is not None and first.context.code == "5.03.02.2.02.0003"
    again = ask("pagunya tahun 2024?", store=rounds_store, run_id=1)  # no context passed
    assert not again.found and "Rp " not in again.text


def test_context_round_trips_through_json_and_rejects_garbage():
    c = Context(code="1.01.01", name="X", level="program", intent="pagu", years=(2024,), doc_types=("rkpd",))
    assert context_from_dict(c.to_dict()) == c
    for bad in (None, [], "x", {}, {"code": 5}, {"code": "DROP TABLE"}, {"name": 7}):
        assert context_from_dict(bad) is None
    long = context_from_dict({"name": "n" * 10_000, "years": list(range(2000, 2100))})
    assert long is not None and len(long.name) <= 300 and len(long.years) <= 5
