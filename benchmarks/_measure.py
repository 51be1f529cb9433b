"""Measuring ratios on a shared, noisy machine: both sides interleaved, repeated, summarised.

A benchmark here never trusts one timing. It runs the thing measured and its
reference one after the other, in an order that turns round from one repeat to
the next, many times over, and reports each repeat's ratio: the minimum, the
median and the maximum. Load from other programs moves both sides of a repeat
alike, so the ratios hold steady where the times do not.

Times are CPU time (this process's, or a child's), not wall-clock time, for the
same reason.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence


def interleaved(sides: Mapping[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """The CPU seconds of each side on each repeat, the sides run in turn, the order turning."""
    names = list(sides)
    times: dict[str, list[float]] = {name: [] for name in names}
    for repeat in range(repeats):
        turn = repeat % len(names)
        for name in names[turn:] + names[:turn]:
            started = time.process_time()
            sides[name]()
            times[name].append(time.process_time() - started)
    return times


def child_cpu(argv: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """The CPU seconds (user and system) a command takes, run as a child process.

    Raises:
        RuntimeError: If the command fails.
    """
    return child_usage(argv, env)[0]


def child_usage(
    argv: Sequence[str], env: Mapping[str, str] | None = None, *, ok: Sequence[int] = (0,)
) -> tuple[float, float]:
    """The CPU seconds (user and system) and the peak memory in MB of a command run as a child.

    The peak memory is the child's largest resident set, as the kernel counted it.

    Raises:
        RuntimeError: If the command exits with a code not in ``ok``.
    """
    with subprocess.Popen(  # noqa: S603  # our own interpreter and commands
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    ) as child:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        assert child.stderr is not None  # noqa: S101  # opened above
        errors = child.stderr.read().decode()
    if child.returncode not in ok:
        msg = f"{' '.join(argv)} failed ({child.returncode}): {errors}"
        raise RuntimeError(msg)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # kB on Linux


def ratios(times: Sequence[float], reference: Sequence[float]) -> list[float]:
    """Each repeat's ratio of a side to its reference."""
    return [t / r for t, r in zip(times, reference, strict=True)]


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """The minimum, the median and the maximum."""
    return min(values), statistics.median(values), max(values)


def ratio_line(label: str, values: Sequence[float], goal: float | None = None) -> str:
    """One line of a report: the ratios' min/median/max and, if there is one, the goal."""
    low, middle, high = spread(values)
    line = f"{label:<44} {low:6.2f} {middle:6.2f} {high:6.2f}"
    if goal is not None:
        verdict = "met" if middle <= goal else "NOT met"
        line += f"   <= {goal:g}: {verdict} (median)"
    return line


def header(reference: str) -> str:
    """The heading of a table of ratios."""
    return f"{'ratio to ' + reference:<44} {'min':>6} {'median':>6} {'max':>6}   goal"
