"""A small synthetic dossier of another pemda: Kabupaten Contoh, 2025, two agencies.

Dinas Kesehatan (A) and Dinas Pendidikan (B); their Renja as model files (``extract``
format), a pemda-wide RKPD rancangan akhir as CSV, Dinas Kesehatan's Renstra as .xlsx,
Dinas Pendidikan's Renstra as YAML and its own RKPD rancangan awal as YAML, the RPJMD as
JSON. ``spec()`` is the clean twin (no cross-document finding); ``DEFECTS`` plants one
defect per XD rule, each a function changing the spec. ``write(spec, folder)`` writes the
files and the dossier.yaml that links them.
"""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import yaml

from renja_check.ingest.model_io import dump_document

from ..rules.build import build_document

A, B, C = "1.02.0.00.0.00.01.0000", "1.01.0.00.0.00.01.0000", "1.03.0.00.0.00.01.0000"
VISI = "Kabupaten Contoh yang Sehat, Cerdas dan Sejahtera"
MISI = ["Meningkatkan kualitas sumber daya manusia yang sehat dan cerdas", "Memperkuat tata kelola pemerintahan"]


def _sub(code, name, pagu, target, unit="Unit", parent="k1"):
    return {
        "id": code,
        "level": "subkegiatan",
        "code": code,
        "name": name,
        "parent": parent,
        "pagu": {2025: pagu, 2026: pagu + pagu // 10},
        "lokasi": "Kecamatan Kota",
        "sumber_dana": "DAU",
        "indicators": [{"text": f"Jumlah {name.lower()}", "targets": {2025: f"{target} {unit}"}}],
    }


def spec() -> dict:
    a_nodes = [
        {
            "id": "1.02.01",
            "level": "program",
            "code": "1.02.01",
            "name": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "pagu": {2025: 100, 2026: 110},
        },
        {
            "id": "1.02.02",
            "level": "program",
            "code": "1.02.02",
            "name": "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
            "pagu": {2025: 500, 2026: 550},
            "indicators": [{"text": "Persentase fasilitas kesehatan terakreditasi", "targets": {2025: "80 %"}}],
        },
        {
            "id": "k1",
            "level": "kegiatan",
            "code": "1.02.02.2.01",
            "name": "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
            "parent": "1.02.02",
            "pagu": {2025: 500, 2026: 550},
        },
        _sub("1.02.02.2.01.0001", "Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya", 300, 1),
        _sub("1.02.02.2.01.0002", "Pembangunan Puskesmas", 200, 2),
    ]
    b_nodes = [
        {
            "id": "1.01.02",
            "level": "program",
            "code": "1.01.02",
            "name": "PROGRAM PENGELOLAAN PENDIDIKAN",
            "pagu": {2025: 400, 2026: 440},
            "indicators": [{"text": "Angka partisipasi murni SD", "targets": {2025: "98 %"}}],
        },
        {
            "id": "k1",
            "level": "kegiatan",
            "code": "1.01.02.2.01",
            "name": "Pengelolaan Pendidikan Sekolah Dasar",
            "parent": "1.01.02",
            "pagu": {2025: 400, 2026: 440},
        },
        _sub("1.01.02.2.01.0001", "Pembangunan Unit Sekolah Baru (USB)", 400, 1),
    ]
    renja_a = {
        "year": 2025,
        "kode_skpd": A,
        "perangkat_daerah": "Dinas Kesehatan",
        "pemda": "Kabupaten Contoh",
        "tables": [
            {"id": "rencana", "role": "rencana", "years": [2025, 2026], "nodes": a_nodes},
            {
                "id": "T2.1",
                "role": "evaluasi",
                "number": "2.1",
                "nodes": [],
                "columns": [
                    {
                        "id": "4",
                        "label": "Target Capaian Kinerja Renstra PD Tahun 2026 (Akhir Periode Renstra PD)",
                        "role": "target",
                        "year": 2026,
                    }
                ],
            },
            {
                "id": "sipd_renstra",
                "role": "renstra_kutipan",
                "nodes": [  # as SIPD's target_akhir
                    {
                        "id": "1.02.02",
                        "level": "program",
                        "code": "1.02.02",
                        "name": a_nodes[1]["name"],
                        "indicators": [
                            {"text": "Persentase fasilitas kesehatan terakreditasi", "targets": {"akhir": "80 %"}}
                        ],
                    }
                ],
            },
            {
                "id": "kutipan_rpjmd",
                "role": "rpjmd_kutipan",
                "nodes": [
                    {"id": "visi", "level": "lainnya", "name": VISI, "keterangan": "visi"},
                    {"id": "misi", "level": "lainnya", "name": MISI[0], "keterangan": "misi"},
                ],
            },
        ],
    }
    renja_b = {
        "year": 2025,
        "kode_skpd": B,
        "perangkat_daerah": "Dinas Pendidikan",
        "pemda": "Kabupaten Contoh",
        "tables": [{"id": "rencana", "role": "rencana", "years": [2025, 2026], "nodes": b_nodes}],
    }
    return {
        "renja_a": renja_a,
        "renja_b": renja_b,
        "rkpd": {
            "dokumen": "rkpd",
            "pemda": "Kabupaten Contoh",
            "tahun": 2025,
            "tahap": "rancangan_akhir",
            "baris": [_rkpd_row(A, n) for n in a_nodes] + [_rkpd_row(B, n) for n in b_nodes],
        },
        "rkpd_b": {
            "dokumen": "rkpd",
            "pemda": "Kabupaten Contoh",
            "tahun": 2025,
            "tahap": "rancangan_awal",
            "baris": [_rkpd_row(B, n) for n in b_nodes],
        },
        "renstra_a": {
            "dokumen": "renstra",
            "periode": "2021-2026",
            "kode_skpd": A,
            "baris": [_renstra_row(n) for n in a_nodes],
        },
        "renstra_b": {
            "dokumen": "renstra",
            "periode": "2021-2026",
            "kode_skpd": B,
            "baris": [_renstra_row(n) for n in b_nodes],
        },
        "rpjmd": {
            "dokumen": "rpjmd",
            "pemda": "Kabupaten Contoh",
            "periode": "2021-2026",
            "visi": VISI,
            "misi": MISI,
            "baris": [_rpjmd_row(A, a_nodes[1]), _rpjmd_row(B, b_nodes[0])],
        },
    }


def _target(n):
    ind = (n.get("indicators") or [{}])[0]
    raw = ind.get("targets", {}).get(2025)
    return (ind.get("text"), *(raw.split(" ", 1) if raw else (None, None)))


def _rkpd_row(agency, n):
    text, value, unit = _target(n)
    row = {
        "kode_skpd": agency,
        "kode": n["code"],
        "nama": n["name"],
        "indikator": text,
        "target": value,
        "satuan": unit,
        "lokasi": n.get("lokasi"),
        "sumber_dana": n.get("sumber_dana"),
        "pagu": n["pagu"][2025],
        "pagu_n1": n["pagu"][2026],
    }
    return {k: v for k, v in row.items() if v is not None}


def _renstra_row(n):
    text, value, unit = _target(n)
    row = {
        "kode": n["code"],
        "nama": n["name"],
        "indikator": text,
        "satuan": unit,
        "target_2025": value,
        "target_akhir": value,
        "pagu_2025": n["pagu"][2025] * 2,
    }
    return {k: v for k, v in row.items() if v is not None}


def _rpjmd_row(agency, n):
    text, value, unit = _target(n)
    return {
        "tingkat": "program",
        "kode": n["code"],
        "nama": n["name"],
        "indikator": text,
        "satuan": unit,
        "target_2025": value,
        "kode_skpd": agency,
    }


def write(s: dict, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for key in ("renja_a", "renja_b"):
        doc = build_document(s[key], path=f"{key}.yaml")
        (folder / f"{key}.yaml").write_text(dump_document(doc), encoding="utf-8")
    _csv(s["rkpd"], folder / "rkpd-2025.csv")
    (folder / "rkpd-b-awal.yaml").write_text(yaml.safe_dump(s["rkpd_b"], allow_unicode=True), encoding="utf-8")
    _xlsx(s["renstra_a"], folder / "renstra-a.xlsx")
    (folder / "renstra-b.yaml").write_text(yaml.safe_dump(s["renstra_b"], allow_unicode=True), encoding="utf-8")
    (folder / "rpjmd.json").write_text(json.dumps(s["rpjmd"], indent=1, ensure_ascii=False), encoding="utf-8")
    dossier = {
        "dossier": 1,
        "pemda": "Kabupaten Contoh",
        "tahun": 2025,
        "dokumen": {"rkpd": "rkpd-2025.csv", "rpjmd": "rpjmd.json"},
        "perangkat_daerah": [
            {"kode_skpd": A, "nama": "Dinas Kesehatan", "renja": "renja_a.yaml", "renstra": "renstra-a.xlsx"},
            {
                "kode_skpd": B,
                "nama": "Dinas Pendidikan",
                "renja": "renja_b.yaml",
                "renstra": "renstra-b.yaml",
                "rkpd": "rkpd-b-awal.yaml",
            },
        ],
    }
    (folder / "dossier.yaml").write_text(yaml.safe_dump(dossier, sort_keys=False), encoding="utf-8")
    return folder / "dossier.yaml"


def _columns(rows):
    return list(dict.fromkeys(k for r in rows for k in r))


def _csv(doc, path):
    cols = _columns(doc["baris"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        for k in ("dokumen", "pemda", "tahun", "tahap"):
            fh.write(f"# {k}: {doc[k]}\n")
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(doc["baris"])


def _xlsx(doc, path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    cols = _columns(doc["baris"])
    ws.append(cols)
    for r in doc["baris"]:
        ws.append([r.get(c) for c in cols])
    meta = wb.create_sheet("dokumen")
    meta.append(["kunci", "nilai"])
    for k, v in doc.items():
        if k != "baris":
            meta.append([k, v])
    wb.save(path)


# --- one planted defect per cross-document rule ---------------------------------------------


def _node(doc, code):
    return next(n for n in doc["tables"][0]["nodes"] if n.get("code") == code)


def _row(doc, code, agency=None):
    return next(r for r in doc["baris"] if r.get("kode") == code and (agency is None or r.get("kode_skpd") == agency))


S1, S2, P = "1.02.02.2.01.0001", "1.02.02.2.01.0002", "1.02.02"


def _xd01(s):
    s["rkpd"]["baris"].append(
        dict(_row(s["rkpd"], S2, A), kode="1.02.02.2.01.0004", nama="Pembangunan Rumah Dinas Tenaga Kesehatan")
    )


def _xd02(s):
    new = copy.deepcopy(_node(s["renja_a"], S2))
    new.update(id="s3", code="1.02.02.2.01.0003", name="Pembangunan Fasilitas Kesehatan Lainnya")
    s["renja_a"]["tables"][0]["nodes"].append(new)
    s["renstra_a"]["baris"].append(_renstra_row(new))


def _xd16(s):
    p2 = {
        "id": "1.02.03",
        "level": "program",
        "code": "1.02.03",
        "name": "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN",
        "pagu": {2025: 0, 2026: 0},
    }
    s["renja_a"]["tables"][0]["nodes"].append(p2)
    s["renstra_a"]["baris"].append(_renstra_row(p2))
    s["rpjmd"]["baris"].append({"tingkat": "program", "kode": "1.02.03", "nama": p2["name"], "kode_skpd": C})


DEFECTS = {
    "XD01": _xd01,
    "XD02": _xd02,
    "XD03": lambda s: _row(s["rkpd"], S1, A).update(pagu=350),
    "XD04": lambda s: _row(s["rkpd"], S1, A).update(target="2"),
    "XD05": lambda s: _row(s["rkpd"], S1, A).update(lokasi="Kecamatan Pantai"),
    "XD06": lambda s: _row(s["rkpd"], S1, A).update(sumber_dana="DAK"),
    "XD07": lambda s: _row(s["rkpd_b"], "1.01.02.2.01.0001").update(pagu=380),
    "XD08": lambda s: s["renstra_a"]["baris"].remove(_row(s["renstra_a"], S2)),
    "XD09": lambda s: _row(s["renstra_a"], S1).update(target_2025="3"),
    "XD10": lambda s: _row(s["renstra_a"], S1).update(indikator="Persentase puskesmas terakreditasi paripurna"),
    "XD11": lambda s: _row(s["renstra_a"], S1).update(pagu_2025=250),
    "XD12": lambda s: s["renstra_b"].update(periode="2016-2021"),
    "XD13": lambda s: s["renja_a"]["tables"][1]["columns"][0].update(
        year=2021, label="Target Capaian Kinerja Renstra PD Tahun 2021 (Akhir Periode Renstra PD)"
    ),
    "XD14": lambda s: s["renja_a"]["tables"][3]["nodes"][1].update(name=MISI[0].replace("kualitas", "kwalitas")),
    "XD15": lambda s: _row(s["rpjmd"], P).update(target_2025="85"),
    "XD16": _xd16,
    "XD17": lambda s: s["rpjmd"]["baris"].append(
        {
            "tingkat": "program",
            "kode": "1.02.04",
            "kode_skpd": A,
            "nama": "PROGRAM SEDIAAN FARMASI, ALAT KESEHATAN DAN MAKANAN MINUMAN",
        }
    ),
    "XD18": lambda s: s["rpjmd"].update(periode="2016-2021"),
    "XD19": lambda s: _row(s["renstra_a"], P).update(target_akhir="90"),
    # the pemda's RKPD of the year before: compared with nothing, the RKPD rules of A skipped
    "XD20": lambda s: s["rkpd"].update(tahun=2024),
}
