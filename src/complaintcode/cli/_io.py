"""Input, output, errors and progress for the command line (behind :mod:`complaintcode.cli`).

Results go to standard output; everything else (bad records, errors, progress)
goes to standard error, so that output can be piped. Progress is shown only when
standard error is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from complaintcode.calendar import england_and_wales
from complaintcode.records import BadRecord, read_complaints

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from complaintcode.complaint import Complaint
    from complaintcode.findings import Finding

#: Everything went well, and nothing was found.
EXIT_OK = 0
#: Findings were reported (``audit``, ``self-assessment check``).
EXIT_FINDINGS = 1
#: The command line was wrong, or a file could not be opened.
EXIT_USAGE = 2
#: Some of the input could not be read; it was reported on standard error and
#: skipped, and the rest was processed.
EXIT_BAD_INPUT = 3

#: The columns of findings written as CSV: those of :meth:`Finding.to_dict`, in order.
FINDING_COLUMNS = (
    "code",
    "provision",
    "edition",
    "item",
    "severity",
    "reference",
    "on",
    "due",
    "message",
)

#: How many lines pass between two progress updates.
PROGRESS_EVERY = 1_000


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 finding``, ``2 findings``; ``words`` for an irregular plural."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


class UsageError(Exception):
    """A problem with the command line or its files: reported, with exit code 2."""


def parse_date(text: str) -> dt.date:
    """Read an ISO date given on the command line.

    Raises:
        argparse.ArgumentTypeError: For anything but a real ``YYYY-MM-DD`` date.
    """
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or len(text) != 10:
        raise argparse.ArgumentTypeError(f"not a date (expected YYYY-MM-DD): {text!r}")
    return day


def positive_int(text: str) -> int:
    """Read a whole number above 0 given on the command line.

    Raises:
        argparse.ArgumentTypeError: For anything else.
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, got {text!r}")
    return value


class Console:
    """Where a command writes: its results to stdout, the rest to stderr.

    Attributes:
        prog: The command's name, such as ``complaintcode audit``, for messages.
        bad: The bad records reported so far.
    """

    def __init__(self, prog: str) -> None:
        self.prog = prog
        self.bad: list[BadRecord] = []
        self._progress_shown = False

    @property
    def out(self) -> IO[str]:
        """Standard output, looked up when used."""
        return sys.stdout

    @property
    def err(self) -> IO[str]:
        """Standard error, looked up when used."""
        return sys.stderr

    def write(self, text: str) -> None:
        """Write a result, adding a final newline if it has none."""
        self.out.write(text if text.endswith("\n") else text + "\n")

    def bad_record(self, source: str, bad: BadRecord) -> None:
        """Report a part of the input that could not be read, with its line and field path."""
        self.clear_progress()
        self.bad.append(bad)
        where = f"{source}:{bad.line}: {bad.path}" if bad.path else f"{source}:{bad.line}"
        self.err.write(f"{where}: {bad.message}\n")

    def show_progress(self, text: str) -> None:
        """Show a progress line on stderr, if stderr is a terminal."""
        if self.err.isatty():
            self.err.write(f"\r\x1b[K{self.prog}: {text}")
            self.err.flush()
            self._progress_shown = True

    def clear_progress(self) -> None:
        """Remove the progress line, if one is shown."""
        if self._progress_shown:
            self.err.write("\r\x1b[K")
            self.err.flush()
            self._progress_shown = False

    def exit_code(self, *, findings: bool = False) -> int:
        """The exit code: bad input first, then findings, else success."""
        if self.bad:
            return EXIT_BAD_INPUT
        return EXIT_FINDINGS if findings else EXIT_OK


def _counted(console: Console, name: str, lines: Iterable[bytes]) -> Iterator[bytes]:
    """Pass the lines through, showing a count every :data:`PROGRESS_EVERY` lines."""
    for number, line in enumerate(lines, start=1):
        if number % PROGRESS_EVERY == 0:
            console.show_progress(f"{name}: {number:,} lines read")
        yield line


@contextlib.contextmanager
def open_input(path: str) -> Iterator[tuple[str, IO[bytes]]]:
    """Open a file for reading as bytes, or standard input for ``-``.

    Yields:
        The name to use in messages, and the stream.

    Raises:
        UsageError: If the file cannot be opened.
    """
    if path == "-":
        yield "<stdin>", sys.stdin.buffer
        return
    try:
        stream = Path(path).open("rb")  # noqa: SIM115  # closed below, after the caller is done
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror or err}") from None
    with stream:
        yield path, stream


def read_text(path: str) -> tuple[str, str]:
    """The name and text of a whole file, or of standard input for ``-``.

    Raises:
        UsageError: If the file cannot be opened or is not UTF-8 text.
    """
    with open_input(path) as (name, stream):
        data = stream.read()
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UsageError(f"{name} is not UTF-8 text (byte {err.start})") from None


def load_complaints(console: Console, path: str) -> list[Complaint]:
    """Every complaint in a JSON Lines file; bad lines are reported and skipped."""
    calendar = england_and_wales()
    with open_input(path) as (name, stream):
        try:
            return list(
                read_complaints(
                    _counted(console, name, stream),
                    calendar=calendar,
                    on_error=lambda bad: console.bad_record(name, bad),
                )
            )
        finally:
            console.clear_progress()


def findings_csv(findings: Iterable[Finding]) -> str:
    """Findings as CSV with the columns of :data:`FINDING_COLUMNS`, after a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FINDING_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for finding in findings:
        writer.writerow(finding.to_dict())
    return buffer.getvalue()
