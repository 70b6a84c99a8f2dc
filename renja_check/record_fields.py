"""How a record field is declared: ``Field`` / ``FieldInfo`` (a default or factory plus the
pydantic ``Field`` arguments kept for the mirror), ``ConfigDict``, ``field_validator`` and the
``ValidationError`` raised for user input. Imported through ``renja_check.record``; pydantic is
imported only when a mirror is built (``renja_check.record_mirror``).
"""

from __future__ import annotations

import copy
from typing import Any

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "<missing>"})()
_FACTORY: Any = type("_Factory", (), {"__repr__": lambda self: "<factory>"})()


def ConfigDict(**kw: Any) -> dict:  # noqa: N802 - pydantic's spelling, so declarations stay the same
    return dict(kw)


class FieldInfo:
    """A field's default (or default factory) plus pydantic ``Field`` arguments for the mirror."""

    __slots__ = ("default", "default_factory", "exclude", "kwargs", "annotation")

    def __init__(
        self, default: Any = _MISSING, *, default_factory: Any = None, exclude: bool = False, **kwargs: Any
    ) -> None:
        if default is Ellipsis:
            default = _MISSING
        if default_factory is None and isinstance(default, (list, dict, set)):
            default_factory = (lambda v: lambda: copy.copy(v))(default)  # never share a mutable default
            kwargs["_default"] = default
            default = _MISSING
        self.default = default
        self.default_factory = default_factory
        self.exclude = exclude
        self.kwargs = kwargs
        self.annotation: Any = None

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def pydantic_kwargs(self) -> dict:
        kw = {k: v for k, v in self.kwargs.items() if k not in ("_default", "_pydantic")}
        if "_default" in self.kwargs:
            kw["default"] = self.kwargs["_default"]
        elif self.default_factory is not None:
            kw["default_factory"] = self.default_factory
        elif self.default is not _MISSING:
            kw["default"] = self.default
        if self.exclude:
            kw["exclude"] = True
        return kw

    def __repr__(self) -> str:
        return f"FieldInfo(annotation={self.annotation!r}, required={self.is_required()})"


def Field(
    default: Any = _MISSING,
    *,
    default_factory: Any = None,
    exclude: bool = False,  # noqa: N802
    **kwargs: Any,
) -> Any:
    """pydantic's ``Field``: a default or ``default_factory``; other arguments (``pattern``,
    ``min_length``, ``description``) apply when validating user input (``model_validate``)."""
    return FieldInfo(default, default_factory=default_factory, exclude=exclude, **kwargs)


class _LazyValidator:
    """``field_validator(...)`` of a record: made a pydantic validator when the mirror is built."""

    def __init__(self, fields: tuple, kwargs: dict, func: Any) -> None:
        self.fields, self.kwargs, self.func = fields, kwargs, func

    def build(self) -> Any:
        import pydantic

        return pydantic.field_validator(*self.fields, **self.kwargs)(self.func)


def field_validator(*fields: str, **kwargs: Any) -> Any:
    """pydantic's ``field_validator`` for records, without importing pydantic until user input
    is validated (``model_validate``); write it above ``@classmethod`` as with pydantic."""
    return lambda func: _LazyValidator(fields, kwargs, func)


class ValidationError(ValueError):
    """pydantic's validation error, re-raised so callers need not import pydantic."""

    def __init__(self, original: Exception) -> None:
        super().__init__(str(original))
        self.original = original

    def errors(self) -> list[dict]:
        return self.original.errors()  # type: ignore[attr-defined]


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _from_pydantic_field(value: Any) -> FieldInfo:
    """A plain default, or a ``pydantic.Field(...)`` written in a record (kept for the mirror)."""
    if type(value).__module__ != "pydantic.fields":
        return FieldInfo(value)
    default = value.default
    if type(default).__name__ == "PydanticUndefinedType":
        default = _MISSING
    info = FieldInfo(default, default_factory=value.default_factory, exclude=bool(value.exclude))
    info.kwargs["_pydantic"] = value
    return info
