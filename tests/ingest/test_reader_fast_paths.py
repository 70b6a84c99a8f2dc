"""The reader's fast paths give what the plain computation they replace gives."""

import itertools
import random
import re

from renja_check.ingest.pdftext.base import match_any
from renja_check.ingest.pdftext.codes import Officials, best_score_in, score_name
from renja_check.ingest.pdftext.evaluasi_values import Token, _readings
from renja_check.nomenclature_match import _unpaired_floor
from renja_check.text import norm_name

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


def test_unpaired_count_with_a_kept_memo_is_the_floor():
    from renja_check.nomenclature_match import unpaired_count

    rng = random.Random(4)
    for _ in range(100):
        ys = _text(rng, 8).split()
        memo: dict = {}  # one memo per ys, shared by every query as the nomenclature keeps it
        for _ in range(10):
            xs = _text(rng, 8).split()
            for stop in range(0, 5):
                assert unpaired_count(xs, ys, stop, memo) == _unpaired_floor(xs, ys, stop)


def test_candidates_from_the_bidang_index_are_the_scanned_ones():
    from renja_check.corpus import load_nomenclature

    nom = load_nomenclature()
    bidangs = sorted({e.code[:4] for e in nom.entries.values() if e.level == "bidang"})
    rng = random.Random(5)
    asks = [(), ("5.03", "5.04"), ("5.03",), ("X.XX",), ("5",), ("5.03.02",), ("9.99",)]
    asks += [tuple(rng.sample(bidangs, rng.randint(1, 3))) for _ in range(20)]
    for level in ("program", "kegiatan", "subkegiatan", "bidang"):
        entries = nom._entries_by_level[level]
        for bid in asks:
            heads = ("X.XX", *(b + "." for b in bid))
            want = [e for e in entries if not bid or e.code.startswith(heads) or e.code in bid]
            got, names = nom._candidates(level, bid)
            assert got == want, (level, bid)
            assert names == [norm_name(e.name) for e in want]


def test_prose_list_names_from_the_index_are_the_scanned_ones():
    from renja_check.corpus import load_nomenclature
    from renja_check.ingest.pdftext import prose_lists
    from renja_check.ingest.pdftext.base import ParseContext

    nom = load_nomenclature()
    for bid in ([], ["5.03", "5.04"], ["1.02"], ["5"], ["X.XX"], [""]):
        ctx = ParseContext(path="x", lines=[], nomenclature=nom, bidang=list(bid))
        for level in ("program", "kegiatan", "subkegiatan"):
            want = sorted(
                {
                    norm_name(e.name)
                    for e in nom.entries.values()
                    if e.level == level
                    and (not bid or e.code.startswith("X.XX") or any(e.code.startswith(b + ".") for b in bid))
                }
            )
            prose_lists._NAME_CACHE.clear()
            assert prose_lists._names(ctx, level) == want, (bid, level)


def test_prose_list_prefix_score_is_the_max_over_the_names():
    from rapidfuzz import fuzz

    from renja_check.corpus import load_nomenclature
    from renja_check.ingest.pdftext import prose_lists
    from renja_check.ingest.pdftext.base import ParseContext

    nom = load_nomenclature()
    ctx = ParseContext(path="x", lines=[], nomenclature=nom, bidang=["5.03", "5.04"])
    rng = random.Random(6)
    names = prose_lists._names(ctx, "subkegiatan")
    texts = ["", "a", "penyediaan", "Penyediaan Gaji dan", "xyz qqq"] + [_text(rng, 9) for _ in range(40)]
    texts += [n[: rng.randint(1, len(n))] for n in rng.sample(names, 20)]
    for level in ("program", "kegiatan", "subkegiatan"):
        for t in texts:
            key = norm_name(t)
            want = max(
                (fuzz.ratio(key, n[: len(key)]) for n in prose_lists._names(ctx, level) if len(n) >= len(key) - 2),
                default=0.0,
            )
            assert prose_lists._prefix(ctx, t, level) == want, (level, t)


def test_connector_end_needs_one_of_its_last_characters():
    from renja_check.ingest.pdftext.prose_lists import CONNECTOR_END_RE
    from renja_check.ingest.pdftext.prose_sentences import _CONNECTOR_LAST

    for c in map(chr, range(128)):
        for head in ("", "x ", "dan", "kegiatan dan", "Untuk", "a &", "b -", "c ,"):
            if c not in _CONNECTOR_LAST:
                assert CONNECTOR_END_RE.search(head + c) is None, repr(head + c)
    for word in ("dan", "atau", "untuk", "bagi", "serta", "yang", "di", "ke", "dari", "pada", "dengan", ",", "&", "-"):
        for w in (word, word.upper(), word.title()):
            assert w[-1] in _CONNECTOR_LAST and CONNECTOR_END_RE.search("x " + w)


def test_norm_name_ascii_fast_path_is_the_general_key():
    import re as _re
    import unicodedata

    def general(text: str) -> str:  # norm_name's steps for any text
        t = unicodedata.normalize("NFKC", text or "").replace("\u00a0", " ").lower()
        t = _re.sub(r"-\s+", "-", t)
        return " ".join(_re.sub(r"[^\w\s]", " ", t).split())

    rng = random.Random(8)
    texts = ["", "A", "Sub-\n kegiatan", "a - b", "x\x1cy", "Pengadaan  Sarana, dan Prasarana."]
    texts += [chr(c) + "ab" + chr(c) for c in range(128)]
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 15))) for _ in range(5000)]
    for t in texts:
        assert norm_name(t) == general(t), repr(t)
