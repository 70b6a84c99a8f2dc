"""report.wrap gives exactly textwrap.wrap's lines (its fast path and its fallback)."""

from __future__ import annotations

import random
import textwrap

import pytest

from renja_check.report import wrap as wrap_mod
from renja_check.report.wrap import wrap

WORDS = [
    "Sub",
    "kegiatan",
    "Penyediaan",
    "Rp1.234.567",
    "(Tabel",
    "2.5)",
    "x" * 40,
    "y" * 94,
    "z" * 95,
    "z" * 120,
    "pra-syarat",
    "--",
    "\u00a0",
    "a\u00a0b",
    "\u2003",
    "kata.",
    "",
    "\t",
    "\n",
    "\r\n",
    "\x0b",
    "\x1b[1m",
    "\x1c",
    "\x85",
    "a\u2028",
]


def _texts(n: int = 3000):
    rng = random.Random(12)
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 40))]
        seps = [rng.choice([" ", " ", " ", "  ", "\t", " - "]) for _ in words]
        yield (
            "".join(w + s for w, s in zip(words, seps)).rstrip(" ")
            if rng.random() < 0.5
            else "".join(w + s for w, s in zip(words, seps))
        )


@pytest.mark.parametrize(
    "width, first, rest, hyphens", [(100, " " * 6, " " * 6, False), (100, "  ", "    ", True), (30, "", "  ", False)]
)
def test_same_lines_as_textwrap(width, first, rest, hyphens):
    for text in _texts():
        expected = textwrap.wrap(
            text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=hyphens
        )
        assert wrap(text, width, first, rest, break_on_hyphens=hyphens) == expected, repr(text)


def test_plain_words_take_the_fast_path(monkeypatch):
    monkeypatch.setattr(textwrap, "wrap", lambda *a, **k: pytest.fail("textwrap used"))
    text = " ".join(["Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"] * 5)
    lines = wrap(text, 100, " " * 6, " " * 6, break_on_hyphens=False)
    assert len(lines) == 4 and all(len(x) <= 100 for x in lines)
    assert not wrap_mod._simple("a  b", 94, False)
