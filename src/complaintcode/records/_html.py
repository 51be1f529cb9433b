"""Many complaints as one HTML table, a row each, for notebooks.

:func:`complaintcode.records.to_html` renders a collection of complaints through
:func:`complaints_html`, on the package's shared table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode._html import table
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.complaint import Complaint

__all__ = ["complaints_html"]

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
