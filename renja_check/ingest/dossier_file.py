"""The dossier file (``dossier.yaml``): the documents of one pemda and year, by role.

    dossier: 1
    pemda: Kabupaten Contoh
    tahun: 2025
    dokumen:                       # documents of the whole pemda (rows carry kode_skpd)
      rkpd: rkpd-2025.xlsx
      rpjmd: rpjmd-2021-2026.yaml
    renja: renja-2025/             # optional: a folder, one Renja per agency (SIPD-RI JSON ...)
    perangkat_daerah:              # agencies, each linked by its kode_skpd
      - kode_skpd: 1.02.0.00.0.00.01.0000
        nama: Dinas Kesehatan
        renja: renja-dinkes.txt
        renstra: renstra-dinkes.yaml
        rkpd: rkpd-dinkes.csv      # an agency's own document replaces the pemda-wide one

Paths are relative to the dossier file. ``load_agency`` builds one agency's ``Dossier``:
its Renja, its Renstra, and the rows of the pemda-wide RKPD / RPJMD that name its
kode_skpd (or its name; rows naming no agency are kept for every agency). A folder
given to ``check`` is a dossier when it holds ``dossier.yaml``; otherwise every Renja
in it is one agency with no other document.
"""

from __future__ import annotations

from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from ..structs import struct
from ..errors import InputError
from ..models import Document, Dossier
from ..safe_yaml import safe_load
from ..text import norm_name
from .canonical_layout import DOC_TYPES
from .common import read_text

NAME = "dossier.yaml"
ROLES = ("renja",) + DOC_TYPES
RENJA_SUFFIXES = (".json", ".txt", ".pdf", ".yaml", ".yml")


@struct
class Agency:
    code: Optional[str]
    name: Optional[str]
    paths: dict[str, Path] = field(default_factory=dict)  # role -> file


@struct
class Pemda:
    name: Optional[str]
    year: Optional[int]
    agencies: list[Agency]
    source: Optional[Path] = None


def find_dossier_file(path: Path) -> Optional[Path]:
    path = Path(path)
    if path.is_dir() and (path / NAME).is_file():
        return path / NAME
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        with path.open("rb") as fh:
            head = fh.read(2048).decode("utf-8", "replace")
        if any(line.startswith("dossier:") for line in head.splitlines()):
            return path
    return None


def read_dossier_file(path: Path) -> Pemda:
    path = Path(path)
    try:
        data = safe_load(read_text(path))  # no aliases, bounded nesting, libyaml
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid yaml: {exc}", f"bukan yaml yang sah: {exc}") from None
    if not isinstance(data, dict) or "dossier" not in data:
        raise InputError(
            str(path), "not a dossier file (no 'dossier:' key)", "bukan berkas dossier (tidak ada 'dossier:')"
        )
    base = path.parent

    def resolve(v: Any, where: str) -> Path:
        p = (base / str(v)).resolve() if not Path(str(v)).is_absolute() else Path(str(v))
        if not p.exists():
            raise InputError(str(path), f"{where}: {v} not found", f"{where}: {v} tidak ditemukan")
        return p

    shared = {}
    for role, v in (data.get("dokumen") or {}).items():
        if role not in DOC_TYPES:
            raise InputError(
                str(path),
                f"dokumen.{role}: unknown role (known: {', '.join(DOC_TYPES)})",
                f"dokumen.{role}: peran tidak dikenal (yang dikenal: {', '.join(DOC_TYPES)})",
            )
        shared[role] = resolve(v, f"dokumen.{role}")
    agencies: list[Agency] = []
    for i, a in enumerate(data.get("perangkat_daerah") or [], start=1):
        if not isinstance(a, dict):
            raise InputError(
                str(path), f"perangkat_daerah[{i}] must be a mapping", f"perangkat_daerah[{i}] harus pemetaan"
            )
        paths = dict(shared)
        for role in ROLES:
            if a.get(role):
                paths[role] = resolve(a[role], f"perangkat_daerah[{i}].{role}")
        if "renja" not in paths:
            raise InputError(str(path), f"perangkat_daerah[{i}]: no renja", f"perangkat_daerah[{i}]: tidak ada renja")
        agencies.append(
            Agency(code=str(a["kode_skpd"]) if a.get("kode_skpd") else None, name=a.get("nama"), paths=paths)
        )
    if data.get("renja"):
        folder = resolve(data["renja"], "renja")
        known = {ag.paths["renja"] for ag in agencies}
        for f in renja_files(folder):
            if f.resolve() not in known:
                agencies.append(Agency(code=None, name=None, paths=dict(shared, renja=f)))
    if not agencies:
        raise InputError(
            str(path),
            "no agency (perangkat_daerah or renja)",
            "tidak ada perangkat daerah (perangkat_daerah atau renja)",
        )
    year = data.get("tahun")
    return Pemda(name=data.get("pemda"), year=int(year) if year else None, agencies=agencies, source=path)


