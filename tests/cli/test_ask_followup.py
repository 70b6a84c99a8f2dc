"""``renja-check ask --lanjut`` / ``--follow-up``: the previous question's subject, kept in the store."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from renja_check.cli import main
from renja_check.store import Store, ask_context
from tests.cli.conftest import RULES


def run(*args):
    return CliRunner().invoke(main, list(args))


def stored(temp_store):
    return ask_context.load(Store(temp_store))


def test_lanjut_continues_from_the_stored_subject(dossier, temp_store):
    run("check", str(dossier), "--rules", str(RULES))
    res = run("ask", "berapa pagu 5.03.02.2.02.0003 tahun 2023?")
    assert res.exit_code == 0 and stored(temp_store)["code"] == "5.03.02.2.02.0003"
    res = run("ask", "--lanjut", "dan tahun 2024?")
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert first.startswith("(tentang sub kegiatan 5.03.02.2.02.0003 Pengelolaan Promosi ASN, tahun 2024")
    assert "2024: Rp 6.003.703.701" in res.output and "Sumber:" in res.output
    res = run("ask", "--follow-up", "--format", "json", "and what about 2023?")
    d = json.loads(res.output)
    assert res.exit_code == 0 and d["context"]["code"] == "5.03.02.2.02.0003" and d["context"]["years"] == [2023]
    assert d["lang"] == "en" and d["text"].startswith("(about sub kegiatan 5.03.02.2.02.0003") and d["citations"]


def test_without_the_flag_nothing_is_carried_over(dossier, temp_store):
    run("check", str(dossier), "--rules", str(RULES))
    assert run("ask", "pagu Pengelolaan Promosi ASN").exit_code == 0
    res = run("ask", "dan tahun 2024?")
    assert res.exit_code == 1 and "Rp " not in res.output and "sebutkan kode" in res.output
    assert stored(temp_store)["code"] == "5.03.02.2.02.0003"  # a plain question never clears it
    assert run("ask", "--lanjut", "dan tahun 2024?").exit_code == 0


def test_lanjut_without_a_stored_subject_asks_for_the_code(dossier, temp_store):
    run("check", str(dossier), "--rules", str(RULES))
    res = run("ask", "--lanjut", "targetnya tahun 2024?")
    assert res.exit_code == 1 and "Tidak ditemukan" in res.output and "sebutkan kode" in res.output
    res = run("ask", "--follow-up", "--lang", "en", "what about its pagu?")
    assert res.exit_code == 1 and "by code or name" in res.output
    assert stored(temp_store) is None


def test_lanjut_with_a_new_subject_replaces_the_stored_one(dossier, temp_store):
    run("check", str(dossier), "--rules", str(RULES))
    run("ask", "pagu Pengelolaan Promosi ASN")
    res = run("ask", "--lanjut", "berapa pagu program 5.03.02?")
    assert res.exit_code == 0 and "dari pertanyaan sebelumnya" not in res.output
    assert stored(temp_store)["code"] == "5.03.02"
    res = run("ask", "--lanjut", "berapa pagu 5.03.02.2.02.0009?")  # a subject the run lacks
    assert res.exit_code == 1 and stored(temp_store) is None


def test_a_corrupt_stored_context_is_ignored(dossier, temp_store):
    run("check", str(dossier), "--rules", str(RULES))
    Store(temp_store)  # migrated
    conn = sqlite3.connect(temp_store)
    conn.execute("INSERT INTO ask_context VALUES ('cli', '{not json', NULL, 'x')")
    conn.commit()
    conn.close()
    res = run("ask", "--lanjut", "pagunya?")
    assert res.exit_code == 1 and "Traceback" not in res.output and "sebutkan kode" in res.output


def test_lanjut_with_an_unusable_db_is_an_input_error(tmp_path):
    (tmp_path / "plain").write_text("x")
    res = run("ask", "--lanjut", "--db", str(tmp_path / "plain" / "x.db"), "pagunya?")
    assert res.exit_code == 2 and "plain" in res.output and "Traceback" not in res.output
