"""Small HTML tables for notebooks: the shared cell and table, and findings.

Jupyter shows an object through its ``_repr_html_`` method. Every table the
package draws is made by :func:`table`, and every value in it is written by
:func:`cell`, escaped with :func:`html.escape`. Findings, which every part
reports, render here (:func:`finding_html`, :func:`findings_html`); a complaint
renders in ``complaintcode.complaint._html`` and many complaints in
``complaintcode.records._html``, on the same table.

>>> from complaintcode.findings import Finding
>>> from complaintcode.provisions import provision
>>> f = Finding(provision=provision("6.2"), message="not <acknowledged>", reference="C-<1>")
>>> print(findings_html([f]))
<table class="complaintcode-findings">
<thead><tr><th>provision</th><th>severity</th><th>reference</th><th>on</th><th>due</th><th>finding</th></tr></thead>
<tbody>
<tr><td>6.2</td><td>breach</td><td>C-&lt;1&gt;</td><td></td><td></td><td>not &lt;acknowledged&gt;</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.findings import Finding

__all__ = ["cell", "finding_html", "findings_html", "table"]

_FINDING_HEADER = ("provision", "severity", "reference", "on", "due", "finding")


def cell(value: object) -> str:
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


def table(css: str, header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A ``<table>`` of class ``css``: the header escaped, each value written by :func:`cell`."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
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
    return table("complaintcode-findings", _FINDING_HEADER, rows)
