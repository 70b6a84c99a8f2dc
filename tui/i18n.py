"""Interface labels: Bahasa Indonesia by default, English with ``--lang en``.

Report words (severity names, expected/found/difference) come from
``renja_check.report.labels`` so the TUI and the reports say the same thing.
"""

from __future__ import annotations

from renja_check.report.labels import LABELS as REPORT_LABELS

UI: dict[str, dict[str, str]] = {
    "title": {"id": "renja-check — verifikasi Renja", "en": "renja-check — Renja verification"},
    "tab_findings": {"id": "Temuan", "en": "Findings"},
    "tab_documents": {"id": "Dokumen", "en": "Documents"},
    "tab_ask": {"id": "Tanya", "en": "Ask"},
    "all_severities": {"id": "Semua tingkat", "en": "All severities"},
    "all_rules": {"id": "Semua aturan", "en": "All rules"},
    "all_tables": {"id": "Semua tabel", "en": "All tables"},
    "all_documents": {"id": "Semua dokumen", "en": "All documents"},
    "search": {"id": "Cari teks… (/)", "en": "Search text… (/)"},
    "col_sev": {"id": "Tk", "en": "Sev"},
    "col_code": {"id": "Kode", "en": "Code"},
    "col_table": {"id": "Tabel", "en": "Table"},
    "col_row": {"id": "Baris", "en": "Line"},
    "col_message": {"id": "Pesan", "en": "Message"},
    "shown": {"id": "ditampilkan", "en": "shown"},
    "of": {"id": "dari", "en": "of"},
    "node_filter": {"id": "simpul", "en": "node"},
    "no_selection": {"id": "Pilih temuan untuk melihat rinciannya.", "en": "Select a finding to see its detail."},
    "addends": {"id": "Penjumlah", "en": "Addends"},
    "sum": {"id": "jumlah", "en": "sum"},
    "no_source": {"id": "(sumber tidak tersedia)", "en": "(source not available)"},
    "explain": {"id": "Penjelasan aturan", "en": "Rule explanation"},
    "loading": {"id": "Memuat…", "en": "Loading…"},
    "stage_read": {"id": "Membaca dokumen…", "en": "Reading the documents…"},
    "stage_check": {"id": "Menjalankan aturan…", "en": "Running the rules…"},
    "stage_store": {"id": "Membaca basis data…", "en": "Reading the database…"},
    "stage_done": {"id": "Selesai", "en": "Done"},
    "load_failed": {"id": "Gagal memuat", "en": "Could not load"},
    "no_dossier": {"id": "Dokumen tidak tersedia untuk hasil ini.", "en": "No documents for this result."},
    "pagu_per_table": {"id": "Pagu per tabel", "en": "Pagu per table"},
    "mismatch": {"id": "tidak sama antartabel", "en": "differs between tables"},
    "node_findings": {"id": "temuan pada simpul ini", "en": "findings on this node"},
    "ask_placeholder": {"id": "Tulis pertanyaan lalu Enter…", "en": "Type a question and press Enter…"},
    "ask_unavailable": {
        "id": "Asisten tidak tersedia pada instalasi ini.",
        "en": "The assistant is not available in this installation.",
    },
    "ask_failed": {"id": "Asisten gagal menjawab", "en": "The assistant failed"},
    "thinking": {"id": "Mencari jawaban…", "en": "Looking for an answer…"},
    "context": {"id": "konteks", "en": "context"},
    "context_clear": {"id": "ctrl+n: hapus", "en": "ctrl+n: clear"},
    "context_cleared": {"id": "Konteks dihapus", "en": "Context cleared"},
    "not_found": {"id": "(tidak ditemukan)", "en": "(not found)"},
    "candidates": {"id": "Mungkin maksud Anda", "en": "Did you mean"},
    "citations": {"id": "Rujukan (Enter untuk membuka)", "en": "Citations (Enter to open)"},
    "waive_title": {"id": "Kecualikan temuan (waiver)", "en": "Waive the finding"},
    "waive_reason": {"id": "Alasan (wajib)", "en": "Reason (required)"},
    "waive_expires": {"id": "Berlaku s.d. (YYYY-MM-DD, boleh kosong)", "en": "Expires (YYYY-MM-DD, optional)"},
    "waive_bad_date": {"id": "Tanggal tidak sah", "en": "Invalid date"},
    "waived_to": {"id": "Waiver ditulis ke", "en": "Waiver written to"},
    "already_waived": {"id": "Temuan ini sudah dikecualikan", "en": "This finding is already waived"},
    "ok": {"id": "Simpan", "en": "Save"},
    "cancel": {"id": "Batal", "en": "Cancel"},
    "exported": {"id": "Diekspor", "en": "Exported"},
    "help_title": {"id": "Bantuan: tombol", "en": "Help: keys"},
    "help_close": {"id": "Esc atau F1 untuk menutup", "en": "Esc or F1 to close"},
    "no_node": {"id": "Temuan ini tidak menunjuk simpul dokumen", "en": "This finding points at no document node"},
    "no_target": {"id": "Rujukan tidak ditemukan dalam hasil ini", "en": "Citation not found in this result"},
}

# key help: binding action -> description (F1 lists every key from the bindings themselves)
ACTIONS: dict[str, dict[str, str]] = {
    "help": {"id": "Bantuan", "en": "Help"},
    "quit": {"id": "Keluar", "en": "Quit"},
    "tab_findings": UI["tab_findings"],
    "tab_documents": UI["tab_documents"],
    "tab_ask": UI["tab_ask"],
    "focus_search": {"id": "Cari", "en": "Search"},
    "focus_table": {"id": "Kembali ke tabel temuan", "en": "Back to the findings table"},
    "cycle_severity": {"id": "Saring tingkat", "en": "Filter severity"},
    "cycle_sort": {"id": "Urutan", "en": "Sort"},
    "clear_filters": {"id": "Hapus saringan", "en": "Clear filters"},
    "waive": {"id": "Waiver", "en": "Waive"},
    "export_md": {"id": "Ekspor Markdown", "en": "Export Markdown"},
    "export_json": {"id": "Ekspor JSON", "en": "Export JSON"},
    "goto_node": {"id": "Ke simpul", "en": "To node"},
    "goto_findings": {"id": "Ke temuan", "en": "To findings"},
    "toggle_dark": {"id": "Tema", "en": "Theme"},
    "command_palette": {"id": "Palet perintah", "en": "Command palette"},
}

SORTS: dict[str, dict[str, str]] = {
    "document": {"id": "urutan dokumen", "en": "document order"},
    "severity": {"id": "tingkat", "en": "severity"},
    "rule": {"id": "kode aturan", "en": "rule code"},
    "table": {"id": "tabel", "en": "table"},
}


def t(key: str, lang: str) -> str:
    """A UI label (or a report label) in ``lang``, falling back to Bahasa Indonesia."""
    entry = UI.get(key) or ACTIONS.get(key) or REPORT_LABELS[key]
    return entry.get(lang) or entry["id"]
