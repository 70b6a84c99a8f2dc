"""Mutation benchmark: alter copies of the sample and see whether the checker notices.

Alterations (each applied to one node/claim at a time, several picks per kind, seeded):
  pagu       one sub kegiatan pagu of the plan table changed
  target     one sub kegiatan target of the plan table changed
  count      one prose count claim changed
  subtotal   one printed program/kegiatan subtotal changed
  row        one sub kegiatan row removed from the plan table
  total      one plan table's printed TOTAL raised or lowered by Rp 1.000
  corrected  one reported defect corrected in the text (found -> expected)
An alteration is *detected* when the altered copy yields a finding (rule + fingerprint) that
the original does not. A correction *holds* when the corrected finding (rule + locator) is
no longer reported. Goal: 100% for both. Prints one line per kind and the totals.

    python bench/mutation.py [SAMPLE.txt] [--per-kind N] [--seed S] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.ingest.pdftext import parse_text
from renja_check.models import Document, Node
from renja_check.numbers import format_int
from renja_check.paths import sample_renja
from renja_check.ruleset import load_ruleset

RULES = load_ruleset()
CORPUS = load_corpus()


def check(text: str, path: str):
    doc = parse_text(text, path)
    from renja_check.models import Dossier

    return doc, run(RULES, Dossier(documents=[doc]), CORPUS).findings


def keys(findings):
    """(rule, fingerprint) of every finding and of every finding folded into another."""
    out = {(f.rule, f.fingerprint) for f in findings}
    out |= {(e["rule"], e.get("fingerprint")) for f in findings for e in f.evidence.get("folded", [])}
    return out


def restyle(raw: str, value: int) -> str:
    """Print ``value`` in the grouping style of ``raw`` (1,234 / 1.234 / 1234)."""
    if "," in raw and "." not in raw:
        return f"{value:,}"
    if "." in raw:
        return f"{value:,}".replace(",", ".")
    return str(value)


def replace_on_lines(lines: list[str], first: int, last: int, old: str, new: str) -> bool:
    for i in range(first - 1, min(last, len(lines))):
        pattern = r"[ \u00a0]+".join(re.escape(part) for part in old.split())
        m = re.search(rf"(?<![\d.,]){pattern}(?![\d.,]*\d)", lines[i])
        if m:
            lines[i] = lines[i][: m.start()] + new + lines[i][m.end() :]
            return True
    return False


def nodes(doc: Document, role: str, level: str) -> list[Node]:
    return [n for t in doc.tables if t.role == role for n in t.nodes if n.level == level]


def mutate_pagu(doc, lines, rng, level="subkegiatan"):
    cands = [
        n
        for n in nodes(doc, "rencana", level)
        if doc.year and str(doc.year) in n.pagu and n.pagu[str(doc.year)].value and n.pagu[str(doc.year)].status == "ok"
    ]
    n = rng.choice(cands)
    m = n.pagu[str(doc.year)]
    return replace_on_lines(
        lines, n.span.line_start, n.span.line_end, m.raw.strip(), restyle(m.raw.strip(), m.value + 1_000)
    ), n.id


def mutate_total(doc, lines, rng):
    """A table's printed TOTAL for the plan year, raised or lowered by Rp 1.000."""
    cands = [
        (t, n)
        for t in doc.tables
        for n in t.nodes
        if n.level == "total"
        and doc.year
        and str(doc.year) in n.pagu
        and n.pagu[str(doc.year)].value
        and n.pagu[str(doc.year)].status == "ok"
    ]
    t, n = rng.choice(cands)
    m = n.pagu[str(doc.year)]
    delta = rng.choice([1_000, -1_000])
    return replace_on_lines(
        lines, n.span.line_start, n.span.line_end, m.raw.strip(), restyle(m.raw.strip(), m.value + delta)
    ), f"{n.id} {delta:+}"


