"""Working days: the calendar that every timescale of the Code counts in.

A working day is Monday to Friday, not a bank holiday of the calendar's region
and not one of the landlord's own closure days. The default calendar is England
and Wales, matching GOV.UK's published bank holidays, one-off days included.

The part cites no provision itself: the timescales of 6.2, 6.3, 6.4, 6.11, 6.14
and 6.15 (4.1, 5.1 and 5.13 in the 2022 edition) are counted on it.
Bank holidays come from the ``workalendar`` package through one private room,
``_bank_holidays``, which adds the days it lacks; what it gives for every year the
calendar answers for is written out into a generated table, ``_holiday_table``,
which the calendar reads, so that it never imports workalendar.

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
from typing import TYPE_CHECKING, Any, Final, overload

import attrs

from complaintcode._codec import shown
from complaintcode.calendar import _bank_holidays, _columns, _working_days
from complaintcode.calendar._columns import DayColumn as DayColumn
from complaintcode.calendar._columns import read_days as read_days
from complaintcode.calendar._working_days import (
    EMPTY,
    MAX_DATE,
    MIN_DATE,
    RANGE,
    Span,
    count,
    ordinal,
)
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    #: A column of days: a sequence of dates, a numpy array or a pandas Series.
    Days = Iterable[dt.date] | npt.NDArray[Any] | pd.Series[Any]

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

#: The regions whose bank holidays a calendar can follow.
REGIONS: Final = _bank_holidays.REGIONS

_MIN_ORD: Final = MIN_DATE.toordinal()
_MAX_ORD: Final = MAX_DATE.toordinal()
_AHEAD: Final = 10  # years precomputed past the year asked about
_DATE = dt.date
_fromordinal = dt.date.fromordinal


def _check_region(_instance: object, _attribute: object, value: object) -> None:
    if value not in REGIONS:
        known = ", ".join(REGIONS)
        raise InvalidRecord(f"unknown region {shown(value)} (known: {known})", path="region")


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    if type(value) is not str or not value:
        raise InvalidRecord(f"expected a non-empty str, not {shown(value)}", path="name")


def _closures(values: Iterable[dt.date], path: str = "closures") -> frozenset[dt.date]:
    if isinstance(values, (dt.date, str, bytes)) or not hasattr(values, "__iter__"):
        msg = f"expected an iterable of dates, not {type(values).__name__}"
        raise InvalidRecord(msg, path=path)
    days = tuple(values)
    for day in days:
        ordinal(day, path)
    return frozenset(days)


#: Fewer closures than this leave working days in every region: the supported
#: range holds more than 75,000 weekdays that are not bank holidays.
_FEWEST_CLOSING_ALL: Final = 70_000


def _leave_a_working_day(
    instance: WorkingCalendar, _attribute: object, closures: frozenset[dt.date]
) -> None:
    """Refuse closures that leave no working day at all: no timescale could be counted.

    Checked when the calendar is made, so that it is refused at once rather
    than after a search through every year of the range.
    """
    if len(closures) < _FEWEST_CLOSING_ALL:
        return
    holidays: dict[int, frozenset[dt.date]] = {}
    for o in range(_MIN_ORD, _MAX_ORD + 1):
        day = _fromordinal(o)
        if day.weekday() >= 5 or day in closures:  # Saturday, Sunday or closed
            continue
        year = holidays.get(day.year)
        if year is None:
            found = _working_days.listed(instance.region, day.year)
            year = holidays[day.year] = frozenset(d for d, _ in found)
        if day not in year:
            return
    raise InvalidRecord(
        f"the closures leave no working day from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}",
        path="closures",
    )


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """The working days of a region, less a landlord's own closure days.

    Equal calendars have the same name, region and closures. Working days are
    precomputed on first use and extended as needed: a question is two lookups.

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
    closures: frozenset[dt.date] = attrs.field(
        factory=frozenset, converter=_closures, validator=_leave_a_working_day
    )
    _span: Span = attrs.field(init=False, default=EMPTY, eq=False, repr=False)
    # (span, day ranks, working days) as numpy arrays, for columns; made when first asked.
    _arrays: tuple[Any, ...] = attrs.field(init=False, default=(), eq=False, repr=False)

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
        span = self._span
        if type(day) is not _DATE or (r := span[0].get(day)) is None:
            o = ordinal(day, "day")
            span = self._cover(o, o)
            r = span[0][day]
        # The last working day up to ``day`` is ``day`` itself exactly when it is one.
        return r > 0 and span[1][r - 1] == day

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
        span = self._span
        if type(start) is _DATE and type(n) is int and n > 0:
            r = span[0].get(start)
            if r is not None:
                try:
                    return span[1][r + n - 1]
                except IndexError:
                    pass
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
        rank = self._span[0]
        if type(start) is _DATE and type(end) is _DATE:
            a = rank.get(start)
            b = rank.get(end)
            if a is not None and b is not None:
                return b - a
        a = ordinal(start, "start")
        b = ordinal(end, "end")
        rank = self._cover(min(a, b), max(a, b))[0]
        return rank[_fromordinal(b)] - rank[_fromordinal(a)]

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
        span = self._span
        if type(day) is _DATE:
            r = span[0].get(day)
            if r is not None:
                try:
                    return span[1][r]
                except IndexError:
                    pass
        return self._add(day, 1, "day")

    @overload
    def add_working_days_many(self, days: pd.Series[Any], n: int) -> pd.Series[Any]: ...
    @overload
    def add_working_days_many(self, days: npt.NDArray[Any], n: int) -> npt.NDArray[Any]: ...
    @overload
    def add_working_days_many(self, days: Iterable[dt.date], n: int) -> list[dt.date]: ...
    def add_working_days_many(self, days: Days, n: int) -> Any:
        """:meth:`add_working_days` for a column of days, each answered as one call would be.

        A column is a sequence of ``datetime.date`` (answered as a list), a numpy
        array of ``datetime64`` whole days (answered as an array of the same
        ``dtype``, computed with whole-array operations) or a pandas Series of
        either (answered as a Series on the same index, of the same ``dtype``).
        numpy and pandas are optional: the calendar imports neither unless a
        column of theirs is given.

        Args:
            days: The days of receipt (each day 0).
            n: The number of working days, 0 or more, the same for every day.

        Returns:
            The nth working day after each day, in the column's own kind.

        Raises:
            InvalidRecord: As :meth:`add_working_days` would for any one day, the
                day named by its position (``days[3]: ...``); a missing day
                (``None``, ``NaT``) or a time of day is refused too.

        >>> import datetime as dt
        >>> cal = england_and_wales()
        >>> cal.add_working_days_many([dt.date(2024, 5, 3), dt.date(2024, 12, 24)], 5)
        [datetime.date(2024, 5, 13), datetime.date(2025, 1, 3)]
        >>> import numpy as np
        >>> cal.add_working_days_many(np.array(["2024-05-03", "2024-12-24"], "datetime64[D]"), 5)
        array(['2024-05-13', '2025-01-03'], dtype='datetime64[D]')
        """
        column = read_days(days, "days")
        k = count(n)
        if column.bounds is None:  # no day at all
            return column.wrap(column.array if column.array is not None else [])
        first, last = column.bounds
        self._cover(first, last)
        if k:
            self._add(_fromordinal(last), k, "days")  # reach the last day's answer, or refuse
        span = self._span
        if column.dates is not None:
            if not k:
                return column.wrap(list(column.dates))
            ranks: dict[Any, int] = span[0]  # no day is missing: every one is a key
            working = span[1]
            k -= 1
            return column.wrap([working[ranks[d] + k] for d in column.dates])
        array = column.array
        assert array is not None  # noqa: S101  # a column is a list or an array
        if not k:
            return column.wrap(array)
        numbers, working_days = self._numpy(span)
        at = numbers[array.view(numbers.dtype) - (span[2] - _columns.EPOCH)]
        at += k - 1
        return column.wrap(working_days[at].view("datetime64[D]"))

    @overload
    def working_days_between_many(self, starts: pd.Series[Any], ends: Days) -> pd.Series[Any]: ...
    @overload
    def working_days_between_many(
        self, starts: npt.NDArray[Any], ends: Days
    ) -> npt.NDArray[np.int64]: ...
    @overload
    def working_days_between_many(self, starts: Iterable[dt.date], ends: Days) -> list[int]: ...
    def working_days_between_many(self, starts: Days, ends: Days) -> Any:
        """:meth:`working_days_between` for two columns of days, pair by pair.

        Columns are read as for :meth:`add_working_days_many`; the answers come in
        the kind of ``starts`` (a list of ints, an ``int64`` array, or a Series).

        Args:
            starts: The first days (day 0, not counted).
            ends: The last days (counted if working days), as many as ``starts``.

        Returns:
            The signed number of working days between each pair.

        Raises:
            InvalidRecord: As :meth:`working_days_between` would for any one pair,
                or if the columns differ in length.

        >>> import datetime as dt
        >>> england_and_wales().working_days_between_many(
        ...     [dt.date(2024, 5, 3), dt.date(2025, 1, 2)],
        ...     [dt.date(2024, 5, 13), dt.date(2024, 12, 20)],
        ... )
        [5, -6]
        """
        a = read_days(starts, "starts")
        b = read_days(ends, "ends")
        if len(a) != len(b):
            raise InvalidRecord(
                f"expected as many ends as starts, not {len(b)} for {len(a)}", path="ends"
            )
        bounds = [x for x in (a.bounds, b.bounds) if x is not None]
        if not bounds:  # no day at all
            return a.wrap([], days=False)
        self._cover(min(x[0] for x in bounds), max(x[1] for x in bounds))
        span = self._span
        if a.dates is not None and b.dates is not None:
            rank: dict[Any, int] = span[0]  # no day is missing: every one is a key
            return a.wrap(
                [rank[y] - rank[x] for x, y in zip(a.dates, b.dates, strict=True)], days=False
            )
        ranks, _ = self._numpy(span)
        shift = span[2] - _columns.EPOCH
        first = a.as_array().view(ranks.dtype) - shift
        last = b.as_array().view(ranks.dtype) - shift
        return a.wrap(ranks[last] - ranks[first], days=False)

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
            raise InvalidRecord(f"{shown(year)} is out of range: {RANGE}", path="year")
        return _working_days.listed(self.region, year)

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
        """:meth:`add_working_days` for any question: checks, and widens the span as needed."""
        o = ordinal(start, path)
        k = count(n)
        day = _fromordinal(o)
        if k == 0:
            return day
        rank, working, _, hi = self._cover(o, o)
        i = rank[day] + k - 1
        while i >= len(working):
            if hi >= _MAX_ORD:
                raise InvalidRecord(
                    f"working day {shown(k)} after {day.isoformat()} is out of range: {RANGE}"
                )
            years = (i - len(working)) // 250 + 1
            reach = _fromordinal(hi).year + years
            rank, working, _, hi = self._cover(
                o, _DATE(min(reach, MAX_DATE.year), 12, 31).toordinal()
            )
            i = rank[day] + k - 1
        return working[i]

    def _cover(self, first: int, last: int) -> Span:
        """Make the precomputed span include ``first`` to ``last`` and return it."""
        span = self._span
        lo, hi = span[2], span[3]
        if lo <= first and last <= hi:
            return span
        first_year = _fromordinal(first).year - 1
        last_year = _fromordinal(last).year + _AHEAD
        if lo <= hi:  # keep what is already covered
            first_year = min(first_year, _fromordinal(lo).year)
            last_year = max(last_year, _fromordinal(hi).year)
        first_year = max(first_year, MIN_DATE.year)
        last_year = min(last_year, MAX_DATE.year)
        span = _working_days.build(self.region, self.closures, first_year, last_year)
        object.__setattr__(self, "_span", span)
        return span

    def _numpy(self, span: Span) -> tuple[Any, Any]:
        """The span's ranks, and its working days as numpy's day numbers: ``int64`` arrays.

        Made once per span, when a numpy column is first given.
        """
        made = self._arrays
        if not made or made[0] is not span:
            import numpy as np  # noqa: PLC0415  # numpy is optional: a column of it was given

            rank, working = span[0], span[1]
            ranks = np.fromiter(rank.values(), dtype=np.int64, count=len(rank))
            days = np.fromiter((d.toordinal() for d in working), np.int64, len(working))
            made = (span, ranks, days - _columns.EPOCH)
            object.__setattr__(self, "_arrays", made)
        return made[1], made[2]


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
        raise InvalidRecord(f"unknown calendar {shown(name)} (known: {', '.join(_BY_NAME)})")
    return factory()
