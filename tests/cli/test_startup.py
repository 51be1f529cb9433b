"""What the command loads: ``--help`` none of the library, ``deadlines`` the deadlines alone.

Each command's room, and the parts it uses, is imported when the command runs, so
that starting the command costs little (docs/performance.md): ``--help`` loads no
part of the library, ``deadlines`` (6.2, 6.3, 6.4) the deadlines and the calendar,
and neither loads python-statemachine, workalendar, sqlite3, pandas or numpy.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("statemachine", "workalendar", "asyncio", "sqlite3", "pandas", "numpy")
PARTS = ("complaint", "records", "store", "reporting", "selfassessment", "letters", "exclusions")


def _loaded(*args: str) -> tuple[str, list[str], list[str]]:
    """The command's output, and the heavy modules and the parts of the library it loaded."""
    code = (
        "import sys\n"
        "from complaintcode.cli import main\n"
        f"code = main({list(args)!r})\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
        f"print([p for p in {PARTS!r} if 'complaintcode.' + p in sys.modules])\n"
        "print('attrs' in sys.modules, code)\n"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    *lines, heavy, parts, last = out.splitlines()
    return "\n".join([*lines, last]), eval(heavy), eval(parts)  # noqa: S307  # our own reprs


def test_help_loads_none_of_the_library() -> None:
    """``complaintcode --help`` builds the parser alone: no part of the library, not attrs."""
    out, heavy, parts = _loaded("--help")
    assert "deadlines" in out
    assert out.endswith("False 0")
    assert (heavy, parts) == ([], [])


def test_deadlines_loads_the_deadlines_and_the_calendar_only() -> None:
    """6.2, 6.3: the deadlines command prints its deadlines without loading the complaint
    record, the reports, the store, python-statemachine or workalendar."""
    out, heavy, parts = _loaded("deadlines", "2024-05-03")
    assert out.splitlines()[1] == (
        "6.2: acknowledge at stage 1 by 2024-05-13 (Monday), 5 working days from receipt "
        "on 2024-05-03"
    )
    assert (heavy, parts) == ([], [])


@pytest.mark.parametrize("args", [["--version"], ["report", "--help"], ["mrc", "--help"]])
def test_version_and_other_help_load_none_of_the_library(args: list[str]) -> None:
    """``--version`` reads the package's metadata when asked; a command's help loads nothing."""
    out, heavy, parts = _loaded(*args)
    assert (heavy, parts) == ([], [])
    if args == ["--version"]:
        assert out.startswith("complaintcode ")
