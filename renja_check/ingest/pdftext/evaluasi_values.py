"""The value cells of an evaluation row (Tabel 2.1, T-C.29) when empty cells have vanished.

A row line like ``59 kali 29 kali 8 kali 0 kali 0% 69 kali 98 kali 166% DPA: ...`` is
split into value tokens and the keterangan that follows (``split_values``). Tokens are
then assigned to the value columns (``place``): in order, by kind (a percentage can only
stand in a rate column, a quantity only in a quantity column), and - when order and kind
leave several readings - by the printed formulas: readings under which a formula
printed in the row does not hold are dropped. A token is placed only when every
remaining reading puts it in the same column; the others are reported as unplaced.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal
from typing import Optional

from ...kinds.formula_expr import DIV0, Formula
from ...models import Quantity
from ...numbers import NUMBER_TOKEN, parse_quantity, spreadsheet_error
from ...structs import struct

_NUM = re.compile(rf"^(?:{NUMBER_TOKEN})$")
_PCT = re.compile(rf"^(?:{NUMBER_TOKEN})%$")
_UNIT_WORD = re.compile(r"^[A-Za-z][A-Za-z/&.'-]*$")
_GRADE = re.compile(r"^(?:AA|A|BB|B|CC|C|D)$")  # SAKIP predicate printed as a target
_MESSY_RE = re.compile(r"(?:^|\s)\d[\d.,]*(?:%|\s+[A-Za-z])")
_YEAR_RE = re.compile(r"(19|20)\d\d")
EMPTY = ("-", "–", "—")


class _once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first
    access; these tokens are read by the thousand): computed on first access, then a plain
    attribute of the instance."""

    def __init__(self, func) -> None:
        self.func, self.name = func, func.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@struct
class Token:
    kind: str  # Q quantity, P percent, E spreadsheet error, D dash (empty), G grade
    raw: str

    def quantity(self) -> Quantity:
        """The token's cell, parsed once (``place`` scores every reading with its number)."""
        return self._quantity

    @_once
    def _quantity(self) -> Quantity:
        if self.kind == "G":
            return Quantity(raw=self.raw, status="ok", note="predikat (not a number)")
        return parse_quantity(self.raw)

    @property
    def number(self) -> Optional[Decimal]:
        return self._quantity.value


def _is_value_start(word: str) -> bool:
    c = word[:1]
    if c.isdigit() or c in _SIGNS:  # _NUM and _PCT start with a sign or a digit
        if _NUM.match(word) or _PCT.match(word):
            return True
    return bool(spreadsheet_error(word) or word in EMPTY)


_SIGNS = frozenset("+-")


def _run(words: list[str], i: int) -> tuple[list[Token], int]:
    """Value tokens from ``words[i]`` on; returns (tokens, index after the last one)."""
    toks: list[Token] = []
    n = len(words)
    while i < n:
        w = words[i]
        if spreadsheet_error(w):
            toks.append(Token("E", w))
            i += 1
        elif w in EMPTY:
            toks.append(Token("D", w))
            i += 1
        elif _PCT.match(w):
            toks.append(Token("P", w))
            i += 1
        elif _NUM.match(w):
            if i + 1 < n and words[i + 1] == "%":
                toks.append(Token("P", w + "%"))
                i += 2
                continue
            # unit: the words up to the next value (at most 3), else one word
            j = i + 1
            while j < n and j - i <= 3 and _UNIT_WORD.match(words[j]) and not _is_value_start(words[j]):
                j += 1
            if j < n and j > i + 1 and _is_value_start(words[j]):
                unit_end = j
            else:
                unit_end = i + 2 if i + 1 < n and _UNIT_WORD.match(words[i + 1]) else i + 1
            toks.append(Token("Q", " ".join(words[i:unit_end])))
            i = unit_end
        else:
            break
    return toks, i


@struct
class Split:
    text: str  # the words before the values (indicator text), may be ""
    tokens: list[Token]
    rest: str  # the words after the values (keterangan)

    @property
    def messy(self) -> bool:
        """The rest holds numbers too: a free-text cell ("11 unit kendaraan roda dua dan 5 unit")."""
        return bool(_MESSY_RE.search(self.rest))


def split_values(text: str) -> Optional[Split]:
    """Find where the values of a row line start; None when the line holds no values."""
    words = text.split()
    for i, w in enumerate(words):
        if not _is_value_start(w):
            continue
        toks, end = _run(words, i)
        numeric = [t for t in toks if t.kind != "D"]
        if not numeric:
            continue
        if len(toks) == 1 and i > 0 and (end < len(words) or _YEAR_RE.fullmatch(w)):
            continue  # one number inside a text ("... Tahun 2021 ...")
        return Split(" ".join(words[:i]), toks, " ".join(words[end:]))
    if len(words) >= 2 and _GRADE.match(words[-1]):
        return Split(" ".join(words[:-1]), [Token("G", words[-1])], "")
    return None


# -- placement ---------------------------------------------------------------------


@struct
class Placement:
    values: dict[str, Token] = field(default_factory=dict)  # column id -> token
    unplaced: list[Token] = field(default_factory=list)
    readings: int = 0  # type-compatible readings found

    @property
    def ambiguous(self) -> bool:
        return bool(self.unplaced)


