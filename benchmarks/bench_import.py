"""Starting up: ``import complaintcode`` and the command, against a bare Python.

Run: ``python benchmarks/bench_import.py [--repeats 21] [--source]``

Goal 1 of the speed work: ``import complaintcode`` and ``complaintcode --help``
within 6 times a bare ``python -c pass``, ``complaintcode deadlines 2024-05-03``
within 12 times. Each command runs as a child process; its CPU time (user and
system) is divided by that of a bare Python run in the same round, the commands
of a round in an order that turns round from one round to the next. The ratios'
minimum, median and maximum are printed; the goal is judged on the median.

Python's compiled bytecode is kept in a temporary folder and warmed up first,
as for an installed package (whose bytecode is compiled when it is installed).
``--source`` measures without it instead, compiling every module on every run,
as a source checkout with ``PYTHONDONTWRITEBYTECODE`` set does.

The modules each command loads are listed too: none of python-statemachine,
workalendar, asyncio, pandas, numpy or sqlite3 should be among them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import child_cpu, header, ratio_line, ratios

PY = sys.executable
#: The command as a user runs it: the script installed next to this Python.
SCRIPT = shutil.which("complaintcode", path=str(Path(PY).parent))
#: What the script runs, where it is not installed.
AS_SCRIPT = "import sys; from complaintcode.cli import main; sys.exit(main())"

HEAVY = ("statemachine", "workalendar", "asyncio", "pandas", "numpy", "sqlite3")


def command(*args: str) -> list[str]:
    """The ``complaintcode`` command with its arguments."""
    if SCRIPT:
        return [SCRIPT, *args]
    return [PY, "-c", AS_SCRIPT, *args]


#: (label, argv, goal): what is measured against a bare Python.
CASES: list[tuple[str, list[str], float]] = [
    ("import complaintcode", [PY, "-c", "import complaintcode"], 6),
    ("complaintcode --help", command("--help"), 6),
    ("complaintcode deadlines 2024-05-03", command("deadlines", "2024-05-03"), 12),
]
BARE = [PY, "-c", "pass"]


def loaded(argv_code: str, *args: str, env: dict[str, str]) -> list[str]:
    """The heavy modules a command loads (``sys.modules`` at exit)."""
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: sys.__stderr__.write(repr([m for m in {HEAVY!r} "
        "if m in sys.modules])))\n"
        f"sys.argv = ['complaintcode', *{list(args)!r}]\n"
        f"{argv_code}\n"
    )
    done = subprocess.run(  # noqa: S603  # our own interpreter and code
        [PY, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    return eval(done.stderr.strip().splitlines()[-1])  # noqa: S307  # our own repr of a list


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="rounds (default 21)")
    parser.add_argument("--quick", action="store_true", help="two rounds: check that it runs")
    parser.add_argument("--source", action="store_true", help="no cached bytecode")
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else args.repeats

    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        if args.source:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        for _, case, _ in CASES:  # warm up: compile the bytecode, fill the disk cache
            child_cpu(case, env)
        times: dict[str, list[float]] = {"bare": []}
        for label, _, _ in CASES:
            times[label] = []
        runs = [("bare", BARE), *((label, case) for label, case, _ in CASES)]
        for repeat in range(repeats):
            turn = repeat % len(runs)
            for label, case in runs[turn:] + runs[:turn]:
                times[label].append(child_cpu(case, env))
        heavy = {
            "import complaintcode": loaded("import complaintcode", env=env),
            "complaintcode --help": loaded(
                "from complaintcode.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass",
                "--help",
                env=env,
            ),
            "complaintcode deadlines 2024-05-03": loaded(
                "from complaintcode.cli import main\nmain()", "deadlines", "2024-05-03", env=env
            ),
        }

    bare = sorted(times["bare"])[len(times["bare"]) // 2]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    bytecode = "compiled on every run (--source)" if args.source else "cached, as when installed"
    print(f"{repeats} interleaved rounds; CPU time of each child process; bytecode {bytecode}")
    print(f"bare python -c pass: {bare * 1e3:.1f} ms CPU (median)")
    print()
    print(header("bare Python"))
    for label, _, goal in CASES:
        print(ratio_line(label, ratios(times[label], times["bare"]), goal))
    print()
    for label, modules in heavy.items():
        print(f"{label}: loads {', '.join(modules) if modules else 'none'} of {', '.join(HEAVY)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
