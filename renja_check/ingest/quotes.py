"""The RPJMD's visi and misi as a Renja quotes them: embedded evidence of the RPJMD.

A Renja restates the pemda's visi and the misi its work serves ("... menetapkan visi
Kota X Tahun 2021-2026 adalah “...”", "Misi RPJMD yang berkaitan dengan ... adalah
“...”"). ``add_quotes`` finds those quoted sentences in a text Renja (wherever they
stand, across line breaks) and adds them as a table ``kutipan_rpjmd`` (role
``rpjmd_kutipan``): one node per quote, ``keterangan`` ``visi`` or ``misi``, the span
at the quote. The cross-document rules compare them with the RPJMD.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Document, Node, Span, Table
from ..text import norm_space

TABLE_ID, ROLE = "kutipan_rpjmd", "rpjmd_kutipan"
_OPEN, _CLOSE = '“"', '”"'
_QUOTE = re.compile(
    rf"\b(visi|misi)\b[^{_OPEN}.;]{{0,240}}?\badalah\s*[{_OPEN}]([^{_CLOSE}]{{5,400}})[{_CLOSE}]",
    re.IGNORECASE | re.DOTALL,
)


def find_quotes(text: str, path: str) -> list[Node]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    nodes = []
    seen: dict[str, int] = {}
    for m in _QUOTE.finditer(text):
        what = m.group(1).lower()
        first = bisect_right(starts, m.start(2))
        last = bisect_right(starts, m.end(2))
        seen[what] = seen.get(what, 0) + 1  # ids by order of the quote, never by line
        nodes.append(
            Node(
                id=f"{TABLE_ID}:{what}:{seen[what]}",
                level="lainnya",
                name=norm_space(m.group(2)),
                keterangan=what,
                span=Span(file=path, line_start=first, line_end=last),
            )
        )
    return nodes


def add_quotes(doc: Document) -> Document:
    """The Renja with its visi / misi quotes as a table (unchanged when it has none or is not text)."""
    if doc.doc_type != "renja" or doc.source.format != "pdf-text" or doc.table(TABLE_ID) is not None:
        return doc
    from .common import read_text

    try:
        text = read_text(doc.source.path)
    except Exception:  # the document was read once already; a vanished file just has no quotes
        return doc
    nodes = find_quotes(text, doc.source.path)
    if not nodes:
        return doc
    table = Table(
        id=TABLE_ID,
        title="Kutipan visi dan misi RPJMD",
        role=ROLE,
        nodes=nodes,
        span=Span(file=doc.source.path, line_start=nodes[0].span.line_start, line_end=nodes[-1].span.line_end),
    )
    return doc.model_copy(update={"tables": doc.tables + [table]})
