"""Test session setup: the parsed-data cache (renja_check.cache) goes to a temp dir, never ~/.cache."""
import os
import tempfile

os.environ.setdefault("RENJA_CHECK_CACHE", tempfile.mkdtemp(prefix="renja-check-test-cache-"))
