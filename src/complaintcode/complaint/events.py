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
import enum
from typing import Any, ClassVar, Final

import attrs

from complaintcode import _fields
from complaintcode._codec import shown, to_plain
from complaintcode._fast_readers import fast_record_reader, implied_by, read_record
from complaintcode.complaint import _categories
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions import ExclusionDecision
from complaintcode.letters import LETTER_TYPES, Letter, Outcome
from complaintcode.stages import Stage

__all__ = [
    "Acknowledged",
    "ActionAdded",
    "ActionCompleted",
    "ActionUpdated",
    "AdjustmentAgreed",
    "AdjustmentReviewed",
    "Closed",
    "Declined",
    "Determination",
    "EscalationRefused",
    "EscalationRequested",
    "Event",
    "Extended",
    "IssueRaised",
    "OmbudsmanDetermined",
    "OmbudsmanOrder",
    "OrderCompleted",
    "Received",
    "ReferredToOmbudsman",
    "RemedyCompleted",
    "Responded",
    "RestrictionImposed",
    "RestrictionLifted",
    "RestrictionReviewed",
    "UpdatesAgreed",
    "Withdrawn",
    "event_from_dict",
]


def _stage(value: object) -> Stage:
    return Stage.parse(value)


implied_by(_stage, lambda kind: kind is Stage)  # Stage.parse gives a Stage back unchanged


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise InvalidRecord(
            f"expected a whole number, got {type(value).__name__}", path=attribute.name
        )


def _extension_days(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _whole(instance, attribute, value)
    if value < 1:  # type: ignore[operator]  # an int, checked on the line above
        raise InvalidRecord(
            f"an extension is a positive whole number of working days, not {shown(value)}",
            path=attribute.name,
        )


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, dt.datetime) or value.tzinfo is None):
        raise InvalidRecord(
            f"expected an aware datetime, got {type(value).__name__}", path=attribute.name
        )


def _letter(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, LETTER_TYPES):
        raise InvalidRecord(f"expected a letter, got {type(value).__name__}", path=attribute.name)


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
    #: Fields added to the format after its first version, written only when
    #: they differ from their default, so that a record that does not use them
    #: is written as before.
    added_fields: ClassVar[frozenset[str]] = frozenset()

    on: dt.date = attrs.field(validator=_fields.date)

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data, with its ``kind`` first."""
        out: dict[str, Any] = {"kind": self.kind}
        added = self.added_fields
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.name in added and value == field.default:
                continue
            out[field.name] = to_plain(value)
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
        categories: What the complaint is about, from the landlord's own list
            (see :data:`~complaintcode.complaint.DEFAULT_CATEGORIES`): text,
            trimmed, each once (compared without case), none blank; for the
            reports' counts by category (9.7).
        tenure: The tenure of the home, ``"low_cost_rental"`` or
            ``"low_cost_home_ownership"``, for the Tenant Satisfaction Measures
            by tenure; ``None`` where not recorded.
    """

    kind: ClassVar[str] = "received"
    added_fields: ClassVar[frozenset[str]] = frozenset({"categories", "tenure"})

    reference: str = attrs.field(validator=_fields.text)
    channel: str | None = attrs.field(default=None, validator=_fields.optional_text)
    complainant: str | None = attrs.field(default=None, validator=_fields.optional_text)
    representative: str | None = attrs.field(default=None, validator=_fields.optional_text)
    issue_occurred: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    became_aware: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    received_at: dt.datetime | None = attrs.field(default=None, validator=_aware)
    summary: str | None = attrs.field(default=None, validator=_fields.optional_text)
    categories: tuple[str, ...] = attrs.field(default=(), converter=_categories.categories)
    tenure: str | None = attrs.field(default=None, converter=_categories.tenure)

    def __attrs_post_init__(self) -> None:
        """Refuse a receipt no complaint could have, whether made new or loaded."""
        if not self.reference.strip():
            raise InvalidRecord("a complaint needs a non-empty reference", path="reference")
        for name in ("issue_occurred", "became_aware"):
            value = getattr(self, name)
            if value is not None and value > self.on:
                raise InvalidRecord(
                    f"{value.isoformat()} is after the complaint was received "
                    f"({self.on.isoformat()})",
                    path=name,
                )
        if self.received_at is not None and self.received_at.date() != self.on:
            raise InvalidRecord(
                f"the time of receipt {self.received_at.isoformat()} is not on "
                f"{self.on.isoformat()}",
                path="received_at",
            )


