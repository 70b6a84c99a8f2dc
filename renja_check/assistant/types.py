"""The assistant's result shapes (contract 5): an answer and the citations behind its figures."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional


@dataclass(frozen=True)
class Citation:
    document: str  # source path as in Finding.document (or corpus/... for reference data)
    table: Optional[str]  # table id (Finding.table convention)
    locator: Optional[str]  # node id (e.g. "rencana:5.03.02.2.02.0003") or finding locator
    line_start: Optional[int]
    line_end: Optional[int]
    page: Optional[int]
    fingerprint: Optional[str]  # set when the citation is a finding
    label: str  # short human label, e.g. "Tabel 2.5 (Rancangan Awal RKPD), baris 412"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Answer:
    question: str
    lang: str
    intent: str
    text: str
    citations: tuple[Citation, ...]
    found: bool
    candidates: tuple[str, ...] = ()
    context: Any = None  # assistant.context.Context: the subject to continue from (follow-up questions)

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["citations"] = [c.to_dict() for c in self.citations]
        d["candidates"] = list(self.candidates)
        d["context"] = self.context.to_dict() if self.context is not None else None
        return d

    def with_text(self, text: str) -> "Answer":
        return replace(self, text=text)


@dataclass
class Builder:
    """Collects the lines of an answer and numbers its citations ([1], [2], ...)."""

    question: str
    lang: str
    intent: str
    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, c: Optional[Citation]) -> str:
        if c is None:
            return ""
        if c not in self.citations:
            self.citations.append(c)
        return f" [{self.citations.index(c) + 1}]"

    def add(self, text: str, c: Optional[Citation] = None) -> None:
        self.lines.append(text + self.cite(c))

    def answer(self, found: bool = True, candidates: tuple[str, ...] = ()) -> Answer:
        return Answer(
            question=self.question,
            lang=self.lang,
            intent=self.intent,
            text="\n".join(self.lines),
            citations=tuple(self.citations),
            found=found,
            candidates=tuple(candidates),
        )
