"""First-call and warm-call time of the text reader on the embedded sample (prints, never asserts).

    python bench/bench_reader.py [-n RUNS] [--warm K] [FILE]

Each run is a fresh ``python`` process that imports ``renja_check.ingest``, then times
``load_document(FILE)`` once (first call: the reader's lazy imports, its regexes compiled,
the nomenclature loaded) and K more times (warm calls). Prints medians over RUNS processes
of the first call, the warm call (each process's median) and the import itself, as wall
time and as the process's CPU time (steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, sys, time
W, C = time.perf_counter, time.process_time
w0, c0 = W(), C()
from pathlib import Path
from renja_check.ingest import load_document
from renja_check.paths import sample_renja
path = Path(sys.argv[1]) if sys.argv[1] else sample_renja()
w1, c1 = W(), C()
load_document(path)
w2, c2 = W(), C()
warm, warm_cpu = [], []
for _ in range(int(sys.argv[2])):
    w, c = W(), C()
    load_document(path)
    warm.append(W() - w)
    warm_cpu.append(C() - c)
mid = lambda xs: sorted(xs)[len(xs) // 2] if xs else 0.0
print(json.dumps({
    "import": [w1 - w0, c1 - c0], "first": [w2 - w1, c2 - c1], "warm": [mid(warm), mid(warm_cpu)]
}))
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
        wall = [r[key][0] * 1000 for r in runs]
        cpu = [r[key][1] * 1000 for r in runs]
        print(
            f"{label:26} median {statistics.median(wall):7.1f} ms  min {min(wall):7.1f} ms  max {max(wall):7.1f} ms"
            f"   cpu median {statistics.median(cpu):7.1f} ms"
        )
    print(f"({a.n} fresh processes, {a.warm} warm calls each; file: {a.file or 'embedded sample'})")


if __name__ == "__main__":
    main()
