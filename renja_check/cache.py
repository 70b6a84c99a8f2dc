"""A cache of parsed *shipped or user-written data* (rule files, the nomenclature).

Parsing and validating the rule files and indexing the nomenclature cost more than
checking a document; their result depends only on the bytes of those files and on
the code reading them. ``cached(name, parts, build)`` keeps ``build()``'s result in
``<cache dir>/<name>-<key>.pickle``, the key being a hash of the package version and
``parts`` (file contents, paths, the record declarations the result is made of, and
size and time of the code files that read them: ``sources``).
It is never a cache of results on an input document: the first check of a new
document does all the work.

The cache dir is ``$RENJA_CHECK_CACHE``, else ``$XDG_CACHE_HOME/renja-check``, else
``~/.cache/renja-check``; ``RENJA_CHECK_CACHE=off`` disables it. Deleting it is always
safe. A cache file that cannot be read (or is not private to the user) is ignored and
rewritten; a cache that cannot be written is silently skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar, Union

from . import __version__
from .cachedir import cache_folder

T = TypeVar("T")


def cache_dir() -> Optional[Path]:
    folder = cache_folder()
    return None if folder is None else Path(folder)


def key_of(parts: Iterable[Union[bytes, str]]) -> str:
    h = hashlib.sha256(f"renja-check {__version__}\0".encode())
    for p in parts:
        b = p if isinstance(p, bytes) else p.encode("utf-8", "surrogateescape")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()[:32]


def sources(*modules: str) -> list[str]:
    """Which code made a cached value: path, size and modification time of each module's
    file (a name ending in "." takes every ``.py`` file of that package, e.g.
    ``renja_check.kinds.``). Part of a key, so in a checkout an edit of that code
    invalidates the cache."""
    import importlib

    paths: list[str] = []
    for m in modules:
        mod = importlib.import_module(m.rstrip("."))
        if m.endswith("."):
            paths += sorted(str(p) for d in getattr(mod, "__path__", []) for p in Path(d).glob("*.py"))
        elif getattr(mod, "__file__", None):
            paths.append(mod.__file__)
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(path)
            continue
        out.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    return out


def cached(name: str, parts: Iterable[Union[bytes, str]], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same ``parts``."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key_of(parts)}.pickle"
    value = _read(path)
    if value is not None:
        return value
    value = build()
    _write(folder, name, path, value)
    return value


def _read(path: Path) -> object:
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if os.name == "posix" and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return None  # only a file this user wrote and nobody else can change
            return pickle.load(fh)
    except Exception:  # missing, truncated, or made by other code: rebuild
        return None


def _write(folder: Path, name: str, path: Path, value: object, dump=None, suffix: str = ".pickle") -> None:
    """``value`` to ``path`` whole or not at all (``dump(value, file)``, pickle by default);
    the older entries of ``name`` in ``folder`` removed."""
    from .outfile import temp_file  # only when writing: a cache hit does not pay for it

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = temp_file(str(folder), f".{name}-")
        try:
            with os.fdopen(fd, "wb") as fh:
                if dump is None:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                else:
                    dump(value, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in folder.glob(f"{name}-*{suffix}"):  # one entry per name: the cache stays small
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:
        pass
