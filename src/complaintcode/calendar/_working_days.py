"""A calendar's working days, precomputed so that a question is two lookups.

The bank holidays are read from the generated table ``_holiday_table`` (made
from ``_bank_holidays``, which a test keeps it equal to), so nothing here needs
workalendar.

A :data:`Span` covers whole years, from 1 January of its first year to
31 December of its last:

* ``rank`` maps each day of the span to the number of working days from the
  span's first day up to and including it;
* ``working`` lists the span's working days in order, so that
  ``working[rank[day] + n - 1]`` is the nth working day after ``day``, and
  ``rank[end] - rank[start]`` counts the working days after ``start`` up to
  ``end``.

A calendar replaces its span whole, never changing one in place, so that a
reader in another thread sees either the old span or the new one.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Final

from complaintcode._codec import shown
from complaintcode.calendar._holiday_table import DAYS, FIRST_YEAR, LAST_YEAR, TITLES
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["EMPTY", "MAX_DATE", "MIN_DATE", "RANGE", "Span", "build", "count", "listed", "ordinal"]

#: The first day a calendar answers for.
MIN_DATE: Final = dt.date(FIRST_YEAR, 1, 1)
#: The last day a calendar answers for.
MAX_DATE: Final = dt.date(LAST_YEAR, 12, 31)
#: How messages state the supported range.
RANGE: Final = f"the supported range is {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"

_MIN_ORD: Final = MIN_DATE.toordinal()
_MAX_ORD: Final = MAX_DATE.toordinal()

#: (rank of each day, working days in order, first ordinal, last ordinal).
Span = tuple[dict[dt.date, int], list[dt.date], int, int]

#: The span of a calendar that has answered nothing yet.
EMPTY: Final[Span] = ({}, [], 1, 0)

_SATURDAY: Final = 5


def ordinal(value: object, path: str) -> int:
    """The ordinal of a date argument, or InvalidRecord saying what is wrong."""
    if type(value) is not dt.date:
        if isinstance(value, dt.datetime):
            msg = "expected a datetime.date, not a datetime (pass its .date() in local time)"
        else:
            msg = f"expected a datetime.date, not {type(value).__name__}"
        raise InvalidRecord(msg, path=path)
    o = value.toordinal()
    if not _MIN_ORD <= o <= _MAX_ORD:
        raise InvalidRecord(f"{value.isoformat()} is out of range: {RANGE}", path=path)
    return o


def count(value: object) -> int:
    """A number of working days argument, or InvalidRecord saying what is wrong."""
    if type(value) is not int:
        raise InvalidRecord(
            f"expected a whole number of working days, not {type(value).__name__}", path="n"
        )
    if value < 0:
        raise InvalidRecord(f"expected 0 or more working days, not {shown(value)}", path="n")
    return value


@functools.cache
def listed(region: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    """A region's bank holidays in a year, from the table: (date, GOV.UK title) pairs.

    ``region`` and ``year`` are checked by the caller (a known region, a year the
    table holds).

    >>> listed("england-and-wales", 2023)[4]
    (datetime.date(2023, 5, 8), 'Bank holiday for the coronation of King Charles III')
    """
    return tuple(
        (dt.date(year, int(entry[:2]), int(entry[2:4])), TITLES[entry[4]])
        for entry in DAYS[region][year - FIRST_YEAR].split()
    )


def build(region: str, closures: Iterable[dt.date], first_year: int, last_year: int) -> Span:
    """The span of a region's working days, less closures, from one year to another.

    >>> import datetime as dt
    >>> rank, working, first, last = build("england-and-wales", (), 2024, 2024)
    >>> len(working), working[0], rank[dt.date(2024, 12, 31)]
    (254, datetime.date(2024, 1, 2), 254)
    """
    first = dt.date(first_year, 1, 1).toordinal()
    last = dt.date(last_year, 12, 31).toordinal()
    closed = {day.toordinal() for day in closures}
    for year in range(first_year, last_year + 1):
        closed.update(day.toordinal() for day, _ in listed(region, year))
    fromordinal = dt.date.fromordinal
    rank: dict[dt.date, int] = {}
    working: list[dt.date] = []
    count = 0
    for o in range(first, last + 1):
        day = fromordinal(o)
        # Ordinal 1 (1 January of year 1) is a Monday, so (o - 1) % 7 is the weekday.
        if (o - 1) % 7 < _SATURDAY and o not in closed:
            working.append(day)
            count += 1
        rank[day] = count
    return rank, working, first, last