@attrs.frozen(kw_only=True)
class Acknowledged(Event):
    """A stage was acknowledged, defined and logged (6.2, 6.11; 5.6, 5.7)."""

    kind: ClassVar[str] = "acknowledged"
    verb: ClassVar[str | None] = "acknowledge"

    stage: Stage = attrs.field(converter=_stage)
    handler: str = attrs.field(validator=_fields.text)
    definition: ComplaintDefinition = attrs.field(
        validator=_fields.instance_of(ComplaintDefinition, "a ComplaintDefinition")
    )


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

    stage: Stage = attrs.field(converter=_stage)
    working_days: int = attrs.field(validator=_extension_days)
    reason: str = attrs.field(validator=_fields.text)
    ombudsman_details_given: bool = attrs.field(
        validator=_fields.instance_of(bool, "true or false")
    )
    good_reason: str | None = attrs.field(default=None, validator=_fields.optional_text)
    letter: Letter | None = attrs.field(default=None, validator=_letter)


def _outcome(value: object) -> Outcome | None:
    if value is None:
        return None
    try:
        return Outcome.parse(value)
    except InvalidRecord as err:
        raise InvalidRecord(err.message, path="outcome") from None


# Outcome.parse gives an Outcome back unchanged, and None is kept.
implied_by(_outcome, lambda kind: kind == (Outcome | None))


@attrs.frozen(kw_only=True)
class Responded(Event):
    """The response at a stage was sent: stage 1's, or the final response at stage 2.

    Attributes:
        stage: The stage answered.
        handler: Who wrote the response.
        letter: The response letter, if it is kept with the record.
        outcome: The decision on the complaint as a whole (6.9(c), 6.19(c)):
            upheld, partly upheld or not upheld, as the landlord recorded it;
            ``None`` where it was not recorded apart from the letter. Read
            from an :class:`~complaintcode.letters.Outcome` or its value text.
    """

    kind: ClassVar[str] = "responded"
    verb: ClassVar[str | None] = "respond"
    added_fields: ClassVar[frozenset[str]] = frozenset({"outcome"})

    stage: Stage = attrs.field(converter=_stage)
    handler: str | None = attrs.field(default=None, validator=_fields.optional_text)
    letter: Letter | None = attrs.field(default=None, validator=_letter)
    outcome: Outcome | None = attrs.field(default=None, converter=_outcome)


@attrs.frozen(kw_only=True)
class EscalationRequested(Event):
    """The resident asked for stage 2. No reason is needed (6.12); one may be recorded."""

    kind: ClassVar[str] = "escalation_requested"
    verb: ClassVar[str | None] = "request_escalation"

    reason: str | None = attrs.field(default=None, validator=_fields.optional_text)


@attrs.frozen(kw_only=True)
class EscalationRefused(Event):
    """The landlord refused to escalate, on a section 2 ground with reasons (5.11)."""

    kind: ClassVar[str] = "escalation_refused"
    verb: ClassVar[str | None] = "refuse_escalation"

    decision: ExclusionDecision = attrs.field(
        validator=_fields.instance_of(ExclusionDecision, "an ExclusionDecision")
    )


@attrs.frozen(kw_only=True)
class Declined(Event):
    """The landlord did not accept the complaint, with reasons (2.1, 2.4)."""

    kind: ClassVar[str] = "declined"
    verb: ClassVar[str | None] = "decline"

    decision: ExclusionDecision = attrs.field(
        validator=_fields.instance_of(ExclusionDecision, "an ExclusionDecision")
    )


@attrs.frozen(kw_only=True)
class Withdrawn(Event):
    """The resident withdrew the complaint."""

    kind: ClassVar[str] = "withdrawn"
    verb: ClassVar[str | None] = "withdraw"

    reason: str | None = attrs.field(default=None, validator=_fields.optional_text)


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

    action_id: str = attrs.field(validator=_fields.text)
    description: str = attrs.field(validator=_fields.text)
    due: dt.date = attrs.field(validator=_fields.date)
    stage: Stage = attrs.field(converter=_stage)


@attrs.frozen(kw_only=True)
class ActionUpdated(Event):
    """An update to the resident on an outstanding action, perhaps with a new due date."""

    kind: ClassVar[str] = "action_updated"

    action_id: str = attrs.field(validator=_fields.text)
    note: str = attrs.field(validator=_fields.text)
    new_due: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class ActionCompleted(Event):
    """An outstanding action was completed."""

    kind: ClassVar[str] = "action_completed"

    action_id: str = attrs.field(validator=_fields.text)


