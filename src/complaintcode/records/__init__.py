"""Complaints and findings as plain rows, complaints read from JSON Lines, and the example data.

A year of complaints is usually kept as JSON Lines: one complaint per line, each
exactly as :meth:`~complaintcode.complaint.Complaint.to_json` writes it.
:func:`read_complaints` reads such lines, either stopping at the first bad line
or reporting each bad line and going on; :func:`example_complaints` reads the
example data shipped with the package (a year at a fictional landlord);
:func:`to_records` turns complaints or findings into plain dictionaries, one per
row, ready for ``pandas.DataFrame`` or :class:`csv.DictWriter`, and
:func:`to_csv` writes those rows as CSV that is safe to open in a spreadsheet.
A record holds dates from :data:`MIN_RECORD_DATE` to :data:`MAX_RECORD_DATE`.

The part serves the full record a landlord keeps of each complaint (5.12): it
reads and writes the record as it is and decides nothing about it; the audit of
:mod:`complaintcode.complaint` does.

>>> from complaintcode.records import example_complaints, to_records
>>> complaints = example_complaints()
>>> len(complaints), complaints[0].reference
(300, 'RH-0001')
>>> row = to_records(complaints)[0]
>>> row["reference"], row["status"], row["stage_1_response_due"]
('RH-0001', 'closed', datetime.date(2024, 4, 22))
"""

from __future__ import annotations

import importlib.resources
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from complaintcode import _codec
from complaintcode._codec import MAX_RECORD_DATE, MIN_RECORD_DATE
from complaintcode.complaint import Complaint, ServiceRequest
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.records._frames import findings_dataframe, to_dataframe
from complaintcode.records._html import to_html
from complaintcode.records._rows import COMPLAINT_COLUMNS, FINDING_COLUMNS, to_csv, to_records

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import IO

    from complaintcode.calendar import WorkingCalendar

__all__ = [
    "COMPLAINT_COLUMNS",
    "EXAMPLE_HOMES",
    "EXAMPLE_HOMES_BY_TENURE",
    "FINDING_COLUMNS",
    "MAX_RECORD_DATE",
    "MIN_RECORD_DATE",
    "BadRecord",
    "example_complaints",
    "example_service_requests",
    "findings_dataframe",
    "read_complaints",
    "to_csv",
    "to_dataframe",
    "to_html",
    "to_records",
]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")

#: The homes of the fictional landlord of the example data, for CH01.
EXAMPLE_HOMES = 4_800

#: Its homes by tenure, for CH01 by tenure; they add up to :data:`EXAMPLE_HOMES`.
EXAMPLE_HOMES_BY_TENURE: dict[str, int] = {
    "low_cost_rental": 4_200,
    "low_cost_home_ownership": 600,
}


