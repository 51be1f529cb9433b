"""Validators and converters shared by the letter and remedy records.

Each raises :class:`~complaintcode.errors.InvalidRecord` naming the field, so
bad input never surfaces as a bare ``TypeError``. A text holds no lone
surrogate and a date lies in the range a record may hold
(:data:`~complaintcode._codec.MIN_RECORD_DATE` to
:data:`~complaintcode._codec.MAX_RECORD_DATE`), whether the record is made in
Python or read from JSON: the checks are :mod:`complaintcode._codec`'s.
"""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from complaintcode._codec import check_record_date, check_text, shown
from complaintcode._fast_readers import implied_by, is_array, read_exactly
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

_PENNY = Decimal("0.01")


def text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a str that UTF-8 can hold (no lone surrogate)."""
    if not isinstance(value, str):
        raise InvalidRecord(f"expected text, got {type(value).__name__}", path=attribute.name)
    check_text(value, attribute.name)


implied_by(text, lambda kind: kind is str)


def optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a str or None."""
    if value is not None:
        text(_instance, attribute, value)


implied_by(optional_text, lambda kind: kind == (str | None))


def check_date(value: object, path: str) -> None:
    """Require a datetime.date that is not a datetime, in the range a record may hold."""
    if type(value) is not dt.date:
        if isinstance(value, dt.datetime):
            msg = "expected a datetime.date, not a datetime (pass its .date())"
        else:
            msg = f"expected a datetime.date, not {type(value).__name__}"
        raise InvalidRecord(msg, path=path)
    check_record_date(value, path)


def date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a datetime.date."""
    check_date(value, attribute.name)


implied_by(date, lambda kind: kind is dt.date)


def optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a datetime.date or None."""
    if value is not None:
        check_date(value, attribute.name)


implied_by(optional_date, lambda kind: kind == (dt.date | None))


def to_tuple(value: object) -> object:
    """Turn a list into a tuple; leave anything else for the validator to judge."""
    return tuple(value) if isinstance(value, list) else value


implied_by(to_tuple, is_array)


def texts(value: object) -> object:
    """Turn a single str into a one-item tuple and a list into a tuple."""
    if isinstance(value, str):
        return (value,)
    return to_tuple(value)


implied_by(texts, is_array)


def tuple_of(kind: type | tuple[type, ...], noun: str) -> Callable[..., None]:
    """A validator requiring a tuple whose items are all instances of ``kind``."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidRecord(
                f"expected a tuple of {noun}, got {type(value).__name__}", path=attribute.name
            )
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidRecord(
                    f"expected {noun}, got {type(item).__name__}", path=f"{attribute.name}[{i}]"
                )

    def read_as_items(annotation: object) -> bool:
        items = typing.get_args(annotation)[:1] if is_array(annotation) else ()
        return bool(items) and _is_read_as(items[0], kind)

    return implied_by(validate, read_as_items)


def instance_of(kind: type, noun: str) -> Callable[..., None]:
    """A validator requiring an instance of ``kind``."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidRecord(f"expected {noun}, got {type(value).__name__}", path=attribute.name)

    return implied_by(validate, lambda annotation: _is_read_as(annotation, kind))


def _is_read_as(annotation: object, kind: type | tuple[type, ...]) -> bool:
    """Whether the fast reader of ``annotation`` gives only instances of ``kind``."""
    return (
        isinstance(annotation, type) and issubclass(annotation, kind) and read_exactly(annotation)
    )


def stage(value: object) -> Stage:
    """Convert a stage number or name to a Stage (5.2 and 5.3 refuse the rest)."""
    return Stage.parse(value)


implied_by(stage, lambda kind: kind is Stage)  # Stage.parse gives a Stage back unchanged


def money(value: object) -> Decimal | None:
    """Convert an amount of pounds to a Decimal with two places, refusing floats."""
    if value is None:
        return None
    if isinstance(value, float):
        raise InvalidRecord(
            "expected a Decimal or a string such as '150.00', not a float "
            "(a float cannot hold pounds and pence exactly)",
            path="amount",
        )
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise InvalidRecord(
            f"expected a Decimal amount of pounds, not {type(value).__name__}", path="amount"
        )
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise InvalidRecord(f"not an amount of pounds: {shown(value)}", path="amount") from None
    if not amount.is_finite():
        raise InvalidRecord(f"not an amount of pounds: {shown(value)}", path="amount")
    if amount < 0:
        raise InvalidRecord(f"the amount must not be negative (got {amount})", path="amount")
    try:
        rounded = amount.quantize(_PENNY)
    except InvalidOperation:
        raise InvalidRecord(f"the amount is too large: {amount}", path="amount") from None
    if rounded != amount:
        raise InvalidRecord(
            f"the amount must be in pounds and pence, at most 2 decimal places (got {amount})",
            path="amount",
        )
    return rounded


def iso_date(value: object, path: str) -> dt.date | None:
    """Read an ISO date string (YYYY-MM-DD) in the range a record may hold, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(f"expected an ISO date string, got {type(value).__name__}", path=path)
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise InvalidRecord(f"not an ISO date: {shown(value)}", path=path)
    check_record_date(day, path)
    return day