@attrs.frozen(kw_only=True)
class IssueRaised(Event):
    """The resident raised a further issue during the complaint (6.8).

    Attributes:
        description: The issue.
        related: Whether it relates to the issues already under investigation.
        folded: ``True`` if it was folded into the stage 1 response; ``False``
            if it is to be logged as a new complaint.
        delay_reason: Why folding a related issue into the stage 1 response
            would unreasonably delay it, where that is why it became a new
            complaint (6.8); ``None`` otherwise.
    """

    kind: ClassVar[str] = "issue_raised"

    description: str = attrs.field(validator=_fields.text)
    related: bool = attrs.field(validator=_fields.instance_of(bool, "true or false"))
    folded: bool = attrs.field(validator=_fields.instance_of(bool, "true or false"))
    delay_reason: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        """Refuse an issue both folded in and kept out for delay: no record could say both."""
        if self.folded and self.delay_reason is not None:
            raise InvalidRecord(
                "an issue folded into the stage 1 response was not kept out to avoid delay",
                path="delay_reason",
            )


@attrs.frozen(kw_only=True)
class UpdatesAgreed(Event):
    """Intervals agreed with the resident for updates while a response is late (5.9)."""

    kind: ClassVar[str] = "updates_agreed"

    every_working_days: int = attrs.field(validator=_whole)
    note: str = attrs.field(default="", validator=_fields.text)


def _identifier(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _fields.text(_instance, attribute, value)
    if not value.strip():  # type: ignore[attr-defined]  # a str, checked on the line above
        raise InvalidRecord("an identifier must not be blank", path=attribute.name)


def _position(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _whole(_instance, attribute, value)
    if value < 0:  # type: ignore[operator]  # an int, checked on the line above
        raise InvalidRecord(
            f"a position in a letter's remedies counts from 0, not {shown(value)}",
            path=attribute.name,
        )


@attrs.frozen(kw_only=True)
class AdjustmentAgreed(Event):
    """A reasonable adjustment was agreed with the resident (5.10), to be kept under review.

    Recorded as it happened: an adjustment with no date for its review is
    recorded, and the audit reports it.

    Attributes:
        adjustment_id: The landlord's identifier for the adjustment (not blank).
        adjustment: What was agreed, in plain words.
        disability: Any disability the resident disclosed, as they described it.
        review_by: The day the adjustment is next to be reviewed.
    """

    kind: ClassVar[str] = "adjustment_agreed"

    adjustment_id: str = attrs.field(validator=_identifier)
    adjustment: str = attrs.field(validator=_fields.text)
    disability: str | None = attrs.field(default=None, validator=_fields.optional_text)
    review_by: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class AdjustmentReviewed(Event):
    """A reasonable adjustment was reviewed (5.10): kept, with its next review date, or ended.

    Attributes:
        adjustment_id: The adjustment reviewed.
        note: What the review found.
        next_review: The day of the next review, for an adjustment kept.
        ended: Whether the review ended the adjustment; an ended adjustment has
            no next review.

    Raises:
        InvalidRecord: For an adjustment both ended and given a next review.
    """

    kind: ClassVar[str] = "adjustment_reviewed"

    adjustment_id: str = attrs.field(validator=_identifier)
    note: str = attrs.field(validator=_fields.text)
    next_review: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    ended: bool = attrs.field(default=False, validator=_fields.instance_of(bool, "true or false"))

    def __attrs_post_init__(self) -> None:
        """Refuse a review no record could hold: an adjustment ended and yet to be reviewed."""
        if self.ended and self.next_review is not None:
            raise InvalidRecord(
                "an adjustment the review ended has no next review", path="next_review"
            )


@attrs.frozen(kw_only=True)
class RestrictionImposed(Event):
    """Contact with the resident was restricted for unacceptable behaviour (5.14, 5.15).

    Recorded as it happened: a restriction without reasons, without a statement
    of its proportionality or without a review date is recorded, and the audit
    reports it.

    Attributes:
        restriction_id: The landlord's identifier for the restriction (not blank).
        restriction: What contact it restricts, and how.
        reasons: The evidenced reasons for putting it in place (5.14).
        proportionality: Why it is proportionate, with its regard for the
            Equality Act 2010 (5.15).
        review_by: The day it is next to be reviewed (5.14).
    """

    kind: ClassVar[str] = "restriction_imposed"

    restriction_id: str = attrs.field(validator=_identifier)
    restriction: str = attrs.field(validator=_fields.text)
    reasons: str | None = attrs.field(default=None, validator=_fields.optional_text)
    proportionality: str | None = attrs.field(default=None, validator=_fields.optional_text)
    review_by: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class RestrictionReviewed(Event):
    """A restriction on contact was reviewed and kept (5.14).

    Attributes:
        restriction_id: The restriction reviewed.
        note: What the review found.
        next_review: The day of the next review.
    """

    kind: ClassVar[str] = "restriction_reviewed"

    restriction_id: str = attrs.field(validator=_identifier)
    note: str = attrs.field(validator=_fields.text)
    next_review: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class RestrictionLifted(Event):
    """A restriction on contact was lifted (5.14); it needs no further review.

    Attributes:
        restriction_id: The restriction lifted.
        note: Why, or what the resident was told.
    """

    kind: ClassVar[str] = "restriction_lifted"

    restriction_id: str = attrs.field(validator=_identifier)
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)


@attrs.frozen(kw_only=True)
class RemedyCompleted(Event):
    """A remedy offered in a recorded response was done (7.3: followed through to completion).

    The remedy is named by the stage whose response offered it and its
    position in that letter's ``remedies``, counting from 0.

    Attributes:
        stage: The stage whose response letter offered the remedy.
        index: Its position in that letter's ``remedies``, from 0.
        note: What was done, such as a payment's reference.
    """

    kind: ClassVar[str] = "remedy_completed"

    stage: Stage = attrs.field(converter=_stage)
    index: int = attrs.field(validator=_position)
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)


