"""One defect, one finding: fold findings that describe another finding's defect into it.

Two ways a finding is folded (it then lives on in the carrier's ``evidence["folded"]``):

* **Deference** declared in rule data (``defers_to:`` in ``rules/*.yaml``): a finding of
  rule A that defers to rule B is folded into B's finding on the same subject (same
  document, table and locator; or same document and table with ``match: table``). Only when
  B ran and reported that subject (``match: code``: the same code in any table; ``match: pair``:
  the same two rows in ``evidence["pair"]``, in any document; ``when``: only
  findings carrying that evidence key). ``--select A`` alone still reports A's defect. Chains
  (A -> B -> C) end at the last finding that stands.
* **A repeated statement**: two claims of one rule (two sentences saying the same figure)
  with the same table, expected and found values are one defect; the first carries it.

A finding about several claims (``evidence["claims"]``, e.g. one sentence stating two counts)
or rows (``evidence["rows"]`` entries with a ``locator``, e.g. one systemic change of many
rows) stands for each of them, by locator and by code. Nothing is dropped: every folded finding is listed with its rule, locator, line,
expected, found and message (both languages; ``Finding.to_dict(lang)`` renders one).
Two findings of one run with the same fingerprint are a bug; ``collisions`` lists them
(the tests assert there are none).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Optional

from .finding import Finding


def fold(findings: list[Finding], rules: Iterable[Any]) -> list[Finding]:
    defers = {r.code: list(r.defers_to) for r in rules if getattr(r, "defers_to", None)}
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        for key in _keys(f, f.rule):
            index[key].append(i)
        for other in _covered(f):  # a finding about several claims or rows stands for each of them
            index[(f.rule, "L", f.document, _loc_table(f.table, other), other)].append(i)
            code = _code(f.table, other)
            if code:
                index[(f.rule, "C", f.document, code)].append(i)
    carrier: dict[int, int] = {}
    for i, f in enumerate(findings):
        for d in defers.get(f.rule, ()):
            if d.when and f.evidence.get(d.when) in (None, "", [], {}):
                continue
            key = dict(zip(("locator", "table", "code", "pair"), _keys(f, d.rule)))[d.match]
            hits = [j for j in index.get(key, ()) if j != i]
            if hits:
                carrier[i] = hits[0]
                break
    _repeated_claims(findings, carrier)
    children: dict[int, list[int]] = defaultdict(list)
    for i in carrier:
        root = _root(i, carrier)
        if root is not None and root != i:
            children[root].append(i)
    out = []
    for i, f in enumerate(findings):
        if i in carrier and _root(i, carrier) not in (None, i):
            continue
        if i in children:
            entries = [folded_entry(findings[j]) for j in sorted(children[i])]
            ev = dict(f.evidence)
            ev["folded"] = list(ev.get("folded", [])) + entries
            f = f.model_copy(update={"evidence": ev})
        out.append(f)
    return out


def _keys(f: Finding, rule: str) -> tuple[tuple, tuple, tuple, tuple]:
    """(locator key, table key, code key, pair key) of a finding, under ``rule``'s code."""
    code = _code(f.table, f.locator)
    pair = f.evidence.get("pair")  # one row under two codes, whichever document reports it
    return (
        (rule, "L", f.document, _loc_table(f.table, f.locator), f.locator),
        (rule, "T", f.document, f.table),
        (rule, "C", f.document, code) if code else (rule, "C", f.document, None, id(f)),
        (rule, "P", tuple(pair)) if isinstance(pair, (list, tuple)) and pair else (rule, "P", None, id(f)),
    )


def _code(table: Optional[str], locator: Optional[str]) -> Optional[str]:
    """The code part of a node locator ("<table id>:<code>"), else None."""
    return locator.rpartition(":")[2] if locator and table and locator.startswith(table + ":") else None


def _loc_table(table: Optional[str], locator: Optional[str]) -> Optional[str]:
    """The table part of a locator key: node ids carry their table already and a claim is
    one subject whatever table a rule compared it with; only reader notes ("note:<code>")
    need the table to tell them apart."""
    return table if (locator or "").startswith("note:") else None


def _covered(f: Finding) -> list[str]:
    """Further locators a finding is about: the claims it names in ``evidence["claims"]`` and
    the rows of a grouped finding (``evidence["rows"]`` entries with a ``locator``)."""
    claims = f.evidence.get("claims")
    rows = f.evidence.get("rows")
    out = [c for c in claims if isinstance(c, str)] if isinstance(claims, list) else []
    if isinstance(rows, list):
        out += [r["locator"] for r in rows if isinstance(r, dict) and isinstance(r.get("locator"), str)]
    return [c for c in out if c != f.locator]


def _root(i: int, carrier: dict[int, int]) -> Optional[int]:
    seen = {i}
    while i in carrier:
        i = carrier[i]
        if i in seen:  # a cycle of deferences: nobody carries, everybody stands
            return None
        seen.add(i)
    return i


def _repeated_claims(findings: list[Finding], carrier: dict[int, int]) -> None:
    first: dict[tuple, int] = {}
    for i, f in enumerate(findings):
        if i in carrier or not (f.locator or "").startswith("claim:"):
            continue
        key = (f.rule, f.document, f.table, repr(f.expected), repr(f.found), f.difference)
        if key in first:
            carrier[i] = first[key]
        else:
            first[key] = i


def folded_entry(f: Finding) -> dict[str, Any]:
    """What a folded finding leaves in its carrier's evidence."""
    return {
        "rule": f.rule,
        "severity": f.severity,
        "table": f.table,
        "locator": f.locator,
        "line": f.span.line_start if f.span else None,
        "expected": f.expected,
        "found": f.found,
        "message": dict(f.message),
        "fingerprint": f.fingerprint,
    }


def collisions(findings: list[Finding]) -> list[str]:
    """Fingerprints shared by two findings of one run (a bug: each defect needs its own key)."""
    return sorted(fp for fp, n in Counter(f.fingerprint for f in findings).items() if n > 1)
