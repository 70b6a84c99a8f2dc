"""The evidence of a finding in a few short lines for the human-readable formats, with its keys in
the reader's language."""

from __future__ import annotations

from typing import Any

from .labels import fmt_value, label

# evidence keys as a verifier reads them (English: the key with spaces)
EVIDENCE_ID: dict[str, str] = {
    "year": "tahun",
    "rows": "baris",
    "filled": "yang terisi",
    "indicators": "indikator",
    "pagu": "pagu",
    "level": "tingkat",
    "locator": "penunjuk",
    "locator_a": "penunjuk a",
    "locator_b": "penunjuk b",
    "mentions": "penyebutan",
    "names": "nama",
    "pair": "pasangan kode",
    "plan_year": "tahun rencana",
    "section": "bagian",
    "stated": "tertulis",
    "subkegiatan": "sub kegiatan",
    "total": "total",
    "total_a": "total a",
    "total_b": "total b",
    "rows_sum_a": "jumlah baris a",
    "rows_sum_b": "jumlah baris b",
    "table_a": "tabel a",
    "table_b": "tabel b",
    "value": "nilai",
    "same_unit_sum": "jumlah bersatuan sama",
    "document": "dokumen",
    "doc_type": "jenis dokumen",
    "embedded": "tabel dalam Renja",
    "field": "isian",
    "stage": "tahap",
    "sumber": "sumber",
    "table_label": "nama tabel",
    "budget_line": "baris anggaran",
    "budget_node": "baris anggaran (penunjuk)",
    "listed_codes": "kode tercantum",
    "listed_score": "skor kemiripan",
    "printed": "tercetak",
    "sum": "jumlah",
    "difference": "selisih",
    "diff": "selisih",
    "addends": "penjumlah",
    "empty_addends": "penjumlah kosong",
    "folded": "temuan yang digabung",
    "notes": "catatan",
    "note": "catatan",
    "formula": "rumus",
    "formulas": "rumus",
    "operands": "operand",
    "result": "hasil",
    "columns": "kolom",
    "column": "kolom",
    "recomputed": "hitung ulang",
    "cell": "sel",
    "raw": "teks tercetak",
    "indicator": "indikator",
    "units": "satuan",
    "unit": "satuan",
    "majority": "satuan mayoritas",
    "odd": "satuan lain",
    "origin": "asal",
    "changes": "perubahan",
    "change": "perubahan",
    "target": "target",
    "pagu_raw": "pagu tercetak",
    "printed_row": "baris tercetak",
    "code": "kode",
    "tables": "tabel",
    "table": "tabel",
    "nodes": "baris",
    "lines": "baris",
    "sentence": "kalimat",
    "unreadable_rows": "baris tak terbaca",
    "unreadable": "tak terbaca",
    "readable_sum": "jumlah yang terbaca",
    "listed": "tercantum",
    "claimed": "disebut",
    "referred_table": "tabel yang dirujuk",
    "values": "nilai",
    "printed_total": "total tercetak",
    "rows_sum": "jumlah baris",
    "closest_other_table": "tabel lain terdekat",
    "same_pagu": "pagu sama",
    "counted": "dihitung",
    "with_pagu": "berpagu",
    "zero_pagu": "pagu nol",
    "explained": "dijelaskan",
    "unexplained": "tidak dijelaskan",
    "only_one_side": "hanya di satu sisi",
    "row_changes": "perubahan baris",
    "name": "nama",
    "official": "nama resmi",
    "score": "skor",
    "status": "status",
    "line": "baris",
    "rule": "aturan",
    "message": "pesan",
    "expected": "diharapkan",
    "found": "ditemukan",
    "subject": "pokok",
    "qualifier": "keterangan",
    "claims": "pernyataan",
    "recoded": "kode berubah",
    "pattern": "pola",
    "analysed": "baris dianalisis",
}


def evidence_label(key: str, lang: str) -> str:
    """An evidence key in the reader's language ("printed_total" -> "total tercetak" / "printed total")."""
    if lang == "id" and key in EVIDENCE_ID:
        return EVIDENCE_ID[key]
    return key.replace("_", " ")


_ITEM_KEYS = ("code", "locator", "name", "id", "label")
MAX_FOLDED = 5  # folded findings listed one per line under a finding
_VALUE_KEYS = ("value", "pagu", "amount", "count", "target")
_SUM_KEYS = ("addends", "terms", "parts", "children")


