"""Ingest time of every SIPD-RI Renja file of a folder (default: the 54 files of Bengkulu Utara 2026).

python bench/bench_ingest_sipd.py [FOLDER] [-n RUNS]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from renja_check.ingest import load_dossier
from shared_paths import SIPD_FOLDER

DEFAULT = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-n", type=int, default=3)
    a = ap.parse_args()
    times = []
    for _ in range(a.n):
        t = time.perf_counter()
        d = load_dossier([a.folder])
        times.append((time.perf_counter() - t) * 1000)
    nodes = sum(len(t.nodes) for doc in d.documents for t in doc.tables)
    subs = sum(1 for doc in d.documents for t in doc.tables for n in t.nodes if n.level == "subkegiatan")
    print(f"{len(d.documents)} files, {subs} sub kegiatan rows, {nodes} nodes")
    print(
        f"ingest ms: min {min(times):.0f}  median {statistics.median(times):.0f}  max {max(times):.0f}"
        f"  ({min(times) / len(d.documents):.1f} ms/file)"
    )


if __name__ == "__main__":
    main()
