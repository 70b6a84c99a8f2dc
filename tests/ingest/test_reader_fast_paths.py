"""The reader's fast paths give what the plain computation they replace gives."""

import itertools
import random
import re

from renja_check.ingest.pdftext.base import match_any
from renja_check.ingest.pdftext.codes import Officials, best_score_in, score_name
from renja_check.ingest.pdftext.evaluasi_values import Token, _readings
from renja_check.nomenclature_match import _unpaired_floor

WORDS = ["program", "kegiatan", "sub", "pengelolaan", "keuangan", "daerah", "aparatur", "dan", "a", "é", ",", "-"]


def _text(rng: random.Random, most: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))


def test_best_score_in_is_the_best_score_name():
    rng = random.Random(1)
    for _ in range(500):
        officials = [_text(rng, 6) for _ in range(rng.randint(1, 8))]
        name = _text(rng, 7)
        assert best_score_in(name, Officials(officials)) == max(score_name(name, o) for o in officials)


def test_unpaired_floor_stops_where_asked():
    rng = random.Random(2)
    for _ in range(500):
        xs, ys = _text(rng, 8).split(), _text(rng, 8).split()
        full = _unpaired_floor(xs, ys)
        for stop in range(0, 5):
            assert _unpaired_floor(xs, ys, stop) == min(full, stop)


def test_match_any_is_any_match():
    sets = [
        [re.compile(r"^RENCANA KERJA\b"), re.compile(r"^\d{1,3}$"), re.compile(r"^tabel\s+2\.1", re.I)],
        [re.compile(r"^(a)\1"), re.compile(r"^b", re.I)],  # a group reference: tried one by one
        [re.compile(r"(?x) ^ c"), re.compile(r"^D")],  # a verbose pattern
        [],
    ]
    texts = ["RENCANA KERJA 2024", "12", "1234", "TABEL 2.1 x", "Tabel 2.1", "aa", "ab", "B", "c", "D", "d", ""]
    for patterns in sets:
        found = match_any(patterns)
        for t in texts:
            assert (found(t) is not None) == any(p.match(t) for p in patterns), (patterns, t)


def test_readings_are_the_fitting_combinations():
    rng = random.Random(3)
    for _ in range(300):
        columns = [str(i) for i in range(rng.randint(0, 8))]
        tokens = [Token("Q", str(i)) for i in range(rng.randint(1, 5))]
        fit = [[rng.random() < 0.7 for _ in columns] for _ in tokens]
        want = [
            dict(zip([columns[j] for j in cols], tokens))
            for cols in itertools.combinations(range(len(columns)), len(tokens))
            if all(f[j] for f, j in zip(fit, cols))
        ]
        got = _readings(tokens, columns, fit)
        assert [list(r.items()) for r in got] == [list(r.items()) for r in want]
