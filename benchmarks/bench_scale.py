"""Many complaints: the command line's memory and CPU per complaint as the file grows.

Run: ``python benchmarks/bench_scale.py [--sizes 10000 100000 1000000] [--repeats 3]``

Goal 5 of the speed work: ``complaintcode report`` and ``complaintcode audit
--as-of`` read, audit and count one record at a time, so that over 1,000,000
complaints the peak memory stays within 400 MB and the CPU time per complaint
stays flat, within 15% of its value at 10,000 complaints.

The files are made from the example data by ``make_large.py`` (not timed). Each
command runs as a child process; its CPU time and its peak resident memory are
the kernel's count for that child. The CPU time of a run over an empty file (the
start-up: Python, the import, the options) is taken away before dividing by the
number of complaints, and each repeat runs every size in turn, the order turning,
so that each repeat's ratio compares runs made close together.

What the commands keep grows with the file: the references seen (a complaint
given twice is refused) and the findings, which are the output. The report in
Markdown (the default) sums the findings up; ``--format json`` lists every one,
so its memory grows with the findings it writes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _measure import child_usage, header, ratio_line
from make_large import EXAMPLE_COUNT, write_large

#: The commands measured, each with the arguments after the file and the exit codes it may give.
COMMANDS: dict[str, tuple[list[str], tuple[int, ...]]] = {
    "report": (["--homes", "{homes}", "--year", "2024"], (0,)),
    "audit --as-of": (["--as-of", "2025-04-30", "--format", "csv"], (0, 1)),
}
MEMORY_GOAL_MB = 400
FLAT_GOAL = 1.15


def run(command: str, path: Path, count: int) -> tuple[float, float]:
    """The CPU seconds and peak MB of one command over one file."""
    args, ok = COMMANDS[command]
    homes = str(max(1, count // EXAMPLE_COUNT) * 4_800)
    argv = [
        sys.executable,
        "-m",
        "complaintcode",
        command.split(maxsplit=1)[0],
        str(path),
        *(a.format(homes=homes) for a in args),
    ]
    return child_usage(argv, ok=ok)


def main(argv: list[str] | None = None) -> None:
    """Make the files, run each command over each, and print the ratios and the memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000], help="file sizes"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each command and size")
    parser.add_argument(
        "--command", choices=sorted(COMMANDS), action="append", help="only this command"
    )
    parser.add_argument("--quick", action="store_true", help="small files, one run: check it runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [600, 1_200], 1
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        files = {n: Path(tmp) / f"{n}.jsonl" for n in [0, *sizes]}
        for n, path in files.items():
            write_large(path, n)
        for command in args.command or COMMANDS:
            per: dict[int, list[float]] = {n: [] for n in sizes}
            peak: dict[int, float] = dict.fromkeys(sizes, 0.0)
            order = [0, *sizes]
            for repeat in range(args.repeats):
                turn = repeat % len(order)
                cpu = {n: run(command, files[n], n) for n in order[turn:] + order[:turn]}
                for n in sizes:
                    per[n].append((cpu[n][0] - cpu[0][0]) / n)
                    peak[n] = max(peak[n], cpu[n][1])
            first = sizes[0]
            print(f"complaintcode {command}")
            print(
                f"  CPU per complaint at {first:,}: {sorted(per[first])[len(per[first]) // 2] * 1e6:.0f} µs"
            )
            print("  " + header(f"CPU per complaint at {first:,}"))
            for n in sizes[1:]:
                values = [a / b for a, b in zip(per[n], per[first], strict=True)]
                print("  " + ratio_line(f"{n:,} complaints", values, goal=FLAT_GOAL))
            for n in sizes:
                verdict = "met" if peak[n] <= MEMORY_GOAL_MB else "NOT met"
                print(
                    f"  peak memory, {n:,} complaints: {peak[n]:6.0f} MB"
                    f"   <= {MEMORY_GOAL_MB}: {verdict}"
                )


if __name__ == "__main__":
    main()
