"""Columns of days: ``add_working_days_many`` and ``working_days_between_many``.

Every answer for a column is the answer one call gives for its day (the counting
rule of 6.2 to 6.16, 4.1, 5.1 and 5.13 in the 2022 edition), whatever the column's
kind: a list of dates, a numpy ``datetime64`` array, a pandas Series. The answers
come back in the column's own kind. A sample of 20,000 days is checked here; the
benchmark checks 100,000.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest

from complaintcode.calendar import (
    MAX_DATE,
    MIN_DATE,
    WorkingCalendar,
    england_and_wales,
    northern_ireland,
    scotland,
)
from complaintcode.errors import InvalidRecord

D = dt.date
RANGE = "the supported range is 1900-01-01 to 2200-12-31"
SAMPLE = 20_000


LATE = D(2199, 1, 1)


def _sample(
    count: int, seed: int, first: dt.date = MIN_DATE, last: dt.date = LATE
) -> list[dt.date]:
    rng = random.Random(seed)  # noqa: S311  # a seeded sample, not a secret
    lo, hi = first.toordinal(), last.toordinal()
    return [D.fromordinal(rng.randint(lo, hi)) for _ in range(count)]


CALENDARS = [
    england_and_wales(),
    scotland(),
    northern_ireland(),
    WorkingCalendar(closures=[D(y, 12, d) for y in range(1990, 2060) for d in (24, 27, 28)]),
]


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: f"{c.name}-{len(c.closures)}")
@pytest.mark.parametrize("n", [0, 1, 5, 20, 400])
def test_a_column_gets_each_days_own_answer(calendar: WorkingCalendar, n: int) -> None:
    """Counting rule (6.2, 6.3, 6.11, 6.14): 20,000 days across the range, as a list, a
    ``datetime64[D]`` array and a Series: each answer is the one call's, in every region
    and with closures."""
    days = _sample(SAMPLE, seed=n)
    expected = [calendar.add_working_days(day, n) for day in days]
    assert calendar.add_working_days_many(days, n) == expected
    array = np.array(days, dtype="datetime64[D]")
    answers = calendar.add_working_days_many(array, n)
    assert answers.dtype == np.dtype("datetime64[D]")
    assert answers.tolist() == expected
    series = pd.Series(array.astype("datetime64[s]"), index=range(5, SAMPLE + 5))
    in_series = calendar.add_working_days_many(series, n)
    assert in_series.dtype == series.dtype
    assert in_series.index.equals(series.index)
    assert [t.date() for t in in_series] == expected


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: f"{c.name}-{len(c.closures)}")
def test_counts_between_two_columns_are_each_pairs_own(calendar: WorkingCalendar) -> None:
    """Counting rule: the signed working days between each pair, as one call counts them."""
    starts = _sample(SAMPLE, seed=1)
    ends = _sample(SAMPLE, seed=2, first=D(1900, 6, 1), last=D(2200, 12, 31))
    expected = [calendar.working_days_between(a, b) for a, b in zip(starts, ends, strict=True)]
    assert calendar.working_days_between_many(starts, ends) == expected
    a, b = np.array(starts, "datetime64[D]"), np.array(ends, "datetime64[D]")
    counted = calendar.working_days_between_many(a, b)
    assert counted.dtype == np.int64
    assert counted.tolist() == expected
    assert calendar.working_days_between_many(starts, b) == expected
    assert calendar.working_days_between_many(a, ends).tolist() == expected
    series = calendar.working_days_between_many(pd.Series(a), pd.Series(b))
    assert series.tolist() == expected


def test_the_kinds_of_column_and_their_answers() -> None:
    """Counting rule (6.2: five working days from receipt): each kind of column in, the
    same kind out, for 3 May 2024 (Monday 6 May is a bank holiday) and 24 December 2024."""
    cal = england_and_wales()
    days = [D(2024, 5, 3), D(2024, 12, 24)]
    due = [D(2024, 5, 13), D(2025, 1, 3)]
    assert cal.add_working_days_many(days, 5) == due
    assert cal.add_working_days_many(tuple(days), 5) == due
    assert cal.add_working_days_many(iter(days), 5) == due
    for unit in ("D", "s", "ns"):
        array = np.array(days, dtype=f"datetime64[{unit}]")
        answers = cal.add_working_days_many(array, 5)
        assert answers.dtype == np.dtype(f"datetime64[{unit}]")
        assert answers.astype("datetime64[D]").tolist() == due
    objects = np.array(days, dtype=object)
    answers = cal.add_working_days_many(objects, 5)
    assert answers.dtype == object
    assert answers.tolist() == due
    series = pd.Series(days, index=["a", "b"], name="received")
    in_series = cal.add_working_days_many(series, 5)
    assert in_series.dtype == object
    assert in_series.to_dict() == {"a": due[0], "b": due[1]}
    stamps = pd.Series(pd.to_datetime(["2024-05-03", "2024-12-24"]))
    assert cal.add_working_days_many(stamps, 5).tolist() == [pd.Timestamp(d) for d in due]
    assert cal.working_days_between_many(days, due) == [5, 5]
    assert cal.working_days_between_many(pd.Series(days), due).tolist() == [5, 5]


def test_empty_columns_and_no_days_to_add() -> None:
    """Counting rule: an empty column gives an empty answer of its kind; ``n == 0`` gives the
    days themselves."""
    cal = england_and_wales()
    assert cal.add_working_days_many([], 5) == []
    empty = cal.add_working_days_many(np.array([], dtype="datetime64[D]"), 5)
    assert empty.dtype == np.dtype("datetime64[D]")
    assert len(empty) == 0
    assert cal.working_days_between_many([], []) == []
    assert cal.working_days_between_many(np.array([], "datetime64[D]"), []).tolist() == []
    # An empty column of date objects answers with an empty column of objects, and its counts
    # with an empty column of int64, in its own kind.
    objects = cal.add_working_days_many(np.array([], dtype=object), 5)
    assert (type(objects), objects.dtype, objects.tolist()) == (np.ndarray, np.dtype(object), [])
    in_series = cal.add_working_days_many(pd.Series([], dtype=object), 5)
    assert (type(in_series), in_series.dtype, in_series.tolist()) == (
        pd.Series,
        np.dtype(object),
        [],
    )
    counts = cal.working_days_between_many(pd.Series([], dtype=object), [])
    assert (type(counts), counts.dtype, counts.tolist()) == (pd.Series, np.dtype(np.int64), [])
    days = [D(2024, 5, 4), MAX_DATE, MIN_DATE]
    assert cal.add_working_days_many(days, 0) == days
    assert cal.add_working_days_many(np.array(days, "datetime64[D]"), 0).tolist() == days


def test_the_range_ends_for_columns() -> None:
    """Counting rule: the first and last days of the range answer as one call does; an
    answer past the end is refused with the message one call gives."""
    cal = WorkingCalendar()
    assert cal.add_working_days_many([MIN_DATE, D(2200, 12, 30)], 1) == [D(1900, 1, 2), MAX_DATE]
    assert cal.working_days_between_many([MIN_DATE], [MAX_DATE]) == [
        cal.working_days_between(MIN_DATE, MAX_DATE)
    ]
    with pytest.raises(InvalidRecord) as caught:
        cal.add_working_days_many(np.array([D(2024, 5, 3), MAX_DATE], "datetime64[D]"), 1)
    assert str(caught.value) == f"working day 1 after 2200-12-31 is out of range: {RANGE}"


BAD_COLUMNS: list[tuple[Any, str]] = [
    ([D(2024, 5, 3), "2024-05-04"], "days[1]: expected a datetime.date, not str"),
    (
        [D(2024, 5, 3), dt.datetime(2024, 5, 4, 9, 0)],  # noqa: DTZ001  # a naive time is the point
        "days[1]: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    ([D(2024, 5, 3), None], "days[1]: expected a datetime.date, not NoneType"),
    ([D(1899, 12, 31)], f"days[0]: 1899-12-31 is out of range: {RANGE}"),
    ([D(2024, 1, 1), D(2201, 1, 1)], f"days[1]: 2201-01-01 is out of range: {RANGE}"),
    (np.array(["2024-05-03", "NaT"], "datetime64[D]"), "days[1]: NaT is missing: expected a date"),
    (
        np.array(["2024-05-03", "2024-05-04T10:30"], "datetime64[m]"),
        "days[1]: 2024-05-04T10:30 has a time of day: expected a date",
    ),
    (
        np.array(["2024-05-03", "1850-01-01"], "datetime64[D]"),
        f"days[1]: 1850-01-01 is out of range: {RANGE}",
    ),
    (np.array([1, 2]), "days: expected dates (datetime64 or datetime.date), not an array of int64"),
    (
        np.array([["2024-05-03"]], "datetime64[D]"),
        "days: expected a column of dates, not 2 dimensions",
    ),
    (
        pd.Series([1.5]),
        "days: expected dates (datetime64 or datetime.date), not a Series of float64",
    ),
    (
        pd.Series(pd.to_datetime(["2024-05-03"]).tz_localize("UTC")),
        "days[0]: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    (D(2024, 5, 3), "days: expected a column of dates, not date"),
    ("2024-05-03", "days: expected a column of dates, not str"),
    (5, "days: expected a column of dates, not int"),
]


@pytest.mark.parametrize(("column", "message"), BAD_COLUMNS)
def test_a_bad_day_in_a_column_is_named_by_its_position(column: Any, message: str) -> None:
    """A day that one call would refuse is refused in a column, named by its position."""
    with pytest.raises(InvalidRecord) as caught:
        england_and_wales().add_working_days_many(column, 5)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("n", "message"),
    [
        (-1, "n: expected 0 or more working days, not -1"),
        (True, "n: expected a whole number of working days, not bool"),
        (np.int64(5), "n: expected a whole number of working days, not int64"),
    ],
)
def test_a_bad_number_of_days_for_a_column(n: Any, message: str) -> None:
    """The number of working days is checked as for one call."""
    with pytest.raises(InvalidRecord) as caught:
        england_and_wales().add_working_days_many([D(2024, 5, 3)], n)
    assert str(caught.value) == message


def test_columns_of_different_lengths_are_refused() -> None:
    """Counting between two columns needs a day in each for every pair."""
    with pytest.raises(InvalidRecord) as caught:
        england_and_wales().working_days_between_many([D(2024, 5, 3)], [])
    assert str(caught.value) == "ends: expected as many ends as starts, not 0 for 1"
    missing: list[Any] = [None]
    with pytest.raises(InvalidRecord) as caught:
        england_and_wales().working_days_between_many([D(2024, 5, 3)], missing)
    assert str(caught.value) == "ends[0]: expected a datetime.date, not NoneType"


def test_columns_of_dates_need_neither_numpy_nor_pandas() -> None:
    """A list of dates is answered without importing numpy or pandas (both optional)."""
    code = (
        "import datetime as dt, sys\n"
        "from complaintcode.calendar import england_and_wales\n"
        "cal = england_and_wales()\n"
        "print(cal.add_working_days_many([dt.date(2024, 5, 3)], 5))\n"
        "print(cal.working_days_between_many([dt.date(2024, 5, 3)], [dt.date(2024, 5, 13)]))\n"
        "print([m for m in ('numpy', 'pandas') if m in sys.modules])\n"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "[datetime.date(2024, 5, 13)]\n[5]\n[]\n"
