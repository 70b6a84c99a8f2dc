"""Render a synthetic Renja PD (``spec.Spec``) as the text pypdf extracts from its PDF.

``render(spec)`` returns the whole document: cover and Kata Pengantar, BAB I, BAB II with
the 2.5 count/total claim and Tabel 2.5, BAB III with the 3.3 claims, the program list and
the plan table, BAB IV with its claims and the rancangan akhir RKPD table, BAB V. See
``spec.py`` for the spec, the figures and the defect hooks.
"""

from __future__ import annotations

from .spec import NB, ROMAN, Keg, Out, Prog, Spec, Sub, cell, code_tokens, counts, money, pages, pagu_of, para, present

__all__ = ["render"]


def render(spec: Spec) -> str:
    out = Out()
    _front(out, spec)
    _bab2(out, spec)
    _review(out, spec)
    _bab3(out, spec)
    _plan(out, spec)
    _bab4(out, spec)
    _akhir(out, spec)
    _bab5(out, spec)
    return out.text()


# ---------------------------------------------------------------- prose
def _claim_counts(spec: Spec, section: str, table: str) -> tuple[int, int, int]:
    c = counts(spec, table)
    d = spec.defects.count_delta
    return tuple(c[s] + d.get((section, s), 0) for s in ("program", "kegiatan", "subkegiatan"))


def _claim_total(spec: Spec, section: str, table: str) -> str:
    v = pagu_of(spec, table) + spec.defects.total_delta.get(section, 0)
    return money(v, ".")


def _footer(out: Out, spec: Spec, page: int) -> None:
    out.add(f"RENCANA KERJA (RENJA) {spec.short} TH. {spec.year} ", " ", " ", f"{page} ")


def _front(out: Out, spec: Spec) -> None:
    y, ag, pd = spec.year, spec.agency, spec.pemda
    out.add(" RENCANA KERJA (RENJA) ", f"{ag.upper()} ", f"{pd.upper()} ", f"TAHUN {y} ")
    out.add(" KATA PENGANTAR ", " ", " ")
    para(
        out,
        f" Puji dan syukur kami panjatkan kehadirat Tuhan Yang Maha Esa karena Rencana Kerja "
        f"(RENJA) Tahun {y} {ag} {pd} telah selesai disusun. Dokumen ini memuat evaluasi "
        f"pelaksanaan Renja tahun lalu, tujuan dan sasaran, serta rencana program dan kegiatan "
        f"tahun {y} sebagai bahan Musyawarah Perencanaan Pembangunan (MUSRENBANG).",
    )
    out.add(
        " ",
        f"{pd_short(spec)}, 12 Juni {y - 1} ",
        "KEPALA DINAS, ",
        " ",
        " ",
        "dr. CONTOH SEHAT, M.Kes ",
        "Pembina Utama Muda ",
    )
    out.add(" BAB I ", "PENDAHULUAN ", " ")
    out.add("1.1 LATAR BELAKANG ")
    para(
        out,
        f" Rencana Kerja Perangkat Daerah adalah dokumen perencanaan {ag} untuk periode satu "
        f"tahun yang memuat program dan kegiatan yang disusun berpedoman pada Renstra dan "
        f"mengacu pada rancangan awal RKPD {pd}.",
    )
    _footer(out, spec, 1)


def pd_short(spec: Spec) -> str:
    return spec.pemda_short


