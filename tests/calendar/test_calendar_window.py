"""Working days asked for in any order: every answer is the counting rule's, wherever it falls.

The calendar precomputes its working days for a window of years and widens the window when a
question falls outside it. These tests ask questions in orders that cross the window's edges
(the day after its last working day, a count that ends just past it, one date inside and one
outside) and compare every answer with the rule counted day by day from the bank-holiday lists,
which never use the window. The timescales of 6.2 to 6.16 (2024) and 4.1, 5.1 and 5.13 (2022)
are all counted on these answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode.calendar import (
    MAX_DATE,
    WorkingCalendar,
    calendar_for,
    england_and_wales,
    scotland,
)
from complaintcode.errors import InvalidRecord

D = dt.date
RANGE = "the supported range is 1900-01-01 to 2200-12-31"

#: A closure on the last days of every year, so that each year ends on days that are not
#: working days, wherever the precomputed window happens to end.
YEAR_ENDS = [D(y, 12, d) for y in range(2020, 2066) for d in (29, 30, 31)]


def _working_days(calendar: WorkingCalendar, first: int, last: int) -> list[dt.date]:
    """The working days of the years ``first`` to ``last``, from the holiday lists alone."""
    off = {d for y in range(first, last + 1) for d, _ in calendar.holidays(y)}
    off |= calendar.closures
    day, end, out = D(first, 1, 1), D(last, 12, 31), []
    while day <= end:
        if day.weekday() < 5 and day not in off:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def test_with_closures_keeps_the_region() -> None:
    """Working days with closures: a landlord's closures keep the calendar's region, so a
    Scottish-only bank holiday (2 January) stays a day off."""
    shut = scotland().with_closures([D(2024, 12, 24)])
    assert (shut.region, shut.name) == ("scotland", "scotland")
    assert shut.is_working_day(D(2025, 1, 2)) is False
    assert shut.add_working_days(D(2024, 12, 30), 2) == D(2025, 1, 3)
    assert england_and_wales().with_closures([D(2024, 12, 24)]).add_working_days(
        D(2024, 12, 30), 2
    ) == D(2025, 1, 2)


def test_bank_holidays_far_inside_the_first_window() -> None:
    """Counting rule: after a question about 2024, a bank holiday ten years on (Boxing Day
    observed on Monday 26 December 2033) is still a day off."""
    cal = WorkingCalendar()
    assert cal.is_working_day(D(2024, 6, 3)) is True
    assert cal.is_working_day(D(2033, 12, 26)) is False
    assert cal.add_working_days(D(2033, 12, 22), 2) == D(2033, 12, 28)


def test_counting_between_a_date_inside_and_one_outside_the_window() -> None:
    """Counting rule: working days between 2024 and 2040, asked after a question about 2024."""
    cal = WorkingCalendar()
    assert cal.add_working_days(D(2024, 1, 1), 1) == D(2024, 1, 2)
    assert cal.working_days_between(D(2024, 1, 1), D(2040, 1, 1)) == 4047
    assert cal.working_days_between(D(2040, 1, 1), D(2024, 1, 1)) == -4047


def test_a_deadline_a_little_beyond_the_window() -> None:
    """Counting rule: 3,000 working days from New Year's Day 2024 end on 8 November 2035, past
    the first window by less than a year's working days."""
    assert WorkingCalendar().add_working_days(D(2024, 1, 1), 3000) == D(2035, 11, 8)


def test_every_day_asked_in_order_matches_the_rule() -> None:
    """Counting rule: is_working_day and next_working_day for every day of 2024 to 2060, each
    asked in order on its own calendar whose years end on closures."""
    days_off = WorkingCalendar(closures=YEAR_ENDS)
    next_days = WorkingCalendar(closures=YEAR_ENDS)
    expected = _working_days(days_off, 2024, 2061)
    working = set(expected)
    day, i = D(2024, 1, 1), 0
    while day.year <= 2060:
        assert days_off.is_working_day(day) is (day in working), day
        while expected[i] <= day:
            i += 1
        assert next_days.next_working_day(day) == expected[i], day
        day += dt.timedelta(days=1)


def test_every_count_from_one_day_matches_the_rule() -> None:
    """Counting rule: add_working_days(start, n) for every n from 1 to 9,000, asked in order on
    one calendar, and the count back with working_days_between."""
    cal = WorkingCalendar(closures=YEAR_ENDS)
    start = D(2024, 3, 1)
    expected = [d for d in _working_days(cal, 2024, 2065) if d > start]
    for n in range(1, 9001):
        assert cal.add_working_days(start, n) == expected[n - 1], n
    fresh = WorkingCalendar(closures=YEAR_ENDS)
    for n in range(250, 9001, 250):
        assert fresh.working_days_between(start, expected[n - 1]) == n, n


def test_the_last_supported_day_closed() -> None:
    """Working days at the end of the supported range: 31 December 2200 closed is not a working
    day, and the day before has none after it."""
    cal = WorkingCalendar(closures=[MAX_DATE])
    assert cal.is_working_day(MAX_DATE) is False
    assert WorkingCalendar(closures=[MAX_DATE]).is_working_day(D(2200, 12, 30)) is True
    with pytest.raises(InvalidRecord) as caught:
        WorkingCalendar(closures=[MAX_DATE]).next_working_day(D(2200, 12, 30))
    assert str(caught.value) == f"working day 1 after 2200-12-30 is out of range: {RANGE}"


