"""Reader for text extracted from a Renja PDF (the Bapelitbang template, Permendagri 86/2017).

``parse_text(text, path)`` finds the document's metadata, each table region
(``base.find_regions``) and the prose claims, and hands each region to the parser
for its kind (``PARSERS``). A table kind with no region is noted as missing.
"""

from __future__ import annotations

import gc
import hashlib

from ...corpus import load_nomenclature
from ...errors import InputError
from ...models import Document, Source
from .base import ParseContext, find_regions, keep_title_lines, split_lines
from .meta import read_meta

# kind of region -> parser(ctx, region) -> list[Table]. Explicit registry.
PARSERS: dict = {}


def _register() -> None:
    from . import claims, evaluasi, kinerja, review, rencana, rkpd_akhir

    PARSERS.update(
        {
            "evaluasi": evaluasi.parse,
            "kinerja_pelayanan": kinerja.parse,
            "review_rkpd": review.parse,
            "rencana": rencana.parse,
            "rkpd_akhir": rkpd_akhir.parse,
        }
    )
    PARSERS["claims"] = claims.parse


def parse_text(text: str, path: str, positioned=None, others=None) -> Document:
    """``positioned(year) -> (tables, notes)``: the plan table read by position (PDF
    input), used when the text readers find none; a document with such a table is read
    even without a Renja title. ``others(found_roles, plan_tables, year) -> (roles, notes,
    tables)``: the other tables found by caption and header (PDF input), read where their
    layout allows, so that a table that is there is not reported missing.

    The cyclic garbage collector is paused while reading: the readers build many small
    acyclic objects (freed by reference counting), and each collection would walk the
    long-lived nomenclature index again. It is restored on return."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, path, positioned, others)
    finally:
        if enabled:
            gc.enable()


def _parse_text(text: str, path: str, positioned, others) -> Document:
    if not PARSERS:
        _register()
    lines = split_lines(text)
    if not lines:
        raise InputError(path, "no text in file", "berkas tidak berisi teks")
    ctx = ParseContext(path=path, lines=lines, nomenclature=load_nomenclature())
    meta = read_meta(ctx)
    regions = find_regions(lines)
    keep_title_lines(ctx, regions)
    pos_tables, pos_notes = [], []
    if positioned is not None and "rencana" not in {r.kind for r in regions}:
        pos_tables, pos_notes = positioned(ctx.year)
        if pos_tables and ctx.year is None and pos_tables[0].years:
            ctx.year = min(pos_tables[0].years)
            ctx.forward_year = ctx.year + 1
    if not regions and not meta.get("is_renja") and not pos_tables:
        raise InputError(
            path,
            "not a Renja: no Renja title and none of its tables (Tabel 2.1/2.2/2.5, Rumusan Rencana "
            "Program dan Kegiatan, Rancangan Akhir RKPD) were found",
            "bukan dokumen Renja: judul Renja dan tabel-tabelnya (Tabel 2.1/2.2/2.5, Rumusan Rencana "
            "Program dan Kegiatan, Rancangan Akhir RKPD) tidak ditemukan",
        )
    tables = []
    for region in regions:
        tables.extend(PARSERS[region.kind](ctx, region))
    tables.extend(pos_tables)
    ctx.notes.extend(pos_notes)
    from .plan_table import cut_at_start

    cut_at_start(ctx, tables)
    found = {r.kind for r in regions} | {t.role for t in pos_tables}
    if others is not None and pos_tables:
        roles, notes, more = others(found, pos_tables, ctx.year)
        found |= set(roles)
        ctx.notes.extend(notes)
        tables.extend(more)
    from ..table_kinds import KIND_EN, KIND_ID

    for kind in ("evaluasi", "kinerja_pelayanan", "review_rkpd", "rencana", "rkpd_akhir"):
        if kind == "rencana" and pos_notes and kind not in found:
            continue  # the positioned reader said what it looked for (plan-table-missing)
        if kind not in found:
            ctx.note(
                "table-missing",
                f"table of kind '{kind}' ({KIND_EN[kind]}) not found in the document",
                level="warning",
                id=f"tabel {KIND_ID[kind]} tidak ditemukan dalam dokumen",
            )
    claims = PARSERS["claims"](ctx, regions, tables)
    from .identity import identity_claims
    from .prose_figures import figure_claims

    claims = claims + identity_claims(ctx) + figure_claims(ctx)
    doc = Document(
        doc_type="renja",
        pemda=meta.get("pemda"),
        perangkat_daerah=meta.get("perangkat_daerah"),
        bidang=ctx.bidang,
        year=ctx.year,
        forward_year=ctx.forward_year,
        source=Source(
            path=path,
            format="pdf-text",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            lines=len(text.splitlines()),
        ),
        tables=tables,
        claims=claims,
        notes=ctx.notes,
    )
    return doc
