"""Complaints and findings as plain rows (behind :mod:`complaintcode.records`).

:func:`to_records` turns complaints or findings into dictionaries, one per row,
with the columns :data:`COMPLAINT_COLUMNS` or :data:`FINDING_COLUMNS`; the data
frames of ``_frames`` and the HTML tables of ``_html`` take their items through
:func:`items_of` too, so every form refuses the same wrong input.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from complaintcode._codec import write_csv
from complaintcode.complaint import Complaint
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["COMPLAINT_COLUMNS", "FINDING_COLUMNS", "items_of", "to_csv", "to_records"]

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

#: The keys of a finding's row in :func:`to_records`: those of :meth:`Finding.to_dict`, in order.
FINDING_COLUMNS: tuple[str, ...] = (
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


def items_of(
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
        complaint_row(item) if isinstance(item, Complaint) else item.to_dict()
        for item in items_of(items)[1]
    ]


def to_csv(items: Iterable[Complaint] | Iterable[Finding] | Complaint | Finding) -> str:
    """The rows of :func:`to_records` as CSV text, safe to open in a spreadsheet.

    A header row of :data:`COMPLAINT_COLUMNS` (or :data:`FINDING_COLUMNS` for
    findings, or of none for no items), then one row per item; lines end in a
    line feed. Dates are ISO text, ``None`` an empty cell, ``True`` and
    ``False`` as written. A text that a spreadsheet would run as a formula
    (beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
    written after a single quote, as the OWASP guidance on CSV injection
    advises; every CSV the library writes does the same.

    Args:
        items: Complaints, or findings (not both), or a single one of either.

    Returns:
        The CSV text.

    Raises:
        InvalidRecord: As :func:`to_records` does.

    >>> c = Complaint.receive("=1+1", received=dt.date(2024, 5, 3))
    >>> print(to_csv(c.audit(as_of=dt.date(2024, 5, 20))), end="")
    code,provision,edition,item,severity,reference,on,due,message
    6.2,6.2,2024,,breach,'=1+1,2024-05-20,2024-05-13,not acknowledged at stage 1 by 2024-05-13 (as of 2024-05-20)
    """
    kind, found = items_of(items)
    if not found:
        return ""
    columns = FINDING_COLUMNS if kind is Finding else COMPLAINT_COLUMNS
    rows = to_records(found)
    return write_csv([columns, *([_cell(row[c]) for c in columns] for row in rows)])


def _cell(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def complaint_row(complaint: Complaint) -> dict[str, Any]:
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
