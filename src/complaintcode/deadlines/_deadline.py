"""The Deadline record: what is due, by when, under which provision, and how it reads.

Made by the calculators of :mod:`complaintcode.deadlines`, which re-exports and
documents it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.editions import Edition
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import Provision
from complaintcode.stages import Stage

#: The actions a deadline can be for.
Action = Literal["acknowledge", "respond", "send extension notice", "complete action"]


@attrs.frozen(kw_only=True)
class Deadline:
    """Something due by a date, under a provision of an edition of the Code.

    Attributes:
        action: What is due: ``"acknowledge"``, ``"respond"`` or
            ``"send extension notice"``.
        stage: The stage it belongs to.
        due: The last day it may be done on.
        provision: The provision that sets the timescale.
        edition: The edition that governs the complaint (its rules count the
            deadline and limit its extensions).
        counted_from: The day counted as day 0.
        counted_from_event: What happened on ``counted_from`` (``"received"``,
            ``"acknowledged"``, ``"escalation requested"``...).
        working_days: Working days from ``counted_from`` to ``due``.
        projected: ``True`` when an earlier step has not happened yet and is
            assumed to happen on its own last permitted day.
        note: A plain explanation of a projection or an extension.
        original_due: For an extended deadline, the due date before any
            extension; ``None`` otherwise.
        extended_by: Working days of extension in all, beyond ``original_due``.
        good_reason: The recorded good reason for an extension longer than the
            edition allows without one.
        calendar: The working-day calendar the deadline was counted on, so that
            extending it counts on the same days; not part of equality or of
            :meth:`to_dict`.
    """

    action: Action
    stage: Stage
    due: dt.date
    provision: Provision
    edition: Edition = attrs.field(repr=lambda e: e.title)
    counted_from: dt.date
    counted_from_event: str
    working_days: int
    projected: bool = False
    note: str = ""
    original_due: dt.date | None = None
    extended_by: int = 0
    good_reason: str | None = None
    calendar: WorkingCalendar = attrs.field(factory=england_and_wales, eq=False, repr=False)

    def __str__(self) -> str:
        return f"{self.provision.number}: {self.action} at {self.stage} by {self.due.isoformat()}"

    def is_met_by(self, done: dt.date) -> bool:
        """Whether doing the action on ``done`` meets the deadline (on or before the due date).

        >>> import datetime as dt
        >>> from complaintcode.deadlines import acknowledgement_due
        >>> d = acknowledgement_due(Stage.ONE, received=dt.date(2024, 5, 3))
        >>> d.is_met_by(dt.date(2024, 5, 13)), d.is_met_by(dt.date(2024, 5, 14))
        (True, False)
        """
        return checked_date(done, "done") <= self.due

    def to_dict(self) -> dict[str, object]:
        """The deadline as JSON-ready data (ISO dates, the provision number).

        >>> import datetime as dt
        >>> from complaintcode.deadlines import acknowledgement_due
        >>> acknowledgement_due(Stage.ONE, received=dt.date(2024, 5, 3)).to_dict()["due"]
        '2024-05-13'
        """
        return {
            "action": self.action,
            "stage": int(self.stage),
            "due": self.due.isoformat(),
            "provision": self.provision.number,
            "edition": self.edition.year,
            "counted_from": self.counted_from.isoformat(),
            "counted_from_event": self.counted_from_event,
            "working_days": self.working_days,
            "projected": self.projected,
            "note": self.note,
            "original_due": self.original_due.isoformat() if self.original_due else None,
            "extended_by": self.extended_by,
            "good_reason": self.good_reason,
        }


def checked_date(value: object, name: str) -> dt.date:
    """Require a date that is not a datetime, naming the argument at fault."""
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        raise InvalidRecord("expected a date, got a datetime (pass its .date())", path=name)
    raise InvalidRecord(f"expected a date, got {type(value).__name__}", path=name)