class Determination(enum.StrEnum):
    """The Housing Ombudsman's finding on a complaint referred to it.

    The findings the Housing Ombudsman lists for the complaints it determines
    (its page "What findings can the Housing Ombudsman make?", and its guidance
    on the decisions it publishes): no maladministration, service failure (a
    minor failing, a form of maladministration), maladministration, severe
    maladministration, partial maladministration (maladministration on some
    elements of the complaint but not all), reasonable redress (the landlord
    put things right before the Ombudsman's investigation), mediation (the
    resident and the landlord reached an agreed outcome with the Ombudsman's
    help), outside jurisdiction (the Ombudsman will not or cannot consider the
    complaint) and withdrawn (by the resident, with the Ombudsman's agreement).

    A member equals its value text, so ``Determination.MALADMINISTRATION ==
    "maladministration"``.

    >>> Determination.parse("Severe maladministration")
    <Determination.SEVERE_MALADMINISTRATION: 'severe_maladministration'>
    >>> Determination.SERVICE_FAILURE.finds_maladministration
    True
    """

    NO_MALADMINISTRATION = "no_maladministration"
    SERVICE_FAILURE = "service_failure"
    MALADMINISTRATION = "maladministration"
    SEVERE_MALADMINISTRATION = "severe_maladministration"
    PARTIAL_MALADMINISTRATION = "partial_maladministration"
    REASONABLE_REDRESS = "reasonable_redress"
    MEDIATION = "mediation"
    OUTSIDE_JURISDICTION = "outside_jurisdiction"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _missing_(cls, value: object) -> Determination:
        """``Determination(...)`` reads what :meth:`parse` reads, and refuses the rest as it does.

        >>> Determination("Severe maladministration")
        <Determination.SEVERE_MALADMINISTRATION: 'severe_maladministration'>
        >>> Determination("upheld")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: determination: unknown determination 'upheld' (known: 'no_maladministration', ...)
        """
        return cls.parse(value)

    @classmethod
    def parse(cls, value: object) -> Determination:
        """Read a determination from a member or its text, in any case, with spaces or ``_``.

        Raises:
            InvalidRecord: For anything else, listing the determinations known.
        """
        if isinstance(value, Determination):
            return value
        if isinstance(value, str):
            key = "_".join(value.replace("-", " ").replace("_", " ").split()).lower()
            for member in cls:
                if key == member.value:
                    return member
        known = ", ".join(repr(m.value) for m in cls)
        raise InvalidRecord(
            f"unknown determination {shown(value)} (known: {known})", path="determination"
        )

    @property
    def finds_maladministration(self) -> bool:
        """Whether the Ombudsman found maladministration of any degree, service failure included.

        Reasonable redress is not such a finding: the landlord had put things right.
        """
        return self in _MALADMINISTRATION


