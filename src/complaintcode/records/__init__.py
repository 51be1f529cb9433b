"""Complaints and findings as plain rows, complaints read from JSON Lines, and the example data.

A year of complaints is usually kept as JSON Lines: one complaint per line, each
exactly as :meth:`~complaintcode.complaint.Complaint.to_json` writes it.
:func:`read_complaints` reads such lines, either stopping at the first bad line
or reporting each bad line and going on; :func:`example_complaints` reads the
example data shipped with the package (a year at a fictional landlord);
:func:`to_records` turns complaints or findings into plain dictionaries, one per
row, ready for ``pandas.DataFrame`` or :class:`csv.DictWriter`.

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
import json
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.complaint import Complaint
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.findings import Finding, findings_html
from complaintcode.records._html import complaints_html
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from complaintcode.calendar import WorkingCalendar

__all__ = [
    "COMPLAINT_COLUMNS",
    "EXAMPLE_HOMES",
    "BadRecord",
    "example_complaints",
    "read_complaints",
    "to_html",
    "to_records",
]

#: The homes of the fictional landlord of the example data, for CH01.
EXAMPLE_HOMES = 4_800

_STAGE_FIELDS = (
    "started",
    "acknowledgement_due",
    "acknowledged",
    "response_due",
    "extended_due",
    "extended_by",
    "responded",
    "handler",
    "ended",
)

#: The keys of a complaint's row in :func:`to_records`, in order.
COMPLAINT_COLUMNS: tuple[str, ...] = (
    "reference",
    "received",
    "edition",
    "status",
    "stage",
    "is_open",
    *(f"stage_{n}_{name}" for n in (1, 2) for name in _STAGE_FIELDS),
)


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
    lines: Iterable[str | bytes],
    *,
    calendar: WorkingCalendar | None = None,
    on_error: Callable[[BadRecord], object] | None = None,
) -> Iterator[Complaint]:
    """Read complaints from JSON Lines, one :meth:`Complaint.to_json` per line.

    Blank lines are skipped; a byte-order mark at the start is ignored; lines
    given as bytes must be UTF-8. A reference may appear on one line only.

    Args:
        lines: The lines, such as an open file (text or binary).
        calendar: The working-day calendar of every complaint; England and Wales
            by default.
        on_error: Called with a :class:`BadRecord` for each line that cannot be
            read, which is then skipped. Without it the first bad line raises.

    Yields:
        Each complaint read, in the order of the lines.

    Raises:
        InvalidRecord: Without ``on_error``, for the first bad line: its path
            begins with the line number (``line 3, events[2].on``).

    >>> import datetime as dt
    >>> good = Complaint.receive("C-1", received=dt.date(2024, 5, 3)).to_json()
    >>> bad = good.replace("2024-05-03", "2024-05-32")
    >>> [c.reference for c in read_complaints([good, "", bad], on_error=print)]
    line 3: events[0].on: not an ISO date (YYYY-MM-DD): '2024-05-32'
    ['C-1']
    >>> list(read_complaints([good, good]))
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: line 2, events[0].reference: the reference 'C-1' is on line 1 already
    """
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


def _text(number: int, raw: str | bytes) -> str | BadRecord:
    """The line as text without its line ending, or why it is not text."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            return BadRecord(line=number, message=f"not UTF-8 text ({err.reason})")
    if number == 1:
        raw = raw.removeprefix("\ufeff")
    return raw.rstrip("\r\n")


