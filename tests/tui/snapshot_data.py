"""A small hand-made result for the snapshot tests: stable when rule wording changes.

Two tables of one invented Renja (a needs analysis and the plan), a subtotal that does
not add up, a pagu that differs between the tables, and a notice; the source text is
written beside the test so the excerpts have real line numbers.
"""

from __future__ import annotations

from pathlib import Path

from renja_check.baseline import Screened
from renja_check.engine import RunResult, RunStats
from renja_check.finding import Finding
from renja_check.models import Document, Dossier, Money, Node, Source, Span, Table
from renja_check.report.model import CheckReport
from tui.session import Session

TEXT = """RENCANA KERJA PERANGKAT DAERAH CONTOH
Tabel 2.5 Hasil Analisis Kebutuhan
1.01.01 PROGRAM PENUNJANG URUSAN              1,500,000
1.01.01.2.01 Perencanaan dan Penganggaran      1,400,000
1.01.01.2.01.0001 Penyusunan Dokumen             900,000
1.01.01.2.01.0002 Evaluasi Kinerja               500,000
Rumusan Rencana Program dan Kegiatan
1.01.01 PROGRAM PENUNJANG URUSAN              1,400,000
1.01.01.2.01 Perencanaan dan Penganggaran      1,400,000
1.01.01.2.01.0001 Penyusunan Dokumen             800,000
1.01.01.2.01.0002 Evaluasi Kinerja               600,000
"""


def _node(
    path: str, table: str, level: str, code: str, name: str, line: int, value: int, parent: str | None = None
) -> Node:
    return Node(
        id=f"{table}:{code}",
        level=level,
        code=code,
        code_status="printed",
        name=name,
        parent=f"{table}:{parent}" if parent else None,
        pagu={"2030": Money(raw=f"{value:,}", value=value)},
        span=Span(file=path, line_start=line, line_end=line),
    )


def _table(path: str, tid: str, role: str, first: int, values: tuple[int, int, int, int]) -> Table:
    prog, keg, s1, s2 = values
    nodes = [
        _node(path, tid, "program", "1.01.01", "PROGRAM PENUNJANG URUSAN", first, prog),
        _node(path, tid, "kegiatan", "1.01.01.2.01", "Perencanaan dan Penganggaran", first + 1, keg, "1.01.01"),
        _node(path, tid, "subkegiatan", "1.01.01.2.01.0001", "Penyusunan Dokumen", first + 2, s1, "1.01.01.2.01"),
        _node(path, tid, "subkegiatan", "1.01.01.2.01.0002", "Evaluasi Kinerja", first + 3, s2, "1.01.01.2.01"),
    ]
    return Table(
        id=tid, role=role, years=[2030], nodes=nodes, span=Span(file=path, line_start=first - 1, line_end=first + 3)
    )


def snapshot_session(folder: Path) -> Session:
    path = folder / "contoh-renja.txt"
    path.write_text(TEXT, encoding="utf-8")
    p = str(path)
    doc = Document(
        year=2030,
        perangkat_daerah="Dinas Contoh",
        source=Source(path=p, format="pdf-text"),
        tables=[
            _table(p, "kebutuhan", "kebutuhan", 3, (1_500_000, 1_400_000, 900_000, 500_000)),
            _table(p, "rencana", "rencana", 8, (1_400_000, 1_400_000, 800_000, 600_000)),
        ],
    )
    span = lambda a, b: Span(file=p, line_start=a, line_end=b)  # noqa: E731
    findings = [
        Finding(
            rule="PG01",
            rule_name="pagu.subtotal_sum",
            severity="error",
            message={
                "id": "Subtotal program 1.01.01 tercetak Rp 1.500.000, jumlah 1 kegiatan Rp 1.400.000 "
                "(selisih Rp 100.000).",
                "en": "Program 1.01.01 subtotal printed Rp 1,500,000, its 1 kegiatan add up to "
                "Rp 1,400,000 (difference Rp 100,000).",
            },
            document=p,
            table="kebutuhan",
            locator="kebutuhan:1.01.01",
            span=span(3, 6),
            expected=1_400_000,
            found=1_500_000,
            difference=100_000,
            evidence={
                "year": 2030,
                "sum": 1_400_000,
                "printed": 1_500_000,
                "addends": [
                    {
                        "locator": "kebutuhan:1.01.01.2.01",
                        "code": "1.01.01.2.01",
                        "name": "Perencanaan dan Penganggaran",
                        "value": 1_400_000,
                    }
                ],
            },
            suggestion={"id": "Perbaiki subtotal atau baris rinciannya.", "en": "Fix the subtotal or its rows."},
            fingerprint="aaaa000000000001",
        ),
        Finding(
            rule="XT01",
            rule_name="cross.pagu_differs",
            severity="warning",
            message={
                "id": "Pagu sub kegiatan 1.01.01.2.01.0001 berbeda: Analisis Kebutuhan Rp 900.000, "
                "Rumusan Rencana Rp 800.000.",
                "en": "Pagu of sub kegiatan 1.01.01.2.01.0001 differs: needs analysis Rp 900,000, plan Rp 800,000.",
            },
            document=p,
            table="rencana",
            locator="rencana:1.01.01.2.01.0001",
            span=span(10, 10),
            expected=900_000,
            found=800_000,
            difference=-100_000,
            evidence={"year": 2030, "a": {"table": "kebutuhan", "locator": "kebutuhan:1.01.01.2.01.0001", "line": 5}},
            fingerprint="aaaa000000000002",
        ),
        Finding(
            rule="DN02",
            rule_name="notes.reader_note",
            severity="info",
            message={"id": "Catatan pembacaan: judul tabel terpotong.", "en": "Reader note: table title cut."},
            document=p,
            table="rencana",
            locator="note:title",
            span=span(7, 7),
            fingerprint="aaaa000000000003",
        ),
    ]
    tables = {
        "kebutuhan": {"id": "Tabel 2.5 (Hasil Analisis Kebutuhan)", "en": "Table 2.5 (Needs analysis)"},
        "rencana": {"id": "Rumusan Rencana Program dan Kegiatan", "en": "Planned programmes and activities"},
    }
    result = RunResult(findings=findings, tables=tables, stats=RunStats())
    report = CheckReport.build(result, Screened(findings=findings))
    return Session(report=report, dossier=Dossier(documents=[doc]), inputs=[path])
