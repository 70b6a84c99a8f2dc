"""The dossier: planted defects of a synthetic pemda found one by one, its clean twin silent,
the embedded default run citing the RKPD, the Renstra and the RPJMD, a whole-pemda run."""

from __future__ import annotations

import copy
import json
from functools import lru_cache

import pytest
from click.testing import CliRunner

from renja_check import api
from renja_check.cli import main

from . import contoh

XD_SKIPPED_CLEAN = {  # agency A has an RKPD rancangan akhir, agency B a rancangan awal
    "XD03": ["rkpd:rancangan_akhir/final"],
    "XD04": ["rkpd:rancangan_akhir/final"],
    "XD05": ["rkpd:rancangan_akhir/final"],
    "XD06": ["rkpd:rancangan_akhir/final"],
    "XD07": ["rkpd:rancangan_awal"],
    "XD14": ["renja:kutipan_visi_misi"],  # B quotes no visi / misi
    "XD19": ["renja:renstra_kutipan"],  # nor the Renstra's end targets
}


@lru_cache(maxsize=1)
def _xd_rules():
    return api.load_rules().select(["XD"])


def _check(folder, s):
    from renja_check.ingest.dossier_file import read_dossier_file
    from renja_check.pemda import run_pemda

    return run_pemda(_xd_rules(), read_dossier_file(contoh.write(s, folder)))


def test_clean_twin_is_silent_and_lists_what_it_skipped(tmp_path):
    report = _check(tmp_path, contoh.spec())
    assert [f.text("en") for f in report.findings] == []
    assert report.stats.skipped == XD_SKIPPED_CLEAN
    assert len(report.stats.agencies) == 2


@pytest.mark.parametrize("code", sorted(contoh.DEFECTS))
def test_planted_defect_is_found_by_its_rule_alone(tmp_path, code):
    s = copy.deepcopy(contoh.spec())
    contoh.DEFECTS[code](s)
    report = _check(tmp_path, s)
    assert {f.rule for f in report.findings} == {code}, [f.text("en") for f in report.findings]
    for f in report.findings:
        sides = [v for v in f.evidence.values() if isinstance(v, dict) and "document" in v]
        assert len(sides) == 2, f.evidence  # which document (and table) each side came from
        assert {v["doc_type"] for v in sides} == {"renja", f.rule and _against(code)}
        assert all(v.get("table") for v in sides if v["doc_type"] != "renja")


def _against(code: str) -> str:
    return _xd_rules().get(code).spec.against


def test_default_run_cites_the_rkpd_the_renstra_and_the_rpjmd():
    report = api.check_report([], select=["XD"])
    cited = {
        side["doc_type"]: side["document"]
        for f in report.findings
        for side in f.evidence.values()
        if isinstance(side, dict) and side.get("doc_type") in ("rkpd", "renstra", "rpjmd")
    }
    assert set(cited) == {"rkpd", "renstra", "rpjmd"}
    assert all("corpus/dossier/" in p.replace("\\", "/") for p in cited.values())
    rkpd = next(f for f in report.findings if "rkpd" in f.evidence)
    assert rkpd.evidence["rkpd"]["sumber"].startswith("renja-2023-bkpsdm-bontang.txt:")  # the quoted line
    assert report.stats.skipped  # what the Renja does not quote is listed, never silent


def test_whole_pemda_json_has_agencies_documents_and_totals(tmp_path):
    path = contoh.write(contoh.spec(), tmp_path)
    res = CliRunner().invoke(main, ["check", str(path), "--format", "json"])  # every rule
    assert res.exit_code == 0, res.output
    assert res.stderr == ""  # no progress bar when the output is not a terminal
    data = json.loads(res.stdout)
    assert data["findings"] == []  # the clean twin is silent under all rules, not only XD
    summary = data["summary"]
    a, b = summary["agencies"]
    assert (a["agency"], a["pagu_n"], a["pagu_n1"]) == (contoh.A, 600, 660)
    assert {k: len(v) for k, v in b["documents"].items()} == {"renja": 1, "rkpd": 1, "renstra": 1, "rpjmd": 1}
    assert summary["totals"]["urusan"] == {"1": {"pagu_n": 1000, "pagu_n1": 1100}}
    assert summary["totals"]["program"]["1.01.02"]["pagu_n"] == 400


def test_whole_pemda_text_shows_one_block_per_agency(tmp_path):
    path = contoh.write(contoh.spec(), tmp_path)
    res = CliRunner().invoke(main, ["check", str(path), "--select", "XD", "--lang", "en"])
    assert "Per agency (2):" in res.stdout and "Dinas Pendidikan" in res.stdout
    assert "skipped (document or the part needed absent): XD03" in res.stdout


def test_process_pool_gives_the_serial_result(tmp_path, monkeypatch):
    from renja_check import pemda as pm
    from renja_check.ingest.dossier_file import read_dossier_file

    s = contoh.spec()
    contoh.DEFECTS["XD03"](s)
    path = contoh.write(s, tmp_path)
    rs = _xd_rules()
    serial = pm.run_pemda(rs, read_dossier_file(path), workers=1)
    monkeypatch.setattr(pm, "POOL_MIN", 2)
    pooled = pm.run_pemda(rs, read_dossier_file(path), workers=2)
    assert sorted(f.fingerprint for f in pooled.findings) == sorted(f.fingerprint for f in serial.findings)
    assert pooled.stats.agencies == serial.stats.agencies and pooled.findings


