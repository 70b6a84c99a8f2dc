"""Compiled regular expressions kept between runs, for a command-line process.

Every run of ``renja-check`` compiles about 230 regular expressions (the reader's, the
rules', PyYAML's and click's): CPython parses and compiles each one in Python, about
19 ms of a check of 250 ms, the same work in every process. ``install()`` wraps the
standard library's compiler so that a pattern compiled by an earlier run is rebuilt from
its compiled program (``_sre.compile``, a fraction of a millisecond for all of them) and
a new one is compiled as ``re`` would and remembered; ``save()`` writes what is new.

What is kept is the compiler's own output for a pattern string and its flags: derived
from the code's patterns, never from a checked document. It lives in the parsed-data
cache (``renja_check.cache``: same folder, same ``RENJA_CHECK_CACHE=off``, same owner
and permission checks), keyed by the exact Python build and the regex engine's magic
number, so a program is only ever reused by the interpreter that compiled it. Anything
unexpected (another Python implementation, a changed internal API, a damaged file)
leaves ``re`` as it is.
"""

from __future__ import annotations

import sys
from typing import Any, Optional

MAX_PATTERNS = 4000  # patterns built from data could grow the table: start afresh past this

_state: dict[str, Any] = {}  # "table", "new", "path", "folder", "original" once installed


def install() -> bool:
    """Serve ``re``'s compilations from the cache (once per process); False if not possible."""
    if "original" in _state:
        return True
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        if sys.implementation.name != "cpython" or not hasattr(_compiler, "_code"):
            return False
        from . import cache

        folder = cache.cache_dir()
        if folder is None:
            return False
        key = cache.key_of(["regex", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE)])
        path = folder / f"regex-{key}.pickle"
        table = cache._read(path)
        if not isinstance(table, dict):
            table = {}
    except Exception:
        return False
    original = _compiler.compile
    used: set = set()

    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - the name re._compiler calls
        if type(p) is not str or flags & _parser.SRE_FLAG_DEBUG:
            return original(p, flags)
        k = (p, int(flags))
        used.add(k)
        got = table.get(k)
        if got is not None:
            try:
                return _sre.compile(p, *got)
            except Exception:  # a program this engine refuses: compile it afresh below
                del table[k]
        # what re._compiler.compile does, keeping the program it hands to the engine
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
                dict(groupindex), tuple(indexgroup))  # fmt: skip
        compiled = _sre.compile(p, *args)
        table[k] = args
        _state["new"] = True
        return compiled

    _compiler.compile = compile
    _state.update(table=table, used=used, path=path, folder=folder, original=original, new=False)
    import atexit

    atexit.register(save)  # a command that ends normally; ``check`` calls save() before its hard exit
    return True


def save() -> None:
    """Write the table if this process compiled patterns it did not hold (never raises)."""
    if not _state.get("new"):
        return
    _state["new"] = False
    try:
        from . import cache

        table = _state["table"]
        if len(table) > MAX_PATTERNS:  # keep what this process used
            table = {k: v for k, v in table.items() if k in _state["used"]}
        cache._write(_state["folder"], "regex", _state["path"], dict(table))
    except Exception:
        pass


def uninstall() -> Optional[bool]:
    """Give ``re`` its own compiler back (tests); None if it was never replaced."""
    original = _state.pop("original", None)
    if original is None:
        return None
    from re import _compiler  # type: ignore[attr-defined]

    _compiler.compile = original
    _state.clear()
    return True
