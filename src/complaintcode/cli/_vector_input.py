"""Reading a conformance vector's input, and writing a refusal (behind ``complaintcode conformance``).

The helpers :mod:`complaintcode.cli._answers` and :mod:`complaintcode.cli._record_answers`
share: a JSON object, an ISO date, a whole number or an edition read from a
vector's input, with :class:`~complaintcode.errors.InvalidRecord` naming the
field at fault, and a refusal in the kit's terms.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from complaintcode.editions import Edition, edition_by_year, edition_for
from complaintcode.errors import (
    ActionNotAllowed,
    ComplaintCodeError,
    IncompleteLetter,
    InvalidRecord,
    ProvisionViolation,
)

#: A JSON object, as the kit writes inputs and answers.
Json = dict[str, Any]


def read_object(value: object, path: str) -> Json:
    """A JSON object, or InvalidRecord naming ``path``."""
    if not isinstance(value, dict):
        raise InvalidRecord(f"expected an object, got {type(value).__name__}", path=path)
    return value


def read_date(value: object, path: str) -> dt.date:
    """An ISO date written ``YYYY-MM-DD``, or InvalidRecord naming ``path``."""
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidRecord(f"expected an ISO date (YYYY-MM-DD), got {value!r}", path=path)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not a date: {value!r}", path=path) from None


def optional_date(data: Json, name: str) -> dt.date | None:
    """The date of a member that may be absent or ``null``."""
    value = data.get(name)
    return None if value is None else read_date(value, name)


def whole(value: object, path: str) -> int:
    """A whole number (not ``true`` or ``false``), or InvalidRecord naming ``path``."""
    if type(value) is not int:
        raise InvalidRecord(f"expected a whole number, got {value!r}", path=path)
    return value


def iso(day: dt.date | None) -> str | None:
    """A date as ISO text, ``None`` as ``null``."""
    return None if day is None else day.isoformat()


def edition_asked(data: Json, received: dt.date) -> Edition:
    """The edition a question names (by default the one of the day received), read as asked."""
    year = data.get("edition")
    edition = edition_for(received) if year is None else edition_by_year(year)
    days = data.get("days", "working")
    return edition.reading_days_as(days)


def refusal(err: ComplaintCodeError) -> Json:
    """A refusal in the kit's terms: why (``breach``, ``not_allowed``, ``invalid``) and the provision.

    >>> from complaintcode.provisions import provision
    >>> refusal(ProvisionViolation(provision("6.13"), "the same handler"))
    {'reason': 'breach', 'provision': '6.13'}
    """
    if isinstance(err, ProvisionViolation):
        return {"reason": "breach", "provision": err.provision.number}
    if isinstance(err, IncompleteLetter):
        return {"reason": "breach", "provision": err.findings[0].provision.number}
    if isinstance(err, ActionNotAllowed):
        return {"reason": "not_allowed", "provision": None}
    return {"reason": "invalid", "provision": None}