def _parse(number: int, text: str, calendar: WorkingCalendar | None) -> Complaint | BadRecord:
    """The complaint on a line of text, or why it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return BadRecord(line=number, message=f"not JSON: {err.msg} at column {err.pos + 1}")
    except ValueError as err:  # a number too long to convert, say
        return BadRecord(line=number, message=f"not JSON: {err}")
    try:
        return Complaint.from_dict(data, calendar=calendar)
    except ComplaintCodeError as err:
        return _bad(number, err)


def _read_line(
    number: int, raw: str | bytes, calendar: WorkingCalendar | None, seen: dict[str, int]
) -> tuple[Complaint | None, BadRecord | None]:
    text = _text(number, raw)
    if isinstance(text, BadRecord):
        return None, text
    if not text.strip():
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
    escalations, complaints not accepted, escalations refused, withdrawals and
    outstanding actions.

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


def _items(
    items: Iterable[Complaint] | Iterable[Finding] | Complaint | Finding,
) -> tuple[type | None, list[Complaint] | list[Finding]]:
    """The items as a list of one kind, and that kind; raises for anything else."""
    given: Iterable[object]
    if isinstance(items, (Complaint, Finding)):
        given = (items,)
    elif isinstance(items, (str, bytes, dict)) or not hasattr(items, "__iter__"):
        raise InvalidRecord(
            f"expected complaints or findings, got {type(items).__name__}", path="items"
        )
    else:
        given = items
    out: list[Any] = []
    kind: type | None = None
    for i, item in enumerate(given):
        if not isinstance(item, (Complaint, Finding)):
            raise InvalidRecord(
                f"expected a Complaint or a Finding, got {type(item).__name__}", path=f"items[{i}]"
            )
        if kind is None:
            kind = type(item)
        elif not isinstance(item, kind):
            raise InvalidRecord(
                f"expected a {kind.__name__} like items[0], got {type(item).__name__}: "
                "rows of complaints and of findings have different columns",
                path=f"items[{i}]",
            )
        out.append(item)
    return kind, out


def to_html(items: Iterable[Complaint] | Iterable[Finding] | Complaint | Finding) -> str:
    """Complaints or findings as HTML tables, for a notebook or a web page.

    One complaint shows its stages with their deadlines and its events; several
    complaints show as one table, a row each; findings show as a table, a row
    each. Every value is escaped with :func:`html.escape`. In a notebook,
    ``IPython.display.HTML(to_html(...))`` displays it.

    Args:
        items: A complaint, complaints, a finding or findings.

    Returns:
        The HTML fragment.

    Raises:
        InvalidRecord: As :func:`to_records` does.

    >>> import datetime as dt
    >>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 3))
    >>> print(to_html(c.audit(as_of=dt.date(2024, 5, 20))).splitlines()[3])
    <tr><td>6.2</td><td>breach</td><td>C-1</td><td>2024-05-20</td><td>2024-05-13</td><td>not acknowledged at stage 1 by 2024-05-13 (as of 2024-05-20)</td></tr>
    """
    kind, given = _items(items)
    if isinstance(items, Complaint):
        return items._repr_html_()
    if kind is Complaint:
        return complaints_html(c for c in given if isinstance(c, Complaint))
    return findings_html(f for f in given if isinstance(f, Finding))


def to_records(
    items: Iterable[Complaint] | Iterable[Finding] | Complaint | Finding,
) -> list[dict[str, Any]]:
    """Plain dictionaries, one per complaint or finding, ready for a data frame.

    A complaint's row has the keys of :data:`COMPLAINT_COLUMNS`: its reference,
    day of receipt, edition (year), status, stage (1, 2 or ``None``), whether it
    is open, and for each stage the facts of
    :meth:`~complaintcode.complaint.Complaint.stage_record` (``None`` for a
    stage not reached). A finding's row is :meth:`Finding.to_dict`. Dates stay
    :class:`datetime.date` values.

    Args:
        items: Complaints, or findings (not both), or a single one of either.

    Returns:
        One dictionary per item, in order.

    Raises:
        InvalidRecord: For anything that is not a complaint or a finding, or a
            mixture of both, with the path of the first item at fault.

    >>> import datetime as dt
    >>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 3))
    >>> row = to_records([c])[0]
    >>> row["stage_1_acknowledgement_due"], row["stage_2_started"]
    (datetime.date(2024, 5, 13), None)
    >>> to_records(c.audit(as_of=dt.date(2024, 5, 20)))[0]["code"]
    '6.2'
    >>> to_records(["C-1"])
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: items[0]: expected a Complaint or a Finding, got str
    """
    return [
        _complaint_row(item) if isinstance(item, Complaint) else item.to_dict()
        for item in _items(items)[1]
    ]


def _complaint_row(complaint: Complaint) -> dict[str, Any]:
    stage = complaint.stage
    row: dict[str, Any] = {
        "reference": complaint.reference,
        "received": complaint.received,
        "edition": complaint.edition.year,
        "status": complaint.status,
        "stage": None if stage is None else int(stage),
        "is_open": complaint.is_open,
    }
    for number in (Stage.ONE, Stage.TWO):
        record = complaint.stage_record(number)
        for name in _STAGE_FIELDS:
            row[f"stage_{int(number)}_{name}"] = None if record is None else getattr(record, name)
    return row
