"""Where the benchmarks find the shared reference material (beside the checkout, never copied in)."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
# the 54 SIPD-RI Renja files (one agency each) of a kabupaten, 2026
SIPD_FOLDER = (
    SHARED
    / "reference"
    / "nomenclature"
    / "join-project-ms-grup__e-monev-utara-be"
    / "src"
    / "app"
    / "renja-rkpd"
    / "seeder"
    / "renja-2026"
)
