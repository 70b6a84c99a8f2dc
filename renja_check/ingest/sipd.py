"""Placeholder: SIPD-RI Renja JSON reader (being written)."""
from ..errors import InputError


def parse_sipd_file(path):
    raise InputError(str(path), "SIPD reader not built yet")
