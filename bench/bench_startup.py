"""Start-up and scale benchmark on fresh processes, as ratios to a bare ``python -c pass``.

    python bench/bench_startup.py [-n RUNS] [--folder SIPD_FOLDER] [--no-scale]

Each round runs every command once, interleaved, so load on a shared machine hits them
alike; the figures are medians over RUNS rounds. Wall time, CPU time (user + system of
the child) and peak memory (max RSS) come from ``os.wait4`` on the child. Goals (issue 12):
``--help`` <= 8x, ``check`` of the sample <= 25x, the SIPD folder <= 60x; CPU and peak
memory at 1x, 3x and 10x the folder grow linearly (the "per x" columns stay flat).
The figures are printed, never asserted: timing is not a test.

Children run as a user's would: byte-code caches allowed (``PYTHONDONTWRITEBYTECODE`` is
dropped; the warm-up run writes them) and the parsed-data cache (``renja_check.cache``) in
a temp dir filled by the warm-up; "check sample, no cache" runs with it off, and
"--no-store" without saving the run into the (temporary) store.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_paths import SIPD_FOLDER  # bench/ is on sys.path when a script in it runs

DEFAULT_FOLDER = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material
GOALS = {"--help": 8, "check sample": 25, "check folder": 60}


def tool() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m renja_check``."""
    script = Path(sys.executable).with_name("renja-check")
    return [str(script)] if script.exists() else [sys.executable, "-m", "renja_check"]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall ms, CPU ms, peak RSS MiB and exit code of one fresh process (trailing NAME=VALUE
    items of ``cmd`` go to its environment)."""
    env = dict(env)
    while cmd and "=" in cmd[-1] and cmd[-1].split("=", 1)[0].isupper():
        k, v = cmd[-1].split("=", 1)
        env[k], cmd = v, cmd[:-1]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss / 1024, p.returncode


def scaled_folder(src: Path, factor: int, into: Path) -> Path:
    """``factor`` copies of every JSON file of ``src`` in one folder (symlinks, no copy)."""
    dest = into / f"x{factor}"
    dest.mkdir()
    for f in sorted(src.glob("*.json")):
        for i in range(factor):
            (dest / f"{f.stem}.{i}{f.suffix}").symlink_to(f.resolve())
    return dest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5, help="rounds (medians over them)")
    ap.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--no-scale", action="store_true", help="skip the 3x / 10x folder runs")
    a = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    tmp = Path(tempfile.mkdtemp(prefix="renja-bench-"))
    env["RENJA_CHECK_DB"] = str(tmp / "bench.sqlite")  # never the developer's store
    env["RENJA_CHECK_CACHE"] = str(tmp / "cache")
    base = tool()
    check = [*base, "check", "--format", "json", "-o", str(tmp / "out.json")]
    cmds: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--help": [*base, "--help"],
        "check sample": check,
        "check sample, no cache": [*check, "RENJA_CHECK_CACHE=off"],
        "check sample, --no-store": [*check, "--no-store"],
    }
    folder = a.folder if a.folder.is_dir() else None
    if folder:
        cmds["check folder"] = [*check, str(folder)]
    else:
        print(f"(SIPD folder not found: {a.folder}; folder runs skipped)")
    scale: dict[int, list[str]] = {}
    if folder and not a.no_scale:
        for k in (3, 10):
            scale[k] = [*check, str(scaled_folder(folder, k, tmp))]
    try:
        for cmd in cmds.values():  # warm the OS file cache once
            run_once(cmd, env)
        res: dict[str, list[tuple[float, float, float, int]]] = {k: [] for k in cmds}
        for _ in range(a.n):
            for name, cmd in cmds.items():
                res[name].append(run_once(cmd, env))
        scale_res = {k: [run_once(cmd, env) for _ in range(max(1, a.n // 3))] for k, cmd in scale.items()}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def med(xs, i):
        return statistics.median(x[i] for x in xs)

    bare = med(res["python -c pass"], 0)
    print(f"renja-check start-up, medians of {a.n} fresh processes (ratio = wall / python -c pass)")
    bare_cpu = med(res["python -c pass"], 1)
    print(
        f"{'command':24} {'wall ms':>9} {'ratio':>7} {'goal':>6} {'cpu ms':>8} {'cpu ratio':>9} {'peak MiB':>9}"
        f" {'exit':>5}"
    )
    for name, xs in res.items():
        wall = med(xs, 0)
        goal = GOALS.get(name)
        mark = "" if goal is None else (f"<={goal}x" if wall / bare <= goal else f"!{goal}x")
        cpu = med(xs, 1)
        print(
            f"{name:24} {wall:9.1f} {wall / bare:6.1f}x {mark:>6} {cpu:8.1f} {cpu / bare_cpu:8.1f}x {med(xs, 2):9.1f}"
            f" {xs[-1][3]:5d}"
        )
    if scale_res:
        one = res["check folder"]
        rows = [(1, one), *sorted(scale_res.items())]
        bare_mem = med(res["python -c pass"], 2)
        c1, m1 = med(one, 1) - bare_cpu, med(one, 2) - bare_mem
        print("folder scale (CPU and peak memory above a bare interpreter; linear = 'per x' stays flat)")
        print(f"{'size':6} {'wall ms':>9} {'cpu ms':>9} {'cpu per x':>10} {'peak MiB':>9} {'MiB per x':>10}")
        for k, xs in rows:
            c, m = med(xs, 1) - bare_cpu, med(xs, 2) - bare_mem
            print(f"{k:4d}x  {med(xs, 0):9.1f} {c:9.1f} {c / k / c1:9.2f}u {m:9.1f} {m / k / m1:9.2f}u")


if __name__ == "__main__":
    main()
