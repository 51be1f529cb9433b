"""The benchmarks still run: each in its quick mode, which checks that it works, not its speed.

Timing belongs in ``benchmarks/``, run on demand; a test never judges a time. These
tests run every ``benchmarks/bench_*.py`` with a few small repeats and check that it
finishes and prints its ratios (and, where it has one, its goal). The answers the
benchmarks compare are checked by the benchmarks themselves before they time
anything, so a quick run also checks that the bulk answers agree with numpy's and
with one call per day (the counting rule of 6.2 to 6.16).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

#: Each benchmark's arguments for a quick run, and a line its report must contain.
QUICK: dict[str, tuple[list[str], str]] = {
    "bench_import.py": (["--quick"], "import complaintcode "),
    "bench_calendar.py": (["--quick"], "add_working_days "),
    "bench_bulk.py": (["--quick"], "add_working_days_many (array) "),
    "bench_lifecycle.py": (["--count", "30"], "from_events + audit"),
    "bench_records.py": (["--copies", "1"], "read_complaints"),
}


def test_every_benchmark_has_a_quick_run() -> None:
    """Each benchmark script is run here: none is left to rot."""
    assert sorted(p.name for p in BENCHMARKS.glob("bench_*.py")) == sorted(QUICK)


@pytest.mark.parametrize("script", sorted(QUICK))
def test_the_benchmark_runs_in_its_quick_mode(script: str) -> None:
    """The benchmark runs to the end and prints what it measures."""
    args, expected = QUICK[script]
    done = subprocess.run(  # noqa: S603  # our own interpreter and scripts
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    if "--quick" in args:
        assert "<= " in done.stdout  # the goal is printed beside the ratio
