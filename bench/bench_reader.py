"""First-call and warm-call time of the text reader on the embedded sample (prints, never asserts).

    python bench/bench_reader.py [-n RUNS] [--warm K] [FILE]

Each run is a fresh ``python`` process that imports ``renja_check.ingest``, then times
``load_document(FILE)`` once (first call: the reader's lazy imports, its regexes compiled,
the nomenclature loaded) and K more times (warm calls). Prints medians over RUNS processes
of the first call, the warm call (each process's median) and the import itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from renja_check.ingest import load_document
from renja_check.paths import sample_renja
path = Path(sys.argv[1]) if sys.argv[1] else sample_renja()
t1 = time.perf_counter()
load_document(path)
t2 = time.perf_counter()
warm = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    load_document(path)
    warm.append(time.perf_counter() - t)
warm.sort()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "warm": warm[len(warm) // 2] if warm else 0.0}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="", help="document to read (default: the embedded sample)")
    ap.add_argument("-n", type=int, default=7, help="fresh processes (default 7)")
    ap.add_argument("--warm", type=int, default=5, help="warm calls per process (default 5)")
    a = ap.parse_args()
    runs = []
    for _ in range(a.n):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, a.file, str(a.warm)], capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    for key, label in (("import", "import renja_check.ingest"), ("first", "first call"), ("warm", "warm call")):
        xs = [r[key] * 1000 for r in runs]
        print(f"{label:26} median {statistics.median(xs):7.1f} ms  min {min(xs):7.1f} ms  max {max(xs):7.1f} ms")
    print(f"({a.n} fresh processes, {a.warm} warm calls each; file: {a.file or 'embedded sample'})")


if __name__ == "__main__":
    main()
