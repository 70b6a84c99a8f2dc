"""A progress bar for whole-pemda runs: on stderr, only on a terminal, never in CI."""

from __future__ import annotations

import os
import sys
from typing import Callable, Optional

WIDTH = 30


def progress_bar(lang: str = "id", stream=None) -> Optional[Callable[[int, int], None]]:
    """``progress(done, total)`` drawing on stderr, or None when stderr is not a terminal
    (output redirected, piped) or ``CI`` is set: then the run stays quiet."""
    stream = stream or sys.stderr
    ci = os.environ.get("CI", "").strip().lower()
    if not stream.isatty() or ci not in ("", "0", "false", "no"):
        return None
    what = "perangkat daerah" if lang == "id" else "agencies"

    def draw(done: int, total: int) -> None:
        if total < 2:
            return
        fill = WIDTH * done // total
        stream.write(f"\r[{'#' * fill}{'.' * (WIDTH - fill)}] {done}/{total} {what}")
        if done == total:
            stream.write("\r" + " " * (WIDTH + len(what) + 16) + "\r")
        stream.flush()

    return draw
