"""Placeholder: parser for this region kind (being written)."""
from __future__ import annotations


def parse(ctx, region, *args):
    return []