_MALADMINISTRATION = frozenset(
    {
        Determination.SERVICE_FAILURE,
        Determination.MALADMINISTRATION,
        Determination.SEVERE_MALADMINISTRATION,
        Determination.PARTIAL_MALADMINISTRATION,
    }
)


def _determination(value: object) -> Determination:
    return Determination.parse(value)


@attrs.frozen(kw_only=True)
class OmbudsmanOrder:
    """An order the Ombudsman made with its determination, to be done by a date.

    Attributes:
        order_id: The landlord's identifier for the order (not blank), unique
            within the complaint.
        description: What the landlord was ordered to do.
        due: The day it must be done by.

    >>> OmbudsmanOrder(order_id="O1", description="Pay £300", due=dt.date(2025, 3, 3)).due
    datetime.date(2025, 3, 3)
    """

    order_id: str = attrs.field(validator=_identifier)
    description: str = attrs.field(validator=_fields.text)
    due: dt.date = attrs.field(validator=_fields.date)


@attrs.frozen(kw_only=True)
class OmbudsmanDetermined(Event):
    """The Housing Ombudsman determined the complaint referred to it, with any orders.

    Recorded after the referral (:class:`ReferredToOmbudsman`), in the final
    state ``referred_to_ombudsman``: the determination does not move the
    complaint. A later determination (after a review, say) is recorded too;
    the latest is the one in force, and the orders of all of them are tracked.

    Attributes:
        determination: The Ombudsman's finding (:class:`Determination`).
        orders: The orders made, each with its due date on or after the
            determination; identifiers are unique.

    Raises:
        InvalidRecord: For an identifier used twice, or an order due before
            the determination.
    """

    kind: ClassVar[str] = "ombudsman_determined"

    determination: Determination = attrs.field(converter=_determination)
    orders: tuple[OmbudsmanOrder, ...] = attrs.field(
        default=(),
        converter=_fields.to_tuple,
        validator=_fields.tuple_of(OmbudsmanOrder, "an OmbudsmanOrder"),
    )

    def __attrs_post_init__(self) -> None:
        """Refuse orders no determination could make: one identifier twice, or due before it."""
        seen: set[str] = set()
        for index, order in enumerate(self.orders):
            if order.order_id in seen:
                raise InvalidRecord(
                    f"the order {order.order_id!r} is given twice", path=f"orders[{index}].order_id"
                )
            seen.add(order.order_id)
            if order.due < self.on:
                raise InvalidRecord(
                    f"the order {order.order_id!r} is due on {order.due.isoformat()}, before the "
                    f"determination ({self.on.isoformat()})",
                    path=f"orders[{index}].due",
                )


@attrs.frozen(kw_only=True)
class OrderCompleted(Event):
    """An order of the Ombudsman was done.

    Attributes:
        order_id: The order, as its determination names it.
        note: What was done, such as a payment's reference.
    """

    kind: ClassVar[str] = "order_completed"

    order_id: str = attrs.field(validator=_identifier)
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)


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
        AdjustmentAgreed,
        AdjustmentReviewed,
        RestrictionImposed,
        RestrictionReviewed,
        RestrictionLifted,
        RemedyCompleted,
        OmbudsmanDetermined,
        OrderCompleted,
    )
}


def event_from_dict(data: object, *, path: str = "event") -> Event:
    """Rebuild an event from :meth:`Event.to_dict` output.

    A decision (:class:`Declined`, :class:`EscalationRefused`) is read as it
    was stored, even one that breached the Code (2.1, 2.3, 2.5; 5.11), so that
    the complaint's audit can report it.

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
        raise InvalidRecord(
            f"unknown event kind {shown(kind)} (known: {known})", path=f"{path}.kind"
        )
    return read_record(cls, data, path, ignore=_KIND)


_KIND: Final = frozenset({"kind"})


def _fast_events(raw: list[Any]) -> tuple[Event, ...]:
    """The events of a stored complaint read by each kind's fast reader, without paths.

    Raises any exception for data its readers leave to the generic reader; the
    caller then reads each event with :func:`event_from_dict`, which names the fault.
    """
    kinds = _KINDS
    readers = _FAST_READERS
    out = []
    for data in raw:
        kind = data["kind"]
        reader = readers.get(kind)
        if reader is None:
            reader = readers[kind] = fast_record_reader(kinds[kind], _KIND)
        out.append(reader(data))
    return tuple(out)


_FAST_READERS: dict[str, Any] = {}
