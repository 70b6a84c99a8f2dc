"""What the readers call the tables they look for, in the reader notes (RD05, DN01)."""

from __future__ import annotations

KIND_ID = {
    "evaluasi": "evaluasi hasil pelaksanaan Renja (T-C.29)",
    "kinerja_pelayanan": "pencapaian kinerja pelayanan (T-C.30)",
    "review_rkpd": "review rancangan awal RKPD (T-C.31)",
    "usulan": "usulan program dan kegiatan masyarakat (T-C.32)",
    "rencana": "rumusan rencana program dan kegiatan",
    "rkpd_akhir": "rancangan akhir RKPD",
}
KIND_EN = {
    "evaluasi": "evaluation of the Renja (T-C.29)",
    "kinerja_pelayanan": "service performance (T-C.30)",
    "review_rkpd": "review of the rancangan awal RKPD (T-C.31)",
    "usulan": "community proposals (T-C.32)",
    "rencana": "programmes and activities planned",
    "rkpd_akhir": "rancangan akhir RKPD",
}
