"""Reading complaints for the command line: a file or a store, one record at a time.

Bad records are reported on standard error (through the :class:`~complaintcode.cli._io.Console`)
and skipped; progress is shown every :data:`~complaintcode.cli._io.PROGRESS_EVERY` records.
"""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from complaintcode.cli import _io
from complaintcode.cli._io import Console, UsageError, open_input
from complaintcode.errors import ComplaintCodeError, InvalidRecord

# The parts that read records are imported by the functions that read them,
# so that ``--help`` and ``deadlines`` load none of them.
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from complaintcode.calendar import WorkingCalendar
    from complaintcode.complaint import Complaint


def load_complaints(console: Console, path: str) -> list[Complaint]:
    """Every complaint in a JSON Lines file or a store, held in a list; see :func:`each_complaint`.

    For the commands that need every complaint at once (``audit`` without
    ``--as-of``, which audits as of the latest event date in the file).
    """
    with each_complaint(console, path) as complaints:
        return list(complaints)


@contextlib.contextmanager
def each_complaint(console: Console, path: str) -> Iterator[Iterator[Complaint]]:
    """The complaints in a JSON Lines file or a store, read one at a time as they are used.

    What cannot be read is reported on standard error and skipped. A file that
    begins with SQLite's header is opened read-only as a
    :class:`~complaintcode.store.ComplaintStore`, whatever its name; anything
    else, standard input included, is read as JSON Lines. The file stays open
    until the ``with`` block ends; nothing read is kept, so that a command
    counting a million complaints holds one at a time (with the references
    seen, to refuse one given twice).

    While the complaints are read, the garbage collector is run less often
    (:func:`collector_eased`): a complaint read and dropped is freed at once
    by reference counting, and the collector, run after every 700 objects made
    by default, would otherwise walk everything the command keeps over and over.

    Yields:
        The complaints, as an iterator to be used once.
    """
    from complaintcode.calendar import england_and_wales  # noqa: PLC0415  # see the imports
    from complaintcode.records import read_complaints  # noqa: PLC0415  # likewise

    calendar = england_and_wales()
    with collector_eased():
        if path != "-" and _is_database(path):
            yield _each_stored(console, path, calendar)
            return
        with open_input(path) as (name, stream):
            try:
                yield read_complaints(
                    _counted(console, name, stream),
                    calendar=calendar,
                    on_error=lambda bad: console.bad_record(name, bad),
                )
            finally:
                console.clear_progress()


#: The first generation's threshold while many complaints are read: the collector
#: runs after this many more objects made than freed (Python's default is 700).
EASED_THRESHOLD = 100_000


@contextlib.contextmanager
def collector_eased() -> Iterator[None]:
    """Run the cyclic garbage collector less often inside the block; restored after.

    Reading a complaint makes many small objects, most freed again at once; the
    collector's default of a pass every 700 objects made makes its passes, each
    walking the objects the program keeps, cost more per complaint the more it
    keeps. Nothing a command makes is kept alive by a cycle for long, so a pass
    every :data:`EASED_THRESHOLD` objects costs little memory and keeps the
    time per complaint flat. Used by the command line, which owns its process;
    the library leaves the collector to the program that imports it.
    """
    before = gc.get_threshold()
    gc.set_threshold(EASED_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _is_database(path: str) -> bool:
    """Whether a file begins with SQLite's header (a file that cannot be read is not)."""
    from complaintcode.store import SQLITE_HEADER  # noqa: PLC0415  # see the imports

    try:
        with Path(path).open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _each_stored(console: Console, path: str, calendar: WorkingCalendar) -> Iterator[Complaint]:
    """Every complaint in a store; one whose stored events cannot be read is reported and skipped.

    A complaint that cannot be read is reported as ``FILE: complaint 'C-3', events[1].on:
    message``; its :class:`BadRecord` counts complaints in the store's order as lines.
    """
    from complaintcode.records import BadRecord  # noqa: PLC0415  # see the imports
    from complaintcode.store import ComplaintStore, StoreError  # noqa: PLC0415  # likewise

    read = 0

    def report(reference: str, err: ComplaintCodeError) -> None:
        console.clear_progress()
        number = read + len(console.bad) + 1
        if isinstance(err, InvalidRecord):
            where, message = err.path or f"complaint {reference!r}", err.message
        else:
            where, message = f"complaint {reference!r}", str(err)
        console.bad.append(BadRecord(line=number, path=where, message=message))
        console.err.write(f"{path}: {where}: {message}\n")

    try:
        with ComplaintStore(path, read_only=True, calendar=calendar) as store:
            for complaint in store.complaints(on_error=report):
                read += 1
                if read % _io.PROGRESS_EVERY == 0:
                    console.show_progress(f"{path}: {read:,} complaints read")
                yield complaint
    except StoreError as err:
        raise UsageError(str(err)) from None
    finally:
        console.clear_progress()


def _counted(console: Console, name: str, lines: Iterable[bytes]) -> Iterator[bytes]:
    """Pass the lines through, showing a count every :data:`_io.PROGRESS_EVERY` lines."""
    for number, line in enumerate(lines, start=1):
        if number % _io.PROGRESS_EVERY == 0:
            console.show_progress(f"{name}: {number:,} lines read")
        yield line
