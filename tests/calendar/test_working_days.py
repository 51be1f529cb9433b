"""The calendar answers by lookup: the same answers as the binary search it replaced, every day.

The calendar used to answer with a binary search over the sorted ordinals of its
working days; it now looks a day's rank up and indexes the working days by it.
The reference below is that binary search, kept here, over working days built
from ``_bank_holidays`` (workalendar with its corrections), not from the table
the calendar reads. Every timescale of 6.2 to 6.16 (4.1, 5.1 and 5.13 in the 2022
edition) is counted on these answers.
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left, bisect_right

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.calendar import (
    MAX_DATE,
    MIN_DATE,
    REGIONS,
    WorkingCalendar,
    _bank_holidays,
    calendar_for,
)
from complaintcode.errors import InvalidRecord

D = dt.date
FIRST, LAST = MIN_DATE.toordinal(), MAX_DATE.toordinal()
#: A landlord's closures: Christmas to New Year every year, and some single days.
SHUTDOWN = (
    *(D(y, 12, d) for y in range(1900, 2201) for d in (24, 27, 28, 29, 30, 31) if y < 2200),
    D(1900, 1, 2),
    D(2024, 5, 7),
    D(2200, 12, 24),
)


@functools.cache
def _bank_holiday_ordinals(region: str, first_year: int, last_year: int) -> frozenset[int]:
    return frozenset(
        d.toordinal()
        for year in range(first_year, last_year + 1)
        for d, _ in _bank_holidays.bank_holidays(region, year)
    )


class Reference:
    """The previous algorithm: a binary search over the sorted ordinals of the working days."""

    def __init__(
        self, region: str, closures: tuple[dt.date, ...] = (), years: range | None = None
    ) -> None:
        years = years or range(MIN_DATE.year, MAX_DATE.year + 1)
        off = _bank_holiday_ordinals(region, years[0], years[-1]) | {
            d.toordinal() for d in closures
        }
        lo, hi = D(years[0], 1, 1).toordinal(), D(years[-1], 12, 31).toordinal()
        self.days = [o for o in range(lo, hi + 1) if (o - 1) % 7 < 5 and o not in off]

    def add(self, start: dt.date, n: int) -> dt.date:
        if n == 0:
            return start
        return D.fromordinal(self.days[bisect_right(self.days, start.toordinal()) + n - 1])

    def between(self, start: dt.date, end: dt.date) -> int:
        days = self.days
        return bisect_right(days, end.toordinal()) - bisect_right(days, start.toordinal())

    def is_working_day(self, day: dt.date) -> bool:
        i = bisect_left(self.days, day.toordinal())
        return i < len(self.days) and self.days[i] == day.toordinal()


@functools.cache
def _reference(region: str, *, shut: bool) -> Reference:
    return Reference(region, SHUTDOWN if shut else ())


CALENDARS = [(region, False) for region in REGIONS] + [("england-and-wales", True)]


@pytest.mark.parametrize(("region", "shut"), CALENDARS)
def test_every_day_from_1900_to_2200_as_the_binary_search_answered(region: str, shut: bool) -> None:
    """Counting rule (6.2, 6.3, 6.11, 6.14): on every day of the supported range, in every region
    and with a landlord's closures, each question gets the answer the binary search gave.

    England and Wales is asked in date order from 1900, so that its precomputed years widen
    again and again on the way; the others are asked about both ends of the range first.
    """
    ref = _reference(region, shut=shut)
    cal = WorkingCalendar(region=region, closures=SHUTDOWN if shut else ())
    if shut or region != "england-and-wales":
        assert cal.working_days_between(MIN_DATE, MAX_DATE) == ref.between(MIN_DATE, MAX_DATE)
    last_start = D.fromordinal(ref.days[-21])  # the last day with 20 working days after it
    add, between, is_working_day = (
        cal.add_working_days,
        cal.working_days_between,
        cal.is_working_day,
    )
    for o in range(FIRST, LAST + 1):
        day = D.fromordinal(o)
        assert is_working_day(day) is ref.is_working_day(day), day
        if day < last_start:
            assert add(day, 5) == ref.add(day, 5), day
            assert add(day, 20) == ref.add(day, 20), day
            assert cal.next_working_day(day) == ref.add(day, 1), day
        later = D.fromordinal(min(o + 37, LAST))
        assert between(day, later) == ref.between(day, later), day


def test_the_range_ends_as_the_binary_search_answered() -> None:
    """Counting rule: the last answers before the end of the range, then the refusal past it."""
    ref = _reference("england-and-wales", shut=False)
    cal = WorkingCalendar()
    start = D(2200, 12, 1)
    left = ref.between(start, MAX_DATE)
    assert cal.add_working_days(start, left) == ref.add(start, left) == D(2200, 12, 31)
    with pytest.raises(InvalidRecord) as caught:
        cal.add_working_days(start, left + 1)
    assert str(caught.value) == (
        f"working day {left + 1} after 2200-12-01 is out of range: "
        "the supported range is 1900-01-01 to 2200-12-31"
    )
    assert cal.working_days_between(MIN_DATE, MAX_DATE) == ref.between(MIN_DATE, MAX_DATE)


days_in_range = st.dates(min_value=MIN_DATE, max_value=D(2190, 12, 31))


@given(
    region=st.sampled_from(REGIONS),
    start=days_in_range,
    n=st.integers(min_value=0, max_value=2_000),
    offsets=st.frozensets(st.integers(min_value=-30, max_value=400), max_size=30),
    first_asked=days_in_range,
)
def test_any_question_in_any_order_as_the_binary_search_answered(
    region: str, start: dt.date, n: int, offsets: frozenset[int], first_asked: dt.date
) -> None:
    """Counting rule (6.2-6.15): with closures near the start, after a first question about
    any other day (so that the precomputed years are widened backwards or forwards), the
    deadline, the count and the working-day test are the binary search's."""
    closures = tuple(
        start + dt.timedelta(days=k)
        for k in offsets
        if MIN_DATE <= start + dt.timedelta(days=k) <= MAX_DATE
    )
    years = range(max(MIN_DATE.year, start.year - 1), min(MAX_DATE.year, start.year + 10) + 1)
    ref = Reference(region, closures, years)
    cal = WorkingCalendar(region=region, closures=closures)
    cal.is_working_day(first_asked)
    due = cal.add_working_days(start, n)
    assert due == ref.add(start, n)
    assert cal.working_days_between(start, due) == ref.between(start, due) == n
    assert cal.is_working_day(due) is ref.is_working_day(due)
    assert n == 0 or ref.is_working_day(due)


def test_the_shared_calendars_answer_from_lookups_too() -> None:
    """Counting rule: the shared regional calendars answer as fresh ones do."""
    for region in REGIONS:
        shared, fresh = calendar_for(region), WorkingCalendar(region=region)
        for day in (D(1900, 1, 1), D(2024, 5, 3), D(2199, 12, 24)):
            assert shared.add_working_days(day, 10) == fresh.add_working_days(day, 10)
