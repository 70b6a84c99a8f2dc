"""``@struct`` behaves as the ``@dataclass`` it replaces in the text reader."""

import dataclasses
from dataclasses import field
from typing import Optional

import pytest

from renja_check.structs import struct


def _pair(frozen: bool):
    def body():
        class Rec:
            a: int
            b: str = "x"
            c: list = field(default_factory=list)
            d: Optional[int] = field(default=None)

            def total(self) -> int:
                return self.a + len(self.c)

        return Rec

    return dataclasses.dataclass(frozen=frozen)(body()), struct(frozen=frozen)(body())


@pytest.mark.parametrize("frozen", [False, True])
def test_struct_matches_dataclass(frozen):
    dc, st = _pair(frozen)
    for cls in (dc, st):
        one, two = cls(1), cls(1, "y", [1], 4)
        assert (one.a, one.b, one.c, one.d) == (1, "x", [], None)
        assert (two.a, two.b, two.c, two.d) == (1, "y", [1], 4)
        assert cls(1).c is not cls(1).c  # a fresh list per instance
        assert cls(a=2, d=3) == cls(2, "x", [], 3) and cls(1) != cls(2) and cls(1) != (1, "x", [], None)
        assert two.total() == 2
        assert not hasattr(cls, "c") and cls.b == "x"
        with pytest.raises(TypeError):
            cls()
    assert repr(st(1, "y", [1], 4)).split("(", 1)[1] == repr(dc(1, "y", [1], 4)).split("(", 1)[1]
    assert st.__match_args__ == dc.__match_args__ == ("a", "b", "c", "d")
    if frozen:
        assert hash(st(1, "y", (1,), 4)) == hash(dc(1, "y", (1,), 4))
        for cls in (dc, st):
            with pytest.raises(dataclasses.FrozenInstanceError):
                cls(1).a = 2
            with pytest.raises(dataclasses.FrozenInstanceError):
                del cls(1).a
    else:
        for cls in (dc, st):
            with pytest.raises(TypeError):
                hash(cls(1))
            obj = cls(1)
            obj.a = 5
            assert obj.a == 5


def test_post_init_runs_once_the_fields_are_set():
    from dataclasses import field

    from renja_check.structs import struct

    @struct
    class Index:
        items: list
        by_first: dict = field(default_factory=dict)

        def __post_init__(self):
            for x in self.items:
                self.by_first.setdefault(x[0], []).append(x)

    assert Index(["ab", "ac", "b"]).by_first == {"a": ["ab", "ac"], "b": ["b"]}
