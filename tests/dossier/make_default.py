"""Writes corpus/dossier/rkpd-2023-rancangan-awal.yaml from the sample Renja's Tabel 2.5
(left side: the rancangan awal RKPD as the Renja quotes it), one row per program /
kegiatan / sub kegiatan indicator, each with the sample line it comes from.

Run once by hand (python -m tests.dossier.make_default); the output is corpus data.
The Renstra and RPJMD files of the default dossier are written by hand (few facts).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from renja_check.api import extract
from renja_check.kinds.tree import pagu_value

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "renja-2023-bkpsdm-bontang.txt"


def rows():
    doc = extract()
    out = []
    for n in doc.table("T2.5-awal").nodes:
        if n.level not in ("program", "kegiatan", "subkegiatan") or not n.code:
            continue
        base = {"perangkat_daerah": doc.perangkat_daerah, "kode": n.code, "nama": n.name}
        if "2023" in n.pagu:  # "-" as printed stays "-" (empty), an amount is integer rupiah
            base["pagu"] = "-" if n.pagu["2023"].status == "empty" else pagu_value(n, "2023")
        for k in ("lokasi", "sumber_dana", "catatan"):
            if getattr(n, k):
                base[k] = getattr(n, k)
        inds = n.indicators or [None]
        for i, ind in enumerate(inds):
            row = dict(base) if i == 0 else {"perangkat_daerah": doc.perangkat_daerah, "kode": n.code}
            if ind is not None:
                row["indikator"] = ind.text
                q = ind.targets.get("2023")
                if q is not None and q.raw.strip() not in ("", "-"):
                    row["target"] = q.raw.strip()
            line = (ind.span if ind is not None and ind.span else n.span).line_start
            row["sumber"] = f"{SAMPLE}:{line}"
            out.append(row)
    return out


def main() -> None:
    head = (
        "# The rancangan awal RKPD 2023 of BKPSDM Kota Bontang as the sample Renja quotes it\n"
        "# (Tabel 2.5, left side). Each row's `sumber` is the sample line it comes from.\n"
        "# Written by tests/dossier/make_default.py; corpus data, not code.\n"
    )
    data = {
        "dokumen": "rkpd",
        "pemda": "Kota Bontang",
        "tahun": 2023,
        "tahap": "rancangan_awal",
        "sumber": f"../samples/{SAMPLE}",
        "baris": rows(),
    }
    text = head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    (ROOT / "corpus/dossier/rkpd-2023-rancangan-awal.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