def _bab2(out: Out, spec: Spec) -> None:
    y, ag = spec.year, spec.agency
    out.add(" BAB II ", "EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU ", " ")
    out.add("2.1 EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU ")
    para(
        out,
        f" Evaluasi pelaksanaan Renja tahun lalu dilakukan terhadap capaian kinerja dan "
        f"realisasi anggaran {ag} sebagaimana tercantum dalam Renstra.",
    )
    out.add(" ", "2.2 ANALISIS KINERJA PELAYANAN PERANGKAT DAERAH ")
    para(
        out,
        " Kinerja pelayanan diukur dengan indikator kinerja yang telah ditetapkan dalam Renstra "
        "dan Standar Pelayanan Minimal bidang kesehatan.",
    )
    out.add(" ", "2.3 ISU-ISU PENTING PENYELENGGARAAN TUGAS DAN FUNGSI PERANGKAT DAERAH ")
    para(
        out,
        " Isu penting yang dihadapi antara lain pemerataan tenaga kesehatan dan pemenuhan "
        "sarana prasarana fasilitas pelayanan kesehatan.",
    )
    out.add(" ", "2.4 PENELAAHAN USULAN PROGRAM DAN KEGIATAN MASYARAKAT ")
    para(
        out,
        f"   {ag} {spec.pemda} menampung usulan para pemangku kepentingan yang disampaikan "
        f"langsung kepada Perangkat Daerah.",
    )
    out.add(" ", "2.5 REVIEW TERHADAP RANCANGAN AWAL RKPD ")
    p, k, s = _claim_counts(spec, "2.5", "awal")
    para(
        out,
        f"Dalam penentuan program dan kegiatan yang akan dilaksanakan dalam Renja Tahun {y}, "
        f"maka harus membandingkan perencanaan kegiatan dalam rancangan awal RKPD dengan "
        f"analisa kebutuhan.",
    )
    para(
        out,
        f" Pada rancangan awal Renja terdapat {p} program dengan {k} kegiatan dan {s} sub "
        f"kegiatan dengan pagu indikatif sebesar Rp {_claim_total(spec, '2.5', 'awal')},-. "
        f"Dapat dilihat pada tabel 2.5.",
    )


def _bab3(out: Out, spec: Spec) -> None:
    y, ag, pd = spec.year, spec.agency, spec.pemda
    out.add(" BAB III ", "TUJUAN, SASARAN DAN PROGRAM/KEGIATAN ", " ")
    out.add("3.1 TELAAHAN TERHADAP KEBIJAKAN NASIONAL  ")
    para(
        out,
        " Kebijakan nasional bidang kesehatan diarahkan pada transformasi layanan primer dan "
        "penguatan sistem kesehatan.",
    )
    out.add(" ", "3.2 TUJUAN DAN SASARAN RENJA PERANGKAT DAERAH ")
    para(out, f" Tujuan {ag} adalah meningkatnya derajat kesehatan masyarakat {pd}.")
    _footer(out, spec, 30)
    out.add("3.3 PROGRAM DAN KEGIATAN  ")
    para(
        out,
        "Program merupakan kumpulan kegiatan yang sistematis dan terpadu untuk mendapatkan "
        "hasil yang dilaksanakan oleh satu atau beberapa instansi pemerintah.",
    )
    p, k, s = _claim_counts(spec, "3.3", "rencana")
    para(
        out,
        f"Berdasarkan RKPD {pd} Tahun {y}, {ag} merencanakan {p} Program, {k} Kegiatan dan "
        f"{s} Sub Kegiatan dengan total kebutuhan dana/pagu indikatif sebesar Rp "
        f"{_claim_total(spec, '3.3', 'rencana')},-. Program dan kegiatan tersebut dirancang "
        f"sebagai berikut : ",
    )
    out.add(" ")
    rows = present(spec, "rencana")
    utama = [p for p in spec.programs if not p.code.endswith(".01") and any(r[0] is p for r in rows)]
    penunjang = [p for p in spec.programs if p.code.endswith(".01") and any(r[0] is p for r in rows)]
    for heading, progs in (("Program Utama", utama), ("Program Penunjang", penunjang)):
        if not progs:
            continue
        out.add(f"{heading} ")
        for i, prog in enumerate(progs, start=1):
            out.cell(f"{i}. Program {_title(prog.name)}", 70)
            kegs = [k for k in prog.kegiatan if any(r[1] is k for r in rows)]
            for j, keg in enumerate(kegs):
                out.cell(f"{chr(97 + j)}. {keg.name}", 70)
                for s_ in keg.subs:
                    if "rencana" not in s_.absent_from:
                        out.cell(s_.name, 64, prefix=" ")
        out.add(" ")
    para(out, "Uraian kegiatan dari masing–masing program dapat dilihat pada tabel dibawah ini: ")


def _title(name: str) -> str:
    small = {"dan", "atau", "serta", "untuk", "di", "pada", "bagi", "yang"}
    words = name.lower().replace("program ", "", 1).split()
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words)


