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
    # notes of one kind in one table are one finding (what the reader could not read); false
    # for notes that each name a defect of the document (a misplaced code): one finding each
    per_table: bool = True


# what a group of notes of one kind is about, for the one finding that lists them
NOTE_KINDS = {
    "row-ambiguous": ("baris yang kolomnya tidak pasti", "rows whose columns are uncertain"),
    "stray-text": ("teks yang tidak masuk ke baris mana pun", "text that belongs to no row"),
    "cell-unparsed": ("angka yang tidak masuk ke baris mana pun", "amounts that belong to no row"),
    "code-unresolved": ("kode yang tidak dapat dipastikan", "codes that could not be resolved"),
    "code-conflict": ("kode yang bertentangan", "conflicting codes"),
    "code-inconsistent": ("kode yang tidak konsisten", "inconsistent codes"),
    "formula-unreadable": ("rumus kolom yang tidak terbaca", "column formulas that could not be read"),
    "row-unpaired": ("baris tanpa pasangan", "rows without their pair"),
    "column-order": ("urutan kolom yang diputuskan pembaca", "column orders decided by the reader"),
}
SHOWN = 8  # line numbers shown in the message; the evidence lists every note


class NotesKind(Kind):
    name = "notes"
    Params = NotesParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: NotesParams = rule.spec
        for doc in ctx.dossier.documents:
            reported = []
            groups: dict[tuple, list] = {}
            for note in doc.notes:
                if (p.codes and note.code not in p.codes) or note.code in p.exclude:
                    continue
                reported.append(note)
                table = _table_at(doc, note)
                # notes inside a table: one per table and kind; a note outside tables stands alone
                key = (
                    (table.id, note.code)
                    if table and p.per_table
                    else (table.id if table else None, note.code, without_line_refs(note.message))
                )
                groups.setdefault(key, []).append((note, table))
            for key, items in groups.items():
                yield _group_finding(rule, ctx, doc, p, key[1], items)
            if not p.incomplete_tables:
                continue
            for t in doc.tables:
                if t.complete or any(
                    n.span and t.span.line_start <= n.span.line_start <= t.span.line_end for n in reported
                ):
                    continue
                vals = bilingual(table=(table_label(t, "id"), table_label(t, "en")))
                vals.update(
                    bilingual(
                        note=(
                            f"{table_label(t, 'id')} tidak terbaca lengkap",
                            f"{table_label(t, 'en')} was not read completely",
                        )
                    ),
                    note_code="table-incomplete",
                )
                yield ctx.finding(rule, doc, table=t, locator=t.id, span=t.span, values=vals, key="table-incomplete")


def _group_finding(rule, ctx: Context, doc, p: NotesParams, code: str, items: list) -> Finding:
    notes = [n for n, _ in items]
    table = items[0][1]
    first = notes[0]
    text_id, text_en = _one_line(first.message_id or first.message), _one_line(first.message)
    if len(notes) > 1:
        what = NOTE_KINDS.get(code, (f"catatan '{code}'", f"notes '{code}'"))
        lines = [n.span.line_start for n in notes if n.span]
        shown = ", ".join(str(x) for x in lines[:SHOWN]) + (", …" if len(lines) > SHOWN else "")
        where_id = f"{table_label(table, 'id')}: " if table else ""
        where_en = f"{table_label(table, 'en')}: " if table else ""
        text_id = (
            f"{where_id}{len(notes)} {what[0]} (baris {shown}; daftar lengkap di bukti), yang pertama: {_cut(text_id)}"
        )
        text_en = (
            f"{where_en}{len(notes)} {what[1]} (lines {shown}; full list in the evidence), the first: {_cut(text_en)}"
        )
    vals = bilingual(note=(text_id, text_en))
    vals["note_code"] = code
    spans = [n.span for n in notes if n.span]
    span = spans[0].model_copy(update={"line_end": max(s.line_end for s in spans)}) if spans else None
    evidence = (
        {
            "notes": [
                {
                    "line": n.span.line_start if n.span else None,
                    "note": {"id": _one_line(n.message_id or n.message), "en": _one_line(n.message)},
                }
                for n in notes
            ]
        }
        if len(notes) > 1
        else {}
    )
    levels = {n.level for n in notes}
    level = max(levels, key=lambda v: ("info", "warning", "error").index(v))
    return ctx.finding(
        rule,
        doc,
        table=table,
        locator=f"note:{code}",
        span=span,
        values=vals,
        evidence=evidence,
        severity=level if p.use_note_level else None,
        key=(code, table.id if table else None, None if len(notes) > 1 else without_line_refs(first.message)),
    )  # content only


def _cut(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _table_at(doc, note):
    """The table whose lines hold the note, so reports group the note with its table."""
    if not note.span:
        return None
    line = note.span.line_start
    inside = [t for t in doc.tables if t.span.line_start <= line <= t.span.line_end]
    return min(inside, key=lambda t: t.span.line_end - t.span.line_start, default=None)


def _one_line(text: str) -> str:
    return " ".join(text.split())
