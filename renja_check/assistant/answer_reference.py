"""Answers from the reference corpora: the nomenclature's standard indicator and satuan of a sub
kegiatan, and the indicators agencies use for it in the SIPD-RI corpus."""

from __future__ import annotations

from typing import Optional

from . import cite
from .data import RunData
from .parse import Query
from .reference import Reference
from .subject import Subject
from .texts import t
from .types import Answer, Builder

LIMIT = 12
AGENCIES = 6  # agencies named per indicator; the rest counted


def code_of(q: Query, s: Subject, ref: Reference) -> tuple[Optional[str], list[str]]:
    """The sub kegiatan code asked about: printed, or of the node named, or of a nomenclature name."""
    if q.codes:
        return q.codes[0], []
    if s.code:
        return s.code, []
    if not q.name:
        return None, []
    hits = ref.names.lookup(q.name, limit=5)
    if hits and hits[0].score >= 86 and not [h for h in hits[1:] if h.score > hits[0].score - 4]:
        return hits[0].items[0], []
    return None, [f"{h.items[0]} {h.label}" for h in hits[:4]] or ref.names.closest(q.name)


def standard(b: Builder, q: Query, data: Optional[RunData], s: Subject, ref: Reference) -> Answer:
    code, cands = code_of(q, s, ref)
    entry = ref.entry(code) if code else None
    if entry is None:
        b.add(t("not_found", b.lang, what=code or q.name or t("no_subject", b.lang)))
        if cands:
            b.add(t("closest", b.lang, c="; ".join(cands)))
        return b.answer(found=False, candidates=tuple(cands))
    c = cite.reference(
        ref.nomenclature_path, entry, entry["kode"], "Nomenklatur" if b.lang == "id" else "Nomenclature", b.lang
    )
    b.add(t("std_head", b.lang, code=code, name=entry["nama"]))
    if entry.get("indikator"):
        b.add("- " + t("std_ind", b.lang, ind=entry["indikator"], unit=entry.get("satuan") or "-"), c)
    else:
        b.add("- " + t("std_none", b.lang), c)
    if entry.get("sumber"):
        b.add(f"- {'sumber' if b.lang == 'id' else 'source'}: {entry['sumber']}")
    if data is not None and s.code == code:  # what the document writes, beside the standard
        for n in [n for n in s.nodes if n["indicators"]][:4]:
            ind = n["indicators"][0]
            units = sorted({i["unit"] for i in n["indicators"] if i["unit"]})
            unit = f" ({'satuan' if b.lang == 'id' else 'unit'} {', '.join(units)})" if units else ""
            where = data.table_label(n["document_id"], n["table_id"], b.lang)
            b.add(f"- {t('in_document', b.lang, table=where)}: {ind['text']}{unit}", cite.node(data, n, b.lang, ind))
    return b.answer()


def others(b: Builder, q: Query, data: Optional[RunData], s: Subject, ref: Reference) -> Answer:
    code, cands = code_of(q, s, ref)
    if code is None:
        b.add(t("not_found", b.lang, what=q.name or t("no_subject", b.lang)))
        if cands:
            b.add(t("closest", b.lang, c="; ".join(cands)))
        return b.answer(found=False, candidates=tuple(cands))
    own = {d.get("kode_skpd") for d in data.documents.values()} - {None, ""} if data is not None else set()
    rows = [r for r in ref.usage(code) if r["kode_skpd"] not in own]  # "other" agencies: not the one checked
    entry = ref.entry(code)
    name = entry["nama"] if entry else (rows[0]["sub_kegiatan"] if rows else "")
    if not rows:
        b.add(t("others_none", b.lang, code=code, name=name))
        return b.answer(found=False)
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((" ".join(r["indikator"].lower().split()), r["satuan"].lower()), []).append(r)
    agencies = {r["kode_skpd"] for r in rows}
    b.add(t("others_head", b.lang, n=len(agencies), code=code, name=name))
    for (_, _), rs in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))[:LIMIT]:
        first = rs[0]
        names = sorted(dict.fromkeys(r["skpd"] for r in rs))
        who = ", ".join(names[:AGENCIES])
        if len(names) > AGENCIES:
            who += f" {t('more_agencies', b.lang, n=len(names) - AGENCIES)}"
        unit = f" ({'satuan' if b.lang == 'id' else 'unit'} {first['satuan']})" if first["satuan"] else ""
        c = cite.reference(ref.sipd_path, first, first["kode"], f"SIPD-RI Renja 2026, {first['skpd']}", b.lang)
        b.add(f"- {first['indikator']}{unit}: {who}", c)
    if len(groups) > LIMIT:
        b.add(t("more", b.lang, n=len(groups) - LIMIT))
    return b.answer()