def renja_files(folder: Path) -> list[Path]:
    from . import MAX_DOCUMENTS, _listing
    from .common import is_regular

    # listed with the run's file cap; a FIFO or device would block: only regular files are agencies
    files = [
        p
        for p in _listing(Path(folder), MAX_DOCUMENTS)
        if p.suffix.lower() in RENJA_SUFFIXES and p.name != NAME and not p.name.startswith(".") and is_regular(p)
    ]
    if not files:
        raise InputError(
            str(folder),
            "folder holds no .json/.txt/.pdf/.yaml input",
            "folder tidak berisi masukan .json/.txt/.pdf/.yaml",
        )
    return files


def folder_pemda(folder: Path) -> Pemda:
    """A folder without dossier.yaml: every file is one agency's Renja."""
    return Pemda(name=None, year=None, agencies=[Agency(None, None, {"renja": f}) for f in renja_files(folder)])


@lru_cache(maxsize=16)
def _shared(path: Path) -> Document:
    from . import load_document

    return load_document(path)


def load_agency(agency: Agency, pemda: Optional[Pemda] = None) -> Dossier:
    from . import load_document

    renja = with_evidence(load_document(agency.paths["renja"]), set(agency.paths))
    code = agency.code or renja.kode_skpd
    name = agency.name or renja.perangkat_daerah
    docs = [renja]
    for role in DOC_TYPES:
        p = agency.paths.get(role)
        if p is not None:
            doc = _shared(p)
            if doc.doc_type != role:
                raise InputError(
                    str(p),
                    f"given as {role} but it is a {doc.doc_type}",
                    f"diberikan sebagai {role} tetapi isinya {doc.doc_type}",
                )
            docs.append(for_agency(doc, code, name))
    return Dossier(
        documents=docs,
        agency=code or name,
        pemda=pemda.name if pemda else renja.pemda,
        year=(pemda.year if pemda else None) or renja.year,
    )


def with_evidence(renja: Document, roles: set[str]) -> Document:
    """A Renja with the quotes of other documents it carries, when the dossier has those documents:
    its visi / misi (an RPJMD to compare with), SIPD's Renstra targets (a Renstra)."""
    if renja.doc_type != "renja":
        return renja
    if "rpjmd" in roles:
        from .quotes import add_quotes

        renja = add_quotes(renja)
    if "renstra" in roles:
        from .sipd_evidence import add_sipd_evidence

        renja = add_sipd_evidence(renja)
    return renja


def for_agency(doc: Document, code: Optional[str], name: Optional[str]) -> Document:
    """The rows of a pemda-wide document that belong to one agency (with their ancestors)."""
    keys = {k for k in (code, norm_name(name or "")) if k}
    tables = []
    for t in doc.tables:
        if not any(n.agencies for n in t.nodes):
            tables.append(t)
            continue
        byid = {n.id: n for n in t.nodes}
        keep = set()
        for n in t.nodes:
            if not n.agencies or any(a in keys or norm_name(a) in keys for a in n.agencies):
                x = n
                while x is not None and x.id not in keep:
                    keep.add(x.id)
                    x = byid.get(x.parent) if x.parent else None
        tables.append(t.model_copy(update={"nodes": [n for n in t.nodes if n.id in keep]}))
    return doc.model_copy(update={"tables": tables})
