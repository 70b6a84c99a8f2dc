"""Compiled regular expressions kept between runs, for a command-line process.

Every run of ``renja-check check`` compiles about 230 regular expressions (the reader's,
the rules', PyYAML's and click's): CPython parses and compiles each one in Python, about
19 ms of a check of 250 ms, the same work in every process. ``install()`` wraps the
standard library's compiler so that a pattern compiled by an earlier run is rebuilt from
its compiled program (``_sre.compile``: a fraction of a millisecond for all of them) and
a new one is compiled as ``re`` would and remembered; ``save()`` writes what is new.

What is kept is the compiler's own output for a pattern string and its flags: derived
from the code's patterns, never from a checked document. It lives beside the parsed-data
cache (``renja_check.cache``: same folder, same ``RENJA_CHECK_CACHE=off``, same rule that
only a file of this user that nobody else can write is read) as a ``marshal`` file whose
name carries the exact Python build and the regex engine's magic number, so a program is
only ever reused by the interpreter that compiled it. Anything unexpected (another
Python implementation, a changed internal API, a damaged file, a program the engine
refuses) leaves ``re`` compiling as it always does. Only ``os``, ``marshal`` and ``zlib``
are imported here: ``--help`` must not pay for it.
"""

from __future__ import annotations

import os
import sys

MAX_PATTERNS = 4000  # patterns built from data could grow the table: keep what a run used past this

_state: dict[str, object] = {}  # "table", "used", "path", "original", "new" once installed


def _path() -> str | None:
    import zlib

    import _sre

    from . import __version__
    from .cachedir import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    build = f"{__version__}\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()
    return os.path.join(folder, f"regex-{zlib.crc32(build):08x}.marshal")


def _read(path: str) -> dict:
    import marshal

    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if os.name == "posix" and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return {}  # only a file this user wrote and nobody else can change
            table = marshal.load(fh)
    except Exception:  # missing, truncated, damaged
        return {}
    return table if isinstance(table, dict) else {}


def install() -> bool:
    """Serve ``re``'s compilations from the kept programs (once per process); False if not."""
    if "original" in _state:
        return True
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        if sys.implementation.name != "cpython" or not hasattr(_compiler, "_code"):
            return False
        if memoryview(bytes(8)).cast("I").itemsize != _sre.CODESIZE:  # programs kept as C unsigned ints
            return False
        path = _path()
        if path is None:
            return False
        table = _read(path)
    except Exception:
        return False
    original = _compiler.compile
    used: set = set()

    def compile(p: object, flags: int = 0) -> object:
        if type(p) is not str or flags & _parser.SRE_FLAG_DEBUG:
            return original(p, flags)
        k = (p, int(flags))
        used.add(k)
        got = table.get(k)
        if got is not None:
            try:
                final, program, groups, groupindex, indexgroup = got
                return _sre.compile(p, final, memoryview(program).cast("I").tolist(), groups, groupindex, indexgroup)
            except Exception:  # a program this engine refuses: compile it afresh below
                table.pop(k, None)  # (another thread may have dropped it already)
        # what re._compiler.compile does, keeping the program it hands to the engine
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        final, groups, names = int(flags | parsed.state.flags), parsed.state.groups - 1, tuple(indexgroup)
        compiled = _sre.compile(p, final, code, groups, groupindex, names)
        import array

        # the program as bytes: read back as one buffer, not thousands of int objects
        table[k] = (final, array.array("I", code).tobytes(), groups, dict(groupindex), names)
        _state["new"] = True
        return compiled

    _compiler.compile = compile
    _state.update(table=table, used=used, path=path, original=original, new=False)
    import atexit

    atexit.register(save)  # a command that ends normally; ``check`` calls save() before its hard exit
    return True


def save() -> None:
    """Write the table if this process compiled patterns it did not hold (never raises)."""
    if not _state.get("new"):
        return
    _state["new"] = False
    try:
        import marshal
        from pathlib import Path

        from .cache import _write  # the cache's own atomic write and clean-up of older tables

        table = _state["table"]
        if len(table) > MAX_PATTERNS:
            table = {k: v for k, v in table.items() if k in _state["used"]}
        path = Path(_state["path"])
        _write(path.parent, "regex", path, table, dump=marshal.dump, suffix=".marshal")
    except Exception:
        pass


def uninstall() -> bool | None:
    """Give ``re`` its own compiler back (tests); None if it was never replaced."""
    original = _state.pop("original", None)
    if original is None:
        return None
    from re import _compiler  # type: ignore[attr-defined]

    _compiler.compile = original
    _state.clear()
    return True
