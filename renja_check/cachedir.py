"""Where the parsed-data cache lives (``renja_check.cache``, ``renja_check.regex_cache``).

Only ``os``: the regex cache asks for it before anything heavy is imported.
"""

from __future__ import annotations

import os

OFF = ("off", "0", "no", "false")


def cache_folder() -> str | None:
    """The cache dir as a string (no pathlib: ``regex_cache`` reads it before anything heavy)."""
    env = os.environ.get("RENJA_CHECK_CACHE")
    if env is not None:
        return None if env.strip().lower() in OFF or not env.strip() else env
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home directory: no cache (never one in the working directory)
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "renja-check")
