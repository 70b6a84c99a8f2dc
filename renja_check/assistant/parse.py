"""Question -> intent and entities (codes, rule, years, tables, level, severity, amount, a name).

Deterministic: keyword phrases in both languages on the folded question; what remains after
removing them, the numbers and the function words is looked up as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..nomenclature_codes import normalize_code
from ..store.terms import Amount, amounts, fold, strip_numbers, years

_CODE = re.compile(r"(?<![\w.])([1-9X])\.(\d{2}|XX)((?:\.\d{1,2})(?:\.\d\.\d{1,2}(?:\.\d{1,4})?)?)?(?![\w]|\.\d)", re.I)
_RULE = re.compile(r"\b([A-Z]{2})\s?-?(\d{2})\b", re.I)
_TABLE_NO = re.compile(r"\b(?:tabel|table|tab)\s*\.?\s*(\d{1,2}(?:\.\d{1,2})?)")
# a document named by its type ("... di RKPD", "in the Renstra"); "RKPD awal/akhir" are Renja tables
DOC_TYPES = ("renja", "rkpd", "renstra", "rpjmd")
_DOC_TYPE = re.compile(
    r"\b(?:di|in|dalam|pada|menurut|from|according to)\s+(?:the\s+)?(?:dokumen\s+|document\s+)?"
    r"(renja|rkpd|renstra|rpjmd)\b(?!\s+(?:awal|akhir|rancangan))"
)

PHRASES: dict[str, tuple[str, ...]] = {
    "why": (
        "kenapa",
        "mengapa",
        "why",
        "alasan",
        "sebab",
        "jelaskan",
        "explain",
        "apa itu",
        "what is rule",
        "arti aturan",
        "maksud aturan",
        "meaning of rule",
        "how come",
    ),
    "findings": (
        "temuan",
        "finding",
        "findings",
        "masalah",
        "issue",
        "issues",
        "problem",
        "problems",
        "cacat",
        "defect",
        "defects",
        "catatan verifikasi",
    ),
    "others": (
        "daerah lain",
        "instansi lain",
        "perangkat daerah lain",
        "pd lain",
        "opd lain",
        "skpd lain",
        "dinas lain",
        "badan lain",
        "agency lain",
        "other agencies",
        "other agency",
        "other regions",
        "other region",
        "others use",
        "agencies use",
        "elsewhere",
        "di sipd",
        "in sipd",
        "other pemda",
        "pemda lain",
        "lembaga lain",
    ),
    "standard": (
        "standar",
        "standard",
        "baku",
        "nomenklatur",
        "nomenclature",
        "resmi",
        "official",
        "kepmendagri",
        "permendagri",
    ),
    "indicator": (
        "indikator",
        "indicator",
        "indicators",
        "target",
        "targets",
        "satuan",
        "unit",
        "units",
        "tolok ukur",
        "tolak ukur",
        "keluaran",
        "output",
        "kinerja",
    ),
    "zero": (
        "nol",
        "zero",
        "rp 0",
        "kosong",
        "tanpa pagu",
        "tidak ada pagu",
        "tidak berpagu",
        "no pagu",
        "no budget",
        "without pagu",
        "without budget",
        "empty pagu",
        "pagu 0",
        "nihil",
    ),
    "changed": ("berubah", "perubahan", "diubah", "changed", "change", "changes", "bergeser", "direvisi", "revised"),
    "differ": (
        "berbeda",
        "beda",
        "selisih",
        "differ",
        "differs",
        "different",
        "difference",
        "mismatch",
        "tidak sama",
        "tidak cocok",
        "inconsistent",
        "disagree",
        "tidak konsisten",
    ),
    "compare": (
        "bandingkan",
        "banding",
        "perbandingan",
        "compare",
        "comparison",
        "sama",
        "same",
        "agree",
        "across",
        "antar tabel",
        "semua tabel",
        "setiap tabel",
        "all tables",
        "each table",
        "konsisten",
    ),
    "count": (
        "berapa jumlah",
        "berapa banyak",
        "ada berapa",
        "how many",
        "banyaknya",
        "count",
        "number of",
        "jumlah program",
        "jumlah kegiatan",
        "jumlah sub",
    ),
    "total": ("total", "keseluruhan", "seluruh", "sum", "overall", "grand", "jumlah pagu", "total pagu"),
    "pagu": (
        "pagu",
        "anggaran",
        "dana",
        "budget",
        "biaya",
        "alokasi",
        "ceiling",
        "rupiah",
        "berapa",
        "how much",
        "allocated",
        "brp",
    ),
    "which": ("mana", "which", "apa saja", "daftar", "list", "siapa", "what are"),
    "largest": (
        "paling besar",
        "terbesar",
        "tertinggi",
        "paling tinggi",
        "largest",
        "biggest",
        "highest",
        "top",
        "terbanyak",
        "paling banyak",
    ),
    "smallest": ("paling kecil", "terkecil", "terendah", "paling rendah", "smallest", "lowest"),
    "detail": (
        "lokasi",
        "location",
        "sumber dana",
        "source of funds",
        "funding source",
        "funded by",
        "catatan",
        "keterangan",
        "note",
    ),
    "children": (
        "apa saja di",
        "rincian",
        "isi",
        "di bawah",
        "under",
        "yang ada di",
        "breakdown",
        "terdiri",
        "consist",
        "consists",
        "contains which",
        "in program",
        "in kegiatan",
    ),
    "help": ("bantuan", "help", "tolong", "cara bertanya"),
    "realisasi": ("realisasi", "terealisasi", "realization", "realisation", "realized", "realised", "actual spending"),
    "search": (
        "cari",
        "carikan",
        "search",
        "find",
        "temukan",
        "mengandung",
        "containing",
        "contains",
        "memuat",
        "berisi",
        "kata kunci",
        "keyword",
        "yang indikatornya",
        "whose indicator",
        "with indicator",
    ),
}
SEVERITY = {
    "error": (
        "galat",
        "error",
        "errors",
        "eror",
        "kesalahan",
        "kesalahan berat",
        "penting",
        "terpenting",
        "paling penting",
        "serius",
        "important",
        "critical",
        "serious",
    ),
    "warning": ("peringatan", "warning", "warnings"),
    "info": ("info", "informasi", "information"),
}
LEVEL = (
    ("subkegiatan", ("sub kegiatan", "subkegiatan", "sub activity", "sub activities", "sub giat")),
    ("kegiatan", ("kegiatan", "activity", "activities", "giat")),
    ("program", ("program", "programs")),
)
TABLE_PHRASES: dict[str, tuple[str, ...]] = {  # role or side -> words
    "rancangan_awal": ("rancangan awal", "rkpd awal", "ranwal", "initial draft", "draft rkpd", "sisi kiri"),
    "hasil_analisis": ("hasil analisis", "analisis kebutuhan", "needs analysis", "sisi kanan"),
    "rencana": (
        "rumusan rencana",
        "rumusan",
        "rencana program",
        "tabel rencana",
        "t c 33",
        "plan table",
        "plan matrix",
    ),
    "rkpd_akhir": ("rkpd akhir", "rancangan akhir", "bab iv", "final rkpd", "final draft", "ranhir"),
    "evaluasi": ("tabel evaluasi", "evaluasi hasil pelaksanaan", "evaluasi renja", "evaluation table", "t c 29"),
    "kinerja_pelayanan": ("kinerja pelayanan", "service performance", "t c 30"),
    "daftar_program": ("uraian program", "daftar program", "program list", "bab 3 3"),
}
STOP = frozenset(
    """berapa apa apakah yang di dan untuk dari ke pada dengan atau dalam oleh itu ini tsb tersebut
    ada adalah sub kegiatan program tabel table tahun ta the of for in on to a an is are what which how much many
    does do did was were be by at as its it this that with who whose mana saja dong tolong sebutkan tunjukkan
    tampilkan show me give list apakah bagaimana berapakah rp rupiah nya pagunya anggarannya sebesar per setiap
    also juga semua all each any
    kah lah ya tidak not no there dipakai digunakan pakai memakai menggunakan use uses used using
    punya mempunyai memiliki has have had get gets tertulis tercantum written listed kode code codes
    berapakah nilai value amount jumlahnya between antara tables rows baris row there their
    please mohon saya i we kami my our or and allocated allocation assigned receive
    receives show tampilkan lihat see about regarding tentang mengenai terkait aturan rule rules per""".split()
)
# single-word keywords; dropped from a name query unless names use the word ("kinerja", "dana")
KEYWORDS = frozenset(
    p for group in (*PHRASES.values(), *SEVERITY.values(), *TABLE_PHRASES.values()) for p in group if " " not in p
) | {p for _, ps in LEVEL for p in ps if " " not in p}


def has(folded: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded for p in phrases)


@dataclass
class Query:
    text: str  # cleaned question
    folded: str
    flags: set[str] = field(default_factory=set)  # which phrase groups occur
    codes: list[str] = field(default_factory=list)
    rule: Optional[str] = None  # full code ("PG01") or family ("PG")
    years: list[int] = field(default_factory=list)
    table_number: Optional[str] = None
    table_words: list[str] = field(default_factory=list)  # roles / sides named
    level: Optional[str] = None
    severity: Optional[str] = None
    amount: Optional[Amount] = None
    name: str = ""  # what may be a name, folded
    doc_types: list[str] = field(default_factory=list)  # documents named by type ("di RKPD")
    agencies: list[str] = field(default_factory=list)  # folded agency names carried from a previous question

    def wants(self, *groups: str) -> bool:
        return any(g in self.flags for g in groups)


def parse(
    text: str,
    rule_codes: frozenset[str] = frozenset(),
    plan_year: Optional[int] = None,
    forward_year: Optional[int] = None,
    vocabulary: frozenset[str] = frozenset(),
) -> Query:
    q = Query(text=text, folded=fold(text))
    q.flags = {g for g, ps in PHRASES.items() if has(q.folded, ps)}
    for m in _CODE.finditer(text):
        q.codes.append(normalize_code(m.group(0).upper().replace("XX", "XX")))
    for m in _RULE.finditer(text):
        code = f"{m.group(1).upper()}{m.group(2)}"
        if not rule_codes or code in rule_codes:
            q.rule = code
            break
    if q.rule is None:
        fam = re.search(r"\b(?:aturan|rule|kode|temuan|findings?)\s+([A-Z]{2})\b", text, re.I)
        if fam and any(c.startswith(fam.group(1).upper()) for c in rule_codes):
            q.rule = fam.group(1).upper()
    q.years = years(text, plan_year, forward_year)
    m = _TABLE_NO.search(text.lower())
    q.table_number = m.group(1) if m else None
    q.table_words = [k for k, ps in TABLE_PHRASES.items() if has(q.folded, ps)]
    q.level = next((lvl for lvl, ps in LEVEL if has(q.folded, ps)), None)
    q.severity = next((s for s, ps in SEVERITY.items() if has(q.folded, ps)), None)
    found = amounts(text)
    q.amount = found[0] if found else None
    q.doc_types = list(dict.fromkeys(m.group(1) for m in _DOC_TYPE.finditer(q.folded)))
    q.name = residual(text, q, vocabulary)
    return q


def residual(text: str, q: Query, vocabulary: frozenset[str] = frozenset()) -> str:
    """The question minus codes, rule codes, numbers, table references and keyword phrases."""
    t = _CODE.sub(" ", text)
    t = _RULE.sub(" ", t) if q.rule else t
    t = _TABLE_NO.sub(" ", t.lower())
    t = fold(strip_numbers(t))
    t = _DOC_TYPE.sub(" ", t) if q.doc_types else t
    for group in (*PHRASES.values(), *TABLE_PHRASES.values(), *SEVERITY.values()):
        for p in sorted(group, key=len, reverse=True):
            if " " in p:
                t = f" {t} ".replace(f" {p} ", " ").strip()
    words = [w for w in t.split() if w not in STOP and not w.isdigit() and (w not in KEYWORDS or w in vocabulary)]
    return " ".join(words)
