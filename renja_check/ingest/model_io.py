"""The model as a file: ``extract`` writes it, ``check`` reads it back (hand-correctable)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..models import Document
from ..safe_yaml import problem, safe_load
from .common import read_bytes

MAGIC_KEY = "schema_version"


def dump_document(doc: Document, fmt: str = "yaml") -> str:
    data = doc.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)


class _NoAliasDumper(yaml.SafeDumper):
    """Never writes aliases (the loader refuses them)."""

    def ignore_aliases(self, data) -> bool:
        return True


def is_model_json(raw: bytes) -> bool:
    head = raw[:2048].lstrip()
    return head.startswith(b"{") and MAGIC_KEY.encode() in raw[:4096]


def load_model(path: Path) -> Document:
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text", "bukan teks UTF-8") from None
    fmt = Path(path).suffix.lstrip(".")
    try:
        if Path(path).suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = safe_load(text)  # no aliases (an alias bomb), bounded nesting
    except yaml.YAMLError as exc:
        line, msg = problem(exc)
        raise InputError(f"{path}{line}", f"not valid {fmt}: {msg}", f"bukan {fmt} yang sah: {msg}") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}", f"not valid {fmt}: {exc.msg}", f"bukan {fmt} yang sah: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(
            str(path), f"not valid {fmt}: nested too deeply", f"bukan {fmt} yang sah: bersarang terlalu dalam"
        ) from None
    except ValueError as exc:  # an integer of thousands of digits
        msg = " ".join(str(exc).split())
        raise InputError(str(path), f"not valid {fmt}: {msg}", f"bukan {fmt} yang sah: {msg}") from None
    if not isinstance(data, dict) or MAGIC_KEY not in data:
        raise InputError(
            str(path),
            "not a renja-check model file (no schema_version)",
            "bukan berkas model renja-check (tidak ada schema_version)",
        )
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(
            str(path), f"invalid model at {loc}: {err['msg']}", f"model tidak sah pada {loc}: {err['msg']}"
        ) from None