def _pemda_in_daemon(path, queue):
    from renja_check import pemda as pm
    from renja_check.ingest.dossier_file import read_dossier_file

    try:
        queue.put(sorted(f.fingerprint for f in pm.run_pemda(_xd_rules(), read_dossier_file(path), workers=2).findings))
    except Exception as exc:  # sent back: the test shows it
        queue.put(repr(exc))


def test_pemda_run_inside_a_daemon_process_runs_in_process(tmp_path, monkeypatch):
    """The TUI checks in a daemon child; a daemon may not start a pool: the run stays in-process."""
    import multiprocessing

    from renja_check import pemda as pm
    from renja_check.ingest.dossier_file import read_dossier_file

    s = contoh.spec()
    contoh.DEFECTS["XD03"](s)
    path = contoh.write(s, tmp_path)
    serial = sorted(f.fingerprint for f in pm.run_pemda(_xd_rules(), read_dossier_file(path), workers=1).findings)
    monkeypatch.setattr(pm, "POOL_MIN", 2)  # inherited by the forked child
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_pemda_in_daemon, args=(path, queue), daemon=True)
    proc.start()
    got = queue.get(timeout=120)
    proc.join(timeout=10)
    assert got == serial and serial


def test_bad_dossier_file_is_one_line_exit_2(tmp_path):
    d = tmp_path / "dossier.yaml"
    d.write_text("dossier: 1\nperangkat_daerah:\n  - renja: missing.txt\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(d)])
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert str(d) in res.stderr and "missing.txt" in res.stderr


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from renja_check.cli.progress import progress_bar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    assert progress_bar("id", io.StringIO()) is None  # redirected: quiet
    tty = Tty()
    draw = progress_bar("en", tty)
    draw(1, 4)
    assert "1/4 agencies" in tty.getvalue()
    monkeypatch.setenv("CI", "true")
    assert progress_bar("id", Tty()) is None  # CI: quiet


def test_sipd_export_quotes_the_renstra_end_targets():
    from pathlib import Path

    from renja_check.ingest import load_document
    from renja_check.ingest.sipd_evidence import add_sipd_evidence

    path = sorted((Path(__file__).parents[1] / "fixtures" / "sipd").glob("*.json"))[0]
    doc = add_sipd_evidence(load_document(path))
    t = doc.table("sipd_renstra")
    assert t.role == "renstra_kutipan" and t.nodes
    n = t.nodes[0]
    assert n.level == "program" and n.code and set(n.indicators[0].targets) <= {"akhir", str(doc.year + 1)}
    assert "akhir" in n.indicators[0].targets and n.span.line_start > 1


def test_documents_given_side_by_side_without_a_dossier_file():
    """check RENJA RKPD RPJMD RENSTRA: one dossier; the Renja's visi / misi quotes are read too."""
    from renja_check.paths import corpus_dir, sample_renja

    d = corpus_dir() / "dossier"
    paths = [
        sample_renja(),
        d / "rkpd-2023-rancangan-awal.yaml",
        d / "rpjmd-2021-2026.yaml",
        d / "renstra-bkpsdm-2021-2026.yaml",
    ]
    result = api.check(paths, select=["XD14", "XD19"])
    assert [f.rule for f in result.findings] == ["XD14"]
    assert result.stats.skipped == {"XD19": ["renja:renstra_kutipan"]}


def test_all_defects_at_once_each_found_with_unique_fingerprints(tmp_path):
    s = copy.deepcopy(contoh.spec())
    planted = set(contoh.DEFECTS) - {"XD20"}  # an RKPD of another year would hide XD01-XD06
    for code in planted:
        contoh.DEFECTS[code](s)
    result = _check(tmp_path, s)
    # the XD01 and XD02 rows sit under one kegiatan: the matcher takes them for one row under
    # two codes, so XD02's finding is folded into XD01's (one defect, one finding)
    folded = {x["rule"] for f in result.findings for x in f.evidence.get("folded", [])}
    assert {f.rule for f in result.findings} == planted - {"XD02"} and "XD02" in folded
    prints = [f.fingerprint for f in result.findings]
    assert len(prints) == len(set(prints))


def test_pemda_wide_rows_are_filtered_to_the_agency_with_their_parents(tmp_path):
    from renja_check.ingest.dossier_file import load_agency, read_dossier_file

    pemda = read_dossier_file(contoh.write(contoh.spec(), tmp_path))
    a = load_agency(pemda.agencies[0], pemda)
    rkpd = next(d for d in a.documents if d.doc_type == "rkpd")
    codes = [n.code for n in rkpd.tables[0].nodes]
    assert codes and all(c.startswith("1.02.") for c in codes)  # Dinas Pendidikan's rows left out
    rpjmd = next(d for d in a.documents if d.doc_type == "rpjmd")
    assert [n.code for n in rpjmd.tables[0].nodes] == ["1.02.02"]
    assert a.agency == contoh.A and a.pemda == "Kabupaten Contoh" and a.year == 2025