def _fits(tok: Token, col: str, rate_cols: set[str], pct_quantities: bool) -> bool:
    if tok.kind == "D":
        return True
    if tok.kind in ("E",):
        return col in rate_cols
    if tok.kind == "P":
        return col in rate_cols or pct_quantities
    return col not in rate_cols  # Q, G


def _num(tok: Optional[Token]) -> Optional[Decimal]:
    if tok is None or tok.kind in ("D", "E", "G"):
        return None
    return tok.number


def _score_one(
    f: Formula, operands: list[str], is_rate: bool, res: Token, assign: dict[str, Token], tol: Decimal
) -> tuple[int, int]:
    """(1, 0) when the formula's printed result ``res`` (not blank) contradicts it under this
    reading, (0, 1) when it confirms it, (0, 0) when it proves nothing."""
    vals = {c: _num(assign.get(c)) for c in operands}
    got = f.compute(vals)
    if res.kind == "E":
        return int(got != DIV0), int(got == DIV0)
    printed = _num(res)
    if printed is None or got is None:
        return 0, 0
    if got == DIV0:
        return 1, 0
    if abs(got - printed) > (tol if is_rate else Decimal(0)):
        return 1, 0
    return 0, 1


class _Scorer:
    """(results contradicting their formula, results confirming it) under a reading of one
    row's tokens. A formula's verdict depends only on the tokens in its result and operand
    cells, so each such combination is judged once over all the readings."""

    def __init__(self, formulas: list[Formula], tol: Decimal) -> None:
        # (index, formula, result column, operand columns, result and operand columns, is a rate)
        self.specs = [(k, f, f.result, f.operands, (f.result, *f.operands), f.is_rate) for k, f in enumerate(formulas)]
        self.tol = tol
        self.memo: dict[tuple, tuple[int, int]] = {}

    def __call__(self, assign: dict[str, Token]) -> tuple[int, int]:
        fails = holds = 0
        get, memo = assign.get, self.memo
        for k, f, result, operands, cells, is_rate in self.specs:
            res = get(result)
            if res is None or res.kind in _BLANK:
                continue  # a blank result proves nothing: cells vanish, authors blank them
            # the tokens live as long as the readings: their ids name them
            key = (k, *map(id, map(get, cells)))
            got = memo.get(key)
            if got is None:
                got = memo[key] = _score_one(f, operands, is_rate, res, assign, self.tol)
            fails += got[0]
            holds += got[1]
        return fails, holds


_BLANK = ("D", "G")


def _readings(tokens: list[Token], columns: list[str], fit: list[list[bool]]) -> list[dict[str, Token]]:
    """Every assignment of the tokens, in order, to increasing columns each fits: the
    ``itertools.combinations`` of the columns that fit, in the same order, without
    building the combinations that a token rules out early."""
    out: list[dict[str, Token]] = []
    n, m = len(tokens), len(columns)
    picked: list[int] = []

    def walk(t: int, start: int) -> None:
        if t == n:
            out.append(dict(zip([columns[j] for j in picked], tokens)))
            return
        row = fit[t]
        for j in range(start, m - (n - t) + 1):
            if row[j]:
                picked.append(j)
                walk(t + 1, j + 1)
                picked.pop()

    walk(0, 0)
    return out


def place(
    tokens: list[Token],
    columns: list[str],
    rate_cols: set[str],
    formulas: list[Formula],
    tol: Decimal = Decimal("0.5"),
    single_to: Optional[str] = None,
) -> Placement:
    """Assign tokens (in order) to value columns; see the module docstring.

    ``single_to``: the column a lone token belongs to by the table's template (the
    Renstra target of a program row); without it a lone token stays unplaced.
    """
    if not tokens:
        return Placement()
    if len(tokens) == 1 and single_to:
        return Placement(values={single_to: tokens[0]}, readings=1)
    pct_q = tokens[0].kind == "P" and len(tokens) == len(columns)
    # which token fits which column, asked once (not once per reading)
    fit = [[_fits(t, c, rate_cols, pct_q) for c in columns] for t in tokens]
    readings = _readings(tokens, columns, fit)
    if not readings:
        return Placement(unplaced=list(tokens))
    score = _Scorer(formulas, tol)
    scored = [(score(r), r) for r in readings]
    # keep the readings no printed result contradicts - unless none of them is confirmed
    # by any result: then the formulas prove nothing and every reading stays possible
    good = [(h, r) for (f, h), r in scored if f == 0]
    pool = [r for _, r in good] if any(h for h, _ in good) else [r for _, r in scored]
    values: dict[str, Token] = {}
    unplaced: list[Token] = []
    # the column of each token in each remaining reading: by position, as a reading's dict
    # holds one column per token in token order (distinct columns, distinct tokens)
    by_position = len({id(t) for t in tokens}) == len(tokens) and all(len(r) == len(tokens) for r in pool)
    placed = [list(r) for r in pool] if by_position else []
    for i, tok in enumerate(tokens):
        if by_position:
            cols = {cs[i] for cs in placed}
        else:
            cols = {next(c for c, t in r.items() if t is tok) for r in pool}
        if len(cols) == 1:
            values[cols.pop()] = tok
        elif tok.kind != "D":
            unplaced.append(tok)
    return Placement(values=values, unplaced=unplaced, readings=len(readings))
