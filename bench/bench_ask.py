"""The assistant's accuracy and speed on the question set (tests/assistant/questions.yaml).

    python bench/bench_ask.py [-n REPEATS] [--pemda FOLDER]

Checks the embedded sample into a temporary store, then asks every question of the set
in-process (reference corpora and the run loaded first, as in a long-lived TUI) and prints
accuracy, p50/p95/max latency (goal: all right, p95 < 50 ms), the cold first question, and the
wall time of a whole ``renja-check ask`` process. ``--pemda FOLDER`` also checks a whole
pemda (e.g. the 54 SIPD-RI files) and times generic questions on that larger run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from renja_check import api  # noqa: E402
from renja_check.assistant import ask  # noqa: E402
from renja_check.assistant.reference import load_reference  # noqa: E402
from renja_check.paths import sample_renja  # noqa: E402
from renja_check.store import Store  # noqa: E402
from tests.assistant.test_questions import check  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


GENERIC = [
    "pagu Penyediaan Gaji dan Tunjangan ASN tahun 2026",
    "sub kegiatan mana yang pagunya nol?",
    "sub kegiatan mana yang pagunya berubah?",
    "berapa total pagu?",
    "ada berapa sub kegiatan?",
    "temuan error",
    "sub kegiatan apa yang pagunya paling besar?",
    "cari jalan",
    "indikator daerah lain untuk Penyediaan Bahan Logistik Kantor",
    "which sub kegiatan differ between tables?",
]


def bench_pemda(folder: Path, store: Store) -> str:
    t0 = time.perf_counter()
    api.check_report([folder], store=store)
    check_ms = (time.perf_counter() - t0) * 1000
    run_id = store.latest_run_id()
    ask(GENERIC[0], store=store, run_id=run_id)
    times = []
    for q in GENERIC * 3:
        t0 = time.perf_counter()
        ask(q, store=store, run_id=run_id)
        times.append((time.perf_counter() - t0) * 1000)
    nodes = store.run(run_id)["nodes"]
    return (
        f"whole pemda ({folder.name}: {nodes} rows): check + save {check_ms:.0f} ms; {len(times)} generic "
        f"questions p50 {statistics.median(times):.1f} ms, p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--repeats", type=int, default=3)
    ap.add_argument("--pemda", type=Path, help="a folder of inputs checked as one run (whole pemda)")
    args = ap.parse_args()
    cases = yaml.safe_load((ROOT / "tests/assistant/questions.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store(db)
        t0 = time.perf_counter()
        api.check_report([sample_renja()], store=store)
        check_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        ask("berapa pagu Pengelolaan Promosi ASN tahun 2023?", store=store, run_id=1)
        cold_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        load_reference()
        ref_ms = (time.perf_counter() - t0) * 1000
        times, wrong = [], []
        for case in cases:
            for i in range(args.repeats):
                t0 = time.perf_counter()
                answer = ask(case["q"], store=store, run_id=1)
                times.append((time.perf_counter() - t0) * 1000)
            errors = check(answer, case)
            if errors:
                wrong.append((case["q"], errors))
        pemda = bench_pemda(args.pemda, store) if args.pemda else None
        store.close()
        env = dict(os.environ, RENJA_CHECK_DB=str(db))
        proc, cpu = [], []
        for question in (
            "berapa pagu Pengelolaan Promosi ASN tahun 2023?",
            "indikator apa yang dipakai daerah lain untuk 5.03.02.2.02.0003?",
        ):
            for _ in range(3):
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(["renja-check", "ask", question], env=env, capture_output=True, check=False)
                proc.append((time.perf_counter() - t0) * 1000)
                now = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append((now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime) * 1000)
    right = len(cases) - len(wrong)
    print(f"questions: {len(cases)}  right: {right}  accuracy: {right / len(cases):.1%}")
    for q, errors in wrong:
        print(f"  WRONG {q[:70]!r}: {errors}")
    print(
        f"check + save of the sample: {check_ms:.0f} ms; first question (loads the run): {cold_ms:.0f} ms; "
        f"loading the nomenclature and SIPD indicator corpora: {ref_ms:.0f} ms"
    )
    print(
        f"in-process latency over {len(times)} asks: p50 {statistics.median(times):.2f} ms, "
        f"p95 {pct(times, 95):.2f} ms, max {max(times):.2f} ms (goal p95 < 50 ms)"
    )
    if pemda:
        print(pemda)
    print(
        f"whole process `renja-check ask`: median {statistics.median(proc):.0f} ms wall, "
        f"{statistics.median(cpu):.0f} ms CPU ({len(proc)} runs: a dossier and a SIPD-corpus question)"
    )


if __name__ == "__main__":
    main()
