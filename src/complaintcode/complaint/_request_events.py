"""The events of a service request's record: raised, dissatisfaction, answer, conversion.

A service request is a resident's request for the landlord to put something
right; it is not a complaint (1.4), but dissatisfaction with the response to it
is (1.5). Its record is an append-only tuple of these events, the first always
:class:`ServiceRequestRaised`. Each event has a stable JSON form, led by its
``kind``; re-exported by :mod:`complaintcode.complaint`, which documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from complaintcode import _fields
from complaintcode._codec import from_plain, shown, to_plain
from complaintcode.complaint import _categories
from complaintcode.errors import InvalidRecord

__all__ = [
    "ConvertedToComplaint",
    "DissatisfactionAnswered",
    "DissatisfactionExpressed",
    "RequestEvent",
    "ServiceRequestRaised",
    "request_event_from_dict",
]


def _not_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _fields.text(_instance, attribute, value)
    if not value.strip():  # type: ignore[attr-defined]  # a str, checked on the line above
        raise InvalidRecord(
            f"the {attribute.name.replace('_', ' ')} must not be blank", path=attribute.name
        )


@attrs.frozen(kw_only=True)
class RequestEvent:
    """The base of a service request's events: what kind it is and the day it happened.

    Attributes:
        on: The day it happened.
    """

    kind: ClassVar[str] = "request_event"

    on: dt.date = attrs.field(validator=_fields.date)

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data, with its ``kind`` first."""
        out: dict[str, Any] = {"kind": self.kind}
        for field in attrs.fields(type(self)):
            out[field.name] = to_plain(getattr(self, field.name))
        return out


@attrs.frozen(kw_only=True)
class ServiceRequestRaised(RequestEvent):
    """A resident asked the landlord to put something right: a service request (1.4).

    Attributes:
        reference: The landlord's reference for the request (not blank).
        description: What the resident asked for.
        resident: Who asked, if recorded.
        channel: How they asked, if recorded.
        categories: What it is about, from the landlord's own list, read as
            a complaint's categories are; a complaint made from the request
            takes them.
        tenure: The tenure of the home, ``"low_cost_rental"`` or
            ``"low_cost_home_ownership"``, or ``None``.
    """

    kind: ClassVar[str] = "raised"

    reference: str = attrs.field(validator=_not_blank)
    description: str = attrs.field(validator=_fields.text)
    resident: str | None = attrs.field(default=None, validator=_fields.optional_text)
    channel: str | None = attrs.field(default=None, validator=_fields.optional_text)
    categories: tuple[str, ...] = attrs.field(default=(), converter=_categories.categories)
    tenure: str | None = attrs.field(default=None, converter=_categories.tenure)


@attrs.frozen(kw_only=True)
class DissatisfactionExpressed(RequestEvent):
    """The resident expressed dissatisfaction with the response to the request (1.3, 1.5).

    Attributes:
        said: What the resident said, in their words or a summary of them.
        complaint_requested: Whether the resident asked for it to be taken
            as a complaint (1.3; the 2022 edition's 1.6 logs it then).
    """

    kind: ClassVar[str] = "dissatisfaction_expressed"

    said: str = attrs.field(validator=_fields.text)
    complaint_requested: bool = attrs.field(
        default=False, validator=_fields.instance_of(bool, "true or false")
    )


@attrs.frozen(kw_only=True)
class DissatisfactionAnswered(RequestEvent):
    """The landlord answered the dissatisfaction with why it is not a complaint.

    Answers every dissatisfaction expressed since the last answer or
    conversion. Recorded as it happened: an answer without a reason, or one
    that did not give the resident the choice to complain (1.3), is recorded,
    and :meth:`ServiceRequest.problems` reports it.

    Attributes:
        reason: Why the dissatisfaction is not taken as a complaint.
        choice_offered: Whether the resident was given the choice to make a
            complaint (1.3).
    """

    kind: ClassVar[str] = "dissatisfaction_answered"

    reason: str = attrs.field(validator=_fields.text)
    choice_offered: bool = attrs.field(validator=_fields.instance_of(bool, "true or false"))


@attrs.frozen(kw_only=True)
class ConvertedToComplaint(RequestEvent):
    """The dissatisfaction was logged as a complaint, under the complaint's own reference (1.5).

    The complaint is received on the day the dissatisfaction it logs was
    first expressed (see :meth:`ServiceRequest.received_on`).

    Attributes:
        complaint_reference: The complaint's reference (not blank, and not
            that of an earlier conversion of the same request).
    """

    kind: ClassVar[str] = "converted_to_complaint"

    complaint_reference: str = attrs.field(validator=_not_blank)


_KINDS: dict[str, type[RequestEvent]] = {
    cls.kind: cls
    for cls in (
        ServiceRequestRaised,
        DissatisfactionExpressed,
        DissatisfactionAnswered,
        ConvertedToComplaint,
    )
}


def request_event_from_dict(data: object, *, path: str = "event") -> RequestEvent:
    """Rebuild a service request's event from :meth:`RequestEvent.to_dict` output.

    Raises:
        InvalidRecord: For an unknown kind, an unknown or missing field, or a
            malformed value, with the path of the bad field.
    """
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
    kind = data.get("kind")
    cls = _KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(_KINDS))
        raise InvalidRecord(
            f"unknown event kind {shown(kind)} (known: {known})", path=f"{path}.kind"
        )
    return from_plain(cls, data, path, ignore=frozenset({"kind"}))
