"""The pydantic mirrors of records, built lazily: ``mirror(cls)`` is the pydantic model validating
what a record class declares (``Record.model_validate``, ``Record.model_json_schema``), and
``from_mirror`` turns what it validated back into records. Imported only on those paths.
"""

from __future__ import annotations

import types
from typing import Any

from .record import Record, _rebuild
from .record_fields import _LazyValidator


_MIRRORS: dict[type, Any] = {}
_RECORD_OF: dict[Any, type] = {}


def mirror(cls: type) -> Any:
    """The pydantic model validating what ``cls`` declares (built once per class)."""
    got = _MIRRORS.get(cls)
    if got is not None:
        return got
    import typing

    import pydantic

    hints = typing.get_type_hints(cls, include_extras=True)
    spec = {}
    for name, info in cls.model_fields.items():
        field = info.kwargs.get("_pydantic") or pydantic.Field(**info.pydantic_kwargs())
        spec[name] = (mirror_type(hints[name]), field)
    config = pydantic.ConfigDict(extra="forbid", frozen=cls.__record_frozen__, arbitrary_types_allowed=True)
    model = pydantic.create_model(
        cls.__name__,
        __config__=config,
        __doc__=cls.__doc__,
        __module__=cls.__module__,
        __validators__={
            k: v.build() if isinstance(v, _LazyValidator) else v for k, v in cls.__record_validators__.items()
        },
        **spec,
    )
    _MIRRORS[cls] = model
    _RECORD_OF[model] = cls
    return model


def mirror_type(tp: Any) -> Any:
    import typing

    if isinstance(tp, type) and issubclass(tp, Record):
        return mirror(tp)
    origin = typing.get_origin(tp)
    if origin is None or origin is typing.Literal:
        return tp
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return typing.Annotated[(mirror_type(args[0]), *args[1:])]
    new = tuple(mirror_type(a) for a in args)
    if origin is typing.Union or origin is types.UnionType:
        return typing.Union[new]
    return origin[new] if len(new) != 1 else origin[new[0]]


def from_mirror(v: Any) -> Any:
    cls = _RECORD_OF.get(type(v))
    if cls is not None:
        return _rebuild(cls, tuple(from_mirror(getattr(v, n)) for n in cls.__record_names__))
    if isinstance(v, list):
        return [from_mirror(x) for x in v]
    if isinstance(v, dict):
        return {k: from_mirror(x) for k, x in v.items()}
    if isinstance(v, tuple):
        return tuple(from_mirror(x) for x in v)
    return v
