"""Many complaints as one HTML table, a row each, for notebooks.

:func:`complaintcode.records.to_html` renders a collection of complaints through
:func:`complaints_html`, on the package's shared table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode._html import table
from complaintcode.complaint import Complaint
from complaintcode.findings import Finding, findings_html
from complaintcode.records._rows import items_of
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["complaints_html", "to_html"]

_COMPLAINTS_HEADER = (
    "reference",
    "received",
    "status",
    "stage",
    "stage 1 response due",
    "stage 1 responded",
    "stage 2 response due",
    "stage 2 responded",
)


def complaints_html(complaints: Iterable[Complaint]) -> str:
    """Complaints as one HTML table, a row each: where each stands and its response dates.

    The response due dates include any extension.

    Args:
        complaints: The complaints.

    Returns:
        A ``<table>``, or a paragraph saying there are none.

    >>> import datetime as dt
    >>> from complaintcode.complaint import Complaint
    >>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 3))
    >>> print(complaints_html([c]).splitlines()[3])
    <tr><td>C-1</td><td>2024-05-03</td><td>received</td><td></td><td>2024-05-28</td><td></td><td></td><td></td></tr>
    """
    rows = []
    for c in complaints:
        one, two = c.stage_record(Stage.ONE), c.stage_record(Stage.TWO)
        rows.append(
            (
                c.reference,
                c.received,
                c.status.replace("_", " "),
                c.stage,
                None if one is None else one.final_due,
                None if one is None else one.responded,
                None if two is None else two.final_due,
                None if two is None else two.responded,
            )
        )
    if not rows:
        return '<p class="complaintcode-complaints">No complaints.</p>'
    return table("complaintcode-complaints", _COMPLAINTS_HEADER, rows)


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
    kind, given = items_of(items)
    if isinstance(items, Complaint):
        return items._repr_html_()
    if kind is Complaint:
        return complaints_html(c for c in given if isinstance(c, Complaint))
    return findings_html(f for f in given if isinstance(f, Finding))
