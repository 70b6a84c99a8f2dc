"""Two verification rounds of the same document, compared by finding fingerprint."""

from __future__ import annotations

from typing import Any, Iterable


def diff_findings(before: Iterable[Any], after: Iterable[Any]) -> dict[str, list[Any]]:
    """``new``: in ``after`` only; ``fixed``: in ``before`` only; ``open``: in both (as in ``after``).

    Fingerprints are content-only (rule, document identity, table, subject, expected, found), so a
    finding whose figures changed counts as fixed plus new: the verifier sees both values.
    """
    before, after = list(before), list(after)
    old = {(f.rule, f.fingerprint) for f in before}
    now = {(f.rule, f.fingerprint) for f in after}
    return {
        "new": [f for f in after if (f.rule, f.fingerprint) not in old],
        "fixed": [f for f in before if (f.rule, f.fingerprint) not in now],
        "open": [f for f in after if (f.rule, f.fingerprint) in old],
    }
