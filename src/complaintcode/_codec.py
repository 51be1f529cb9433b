"""Plain data for attrs records, driven by their type annotations: one codec for all.

``to_plain`` turns a record into JSON-ready data; ``from_plain`` reads it back,
checking every value against the field's annotation and naming the path of the
first bad one. Supported annotations: ``str``, ``int``, ``bool``, ``Decimal``
(written as a string), ``datetime.date`` (ISO), enums (by value), attrs
classes (nested objects), ``tuple[X, ...]`` (arrays) and ``X | None``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from complaintcode.errors import ComplaintCodeError, InvalidRecord

_T = TypeVar("_T")


def to_plain(value: object) -> Any:
    """JSON-ready data for a record, a tuple, a date, an enum, a Decimal or a plain value."""
    if isinstance(value, enum.Enum):
        out = value.value
    elif value is None or isinstance(value, (str, bool, int, float)):
        out = value
    elif isinstance(value, dt.date):
        out = value.isoformat()
    elif isinstance(value, Decimal):
        out = str(value)
    elif isinstance(value, (tuple, list)):
        out = [to_plain(v) for v in value]
    elif attrs.has(type(value)):
        out = {f.name: to_plain(getattr(value, f.name)) for f in _init_fields(type(value))}
    else:
        raise InvalidRecord(f"cannot write a {type(value).__name__} as JSON")
    return out


_HINTS: dict[Any, dict[str, Any]] = {}
_FIELDS: dict[Any, tuple[attrs.Attribute[Any], ...]] = {}


def _hints(cls: Any) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def _init_fields(cls: Any) -> tuple[attrs.Attribute[Any], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f for f in attrs.fields(cls) if f.init)
    return found


def from_plain(cls: type[_T], data: object, path: str) -> _T:
    """Read a record of ``cls`` from plain data, refusing unknown and missing fields."""
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    fields = {f.name: f for f in _init_fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise InvalidRecord("unknown field", path=f"{path}.{unknown[0]}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                raise InvalidRecord("missing required field", path=f"{path}.{name}")
            continue
        kwargs[name] = read(hints[name], data[name], f"{path}.{name}")
    try:
        return cls(**kwargs)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{path}.{err.path}" if err.path else path) from None
    except ComplaintCodeError as err:
        raise InvalidRecord(str(err), path=path) from None


def read(kind: Any, value: object, path: str) -> Any:  # noqa: C901, PLR0911, PLR0912  # one dispatch over annotation kinds
    """Read one value of an annotated kind."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return read(options[0], value, path)
    if origin is tuple:
        if not isinstance(value, list):
            raise InvalidRecord(f"expected an array, got {type(value).__name__}", path=path)
        item = typing.get_args(kind)[0]
        return tuple(read(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if kind is str:
        if not isinstance(value, str):
            raise InvalidRecord(f"expected text, got {type(value).__name__}", path=path)
        return value
    if kind is bool:
        if type(value) is not bool:
            raise InvalidRecord(f"expected true or false, got {value!r}", path=path)
        return value
    if kind is int:
        if type(value) is not int:
            raise InvalidRecord(f"expected a whole number, got {value!r}", path=path)
        return value
    if kind is dt.date:
        if not isinstance(value, str) or len(value) != 10:
            raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path) from None
    if kind is Decimal:
        if not isinstance(value, str):
            raise InvalidRecord(f"expected an amount as a string, got {value!r}", path=path)
        try:
            return Decimal(value)
        except InvalidOperation:
            raise InvalidRecord(f"not an amount: {value!r}", path=path) from None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(repr(m.value) for m in kind)
            raise InvalidRecord(f"expected one of {known}, got {value!r}", path=path) from None
    if isinstance(kind, type) and attrs.has(kind):
        return from_plain(kind, value, path)
    raise InvalidRecord(f"cannot read a {kind!r}", path=path)
