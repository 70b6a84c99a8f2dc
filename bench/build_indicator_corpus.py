"""Derive the assistant's indicator corpus from the SIPD-RI Renja exports (one JSON per agency).

    python bench/build_indicator_corpus.py [FOLDER] [-o corpus/indicators/sipd-indikator.csv]

FOLDER defaults to the 54 Renja 2026 files of Kabupaten Bengkulu Utara under
../shared/reference/nomenclature/. One output row per (sub kegiatan, agency, output indicator):
which indicator and satuan an agency uses for a sub kegiatan. Program penunjang codes are kept
in the nomenclature's generic form (``X.XX.01...``) so agencies of different bidang meet.
The year of every row is the export's year (2026). Rows are sorted, so rerunning on the same input gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from renja_check.nomenclature_codes import generic_code, normalize_code  # noqa: E402
from shared_paths import SIPD_FOLDER  # noqa: E402

DEFAULT = SIPD_FOLDER  # the 54 SIPD-RI files of the shared reference material
OUT = ROOT / "corpus/indicators/sipd-indikator.csv"
HEADER = ["kode", "sub_kegiatan", "indikator", "satuan", "target", "kode_skpd", "skpd", "berkas"]


def _clean(value) -> str:
    return " ".join(str(value or "").split())


def rows(folder: Path) -> list[list[str]]:
    out: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for r in data if isinstance(data, list) else data.get("data", []):
            code = _clean(r.get("kode_sub_giat"))
            indikator = _clean(r.get("tolak_ukur_output") or r.get("tolak_ukur_n"))
            if not code or not indikator:
                continue
            out.add(
                (
                    generic_code(normalize_code(code)),
                    _clean(r.get("nama_sub_giat")),
                    indikator,
                    _clean(r.get("satuan_output")),
                    _clean(r.get("target_teks_output")),
                    _clean(r.get("kode_skpd")),
                    _clean(r.get("nama_skpd")),
                    path.name,
                )
            )
    return [list(t) for t in sorted(out)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    table = rows(args.folder)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(table)
    codes = len({r[0] for r in table})
    print(f"{len(table)} rows, {codes} sub kegiatan, {args.output.stat().st_size} bytes -> {args.output}")


if __name__ == "__main__":
    main()
