"""Input, output, errors and progress for the command line (behind :mod:`complaintcode.cli`).

Results go to standard output; everything else (bad records, errors, progress)
goes to standard error, so that output can be piped. Progress is shown only when
standard error is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

# The parts a command reads records with are imported by the functions that read them,
# so that ``--help`` and ``deadlines`` load none of them.
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from complaintcode.findings import Finding
    from complaintcode.records import BadRecord

#: Everything went well, and nothing was found.
EXIT_OK = 0
#: Findings were reported (``audit``, ``self-assessment check``, a failed vector of ``conformance``).
EXIT_FINDINGS = 1
#: The command line was wrong, or an input could not be opened or read as a whole.
EXIT_USAGE = 2
#: Some of the input could not be read; it was reported on standard error and
#: skipped, and the rest was processed.
EXIT_BAD_INPUT = 3
#: The output could not be written: standard output was closed (``| head``) or
#: the disk was full. Nothing more is written, and no traceback is shown.
EXIT_OUTPUT = 4

#: Every exit code and what it means, as ``--help`` and docs/errors.md list them.
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "done; nothing found",
    EXIT_FINDINGS: "findings reported",
    EXIT_USAGE: "usage error: a wrong option, or an input that cannot be opened or read",
    EXIT_BAD_INPUT: (
        "some of the input could not be read: each bad record was reported on standard "
        "error with its line number and field, and skipped; the rest was processed"
    ),
    EXIT_OUTPUT: "the output could not be written: standard output closed, or the disk full",
}

#: How many lines pass between two progress updates.
PROGRESS_EVERY = 1_000


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 finding``, ``2 findings``; ``words`` for an irregular plural."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


class UsageError(Exception):
    """A problem with the command line or its files: reported, with exit code 2."""


class OutputError(Exception):
    """The output could not be written: reported in one line, with exit code 4.

    Attributes:
        reason: Why, as the system said it (``No space left on device``).
        closed: Whether the reader went away (a broken pipe), which is not
            worth a message.
    """

    def __init__(self, reason: str, *, closed: bool = False) -> None:
        self.reason = reason
        self.closed = closed
        super().__init__(reason)


def _output_error(err: OSError | ValueError) -> OutputError:
    if isinstance(err, BrokenPipeError):
        return OutputError("standard output was closed", closed=True)
    if isinstance(err, OSError):
        return OutputError(err.strerror or str(err))
    return OutputError("standard output is closed")


def option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each argument's name in Python (``as_of``) and on the command line (``--as-of``, ``FILE``)."""
    options: dict[str, str] = {}
    for action in parser._actions:  # noqa: SLF001  # argparse lists a parser's arguments only here
        if action.dest in ("help", "version", argparse.SUPPRESS):
            continue
        if action.option_strings:
            options[action.dest] = action.option_strings[-1]
        elif isinstance(action.metavar, str):
            options[action.dest] = action.metavar
    return options


def one_standard_input(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Refuse a command line that reads standard input (``-``) for two inputs.

    Raises:
        UsageError: Naming the options that asked for it.
    """
    options = option_names(parser)
    asked = [options.get(name, name) for name, value in vars(args).items() if value == "-"]
    if len(asked) > 1:
        raise UsageError(
            f"only one input can be - (standard input), but {' and '.join(asked)} both are"
        )


def in_options(message: str, parser: argparse.ArgumentParser) -> str:
    """A message in the words of a command's own options.

    The library names its arguments as Python does (``as_of: ...``,
    ``pass edition=2024``); on the command line they are options. A leading
    ``name:`` that is one of the command's arguments becomes the option
    (``--as-of:``, or ``RECEIVED:`` for a positional one), and ``name=value``
    becomes ``--name value``.

    >>> p = argparse.ArgumentParser()
    >>> _ = p.add_argument("received", metavar="RECEIVED")
    >>> _ = p.add_argument("--as-of")
    >>> _ = p.add_argument("--edition")
    >>> in_options("as_of: 2024-03-01 is before the year", p)
    '--as-of: 2024-03-01 is before the year'
    >>> in_options("x.md: cannot tell; pass edition=2024 or 2022", p)
    'x.md: cannot tell; pass --edition 2024 or 2022'
    >>> in_options("received: not a date", p)
    'RECEIVED: not a date'
    """
    options = option_names(parser)
    name, colon, rest = message.partition(": ")
    if colon and name in options:
        message = f"{options[name]}: {rest}"
    for dest, option in options.items():
        if option.startswith("--"):
            message = re.sub(rf"\b{re.escape(dest)}=(?=\S)", f"{option} ", message)
    return message


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
        """Standard output, looked up when used.

        Raises:
            OutputError: If there is none (the command was started with it closed).
        """
        if sys.stdout is None:
            raise OutputError("standard output is closed")
        return sys.stdout

    @property
    def err(self) -> IO[str]:
        """Standard error, looked up when used."""
        return sys.stderr

    def write(self, text: str) -> None:
        """Write a result, adding a final newline if it has none.

        Raises:
            OutputError: If it cannot be written (a closed pipe, a full disk).
        """
        try:
            self.out.write(text if text.endswith("\n") else text + "\n")
        except (OSError, ValueError) as err:  # ValueError: the stream was closed
            raise _output_error(err) from None

    def write_part(self, text: str) -> None:
        """Write part of a result as it is, adding nothing.

        Raises:
            OutputError: If it cannot be written (a closed pipe, a full disk).
        """
        try:
            self.out.write(text)
        except (OSError, ValueError) as err:  # ValueError: the stream was closed
            raise _output_error(err) from None

    def flush(self) -> None:
        """Flush standard output, so that a failure to write is known before the exit code.

        Raises:
            OutputError: If it cannot be written.
        """
        try:
            self.out.flush()
        except (OSError, ValueError) as err:
            raise _output_error(err) from None

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
        """The exit code: bad input first, then findings, else success.

        A failure to write the output (:data:`EXIT_OUTPUT`) is found by
        :func:`complaintcode.cli.main`, and comes before them all.
        """
        if self.bad:
            return EXIT_BAD_INPUT
        return EXIT_FINDINGS if findings else EXIT_OK


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


def findings_csv(findings: Iterable[Finding], *, header: bool = True) -> str:
    """Findings as CSV with the columns of :data:`complaintcode.records.FINDING_COLUMNS`.

    A header row comes first unless ``header`` is false (for rows written after
    it). A cell a spreadsheet would run as a formula is written after a single
    quote (:func:`complaintcode._codec.write_csv`), as in every CSV the library
    writes.
    """
    from complaintcode._codec import write_csv  # noqa: PLC0415  # see the imports
    from complaintcode.records import FINDING_COLUMNS  # noqa: PLC0415  # likewise

    rows = ([f.to_dict()[column] for column in FINDING_COLUMNS] for f in findings)
    return write_csv([FINDING_COLUMNS, *rows] if header else rows)
