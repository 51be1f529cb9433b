"""Columns of dates: the calendar's and the deadlines' bulk functions against numpy's.

Run: ``python benchmarks/bench_bulk.py [--size 1000000] [--repeats 11]``

Goal 3 of the speed work: a million receipt dates (a numpy ``datetime64[D]``
array, 2018 to 2030) counted within 1.5 times numpy's own business-day functions
over the same bank holidays (England and Wales, 1900 to 2200):

- ``WorkingCalendar.add_working_days_many(days, 10)`` against
  ``numpy.busday_offset(days, 10, roll="backward", holidays=...)``;
- ``WorkingCalendar.working_days_between_many(starts, ends)`` against
  ``numpy.busday_count(starts + 1, ends + 1, holidays=...)``;
- ``acknowledgement_due_many(1, received=...)`` and ``response_due_many(1,
  received=...)`` (projected from the acknowledgement's due date) against the
  same deadlines made with ``busday_offset`` (5 working days, then 10 more).

``roll="backward"`` and the shifted ends give numpy the library's counting rule
(the day of receipt is day 0 and never counts). The sides run in turn, in an
order that turns round, over many repeats; each repeat's ratio is printed as
min/median/max and the goal judged on the median. Before timing, every answer
for the whole column is checked against numpy's, and the bulk answers for a
sample of 100,000 days against one call per day. For information, a list of
``datetime.date`` is timed too, against converting it to an array for numpy.
"""

from __future__ import annotations

import argparse
import os
import platform

import numpy as np

from _measure import header, interleaved, ratio_line, ratios
from complaintcode.calendar import MAX_DATE, MIN_DATE, england_and_wales
from complaintcode.deadlines import acknowledgement_due_many, response_due, response_due_many

SEED = 2024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="dates in the column")
    parser.add_argument("--repeats", type=int, default=11, help="repeats (default 11)")
    parser.add_argument("--sample", type=int, default=100_000, help="days checked one by one")
    parser.add_argument("--quick", action="store_true", help="small and few: check that it runs")
    args = parser.parse_args(argv)
    size, repeats, sample = (
        (20_000, 3, 2_000) if args.quick else (args.size, args.repeats, args.sample)
    )

    cal = england_and_wales()
    holidays = np.array(
        [d for y in range(MIN_DATE.year, MAX_DATE.year + 1) for d, _ in cal.holidays(y)],
        dtype="datetime64[D]",
    )
    rng = np.random.default_rng(SEED)
    first, last = np.datetime64("2018-01-01"), np.datetime64("2030-12-31")
    days = first + rng.integers(0, int((last - first).astype(np.int64)) + 1, size).astype(
        "timedelta64[D]"
    )
    ends = days + rng.integers(0, 61, size).astype("timedelta64[D]")
    one = np.timedelta64(1, "D")
    as_list = days.tolist()

    def numpy_add() -> object:
        return np.busday_offset(days, 10, roll="backward", holidays=holidays)

    def numpy_between() -> object:
        return np.busday_count(days + one, ends + one, holidays=holidays)

    def numpy_deadlines() -> tuple[object, object]:
        ack = np.busday_offset(days, 5, roll="backward", holidays=holidays)
        return ack, np.busday_offset(ack, 10, roll="backward", holidays=holidays)

    def numpy_from_list() -> object:
        column = np.array(as_list, dtype="datetime64[D]")
        return np.busday_offset(column, 10, roll="backward", holidays=holidays).tolist()

    # The answers agree before anything is timed.
    ack, respond = numpy_deadlines()
    checks = {
        "add_working_days_many": (cal.add_working_days_many(days, 10), numpy_add()),
        "working_days_between_many": (cal.working_days_between_many(days, ends), numpy_between()),
        "acknowledgement_due_many": (acknowledgement_due_many(1, received=days), ack),
        "response_due_many": (response_due_many(1, received=days), respond),
        "a list": (cal.add_working_days_many(as_list, 10), numpy_from_list()),
    }
    for name, (ours, theirs) in checks.items():
        if not np.array_equal(np.asarray(ours), np.asarray(theirs)):
            raise SystemExit(f"{name}: the answers differ from numpy's")
    picked = as_list[:sample]
    if cal.add_working_days_many(picked, 10) != [cal.add_working_days(d, 10) for d in picked]:
        raise SystemExit("add_working_days_many differs from one call per day")
    due = response_due_many(1, received=np.array(picked, dtype="datetime64[D]")).tolist()
    if due != [response_due(1, received=d).due for d in picked]:
        raise SystemExit("response_due_many differs from one call per complaint")

    sides = {
        "numpy add": numpy_add,
        "add_working_days_many": lambda: cal.add_working_days_many(days, 10),
        "numpy between": numpy_between,
        "working_days_between_many": lambda: cal.working_days_between_many(days, ends),
        "numpy deadlines": numpy_deadlines,
        "deadlines": lambda: (
            acknowledgement_due_many(1, received=days),
            response_due_many(1, received=days),
        ),
        "numpy from a list": numpy_from_list,
        "a list": lambda: cal.add_working_days_many(as_list, 10),
    }
    times = interleaved(sides, repeats)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}"
    )
    print(
        f"{size:,} receipt dates 2018-2030 (datetime64[D]); {len(holidays):,} bank holidays; "
        f"{repeats} repeats"
    )
    print(
        f"answers identical to numpy's for the whole column, and to one call per day for "
        f"{len(picked):,} days"
    )
    numpy_s = sorted(times["numpy add"])[len(times["numpy add"]) // 2]
    print(f"numpy busday_offset: {numpy_s:.3f} s CPU for the column (median)")
    print()
    print(header("numpy"))
    print(
        ratio_line(
            "add_working_days_many (array)",
            ratios(times["add_working_days_many"], times["numpy add"]),
            goal=1.5,
        )
    )
    print(
        ratio_line(
            "working_days_between_many (array)",
            ratios(times["working_days_between_many"], times["numpy between"]),
            goal=1.5,
        )
    )
    print(
        ratio_line(
            "acknowledgement and response due (array)",
            ratios(times["deadlines"], times["numpy deadlines"]),
            goal=1.5,
        )
    )
    print(
        ratio_line(
            "add_working_days_many (list of dates)",
            ratios(times["a list"], times["numpy from a list"]),
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
