"""A complaint as HTML, for notebooks: a summary line, its stages and its events.

:meth:`Complaint._repr_html_ <complaintcode.complaint.Complaint._repr_html_>`
renders through :func:`complaint_html`, on the package's shared table.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from complaintcode._html import table
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.complaint import Complaint
    from complaintcode.complaint.events import Event

__all__ = ["complaint_html"]

_STAGE_HEADER = (
    "stage",
    "started",
    "acknowledgement due",
    "acknowledged",
    "response due",
    "extended to",
    "responded",
    "handler",
    "ended",
)


def _detail(event: Event) -> str:
    """The fields of an event beyond its kind and day, in a few words."""
    parts: list[str] = []
    for name, value in event.to_dict().items():
        if name in ("kind", "on") or value is None or value in ("", []):
            continue
        if name == "definition":
            shown = value["understanding"]
        elif name == "decision":
            grounds = ", ".join(g["kind"].replace("_", " ") for g in value["grounds"])
            shown = f"{grounds}: {value['reasons']}"
        elif name == "letter":
            shown = "recorded"
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif name == "orders":
            shown = ", ".join(
                f"{o['order_id']} ({o['description']}, due {o['due']})" for o in value
            )
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        parts.append(f"{name.replace('_', ' ')}: {shown}")
    return "; ".join(parts)


def complaint_html(complaint: Complaint) -> str:
    """A complaint as HTML: a heading line, its stages with their deadlines, and its events.

    Args:
        complaint: The complaint.

    Returns:
        A ``<div>`` holding a summary paragraph and two tables.

    >>> import datetime as dt
    >>> from complaintcode.complaint import Complaint
    >>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 3), channel="phone")
    >>> print(complaint_html(c))
    <div class="complaintcode-complaint">
    <p><strong>C-1</strong>: received on 2024-05-03; status received; 2024 edition</p>
    <table class="complaintcode-stages">
    <thead><tr><th>stage</th><th>started</th><th>acknowledgement due</th><th>acknowledged</th><th>response due</th><th>extended to</th><th>responded</th><th>handler</th><th>ended</th></tr></thead>
    <tbody>
    <tr><td>1</td><td>2024-05-03</td><td>2024-05-13</td><td></td><td>2024-05-28</td><td></td><td></td><td></td><td></td></tr>
    </tbody>
    </table>
    <table class="complaintcode-events">
    <thead><tr><th>on</th><th>event</th><th>details</th></tr></thead>
    <tbody>
    <tr><td>2024-05-03</td><td>received</td><td>reference: C-1; channel: phone</td></tr>
    </tbody>
    </table>
    </div>
    """
    stages = []
    for stage in (Stage.ONE, Stage.TWO):
        r = complaint.stage_record(stage)
        if r is not None:
            stages.append(
                (
                    r.stage,
                    r.started,
                    r.acknowledgement_due,
                    r.acknowledged,
                    r.response_due,
                    r.extended_due,
                    r.responded,
                    r.handler,
                    r.ended,
                )
            )
    events = [(e.on, e.kind.replace("_", " "), _detail(e)) for e in complaint.events]
    status = complaint.status.replace("_", " ")
    summary = (
        f"<p><strong>{html.escape(complaint.reference)}</strong>: received on "
        f"{complaint.received.isoformat()}; status {html.escape(status)}; "
        f"{complaint.edition.year} edition</p>"
    )
    return "\n".join(
        (
            '<div class="complaintcode-complaint">',
            summary,
            table("complaintcode-stages", _STAGE_HEADER, stages),
            table("complaintcode-events", ("on", "event", "details"), events),
            "</div>",
        )
    )