@attrs.frozen(kw_only=True)
class BadRecord:
    """A line of JSON Lines that could not be read as a complaint.

    Attributes:
        line: The line number, counting from 1.
        message: What was wrong.
        path: Where in the line's record it was wrong (``events[2].on``), if known.

    >>> str(BadRecord(line=3, path="events[2].on", message="not an ISO date"))
    'line 3: events[2].on: not an ISO date'
    """

    line: int
    message: str
    path: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: {self.path}" if self.path else f"line {self.line}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The bad record as JSON-ready data: ``line``, ``path`` and ``message``."""
        return {"line": self.line, "path": self.path, "message": self.message}


def _bad(number: int, err: ComplaintCodeError) -> BadRecord:
    if isinstance(err, InvalidRecord):
        return BadRecord(line=number, path=err.path, message=err.message)
    return BadRecord(line=number, message=str(err))


def read_complaints(
    lines: str | bytes | os.PathLike[str] | Iterable[str | bytes],
    *,
    calendar: WorkingCalendar | None = None,
    on_error: Callable[[BadRecord], object] | None = None,
) -> Iterator[Complaint]:
    r"""Read complaints from JSON Lines, one :meth:`Complaint.to_json` per line.

    What is read depends on what is given:

    - a path (:class:`os.PathLike`, such as :class:`pathlib.Path`): the file is
      opened, read as UTF-8 and closed when the last line is read;
    - a ``str``: JSON Lines text when, after any byte-order mark and white
      space, it begins with ``{`` or holds a line break (or is blank); any
      other ``str`` is a path. So a file name is never read as a complaint;
    - ``bytes``: JSON Lines, as UTF-8;
    - anything else iterable, such as an open file (text or binary) or a list:
      its lines.

    Blank lines are skipped; a byte-order mark at the start is ignored; lines
    given as bytes must be UTF-8. A reference may appear on one line only.

    Args:
        lines: The path of a file, JSON Lines text, or lines such as an open file.
        calendar: The working-day calendar of every complaint; England and Wales
            by default.
        on_error: Called with a :class:`BadRecord` for each line that cannot be
            read, which is then skipped. Without it the first bad line raises.

    Yields:
        Each complaint read, in the order of the lines.

    Raises:
        InvalidRecord: Without ``on_error``, for the first bad line: its path
            begins with the line number (``line 3, events[2].on``). For a path
            that cannot be opened, whatever ``on_error`` is; the path is
            ``source``.

    >>> import datetime as dt
    >>> good = Complaint.receive("C-1", received=dt.date(2024, 5, 3)).to_json()
    >>> bad = good.replace("2024-05-03", "2024-05-32")
    >>> [c.reference for c in read_complaints([good, "", bad], on_error=print)]
    line 3: events[0].on: not an ISO date (YYYY-MM-DD): '2024-05-32'
    ['C-1']
    >>> [c.reference for c in read_complaints(good + "\n")]
    ['C-1']
    >>> list(read_complaints([good, good]))
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: line 2, events[0].reference: the reference 'C-1' is on line 1 already
    >>> list(read_complaints("no-such-folder/complaints.jsonl"))
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: source: cannot open 'no-such-folder/complaints.jsonl' (No such file or directory); JSON Lines text begins with '{'
    """
    if isinstance(lines, os.PathLike) or (isinstance(lines, str) and not _is_text(lines)):
        return _read_file(lines, calendar, on_error)
    if not isinstance(lines, (str, bytes)) and not hasattr(lines, "__iter__"):
        raise InvalidRecord(
            f"expected a path, JSON Lines text or lines, got {type(lines).__name__}",
            path="source",
        )
    return _read_lines(_source_lines(lines), calendar, on_error)


def _is_text(source: str) -> bool:
    """Whether a ``str`` is JSON Lines text rather than a path (see :func:`read_complaints`)."""
    stripped = source.removeprefix("\ufeff").lstrip()
    return not stripped or stripped.startswith("{") or "\n" in source or "\r" in source


def _source_lines(source: str | bytes | Iterable[str | bytes]) -> Iterable[str | bytes]:
    """The lines of text or bytes, split at line breaks only (JSON strings may hold U+2028)."""
    if isinstance(source, str):
        return _LINE_BREAK.split(source)
    if isinstance(source, bytes):
        return _LINE_BREAK_BYTES.split(source)
    return source


def _read_file(
    path: str | os.PathLike[str],
    calendar: WorkingCalendar | None,
    on_error: Callable[[BadRecord], object] | None,
) -> Iterator[Complaint]:
    try:
        stream = Path(path).open("rb")  # noqa: SIM115  # closed when the generator is done
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise InvalidRecord(
            f"cannot open {os.fspath(path)!r} ({reason}); JSON Lines text begins with '{{'",
            path="source",
        ) from err
    return _closing(stream, _read_lines(stream, calendar, on_error))


def _closing(stream: IO[bytes], complaints: Iterator[Complaint]) -> Iterator[Complaint]:
    with stream:
        yield from complaints


def _read_lines(
    lines: Iterable[str | bytes],
    calendar: WorkingCalendar | None,
    on_error: Callable[[BadRecord], object] | None,
) -> Iterator[Complaint]:
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        complaint, bad = _read_line(number, raw, calendar, seen)
        if complaint is not None:
            yield complaint
        elif bad is not None:
            if on_error is None:
                where = f"line {bad.line}, {bad.path}" if bad.path else f"line {bad.line}"
                raise InvalidRecord(bad.message, path=where)
            on_error(bad)


def _text(number: int, raw: object) -> str | BadRecord:
    """The line as text without its line ending, or why it is not text."""
    if not isinstance(raw, (str, bytes)):
        return BadRecord(line=number, message=f"expected a line of text, got {type(raw).__name__}")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            return BadRecord(line=number, message=f"not UTF-8 text ({err.reason})")
    if number == 1:
        raw = raw.removeprefix("\ufeff")
    return raw.rstrip("\r\n")


def _parse(number: int, text: str, calendar: WorkingCalendar | None) -> Complaint | BadRecord:
    """The complaint on a line of text, or why it is not one.

    The JSON is parsed by :func:`complaintcode._codec.loads`, which refuses
    what no stored record holds (a key twice, a lone surrogate, nesting too
    deep for the parser) with its path, so that one such line is one bad record.
    """
    try:
        return Complaint.from_dict(_codec.loads(text, what="a complaint"), calendar=calendar)
    except ComplaintCodeError as err:
        return _bad(number, err)


def _read_line(
    number: int, raw: str | bytes, calendar: WorkingCalendar | None, seen: dict[str, int]
) -> tuple[Complaint | None, BadRecord | None]:
    text = _text(number, raw)
    if isinstance(text, BadRecord):
        return None, text
    if not text or text.isspace():
        return None, None
    complaint = _parse(number, text, calendar)
    if isinstance(complaint, BadRecord):
        return None, complaint
    first = seen.setdefault(complaint.reference, number)
    if first != number:
        return None, BadRecord(
            line=number,
            path="events[0].reference",
            message=f"the reference {complaint.reference!r} is on line {first} already",
        )
    return complaint, None


def example_complaints(*, calendar: WorkingCalendar | None = None) -> tuple[Complaint, ...]:
    """The example data shipped with the package: a year of complaints at a fictional landlord.

    Riverside Homes (4,800 homes, :data:`EXAMPLE_HOMES`) received 300 complaints
    from 1 April 2024 to 31 March 2025; the records stop on 30 April 2025. The
    histories are synthetic, built through the public verbs by
    ``examples/make_example_data.py``: answers on time and late, extensions,
    escalations, complaints not accepted, escalations refused, withdrawals,
    outstanding actions, categories and tenure, outcomes, remedies offered and
    done, and the Ombudsman's determinations and orders.

    Args:
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The complaints in order of receipt.

    >>> example_complaints()[-1].received
    datetime.date(2025, 3, 31)
    """
    data = importlib.resources.files("complaintcode") / "data" / "example_complaints.jsonl"
    with data.open("rb") as stream:
        return tuple(read_complaints(stream, calendar=calendar))


def example_service_requests() -> tuple[ServiceRequest, ...]:
    """The service requests of the example year, one ``ServiceRequest.to_json()`` per line.

    157 requests raised at Riverside Homes from 1 April 2024 to 31 March 2025
    (1.4), built by ``examples/make_example_data.py``: most met no
    dissatisfaction; some did, and it was logged as one of the example
    complaints, answered as not a complaint, or still awaited an answer on
    30 April 2025 (1.5).

    Returns:
        The requests in order of the day they were raised.

    >>> requests = example_service_requests()
    >>> len(requests), requests[0].reference
    (157, 'SR-0001')
    """
    data = importlib.resources.files("complaintcode") / "data" / "example_service_requests.jsonl"
    with data.open("rb") as stream:
        return tuple(ServiceRequest.from_json(line) for line in stream if line.strip())