BAD_AFTER_A_QUESTION: list[tuple[str, tuple[Any, ...], str]] = [
    (
        "add_working_days",
        (D(2024, 5, 3), True),
        "n: expected a whole number of working days, not bool",
    ),
    (
        "add_working_days",
        (D(2024, 5, 3), 2.0),
        "n: expected a whole number of working days, not float",
    ),
    (
        "add_working_days",
        (dt.datetime(2024, 5, 3, 9, 0), 2),  # noqa: DTZ001  # a naive datetime is the point
        "start: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    (
        "working_days_between",
        (dt.datetime(2024, 5, 3, 9, 0), D(2024, 5, 13)),  # noqa: DTZ001
        "start: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    (
        "working_days_between",
        (D(2024, 5, 3), dt.datetime(2024, 5, 13, 9, 0)),  # noqa: DTZ001
        "end: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    (
        "is_working_day",
        (dt.datetime(2024, 5, 3, 9, 0),),  # noqa: DTZ001
        "day: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    (
        "next_working_day",
        (dt.datetime(2024, 5, 3, 9, 0),),  # noqa: DTZ001
        "day: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    # A list cannot be looked up among the working days: it is refused as not a date.
    ("is_working_day", ([2024, 5, 3],), "day: expected a datetime.date, not list"),
    ("next_working_day", ([2024, 5, 3],), "day: expected a datetime.date, not list"),
    ("add_working_days", ([2024, 5, 3], 2), "start: expected a datetime.date, not list"),
    (
        "working_days_between",
        ([2024, 5, 3], D(2024, 5, 13)),
        "start: expected a datetime.date, not list",
    ),
    (
        "working_days_between",
        (D(2024, 5, 3), [2024, 5, 13]),
        "end: expected a datetime.date, not list",
    ),
]


@pytest.mark.parametrize(("method", "args", "message"), BAD_AFTER_A_QUESTION)
def test_bad_input_after_a_question_raises_invalid_record(
    method: str, args: tuple[Any, ...], message: str
) -> None:
    """Bad input is refused with InvalidRecord also once working days are precomputed for the
    dates asked about (a bool is not a count, a datetime or a list is not a date): the
    timescales of 6.2 to 6.16 are counted on these answers, never on a value that is not a
    day."""
    cal = WorkingCalendar()
    assert cal.add_working_days(D(2024, 5, 3), 5) == D(2024, 5, 13)
    with pytest.raises(InvalidRecord) as caught:
        getattr(cal, method)(*args)
    assert str(caught.value) == message


@pytest.mark.parametrize("name", [["scotland"], {"a": 1}, b"scotland"])
def test_calendar_for_an_unhashable_or_non_text_name(name: Any) -> None:
    """calendar_for refuses a name that is not text with InvalidRecord, even one that cannot
    be looked up in a table (a list, a dict)."""
    with pytest.raises(InvalidRecord) as caught:
        calendar_for(name)
    assert str(caught.value) == (
        f"unknown calendar {name!r} (known: england-and-wales, scotland, northern-ireland)"
    )


def _closing_all_but(open_days: set[dt.date]) -> list[dt.date]:
    """Every weekday of the supported range that is not a bank holiday in England and Wales,
    less ``open_days``."""
    cal = WorkingCalendar()
    holidays = {d for y in range(1900, 2201) for d, _ in cal.holidays(y)}
    day, out = dt.date(1900, 1, 1), []
    while day <= MAX_DATE:
        if day.weekday() < 5 and day not in holidays and day not in open_days:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def test_closures_that_leave_no_working_day_are_refused() -> None:
    """Working days with closures: closing every weekday that is not a bank holiday leaves no
    working day, and is refused when the calendar is made; leaving only the last day of the
    range open is accepted, and that day is a working day."""
    with pytest.raises(InvalidRecord) as caught:
        WorkingCalendar(closures=_closing_all_but(set()))
    assert str(caught.value) == (
        "closures: the closures leave no working day from 1900-01-01 to 2200-12-31"
    )
    last_open = WorkingCalendar(closures=_closing_all_but({MAX_DATE}))
    assert last_open.is_working_day(MAX_DATE) is True
    assert last_open.is_working_day(D(2200, 12, 30)) is False


def test_years_the_closures_close_entirely() -> None:
    """Working days with closures: closing every weekday of 1900 to 1910 leaves those years
    without a working day. Asked first, before any other question, every day of them is not a
    working day, and the first working day after 1 January 1900 is Tuesday 3 January 1911
    (Monday 2 January 1911 is the substitute New Year bank holiday)."""
    closed = [
        day
        for o in range(D(1900, 1, 1).toordinal(), D(1911, 1, 1).toordinal())
        if (day := D.fromordinal(o)).weekday() < 5
    ]
    for asked in (D(1900, 1, 1), D(1905, 6, 1), D(1910, 12, 30)):
        assert WorkingCalendar(closures=closed).is_working_day(asked) is False
    cal = WorkingCalendar(closures=closed)
    assert cal.next_working_day(D(1900, 1, 1)) == D(1911, 1, 3)
    assert cal.working_days_between(D(1900, 1, 1), D(1911, 1, 3)) == 1
