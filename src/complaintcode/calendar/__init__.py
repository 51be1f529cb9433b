"""Working days: the calendar that every timescale of the Code counts in.

A working day is Monday to Friday, not a bank holiday of the calendar's region
and not one of the landlord's own closure days. The default calendar is England
and Wales, matching GOV.UK's published bank holidays, one-off days included.

The part cites no provision itself: the timescales of 6.2, 6.3, 6.4, 6.11, 6.14
and 6.15 (4.1, 5.1 and 5.13 in the 2022 edition) are counted on it.
Bank holidays come from the ``workalendar`` package through one private room,
``_bank_holidays``, which adds the days it lacks.

Counting follows one rule: the day something is received is day 0 and never
counts, and a timescale of N working days ends on the Nth working day after it.
A complaint received on Saturday 4 May 2024 has day 1 on Tuesday 7 May, as
Monday 6 May is a bank holiday.

>>> import datetime as dt
>>> from complaintcode.calendar import england_and_wales
>>> cal = england_and_wales()
>>> cal.add_working_days(dt.date(2024, 5, 3), 5)
datetime.date(2024, 5, 13)
>>> cal.working_days_between(dt.date(2024, 5, 3), dt.date(2024, 5, 13))
5
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Final

import attrs

from complaintcode.calendar import _bank_holidays
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "REGIONS",
    "WorkingCalendar",
    "calendar_for",
    "england_and_wales",
    "northern_ireland",
    "scotland",
]

#: The first day a calendar answers for.
MIN_DATE: Final = dt.date(1900, 1, 1)
#: The last day a calendar answers for.
MAX_DATE: Final = dt.date(2200, 12, 31)
#: The regions whose bank holidays a calendar can follow.
REGIONS: Final = _bank_holidays.REGIONS

_MIN_ORD: Final = MIN_DATE.toordinal()
_MAX_ORD: Final = MAX_DATE.toordinal()
_RANGE: Final = f"the supported range is {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
_SATURDAY: Final = 5
_AHEAD: Final = 10  # years precomputed past the year asked about
_DATE = dt.date
_fromordinal = dt.date.fromordinal

# (first ordinal, last ordinal, sorted working-day ordinals in between):
# replaced whole, never changed in place, so readers in other threads see
# either the old span or the new one.
_Span = tuple[int, int, list[int]]
_EMPTY: Final[_Span] = (1, 0, [])


def _ordinal(value: object, path: str) -> int:
    """The ordinal of a date argument, or InvalidRecord saying what is wrong."""
    if type(value) is not dt.date:
        if isinstance(value, dt.datetime):
            msg = "expected a datetime.date, not a datetime (pass its .date() in local time)"
        else:
            msg = f"expected a datetime.date, not {type(value).__name__}"
        raise InvalidRecord(msg, path=path)
    o = value.toordinal()
    if not _MIN_ORD <= o <= _MAX_ORD:
        raise InvalidRecord(f"{value.isoformat()} is out of range: {_RANGE}", path=path)
    return o


def _count(value: object) -> int:
    if type(value) is not int:
        raise InvalidRecord(
            f"expected a whole number of working days, not {type(value).__name__}", path="n"
        )
    if value < 0:
        raise InvalidRecord(f"expected 0 or more working days, not {value}", path="n")
    return value


def _check_region(_instance: object, _attribute: object, value: object) -> None:
    if value not in REGIONS:
        known = ", ".join(REGIONS)
        raise InvalidRecord(f"unknown region {value!r} (known: {known})", path="region")


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    if type(value) is not str or not value:
        raise InvalidRecord(f"expected a non-empty str, not {value!r}", path="name")


def _closures(values: Iterable[dt.date], path: str = "closures") -> frozenset[dt.date]:
    if isinstance(values, (dt.date, str, bytes)) or not hasattr(values, "__iter__"):
        msg = f"expected an iterable of dates, not {type(values).__name__}"
        raise InvalidRecord(msg, path=path)
    days = tuple(values)
    for day in days:
        _ordinal(day, path)
    return frozenset(days)


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """The working days of a region, less a landlord's own closure days.

    Equal calendars have the same name, region and closures. Working days are
    precomputed on first use and extended as needed: a question costs about 1 µs.

    Attributes:
        region: ``"england-and-wales"`` (the default), ``"scotland"`` or
            ``"northern-ireland"``.
        name: A label for the calendar; the region by default.
        closures: Extra days on which the landlord is closed. A closure on a
            weekend or a bank holiday changes nothing.

    Raises:
        InvalidRecord: For an unknown region, an empty name or a closure that
            is not a date in the supported range.

    >>> import datetime as dt
    >>> cal = WorkingCalendar(region="scotland", closures=[dt.date(2024, 12, 24)])
    >>> cal.name, cal.is_working_day(dt.date(2024, 12, 24))
    ('scotland', False)
    """

    region: str = attrs.field(default="england-and-wales", validator=_check_region)
    name: str = attrs.field(validator=_check_name)
    closures: frozenset[dt.date] = attrs.field(factory=frozenset, converter=_closures)
    _span: _Span = attrs.field(init=False, default=_EMPTY, eq=False, repr=False)

    @name.default
    def _default_name(self) -> str:
        return self.region

    def is_working_day(self, day: dt.date) -> bool:
        """Whether a day is a working day.

        Args:
            day: The day.

        Returns:
            ``True`` on Monday to Friday unless a bank holiday or a closure.

        Raises:
            InvalidRecord: If ``day`` is not a date in the supported range.

        >>> import datetime as dt
        >>> england_and_wales().is_working_day(dt.date(2024, 5, 6))
        False
        """
        if type(day) is _DATE:
            o = day.toordinal()
            lo, hi, days = self._span
            if lo <= o <= hi:
                i = bisect_left(days, o)
                return i < len(days) and days[i] == o
        o = _ordinal(day, "day")
        days = self._cover(o, o)[2]
        i = bisect_left(days, o)
        return i < len(days) and days[i] == o

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The nth working day after ``start``: the end of an n-working-day timescale.

        ``start`` is day 0 and never counts, working day or not: from a Saturday,
        day 1 is the Monday (if a working day). ``n == 0`` gives ``start`` itself.

        Args:
            start: The day of receipt (day 0).
            n: The number of working days, 0 or more.

        Returns:
            The nth working day after ``start``.

        Raises:
            InvalidRecord: If ``start`` is not a date in the supported range, ``n``
                is not an int of 0 or more, or the result would be out of range.

        >>> import datetime as dt
        >>> england_and_wales().add_working_days(dt.date(2024, 5, 4), 1)
        datetime.date(2024, 5, 7)
        """
        if type(start) is _DATE and type(n) is int and n > 0:
            o = start.toordinal()
            lo, hi, days = self._span
            if lo <= o <= hi:
                i = bisect_right(days, o) + n - 1
                if i < len(days):
                    return _fromordinal(days[i])
        return self._add(start, n, "start")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days after ``start`` up to and including ``end``.

        The inverse of :meth:`add_working_days`; negative when ``end`` is before
        ``start``, as ``working_days_between(a, b) == -working_days_between(b, a)``.

        Args:
            start: The first day (day 0, not counted).
            end: The last day (counted if a working day).

        Returns:
            The signed number of working days ``d`` with ``start < d <= end``.

        Raises:
            InvalidRecord: If either is not a date in the supported range.

        >>> import datetime as dt
        >>> cal = england_and_wales()
        >>> cal.working_days_between(dt.date(2024, 12, 20), dt.date(2025, 1, 2))
        6
        >>> cal.working_days_between(dt.date(2025, 1, 2), dt.date(2024, 12, 20))
        -6
        """
        if type(start) is _DATE and type(end) is _DATE:
            a = start.toordinal()
            b = end.toordinal()
            lo, hi, days = self._span
            if lo <= a <= hi and lo <= b <= hi:
                return bisect_right(days, b) - bisect_right(days, a)
        a = _ordinal(start, "start")
        b = _ordinal(end, "end")
        days = self._cover(min(a, b), max(a, b))[2]
        return bisect_right(days, b) - bisect_right(days, a)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``, as ``add_working_days(day, 1)``.

        Args:
            day: The day.

        Returns:
            The next working day.

        Raises:
            InvalidRecord: If ``day`` or the result is not in the supported range.

        >>> import datetime as dt
        >>> england_and_wales().next_working_day(dt.date(2022, 12, 23))
        datetime.date(2022, 12, 28)
        """
        if type(day) is _DATE:
            o = day.toordinal()
            lo, hi, days = self._span
            if lo <= o <= hi:
                i = bisect_right(days, o)
                if i < len(days):
                    return _fromordinal(days[i])
        return self._add(day, 1, "day")

    def holidays(self, year: int) -> tuple[tuple[dt.date, str], ...]:
        """The bank holidays of the calendar's region in a year (closures not included).

        Args:
            year: The year, 1900 to 2200.

        Returns:
            (date, GOV.UK title) pairs in date order, substitute days included.

        Raises:
            InvalidRecord: If ``year`` is not an int in the supported range.

        >>> for day, title in england_and_wales().holidays(2023)[3:5]:
        ...     print(day, title)
        2023-05-01 Early May bank holiday
        2023-05-08 Bank holiday for the coronation of King Charles III
        """
        if type(year) is not int:
            msg = f"expected a year as an int, not {type(year).__name__}"
            raise InvalidRecord(msg, path="year")
        if not MIN_DATE.year <= year <= MAX_DATE.year:
            raise InvalidRecord(f"{year} is out of range: {_RANGE}", path="year")
        return _bank_holidays.bank_holidays(self.region, year)

    def with_closures(
        self, dates: Iterable[dt.date], *, name: str | None = None
    ) -> WorkingCalendar:
        """A new calendar that also treats ``dates`` as closed.

        Closures add to the calendar's own; one on a weekend or a bank holiday is
        harmless, as that day was not a working day anyway.

        Args:
            dates: The extra closure days.
            name: A name for the new calendar; this calendar's name by default.

        Returns:
            The new calendar; this one is unchanged.

        Raises:
            InvalidRecord: If a closure is not a date in the supported range.

        >>> import datetime as dt
        >>> shut = england_and_wales().with_closures([dt.date(2024, 12, 27)], name="Acme")
        >>> shut.name, shut.next_working_day(dt.date(2024, 12, 24))
        ('Acme', datetime.date(2024, 12, 30))
        """
        return WorkingCalendar(
            region=self.region,
            name=self.name if name is None else name,
            closures=self.closures | _closures(dates, "dates"),
        )

    def _add(self, start: object, n: object, path: str) -> dt.date:
        o = _ordinal(start, path)
        count = _count(n)
        if count == 0:
            return _fromordinal(o)
        _, hi, days = self._cover(o, o)
        i = bisect_right(days, o) + count - 1
        while i >= len(days):
            if hi >= _MAX_ORD:
                when = _fromordinal(o).isoformat()
                raise InvalidRecord(f"working day {count} after {when} is out of range: {_RANGE}")
            years = (i - len(days)) // 250 + 1
            reach = _fromordinal(hi).year + years
            _, hi, days = self._cover(o, _DATE(min(reach, MAX_DATE.year), 12, 31).toordinal())
            i = bisect_right(days, o) + count - 1
        return _fromordinal(days[i])

    def _cover(self, first: int, last: int) -> _Span:
        """Make the precomputed span include ``first`` to ``last`` and return it."""
        lo, hi, _ = span = self._span
        if lo <= first and last <= hi:
            return span
        first_year = _fromordinal(first).year - 1
        last_year = _fromordinal(last).year + _AHEAD
        if lo <= hi:  # keep what is already covered
            first_year = min(first_year, _fromordinal(lo).year)
            last_year = max(last_year, _fromordinal(hi).year)
        first_year = max(first_year, MIN_DATE.year)
        last_year = min(last_year, MAX_DATE.year)
        closed = {d.toordinal() for d in self.closures}
        for year in range(first_year, last_year + 1):
            closed.update(d.toordinal() for d, _ in _bank_holidays.bank_holidays(self.region, year))
        lo = _DATE(first_year, 1, 1).toordinal()
        hi = _DATE(last_year, 12, 31).toordinal()
        # Ordinal 1 (1 January of year 1) is a Monday, so (o - 1) % 7 is the weekday.
        days = [o for o in range(lo, hi + 1) if (o - 1) % 7 < _SATURDAY and o not in closed]
        span = (lo, hi, days)
        object.__setattr__(self, "_span", span)
        return span


