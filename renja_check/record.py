"""Light records: annotated classes as fast slotted objects with pydantic's surface.

The document model, findings and run results are built by the thousand on every check;
pydantic's per-object validation and its import cost dominated start-up. A ``Record``
subclass is declared exactly like a pydantic model::

    class Span(Record):
        file: str
        line_start: int
        page: Optional[int] = None
        tags: list[str] = Field(default_factory=list)

and gets a keyword-only ``__init__`` (no validation, no copying), ``__slots__``, ``==``,
``repr``, ``model_dump(mode=..., exclude_none=...)``, ``model_copy(update=..., deep=...)``,
``model_fields`` and pickling. ``model_config = ConfigDict(frozen=True)`` makes instances
immutable and hashable.

What users write is still validated by pydantic: ``Cls.model_validate(data)`` builds (once,
lazily) a pydantic mirror of the class from the same annotations and ``Field`` arguments,
validates strictly (``extra="forbid"``), and returns records. Its errors are raised as
``record.ValidationError`` (``.errors()`` like pydantic's). ``model_json_schema()`` comes
from the mirror too. pydantic is imported only on those paths.

Field declarations (``Field``, ``ConfigDict``, ``field_validator``, ``ValidationError``) live in
``record_fields`` and the mirrors in ``record_mirror``; import them all from here.
"""

from __future__ import annotations

import copy
import re
import datetime as _dt
import sys
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Any, ClassVar, Optional

from .record_fields import (
    _FACTORY,
    _MISSING,
    ConfigDict,
    Field,
    FieldInfo,
    ValidationError,
    _from_pydantic_field,
    _is_classvar,
    _LazyValidator,
    field_validator,
)

__all__ = ["Record", "Field", "FieldInfo", "ConfigDict", "ValidationError", "field_validator"]

_NESTED = re.compile(r"^(?:Optional\[)?([A-Z]\w*)\]?$")  # "Span", "Optional[Span]"


def _nested(cls: type, class_name: str) -> Any:
    """``dict -> record`` for a field typed with one record class (resolved on first use)."""
    target: list = []

    def coerce(value: dict) -> Any:
        if not target:
            found = getattr(sys.modules.get(cls.__module__), class_name, None)
            target.append(found if isinstance(found, type) and issubclass(found, Record) else None)
        return target[0].model_validate(value) if target[0] is not None else value

    return coerce


def _make_init(cls: type, fields: dict[str, FieldInfo], frozen: bool) -> Any:
    params, body, env = [], [], {"_FACTORY": _FACTORY, "_set": object.__setattr__}
    for name, info in fields.items():
        m = _NESTED.match(info.annotation) if isinstance(info.annotation, str) else None
        if m:  # like pydantic: a mapping given for a nested record is validated into one
            env[f"_c_{name}"] = _nested(cls, m.group(1))
            body.append(f"if {name}.__class__ is dict: {name} = _c_{name}({name})")
        if info.default_factory is not None:
            env[f"_f_{name}"] = info.default_factory
            params.append(f"{name}=_FACTORY")
            body.append(f"if {name} is _FACTORY: {name} = _f_{name}()")
        elif info.default is not _MISSING:
            env[f"_d_{name}"] = info.default
            params.append(f"{name}=_d_{name}")
        else:
            params.append(name)
        body.append(f"_set(self, '{name}', {name})" if frozen else f"self.{name} = {name}")
    sig = ("self, *, " + ", ".join(params)) if params else "self"
    src = f"def __init__({sig}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    exec(src, env)  # noqa: S102 - generated from field names only, like dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _RecordMeta(type):
    def __new__(mcs, name: str, bases: tuple, ns: dict, **kw: Any):
        annotations = ns.get("__annotations__", {})
        inherited: dict[str, FieldInfo] = {}
        for b in reversed(bases):
            inherited.update(getattr(b, "model_fields", {}) or {})
        own: dict[str, FieldInfo] = {}
        for fname, ann in annotations.items():
            if _is_classvar(ann):
                continue
            value = ns.pop(fname, _MISSING)
            info = value if isinstance(value, FieldInfo) else _from_pydantic_field(value)
            info.annotation = ann
            own[fname] = info
        # pydantic validators declared in the body (@field_validator ...) apply to user input
        validators = {
            k: ns.pop(k)
            for k, v in list(ns.items())
            if isinstance(v, _LazyValidator) or type(v).__name__ == "PydanticDescriptorProxy"
        }
        for b in bases:
            validators = {**getattr(b, "__record_validators__", {}), **validators}
        ns["__record_validators__"] = validators
        config = dict(ns.get("model_config") or {})
        frozen = bool(config.get("frozen")) or any(getattr(b, "__record_frozen__", False) for b in bases)
        ns["__slots__"] = tuple(f for f in own if f not in inherited)
        ns["__record_frozen__"] = frozen
        cls = super().__new__(mcs, name, bases, ns, **kw)
        fields = {**inherited, **own}
        cls.model_fields = fields
        cls.__record_names__ = tuple(fields)
        cls.__init__ = _make_init(cls, fields, frozen)
        if frozen:
            cls.__setattr__ = Record._frozen_setattr
            if "__hash__" not in ns:
                cls.__hash__ = Record._frozen_hash
        return cls


def _rebuild(cls: type, values: tuple) -> Any:
    obj = cls.__new__(cls)
    for name, value in zip(cls.__record_names__, values):
        object.__setattr__(obj, name, value)
    return obj


