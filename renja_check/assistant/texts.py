"""What the assistant says, in Bahasa Indonesia and English, and how figures are written."""

from __future__ import annotations

from typing import Any, Optional

T: dict[str, dict[str, str]] = {
    "pagu_head": {"id": "Pagu {what}{year}:", "en": "Pagu (budget) of {what}{year}:"},
    "year": {"id": " tahun {y}", "en": " for {y}"},
    "no_pagu": {
        "id": "{what} tercantum di {table} tanpa pagu{year}.",
        "en": "{what} is listed in {table} without pagu{year}.",
    },
    "detail_head": {
        "id": "Lokasi, sumber dana dan catatan {what}:",
        "en": "Location, source of funds and notes of {what}:",
    },
    "no_detail": {
        "id": "{what} tidak mencantumkan lokasi, sumber dana atau catatan.",
        "en": "{what} gives no location, source of funds or note.",
    },
    "lokasi": {"id": "lokasi", "en": "location"},
    "sumber_dana": {"id": "sumber dana", "en": "source of funds"},
    "catatan": {"id": "catatan", "en": "note"},
    "keterangan": {"id": "keterangan", "en": "remark"},
    "children_head": {"id": "{n} {level} di bawah {what} ({table}):", "en": "{n} {level} under {what} ({table}):"},
    "ind_head": {"id": "Indikator {what}:", "en": "Indicators of {what}:"},
    "no_ind": {
        "id": "{what} tidak mempunyai indikator di tabel mana pun.",
        "en": "{what} has no indicator in any table.",
    },
    "cmp_same": {
        "id": "Pagu{year} sama di semua tabel ({n} tabel).",
        "en": "The pagu{year} agrees in all tables ({n} tables).",
    },
    "cmp_diff": {
        "id": "Pagu{year} BERBEDA antar tabel: selisih terbesar {diff}.",
        "en": "The pagu{year} DIFFERS between tables: largest gap {diff}.",
    },
    "cmp_one": {"id": "Hanya satu tabel mencantumkan pagu{year}.", "en": "Only one table gives a pagu{year}."},
    "zero_head": {
        "id": "{n} {level} dengan pagu nol atau kosong{year}:",
        "en": "{n} {level} with zero or empty pagu{year}:",
    },
    "zero_none": {"id": "Tidak ada {level} dengan pagu nol{year}.", "en": "No {level} has a zero pagu{year}."},
    "changed_head": {
        "id": "{n} {level} yang pagunya berubah dari {a} ke {b}{year}:",
        "en": "{n} {level} whose pagu changed from {a} to {b}{year}:",
    },
    "differ_head": {
        "id": "{n} {level} yang pagunya berbeda antar tabel{year}:",
        "en": "{n} {level} whose pagu differs between tables{year}:",
    },
    "differ_none": {
        "id": "Tidak ada {level} yang pagunya berbeda antar tabel{year}.",
        "en": "No {level} has a pagu that differs between tables{year}.",
    },
    "rank_head": {
        "id": "{level} dengan pagu {order}{year} di {table}:",
        "en": "{level} with the {order} pagu{year} in {table}:",
    },
    "largest": {"id": "terbesar", "en": "largest"},
    "smallest": {"id": "terkecil", "en": "smallest"},
    "total_head": {"id": "Total pagu{year} menurut dokumen:", "en": "Total pagu{year} as printed:"},
    "total_sum": {"id": "jumlah baris {level}", "en": "sum of the {level} rows"},
    "count_head": {"id": "Jumlah {level} per tabel:", "en": "Number of {level} per table:"},
    "count_claim": {"id": 'Narasi menyebut: "{raw}"', "en": 'The text says: "{raw}"'},
    "amount_head": {"id": "Baris dengan pagu {amount}:", "en": "Rows with a pagu of {amount}:"},
    "find_head": {
        "id": "{n} temuan{what} (galat {e}, peringatan {w}, info {i}):",
        "en": "{n} findings{what} (errors {e}, warnings {w}, info {i}):",
    },
    "per_rule": {"id": "Per aturan: {counts}.", "en": "Per rule: {counts}."},
    "folded_into": {"id": "digabung dalam {rule}", "en": "folded into {rule}"},
    "folded_here": {"id": "  digabung di sini: {rules}", "en": "  folded here: {rules}"},
    "per_rule_folded": {
        "id": "Digabung ke temuan lain (satu cacat, satu temuan): {counts}.",
        "en": "Folded into other findings (one defect, one finding): {counts}.",
    },
    "folded_head": {
        "id": "Temuan {code}{what} yang digabung ke temuan lain ({n}):",
        "en": "{code} findings{what} folded into other findings ({n}):",
    },
    "folded_carrier": {
        "id": "  dilaporkan dalam temuan {rule} ({severity}): {msg}",
        "en": "  reported in the {rule} finding ({severity}): {msg}",
    },
    "find_none": {"id": "Tidak ada temuan{what} pada pemeriksaan {run}.", "en": "No findings{what} in run {run}."},
    "search_head": {"id": 'Hasil pencarian "{what}" ({n}):', "en": 'Search results for "{what}" ({n}):'},
    "more": {"id": "... dan {n} lainnya.", "en": "... and {n} more."},
    "more_agencies": {"id": "dan {n} perangkat daerah lainnya", "en": "and {n} other agencies"},
    "why_rule": {"id": "Aturan {code} ({title}): {desc}", "en": "Rule {code} ({title}): {desc}"},
    "why_basis": {"id": "Dasar: {basis}", "en": "Basis: {basis}"},
    "why_head": {"id": "Temuan {code}{what} ({n}):", "en": "{code} findings{what} ({n}):"},
    "why_none": {
        "id": "Aturan {code} tidak menghasilkan temuan{what} pada pemeriksaan {run}.",
        "en": "Rule {code} raised no finding{what} in run {run}.",
    },
    "efd": {"id": "diharapkan {e}, tertulis {f}, selisih {d}", "en": "expected {e}, found {f}, difference {d}"},
    "ef": {"id": "diharapkan {e}, tertulis {f}", "en": "expected {e}, found {f}"},
    "evidence": {"id": "bukti: {ev}", "en": "evidence: {ev}"},
    "std_head": {"id": "Nomenklatur {code} {name}:", "en": "Nomenclature {code} {name}:"},
    "std_ind": {"id": "indikator standar: {ind}; satuan: {unit}", "en": "standard indicator: {ind}; unit: {unit}"},
    "std_none": {
        "id": "nomenklatur tidak memuat indikator standar untuk kode ini",
        "en": "the nomenclature gives no standard indicator for this code",
    },
    "in_document": {"id": "dokumen, {table}", "en": "document, {table}"},
    "others_head": {
        "id": "Indikator yang dipakai {n} perangkat daerah lain untuk {code} {name} (SIPD-RI):",
        "en": "Indicators {n} other agencies use for {code} {name} (SIPD-RI):",
    },
    "others_none": {
        "id": "Tidak ada perangkat daerah dalam korpus SIPD-RI yang memakai {code} {name}.",
        "en": "No agency in the SIPD-RI corpus uses {code} {name}.",
    },
    "not_found": {"id": "Tidak ditemukan: {what}.", "en": "Not found: {what}."},
    "closest": {"id": "Kandidat terdekat: {c}.", "en": "Closest candidates: {c}."},
    "ambiguous": {
        "id": "Pertanyaan cocok dengan beberapa nama; sebutkan salah satu (atau kodenya).",
        "en": "The question matches several names; name one of them (or its code).",
    },
    "no_run": {
        "id": "belum ada pemeriksaan tersimpan (jalankan: renja-check check)",
        "en": "no run saved yet (run: renja-check check)",
    },
    "no_subject": {
        "id": "nama atau kode program/kegiatan/sub kegiatan dalam pertanyaan",
        "en": "a program / kegiatan / sub kegiatan name or code in the question",
    },
    "help": {
        "id": 'Tanyakan misalnya: "berapa pagu Pengelolaan Promosi ASN tahun 2023?", "sub kegiatan mana yang '
        'pagunya nol?", "kenapa ada temuan PG01?", "indikator apa yang dipakai daerah lain untuk '
        '5.03.02.2.02.0003?"',
        "en": 'Ask for example: "what is the pagu of Pengelolaan Promosi ASN in 2023?", "which sub kegiatan '
        'have zero pagu?", "why is there a PG01 finding?", "which indicators do other agencies use '
        'for 5.03.02.2.02.0003?"',
    },
    "assumed": {
        "id": "(tentang {what}, dari pertanyaan sebelumnya)",
        "en": "(about {what}, from the previous question)",
    },
    "assumed_missing": {
        "id": "(pertanyaan sebelumnya tentang {what}, yang tidak ada di pemeriksaan ini)",
        "en": "(the previous question was about {what}, which this run does not hold)",
    },
    "no_context": {
        "id": "Pertanyaan ini merujuk ke pertanyaan sebelumnya, tetapi tidak ada subjek sebelumnya; "
        "sebutkan kode atau nama program/kegiatan/sub kegiatan.",
        "en": "The question refers to a previous one, but there is no previous subject; "
        "name the program / kegiatan / sub kegiatan by code or name.",
    },
    "realisasi_none": {
        "id": "Realisasi {what} tidak tercatat dalam pemeriksaan ini: yang tersimpan hanya pagu dan target "
        "indikator. Lihat tabel evaluasi di dokumen.",
        "en": "The realisation of {what} is not held in this run: only pagu and indicator targets are "
        "stored. See the evaluation table of the document.",
    },
    "line": {"id": "baris", "en": "line"},
    "empty": {"id": "kosong", "en": "empty"},
}

