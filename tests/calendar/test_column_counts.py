"""Working days counted between two columns of days: each pair's own count, from a fresh
calendar, for columns that are empty, far apart or badly made.

6.2 to 6.16 (2024), 4.1, 5.1 and 5.13 (2022) are counted on these answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest

from complaintcode.calendar import WorkingCalendar
from complaintcode.errors import InvalidRecord

D = dt.date


def test_empty_columns_give_an_empty_column_of_counts() -> None:
    """Counting rule: no days, no counts, as numbers (not days) in the kind given."""
    empty = np.array([], dtype="datetime64[D]")
    counts = WorkingCalendar().working_days_between_many(empty, empty)
    assert isinstance(counts, np.ndarray)
    assert counts.dtype == np.int64
    assert counts.tolist() == []
    assert WorkingCalendar().working_days_between_many([], []) == []


@pytest.mark.parametrize("kind", ["list", "array"])
def test_columns_decades_apart_on_a_fresh_calendar(kind: str) -> None:
    """Counting rule: a fresh calendar counts pairs in 2024 and in 2060 in one question, each
    pair its own count."""
    starts: Any = [D(2024, 1, 1), D(2060, 1, 1)]
    ends: Any = [D(2024, 1, 10), D(2060, 1, 12)]
    if kind == "array":
        starts, ends = np.array(starts, "datetime64[D]"), np.array(ends, "datetime64[D]")
    counts = WorkingCalendar().working_days_between_many(starts, ends)
    assert list(counts) == [7, 7]


@pytest.mark.parametrize(
    ("starts", "ends", "message"),
    [
        (["2024-01-01"], [D(2024, 1, 2)], "starts[0]: expected a datetime.date, not str"),
        (
            [D(2024, 1, 1), None],
            [D(2024, 1, 2)] * 2,
            "starts[1]: expected a datetime.date, not NoneType",
        ),
        ([D(2024, 1, 1)] * 2, [D(2024, 1, 2), "x"], "ends[1]: expected a datetime.date, not str"),
    ],
)
def test_a_bad_day_is_named_by_its_column_and_position(
    starts: Any, ends: Any, message: str
) -> None:
    """A day that is not a date is refused, naming the column (starts or ends) and where."""
    with pytest.raises(InvalidRecord) as caught:
        WorkingCalendar().working_days_between_many(starts, ends)
    assert str(caught.value) == message


def test_array_columns_asked_again_as_the_calendar_grows() -> None:
    """Counting rule: array columns asked about 2024, then 2060, then 2024 again, on one fresh
    calendar whose precomputed years grow between the questions, each get the answers the
    single functions give."""
    cal = WorkingCalendar(closures=[D(2024, 12, 27)])
    for starts in ([D(2024, 12, 20), D(2024, 5, 3)], [D(2060, 1, 1), D(2060, 12, 24)]) * 2:
        array = np.array(starts, "datetime64[D]")
        added = cal.add_working_days_many(array, 5)
        assert added.astype("datetime64[D]").tolist() == [
            cal.add_working_days(d, 5) for d in starts
        ]
        ends = np.array([d + dt.timedelta(days=20) for d in starts], "datetime64[D]")
        assert cal.working_days_between_many(array, ends).tolist() == [
            cal.working_days_between(d, d + dt.timedelta(days=20)) for d in starts
        ]


def test_columns_of_date_objects_answer_in_their_own_kind() -> None:
    """Counting rule: a numpy array or a Series of datetime.date objects is answered as an
    array or a Series of dates, on the Series' own index."""
    cal = WorkingCalendar()
    array = cal.add_working_days_many(np.array([D(2024, 5, 3)], dtype=object), 5)
    assert isinstance(array, np.ndarray)
    assert (array.dtype, array.tolist()) == (np.dtype(object), [D(2024, 5, 13)])
    series = cal.add_working_days_many(pd.Series([D(2024, 5, 3)], dtype=object, index=[7]), 5)
    assert isinstance(series, pd.Series)
    assert (series.index.tolist(), series.tolist()) == ([7], [D(2024, 5, 13)])


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (["1900-01-01", "1899-12-31"], "days[1]: 1899-12-31 is out of range"),
        (["2200-12-31", "2201-01-01"], "days[1]: 2201-01-01 is out of range"),
    ],
)
def test_the_day_out_of_range_is_the_one_named(days: list[str], message: str) -> None:
    """Counting rule: in an array, the first day outside the supported range is named, not a
    day on its edge."""
    with pytest.raises(InvalidRecord) as caught:
        WorkingCalendar().add_working_days_many(np.array(days, "datetime64[D]"), 1)
    assert str(caught.value) == f"{message}: the supported range is 1900-01-01 to 2200-12-31"
