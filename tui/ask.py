"""The chat pane's collaborator: a callable ``ask(question) -> Answer``.

The app never imports the assistant itself; it receives this callable, called as
``ask(question)`` or, once an answer gave a context to continue from (follow-up
questions), ``ask(question, context=answer.context)``. In production
``assistant_ask`` wraps ``renja_check.assistant.ask`` (contract 5) over the store,
importing both lazily: when the assistant is not installed the pane says so instead of
failing. Tests inject a fake callable returning objects of the same shape
(``question, lang, intent, text, citations, found, candidates``; citations with
``document, table, locator, line_start, line_end, page, fingerprint, label``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from .session import Session

AskFn = Callable[[str], Any]


class AssistantUnavailable(RuntimeError):
    """The assistant (or its store) is not part of this installation."""


def assistant_ask(
    session_of: Callable[[], Optional[Session]], db: Optional[Path] = None, lang: Optional[str] = None
) -> AskFn:
    """An ``ask`` over the store at ``db`` (default location when None).

    The run shown in the TUI is saved to the store on the first question when it came
    from documents rather than from the store, so answers cite this run's findings.
    """
    state: dict[str, Any] = {}

    def ask(question: str, context: Any = None) -> Any:
        try:
            from renja_check import assistant
            from renja_check.store import Store
        except ImportError as exc:
            raise AssistantUnavailable(str(exc)) from None
        if "store" not in state:
            state["store"] = Store(Path(db) if db else None)
        session = session_of()
        if session is not None and session.run_id is None and session.result is not None:
            session.run_id = state["store"].save_run(
                session.result, inputs=[str(p) for p in session.inputs], dossier=session.dossier, report=session.report
            )
        run_id = session.run_id if session is not None else None
        return assistant.ask(question, store=state["store"], run_id=run_id, lang=lang, context=context)

    return ask