def _item(item: Any, lang: str) -> str:
    if isinstance(item, dict) and "rule" in item and "message" in item:  # a folded finding
        where = item.get("locator") or item.get("table") or ""
        if item.get("expected") is not None or item.get("found") is not None:
            return (
                f"{item['rule']} {where}: {label('expected', lang)} {fmt_value(item.get('expected'), lang)}"
                f" · {label('found', lang)} {fmt_value(item.get('found'), lang)}"
            )
        return f"{item['rule']} {where}: {item['message']}".strip()
    if isinstance(item, dict) and set(item) == {"line", "note"}:  # a reader note
        return f"{item['line']}: {item['note']}"
    if isinstance(item, dict):
        tag = next((str(item[k]) for k in _ITEM_KEYS if item.get(k) not in (None, "")), None)
        val = next((item[k] for k in _VALUE_KEYS if k in item), None)
        if val is not None:
            return f"{tag}: {fmt_value(val, lang)}" if tag else fmt_value(val, lang)
        return fmt_value(item, lang)
    return fmt_value(item, lang)


def short_evidence(
    evidence: dict[str, Any], lang: str = "id", width: int = 88, max_lines: int = 4, shown: tuple = ()
) -> list[str]:
    """The evidence of a finding in a few lines of at most ``width`` characters.

    Lists (the addends, the rows compared) come first; scalars equal to one of ``shown``
    (the expected / found / difference already printed) are left out. Only what the lines
    show is put in ``lang`` (``finding.in_lang``) and formatted: a long list stops once its
    line is cut at ``width``.
    """
    from ..finding import LANGS, in_lang

    ev: dict[str, Any] = {}
    for k, v in evidence.items():  # in_lang's "<key>_id"/"<key>_en" pairs, values converted below
        base, _, suffix = k.rpartition("_")
        if base and suffix in LANGS and all(f"{base}_{x}" in evidence for x in LANGS):
            if suffix == lang:
                ev[base] = v
            continue
        ev[k] = v
    items = [(k, v) for k, v in ev.items() if isinstance(v, (list, tuple))]  # in_lang keeps lists lists
    for k, v in ev.items():
        if not isinstance(v, (list, tuple)):
            v = in_lang(v, lang)
            if not (v is not None and any(v == x for x in shown)):
                items.append((k, v))
    lines = []
    folded = [(k, v) for k, v in items if k == "folded" and isinstance(v, (list, tuple))]
    items = [(k, v) for k, v in items if k != "folded"]
    for key, value in folded:  # each folded finding on its own line: it is a defect of its own
        for entry in list(value)[:MAX_FOLDED]:
            line = f"{evidence_label(key, lang)}: {_item(_in_lang_item(value, entry, lang), lang)}"
            lines.append(_cut(line, width))
        if len(value) > MAX_FOLDED:
            lines.append(f"{evidence_label(key, lang)}: … (+{len(value) - MAX_FOLDED})")
    max_lines += len(lines)
    for n, (key, value) in enumerate(items):
        if len(lines) == max_lines:
            lines.append(f"… (+{len(items) - n})")
            break
        if isinstance(value, (list, tuple)):
            sep = " + " if key in _SUM_KEYS else "; "
            parts, length = [], -len(sep)
            for v in value:  # past the width the line is cut: the rest is never seen
                parts.append(_item(_in_lang_item(value, v, lang), lang))
                length += len(sep) + len(parts[-1])
                if length > width:
                    break
            text = sep.join(parts)
            if len(value) > 1:
                text = f"[{len(value)}] {text}"
        else:
            text = _item(value, lang)
        lines.append(_cut(f"{evidence_label(key, lang)}: {text}", width))
    return lines


def _cut(line: str, width: int) -> str:
    """The line, cut to ``width`` characters with an ellipsis when longer."""
    return line if len(line) <= width else line[: width - 1] + "…"


def _in_lang_item(container: Any, item: Any, lang: str) -> Any:
    """An element of a list as ``in_lang(list)`` gives it (a tuple's elements stay as they are)."""
    if isinstance(container, list):
        from ..finding import in_lang

        return in_lang(item, lang)
    return item
