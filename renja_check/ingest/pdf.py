"""Placeholder: .pdf reader (being written)."""
from ..errors import InputError


def parse_pdf(path):
    raise InputError(str(path), "PDF reader not built yet")
