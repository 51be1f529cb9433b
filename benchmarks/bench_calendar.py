"""One question at a time: the calendar against a dictionary lookup, and against workalendar.

Run: ``python benchmarks/bench_calendar.py [--repeats 21] [--pairs 20000]``

Goal 2 of the speed work: ``add_working_days`` and ``working_days_between``
within 2 times the floor, a function that returns a precomputed answer from a
dictionary (``answers[start, n]``): whatever a calendar does, a call costs at
least that. The floor and the calendar answer the same seeded questions
(receipts from 2018 to 2030, timescales of 1 to 40 working days, the Code's 5, 10
and 20 and their extensions) in the same process, in turn, over many repeats;
each repeat's ratio is printed as min/median/max and the goal judged on the
median. Every answer is checked against the floor's before timing.

For reference, workalendar's ``UnitedKingdom.add_working_days`` is timed the
same way (it lacks the Coronation bank holiday of 8 May 2023, so a few answers
differ), and the first question of a new calendar, which precomputes its
working days, is timed alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import time

from _measure import header, interleaved, ratio_line, ratios, spread
from complaintcode.calendar import WorkingCalendar

SEED = 2024
#: Times each side answers all the questions in one repeat, so that a repeat is long enough.
PASSES = 5


def questions(count: int, seed: int = SEED) -> list[tuple[dt.date, int]]:
    """Seeded (receipt, working days) pairs."""
    rng = random.Random(seed)
    first = dt.date(2018, 1, 1).toordinal()
    last = dt.date(2030, 12, 31).toordinal()
    return [
        (dt.date.fromordinal(rng.randint(first, last)), rng.randint(1, 40)) for _ in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="repeats (default 21)")
    parser.add_argument("--pairs", type=int, default=20_000, help="questions per repeat")
    parser.add_argument("--quick", action="store_true", help="a few small repeats: check it runs")
    args = parser.parse_args(argv)
    repeats, count = (3, 500) if args.quick else (args.repeats, args.pairs)

    pairs = questions(count)
    started = time.process_time()
    ours = WorkingCalendar()
    ours.add_working_days(*pairs[0])
    first_ms = (time.process_time() - started) * 1e3

    add = ours.add_working_days
    between = ours.working_days_between
    added = {(s, n): add(s, n) for s, n in pairs}
    spans = [(s, added[s, n]) for s, n in pairs]
    counted = {(a, b): between(a, b) for a, b in spans}
    if any(counted[a, b] != n for (a, b), (_, n) in zip(spans, pairs, strict=True)):
        raise SystemExit("working_days_between does not invert add_working_days")

    def floor_add(start: dt.date, n: int) -> dt.date:
        return added[start, n]

    def floor_between(start: dt.date, end: dt.date) -> int:
        return counted[start, end]

    passes = range(PASSES)
    sides = {
        "floor add": lambda: [floor_add(s, n) for _ in passes for s, n in pairs],
        "add_working_days": lambda: [add(s, n) for _ in passes for s, n in pairs],
        "floor between": lambda: [floor_between(a, b) for _ in passes for a, b in spans],
        "working_days_between": lambda: [between(a, b) for _ in passes for a, b in spans],
    }
    from workalendar.europe import UnitedKingdom  # noqa: PLC0415  # the comparison only

    theirs = UnitedKingdom()
    for year in range(2017, 2033):  # let workalendar fill its holiday cache first
        theirs.holidays(year)
    few = pairs[: max(1, count // 20)]  # workalendar is slow: a twentieth of the questions
    sides["add_working_days (few)"] = lambda: [add(s, n) for s, n in few]
    sides["workalendar (few)"] = lambda: [theirs.add_working_days(s, n) for s, n in few]
    times = interleaved(sides, repeats)
    coronation = dt.date(2023, 5, 8)
    differ = [(s, n) for s, n in few if add(s, n) != theirs.add_working_days(s, n)]
    explained = sum(1 for s, n in differ if s < coronation <= theirs.add_working_days(s, n))

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{count:,} seeded (receipt, n) pairs, 2018-2030, n in 1..40; {repeats} repeats")
    per_call = spread([t / count / PASSES * 1e6 for t in times["add_working_days"]])
    floor_call = spread([t / count / PASSES * 1e6 for t in times["floor add"]])
    print(
        f"add_working_days {per_call[1]:.3f} us a call, the floor {floor_call[1]:.3f} us (medians)"
    )
    print()
    print(header("the dict-lookup floor"))
    print(
        ratio_line(
            "add_working_days", ratios(times["add_working_days"], times["floor add"]), goal=2
        )
    )
    print(
        ratio_line(
            "working_days_between",
            ratios(times["working_days_between"], times["floor between"]),
            goal=2,
        )
    )
    print()
    print(header("complaintcode"))
    print(
        ratio_line(
            "workalendar UnitedKingdom.add_working_days",
            ratios(times["workalendar (few)"], times["add_working_days (few)"]),
        )
    )
    print(
        f"answers that differ from workalendar's: {len(differ)} of {len(few):,}; {explained} of"
        " them span 2023-05-08, the Coronation bank holiday that workalendar lacks"
    )
    print(f"first question of a new calendar (precomputes 12 years): {first_ms:.1f} ms CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
