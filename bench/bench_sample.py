"""Ingest and check time of the sample, in-process, after import (goals: <100 ms, <200 ms).

    python bench/bench_sample.py [SAMPLE.txt] [-n RUNS]
Prints min / median / max over RUNS runs; the first (cold: nomenclature load) separately.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from renja_check.corpus import load_corpus
from renja_check.engine import run
from renja_check.ingest.pdftext import parse_text
from renja_check.models import Dossier
from renja_check.paths import sample_renja
from renja_check.ruleset import load_ruleset


def timed(fn, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def show(label, xs):
    print(f"{label:34} min {min(xs):7.1f} ms  median {statistics.median(xs):7.1f} ms  max {max(xs):7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", nargs="?", default=str(sample_renja()))
    ap.add_argument("-n", type=int, default=20)
    a = ap.parse_args()
    text = Path(a.sample).read_text(encoding="utf-8")
    t = time.perf_counter()
    corpus = load_corpus()
    print(f"{'nomenclature load (once)':34} {(time.perf_counter() - t) * 1000:7.1f} ms")
    t = time.perf_counter()
    rules = load_ruleset()
    print(f"{'rule files load (once)':34} {(time.perf_counter() - t) * 1000:7.1f} ms  ({len(rules.rules)} rules)")
    t = time.perf_counter()
    doc = parse_text(text, a.sample)
    print(f"{'ingest, first run':34} {(time.perf_counter() - t) * 1000:7.1f} ms")
    show("ingest (parse_text)", timed(lambda: parse_text(text, a.sample), a.n))
    dossier = Dossier(documents=[doc])
    show("check (engine.run, all rules)", timed(lambda: run(rules, dossier, corpus), a.n))
    n = sum(len(t.nodes) for t in doc.tables)
    print(
        f"sample: {len(doc.tables)} tables, {n} nodes, {len(doc.claims)} claims, "
        f"{len(run(rules, dossier, corpus).findings)} findings"
    )


if __name__ == "__main__":
    main()
