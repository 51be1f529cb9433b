"""Time add_working_days: complaintcode's calendar against workalendar's.

Run with ``python benchmarks/bench_calendar.py``. Both calendars answer the same
seeded random (date, n) pairs in the same run: receipt dates from 2018 to 2030
and timescales of 1 to 40 working days (the Code's 5, 10 and 20 days and their
extensions). Prints microseconds per call, the speed-up, how many answers
differ (workalendar 17.0.0 lacks the 8 May 2023 Coronation bank holiday), the
cost of the first call (which precomputes the working days) and the time for
one million deadlines.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import time
from typing import TYPE_CHECKING

from workalendar.europe import UnitedKingdom

from complaintcode.calendar import WorkingCalendar

if TYPE_CHECKING:
    from collections.abc import Callable

SEED = 2024
PAIRS = 20_000
BULK = 1_000_000
REPEATS = 5


def _pairs(count: int, seed: int = SEED) -> list[tuple[dt.date, int]]:
    rng = random.Random(seed)
    first = dt.date(2018, 1, 1).toordinal()
    last = dt.date(2030, 12, 31).toordinal()
    return [
        (dt.date.fromordinal(rng.randint(first, last)), rng.randint(1, 40)) for _ in range(count)
    ]


def _best_per_call(
    add: Callable[[dt.date, int], dt.date], pairs: list[tuple[dt.date, int]]
) -> float:
    """The best of REPEATS timings, in microseconds per call."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for start, n in pairs:
            add(start, n)
        best = min(best, time.perf_counter() - started)
    return best / len(pairs) * 1e6


def main() -> None:
    pairs = _pairs(PAIRS)

    started = time.perf_counter()
    ours = WorkingCalendar()
    ours.add_working_days(pairs[0][0], pairs[0][1])
    first_call_ms = (time.perf_counter() - started) * 1e3

    theirs = UnitedKingdom()
    for year in range(2017, 2033):  # let workalendar fill its own holiday cache first
        theirs.holidays(year)

    ours_us = _best_per_call(ours.add_working_days, pairs)
    theirs_us = _best_per_call(theirs.add_working_days, pairs)
    coronation = dt.date(2023, 5, 8)
    differ = [
        (s, n) for s, n in pairs if ours.add_working_days(s, n) != theirs.add_working_days(s, n)
    ]
    explained = sum(1 for s, n in differ if s < coronation <= theirs.add_working_days(s, n))

    bulk = _pairs(BULK, seed=SEED + 1)
    add = ours.add_working_days
    started = time.perf_counter()
    deadlines = [add(s, n) for s, n in bulk]
    bulk_s = time.perf_counter() - started

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{PAIRS:,} seeded (date, n) pairs, 2018-2030, n in 1..40; best of {REPEATS}")
    print()
    print(f"| {'add_working_days':<32} | {'us/call':>9} |")
    print(f"|{'-' * 34}|{'-' * 11}|")
    print(f"| {'complaintcode WorkingCalendar':<32} | {ours_us:>9.2f} |")
    print(f"| {'workalendar UnitedKingdom':<32} | {theirs_us:>9.2f} |")
    print()
    print(f"speed-up: {theirs_us / ours_us:.0f}x")
    print(
        f"answers that differ: {len(differ)} of {PAIRS:,}; {explained} of them span"
        " 2023-05-08, the Coronation bank holiday that workalendar lacks"
    )
    print(f"first call (precomputes the working days): {first_call_ms:.1f} ms")
    print(f"{len(deadlines):,} deadlines: {bulk_s:.2f} s ({bulk_s / BULK * 1e6:.2f} us each)")


if __name__ == "__main__":
    main()
