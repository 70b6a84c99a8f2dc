"""Pausing the cyclic garbage collector around work that makes no cycles.

Saving a run builds thousands of short-lived rows (tuples, dicts) that reference counting
frees; a collection that starts among them scans every young object of the check (several
milliseconds) and finds nothing to free. ``paused()`` keeps the collector off for the
block and restores its state after (a caller that had it off keeps it off).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
