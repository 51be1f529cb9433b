"""Complaints and findings as small HTML tables, for notebooks.

Jupyter shows an object through its ``_repr_html_`` method; the complaint and
the finding render through :func:`complaint_html` and :func:`finding_html`, a
tuple of findings (what :meth:`Complaint.audit` returns) through
:func:`findings_html`, and many complaints as one table through
:func:`complaints_html`. Every value is escaped with :func:`html.escape`.

>>> import datetime as dt
>>> from complaintcode.complaint import Complaint
>>> c = Complaint.receive("C-<1>", received=dt.date(2024, 5, 3))
>>> print(findings_html(c.audit(as_of=dt.date(2024, 5, 20))))
<table class="complaintcode-findings">
<thead><tr><th>provision</th><th>severity</th><th>reference</th><th>on</th><th>due</th><th>finding</th></tr></thead>
<tbody>
<tr><td>6.2</td><td>breach</td><td>C-&lt;1&gt;</td><td>2024-05-20</td><td>2024-05-13</td><td>not acknowledged at stage 1 by 2024-05-13 (as of 2024-05-20)</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import TYPE_CHECKING

from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.complaint import Complaint
    from complaintcode.events import Event
    from complaintcode.findings import Finding

__all__ = ["complaint_html", "complaints_html", "finding_html", "findings_html"]

_FINDING_HEADER = ("provision", "severity", "reference", "on", "due", "finding")
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


def _text(value: object) -> str:
    """A value as escaped text: dates in ISO form, ``None`` as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.IntEnum):
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return html.escape(str(value))


def _table(css: str, header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>" for row in rows
    )
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _finding_row(finding: Finding) -> tuple[object, ...]:
    return (
        finding.code,
        finding.severity,
        finding.reference,
        finding.on,
        finding.due,
        finding.message,
    )


def finding_html(finding: Finding) -> str:
    """One finding as an HTML table of one row.

    Args:
        finding: The finding.

    Returns:
        A ``<table>`` with the provision, severity, reference, dates and message.

    >>> from complaintcode.findings import Finding
    >>> from complaintcode.provisions import provision
    >>> print(finding_html(Finding(provision=provision("6.13"), message="same <handler>")))
    <table class="complaintcode-findings">
    <thead><tr><th>provision</th><th>severity</th><th>reference</th><th>on</th><th>due</th><th>finding</th></tr></thead>
    <tbody>
    <tr><td>6.13</td><td>breach</td><td></td><td></td><td></td><td>same &lt;handler&gt;</td></tr>
    </tbody>
    </table>
    """
    return findings_html((finding,))


def findings_html(findings: Iterable[Finding]) -> str:
    """Findings as an HTML table, one row each, in the order given.

    Args:
        findings: The findings, such as what :meth:`Complaint.audit` returns.

    Returns:
        A ``<table>``, or a paragraph saying there are none.

    >>> findings_html(())
    '<p class="complaintcode-findings">No findings.</p>'
    """
    rows = [_finding_row(f) for f in findings]
    if not rows:
        return '<p class="complaintcode-findings">No findings.</p>'
    return _table("complaintcode-findings", _FINDING_HEADER, rows)


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
            _table("complaintcode-stages", _STAGE_HEADER, stages),
            _table("complaintcode-events", ("on", "event", "details"), events),
            "</div>",
        )
    )


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
    return _table("complaintcode-complaints", _COMPLAINTS_HEADER, rows)
