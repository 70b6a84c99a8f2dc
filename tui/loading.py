"""Start the slow work (reading and checking) as early as possible, beside the interface.

Where ``fork`` exists the check runs in a child process started before Textual is imported,
and the session comes back pickled (cheap next to the check); elsewhere the app's worker
thread runs it. Errors come back as ``LoadError`` with the message in both languages.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Callable, Optional, Sequence

from .session import Progress, Session, check_session, store_session


class LoadError(Exception):
    def __init__(self, en: str, id_: str) -> None:
        super().__init__(en)
        self.en, self.id_ = en, id_

    def text(self, lang: str) -> str:
        return self.id_ if lang == "id" else self.en


def start_loading(
    inputs: Sequence[Path], *, db: Optional[Path] = None, waivers: Optional[Path] = None, use_store: bool = False
) -> Callable[[Progress], Session]:
    def work(progress: Progress = lambda stage: None) -> Session:
        if use_store:
            return store_session(db, waivers=waivers, progress=progress)
        return check_session(inputs, waivers=waivers, progress=progress)

    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this system: the app's worker thread does the work
        return work
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, work), daemon=True)
    proc.start()
    sender.close()

    def loader(progress: Progress) -> Session:
        progress("stage_check")
        try:
            ok, payload = receiver.recv()
        except EOFError:  # the child died: do the work here instead
            return work(progress)
        finally:
            proc.join(timeout=5)
        if ok:
            return payload
        raise LoadError(*payload)

    return loader


def _child(sender, work: Callable[[], Session]) -> None:
    # nothing the readers print (library warnings) may reach the terminal Textual draws on
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        result = (True, work())
    except Exception as exc:  # sent back to the app, which shows it
        if hasattr(exc, "text"):
            result = (False, (exc.text("en"), exc.text("id")))
        else:
            msg = f"{type(exc).__name__}: {exc}"
            result = (False, (msg, msg))
    sender.send(result)
    sender.close()
