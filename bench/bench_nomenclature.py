"""Nomenclature rules on real data, and node matching speed.

    python bench/bench_nomenclature.py [SIPD_FOLDER]

1. NM rules over every SIPD-RI file of the folder: official names should give no finding
   (prints the counts per rule and every finding, with the run time).
2. Every node of the sample matched against the corpus (code lookup, else name match
   restricted to the agency's bidang): goal < 50 ms.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from renja_check import api
from renja_check.corpus import load_nomenclature
from renja_check.paths import sample_renja
from shared_paths import SIPD_FOLDER

DEFAULT = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material


def sipd_run(folder: Path) -> None:
    t = time.perf_counter()
    r = api.check([folder], select=["NM"])
    ms = (time.perf_counter() - t) * 1000
    print(
        f"NM rules on {r.stats.documents} SIPD files ({r.stats.nodes} nodes): "
        f"{len(r.findings)} findings {dict(Counter(f.rule for f in r.findings))}; "
        f"{ms:.0f} ms incl. ingest, rules {r.stats.duration_ms:.0f} ms"
    )
    for f in r.findings:
        print(f"  {Path(f.document).name}:{f.span.line_start if f.span else ''} {f.rule} {f.text('en')[:160]}")


def match_run() -> None:
    nom = load_nomenclature()
    doc = api.extract(sample_renja())
    nodes = [n for t in doc.tables for n in t.nodes if n.level in ("program", "kegiatan", "subkegiatan")]
    best = None
    for _ in range(5):
        t = time.perf_counter()
        found = 0
        for n in nodes:
            e = nom.get(n.code) if n.code else None
            if e is None and n.name:
                e = next(iter(nom.match_name(n.name, n.level, doc.bidang, limit=1)), None)
            found += e is not None
        ms = (time.perf_counter() - t) * 1000
        best = ms if best is None else min(best, ms)
    print(f"matched {found}/{len(nodes)} sample nodes against the corpus in {best:.1f} ms (goal < 50 ms)")
    t = time.perf_counter()
    for n in nodes:
        if n.name:
            nom.match_name(n.name, n.level, doc.bidang, limit=1)
    print(f"by name only (no code lookup): {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    sipd_run(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    match_run()
