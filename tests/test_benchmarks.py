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
    "bench_scale.py": (["--quick"], "peak memory, 1,200 complaints"),
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


def test_make_large_writes_the_example_year_again_with_distinct_references(
    tmp_path: Path,
) -> None:
    """The large file is the example year over and over, each copy's references its own."""
    from complaintcode import read_complaints  # noqa: PLC0415  # the package, once the script ran

    out = tmp_path / "large.jsonl"
    done = subprocess.run(  # noqa: S603  # our own interpreter and script
        [sys.executable, str(BENCHMARKS / "make_large.py"), str(out), "--count", "601"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote 601 complaints to {out}\n"
    complaints = list(read_complaints(out))
    references = [c.reference for c in complaints]
    assert len(set(references)) == 601
    assert references[:2] == ["RH-0001-0", "RH-0002-0"]
    assert references[300] == "RH-0001-1"
    assert references[600] == "RH-0001-2"
    first, again = complaints[0], complaints[300]
    assert [e.to_dict() for e in again.events[1:]] == [e.to_dict() for e in first.events[1:]]
