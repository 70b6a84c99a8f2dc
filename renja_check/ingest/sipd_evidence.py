"""Renstra evidence carried by a SIPD-RI Renja export: the program outcome targets it quotes.

Every SIPD row repeats its program's outcome indicator (``indikator_outcome``) with the
Renstra's end-of-period target (``target_akhir``) and the target of year N+1
(``target_maju_1``); ``realisasi_capaian`` and ``prakiraan`` are realisations, not
targets, and are left out. ``add_sipd_evidence`` adds them to the Renja as a table
``sipd_renstra`` (role ``renstra_kutipan``): one program node per program code, one
indicator, targets keyed ``akhir`` and the year N+1. The cross-document rules compare
these quotes with the Renstra document when the dossier has one.
"""

from __future__ import annotations

from ..models import Document, Indicator, Node, Span, Table
from ..nomenclature_codes import normalize_code
from ..text import norm_space
from .common import read_bytes
from .sipd_decode import decode_rows
from .sipd_values import _placeholder, _quantity

TABLE_ID, ROLE = "sipd_renstra", "renstra_kutipan"


def add_sipd_evidence(doc: Document) -> Document:
    if doc.source.format != "sipd-json" or doc.year is None or doc.table(TABLE_ID) is not None:
        return doc
    path = doc.source.path
    nodes: dict[str, Node] = {}
    for row, first, last in decode_rows(read_bytes(path), path):
        code = normalize_code(str(row.get("kode_program") or ""))
        text = norm_space(str(row.get("indikator_outcome") or ""))
        if not code or code in nodes or _placeholder(text):
            continue
        targets = {}
        for key, label in (("target_akhir", "akhir"), ("target_maju_1", str(doc.year + 1))):
            v = norm_space(str(row.get(key) or ""))
            if v and not _placeholder(v):
                targets[label] = _quantity(v, "")
        span = Span(file=path, line_start=first, line_end=last)
        nodes[code] = Node(
            id=f"{TABLE_ID}:{code}",
            level="program",
            code=code,
            code_printed=row.get("kode_program"),
            code_status="printed",
            name=norm_space(row.get("nama_program") or ""),
            indicators=[Indicator(text=text, targets=targets, span=span)],
            span=span,
        )
    if not nodes:
        return doc
    ns = list(nodes.values())
    table = Table(
        id=TABLE_ID,
        title="Target Renstra menurut SIPD-RI (indikator outcome program)",
        role=ROLE,
        years=[doc.year + 1],
        nodes=ns,
        span=Span(file=path, line_start=ns[0].span.line_start, line_end=ns[-1].span.line_end),
    )
    return doc.model_copy(update={"tables": doc.tables + [table]})
