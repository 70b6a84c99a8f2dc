"""Text lines for a dossier run: rules skipped for want of a document, and, for a whole
pemda, one line per agency and the pemda's pagu totals per urusan and program."""

from __future__ import annotations

from ..numbers import format_rupiah
from .display_paths import display_path
from .model import CheckReport
from .wrap import wrap

WIDTH = 100
_T = {
    "skipped": ("dilewati (dokumen atau bagiannya tidak ada)", "skipped (document or the part needed absent)"),
    "agencies": ("Per perangkat daerah", "Per agency"),
    "docs": ("dokumen", "documents"),
    "urusan": ("Total pemda per urusan (pagu N / N+1)", "Pemda totals per urusan (pagu N / N+1)"),
    "program": ("Total pemda per program (pagu N / N+1)", "Pemda totals per program (pagu N / N+1)"),
    "sev": (("galat", "peringatan", "info"), ("errors", "warnings", "info")),
}


def t(key: str, lang: str):
    return _T[key][0 if lang == "id" else 1]


def skipped_lines(report: CheckReport, lang: str = "id") -> list[str]:
    sk = report.stats.skipped
    if not sk:
        return []
    agencies = report.stats.agencies
    share = {}  # whole-pemda run: how many agencies a rule was skipped for
    for code in sk:
        if agencies:
            n = sum(1 for a in agencies if code in (a.get("skipped") or {}))
            share[code] = f"; {n}/{len(agencies)} PD"
    text = f"{t('skipped', lang)}: " + ", ".join(
        f"{code} ({'/'.join(gaps)}{share.get(code, '')})" for code, gaps in sk.items()
    )
    return wrap(text, WIDTH, "  ", "    ")


def rp_or_dash(v) -> str:
    return format_rupiah(v) if v is not None else "-"


def agency_lines(report: CheckReport, lang: str = "id") -> list[str]:
    agencies = report.stats.agencies
    if not agencies:
        return []
    out = [f"{t('agencies', lang)} ({len(agencies)}):"]
    names = t("sev", lang)
    for a in agencies:
        who = a.get("name") or a.get("agency") or display_path(a["documents"]["renja"][0])
        sev = ", ".join(f"{n}: {a['findings'][s]}" for n, s in zip(names, ("error", "warning", "info")))
        docs = ", ".join(f"{role} {len(paths)}" for role, paths in a["documents"].items())
        out.append(f"  {who}")
        out.append(
            f"      {sev} · pagu N {rp_or_dash(a['pagu_n'])} · N+1 {rp_or_dash(a['pagu_n1'])} · {t('docs', lang)}: {docs}"
        )
    tot = report.stats.totals or {}
    if tot.get("urusan"):
        out.append(f"{t('urusan', lang)}:")
        out += [f"  {k:<10} {rp_or_dash(v['pagu_n'])} / {rp_or_dash(v['pagu_n1'])}" for k, v in tot["urusan"].items()]
    if tot.get("program"):
        out.append(f"{t('program', lang)}:")
        for k, v in tot["program"].items():
            out.append(f"  {k:<10} {v['name'][:50]:<50} {rp_or_dash(v['pagu_n'])} / {rp_or_dash(v['pagu_n1'])}")
    out.append("")
    return out