@functools.cache
def england_and_wales() -> WorkingCalendar:
    """The England and Wales calendar, the default (one shared instance).

    >>> england_and_wales() is england_and_wales()
    True
    """
    return WorkingCalendar(region="england-and-wales")


@functools.cache
def scotland() -> WorkingCalendar:
    """The Scotland calendar (one shared instance).

    >>> import datetime as dt
    >>> scotland().is_working_day(dt.date(2024, 1, 2))
    False
    """
    return WorkingCalendar(region="scotland")


@functools.cache
def northern_ireland() -> WorkingCalendar:
    """The Northern Ireland calendar (one shared instance).

    >>> import datetime as dt
    >>> northern_ireland().is_working_day(dt.date(2024, 3, 18))
    False
    """
    return WorkingCalendar(region="northern-ireland")


_BY_NAME: Final = {
    "england-and-wales": england_and_wales,
    "scotland": scotland,
    "northern-ireland": northern_ireland,
}


def calendar_for(name: str) -> WorkingCalendar:
    """The shared calendar of a region, by its name.

    Args:
        name: ``"england-and-wales"``, ``"scotland"`` or ``"northern-ireland"``.

    Returns:
        The region's shared :class:`WorkingCalendar`.

    Raises:
        InvalidRecord: If the name is not one of those.

    >>> calendar_for("scotland") is scotland()
    True
    >>> calendar_for("wales")
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: unknown calendar 'wales' (known: england-and-wales, scotland, northern-ireland)
    """
    factory = _BY_NAME.get(name) if type(name) is str else None
    if factory is None:
        raise InvalidRecord(f"unknown calendar {name!r} (known: {', '.join(_BY_NAME)})")
    return factory()
