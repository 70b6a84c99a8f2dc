"""Hostile input is harmless; the optional rephraser never supplies a figure (stub server on loopback)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from renja_check.assistant import ask
from renja_check.assistant.rephrase import figures, is_loopback, rephrase

HOSTILE = [
    "x" * 10_000,
    "pagu " + "Pengelolaan Promosi ASN " * 500,
    "\x00" * 50 + "\x1b[2J" + "\u202e" * 20,
    "'); DELETE FROM findings; --",
    '" OR 1=1 UNION SELECT sql FROM sqlite_master --',
    'NEAR("a" "b") AND title:* OR ^x {col}:y',
    "é" * 3000 + " tahun 2024 N+1 Rp 1.2.3.4.5.6.7.8.9",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_harmless(text, rounds_store):
    before = rounds_store.rows("SELECT count(*) AS n FROM findings")[0]["n"]
    a = ask(text, store=rounds_store, run_id=1)
    assert len(a.text) < 20_000 and len(a.question) <= 1000
    assert "\x00" not in a.text and "\x1b" not in a.text
    assert rounds_store.rows("SELECT count(*) AS n FROM findings")[0]["n"] == before
    if not a.found:
        assert "Rp " not in a.text  # never an invented number


class _Stub(BaseHTTPRequestHandler):
    reply = ""
    seen: list = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).seen.append(json.loads(body))
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Stub.seen = []
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_rephrase_keeps_figures_or_falls_back(stub, rounds_store):
    plain = ask("berapa pagu Pengelolaan Promosi ASN tahun 2023?", store=rounds_store, run_id=1)
    _, url = stub
    _Stub.reply = "Pengelolaan Promosi ASN mendapat Rp 702.740.000 pada 2023 di ketiga tabel [1] [2] [3]."
    good = rephrase(plain, url)
    assert good.text == _Stub.reply and good.citations == plain.citations
    assert len(_Stub.seen) == 1 and "702.740.000" in _Stub.seen[0]["messages"][1]["content"]
    _Stub.reply = "Pengelolaan Promosi ASN mendapat Rp 800.000.000 [1]."  # an invented figure
    assert rephrase(plain, url) == plain
    _Stub.reply = ""
    assert rephrase(plain, url) == plain


def test_rephrase_is_off_unreachable_or_remote_safe(rounds_store):
    plain = ask("berapa pagu Pengelolaan Promosi ASN tahun 2023?", store=rounds_store, run_id=1)
    assert rephrase(plain, None) == plain
    assert rephrase(plain, "http://example.com/v1") == plain  # not loopback: never contacted
    assert rephrase(plain, "http://127.0.0.1:9/v1", timeout=0.5) == plain  # nothing listens
    assert is_loopback("http://localhost:8080") and not is_loopback("http://10.0.0.1")


def test_figures_normalise_separators():
    assert figures("Rp 702.740.000 dan 702,740,000 [1]") == {"702740000", "1"}


def test_cli_rephrase_option(stub, cli_dossier):
    from click.testing import CliRunner

    from renja_check.cli import main

    assert CliRunner().invoke(main, ["check", str(cli_dossier)]).exit_code in (0, 1)
    _, url = stub
    _Stub.reply = "Pagu Pengelolaan Promosi ASN tahun 2024 adalah Rp 6.003.703.701 [1]."
    res = CliRunner().invoke(main, ["ask", "--rephrase", url, "pagu Pengelolaan Promosi ASN tahun 2024"])
    assert res.exit_code == 0 and res.output.startswith(_Stub.reply) and "[1]" in res.output
    _Stub.reply = "Pagu Pengelolaan Promosi ASN tahun 2024 adalah Rp 7.000.000.000 [1]."
    res = CliRunner().invoke(main, ["ask", "--rephrase", url, "pagu Pengelolaan Promosi ASN tahun 2024"])
    assert "7.000.000.000" not in res.output and "Rp 6.003.703.701" in res.output


@pytest.fixture
def cli_dossier(tmp_path):
    from tests.cli.conftest import write_doc

    return write_doc(tmp_path / "renja.yaml", {"Pengelolaan Promosi ASN": "x"})


def test_random_input_never_raises(rounds_store):
    import random
    import string

    rnd = random.Random(8)
    alphabet = string.printable + "éü中\u202e\u0000\u200b"
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 120)))
        a = ask(text, store=rounds_store, run_id=1)
        assert isinstance(a.text, str) and a.lang in ("id", "en")
