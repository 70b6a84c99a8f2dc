"""Where each side of a cross-document rule comes from, and when a rule must be skipped.

The Renja side is every ``rencana`` table of a ``renja`` document. The other side is
the RKPD / Renstra / RPJMD document of the dossier (its table of the same role), or,
when the dossier has no such document, the tables embedded in the Renja that quote
it (``embedded`` roles of the rule: ``rkpd_awal`` is Tabel 2.5's rancangan awal,
``rkpd_akhir`` the rancangan akhir of BAB IV). A rule whose document is absent is not
run: ``missing`` says what it lacked, and the engine lists it as skipped.
"""

from __future__ import annotations

from typing import Optional

from ..structs import struct
from ..models import Document, Table
from .labels import table_label

EMBEDDED_STAGE = {"rkpd_awal": "rancangan_awal", "rkpd_akhir": "rancangan_akhir"}
DOC_ID = {"rkpd": "RKPD", "renstra": "Renstra PD", "rpjmd": "RPJMD"}
STAGE_TXT = {
    "rancangan_awal": ("rancangan awal", "rancangan awal"),
    "rancangan_akhir": ("rancangan akhir", "rancangan akhir"),
    "final": ("final", "final"),
}


@struct
class Side:
    doc: Document
    table: Table
    stage: Optional[str] = None
    embedded: bool = False

    def label(self, lang: str = "id") -> str:
        """ "RKPD 2023 rancangan awal (rkpd.yaml)" or "Tabel 2.5 (Rancangan Awal RKPD) dalam Renja"."""
        name = self.doc.source.path.replace("\\", "/").rsplit("/", 1)[-1]
        if self.doc.doc_type == "renja" and not self.embedded:
            return f"{table_label(self.table, lang)} ({name})"
        if self.embedded:
            inside = "dalam Renja" if lang == "id" else "in the Renja"
            return f"{table_label(self.table, lang)} {inside} ({name})"
        what = DOC_ID.get(self.doc.doc_type, self.doc.doc_type)
        if self.doc.period_start and self.doc.period_end:
            what += f" {self.doc.period_start}-{self.doc.period_end}"
        elif self.doc.year:
            what += f" {self.doc.year}"
        if self.stage in STAGE_TXT:
            what += " " + STAGE_TXT[self.stage][0 if lang == "id" else 1]
        return f"{what} ({name})"

    def where(self, node=None) -> dict:
        """Evidence: which document and which table (and row) this side came from."""
        out = {
            "document": self.doc.source.path,
            "doc_type": self.doc.doc_type,
            "table": self.table.id,
            "table_label": table_label(self.table, "id"),
            "embedded": self.embedded,
        }
        if self.stage:
            out["stage"] = self.stage
        if node is not None:
            out.update(locator=node.id, line=node.span.line_start)
            if node.sumber:
                out["sumber"] = node.sumber
        return out


def renja_sides(dossier, roles=("rencana",)) -> list[Side]:
    return [Side(d, t) for d in dossier.documents if d.doc_type == "renja" for t in d.tables if t.role in roles]


def _renja_years(dossier) -> set[int]:
    return {d.year for d in dossier.documents if d.doc_type == "renja" and d.year}


def other_sides(dossier, against: str, embedded: list[str]) -> list[Side]:
    """The other document's tables; an RKPD of another year than the Renja's is not one (XD20 says so)."""
    years = _renja_years(dossier) if against == "rkpd" else set()
    own = [
        Side(d, t, d.stage)
        for d in dossier.documents
        if d.doc_type == against and not (years and d.year and d.year not in years)
        for t in d.tables
        if t.role == against
    ]
    if own or not embedded:
        return own
    return [
        Side(d, t, EMBEDDED_STAGE.get(t.role), True)
        for d in dossier.documents
        if d.doc_type == "renja"
        for t in d.tables
        if t.role in embedded
    ]


def stage_ok(side: Side, stages: Optional[list[str]]) -> bool:
    return stages is None or (side.stage or "final") in stages


def missing(p, dossier) -> list[str]:
    """What a rule with params ``p`` lacks in this dossier ([] when it can run)."""
    if p.check in ("visi_misi",):
        rp = [d for d in dossier.documents if d.doc_type == "rpjmd" and (d.visi or d.misi)]
        if not rp:
            return ["rpjmd"]
        return [] if renja_sides(dossier, ("rpjmd_kutipan",)) else ["renja:kutipan_visi_misi"]
    if p.check == "year":
        docs = [d for d in dossier.documents if d.doc_type == p.against and d.year]
        return [] if docs and _renja_years(dossier) else [p.against if not docs else "renja:tahun"]
    if p.check in ("period", "period_quoted"):
        docs = [d for d in dossier.documents if d.doc_type == p.against]
        if not docs:
            return [p.against]
        return [] if any(d.period_start and d.period_end for d in docs) else [f"{p.against}:periode"]
    sides = other_sides(dossier, p.against, p.embedded)
    if not sides:
        other_year = any(d.doc_type == p.against for d in dossier.documents)
        return [f"{p.against}:tahun" if other_year else p.against]
    if not renja_sides(dossier, tuple(p.renja_roles)):
        return [f"renja:{'/'.join(p.renja_roles)}"]
    if p.covered_by and all(s.embedded for s in sides):
        # the document is only quoted inside the Renja: those tables are compared by covered_by
        return [f"{p.against}:{'+'.join(sorted({s.table.role for s in sides}))}->{p.covered_by}"]
    if p.stages is not None and not any(stage_ok(s, p.stages) for s in sides):
        return [f"{p.against}:{'/'.join(p.stages)}"]
    if not any(n.level in p.levels for s in sides for n in s.table.nodes):
        return [f"{p.against}:{'/'.join(p.levels)}"]
    return []
