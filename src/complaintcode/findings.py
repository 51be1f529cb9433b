"""Findings: what an audit, a letter check or a self-assessment check reports.

A :class:`Finding` names the provision it rests on (and, where the provision
lists items, the item, such as ``6.9(g)``), says what was found in plain words,
and says how serious it is: a ``breach`` of the Code or a ``warning`` that a
person should look at.

>>> from complaintcode import Finding, provision
>>> f = Finding(
...     provision=provision("6.9"), item="g", message="the letter does not say how to escalate"
... )
>>> f.code
'6.9(g)'
>>> str(f)
'6.9(g): the letter does not say how to escalate'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

import attrs

from complaintcode._codec import shown
from complaintcode._html import table
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import Provision

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Finding", "Severity"]

#: How serious a finding is: a breach of the Code, or something to look at.
Severity = Literal["breach", "warning"]

_SEVERITIES: frozenset[str] = frozenset({"breach", "warning"})


def _check_severity(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or value not in _SEVERITIES:
        msg = f"severity must be 'breach' or 'warning', not {shown(value)}"
        raise InvalidRecord(msg)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing found wrong, naming the provision it rests on.

    Attributes:
        provision: The provision the finding rests on.
        message: What was found, in plain words.
        item: The lettered item of the provision, if any (``"g"`` in ``6.9(g)``).
        severity: ``"breach"`` (the default) or ``"warning"``.
        reference: The complaint's reference, where the finding is about one.
        on: The date the finding concerns (the day a deadline was missed, say).
        due: The date something was due, where there was one.
    """

    provision: Provision
    message: str
    item: str | None = None
    severity: Severity = attrs.field(default="breach", validator=_check_severity)
    reference: str | None = None
    on: dt.date | None = None
    due: dt.date | None = None

    @property
    def code(self) -> str:
        """The provision number with its item, such as ``"6.9(g)"`` or ``"6.13"``."""
        if self.item:
            return f"{self.provision.number}({self.item})"
        return self.provision.number

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def _repr_html_(self) -> str:
        """The finding as HTML for notebooks: a table of one row."""
        return findings_html((self,))

    def to_dict(self) -> dict[str, str | None]:
        """The finding as a flat dictionary of strings, ready for JSON or CSV.

        >>> from complaintcode import provision
        >>> Finding(provision=provision("6.13"), message="same handler").to_dict()["code"]
        '6.13'
        """
        return {
            "code": self.code,
            "provision": self.provision.number,
            "edition": str(self.provision.edition),
            "item": self.item,
            "severity": self.severity,
            "reference": self.reference,
            "on": self.on.isoformat() if self.on else None,
            "due": self.due.isoformat() if self.due else None,
            "message": self.message,
        }


_HEADER = ("provision", "severity", "reference", "on", "due", "finding")


def findings_html(findings: Iterable[Finding]) -> str:
    """Findings as an HTML table, one row each, in the order given.

    :func:`complaintcode.records.to_html` and :meth:`Finding._repr_html_` draw
    findings with it; it is not exported from the package.

    Args:
        findings: The findings, such as what :meth:`Complaint.audit` returns.

    Returns:
        A ``<table>``, or a paragraph saying there are none.

    >>> from complaintcode.provisions import provision
    >>> print(findings_html([Finding(provision=provision("6.13"), message="same <handler>")]))
    <table class="complaintcode-findings">
    <thead><tr><th>provision</th><th>severity</th><th>reference</th><th>on</th><th>due</th><th>finding</th></tr></thead>
    <tbody>
    <tr><td>6.13</td><td>breach</td><td></td><td></td><td></td><td>same &lt;handler&gt;</td></tr>
    </tbody>
    </table>
    >>> findings_html(())
    '<p class="complaintcode-findings">No findings.</p>'
    """
    rows = [(f.code, f.severity, f.reference, f.on, f.due, f.message) for f in findings]
    if not rows:
        return '<p class="complaintcode-findings">No findings.</p>'
    return table("complaintcode-findings", _HEADER, rows)
