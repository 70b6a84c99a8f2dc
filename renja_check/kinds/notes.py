"""Kind ``notes``: what the reader could not read, surfaced as findings.

The reader's ``Document.notes`` (table missing, table truncated, row ambiguous ...)
and tables marked incomplete tell a verifier what was not checked. A note is rendered
in the finding's language (``Note.message_id`` in Bahasa Indonesia, ``Note.message`` in
English). A note has no expected or found value: both stay ``None``, and the note's
code is in the message and the locator, so reports print no empty comparison.
"""
from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from .base import Context, Kind, Params
from .identity import without_line_refs
from .labels import bilingual, table_label


class NotesParams(Params):
    codes: list[str] = []  # note codes reported; empty = every code not excluded
    exclude: list[str] = []
    incomplete_tables: bool = False  # also report tables with complete = False
    use_note_level: bool = True  # the note's own level (info/warning/error) is the severity


class NotesKind(Kind):
    name = "notes"
    Params = NotesParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: NotesParams = rule.spec
        for doc in ctx.dossier.documents:
            reported = []
            for note in doc.notes:
                if (p.codes and note.code not in p.codes) or note.code in p.exclude:
                    continue
                reported.append(note)
                vals = bilingual(note=(_one_line(note.message_id or note.message), _one_line(note.message)))
                vals["note_code"] = note.code
                yield ctx.finding(rule, doc, table=_table_at(doc, note), locator=f"note:{note.code}",
                                  span=note.span, values=vals,
                                  severity=note.level if p.use_note_level else None, key=without_line_refs(note.message))  # content only: equal notes are one finding
            if not p.incomplete_tables:
                continue
            for t in doc.tables:
                if t.complete or any(n.span and t.span.line_start <= n.span.line_start <= t.span.line_end
                                     for n in reported):
                    continue
                vals = bilingual(table=(table_label(t, "id"), table_label(t, "en")))
                vals.update(bilingual(note=(f"{table_label(t, 'id')} tidak terbaca lengkap",
                                            f"{table_label(t, 'en')} was not read completely")),
                            note_code="table-incomplete")
                yield ctx.finding(rule, doc, table=t, locator=t.id, span=t.span, values=vals,
                                  key="table-incomplete")


def _table_at(doc, note):
    """The table whose lines hold the note, so reports group the note with its table."""
    if not note.span:
        return None
    line = note.span.line_start
    inside = [t for t in doc.tables if t.span.line_start <= line <= t.span.line_end]
    return min(inside, key=lambda t: t.span.line_end - t.span.line_start, default=None)


def _one_line(text: str) -> str:
    return " ".join(text.split())
