"""Counts of one subject stated in different sentences that disagree with each other.

"3.3: ... 37 Sub Kegiatan" and "BAB IV: ... 39 Sub Kegiatan" about the same plan year cannot
both be right. Compared: count claims about the plan (``refers_to`` set, and when ``roles``
is given, about a table with one of those roles), without a qualifier (``usulan``,
``murni`` ... are other sets), grouped by subject and year. A sentence that itself states
two counts of the subject is KL04's (``contradiction``) and is left out here, so the same
defect is not reported twice; a group needs two sentences with different values.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..finding import Finding
from ..models import Claim, Document
from ..text import norm_name, norm_space
from .labels import LEVEL_EN, LEVEL_ID, bilingual


def _role(doc: Document, c: Claim) -> Optional[str]:
    t = doc.table(c.refers_to) if c.refers_to else None
    return t.role if t is not None else c.refers_to


def _where(c: Claim, lang: str) -> str:
    sec = (f"bagian {c.section}" if lang == "id" else f"section {c.section}") if c.section else ""
    line = c.span.line_start if c.span else None
    ln = (f"baris {line}" if lang == "id" else f"line {line}") if line else ""
    return ", ".join(p for p in (sec, ln) if p)


def disagreements(rule, ctx, doc: Document, roles: list[str]) -> Iterator[Finding]:
    groups: dict[tuple, dict[str, list[Claim]]] = {}
    for c in doc.claims:
        if c.kind != "count" or not c.subject or c.value is None or c.refers_to is None or c.qualifier:
            continue
        if roles and _role(doc, c) not in roles:
            continue
        key = (c.subject, c.year or doc.year)
        groups.setdefault(key, {}).setdefault(norm_name(c.sentence), []).append(c)
    for (subject, year), by_sentence in groups.items():
        # sentences that contradict themselves are reported by KL04
        kept = [cs for cs in by_sentence.values() if len({c.value for c in cs}) == 1]
        values = sorted({cs[0].value for cs in kept})
        if len(kept) < 2 or len(values) < 2:
            continue
        claims = sorted((c for cs in kept for c in cs), key=lambda c: c.span.line_start if c.span else 0)
        subj = (LEVEL_ID[subject], LEVEL_EN[subject])
        listing = tuple(
            "; ".join(f'{c.value} ("{norm_space(c.raw)}", {_where(c, lang)})' for c in claims) for lang in ("id", "en")
        )
        vals = bilingual(subject=subj, listing=listing)
        vals.update(values=", ".join(str(v) for v in values), year=str(year or ""))
        first = claims[0]
        yield ctx.finding(
            rule,
            doc,
            subject=first,
            locator=first.id,
            found=values,
            values=vals,
            key=subject,
            evidence={
                "subject": subject,
                "year": year,
                "values": values,
                "claims": [
                    {
                        "claim": c.id,
                        "value": c.value,
                        "section": c.section,
                        "line": c.span.line_start if c.span else None,
                        "refers_to": c.refers_to,
                        "sentence": norm_space(c.sentence),
                    }
                    for c in claims
                ],
            },
        )
