"""Plain data for attrs records, driven by their type annotations: one codec for all.

``to_plain`` turns a record into JSON-ready data; ``from_plain`` reads it back,
checking every value against the field's annotation and naming the path of the
first bad one. Supported annotations: ``str``, ``int``, ``bool``, ``Decimal``
(written as a string), ``datetime.date`` (ISO), an aware ``datetime.datetime``
(ISO with its offset), enums (by value, or through the enum's own ``parse``),
attrs classes (nested objects; a class with its own ``to_dict``/``from_dict``
is written and read by them, or by its ``_from_stored`` where it has one: data
read here is stored history, which a class may accept even where it would
refuse a new value), ``tuple[X, ...]`` (arrays), ``X | None``, and a
union of record classes that each name themselves with a ``json_tag`` class
attribute (written first under ``"type"``, and read back by it).
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

#: The key under which a tagged record writes its ``json_tag``.
TAG = "type"


def to_plain(value: object) -> Any:
    """JSON-ready data for a record, a tuple, a date, an enum, a Decimal or a plain value."""
    if isinstance(value, enum.Enum):
        out = value.value
    elif value is None or isinstance(value, (str, bool, int, float)):
        out = value
    elif isinstance(value, (dt.date, dt.datetime)):
        out = value.isoformat()
    elif isinstance(value, Decimal):
        out = str(value)
    elif isinstance(value, (tuple, list)):
        out = [to_plain(v) for v in value]
    elif callable(getattr(value, "to_dict", None)):
        out = value.to_dict()  # type: ignore[attr-defined]  # checked on this line
    elif attrs.has(type(value)):
        out = record_to_plain(value)
    else:
        raise InvalidRecord(f"cannot write a {type(value).__name__} as JSON")
    return out


def record_to_plain(value: object) -> dict[str, Any]:
    """A record's fields as JSON-ready data, led by its ``json_tag`` if it has one."""
    tag = getattr(type(value), "json_tag", None)
    out: dict[str, Any] = {TAG: tag} if tag is not None else {}
    for field in _init_fields(type(value)):
        out[field.name] = to_plain(getattr(value, field.name))
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


#: How to read a record class: its init fields' names, and each field's
#: name, whether it is required, and the reader of its annotation.
_Plan = tuple[frozenset[str], tuple[tuple[str, bool, "_Reader"], ...]]
_PLANS: dict[Any, _Plan] = {}


def _plan(cls: Any) -> _Plan:
    found = _PLANS.get(cls)
    if found is None:
        hints = _hints(cls)
        fields = _init_fields(cls)
        found = _PLANS[cls] = (
            frozenset(f.name for f in fields),
            tuple((f.name, f.default is attrs.NOTHING, _reader(hints[f.name])) for f in fields),
        )
    return found


def from_plain(
    cls: type[_T], data: object, path: str, *, ignore: frozenset[str] = frozenset()
) -> _T:
    """Read a record of ``cls`` from plain data, refusing unknown and missing fields.

    Keys in ``ignore`` (a tag already read by the caller) are passed over.
    """
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    names, fields = _plan(cls)
    if not (names | ignore if ignore else names).issuperset(data):
        unknown = sorted(str(k) for k in data if k not in names and k not in ignore)
        if unknown:
            raise InvalidRecord("unknown field", path=f"{path}.{unknown[0]}")
    kwargs: dict[str, Any] = {}
    for name, required, reader in fields:
        if name in data:
            kwargs[name] = reader(data[name], f"{path}.{name}")
        elif required:
            raise InvalidRecord("missing required field", path=f"{path}.{name}")
    try:
        return cls(**kwargs)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{path}.{err.path}" if err.path else path) from None
    except ComplaintCodeError as err:
        raise InvalidRecord(str(err), path=path) from None


