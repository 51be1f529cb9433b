"""The events of a complaint's record: what happened, and when.

A :class:`~complaintcode.complaint.Complaint` is an append-only tuple of these
events (5.12): the first is always :class:`Received`; the state is derived from
them. Each event is an immutable value with a stable JSON form whose field
names are documented in the docs (``docs/complaint.md``) and never change
within a format version.

>>> import datetime as dt
>>> from complaintcode import Received, event_from_dict
>>> e = Received(on=dt.date(2024, 5, 3), reference="C-1", channel="phone")
>>> e.to_dict()["kind"], e.to_dict()["on"]
('received', '2024-05-03')
>>> event_from_dict(e.to_dict()) == e
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from complaintcode._serial import dump_value, field_validator, load_field
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions import ExclusionDecision
from complaintcode.letters import Letter, letter_to_dict
from complaintcode.stages import Stage

__all__ = [
    "Acknowledged",
    "ActionAdded",
    "ActionCompleted",
    "ActionUpdated",
    "Closed",
    "Declined",
    "EscalationRefused",
    "EscalationRequested",
    "Event",
    "Extended",
    "IssueRaised",
    "Received",
    "ReferredToOmbudsman",
    "Responded",
    "UpdatesAgreed",
    "Withdrawn",
    "event_from_dict",
]


def _json(kind: str, **kwargs: Any) -> Any:  # noqa: ANN401  # mirrors attrs.field, typed Any upstream
    """An attrs field that records how it is read from JSON, and checks its type."""
    if "converter" not in kwargs:
        kwargs["validator"] = field_validator(kind)
    return attrs.field(metadata={"json": kind}, **kwargs)


def _stage(value: object) -> Stage:
    return Stage.parse(value)


@attrs.frozen(kw_only=True)
class Event:
    """The base of every event: what kind it is and the day it happened.

    Attributes:
        on: The day it happened.
    """

    kind: ClassVar[str] = "event"
    #: The lifecycle verb the event is, or ``None`` for an event that does not
    #: move the complaint between states.
    verb: ClassVar[str | None] = None

    on: dt.date = _json("date")

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data, with its ``kind`` first."""
        out: dict[str, Any] = {"kind": self.kind}
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.metadata["json"] == "letter" and value is not None:
                out[field.name] = letter_to_dict(value)
            else:
                out[field.name] = dump_value(value)
        return out


@attrs.frozen(kw_only=True)
class Received(Event):
    """The complaint was received (5.12: the original complaint and the date received).

    Attributes:
        reference: The landlord's reference for the complaint.
        channel: How it was made (phone, email, in person...); any channel counts (1.2).
        complainant: Who complained.
        representative: Who complained on the resident's behalf, if anyone (1.3).
        issue_occurred: When the issue complained of occurred.
        became_aware: When the resident became aware of it, if later.
        received_at: The time of receipt, where it matters: an aware datetime.
        summary: The complaint in the resident's words or a summary of them.
    """

    kind: ClassVar[str] = "received"

    reference: str = _json("text")
    channel: str | None = _json("optional_text", default=None)
    complainant: str | None = _json("optional_text", default=None)
    representative: str | None = _json("optional_text", default=None)
    issue_occurred: dt.date | None = _json("optional_date", default=None)
    became_aware: dt.date | None = _json("optional_date", default=None)
    received_at: dt.datetime | None = _json("optional_datetime", default=None)
    summary: str | None = _json("optional_text", default=None)


@attrs.frozen(kw_only=True)
class Acknowledged(Event):
    """A stage was acknowledged, defined and logged (6.2, 6.11; 5.6, 5.7)."""

    kind: ClassVar[str] = "acknowledged"
    verb: ClassVar[str | None] = "acknowledge"

    stage: Stage = _json("stage", converter=_stage)
    handler: str = _json("text")
    definition: ComplaintDefinition = _json("definition")


@attrs.frozen(kw_only=True)
class Extended(Event):
    """The resident was told that the response at a stage needs more time (6.4, 6.15).

    Attributes:
        working_days: Working days added by this extension.
        reason: The reason given to the resident.
        ombudsman_details_given: Whether the notice gave the Ombudsman's
            contact details (6.5, 6.16).
        good_reason: The good reason for going beyond the edition's limit, if any.
        letter: The extension notice itself, if recorded.
    """

    kind: ClassVar[str] = "extended"
    verb: ClassVar[str | None] = "extend"

    stage: Stage = _json("stage", converter=_stage)
    working_days: int = _json("int")
    reason: str = _json("text")
    ombudsman_details_given: bool = _json("bool")
    good_reason: str | None = _json("optional_text", default=None)
    letter: Letter | None = _json("letter", default=None)


@attrs.frozen(kw_only=True)
class Responded(Event):
    """The response at a stage was sent: stage 1's, or the final response at stage 2."""

    kind: ClassVar[str] = "responded"
    verb: ClassVar[str | None] = "respond"

    stage: Stage = _json("stage", converter=_stage)
    handler: str | None = _json("optional_text", default=None)
    letter: Letter | None = _json("letter", default=None)


