"""Phase times of ``renja-check check`` after reading: corpus load, engine.run (per kind),
screen, CheckReport.build, render, store save and close. Prints medians; no asserts.

    python bench/bench_engine.py [INPUT ...] [-n RUNS] [--warm N] [--format text]

Each of RUNS fresh processes does one check as the CLI does (so lazy caches, regex
compiles and the corpus load are paid once, as in a real run) and reports its phases;
``--warm N`` also repeats engine.run N times in one process after the first run.
Phases follow the CLI: the run is saved, then the report rendered, then the store closed
(its checkpoint may overlap the rendering). The store is a file in a temporary folder,
made before the check. Children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE``
dropped): a module imported inside a phase should cost its load, not its compilation.
``--cpu`` reports CPU time instead of wall time (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

CLOCK = time.perf_counter  # --cpu: time.process_time (CPU time: steadier on a busy machine)


def one(inputs: list[str], fmt: str, warm: int) -> dict[str, float]:
    """One check in this process, phase by phase (ms)."""
    times: dict[str, float] = {}

    gc_seen = [0.0]  # gc time already attributed to a phase

    def lap(name: str, t0: float) -> float:
        t1 = CLOCK()
        times[name] = times.get(name, 0.0) + (t1 - t0) * 1000
        gc_now = times.get("gc (inside the phases)", 0.0)
        if gc_now > gc_seen[0]:
            times[f"  gc inside {name}"] = gc_now - gc_seen[0]
            gc_seen[0] = gc_now
        return t1

    import gc

    gc.set_threshold(20000, 50, 100)  # as `renja-check check` does (cli/check.py _tune_gc)
    t = CLOCK()
    from renja_check import api
    from renja_check.baseline import screen
    from renja_check.engine import run
    from renja_check.kinds import KINDS
    from renja_check.report import render
    from renja_check.report.model import CheckReport
    from renja_check.store import Store

    t = lap("import", t)
    tmp = tempfile.TemporaryDirectory()
    db = Path(tmp.name) / "bench.db"
    with Store(db, required=True) as s:  # made before: a store already holds runs
        s.conn  # noqa: B018 - the schema made
    gc.freeze()
    t = CLOCK()
    collecting: dict[str, float] = {}

    def on_gc(phase: str, info: dict) -> None:  # time spent collecting, inside the phases
        if phase == "start":
            collecting["start"] = CLOCK()
        else:
            times["gc (inside the phases)"] = (
                times.get("gc (inside the phases)", 0.0) + (CLOCK() - collecting["start"]) * 1000
            )

    gc.callbacks.append(on_gc)
    rs = api.select_rules(api.load_rules(), [], [])
    t = lap("rules", t)
    corpus = api.load_corpus()  # before reading: the readers use it too
    t = lap("corpus", t)
    paths = [Path(p) for p in inputs] or api.default_inputs()
    dossier = api.load_inputs(paths)
    t = lap("read", t)

    per_kind: dict[str, float] = defaultdict(float)
    originals = {}
    for name, kind in KINDS.items():  # time each kind (evaluate drained inside the engine)
        originals[name] = kind.evaluate

        def timed(rule, ctx, _f=kind.evaluate, _n=name):
            t0 = CLOCK()
            out = list(_f(rule, ctx))
            per_kind[_n] += (CLOCK() - t0) * 1000
            return out

        kind.evaluate = timed
    t = CLOCK()
    result = run(rs, dossier, corpus)
    t = lap("engine.run", t)
    for name, kind in KINDS.items():
        kind.evaluate = originals[name]
    kinds_total = sum(per_kind.values())
    for name, ms in per_kind.items():
        times[f"  kind {name}"] = ms
    times["  engine other (fold, labels, sort)"] = times["engine.run"] - kinds_total
    screened = screen(result.findings, None, None, None)
    t = lap("screen", t)
    report = CheckReport.build(result, screened, rules=rs.rules, inputs=paths, fail_on="error")
    t = lap("CheckReport.build", t)
    # as `renja-check check` does: the run saved, the report rendered and written, the store closed
    t = CLOCK()
    store = Store(db, required=True)
    store.conn  # noqa: B018 - open the file
    t = lap("store open", t)
    store.save_run(result, inputs=paths, dossier=dossier, report=report)
    t = lap("store save_run", t)
    text = render(report, fmt, "id")
    t = lap(f"render {fmt}", t)
    store.close()
    t = lap("store close", t)
    for _ in range(warm):
        t = CLOCK()
        run(rs, dossier, corpus)
        lap("engine.run warm (mean)", t)
    if warm:
        times["engine.run warm (mean)"] /= warm
    times["= after reading (corpus+engine+render+store)"] = sum(
        times[k] for k in ("corpus", "engine.run", f"render {fmt}", "store open", "store save_run", "store close")
    )
    times["findings"] = len(result.findings)
    tmp.cleanup()
    assert len(text) > 0
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("-n", type=int, default=7, help="fresh processes")
    ap.add_argument("--warm", type=int, default=0, help="engine.run repeats in-process after the first")
    ap.add_argument("--format", default="text")
    ap.add_argument("--cpu", action="store_true", help="CPU time of the process instead of wall time")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.cpu:
        global CLOCK
        CLOCK = time.process_time
    if a.child:
        print(json.dumps(one(a.inputs, a.format, a.warm)))
        return
    runs = []
    env = dict(os.environ)
    # modules imported lazily inside a phase (report formats) load from their .pyc, as installed
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for _ in range(a.n):
        cmd = [sys.executable, __file__, "--child", "--format", a.format, "--warm", str(a.warm), *a.inputs]
        cmd[3:3] = ["--cpu"] if a.cpu else []
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    keys = list(dict.fromkeys(k for r in runs for k in r))
    clock = "CPU time" if a.cpu else "wall time"
    print(f"{len(runs)} fresh processes ({clock}), inputs: {' '.join(a.inputs) or '(default dossier)'}")
    for k in keys:
        xs = [r.get(k, 0.0) for r in runs]
        if k == "findings":
            print(f"{k:48} {int(xs[0])}")
            continue
        print(f"{k:48} median {statistics.median(xs):7.1f} ms  min {min(xs):7.1f}  max {max(xs):7.1f}")


if __name__ == "__main__":
    main()
