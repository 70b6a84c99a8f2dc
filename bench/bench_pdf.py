"""PDF reading speed on the three real Renja of ../shared/samples/real (beside the checkout).

    python bench/bench_pdf.py [-n RUNS] [--compare]

Prints, per document: pages, words, extraction pages/s (PDFium words with positions), the
whole ``load_document`` time, rows and printed totals read from the plan table; then the
whole-process time of ``renja-check check`` (a fresh process, start-up included) and its peak
memory (max RSS of the child). ``--compare`` also times pypdf's plain ``extract_text`` and
pypdf's layout mode (and pdfplumber when installed) on the same files, the measurement
behind the choice of PDFium.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renja_check.ingest import load_document
from renja_check.ingest.pdf import read_positioned

REAL = Path(__file__).resolve().parents[2] / "shared" / "samples" / "real"


def _best(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _pypdf(path: Path, mode: str) -> None:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    for p in PdfReader(path).pages:
        p.extract_text(extraction_mode=mode)


def _plumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for p in pdf.pages:
            p.extract_words()


# the child reports its own peak (VmHWM is per address space: exec starts it afresh, unlike
# ru_maxrss, which keeps the RSS the child had as a fork of this process)
CHILD = (
    "import atexit, sys\n"
    "def _hwm():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('VMHWM ' + line.split()[1] + '\\n')\n"
    "atexit.register(_hwm)\n"
    "from renja_check.cli import main\n"
    "main()\n"
)


def _check_process(path: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of ``renja-check check PATH`` in a fresh process
    (CPU time says what the wall time would be on an idle machine)."""
    env = dict(os.environ, RENJA_CHECK_DB=str(Path(tempfile.mkdtemp()) / "bench.db"))
    cmd = [sys.executable, "-c", CHILD, "check", str(path)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    dt = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"renja-check check {path} exited {code}")
    peak = next((int(ln.split()[1]) for ln in err.splitlines() if ln.startswith("VMHWM ")), 0)
    return dt, usage.ru_utime + usage.ru_stime, peak / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--compare", action="store_true")
    a = ap.parse_args()
    files = sorted(REAL.glob("*.pdf"))
    if not files:
        sys.exit(f"no PDF under {REAL}")
    for path in files:
        pages = read_positioned(path)
        words = sum(len(p.words) for p in pages)
        ext = _best(lambda: read_positioned(path), a.n)
        load = _best(lambda: load_document(path), a.n)
        doc = load_document(path)
        plan = doc.tables_with_role("rencana")
        rows = len(plan[0].nodes) if plan else 0
        totals = sum(1 for n in plan[0].nodes if n.level == "total") if plan else 0
        amounts = sum(len(n.pagu) for n in plan[0].nodes) if plan else 0
        print(
            f"{path.name}: {len(pages)} pages, {words} words; PDFium {len(pages) / ext:.0f} pages/s "
            f"({ext * 1000:.0f} ms); load_document {load * 1000:.0f} ms; plan table rows {rows}, "
            f"amounts {amounts}, total rows {totals}"
        )
        if a.compare:
            for name, fn in (
                ("pypdf plain", lambda: _pypdf(path, "plain")),
                ("pypdf layout", lambda: _pypdf(path, "layout")),
            ):
                dt = _best(fn, 1)
                print(f"    {name}: {len(pages) / dt:.0f} pages/s ({dt * 1000:.0f} ms)")
            try:
                dt = _best(lambda: _plumber(path), 1)
                print(f"    pdfplumber words: {len(pages) / dt:.0f} pages/s ({dt * 1000:.0f} ms)")
            except ImportError:
                print("    pdfplumber: not installed")
    big = max(files, key=lambda p: len(read_positioned(p)))
    runs = [_check_process(big) for _ in range(a.n)]
    print(
        f"renja-check check {big.name} (whole process): wall min {min(r[0] for r in runs):.2f} s, "
        f"median {statistics.median(r[0] for r in runs):.2f} s; CPU min {min(r[1] for r in runs):.2f} s; "
        f"peak memory {max(r[2] for r in runs):.0f} MiB"
    )


if __name__ == "__main__":
    main()
