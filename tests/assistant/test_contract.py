"""Contract 5: the shapes the TUI codes against."""

from __future__ import annotations

import dataclasses

from renja_check.assistant import Answer, Citation, ask


def test_answer_and_citation_fields():
    assert [f.name for f in dataclasses.fields(Citation)] == [
        "document",
        "table",
        "locator",
        "line_start",
        "line_end",
        "page",
        "fingerprint",
        "label",
    ]
    assert [f.name for f in dataclasses.fields(Answer)] == [
        "question",
        "lang",
        "intent",
        "text",
        "citations",
        "found",
        "candidates",
        "context",  # the subject a follow-up question continues from (None: none)
    ]


def test_ask_defaults_to_the_latest_run_and_detects_the_language(rounds_store):
    a = ask("what is the budget of Pengelolaan Promosi ASN in 2023?", store=rounds_store)
    assert a.lang == "en" and a.found and "702,750,000" in a.text  # run 2: the edited round
    assert isinstance(a.citations, tuple) and all(isinstance(c, Citation) for c in a.citations)
    assert ask("pagu Pengelolaan Promosi ASN", store=rounds_store, lang="en").lang == "en"