def _bab4(out: Out, spec: Spec) -> None:
    y, ag, pd = spec.year, spec.agency, spec.pemda
    out.add(" BAB IV ", "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH ", " ")
    p, k, s = _claim_counts(spec, "BAB IV", "akhir")
    para(
        out,
        f"Rencana kerja dan pendanaan {ag} sebagaimana telah disusun dan dievaluasi bersama "
        f"tim Badan Perencanaan Pembangunan Daerah {pd}, maka ditetapkan {p} Program, {k} "
        f"Kegiatan dan {s} Sub Kegiatan yang dapat direncanakan di tahun {y} dengan pagu "
        f"indikatif sebesar Rp{_claim_total(spec, 'BAB IV', 'akhir')},00. Berikut rancangan "
        f"akhir RKPD {pd}: ",
    )


def _bab5(out: Out, spec: Spec) -> None:
    out.add(" BAB V ", "P E N U T U P ", " ")
    para(
        out,
        f"Renja {spec.agency} {spec.pemda} Tahun {spec.year} menjadi dasar pelaksanaan "
        f"kegiatan dan sarana peningkatan kinerja perangkat daerah. ",
    )


# ---------------------------------------------------------------- Tabel 2.5
_REVIEW_HEAD = ["LOKASI INDIKATOR KINERJA", "TARGET ", "CAPAIAN", "PAGU ", "INDIKATIF"] * 2 + [
    "CATATAN ",
    "PENTING",
    "1 3 4 5 6 8 9 10 11 12",
]


def _review(out: Out, spec: Spec) -> None:
    sep = spec.thousands
    out.add(
        " TABEL 2.5 ",
        f"REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN {spec.year} ",
        f"{spec.agency.upper()} {spec.pemda.upper()} ",
        " ",
    )
    out.add(*_REVIEW_HEAD)
    n_on_page = 0
    page_labels: list[str] = []
    for pi, prog in enumerate(spec.programs):
        kegs = [k for k in prog.kegiatan if not all({"awal", "analisis"} <= s.absent_from for s in k.subs)]
        if not kegs:
            continue
        left = money(pagu_of(spec, "awal", prog) + spec.defects.subtotal_delta.get(("awal", prog.code), 0), sep)
        right = money(
            pagu_of(spec, "analisis", prog) + spec.defects.subtotal_delta.get(("analisis", prog.code), 0), sep
        )
        out.add(f"{ROMAN[pi]} {left}  {ROMAN[pi]} {right}  ")
        page_labels.append(prog.name)
        for ki, keg in enumerate(kegs, start=1):
            out.add(f"{ki} {ki}")
            page_labels.append(keg.name)
            letter = 0
            for sub in keg.subs:
                if n_on_page == spec.per_page:
                    _review_labels(out, page_labels)
                    out.add(*([" " + _REVIEW_HEAD[0]] + _REVIEW_HEAD[1:]))
                    n_on_page, page_labels = 0, [prog.name, keg.name]
                _review_row(out, spec, sub, chr(97 + letter))
                letter += 1
                n_on_page += 1
    tot_l = money(pagu_of(spec, "awal") + spec.defects.subtotal_delta.get(("awal", "TOTAL"), 0), sep)
    tot_r = money(pagu_of(spec, "analisis") + spec.defects.subtotal_delta.get(("analisis", "TOTAL"), 0), sep)
    out.add(f"TOTAL {tot_l}  TOTAL {tot_r}  ")
    _review_labels(out, page_labels)


def _review_labels(out: Out, labels: list[str]) -> None:
    seen: list[str] = []
    for lab in labels:
        if lab not in seen:
            seen.append(lab)
    for lab in seen:  # the left copy of each label, then the right copy glued to it
        out.add(f"{lab}{lab}" if len(lab) < 45 else lab)
    out.add(
        "HASIL ANALISIS KEBUTUHAN",
        "NO.",
        *seen[:1],
        "NO.",
        "2",
        "PROGRAM/KEGIATAN",
        "RANCANGAN AWAL RKPD",
        "PROGRAM/KEGIATAN",
    )


def _review_copy(spec: Spec, sub: Sub, side: str, letter: str) -> tuple[list[str], str]:
    """Lines of one copy before its target line, and the target + pagu text."""
    lines = cell(sub.val("name", side), 32, prefix=f"{letter}. ")
    lines += cell(sub.lokasi, 18) + cell(sub.indicator, 28)
    tgt = f"{sub.val('target', side)} {sub.val('unit', side).lower()}"
    pagu = sub.val("pagu", side)
    return lines, f"{tgt}{' ' * 10}{money(pagu, spec.thousands) if pagu else '-'}"


