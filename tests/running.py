"""Running the command in the test's own process, its standard streams in memory.

The command-line tests share this one helper: ``run("audit", path)`` gives the
exit code, what was written to standard output and what to standard error.
"""

from __future__ import annotations

import io
import sys

from complaintcode.cli import main


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``complaintcode ARGV...`` with stdout and stderr (and stdin, if given) replaced.

    Args:
        argv: The command's arguments, without the program name.
        stdin: Text to read as standard input; without it, standard input is left as it is.

    Returns:
        The exit code, standard output and standard error.
    """
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()
