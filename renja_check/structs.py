"""``@struct``: small internal record classes, as ``@dataclass`` made them, built faster.

``@dataclass`` writes and compiles three to six methods per class when a module is
imported (``__init__``, ``__repr__``, ``__eq__``, and for frozen classes ``__hash__``,
``__setattr__``, ``__delattr__``): about 0.3 ms a class, some 12 ms for the 40 classes of
the reader, the kinds, the corpus and the layouts on every fresh process. ``@struct``
compiles only ``__init__`` (the one method whose speed matters: these objects are built by
the thousand) and shares the rest. Classes handed to ``dataclasses`` functions
(``replace``, ``fields``, ``asdict``) stay ``@dataclass``.

Same surface as the ``@dataclass`` uses it replaces: fields from the class annotations in
order, positional or keyword arguments, defaults, ``field(default_factory=...)`` (a fresh
value per instance), ``__post_init__`` called last, ``==`` field by field between instances of one class, the dataclass
``repr`` (every field: ``field(repr=False)`` is not honoured), and with ``frozen=True`` immutability and a field-tuple hash (else unhashable).
"""

from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError


def _eq(self, other):
    if other.__class__ is self.__class__:
        names = self.__struct_fields__
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
    return NotImplemented


def _repr(self) -> str:
    inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__struct_fields__)
    return f"{self.__class__.__qualname__}({inner})"


def _hash(self) -> int:
    return hash(tuple(getattr(self, n) for n in self.__struct_fields__))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def struct(cls=None, *, frozen: bool = False):
    """Class decorator (``@struct`` or ``@struct(frozen=True)``); see the module docstring."""

    def wrap(cls):
        names = list(cls.__dict__.get("__annotations__", {}))
        glb: dict = {"_MISSING": MISSING, "_setattr": object.__setattr__}
        params, body = [], []
        for n in names:
            value = n
            default = cls.__dict__.get(n, MISSING)
            if isinstance(default, Field):
                if default.default_factory is not MISSING:
                    glb[f"_factory_{n}"] = default.default_factory
                    params.append(f"{n}=_MISSING")
                    value = f"_factory_{n}() if {n} is _MISSING else {n}"
                    delattr(cls, n)  # as dataclass: no class attribute for a factory field
                elif default.default is not MISSING:
                    glb[f"_default_{n}"] = default.default
                    params.append(f"{n}=_default_{n}")
                    setattr(cls, n, default.default)
                else:
                    params.append(n)
                    delattr(cls, n)
            elif default is not MISSING:
                glb[f"_default_{n}"] = default
                params.append(f"{n}=_default_{n}")
            else:
                params.append(n)
            body.append(f"_setattr(self, {n!r}, {value})" if frozen else f"self.{n} = {value}")
        if hasattr(cls, "__post_init__"):  # as dataclass: called once the fields are set
            body.append("self.__post_init__()")
        src = f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body or ["pass"])
        ns: dict = {}
        exec(src, glb, ns)  # noqa: S102 - the source is built from the class's own field names
        init = ns["__init__"]
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init
        cls.__struct_fields__ = tuple(names)
        cls.__match_args__ = tuple(names)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = _repr
        if "__eq__" not in cls.__dict__:
            cls.__eq__ = _eq
        if frozen:
            cls.__hash__ = _hash
            cls.__setattr__ = _frozen_setattr
            cls.__delattr__ = _frozen_delattr
        elif "__hash__" not in cls.__dict__:
            cls.__hash__ = None  # as a mutable dataclass with ==
        return cls

    return wrap if cls is None else wrap(cls)
