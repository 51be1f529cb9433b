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
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from complaintcode._codec import check_record_date, check_text, shown
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


def optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a str or None."""
    if value is not None:
        text(_instance, attribute, value)


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


def optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a datetime.date or None."""
    if value is not None:
        check_date(value, attribute.name)


def to_tuple(value: object) -> object:
    """Turn a list into a tuple; leave anything else for the validator to judge."""
    return tuple(value) if isinstance(value, list) else value


def texts(value: object) -> object:
    """Turn a single str into a one-item tuple and a list into a tuple."""
    if isinstance(value, str):
        return (value,)
    return to_tuple(value)


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

    return validate


def instance_of(kind: type, noun: str) -> Callable[..., None]:
    """A validator requiring an instance of ``kind``."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidRecord(f"expected {noun}, got {type(value).__name__}", path=attribute.name)

    return validate


def stage(value: object) -> Stage:
    """Convert a stage number or name to a Stage (5.2 and 5.3 refuse the rest)."""
    return Stage.parse(value)


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
