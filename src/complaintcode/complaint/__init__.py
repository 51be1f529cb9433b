"""The complaint record: an immutable, append-only history, and the verbs that extend it.

A :class:`Complaint` is its events (5.12): the receipt first, then every action
with its date. Its state is derived from them through the lifecycle. Each verb
returns a new :class:`Complaint` or raises; a verb refuses what would breach the
Code (:class:`~complaintcode.errors.ProvisionViolation`) or what the state does
not allow (:class:`~complaintcode.errors.ActionNotAllowed`). A record loaded
from storage is not refused for past breaches: :meth:`Complaint.audit` reports
them.

The part holds the events a history is made of (:mod:`complaintcode.complaint.events`),
the two-stage lifecycle that cannot express a third stage
(:mod:`complaintcode.complaint.lifecycle`, 5.3), the verbs, and the audit: late
acknowledgements and responses (6.2, 6.3, 6.11, 6.14), extensions and their
notices (6.4, 6.5, 6.15, 6.16), outstanding actions (6.6, 6.17), the complaint
definition (5.6), updates agreed for a late response (5.9), the stage 2 handler
(6.13) and the recorded letters (6.9, 6.19), with each response's outcome
(6.9(c), 6.19(c)). A complaint carries the landlord's categories and the tenure
of the home for the reports (9.7), and after a referral the Housing Ombudsman's
determination and orders. Its rules cite the provisions of the complaint's own
edition; ``docs/architecture.md`` lists where each lives.

The part also keeps service requests (:class:`ServiceRequest`): not complaints
(1.4) until the resident is dissatisfied with the response to one (1.5), with
the choice to complain offered (1.3); a request converted gives the complaint
it became, received on the day the dissatisfaction was expressed.

>>> import datetime as dt
>>> from complaintcode import Complaint, ComplaintDefinition
>>> c = Complaint.receive("C-1001", received=dt.date(2024, 5, 3), channel="phone")
>>> [str(d) for d in c.due(as_of=dt.date(2024, 5, 3))]
['6.2: acknowledge at stage 1 by 2024-05-13', '6.3: respond at stage 1 by 2024-05-28']
>>> definition = ComplaintDefinition(
...     understanding="Repairs to a leaking roof were promised in March and not done.",
...     points=("the roof repair",),
...     outcomes_sought=("repair the roof",),
... )
>>> c = c.acknowledge(on=dt.date(2024, 5, 7), handler="A. Khan", definition=definition)
>>> c.status, int(c.stage)
('stage_1', 1)
>>> [str(d) for d in c.due(as_of=dt.date(2024, 5, 7))]
['6.3: respond at stage 1 by 2024-05-21']
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode import _codec
from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.complaint import _audit, _html, _remedy_tracking
from complaintcode.complaint._categories import DEFAULT_CATEGORIES, TENURES
from complaintcode.complaint._replay import Replay, replay
from complaintcode.complaint._request_events import (
    ConvertedToComplaint,
    DissatisfactionAnswered,
    DissatisfactionExpressed,
    RequestEvent,
    ServiceRequestRaised,
)
from complaintcode.complaint._service_request import (
    SERVICE_REQUEST_JSON_FORMAT,
    ServiceRequest,
    ServiceRequestStatus,
)
from complaintcode.complaint._verbs import Verbs
from complaintcode.complaint._views import (
    OmbudsmanRecord,
    RemedyState,
    StageRecord,
    TrackedAction,
    TrackedAdjustment,
    TrackedOrder,
    TrackedRemedy,
    TrackedRestriction,
)
from complaintcode.complaint.events import (
    Acknowledged,
    Event,
    IssueRaised,
    Received,
    _fast_events,
    event_from_dict,
)
from complaintcode.complaint.lifecycle import FINAL_STATES, OPEN_STATES
from complaintcode.editions import Edition, edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.deadlines import Deadline
    from complaintcode.definition import ComplaintDefinition
    from complaintcode.findings import Finding

__all__ = [
    "DEFAULT_CATEGORIES",
    "JSON_FORMAT",
    "SERVICE_REQUEST_JSON_FORMAT",
    "TENURES",
    "Complaint",
    "ConvertedToComplaint",
    "DissatisfactionAnswered",
    "DissatisfactionExpressed",
    "OmbudsmanRecord",
    "RemedyState",
    "RequestEvent",
    "ServiceRequest",
    "ServiceRequestRaised",
    "ServiceRequestStatus",
    "StageRecord",
    "TrackedAction",
    "TrackedAdjustment",
    "TrackedOrder",
    "TrackedRemedy",
    "TrackedRestriction",
]

#: The name and version written into every complaint's JSON.
JSON_FORMAT = "complaintcode/complaint@1"
#: The keys of a stored complaint: its format and its events.
_ENVELOPE = frozenset({"format", "events"})


def _to_events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


def _default_calendar() -> WorkingCalendar:
    return england_and_wales()


def _assembled(
    events: tuple[Event, ...], calendar: WorkingCalendar, reading: Edition | None, state: Replay
) -> Complaint:
    """A complaint of checked parts, made without __init__: its events already replayed."""
    new = object.__new__(Complaint)
    object.__setattr__(new, "events", events)
    object.__setattr__(new, "calendar", calendar)
    object.__setattr__(new, "_reading", reading)
    object.__setattr__(new, "_replay", state)
    return new


def _check_reading(reading: object, received: dt.date) -> None:
    """Refuse an edition that does not govern a complaint received on a day."""
    if not isinstance(reading, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(reading).__name__}", path="edition")
    governing = edition_for(received)
    if reading.year != governing.year:
        raise InvalidRecord(
            f"a complaint received on {received.isoformat()} falls under the {governing.title}, "
            f"not the {reading.title}",
            path="edition",
        )


@attrs.frozen(kw_only=True, eq=False)
class Complaint(Verbs):
    """A complaint: its events, and everything derived from them.

    Build one with :meth:`receive` (a new complaint) or :meth:`from_events`
    (a stored history); extend it with the verbs. Two complaints are equal when
    their events and calendars are equal.

    A complaint may be made with ``edition=``: the reading of its edition to
    judge it by, such as ``CODE_2022.reading_days_as("calendar")``; by default
    the edition of the day it was received. It must be an edition of that year.

    Attributes:
        events: The append-only history; the first event is the receipt.
        calendar: The working-day calendar its deadlines are counted on.
    """

    events: tuple[Event, ...] = attrs.field(converter=_to_events)
    calendar: WorkingCalendar = attrs.field(factory=_default_calendar)
    _reading: Edition | None = attrs.field(default=None, alias="edition", repr=False)
    _replay: Replay = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.calendar, WorkingCalendar):
            raise InvalidRecord(
                f"expected a WorkingCalendar, got {type(self.calendar).__name__}", path="calendar"
            )
        replayed = replay(self.events, self._reading)
        reading = self._reading
        if reading is not None:
            _check_reading(reading, replayed.received.on)
        object.__setattr__(self, "_replay", replayed)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Complaint):
            return NotImplemented
        return (
            self.events == other.events
            and self.calendar == other.calendar
            and self._replay.edition == other._replay.edition
        )

    def __hash__(self) -> int:
        return hash(self.events)

    # --- building -------------------------------------------------------------

    @classmethod
    def receive(
        cls,
        reference: str,
        *,
        received: dt.date,
        channel: str | None = None,
        complainant: str | None = None,
        representative: str | None = None,
        issue_occurred: dt.date | None = None,
        became_aware: dt.date | None = None,
        received_at: dt.datetime | None = None,
        summary: str | None = None,
        categories: tuple[str, ...] | list[str] | str = (),
        tenure: str | None = None,
        calendar: WorkingCalendar | None = None,
        edition: Edition | None = None,
    ) -> Complaint:
        """Record a new complaint, received on a date (5.12).

        Args:
            reference: The landlord's reference.
            received: The day it was received.
            channel: How it was made; any channel counts.
            complainant: Who complained.
            representative: Who complained for the resident, if anyone (1.3).
            issue_occurred: When the issue occurred.
            became_aware: When the resident became aware of it.
            received_at: The time of receipt, as an aware datetime on ``received``.
            summary: The complaint in the resident's words, or a summary.
            categories: What it is about, from the landlord's own list (see
                :data:`DEFAULT_CATEGORIES`): trimmed, each kept once.
            tenure: The tenure of the home, one of :data:`TENURES`.
            calendar: The working-day calendar; England and Wales by default.
            edition: The reading of the edition to judge it by (see
                :meth:`~complaintcode.editions.Edition.reading_days_as`); the
                edition of ``received`` by default.

        Raises:
            InvalidRecord: For a blank reference, a wrong type, dates after
                receipt, a blank category, an unknown tenure, or an edition of
                another year.
        """
        if not isinstance(reference, str) or not reference.strip():
            raise InvalidRecord("a complaint needs a non-empty reference", path="reference")
        event = Received(
            on=received,
            reference=reference,
            channel=channel,
            complainant=complainant,
            representative=representative,
            issue_occurred=issue_occurred,
            became_aware=became_aware,
            received_at=received_at,
            summary=summary,
            categories=categories,
            tenure=tenure,
        )
        return cls(events=(event,), calendar=calendar or england_and_wales(), edition=edition)

    @classmethod
    def from_events(
        cls,
        events: Iterable[Event],
        *,
        calendar: WorkingCalendar | None = None,
        edition: Edition | None = None,
    ) -> Complaint:
        """Rebuild a complaint from its events, as stored.

        A history that breached the Code still loads, so that it can be
        audited; a history no complaint could have (dates running backwards,
        a move the lifecycle does not allow) raises.

        Raises:
            InvalidRecord: With the path of the event at fault (``events[3]``).
        """
        try:
            stored = tuple(events)
        except TypeError:
            raise InvalidRecord(
                f"expected the events as a sequence, got {type(events).__name__}", path="events"
            ) from None
        return cls(events=stored, calendar=calendar or england_and_wales(), edition=edition)

    def _with(self, event: Event) -> Complaint:
        state = self._replay.copy()
        state.apply(event)
        return _assembled((*self.events, event), self.calendar, self._reading, state)

    # --- what a caller asks ---------------------------------------------------

    @property
    def reference(self) -> str:
        """The landlord's reference."""
        return self._replay.received.reference

    @property
    def received(self) -> dt.date:
        """The day the complaint was received."""
        return self._replay.received.on

    @property
    def receipt(self) -> Received:
        """The receipt event, with who complained, how and about when."""
        return self._replay.received

    @property
    def edition(self) -> Edition:
        """The edition that governs the complaint, chosen by the day it was received."""
        return self._replay.edition

    @property
    def categories(self) -> tuple[str, ...]:
        """What the complaint is about, from the landlord's own list (9.7 counts them)."""
        return self._replay.received.categories

    @property
    def tenure(self) -> str | None:
        """The tenure of the home: ``"low_cost_rental"``, ``"low_cost_home_ownership"`` or ``None``."""
        return self._replay.received.tenure

    @property
    def ombudsman(self) -> OmbudsmanRecord | None:
        """The Housing Ombudsman's determination and orders, once one is recorded.

        ``None`` until :meth:`record_determination`, including while a
        referred complaint awaits the Ombudsman. See :class:`OmbudsmanRecord`.
        """
        state = self._replay.ombudsman
        return None if state is None else state.view()

    @property
    def status(self) -> str:
        """The lifecycle state, such as ``"stage_1"`` (see :data:`~complaintcode.complaint.lifecycle.StateId`)."""
        return self._replay.state

    @property
    def stage(self) -> Stage | None:
        """The stage the complaint is at, or last reached; ``None`` before stage 1."""
        replayed = self._replay
        current = replayed.stage
        if current is not None:
            return current
        if replayed.acknowledged[2] is not None or replayed.escalation_requested is not None:
            return Stage.TWO
        if replayed.acknowledged[1] is not None:
            return Stage.ONE
        return None

    @property
    def is_open(self) -> bool:
        """Whether the complaint is still being handled."""
        return self._replay.state in OPEN_STATES

    @property
    def is_final(self) -> bool:
        """Whether the complaint is in a state nothing leaves."""
        return self._replay.state in FINAL_STATES

    def handler(self, stage: Stage | int) -> str | None:
        """Who handled a stage, if it was acknowledged."""
        return self._replay.handlers[Stage.parse(stage)]

    def definition(self, stage: Stage | int) -> ComplaintDefinition | None:
        """The complaint definition recorded at a stage's acknowledgement."""
        wanted = Stage.parse(stage)
        for event in self.events:
            if isinstance(event, Acknowledged) and event.stage is wanted:
                return event.definition
        return None

    @property
    def actions(self) -> tuple[TrackedAction, ...]:
        """The outstanding actions recorded, completed or not (6.6, 6.17)."""
        return tuple(
            TrackedAction(
                action_id=key,
                description=a.added.description,
                stage=a.added.stage,
                added_on=a.added.on,
                due=a.due,
                updates=tuple((u.on, u.note) for u in a.updates),
                completed_on=a.completed_on,
            )
            for key, a in self._replay.actions.items()
        )

    @property
    def issues(self) -> tuple[IssueRaised, ...]:
        """Further issues the resident raised during the complaint (6.8)."""
        return tuple(self._replay.issues)

    @property
    def adjustments(self) -> tuple[TrackedAdjustment, ...]:
        """The reasonable adjustments agreed, in place or ended, with their reviews (5.10)."""
        care = self._replay.care
        return () if care is None else care.adjustment_views()

    @property
    def restrictions(self) -> tuple[TrackedRestriction, ...]:
        """The restrictions on contact for unacceptable behaviour, with their reviews (5.14, 5.15)."""
        care = self._replay.care
        return () if care is None else care.restriction_views()

    @property
    def remedies(self) -> tuple[TrackedRemedy, ...]:
        """The remedies offered in the recorded responses, with where each stands (7.3).

        Stage 1's first, each in its letter's order; a remedy is named by its
        stage and its position in that letter's ``remedies`` (see
        :meth:`complete_remedy`).

        >>> import datetime as dt
        >>> from complaintcode import ComplaintDefinition, Remedy
        >>> from complaintcode.letters import PointDecision, Stage1Response
        >>> definition = ComplaintDefinition(
        ...     understanding="The repair was late.",
        ...     points=("the repair",),
        ...     outcomes_sought=("pay",),
        ...     responsible_for=("repairs",),
        ... )
        >>> letter = Stage1Response(
        ...     definition=definition,
        ...     decisions=(
        ...         PointDecision(point="the repair", decision="upheld", reasons="It was late."),
        ...     ),
        ...     remedies=(
        ...         Remedy(kind="apology", what="We are sorry."),
        ...         Remedy(
        ...             kind="financial",
        ...             what="We will pay you.",
        ...             amount="50",
        ...             by_when=dt.date(2024, 6, 7),
        ...         ),
        ...     ),
        ...     escalation="Reply to this letter to ask for stage 2.",
        ... )
        >>> c = Complaint.receive("C-9", received=dt.date(2024, 5, 3))
        >>> c = c.acknowledge(dt.date(2024, 5, 7), "A. Khan", definition)
        >>> c = c.respond(dt.date(2024, 5, 20), letter=letter)
        >>> [(r.index, r.state) for r in c.remedies]
        [(0, 'given_in_letter'), (1, 'outstanding')]
        >>> c = c.complete_remedy(dt.date(2024, 6, 3), stage=1, index=1, note="Paid by BACS")
        >>> c.remedies[1].state, c.remedies[1].done_on
        ('done', datetime.date(2024, 6, 3))
        """
        replayed = self._replay
        return _remedy_tracking.tracked(replayed.responses, replayed.remedies_done)

    def stage_record(self, stage: Stage | int) -> StageRecord | None:
        """What happened at a stage, or ``None`` if the complaint never reached it.

        Stage 1 is reached by every complaint received (a complaint not accepted
        ends there); stage 2 by every escalation request.

        >>> import datetime as dt
        >>> c = Complaint.receive("C-6", received=dt.date(2024, 5, 3))
        >>> r = c.stage_record(1)
        >>> r.acknowledgement_due, r.response_due, r.responded
        (datetime.date(2024, 5, 13), datetime.date(2024, 5, 28), None)
        >>> c.stage_record(2) is None
        True
        """
        wanted = Stage.parse(stage)
        replayed = self._replay
        if wanted is Stage.TWO and replayed.escalation_requested is None:
            return None
        return _audit.stage_record(self, replayed, wanted)

    def _as_of(self, as_of: dt.date) -> Replay:
        if type(as_of) is not dt.date:
            raise InvalidRecord(f"expected a date, got {type(as_of).__name__}", path="as_of")
        if as_of >= self._replay.last:
            return self._replay
        cut = bisect.bisect_right([e.on for e in self.events], as_of)
        if cut == 0:
            raise InvalidRecord(
                f"{as_of.isoformat()} is before the complaint was received "
                f"({self.received.isoformat()})",
                path="as_of",
            )
        return replay(self.events[:cut], self._replay.edition)

    def due(self, as_of: dt.date) -> tuple[Deadline, ...]:
        """What is due, as things stood at the end of ``as_of``, earliest first.

        The deadlines of the current stage (with projections for steps not yet
        taken) and of outstanding actions not yet completed.

        Args:
            as_of: The day to look from; later events are ignored.

        Raises:
            InvalidRecord: If ``as_of`` is not a date, or is before receipt.
        """
        return _audit.due(self, self._as_of(as_of))

    def overdue(self, as_of: dt.date) -> tuple[Deadline, ...]:
        """What was due before ``as_of`` and had not been done by the end of it.

        >>> import datetime as dt
        >>> c = Complaint.receive("C-2", received=dt.date(2024, 5, 3))
        >>> [str(d) for d in c.overdue(as_of=dt.date(2024, 5, 14))]
        ['6.2: acknowledge at stage 1 by 2024-05-13']
        """
        return tuple(d for d in self.due(as_of) if d.due < as_of)

    def audit(self, as_of: dt.date) -> tuple[Finding, ...]:
        """Every breach of the Code in the history up to ``as_of``, as findings.

        Late acknowledgements and responses (or ones overdue at ``as_of``),
        extensions beyond the limit without a good reason, extension notices
        after the deadline or without the Ombudsman's details, the same handler
        at both stages, letters that lack what the Code requires, outstanding
        actions overdue, and late responses with no agreed intervals for updates.

        >>> import datetime as dt
        >>> c = Complaint.receive("C-3", received=dt.date(2024, 5, 3))
        >>> [str(f) for f in c.audit(as_of=dt.date(2024, 5, 20))]
        ['6.2: not acknowledged at stage 1 by 2024-05-13 (as of 2024-05-20)']
        """
        return _audit.audit(self, self._as_of(as_of), as_of)

    # --- persistence ------------------------------------------------------------

    def _repr_html_(self) -> str:
        """The complaint as HTML for notebooks: its stages with their deadlines, then its events."""
        return _html.complaint_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The complaint as JSON-ready data: the format, then its events in order."""
        return {"format": JSON_FORMAT, "events": [e.to_dict() for e in self.events]}

    def to_json(self, *, indent: int | None = None) -> str:
        """The complaint as JSON (ISO dates; field names documented in the docs)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(
        cls,
        data: object,
        *,
        calendar: WorkingCalendar | None = None,
        edition: Edition | None = None,
    ) -> Complaint:
        """Rebuild a complaint from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field (``events[2].on``).
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}")
        if not _ENVELOPE.issuperset(data):
            raise _codec.unknown_field(data, _ENVELOPE, "")
        if data.get("format") != JSON_FORMAT:
            raise InvalidRecord(
                f"expected format {JSON_FORMAT!r}, got {_codec.shown(data.get('format'))}",
                path="format",
            )
        raw = data.get("events")
        if not isinstance(raw, list):
            raise InvalidRecord("expected a list of events", path="events")
        try:
            events = _fast_events(raw)
        except Exception:  # noqa: BLE001  # any fault: read again, naming where it is
            events = tuple(event_from_dict(e, path=f"events[{i}]") for i, e in enumerate(raw))
        if (
            cls is Complaint
            and edition is None
            and (calendar is None or type(calendar) is WorkingCalendar)
        ):
            # Made as __init__ makes it (the events replayed), without its cost.
            return _assembled(events, calendar or england_and_wales(), None, replay(events))
        return cls.from_events(events, calendar=calendar, edition=edition)

    @classmethod
    def from_json(
        cls,
        text: str | bytes,
        *,
        calendar: WorkingCalendar | None = None,
        edition: Edition | None = None,
    ) -> Complaint:
        """Rebuild a complaint from :meth:`to_json` output.

        Raises:
            InvalidRecord: For text that is not JSON, or a bad field (with its path).

        >>> import datetime as dt
        >>> c = Complaint.receive("C-5", received=dt.date(2024, 5, 3)).withdraw(dt.date(2024, 5, 8))
        >>> Complaint.from_json(c.to_json()) == c
        True
        """
        data = _codec.loads(text, what="a complaint")
        return cls.from_dict(data, calendar=calendar, edition=edition)