LEVELS = {
    "subkegiatan": {"id": "sub kegiatan", "en": "sub kegiatan"},
    "kegiatan": {"id": "kegiatan", "en": "kegiatan"},
    "program": {"id": "program", "en": "programs"},
    None: {"id": "baris", "en": "rows"},
}


def t(key: str, lang: str, **kw: Any) -> str:
    return T[key][lang].format(**kw)


def money(value: Optional[int], lang: str) -> str:
    if value is None:
        return T["empty"][lang]
    s = f"{abs(value):,}"
    s = s.replace(",", ".") if lang == "id" else s
    return f"{'-' if value < 0 else ''}Rp {s}"


def year_text(years: list, lang: str) -> str:
    return t("year", lang, y=", ".join(str(y) for y in years)) if years else ""


def level_text(level: Optional[str], lang: str) -> str:
    return LEVELS.get(level, LEVELS[None])[lang]


def value_text(value: Any, lang: str) -> str:
    """expected / found of a finding: integers as money-like grouped numbers, others as printed."""
    if isinstance(value, bool) or value is None:
        return str(value).lower() if value is not None else "-"
    if isinstance(value, int):
        s = f"{value:,}"
        return s.replace(",", ".") if lang == "id" else s
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v, lang) for v in value[:6]) + (" ..." if len(value) > 6 else "")
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "..."