def _review_row(out: Out, spec: Spec, sub: Sub, letter: str) -> None:
    left = right = None
    if not {"awal"} & (sub.absent_from | sub.hidden_in):
        left = _review_copy(spec, sub, "awal", letter)
    if not {"analisis"} & (sub.absent_from | sub.hidden_in):
        right = _review_copy(spec, sub, "analisis", letter)
    if left and right:
        out.add(*left[0])
        out.add(f"{left[1]} {right[0][0]}")
        out.add(*right[0][1:])
    elif left or right:
        out.add(*(left or right)[0])
    last = (right or left)[1]
    out.add(f"{last} {sub.catatan}".rstrip() + " " if right else last + " ")


# ---------------------------------------------------------------- plan table (T-C.33)
def _plan_head(spec: Spec, total: bool = False, first: bool = False) -> list[str]:
    y = spec.year
    head = ["Lokasi", f"Rencana Tahun {y}", "Catatan Penting"]
    if first:
        head += [spec.urusan_name.replace("URUSAN PEMERINTAHAN ", "", 1), spec.bidang_name.split("BIDANG ")[-1]]
    if total:
        head += ["TOTAL"]
    head += [
        "Prakiraan Maju Rencana Tahun ",
        f"{y + 1}",
        "Target Capaian ",
        "Kinerja",
        "Kebutuhan ",
        "Dana/Pagu Indikatif",
        "Sumber Dana",
        "Target ",
        "Capaian ",
        "Kinerja",
        "Kebutuhan ",
        "Dana/Pagu Indikatif",
        "Kode",
        "Urusan/ Bidang Urusan/ Program/ ",
        "Kegiatan/ Sub Kegiatan",
        "Indikator Program/ Kegiatan/ ",
        "Sub Kegiatan",
    ]
    return head


def _qty(n: int, unit: str) -> str:
    return f"{n}{NB}{unit}"


def _upper_rows(out: Out, spec: Spec, table: str, node, level: str, prog: Prog, keg: Keg = None) -> None:
    sep = spec.thousands if table == "rencana" else "."
    n = pagu_of(spec, table, prog, keg) + spec.defects.subtotal_delta.get((table, node.code), 0)
    n1 = pagu_of(spec, table, prog, keg, nxt=True)
    code = code_tokens(node.code, keg_garble=level == "kegiatan" and int(node.code[-2:]) > 2)
    if level == "program":
        out.add(code)
        out.cell(node.name, 28)
    elif len(node.name) <= 34:
        out.add(f"{code} {node.name}")
    else:
        out.add(code)
        out.cell(node.name, 32)
    out.cell(node.indicator, 34)
    early = f"{NB}{node.unit} {NB}{node.unit} " if table == "akhir" else ""
    out.add(
        f"{early}{_qty(node.target, node.unit)} {money(n, sep)} {_qty(node.target_next, node.unit)} {money(n1, sep)}"
    )


def _plan(out: Out, spec: Spec) -> None:
    y, sep = spec.year, spec.thousands
    out.add(
        f" RUMUSAN RENCANA PROGRAM DAN KEGIATAN PERANGKAT DAERAH {y}  ",
        f"DAN PERKIRAAN MAJU TAHUN {y + 1} ",
        f"PEMERINTAH {spec.pemda.upper()} ",
        f"{spec.agency.upper()} ",
        " ",
    )
    urusan, bidang = spec.bidang.split(".")
    out.add(urusan)
    out.add(
        f"{urusan} {int(bidang)} {money(pagu_of(spec, 'rencana'), sep)} "
        f"{money(pagu_of(spec, 'rencana', nxt=True), sep)}"
    )
    _plan_body(out, spec, "rencana", _plan_sub)
    out.add(money(pagu_of(spec, "rencana") + spec.defects.subtotal_delta.get(("rencana", "TOTAL"), 0), sep))
    out.add(*_plan_head(spec, total=True))