def mutate_target(doc, lines, rng):
    cands = [
        n
        for n in nodes(doc, "rencana", "subkegiatan")
        if n.indicators and str(doc.year) in n.indicators[0].targets and n.indicators[0].targets[str(doc.year)].value
    ]
    n = rng.choice(cands)
    q = n.indicators[0].targets[str(doc.year)]
    old = q.raw.strip()
    new = old.replace(str(int(q.value)), str(int(q.value) + 7), 1)
    return replace_on_lines(lines, n.span.line_start, n.span.line_end, old, new), n.id


def mutate_count(doc, lines, rng):
    cands = [c for c in doc.claims if c.kind == "count" and c.refers_to and c.value is not None]
    c = rng.choice(cands)
    num = re.search(r"\d+", c.raw).group(0)
    new_raw = c.raw.replace(num, str(int(num) + 2), 1)
    return replace_on_lines(lines, c.span.line_start, c.span.line_end, c.raw, new_raw), c.id


def mutate_row(doc, lines, rng):
    n = rng.choice(nodes(doc, "rencana", "subkegiatan"))
    for i in range(n.span.line_start - 1, n.span.line_end):
        lines[i] = ""
    return True, n.id


def corrections(doc, findings, lines):
    """Yield (finding, altered lines) for findings whose printed number can be set to expected."""
    for f in findings:
        if not (f.span and isinstance(f.found, int) and isinstance(f.expected, int)):
            continue
        for raw in {f"{f.found:,}", f"{f.found:,}".replace(",", "."), str(f.found)}:
            new = list(lines)
            if replace_on_lines(new, f.span.line_start, f.span.line_end, raw, restyle(raw, f.expected)):
                yield f, new
                break


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", nargs="?", default=str(sample_renja()))
    ap.add_argument("--per-kind", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    text = Path(args.sample).read_text(encoding="utf-8")
    path = args.sample
    t0 = time.perf_counter()
    doc, base = check(text, path)
    base_keys = keys(base)
    lines = text.split("\n")
    rng = random.Random(args.seed)
    kinds = {
        "pagu": lambda d, ls: mutate_pagu(d, ls, rng),
        "target": lambda d, ls: mutate_target(d, ls, rng),
        "count": lambda d, ls: mutate_count(d, ls, rng),
        "subtotal": lambda d, ls: mutate_pagu(d, ls, rng, level=rng.choice(["program", "kegiatan"])),
        "row": lambda d, ls: mutate_row(d, ls, rng),
        "total": lambda d, ls: mutate_total(d, ls, rng),
    }
    total = hit = 0
    for name, fn in kinds.items():
        k_total = k_hit = 0
        missed = []
        for _ in range(args.per_kind):
            altered = list(lines)
            try:
                ok, where = fn(doc, altered)
            except (IndexError, ValueError):
                ok, where = False, "-"
            if not ok:
                continue
            _, found = check("\n".join(altered), path)
            k_total += 1
            if keys(found) - base_keys:
                k_hit += 1
            else:
                missed.append(where)
        total += k_total
        hit += k_hit
        share = 100 * k_hit / k_total if k_total else float("nan")
        print(
            f"{name:10} detected {k_hit}/{k_total} ({share:.0f}%)"
            + (f"  missed: {missed}" if missed and args.verbose else "")
        )
    c_total = c_hit = 0
    still = []
    for f, altered in corrections(doc, base, lines):
        _, found = check("\n".join(altered), path)
        c_total += 1
        if any(g.rule == f.rule and g.locator == f.locator for g in found):
            still.append(f"{f.rule} {f.locator}")
        else:
            c_hit += 1
    print(
        f"{'corrected':10} no longer reported {c_hit}/{c_total}"
        f" ({100 * c_hit / c_total if c_total else float('nan'):.0f}%)"
        + (f"  still: {still}" if still and args.verbose else "")
    )
    print(
        f"alterations detected: {hit}/{total} ({100 * hit / total if total else float('nan'):.0f}%); "
        f"corrections holding: {c_hit}/{c_total}; baseline findings: {len(base)}; "
        f"time {time.perf_counter() - t0:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