@attrs.frozen(kw_only=True)
class EscalationRequested(Event):
    """The resident asked for stage 2. No reason is needed (6.12); one may be recorded."""

    kind: ClassVar[str] = "escalation_requested"
    verb: ClassVar[str | None] = "request_escalation"

    reason: str | None = _json("optional_text", default=None)


@attrs.frozen(kw_only=True)
class EscalationRefused(Event):
    """The landlord refused to escalate, on a section 2 ground with reasons (5.11)."""

    kind: ClassVar[str] = "escalation_refused"
    verb: ClassVar[str | None] = "refuse_escalation"

    decision: ExclusionDecision = _json("decision")


@attrs.frozen(kw_only=True)
class Declined(Event):
    """The landlord did not accept the complaint, with reasons (2.1, 2.4)."""

    kind: ClassVar[str] = "declined"
    verb: ClassVar[str | None] = "decline"

    decision: ExclusionDecision = _json("decision")


@attrs.frozen(kw_only=True)
class Withdrawn(Event):
    """The resident withdrew the complaint."""

    kind: ClassVar[str] = "withdrawn"
    verb: ClassVar[str | None] = "withdraw"

    reason: str | None = _json("optional_text", default=None)


@attrs.frozen(kw_only=True)
class Closed(Event):
    """The complaint was closed: after stage 1 without escalation, or after stage 2."""

    kind: ClassVar[str] = "closed"
    verb: ClassVar[str | None] = "close"


@attrs.frozen(kw_only=True)
class ReferredToOmbudsman(Event):
    """The complaint, or a decision not to accept or escalate it, went to the Ombudsman."""

    kind: ClassVar[str] = "referred_to_ombudsman"
    verb: ClassVar[str | None] = "refer_to_ombudsman"


@attrs.frozen(kw_only=True)
class ActionAdded(Event):
    """An outstanding action promised in a response, tracked to completion (6.6, 6.17)."""

    kind: ClassVar[str] = "action_added"

    action_id: str = _json("text")
    description: str = _json("text")
    due: dt.date = _json("date")
    stage: Stage = _json("stage", converter=_stage)


@attrs.frozen(kw_only=True)
class ActionUpdated(Event):
    """An update to the resident on an outstanding action, perhaps with a new due date."""

    kind: ClassVar[str] = "action_updated"

    action_id: str = _json("text")
    note: str = _json("text")
    new_due: dt.date | None = _json("optional_date", default=None)


@attrs.frozen(kw_only=True)
class ActionCompleted(Event):
    """An outstanding action was completed."""

    kind: ClassVar[str] = "action_completed"

    action_id: str = _json("text")


@attrs.frozen(kw_only=True)
class IssueRaised(Event):
    """The resident raised a further issue during the complaint (6.8).

    Attributes:
        description: The issue.
        related: Whether it relates to the issues already under investigation.
        folded: ``True`` if it was folded into the stage 1 response; ``False``
            if it is to be logged as a new complaint.
    """

    kind: ClassVar[str] = "issue_raised"

    description: str = _json("text")
    related: bool = _json("bool")
    folded: bool = _json("bool")


@attrs.frozen(kw_only=True)
class UpdatesAgreed(Event):
    """Intervals agreed with the resident for updates while a response is late (5.9)."""

    kind: ClassVar[str] = "updates_agreed"

    every_working_days: int = _json("int")
    note: str = _json("optional_text", default="")


_KINDS: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        Received,
        Acknowledged,
        Extended,
        Responded,
        EscalationRequested,
        EscalationRefused,
        Declined,
        Withdrawn,
        Closed,
        ReferredToOmbudsman,
        ActionAdded,
        ActionUpdated,
        ActionCompleted,
        IssueRaised,
        UpdatesAgreed,
    )
}


def event_from_dict(data: object, *, path: str = "event") -> Event:
    """Rebuild an event from :meth:`Event.to_dict` output.

    Args:
        data: The JSON object.
        path: Where the object sits in a larger document, for error messages.

    Returns:
        The event.

    Raises:
        InvalidRecord: For an unknown kind, an unknown or missing field, or a
            malformed value, with the path of the bad field.

    >>> event_from_dict({"kind": "closed", "on": "2024-13-01"}, path="events[3]")
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: events[3].on: not an ISO date (YYYY-MM-DD): '2024-13-01'
    """
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    kind = data.get("kind")
    cls = _KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(_KINDS))
        raise InvalidRecord(f"unknown event kind {kind!r} (known: {known})", path=f"{path}.kind")
    fields = {f.name: f for f in attrs.fields(cls)}
    unknown = sorted(set(data) - set(fields) - {"kind"})
    if unknown:
        raise InvalidRecord(f"unknown field for a {kind!r} event", path=f"{path}.{unknown[0]}")
    kwargs: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                raise InvalidRecord("missing required field", path=f"{path}.{name}")
            continue
        kwargs[name] = load_field(field.metadata["json"], data[name], f"{path}.{name}")
    try:
        return cls(**kwargs)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path=f"{path}.{err.path}" if err.path else path) from None
    except (TypeError, ValueError) as err:
        raise InvalidRecord(str(err), path=path) from None
