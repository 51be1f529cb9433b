"""Field checks and the stored-form reader of the exclusion records.

The exclusion records keep their own messages (``expected a date``, ``no such
date``, ``unknown field 'x'`` at the object's path, a ``None`` counted as a
missing required field), so these sit beside the shared ones of
:mod:`complaintcode._fields` and :mod:`complaintcode._codec` rather than in them.
Each raises :class:`~complaintcode.errors.InvalidRecord` naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, TypeVar

from complaintcode._codec import check_record_date, shown
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_T = TypeVar("_T")


def require_date(value: object, path: str) -> None:
    """Require a datetime.date that is not a datetime, in the range a record may hold."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidRecord(f"expected a date, got {type(value).__name__}", path=path)
    check_record_date(value, path)


def date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a date; ``None`` too where the field's default is ``None``."""
    if value is not None or attribute.default is not None:
        require_date(value, attribute.name)


def one_of(
    choices: tuple[str, ...], _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require one of ``choices``; ``functools.partial(one_of, choices)`` is a validator.

    The check runs each time a record is made, not once when its class is defined.
    """
    if value not in choices:
        raise InvalidRecord(
            f"expected one of {', '.join(choices)}, got {shown(value)}", path=attribute.name
        )


def instance_or_none(
    kind: type, _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require an instance of ``kind`` or ``None``.

    ``functools.partial(instance_or_none, kind)`` is a validator; its message is
    worded as the shared ``instance_of`` check words it.
    """
    if value is not None and not isinstance(value, kind):
        raise InvalidRecord(
            f"expected {kind.__name__}, got {type(value).__name__}", path=attribute.name
        )


def stored_date(value: object, path: str) -> dt.date | None:
    """Read an ISO date (YYYY-MM-DD), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InvalidRecord(f"expected an ISO date (YYYY-MM-DD), got {shown(value)}", path=path)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"no such date: {shown(value)}", path=path) from None
    check_record_date(day, path)
    return day


def read_object(
    data: object, path: str, names: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Any]:
    """A copy of an object's fields, refusing unknown ones and missing or null required ones."""
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    unknown = sorted(shown(k) for k in data if k not in names)
    if unknown:
        raise InvalidRecord(f"unknown field {unknown[0]}", path=path)
    for name in required:
        if data.get(name) is None:
            raise InvalidRecord("missing required field", path=f"{path}.{name}")
    return dict(data)


def build(cls: Callable[..., _T], kwargs: dict[str, Any], path: str) -> _T:
    """Make a record with ``cls`` (a class or a constructor), putting ``path`` before a bad field's path.

    A breach of the Code (:class:`~complaintcode.errors.ProvisionViolation`)
    passes through unchanged.
    """
    try:
        return cls(**kwargs)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{path}.{err.path}" if err.path else path) from None