def _dump(v: Any, json: bool, exclude_none: bool) -> Any:
    if v is None or v.__class__ in (str, int, bool, float):
        return v
    if isinstance(v, Record):
        return v._dump(json, exclude_none, None)
    if isinstance(v, dict):
        return {(_json_key(k) if json else k): _dump(x, json, exclude_none) for k, x in v.items()}
    if isinstance(v, list):
        return [_dump(x, json, exclude_none) for x in v]
    if isinstance(v, tuple):
        out = [_dump(x, json, exclude_none) for x in v]
        return out if json else tuple(out)
    if not json:
        return v
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (set, frozenset)):
        return [_dump(x, json, exclude_none) for x in v]
    if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
        return v.isoformat()
    if isinstance(v, Enum):
        return _dump(v.value, json, exclude_none)
    if isinstance(v, PurePath):
        return str(v)
    return v


def _json_key(k: Any) -> Any:
    return k if isinstance(k, str) else str(_dump(k, True, False))


class Record(metaclass=_RecordMeta):
    """Base of the light records (see the module docstring)."""

    __slots__ = ()
    model_fields: ClassVar[dict[str, FieldInfo]]  # filled in by the metaclass
    __record_names__: ClassVar[tuple[str, ...]] = ()
    __record_frozen__: ClassVar[bool] = False

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self.__record_names__)

    def __eq__(self, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable records are unhashable, like pydantic's

    def _frozen_hash(self) -> int:
        return hash((self.__class__.__name__, _hashable(self._values())))

    def _frozen_setattr(self, name: str, value: Any) -> None:
        raise TypeError(f"{self.__class__.__name__} is frozen: cannot set '{name}'")

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_names__)
        return f"{self.__class__.__name__}({inner})"

    def __reduce__(self) -> tuple:
        return _rebuild, (self.__class__, self._values())

    def __copy__(self) -> Any:
        return _rebuild(self.__class__, self._values())

    def __deepcopy__(self, memo: dict) -> Any:
        return _rebuild(self.__class__, copy.deepcopy(self._values(), memo))

    # --- pydantic's surface ------------------------------------------------------------

    @classmethod
    def model_construct(cls, **values: Any) -> Any:
        return cls(**values)

    def model_copy(self, *, update: Optional[dict[str, Any]] = None, deep: bool = False) -> Any:
        new = self.__deepcopy__({}) if deep else self.__copy__()
        for name, value in (update or {}).items():
            if name not in self.model_fields:
                raise TypeError(f"{self.__class__.__name__} has no field '{name}'")
            object.__setattr__(new, name, value)
        return new

    def _dump(self, json: bool, exclude_none: bool, exclude: Any) -> dict:
        out = {}
        fields = self.model_fields
        for name in self.__record_names__:
            if fields[name].exclude or (exclude and name in exclude):
                continue
            value = getattr(self, name)
            if value is None and exclude_none:
                continue
            out[name] = _dump(value, json, exclude_none)
        return out

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False, exclude: Any = None) -> dict:
        """Fields as plain data; ``mode="json"``: JSON types only (Decimal as string, like pydantic)."""
        return self._dump(mode == "json", exclude_none, exclude)

    def model_dump_json(self, *, indent: Optional[int] = None, exclude_none: bool = False) -> str:
        import json

        data = self._dump(True, exclude_none, None)
        if indent is None:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(data, ensure_ascii=False, indent=indent)

    @classmethod
    def model_validate(cls, obj: Any) -> Any:
        """Validate user data strictly with pydantic (built lazily) and return records."""
        if isinstance(obj, cls):
            return obj
        if isinstance(obj, Record):
            obj = obj.model_dump()
        from .record_mirror import from_mirror, mirror

        model = mirror(cls)
        import pydantic

        try:
            validated = model.model_validate(obj)
        except pydantic.ValidationError as exc:
            raise ValidationError(exc) from None
        return from_mirror(validated)

    @classmethod
    def model_json_schema(cls, **kw: Any) -> dict:
        from .record_mirror import mirror

        return mirror(cls).model_json_schema(**kw)


def _hashable(v: Any) -> Any:
    if isinstance(v, Record):
        return (v.__class__.__name__, _hashable(v._values()))
    if isinstance(v, dict):
        return tuple((k, _hashable(x)) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return tuple(_hashable(x) for x in v)
    if isinstance(v, set):
        return frozenset(_hashable(x) for x in v)
    return v


def declaration_key(*classes: type) -> str:
    """The declarations of ``classes`` and of the records of their modules, as text: a cache
    of records (``renja_check.cache``) keyed on it is dropped when a declaration changes."""
    seen: dict[str, type] = {}
    for cls in classes:
        module = sys.modules.get(cls.__module__)
        for c in [cls, *(vars(module).values() if module else ())]:
            if isinstance(c, type) and issubclass(c, Record) and c is not Record:
                seen[f"{c.__module__}.{c.__qualname__}"] = c
    lines = []
    for name in sorted(seen):
        for fname, info in seen[name].model_fields.items():
            factory = getattr(info.default_factory, "__qualname__", None)
            lines.append(
                f"{name}.{fname}: {info.annotation!r} = {info.default!r} {factory} "
                f"{info.exclude} {sorted(info.kwargs.items(), key=str)!r}"
            )
    return "\n".join(lines)
