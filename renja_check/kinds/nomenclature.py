"""Kind ``nomenclature``: codes and names against the national nomenclature.

One kind, the rule's ``params.check`` selects the check:

* ``code_exists``  a printed/resolved code is in the nomenclature (pre-2019 ``legacy``
  codes of evaluation tables are recognised and skipped); for a document year outside
  the known editions the finding is a warning saying the edition is unknown;
* ``edition``      the code is in force in the edition of the document's year;
* ``name``         the name equals the official name of its code (word diff as evidence);
                   one finding per (document, code, printed name), naming every table;
* ``other_entry``  the name is the official name of *another* code;
* ``parent``       the node sits under the kegiatan/program/bidang its code belongs to;
* ``penunjang``    program penunjang ``X.XX.01`` sits under one of the agency's bidang;
* ``cross_table``, ``prose_list``, ``indicator``, ``satuan``: see ``nomenclature_cross``
  (``nomenclature_prose_list``, ``nomenclature_indicator``).
"""

from __future__ import annotations

from typing import Iterator, Literal, Optional

from ..corpus import normalize_code
from ..finding import Finding
from ..models import Document, Node, Table
from ..text import norm_name
from .base import Context, Kind, Params, walk_tables, Role, Level
from .labels import table_label
from .nomenclature_cross import CODED, cross_table
from .nomenclature_indicator import indicator, satuan
from .nomenclature_names import (
    edition_known,
    first_edition,
    looks_legacy,
    other_entries,
    render_diff,
    same_name,
    word_diff,
)
from .nomenclature_prose_list import prose_list_entry, prose_list_spelling

Check = Literal[
    "code_exists",
    "edition",
    "name",
    "other_entry",
    "parent",
    "penunjang",
    "cross_table",
    "prose_list_spelling",
    "prose_list_entry",
    "indicator",
    "satuan",
]
LEVEL_ID = {
    "program": "program",
    "kegiatan": "kegiatan",
    "subkegiatan": "sub kegiatan",
    "bidang": "bidang urusan",
    "urusan": "urusan",
}
CODE_PARTS = {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 5, "subkegiatan": 6}
# the checks that look at more than one node (nomenclature_cross and its siblings), by name
CROSS_CHECKS = {f.__name__: f for f in (cross_table, prose_list_spelling, prose_list_entry, indicator, satuan)}


class NomenclatureParams(Params):
    check: Check
    levels: list[Level] = ["program", "kegiatan", "subkegiatan"]
    roles: list[Role] = []  # table roles checked; empty = every table
    skip_roles: list[Role] = ["daftar_program"]
    similarity: float = 80.0  # cross_table / prose_list: two names are "the same node" above this
    entry_score: float = 90.0  # prose_list: a listed name means an official entry at this name_score
    indicator_score: float = 90.0  # cross_table: an indicator is the standard one at this score