def _plan_body(out: Out, spec: Spec, table: str, sub_rows) -> None:
    n_on_page, first = 0, True
    rows = present(spec, table)
    for prog in spec.programs:
        if not any(r[0] is prog for r in rows):
            continue
        _upper_rows(out, spec, table, prog, "program", prog)
        for keg in prog.kegiatan:
            if not any(r[1] is keg for r in rows):
                continue
            _upper_rows(out, spec, table, keg, "kegiatan", prog, keg)
            for sub in keg.subs:
                if table in sub.absent_from or table in sub.hidden_in:
                    continue
                if n_on_page == spec.per_page:
                    out.add(*(_plan_head(spec, first=first) if table == "rencana" else _akhir_head(spec)))
                    n_on_page, first = 0, False
                sub_rows(out, spec, sub)
                n_on_page += 1


def _sub_head(out: Out, sub: Sub, table: str) -> None:
    code = code_tokens(sub.code, keg_garble=int(sub.code.split(".")[4]) > 2)
    name = sub.val("name", table)
    if len(name) <= 34:
        out.add(f"{code} {name}")
    else:
        out.add(code)
        out.cell(name, 34)
    out.cell(sub.indicator, 34)


def _sumber(spec: Spec) -> list[str]:
    return cell(spec.sumber_dana, 16)


def _plan_sub(out: Out, spec: Spec, sub: Sub) -> None:
    t = "rencana"
    _sub_head(out, sub, t)
    out.cell(sub.lokasi, 22)
    out.add(f"{_qty(sub.val('target', t), sub.val('unit', t))} {money(sub.val('pagu', t), spec.thousands)}")
    out.add(*_sumber(spec))
    out.add(f"{_qty(sub.target_next, sub.val('unit', t))} {money(sub.pagu_next, spec.thousands)}")


# ---------------------------------------------------------------- rancangan akhir RKPD (BAB IV)
def _akhir_head(spec: Spec, total: bool = False) -> list[str]:
    y = spec.year
    head = [
        "Kode",
        "Urusan/ Bidang Urusan/ Program/ ",
        "Kegiatan/ Sub Kegiatan",
        "Indikator Program/ Kegiatan/ ",
        "Sub Kegiatan",
        "Target Akhir ",
        "Periode RPJMD",
        "Realisasi Capaian RKPD ",
        f"Tahun {y - 2}",
        "Prakiraan Capaian ",
        "Target RKPD Tahun ",
        f"{y - 1}",
        "Capaian Kinerja dan Kerangka Pendanaan",
        "Kelompok Sasaran",
        f"Prakiraan Maju Rencana Tahun {y + 1}",
        "Perangkat Daerah ",
        f"Penanggung JawabTarget {y} Pagu Indikatif Lokasi Sumber Dana",
        "Prioritas",
        "Target Pagu Indikatif",
    ]
    if total:
        head += [spec.bidang_name.split("BIDANG ")[-1], "TOTAL  "]
    return head


def _akhir(out: Out, spec: Spec) -> None:
    y = spec.year
    out.add(
        " RANCANGAN AKHIR RENCANA KERJA PEMERINTAH DAERAH (RKPD) ",
        f"{spec.pemda.upper()} TAHUN {y} ",
        " Nasional Daerah",
    )
    urusan, bidang = spec.bidang.split(".")
    out.add(
        f"{urusan} {int(bidang)} {money(pagu_of(spec, 'akhir'), '.')} {money(pagu_of(spec, 'akhir', nxt=True), '.')}"
    )
    _plan_body(out, spec, "akhir", _akhir_sub)
    out.add(f"{money(pagu_of(spec, 'akhir'), '.')} {money(pagu_of(spec, 'akhir', nxt=True), '.')}")
    out.add(*_akhir_head(spec, total=True))


def _akhir_sub(out: Out, spec: Spec, sub: Sub) -> None:
    t = "akhir"
    _sub_head(out, sub, t)
    unit = sub.val("unit", t)
    out.add(f"{_qty(sub.val('target', t), unit)} {money(sub.val('pagu', t), '.')}")
    out.cell(sub.lokasi, 22)
    out.add(*_sumber(spec))
    out.add(
        "Penguatan Sistem Kesehatan ",
        "Nasional ",
        "2. Meningkatkan derajat ",
        "kesehatan masyarakat",
        f"Masyarakat {spec.pemda_short}",
    )
    out.add(f"{_qty(sub.target_next, unit)} {money(sub.pagu_next, '.')}")
    out.cell(spec.agency, 14)
