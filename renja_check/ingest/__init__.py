"""Reading sources into the document model.

``load_document(path)`` picks the reader by content and suffix:
  .txt           text extracted from a Renja PDF      -> ingest.pdftext
  .pdf           a Renja PDF (PDFium text + word positions) -> ingest.pdf -> ingest.pdftext,
                 plan table by position when the text readers find none (ingest.posread)
  .json          a SIPD-RI Renja export (list of rows) -> ingest.sipd
                 or a model dump (``extract --format json``) -> ingest.model_io
  .yaml / .yml   a model dump (``extract``)            -> ingest.model_io
                 or a canonical RKPD/Renstra/RPJMD (``dokumen:`` + ``baris:``) -> ingest.canonical_files
  .xlsx / .csv   a canonical RKPD/Renstra/RPJMD spreadsheet -> ingest.spreadsheet
  a folder       every SIPD JSON file in it (one document per agency)
Unusable input raises ``InputError`` naming the file; a partial document is
returned with ``notes`` saying what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..models import Document, Dossier, Note
from .common import is_regular, read_bytes, read_text


def load_document(path: Path) -> Document:
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "is a folder; use load_dossier", "ini folder; gunakan load_dossier")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import parse_pdf

        return parse_pdf(path)
    if suffix in (".xlsx", ".xlsm", ".csv"):
        from .spreadsheet import load_csv, load_xlsx

        return load_csv(path) if suffix == ".csv" else load_xlsx(path)
    if suffix in (".yaml", ".yml"):
        from .canonical_files import load_canonical, sniff
        from .model_io import load_model

        return load_canonical(path) if sniff(read_bytes(path)) else load_model(path)
    if suffix == ".json":
        from .canonical_files import load_canonical, sniff
        from .model_io import is_model_json, load_model
        from .sipd import parse_sipd_file

        raw = read_bytes(path)
        if is_model_json(raw):
            return load_model(path)
        return load_canonical(path) if sniff(raw) else parse_sipd_file(path)
    # anything else is treated as PDF text
    from .pdftext import parse_text

    return parse_text(read_text(path), str(path))


SUFFIXES = (".json", ".txt", ".pdf", ".yaml", ".yml")
MAX_DOCUMENTS = 2000  # per run: a pemda has under 100 agencies; checked before any file is read


def load_dossier(paths: Iterable[Path]) -> Dossier:
    plan: list[tuple[Path, list[Path]]] = []  # (input, files to read), all listed before reading
    count = 0
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(str(p), "file not found", "berkas tidak ditemukan")
        found = _listing(p, MAX_DOCUMENTS - count) if p.is_dir() else [p]
        if not found:
            raise InputError(
                str(p),
                "folder holds no .json/.txt/.pdf/.yaml input",
                "folder tidak berisi masukan .json/.txt/.pdf/.yaml",
            )
        count += len(found)
        plan.append((p, found))
    docs: list[Document] = []
    for p, found in plan:
        if not p.is_dir():
            docs.append(load_document(p))
            continue
        files = [x for x in found if is_regular(x)]  # a FIFO or device would block or never end
        if not files:
            raise InputError(
                str(p),
                "folder holds no regular .json/.txt/.pdf/.yaml file",
                "folder tidak berisi berkas biasa .json/.txt/.pdf/.yaml",
            )
        loaded = [load_document(f) for f in files]
        loaded[0].notes.extend(_skipped(x) for x in found if not is_regular(x))
        docs.extend(loaded)
    roles = {d.doc_type for d in docs}
    if roles - {"renja"}:  # RKPD / Renstra / RPJMD given beside a Renja: read the Renja's quotes of them
        from .dossier_file import with_evidence

        docs = [with_evidence(d, roles) for d in docs]
    return Dossier(documents=docs)


def _listing(folder: Path, room: int) -> list[Path]:
    """Input files of a folder, sorted; more than ``room`` is an input error (stops listing early)."""
    out = []
    with os.scandir(folder) as it:
        for e in it:
            if os.path.splitext(e.name)[1].lower() in SUFFIXES:
                out.append(Path(folder) / e.name)
                if len(out) > room:
                    raise InputError(
                        str(folder),
                        f"more than {MAX_DOCUMENTS} input files in one run; check the folder in parts",
                        f"lebih dari {MAX_DOCUMENTS} berkas masukan dalam satu pemeriksaan; "
                        "periksa folder ini per bagian",
                    )
    return sorted(out)


def _skipped(path: Path) -> Note:
    return Note(
        level="info",
        code="input-skipped",
        message=f"{path.name} in the input folder was skipped: not a regular file",
        message_id=f"{path.name} di folder masukan dilewati: bukan berkas biasa",
    )


__all__ = ["load_document", "load_dossier", "InputError"]