def tagged(options: tuple[type, ...], value: object, path: str) -> Any:
    """Read one of several record classes, chosen by the ``"type"`` its data names."""
    if not isinstance(value, dict):
        raise InvalidRecord(f"expected an object, got {type(value).__name__}", path=path)
    by_tag = {getattr(o, "json_tag", None): o for o in options}
    tag = value.get(TAG)
    cls = by_tag.get(tag) if isinstance(tag, str) else None
    if cls is None:
        known = ", ".join(str(t) for t in by_tag)
        raise InvalidRecord(f"unknown type {tag!r} (known: {known})", path=f"{path}.{TAG}")
    return from_plain(cls, value, path, ignore=frozenset({TAG}))


def _scalar(kind: type, value: object, path: str) -> Any:
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
    if kind is Decimal:
        if not isinstance(value, str):
            raise InvalidRecord(f"expected an amount as a string, got {value!r}", path=path)
        try:
            return Decimal(value)
        except InvalidOperation:
            raise InvalidRecord(f"not an amount: {value!r}", path=path) from None
    raise InvalidRecord(f"cannot read a {kind!r}", path=path)


def _date(value: object, path: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date (YYYY-MM-DD): {value!r}", path=path) from None


def _datetime(value: object, path: str) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidRecord(f"expected an ISO date-time, got {type(value).__name__}", path=path)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not an ISO date-time: {value!r}", path=path) from None
    if parsed.tzinfo is None:
        raise InvalidRecord(f"a time needs a UTC offset: {value!r}", path=path)
    return parsed


def _enum(kind: type[enum.Enum], value: object, path: str) -> Any:
    parse = getattr(kind, "parse", None)
    try:
        return parse(value) if callable(parse) else kind(value)
    except ComplaintCodeError as err:
        message = err.message if isinstance(err, InvalidRecord) else str(err)
        raise InvalidRecord(message, path=path) from None
    except ValueError:
        known = ", ".join(repr(m.value) for m in kind)
        raise InvalidRecord(f"expected one of {known}, got {value!r}", path=path) from None


#: A compiled reader: the value and its path in, the typed value out.
_Reader = typing.Callable[[object, str], Any]
_READERS: dict[Any, _Reader] = {}


def read(kind: Any, value: object, path: str) -> Any:
    """Read one value of an annotated kind."""
    return _reader(kind)(value, path)


def _reader(kind: Any) -> _Reader:
    """The reader of an annotation, compiled on first use and kept."""
    found = _READERS.get(kind)
    if found is None:
        found = _READERS[kind] = _compile(kind)
    return found


def _optional(inner: _Reader) -> _Reader:
    def read_optional(value: object, path: str) -> Any:
        return None if value is None else inner(value, path)

    return read_optional


def _array(item: _Reader) -> _Reader:
    def read_array(value: object, path: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise InvalidRecord(f"expected an array, got {type(value).__name__}", path=path)
        return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(value))

    return read_array


def _text(value: object, path: str) -> str:
    if isinstance(value, str):
        return value
    raise InvalidRecord(f"expected text, got {type(value).__name__}", path=path)


def _compile(kind: Any) -> _Reader:  # noqa: PLR0911  # one return per kind
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = tuple(a for a in typing.get_args(kind) if a is not type(None))
        if len(options) > 1:
            return _optional(lambda value, path: tagged(options, value, path))
        return _optional(_reader(options[0]))
    if origin is tuple:
        return _array(_reader(typing.get_args(kind)[0]))
    if kind is dt.datetime:
        return _datetime
    if kind is dt.date:
        return _date
    if kind is str:
        return _text
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda value, path: _enum(kind, value, path)
    load = (
        getattr(kind, "_from_stored", None) or getattr(kind, "from_dict", None)
        if isinstance(kind, type)
        else None
    )
    if callable(load):
        return lambda value, path: load(value, path=path)
    if isinstance(kind, type) and attrs.has(kind):
        return lambda value, path: from_plain(kind, value, path)
    return lambda value, path: _scalar(kind, value, path)
