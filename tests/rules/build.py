"""Build model-level documents from the compact YAML of rule cases.

A case document is written like::

    year: 2023
    bidang: ["5.03"]
    tables:
      - id: rencana
        role: rencana
        nodes:
          - {id: t, level: total, pagu: {2023: 300}}
          - {id: p1, level: program, parent: t, code: 5.03.01, name: ..., pagu: {2023: 300}}
          - {id: s1, level: subkegiatan, parent: k1, pagu: {2023: "-"}, targets: {2023: "1 Dokumen"}}
    claims:
      - {kind: count, subject: subkegiatan, value: 37, refers_to: rencana}
    notes:
      - {level: warning, code: table-missing, message: "...", line: 12}

Defaults fill what a case does not care about: spans (one line per node, in order),
raw text of money (ints are printed with Indonesian grouping), ids of claims.
``pagu`` values may be ints (rupiah) or strings parsed with ``parse_money``;
``targets`` (shorthand for one indicator) and indicator targets are strings
parsed with ``parse_quantity``.
"""
from __future__ import annotations

from typing import Any

from renja_check.models import Claim, Document, Dossier, Indicator, Money, Node, Note, Quantity, Source, Span, Table
from renja_check.numbers import format_int, parse_money, parse_quantity


def _money(v: Any) -> Money:
    if isinstance(v, dict):
        return Money(**v)
    if isinstance(v, int):
        return Money(raw=format_int(v), value=v, status="ok")
    return parse_money(str(v), style="id")


def _qty(v: Any):
    """A target/value cell: a string parsed with ``parse_quantity``, or a Quantity mapping."""
    if isinstance(v, dict):
        return Quantity(**v)
    return parse_quantity(str(v), style="id")


def build_document(spec: dict[str, Any], path: str = "case.txt") -> Document:
    line = 0

    def span() -> Span:
        nonlocal line
        line += 1
        return Span(file=path, line_start=line, line_end=line)

    tables = []
    for t in spec.get("tables", []):
        nodes = []
        for n in t.get("nodes", []):
            n = dict(n)
            pagu = {str(k): _money(v) for k, v in (n.pop("pagu", None) or {}).items()}
            indicators = []
            if "targets" in n:
                indicators.append(Indicator(
                    text=n.pop("indicator", "Indikator"),
                    targets={str(k): _qty(v) for k, v in n.pop("targets").items()}))
            for ind in n.pop("indicators", []):
                indicators.append(Indicator(
                    text=ind.get("text", ""),
                    targets={str(k): _qty(v) for k, v in ind.get("targets", {}).items()}))
            values = {str(k): _qty(v) for k, v in (n.pop("values", None) or {}).items()}
            n.setdefault("name", "")
            if "code" in n and "code_status" not in n:
                n["code_status"] = "printed"
            n["id"] = f"{t['id']}:{n['id']}"
            if n.get("parent"):
                n["parent"] = f"{t['id']}:{n['parent']}"
            nodes.append(Node(pagu=pagu, indicators=indicators, values=values, span=span(), **n))
        table_fields = {k: v for k, v in t.items() if k != "nodes"}
        tables.append(Table(nodes=nodes, span=Span(file=path, line_start=1, line_end=max(line, 1)),
                            **table_fields))
    claims = []
    for i, c in enumerate(spec.get("claims", []), start=1):
        c = dict(c)
        c.setdefault("id", f"C{i}")
        c.setdefault("raw", str(c.get("value")))
        c.setdefault("sentence", c["raw"])
        claims.append(Claim(span=span(), **c))
    notes = []
    for nt in spec.get("notes", []):  # {level, code, message, line (optional)}
        nt = dict(nt)
        ln = nt.pop("line", None)
        notes.append(Note(span=Span(file=path, line_start=ln, line_end=ln) if ln else None, **nt))
    meta = {k: spec[k] for k in ("doc_type", "pemda", "perangkat_daerah", "bidang", "year", "forward_year",
                                 "kode_skpd", "stage", "period_start", "period_end", "visi", "misi")
            if k in spec}
    doc = Document(source=Source(path=path, format="model-yaml"), tables=tables, claims=claims, notes=notes, **meta)
    return Document.model_validate(doc.model_dump())  # case data is user input: validated and coerced


def build_dossier(spec: Any) -> Dossier:
    docs = spec if isinstance(spec, list) else [spec]
    return Dossier(documents=[build_document(d, path=d.get("path", f"case{i}.txt"))
                              for i, d in enumerate(docs, start=1)])
