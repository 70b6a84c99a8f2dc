"""Reading sources into the document model.

``load_document(path)`` picks the reader by content and suffix:
  .txt           text extracted from a Renja PDF      -> ingest.pdftext
  .pdf           a Renja PDF (text extracted by pypdf) -> ingest.pdf -> ingest.pdftext
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

from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..models import Document, Dossier
from .common import read_bytes, read_text


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


def load_dossier(paths: Iterable[Path]) -> Dossier:
    docs: list[Document] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(str(p), "file not found", "berkas tidak ditemukan")
        if p.is_dir():
            files = sorted(x for x in p.iterdir() if x.suffix.lower() in (".json", ".txt", ".pdf", ".yaml", ".yml"))
            if not files:
                raise InputError(str(p), "folder holds no .json/.txt/.pdf/.yaml input",
                                 "folder tidak berisi masukan .json/.txt/.pdf/.yaml")
            docs.extend(load_document(f) for f in files)
        else:
            docs.append(load_document(p))
    roles = {d.doc_type for d in docs}
    if roles - {"renja"}:  # RKPD / Renstra / RPJMD given beside a Renja: read the Renja's quotes of them
        from .dossier_file import with_evidence

        docs = [with_evidence(d, roles) for d in docs]
    return Dossier(documents=docs)


__all__ = ["load_document", "load_dossier", "InputError"]
