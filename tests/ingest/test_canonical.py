"""Canonical RKPD / Renstra / RPJMD: YAML, JSON, CSV and .xlsx read onto one model; the
template round trip; bad spreadsheets are one line naming file, sheet, row and column."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from renja_check.cli import main
from renja_check.errors import InputError
from renja_check.ingest import load_document
from renja_check.paths import corpus_dir

ROWS = [
    {
        "kode_skpd": "1.02.0.00.0.00.01.0000",
        "kode": "1.02.02",
        "nama": "PROGRAM PEMENUHAN UPAYA KESEHATAN",
        "pagu": 500_000_000,
        "pagu_n1": 550_000_000,
    },
    {
        "kode_skpd": "1.02.0.00.0.00.01.0000",
        "kode": "1.02.02.2.01.0001",
        "nama": "Pembangunan Puskesmas",
        "indikator": "Jumlah Puskesmas",
        "target": 1,
        "satuan": "Unit",
        "lokasi": "Kecamatan Kota",
        "sumber_dana": "DAU",
        "pagu": 300_000_000,
        "pagu_n1": 330_000_000,
    },
    {
        "kode_skpd": "1.02.0.00.0.00.01.0000",
        "kode": "1.02.02.2.01.0001",
        "indikator": "Persentase selesai",
        "target": 100,
        "satuan": "%",
    },
]
META = {"dokumen": "rkpd", "pemda": "Kabupaten Contoh", "tahun": 2025, "tahap": "rancangan_akhir"}
COLS = list(dict.fromkeys(k for r in ROWS for k in r))


def _xlsx(path: Path, rows=ROWS, cols=COLS, merge=None):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(cols)
    for r in rows:
        ws.append([r.get(c) for c in cols])
    if merge:
        ws.merge_cells(merge)
    meta = wb.create_sheet("dokumen")
    meta.append(["kunci", "nilai"])
    for k, v in META.items():
        meta.append([k, v])
    wb.save(path)
    return path


def _semantic(doc):
    """What the model holds, without where it was read from (lines differ between formats)."""
    t = doc.tables[0]
    return [
        (
            n.id,
            n.level,
            n.code,
            n.name,
            n.parent,
            {y: m.value for y, m in n.pagu.items()},
            n.lokasi,
            n.sumber_dana,
            n.agencies,
            [(i.text, {y: (str(q.value), q.unit) for y, q in i.targets.items()}) for i in n.indicators],
        )
        for n in t.nodes
    ] + [doc.doc_type, doc.year, doc.stage]


def test_yaml_json_csv_xlsx_give_the_same_model(tmp_path):
    y = tmp_path / "rkpd.yaml"
    y.write_text(yaml.safe_dump(dict(META, baris=ROWS)), encoding="utf-8")
    j = tmp_path / "rkpd.json"
    j.write_text(json.dumps(dict(META, baris=ROWS), indent=1), encoding="utf-8")
    c = tmp_path / "rkpd.csv"
    lines = [f"# {k}: {v}" for k, v in META.items()] + [",".join(COLS)]
    lines += [",".join(str(r.get(k, "")) for k in COLS) for r in ROWS]
    c.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [load_document(p) for p in (y, j, c, _xlsx(tmp_path / "rkpd.xlsx"))]
    want = _semantic(docs[0])
    for d in docs[1:]:
        assert _semantic(d) == want, d.source.format
    sub = docs[0].tables[0].nodes[1]
    assert sub.pagu["2025"].value == 300_000_000 and sub.pagu["2026"].value == 330_000_000
    assert [i.text for i in sub.indicators] == ["Jumlah Puskesmas", "Persentase selesai"]
    assert sub.parent == "rkpd:1.02.02"  # linked by code (no kegiatan row: the program)
    # lines point at the row: YAML line of the mapping, JSON line of its "{", sheet row
    assert [n.span.line_start for n in docs[3].tables[0].nodes] == [2, 3]
    assert [n.span.line_start for n in docs[1].tables[0].nodes] == [7, 14]


def test_golden_default_renstra():
    doc = load_document(corpus_dir() / "dossier" / "renstra-bkpsdm-2021-2026.yaml")
    assert (doc.doc_type, doc.period_start, doc.period_end) == ("renstra", 2021, 2026)
    nodes = doc.tables[0].nodes
    assert [(n.level, n.parent) for n in nodes] == [("tujuan", None), ("sasaran", "renstra:tujuan:1")]
    assert [(i.text, {y: q.raw for y, q in i.targets.items()}) for i in nodes[1].indicators] == [
        ("Indeks Profesionalitas ASN", {"2020": "72", "2021": "75"}),
        ("Indeks Sistem Merit", {"2022": "0,61", "2023": "0,63"}),
    ]
    assert nodes[1].indicators[1].targets["2023"].value == Decimal("0.63")
    assert nodes[0].sumber == "renja-2023-bkpsdm-bontang.txt:5234"


def test_template_filled_and_checked(tmp_path):
    """template -> filled -> checked: an RKPD workbook against a Renja that departs from it."""
    from openpyxl import load_workbook

    from ..dossier import contoh

    book = tmp_path / "rkpd.xlsx"
    res = CliRunner().invoke(main, ["template", "rkpd", "-o", str(book), "--tahun", "2025"])
    assert res.exit_code == 0 and book.is_file()
    wb = load_workbook(book)
    ws = wb["data"]
    header = [c.value for c in ws[1]]
    s = contoh.spec()
    for r in s["rkpd"]["baris"]:
        r = dict(r, pagu=350) if r["kode"] == "1.02.02.2.01.0001" else r
        ws.append([r.get(h) for h in header])
    meta = {row[0].value: row[1] for row in wb["dokumen"].iter_rows(min_row=2)}
    meta["pemda"].value = "Kabupaten Contoh"
    wb.save(book)
    folder = tmp_path / "d"
    contoh.write(s, folder)
    dossier = folder / "dossier.yaml"
    dossier.write_text(dossier.read_text().replace("rkpd-2025.csv", str(book)), encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(dossier), "--select", "XD03", "--format", "json"])
    assert res.exit_code == 1, res.output
    (f,) = json.loads(res.stdout)["findings"]
    assert (f["expected"], f["found"], f["difference"]) == (350, 300, -50)
    assert f["evidence"]["rkpd"]["document"] == str(book) and f["evidence"]["rkpd"]["line"] == 5


@pytest.mark.parametrize(
    "case,words",
    [
        ("missing_column", ["sheet 'data'", "row 1", "missing column 'pagu'"]),
        ("text_in_money", ["sheet 'data'", "row 3", "column D (pagu)", "'tiga ratus juta'"]),
        ("merged_header", ["sheet 'data'", "row 1", "column C", "merged header"]),
        ("unknown_column", ["sheet 'data'", "row 1", "column B", "unknown column 'nomor urut'"]),
        ("duplicate_column", ["sheet 'data'", "row 1", "column B", "'kode_skpd' appears twice"]),
        ("unsaved_formula", ["sheet 'data'", "row 2", "column D (pagu)", "=SUM(D3:D3)", "no saved result"]),
    ],
)
def test_bad_spreadsheet_is_one_line_exit_2(tmp_path, case, words):
    path = tmp_path / f"{case}.xlsx"
    if case == "missing_column":
        _xlsx(path, cols=[c for c in COLS if c != "pagu"])
    elif case == "text_in_money":
        _xlsx(path, rows=[ROWS[0], dict(ROWS[1], pagu="tiga ratus juta")])
    elif case == "merged_header":
        _xlsx(path, merge="C1:D1")
    elif case == "unsaved_formula":
        _xlsx(path, rows=[dict(ROWS[0], pagu="=SUM(D3:D3)"), ROWS[1]])
    elif case == "unknown_column":
        _xlsx(path, cols=["kode_skpd", "nomor urut"] + COLS[1:])
    else:
        _xlsx(path, cols=["kode_skpd"] + COLS)
    res = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])
    assert res.exit_code == 2, res.output
    assert res.stderr.count("\n") == 1 and str(path) in res.stderr, res.stderr
    for w in words:
        assert w in res.stderr, res.stderr


def test_bad_csv_money_names_row_and_column(tmp_path):
    p = tmp_path / "rkpd.csv"
    p.write_text("# dokumen: rkpd\n# tahun: 2025\nkode,nama,pagu\n1.02.02,PROGRAM X,12x\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_document(p)
    assert "row 4, column C (pagu)" in exc.value.text("en") and "'12x'" in exc.value.text("en")


def test_canonical_yaml_without_a_known_document_type(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("dokumen: renja\nbaris: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="dokumen"):
        load_document(p)


@pytest.mark.parametrize(
    "args,words",
    [
        (["rkpd", "-o", "{tmp}/t.txt"], "written as .xlsx or .csv"),
        (["renstra", "-o", "{tmp}/t.xlsx", "--periode", "2026-2021"], "not a period"),
    ],
)
def test_template_bad_options_exit_2(tmp_path, args, words):
    res = CliRunner().invoke(main, ["template"] + [a.format(tmp=tmp_path) for a in args] + ["--lang", "en"])
    assert res.exit_code == 2 and words in res.stderr and res.stderr.count("\n") == 1


def test_template_csv_reads_back_as_an_empty_document(tmp_path):
    out = tmp_path / "rpjmd.csv"
    assert CliRunner().invoke(main, ["template", "rpjmd", "-o", str(out), "--periode", "2025-2029"]).exit_code == 0
    doc = load_document(out)
    assert (doc.doc_type, doc.period_start, doc.period_end, doc.tables[0].nodes) == ("rpjmd", 2025, 2029, [])


def test_readme_examples_read(tmp_path):
    """The README's dossier file, CSV and YAML examples are valid input."""
    import re

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## The dossier:") : text.index("## How it works")]
    blocks = re.findall(r"```(yaml|)\n(.*?)```", section, re.S)
    csv_block = next(b for _, b in blocks if b.startswith("# dokumen: rkpd"))
    yaml_block = next(b for _, b in blocks if b.startswith("dokumen: renstra"))
    dossier_block = next(b for _, b in blocks if "dossier: 1" in b)
    (tmp_path / "rkpd.csv").write_text(csv_block, encoding="utf-8")
    (tmp_path / "renstra.yaml").write_text(yaml_block, encoding="utf-8")
    rkpd, renstra = load_document(tmp_path / "rkpd.csv"), load_document(tmp_path / "renstra.yaml")
    assert [n.level for n in rkpd.tables[0].nodes] == ["program", "subkegiatan"]
    assert [n.level for n in renstra.tables[0].nodes] == ["tujuan", "sasaran", "subkegiatan"]
    data = yaml.safe_load(dossier_block)
    assert set(data["dokumen"]) <= {"rkpd", "renstra", "rpjmd"} and data["perangkat_daerah"][0]["renja"]
