"""Whole-pemda run over a folder of SIPD-RI Renja files (default: the 54 of Bengkulu Utara 2026).

    python bench/bench_dossier.py [FOLDER] [--copies 1,2,5,10] [--workers N]

For each number of copies k, a fresh Python process checks a folder holding k copies of
every file (symlinks under new names: k x 54 agencies) with the shipped rules, agency by
agency (``pemda.run_pemda``: a process pool when there are many). Printed per k: files,
wall seconds of the run (reading + rules, rule loading excluded), files per second, the
time per file relative to k=1 (1.00 or less: linear or better), CPU milliseconds per file
(main process and pool workers: steadier than wall time on a busy machine), and peak memory
(max RSS of the main process and of the largest pool worker). Goal: at least 50 files/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from shared_paths import SIPD_FOLDER

DEFAULT = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pool workers): robust to a busy machine."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def one(folder: Path, k: int, workers: int | None) -> dict:
    """Run in a child process: k copies of ``folder``, one whole-pemda run."""
    from renja_check.api import load_rules
    from renja_check.corpus import load_corpus
    from renja_check.ingest.dossier_file import folder_pemda
    from renja_check.pemda import run_pemda

    rules, corpus = load_rules(), load_corpus()
    files = sorted(p for p in folder.iterdir() if p.suffix == ".json")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(k):
            for f in files:
                os.symlink(f.resolve(), Path(tmp) / f"c{i:02d}-{f.name}")
        pemda = folder_pemda(Path(tmp))
        c0 = _cpu()
        t0 = time.perf_counter()
        result = run_pemda(rules, pemda, corpus, workers=workers)
        secs = time.perf_counter() - t0
        cpu = _cpu() - c0
    kb_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kb_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "k": k,
        "files": len(pemda.agencies),
        "seconds": round(secs, 3),
        "cpu": round(cpu, 3),
        "findings": len(result.findings),
        "peak_mb_main": round(kb_self / 1024, 1),
        "peak_mb_worker": round(kb_child / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--copies", default="1,2,5,10", help="numbers of copies of the folder, e.g. 1,2,3,...,10")
    ap.add_argument("--workers", type=int, default=None, help="pool size (default: one per core)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one is not None:
        print(json.dumps(one(a.folder, a.one, a.workers)))
        return
    print(f"folder: {a.folder}  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    print(
        f"{'copies':>6} {'files':>6} {'seconds':>8} {'files/s':>8} {'per-file vs k=1':>16} "
        f"{'cpu ms/file':>12} {'peak MB main':>13} {'peak MB worker':>15} {'findings':>9}"
    )
    base = None
    for k in [int(x) for x in a.copies.split(",")]:
        cmd = [sys.executable, __file__, str(a.folder), "--one", str(k)]
        if a.workers is not None:
            cmd += ["--workers", str(a.workers)]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        per_file = r["seconds"] / r["files"]
        base = base or per_file
        print(
            f"{k:>6} {r['files']:>6} {r['seconds']:>8.2f} {r['files'] / r['seconds']:>8.1f} "
            f"{per_file / base:>16.2f} {1000 * r['cpu'] / r['files']:>12.1f} {r['peak_mb_main']:>13.1f} {r['peak_mb_worker']:>15.1f} {r['findings']:>9}"
        )


if __name__ == "__main__":
    main()
