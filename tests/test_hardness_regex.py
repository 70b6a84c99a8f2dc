"""Hardness: the zero-cents money pattern is linear (it took 28 s on 100k characters).

No timer: the old pattern is checked for equivalence on small inputs, and the new helper's
work is bounded by counting the characters it inspects on a large adversarial input.
"""

import random
import re

from renja_check import numbers
from renja_check.numbers import parse_money

OLD = re.compile(r"^(.*?)(?:[,.]00)+$")


def test_same_result_as_the_old_pattern():
    rng = random.Random(7)
    for _ in range(3000):
        t = "".join(rng.choice("0012,.x") for _ in range(rng.randrange(0, 12)))
        m = OLD.match(t)
        assert numbers._without_zero_cents(t) == (m.group(1) if m else t), t


class _Counting(str):
    """A string that counts how many single characters are read from it."""

    reads = 0

    def __getitem__(self, i):
        if isinstance(i, int):
            _Counting.reads += 1
        return str.__getitem__(self, i)


def test_steps_are_linear_in_the_input():
    for n in (1_000, 10_000):
        _Counting.reads = 0
        numbers._without_zero_cents(_Counting("1.000" + ",00" * n))
        assert _Counting.reads <= 3 * (n + 1)  # three characters per group, once


def test_adversarial_money_cells_of_100k_characters_are_read():
    # bounded input size: these took tens of seconds each with the quadratic pattern
    for cell in ("1,00" * 25_000 + "x", ",00" * 33_333 + "1", "Rp 1.000" + ".00" * 33_000):
        m = parse_money(cell)
        assert m.status in ("invalid", "ok", "ambiguous")
    assert parse_money("Rp 1.234.567,00").value == 1234567
