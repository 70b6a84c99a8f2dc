"""Time from starting the TUI to its first screen with findings (goal: under 1 s on the sample).

    python bench/bench_tui.py [-n RUNS] [--sipd FOLDER]
    python bench/bench_tui.py --screenshot docs/tui.svg   # the README's screenshot

Each run is a fresh interpreter (``--child``), so imports count: the parent starts it and
stops the clock when the child reports that the findings table is filled. The child runs
the app headless (Textual's test driver) at 120x40 and also prints where its time went.
Second case: the 54-agency SIPD-RI folder of the shared reference material.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path
from shared_paths import SIPD_FOLDER

ROOT = Path(__file__).resolve().parents[1]
SIPD = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material


def child(inputs: list[str]) -> None:
    """The production start (``tui.build_app``: check forked before Textual loads), headless."""
    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from tui import build_app

    app = build_app([Path(p) for p in inputs])
    t_built = time.perf_counter()
    from tui.widgets.findings import FindingsPane

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = len(app.query_one(FindingsPane).shown)
            print(f"ready {shown}", flush=True)

    asyncio.run(main())
    print(
        f"child: imports and app {1000 * (t_built - t0):.0f} ms, cpu {1000 * time.process_time():.0f} ms "
        "in the interface process",
        flush=True,
    )


def screenshot(path: Path, size=(120, 34)) -> None:
    """Save an SVG of the sample's findings with a sum finding (every addend) selected."""
    sys.path.insert(0, str(ROOT))
    from tui.app import RenjaApp
    from tui.session import check_session

    session = check_session()
    pick = next((f for f in session.findings if f.evidence.get("addends")), session.findings[0])

    async def main() -> None:
        app = RenjaApp(session)
        async with app.run_test(size=size) as pilot:
            app.select_finding(pick.fingerprint)
            await pilot.pause()
            path.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(path.name, str(path.parent))

    asyncio.run(main())
    print(f"screenshot: {path}")


def measure(inputs: list[str], runs: int) -> tuple[list[float], str, int]:
    times, detail, count = [], "", 0
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", *inputs], stdout=subprocess.PIPE, text=True)
        for line in proc.stdout:
            if line.startswith("ready"):
                times.append(1000 * (time.perf_counter() - t0))
                count = int(line.split()[1])
            elif line.startswith("child:"):
                detail = line.strip()
        proc.wait()
    return times, detail, count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--sipd", type=Path, default=SIPD)
    ap.add_argument("--child", nargs="*")
    ap.add_argument("--screenshot", type=Path)
    a = ap.parse_args()
    if a.screenshot:
        screenshot(a.screenshot)
        return
    if a.child is not None:
        child(a.child)
        return
    cases = [("sample", [])]
    if a.sipd.is_dir():
        cases.append((f"SIPD folder ({len(list(a.sipd.glob('*.json')))} files)", [str(a.sipd)]))
    else:
        print(f"(no SIPD folder at {a.sipd}: skipped)")
    for name, inputs in cases:
        times, detail, count = measure(inputs, a.n)
        print(
            f"{name}: first screen with {count} findings in min {min(times):.0f} ms, "
            f"median {statistics.median(times):.0f} ms over {len(times)} runs  [{detail}]"
        )


if __name__ == "__main__":
    main()
