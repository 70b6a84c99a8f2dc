"""The plan table of a PDF read by position: find, classify, read, report.

``read_plan(pages, path, page_line, year)`` returns the plan table (role ``rencana``) and
the reader's notes. A document whose plan table is not found, or found but not read,
gets a ``plan-table-missing`` / ``plan-table-unread`` warning naming what was looked for
(rules RD01, RD02); a row whose code does not extend its parent's is noted
``code-misplaced`` (RD03).
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from ..models import Column, Note, Span, Table
from .layout import Layout, load_layout
from .table_kinds import KIND_EN, KIND_ID
from .pdfwords import Page
from .posplan import build_table, read_rows, years_of
from .postable import FoundTable, find_tables

LOOKED_FOR = (
    "a table titled T-C.33 / 'Rumusan Rencana Program dan Kegiatan' or with a header "
    "holding 'Kode' and 'Pagu'/'Anggaran'/'Kebutuhan Dana', whose rows print codes "
    "(Permendagri 90/2019 or 13/2006) beside amounts"
)
LOOKED_FOR_ID = (
    "tabel berjudul T-C.33 / 'Rumusan Rencana Program dan Kegiatan' atau berkepala kolom "
    "'Kode' dan 'Pagu'/'Anggaran'/'Kebutuhan Dana', yang barisnya memuat kode "
    "(Permendagri 90/2019 atau 13/2006) di samping angka pagu"
)


def role_of(t: FoundTable, layout: Layout) -> Optional[str]:
    text = " ".join(t.title + [w.text for w in t.head])
    role = layout.role_of_title(text)
    if role:
        return role
    cols = {r for w in t.head for r in layout.column_role(w.text)}
    low = text.lower()
    if any(o in low for o in layout.plan_other):
        return None
    if all(n in cols for n in layout.plan_needs_all) and any(n in cols for n in layout.plan_needs_any):
        return "rencana"
    return None


def plan_year(t: FoundTable) -> Optional[int]:
    text = " ".join(t.title + [w.text for w in t.head])
    m = re.search(r"\bTAHUN\s+(?:ANGGARAN\s+)?(20\d\d)\b", text, re.I)
    return int(m.group(1)) if m else None


def _title(t: FoundTable, layout: Layout) -> str:
    """The line naming the table (T-C.33, Rumusan ...), from the title lines or the header."""
    heads: dict[float, list] = {}
    for w in t.head:
        heads.setdefault(round(w.mid / 3), []).append(w)
    lines = t.title + [" ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for _, ws in sorted(heads.items())]
    named = [x for x in lines if layout.role_of_title(x, ("rencana",))]
    return (named[0] if named else (t.title[-1] if t.title else ""))[:200]


def _columns(t: FoundTable, years: list[int]) -> list[Column]:
    """The columns read: code, name, and each money column with the header words over it."""
    cols = [Column(id="kode", label="Kode", role="kode"), Column(id="uraian", label="Uraian", role="uraian")]
    for (left, right), year in zip(t.money_cols, years):
        over = sorted(
            (w for w in t.head if min(w.x1, right + 15) - max(w.x0, left - 15) >= 0.5 * (w.x1 - w.x0)),
            key=lambda w: (w.top, w.x0),
        )  # header words mostly over the column
        label = " ".join(w.text for w in over if not re.fullmatch(r"\d{1,2}", w.text))[:80] or "Pagu"
        cols.append(Column(id=f"pagu_{year}", label=label, role="pagu", year=year or None))
    return cols


OTHER_ROLES = ("evaluasi", "kinerja_pelayanan", "review_rkpd", "usulan", "rkpd_akhir")
ROLE_ID, ROLE_EN = KIND_ID, KIND_EN  # the tables' names in the reader's notes


def other_tables(
    pages: list[Page], path: str, page_line, skip: set[str], plan: list[Table], year: Optional[int]
) -> tuple[list[str], list[Note], list[Table]]:
    """Roles of the other tables found by caption and header (``posroles``) and the tables
    read of them (the evaluation T-C.29, ``poseval``; the two-sided T-C.31, ``posreview``);
    each table found but not read gets a ``table-unread`` note: found and classified, its
    rows not read, so not checked."""
    from .poseval import read_evaluasi
    from .posreview import read_review
    from .posroles import classify

    layout = load_layout()
    found = classify(pages, layout, OTHER_ROLES)
    starts = sorted({pg for _, pg, _ in found} | {t.span.page for t in plan if t.span.page})
    roles, notes, tables = [], [], []
    for role, page, caption in found:
        if role in skip:
            continue
        roles.append(role)
        end = next((s for s in starts if s > page), len(pages) + 1)
        if role == "evaluasi":
            read, more = read_evaluasi(pages[page - 1 : end - 1], layout, path, page_line, caption)
            if read:
                tables += read
                notes += more
                continue
        if role == "review_rkpd":
            read = read_review(pages[page - 1 : end - 1], layout, year, plan[0] if plan else None, path, page_line)
            if read:
                tables += read
                continue
        span = Span(file=path, line_start=page_line(page, None), line_end=page_line(page, None), page=page)
        notes.append(
            Note(
                level="warning",
                code="table-unread",
                span=span,
                message=f'table of {ROLE_EN[role]} found on page {page} ("{caption}") but its rows '
                f"are not read by position, so it was not checked",
                message_id=f'tabel {ROLE_ID[role]} ditemukan di halaman {page} ("{caption}") tetapi '
                f"barisnya belum dibaca menurut posisi, sehingga tidak diperiksa",
            )
        )
    return roles, notes, tables


def read_plan(
    pages: list[Page], path: str, page_line: Callable[[int, Optional[str]], int], year: Optional[int]
) -> tuple[list[Table], list[Note]]:
    layout = load_layout()
    found = [t for t in find_tables(pages, layout) if role_of(t, layout) == "rencana"]
    if not found:
        return [], [
            Note(
                level="warning",
                code="plan-table-missing",
                message=f"plan table not found: looked for {LOOKED_FOR}",
                message_id=f"tabel rencana program dan kegiatan tidak ditemukan: dicari {LOOKED_FOR_ID}",
            )
        ]
    # the titled form (T-C.33) first, then the table with most pages
    t = max(
        found,
        key=lambda t: (bool(re.search(r"C\s*[.-]?\s*33", " ".join(t.title + [w.text for w in t.head]))), len(t.pages)),
    )
    rows = read_rows(t)
    span = Span(
        file=path,
        line_start=page_line(t.pages[0].no, None),
        line_end=page_line(t.pages[-1].no, None),
        page=t.pages[0].no,
    )
    if not t.money_cols or not any(r.amounts for r in rows):
        return [], [
            Note(
                level="warning",
                code="plan-table-unread",
                span=span,
                message=f"plan table found on page {t.pages[0].no} but no amount column was read",
                message_id=f"tabel rencana ditemukan di halaman {t.pages[0].no} tetapi kolom pagunya tidak terbaca",
            )
        ]
    years = years_of(t, layout, year or plan_year(t))
    table, raw_notes = build_table(t, rows, years, path, page_line)
    table.columns = _columns(t, years)
    table.title = _title(t, layout)
    notes = [
        Note(
            level="warning",
            code=code,
            message=en,
            message_id=id_,
            span=Span(file=path, line_start=page_line(pg, None), line_end=page_line(pg, None), page=pg),
        )
        for code, en, id_, pg in raw_notes
    ]
    notes.append(
        Note(
            level="info",
            code="plan-table-read",
            span=span,
            message=f"plan table read by position on pages {t.pages[0].no}-{t.pages[-1].no}: "
            f"{len(table.nodes)} rows, codes {t.system.name}, years {table.years}",
            message_id=f"tabel rencana dibaca menurut posisi di halaman {t.pages[0].no}-"
            f"{t.pages[-1].no}: {len(table.nodes)} baris, kode {t.system.name}, "
            f"tahun {table.years}",
        )
    )
    return [table], notes