class NomenclatureKind(Kind):
    name = "nomenclature"
    Params = NomenclatureParams

    def evaluate(self, rule, ctx: Context) -> Iterator[Finding]:
        p: NomenclatureParams = rule.spec
        if p.check in CROSS_CHECKS:
            yield from CROSS_CHECKS[p.check](rule, ctx, p)
            return
        if p.check == "name":
            yield from self._names(rule, ctx, p)
            return
        fn = getattr(self, f"_{p.check}")
        for doc, table, node, by_id in _coded_nodes(ctx, p):
            yield from fn(rule, ctx, doc, table, node, by_id)

    # -- per node checks ---------------------------------------------------------------
    def _code_exists(self, rule, ctx, doc: Document, table: Table, node: Node, by_id) -> Iterator[Finding]:
        nom = ctx.corpus.nomenclature
        if nom.get(node.code) is not None or looks_legacy(node.code, nom):
            return
        known = edition_known(doc.year)
        yield ctx.finding(
            rule,
            doc,
            table=table,
            subject=node,
            found=node.code,
            severity=None if known else "warning",
            values={
                "edition_id": f"edisi {doc.year}"
                if known
                else f"nomenklatur (edisi tahun {doc.year or '?'} tidak diketahui; hanya keberadaan kode diperiksa)",
                "edition_en": f"the {doc.year} edition"
                if known
                else f"the nomenclature (edition of {doc.year or '?'} unknown; only existence checked)",
            },
            evidence={"code": node.code, "code_printed": node.code_printed, "year": doc.year, "edition_known": known},
        )

    def _edition(self, rule, ctx, doc, table, node, by_id) -> Iterator[Finding]:
        e = ctx.corpus.nomenclature.get(node.code)
        if e is None or not edition_known(doc.year):
            return
        first = first_edition(e)
        if first is not None and first > doc.year:
            yield ctx.finding(
                rule,
                doc,
                table=table,
                subject=node,
                expected=doc.year,
                found=first,
                values={"first": first, "year": doc.year},
                evidence={"code": node.code, "sumber": e.sumber, "first_edition": first},
            )

    def _names(self, rule, ctx, p) -> Iterator[Finding]:
        """One finding per (document, code, printed name), naming every table that prints it."""
        nom = ctx.corpus.nomenclature
        groups: dict[tuple, list[tuple[Document, Table, Node]]] = {}
        for doc, table, node, _ in _coded_nodes(ctx, p):
            e = nom.get(node.code)
            printed = node.name_printed or node.name
            if e is None or not printed or e.level != node.level or same_name(printed, e.name, nom, node.level):
                continue
            if other_entries(printed, node.level, node.code, nom):
                continue  # reported by ``other_entry``
            key = (id(doc), node.code, norm_name(printed))
            groups.setdefault(key, []).append((doc, table, node))
        for hits in groups.values():
            doc, table, node = hits[0]
            e = nom.get(node.code)
            printed = node.name_printed or node.name
            pairs = word_diff(printed, e.name)
            tables = list(dict.fromkeys(t.id for _, t, _ in hits))
            by_tid = {t.id: t for _, t, _ in hits}
            yield ctx.finding(
                rule,
                doc,
                table=table,
                subject=node,
                expected=e.name,
                found=printed,
                values={
                    "official": e.name,
                    "level_id": LEVEL_ID.get(node.level, node.level),
                    "table": join_labels([table_label(by_tid[t], "id") for t in tables], "id"),
                    "table_en": join_labels([table_label(by_tid[t], "en") for t in tables], "en"),
                    "diff_id": render_diff(pairs, "id"),
                    "diff_en": render_diff(pairs, "en"),
                },
                suggestion={"id": f"Gunakan nama resmi: {e.name}", "en": f"Use the official name: {e.name}"},
                evidence={
                    "code": node.code,
                    "diff": [list(x) for x in pairs],
                    "tables": tables,
                    "nodes": [n.id for _, _, n in hits],
                    "lines": [n.span.line_start if n.span else None for _, _, n in hits],
                },
            )

    def _other_entry(self, rule, ctx, doc, table, node, by_id) -> Iterator[Finding]:
        nom = ctx.corpus.nomenclature
        e = nom.get(node.code)
        printed = node.name_printed or node.name
        if e is None or not printed or same_name(printed, e.name, nom, node.level):
            return
        others = other_entries(printed, node.level, node.code, nom)
        if not others:
            return
        other = _concrete(others[0].code, node.code)
        yield ctx.finding(
            rule,
            doc,
            table=table,
            subject=node,
            expected=e.name,
            found=printed,
            values={"official": e.name, "other_code": other},
            suggestion={
                "id": f"Periksa kode dan nama: {node.code} = {e.name}; {other} = {others[0].name}",
                "en": f"Check code and name: {node.code} = {e.name}; {other} = {others[0].name}",
            },
            evidence={"code": node.code, "other_codes": [_concrete(o.code, node.code) for o in others]},
        )

    def _parent(self, rule, ctx, doc, table, node, by_id) -> Iterator[Finding]:
        anc = _coded_ancestor(node, by_id)
        if anc is None:
            return
        want = ".".join(node.code.split(".")[: CODE_PARTS[anc.level]])
        if normalize_code(anc.code) == want:
            return
        nom = ctx.corpus.nomenclature
        official = nom.get(want)
        yield ctx.finding(
            rule,
            doc,
            table=table,
            subject=node,
            expected=want,
            found=anc.code,
            values={
                "level": node.level,
                "parent_level": anc.level,
                "parent_code": anc.code,
                "parent_name": anc.name,
                "official_parent": official.name if official else "-",
            },
            evidence={"code": node.code, "parent_node": anc.id, "parent_code": anc.code, "expected_parent": want},
        )

    def _penunjang(self, rule, ctx, doc, table, node, by_id) -> Iterator[Finding]:
        parts = node.code.split(".")
        if not doc.bidang or len(parts) < 3 or parts[2] != "01" or node.level not in CODE_PARTS:
            return
        bidang = ".".join(parts[:2])
        if bidang in doc.bidang:
            return
        par = by_id.get(node.parent or "")
        if par is not None and par.code and par.code.startswith(bidang + ".01"):
            return  # reported on the program / kegiatan above
        yield ctx.finding(
            rule,
            doc,
            table=table,
            subject=node,
            expected=doc.bidang,
            found=bidang,
            values={"bidang": bidang, "agency_bidang": ", ".join(doc.bidang)},
            evidence={"code": node.code, "agency_bidang": doc.bidang},
        )


def _coded_nodes(ctx, p) -> Iterator[tuple[Document, Table, Node, dict[str, Node]]]:
    for doc, table in walk_tables(ctx.dossier, p.roles):
        if table.role in p.skip_roles:
            continue
        by_id = {n.id: n for n in table.nodes}
        for node in table.nodes:
            if node.level in p.levels and node.code and node.code_status in CODED:
                yield doc, table, node, by_id


def join_labels(labels: list[str], lang: str = "id") -> str:
    """ "A", "A dan B", "A, B dan C" (distinct labels, in order)."""
    labels = list(dict.fromkeys(x for x in labels if x))
    word = " dan " if lang == "id" else " and "
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + word + labels[-1]


def _concrete(generic: str, like: str) -> str:
    return generic.replace("X.XX", ".".join(like.split(".")[:2]), 1) if generic.startswith("X.XX") else generic


def _coded_ancestor(node: Node, by_id: dict[str, Node]) -> Optional[Node]:
    seen = set()
    pid = node.parent
    while pid and pid not in seen:
        seen.add(pid)
        anc = by_id.get(pid)
        if anc is None:
            return None
        if (
            anc.level in ("bidang", "program", "kegiatan")
            and anc.code
            and anc.code_status in CODED
            and CODE_PARTS[anc.level] < CODE_PARTS.get(node.level, 0)
        ):
            return anc
        pid = anc.parent
    return None
