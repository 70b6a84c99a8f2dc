"""The other tables of a Renja PDF found and classified by their caption and header.

A table caption is a line that starts like one (``Tabel 2. 4.``, ``T-C.29``) and names a
role by the layout's title patterns (``layout.role_of_title``), on a page that also prints
a table header: a numbered column row (``1 2 3 ... 8=(7/6)``) or a line of column words.
Lines of a table of contents (dot leaders) and prose references are not captions. A role
whose table continues over several pages is reported once, at its first page.
"""

from __future__ import annotations

import re

from .layout import Layout
from .pdfwords import Page
from .postable import _lines, _numbered

CAPTION_RE = re.compile(r"^\s*(?:Tabel|Table|T\s*[-.]\s*C\s*[-.]?\s*\d)", re.I)
NUM_RE = re.compile(r"(?:Rp\.?)?\d{1,2}(?:\s*=.*)?|\(\d{1,2}\)")
LEADER_RE = re.compile(r"\.{4,}|…{2,}|\.\s\.\s\.")


def _has_header(page: Page, layout: Layout) -> bool:
    """A numbered column row (``Rp6`` counts: some templates print the unit into it) or a
    line naming three columns or more."""
    for line in _lines(page.words):
        nums = [w for w in line if NUM_RE.fullmatch(w.text)]
        if len(line) >= 3 and len(nums) >= 0.8 * len(line) or _numbered(line):
            return True
        if sum(bool(layout.column_role(w.text)) for w in line) >= 3:
            return True
    return False


def classify(pages: list[Page], layout: Layout, roles: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """(role, page number, caption) of every table of ``roles`` found, in page order."""
    out: list[tuple[str, int, str]] = []
    seen: set[str] = set()
    for page in pages:
        for line in page.text.split("\n"):
            if not CAPTION_RE.match(line) or LEADER_RE.search(line):
                continue
            role = layout.role_of_title(line, roles)
            if role is None or role in seen:
                continue
            here = [p for p in pages if page.no <= p.no <= page.no + 1]
            if any(_has_header(p, layout) for p in here):
                seen.add(role)
                out.append((role, page.no, " ".join(line.split())[:160]))
    return out
