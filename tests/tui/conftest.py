"""Shared fixtures of the TUI tests: one checked sample, fresh copies of it, a fake assistant.

Pilot tests are plain functions running ``asyncio.run`` (no async plugin needed).
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any, Awaitable, Callable

import pytest

from tui.session import Session, check_session

try:  # contract 5; the assistant may not be in this branch yet
    from renja_check.assistant import Answer, Citation
except ImportError:

    @dataclasses.dataclass(frozen=True)
    class Citation:  # type: ignore[no-redef]
        document: str
        table: str | None
        locator: str | None
        line_start: int | None
        line_end: int | None
        page: int | None
        fingerprint: str | None
        label: str

    @dataclasses.dataclass(frozen=True)
    class Answer:  # type: ignore[no-redef]
        question: str
        lang: str
        intent: str
        text: str
        citations: tuple[Citation, ...]
        found: bool
        candidates: tuple[str, ...] = ()


@pytest.fixture(scope="session")
def checked() -> Session:
    return check_session()


@pytest.fixture
def session(checked: Session) -> Session:
    """A copy that a test may change (waivers) without touching the others."""
    report = dataclasses.replace(checked.report, waived=dict(checked.report.waived))
    return dataclasses.replace(checked, report=report, _nodes={}, _lines={})


def pilot_run(app, body: Callable[[Any], Awaitable[None]], size=(100, 30)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(main())


def static_text(app, selector: str) -> str:
    """The plain text a Static shows (Rich renderables rendered without styles)."""
    from io import StringIO

    from rich.console import Console

    content = app.query_one(selector).content
    if isinstance(content, str):
        return content
    console = Console(file=StringIO(), width=200, color_system=None, legacy_windows=False)
    console.print(content)
    return console.file.getvalue()


def fake_answer(session: Session, question: str) -> Answer:
    """An answer citing the first PG01 finding and the node of an XT finding."""
    f = next(x for x in session.findings if x.rule == "PG01")
    node = next(x for x in session.findings if x.rule.startswith("XT") and x.locator)
    return Answer(
        question=question,
        lang="id",
        intent="finding",
        text=f"Ada selisih pada {f.locator}.",
        citations=(
            Citation(
                document=f.document,
                table=f.table,
                locator=f.locator,
                line_start=f.span.line_start,
                line_end=f.span.line_end,
                page=None,
                fingerprint=f.fingerprint,
                label=f"{f.rule} {f.locator}",
            ),
            Citation(
                document=node.document,
                table=node.table,
                locator=node.locator,
                line_start=None,
                line_end=None,
                page=None,
                fingerprint=None,
                label=f"simpul {node.locator}",
            ),
        ),
        found=True,
    )
