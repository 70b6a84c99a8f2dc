"""Writing reports, baselines and models: never over an input, never half a file.

``refuse_overwrite`` stops a write whose target is one of the files the run reads (an
input, a file inside an input folder, a rule or waiver file): ``-o renja.txt`` must not
replace the Renja it checks. ``write_atomic`` writes a temporary file in the target's
folder and renames it over the target (``os.replace``), so a failed or interrupted write
leaves the old file whole; a target that is not a regular file (``/dev/null``, a FIFO) is
written directly. Both raise ``InputError`` naming the file (exit 2).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from .errors import InputError

STDOUT = "-"  # ``-o -`` writes to standard output


def is_stdout(path: Optional[Path]) -> bool:
    return path is not None and str(path) == STDOUT


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_overwrite(target: Optional[Path], protected: Iterable[Path], option: str) -> None:
    """``InputError`` when ``target`` is one of ``protected`` or an existing input file directly
    inside a folder of ``protected``."""
    if target is None or is_stdout(target):
        return
    target = Path(target)
    for p in protected:
        p = Path(p)
        hit = _same(target, p) or (
            p.is_dir()
            and target.is_file()
            and _same(target.parent, p)
            and target.suffix.lower() in (".json", ".txt", ".pdf", ".yaml", ".yml")
        )
        if hit:
            raise InputError(
                str(target),
                f"{option} would overwrite an input of this run ({p}); write to another file",
                f"{option} akan menimpa masukan pemeriksaan ini ({p}); tulis ke berkas lain",
            )


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: temporary file in the same folder, then rename."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory")
            with open(path, "w", encoding="utf-8", errors="backslashreplace") as fh:  # /dev/null, a FIFO
                fh.write(text)
            return
        mode = (path.stat().st_mode & 0o777) if path.exists() else _default_mode()
        fd, tmp = temp_file(str(path.parent) if str(path.parent) else ".", f".{path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(str(path), f"cannot write: {reason}", f"tidak dapat ditulis: {reason}") from None


def temp_file(folder: str, prefix: str) -> tuple[int, str]:
    """A new private file ``<folder>/<prefix><random>.tmp`` opened for writing: what
    ``tempfile.mkstemp`` does, without importing tempfile (shutil, random, bz2, lzma: about
    4 ms of a check that writes its report with -o)."""
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(17, "no unused temporary file name", folder)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
