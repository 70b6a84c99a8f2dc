"""Column formulas as printed in table headers: ``8=(7/6)``, ``10=(5+7+9)``.

A tiny recursive-descent parser (no ``eval``): column numbers, ``+ - * /`` and
parentheses. ``Formula.compute(values)`` recomputes the result from a row's cells,
with spreadsheet semantics: an empty operand of a sum counts as 0, a division by an
empty or zero cell is undefined (``DIV0``). A formula whose top operation is a
division is a rate; its result is printed in percent.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from decimal import Decimal
from typing import Optional, Union
from ..structs import struct

_TOKEN = re.compile(r"\s*(?:(\d+)|([-+*/()]))")

MAX_FORMULA_CHARS = 200  # printed column formulas are a few terms; a long one is not a formula
Expr = Union[str, tuple]  # a column id, or (op, left, right)
DIV0 = "DIV0"


class FormulaError(ValueError):
    pass


def _tokens(text: str) -> list[str]:
    out, pos, text = [], 0, text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise FormulaError(f"unexpected {text[pos:]!r} in formula {text!r}")
        out.append(m.group(1) or m.group(2))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


class _Parser:
    def __init__(self, tokens: list[str]):
        self.t, self.i = tokens, 0

    def peek(self) -> Optional[str]:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise FormulaError("formula ends too early")
        self.i += 1
        return tok

    def expr(self) -> Expr:
        left = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            left = (op, left, self.term())
        return left

    def term(self) -> Expr:
        left = self.atom()
        while self.peek() in ("*", "/"):
            op = self.take()
            left = (op, left, self.atom())
        return left

    def atom(self) -> Expr:
        tok = self.take()
        if tok == "(":
            inner = self.expr()
            if self.take() != ")":
                raise FormulaError("missing ')'")
            return inner
        if tok.isdigit():
            return tok
        raise FormulaError(f"unexpected {tok!r}")


@lru_cache(maxsize=256)
def _operands(expr: Expr) -> tuple[str, ...]:
    """The column ids of an expression, left to right (memoised: asked once per row and formula)."""
    out: list[str] = []

    def walk(e: Expr) -> None:
        if isinstance(e, str):
            out.append(e)
        else:
            walk(e[1])
            walk(e[2])

    walk(expr)
    return tuple(out)


@struct(frozen=True)
class Formula:
    text: str  # "8=(7/6)"
    result: str  # "8"
    expr: Expr

    # asked for every row and formula: worked out once per formula (a formula never changes)
    @cached_property
    def _operands(self) -> tuple[str, ...]:
        return _operands(self.expr)

    @property
    def operands(self) -> list[str]:
        return list(self._operands)

    @cached_property
    def is_rate(self) -> bool:
        return isinstance(self.expr, tuple) and self.expr[0] == "/"

    @cached_property
    def is_sum(self) -> bool:
        def plus(e: Expr) -> bool:
            return isinstance(e, str) or (e[0] == "+" and plus(e[1]) and plus(e[2]))

        return isinstance(self.expr, tuple) and plus(self.expr)

    @property
    def divisor(self) -> Optional[str]:
        if self.is_rate and isinstance(self.expr[2], str):
            return self.expr[2]
        return None

    @property
    def expression(self) -> str:
        return self.text.split("=", 1)[1] if "=" in self.text else self.text

    def compute(self, values: dict[str, Optional[Decimal]]) -> Union[Decimal, str, None]:
        """The recomputed result (percent for rates); ``DIV0``; None if an operand is unknown.

        ``values`` maps column id -> Decimal, or None for an empty cell; a column
        missing from ``values`` is unknown (the whole result is then None).
        """
        try:
            v = _eval(self.expr, values)
        except KeyError:
            return None
        if v is DIV0:
            return DIV0
        return v * 100 if self.is_rate else v


_ZERO = Decimal(0)


def _eval(e: Expr, values: dict[str, Optional[Decimal]]):
    if isinstance(e, str):
        v = values[e]  # KeyError: unknown operand
        return _ZERO if v is None else v
    op, a, b = e
    x, y = _eval(a, values), _eval(b, values)
    # DIV0 is only ever this object (a value is a number): "is" spares Decimal's slow == with a str
    if x is DIV0 or y is DIV0:
        return DIV0
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if y == 0:
        return DIV0
    return x / y


def parse_formula(text: str) -> Formula:
    """``"8=(7/6)"`` -> Formula(result="8", expr=("/", "7", "6"))."""
    t = (text or "").strip()
    if "=" not in t:
        raise FormulaError(f"no '=' in formula {text!r}")
    head, body = t.split("=", 1)
    head = head.strip()
    if not head.isdigit():
        raise FormulaError(f"result of formula {text!r} is not a column number")
    if len(body) > MAX_FORMULA_CHARS:  # before tokenising: bounded work, bounded tree depth
        raise FormulaError(f"formula of {len(body)} characters is too long (at most {MAX_FORMULA_CHARS})")
    p = _Parser(_tokens(body))
    expr = p.expr()
    if p.peek() is not None:
        raise FormulaError(f"unexpected {p.peek()!r} in formula {text!r}")
    if isinstance(expr, str):
        raise FormulaError(f"formula {text!r} has no operation")
    return Formula(text=t.replace(" ", ""), result=head, expr=expr)
