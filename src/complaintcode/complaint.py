"""The complaint record: an immutable, append-only history, and the verbs that extend it.

A :class:`Complaint` is its events (5.12): the receipt first, then every action
with its date. Its state is derived from them through the lifecycle. Each verb
returns a new :class:`Complaint` or raises; a verb refuses what would breach the
Code (:class:`~complaintcode.errors.ProvisionViolation`) or what the state does
not allow (:class:`~complaintcode.errors.ActionNotAllowed`). A record loaded
from storage is not refused for past breaches: :meth:`Complaint.audit` reports
them.

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

from complaintcode import _audit, _html
from complaintcode._replay import Replay, replay
from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.events import (
    Acknowledged,
    ActionAdded,
    ActionCompleted,
    ActionUpdated,
    Closed,
    Declined,
    EscalationRefused,
    EscalationRequested,
    Event,
    Extended,
    IssueRaised,
    Received,
    ReferredToOmbudsman,
    Responded,
    UpdatesAgreed,
    Withdrawn,
    event_from_dict,
)
from complaintcode.lifecycle import FINAL_STATES, OPEN_STATES, ensure_different_handler
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.deadlines import Deadline
    from complaintcode.editions import Edition
    from complaintcode.exclusions import ExclusionDecision
    from complaintcode.findings import Finding
    from complaintcode.letters import ExtensionNotice, Stage1Response, Stage2Response

__all__ = ["JSON_FORMAT", "Complaint", "StageRecord", "TrackedAction"]

#: The name and version written into every complaint's JSON.
JSON_FORMAT = "complaintcode/complaint@1"


@attrs.frozen(kw_only=True)
class TrackedAction:
    """An outstanding action, as the record tracks it (6.6, 6.17).

    Attributes:
        action_id: The landlord's identifier for the action.
        description: What will be done.
        stage: The stage whose response promised it.
        added_on: When it was recorded.
        due: When it is due now (an update may have moved it).
        updates: The updates given to the resident, as (date, note) pairs.
        completed_on: When it was completed, or ``None`` while outstanding.
    """

    action_id: str
    description: str
    stage: Stage
    added_on: dt.date
    due: dt.date
    updates: tuple[tuple[dt.date, str], ...]
    completed_on: dt.date | None


@attrs.frozen(kw_only=True)
class StageRecord:
    """What happened at one stage of a complaint, with its deadlines: the facts reports count.

    Attributes:
        stage: The stage.
        started: The day the stage began: receipt for stage 1, the escalation
            request for stage 2.
        acknowledged: The day it was acknowledged, if it was.
        acknowledgement_due: The acknowledgement deadline, where the edition sets one.
        responded: The day of the response, if there was one.
        response_due: The response deadline without any extension.
        extended_due: The response deadline with every extension, or ``None``
            if the response was never extended.
        extended_by: Working days of extension in all.
        extension_within_limit: Whether every extension kept within the
            edition's limit or recorded a good reason (6.4, 6.15).
        handler: Who handled the stage.
        ended: How the stage ended without a response, if it did:
            ``"withdrawn"``, ``"declined"`` or ``"refused"``; ``None`` otherwise.
    """

    stage: Stage
    started: dt.date
    acknowledged: dt.date | None
    acknowledgement_due: dt.date | None
    responded: dt.date | None
    response_due: dt.date
    extended_due: dt.date | None
    extended_by: int
    extension_within_limit: bool
    handler: str | None
    ended: str | None

    @property
    def final_due(self) -> dt.date:
        """The response deadline with extensions, or without where there were none."""
        return self.extended_due or self.response_due


def _to_events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


def _default_calendar() -> WorkingCalendar:
    return england_and_wales()


@attrs.frozen(kw_only=True, eq=False)
class Complaint:
    """A complaint: its events, and everything derived from them.

    Build one with :meth:`receive` (a new complaint) or :meth:`from_events`
    (a stored history); extend it with the verbs. Two complaints are equal when
    their events and calendars are equal.

    Attributes:
        events: The append-only history; the first event is the receipt.
        calendar: The working-day calendar its deadlines are counted on.
    """

    events: tuple[Event, ...] = attrs.field(converter=_to_events)
    calendar: WorkingCalendar = attrs.field(factory=_default_calendar)
    _replay: Replay = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.calendar, WorkingCalendar):
            raise InvalidRecord(
                f"expected a WorkingCalendar, got {type(self.calendar).__name__}", path="calendar"
            )
        object.__setattr__(self, "_replay", replay(self.events))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Complaint):
            return NotImplemented
        return self.events == other.events and self.calendar == other.calendar

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
        calendar: WorkingCalendar | None = None,
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
            calendar: The working-day calendar; England and Wales by default.

        Raises:
            InvalidRecord: For a blank reference, a wrong type, or dates after
                receipt.
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
        )
        for name in ("issue_occurred", "became_aware"):
            value = getattr(event, name)
            if value is not None and value > received:
                raise InvalidRecord(
                    f"{value.isoformat()} is after the complaint was received "
                    f"({received.isoformat()})",
                    path=name,
                )
        if received_at is not None and received_at.date() != received:
            raise InvalidRecord(
                f"the time of receipt {received_at.isoformat()} is not on {received.isoformat()}",
                path="received_at",
            )
        return cls(events=(event,), calendar=calendar or england_and_wales())

    @classmethod
    def from_events(
        cls, events: Iterable[Event], *, calendar: WorkingCalendar | None = None
    ) -> Complaint:
        """Rebuild a complaint from its events, as stored.

        A history that breached the Code still loads, so that it can be
        audited; a history no complaint could have (dates running backwards,
        a move the lifecycle does not allow) raises.

        Raises:
            InvalidRecord: With the path of the event at fault (``events[3]``).
        """
        return cls(events=tuple(events), calendar=calendar or england_and_wales())

    def _with(self, event: Event) -> Complaint:
        state = self._replay.copy()
        state.apply(event)
        new = object.__new__(Complaint)
        object.__setattr__(new, "events", (*self.events, event))
        object.__setattr__(new, "calendar", self.calendar)
        object.__setattr__(new, "_replay", state)
        return new

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
    def status(self) -> str:
        """The lifecycle state, such as ``"stage_1"`` (see :data:`~complaintcode.lifecycle.StateId`)."""
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
        return replay(self.events[:cut])

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

    # --- the verbs --------------------------------------------------------------

    def acknowledge(self, on: dt.date, handler: str, definition: ComplaintDefinition) -> Complaint:
        """Acknowledge, define and log the complaint at stage 1, or at stage 2 after escalation.

        Args:
            on: The day of the acknowledgement.
            handler: Who handles the stage.
            definition: The complaint definition (5.6, 5.7).

        Raises:
            ProvisionViolation: For an incomplete definition (5.6), or a stage 2
                handler who handled stage 1 (6.13).
            ActionNotAllowed: If the complaint is not awaiting an acknowledgement.
            InvalidRecord: For malformed input or a date before the last event.
        """
        if not isinstance(definition, ComplaintDefinition):
            raise InvalidRecord(
                f"expected a ComplaintDefinition, got {type(definition).__name__}",
                path="definition",
            )
        if not isinstance(handler, str) or not handler.strip():
            raise InvalidRecord("the acknowledgement needs the handler's name", path="handler")
        problems = definition.problems()
        if problems:
            raise ProvisionViolation(self.edition.cite("definition"), problems[0].message)
        stage = Stage.TWO if self._replay.state == "escalation_requested" else Stage.ONE
        if stage is Stage.TWO:
            ensure_different_handler(self._replay.handlers[1], handler)
        return self._with(Acknowledged(on=on, stage=stage, handler=handler, definition=definition))

    def extend(
        self,
        on: dt.date,
        working_days: int,
        reason: str,
        *,
        ombudsman_details_given: bool,
        good_reason: str | None = None,
        letter: ExtensionNotice | None = None,
    ) -> Complaint:
        """Extend the response deadline at the current stage (6.4, 6.5; 6.15, 6.16).

        Args:
            on: The day the resident was told.
            working_days: Working days to add.
            reason: The reason explained to the resident.
            ombudsman_details_given: Whether the notice gave the Ombudsman's details.
            good_reason: The good reason for going beyond the edition's limit.
            letter: The extension notice, checked before it is recorded.

        Raises:
            ProvisionViolation: For no reason, no Ombudsman details, a notice
                after the deadline it extends, or an extension beyond the limit
                without a good reason.
        """
        return _audit.record_extension(
            self,
            Extended(
                on=on,
                stage=self._replay.stage or Stage.ONE,
                working_days=working_days,
                reason=reason,
                ombudsman_details_given=ombudsman_details_given,
                good_reason=good_reason,
                letter=letter,
            ),
        )

    def respond(
        self,
        on: dt.date,
        *,
        handler: str | None = None,
        letter: Stage1Response | Stage2Response | None = None,
    ) -> Complaint:
        """Record the response at the current stage: stage 1's, or the final response.

        A response is due when the answer is known, even if actions remain
        (6.6, 6.17): record those with :meth:`add_action`.

        Raises:
            IncompleteLetter: If the letter lacks what the Code requires.
            ActionNotAllowed: If no stage is awaiting a response.
        """
        event = Responded(
            on=on, stage=self._replay.stage or Stage.ONE, handler=handler, letter=letter
        )
        return _audit.record_letter(self, event)

    def request_escalation(self, on: dt.date, *, reason: str | None = None) -> Complaint:
        """The resident asks for stage 2. No reason is required of them (6.12).

        Raises:
            ProvisionViolation: After the stage 2 (final) response (5.3).
            ActionNotAllowed: Before a stage 1 response.
        """
        return self._with(EscalationRequested(on=on, reason=reason))

    def refuse_escalation(self, on: dt.date, decision: ExclusionDecision) -> Complaint:
        """Refuse to escalate, on a section 2 ground with the reasons (5.11).

        Args:
            on: The day of the decision.
            decision: The :class:`~complaintcode.exclusions.ExclusionDecision`,
                made with ``refusing_escalation=True``.
        """
        _audit.check_decision(decision, refusing_escalation=True)
        return self._with(EscalationRefused(on=on, decision=decision))

    def decline(self, on: dt.date, decision: ExclusionDecision) -> Complaint:
        """Do not accept the complaint, on a section 2 ground with the reasons (2.1, 2.4).

        Args:
            on: The day of the decision.
            decision: The :class:`~complaintcode.exclusions.ExclusionDecision`.
        """
        _audit.check_decision(decision, refusing_escalation=False)
        return self._with(Declined(on=on, decision=decision))

    def withdraw(self, on: dt.date, *, reason: str | None = None) -> Complaint:
        """The resident withdraws the complaint; allowed at any open point."""
        return self._with(Withdrawn(on=on, reason=reason))

    def close(self, on: dt.date) -> Complaint:
        """Close the complaint after stage 1 (no escalation) or after the final response."""
        return self._with(Closed(on=on))

    def refer_to_ombudsman(self, on: dt.date) -> Complaint:
        """Record that the complaint, or a decision on it, went to the Ombudsman."""
        return self._with(ReferredToOmbudsman(on=on))

    def add_action(self, on: dt.date, action_id: str, description: str, due: dt.date) -> Complaint:
        """Track an outstanding action promised in a response (6.6, 6.17)."""
        stage = self.stage or Stage.ONE
        return self._with(
            ActionAdded(on=on, action_id=action_id, description=description, due=due, stage=stage)
        )

    def update_action(
        self, on: dt.date, action_id: str, note: str, *, new_due: dt.date | None = None
    ) -> Complaint:
        """Record an update given to the resident on an outstanding action."""
        return self._with(ActionUpdated(on=on, action_id=action_id, note=note, new_due=new_due))

    def complete_action(self, on: dt.date, action_id: str) -> Complaint:
        """Record that an outstanding action was completed."""
        return self._with(ActionCompleted(on=on, action_id=action_id))

    def raise_issue(self, on: dt.date, description: str, *, related: bool) -> Complaint:
        """Record a further issue raised during the complaint (6.8).

        A related issue raised while the stage 1 response is still to be issued
        is folded into it; anything else is to be logged as a new complaint.
        The event's ``folded`` says which.

        >>> import datetime as dt
        >>> c = Complaint.receive("C-4", received=dt.date(2024, 5, 3))
        >>> c.raise_issue(dt.date(2024, 5, 4), "the bathroom fan too", related=True).issues[
        ...     0
        ... ].folded
        False
        """
        folded = bool(related) and self._replay.state == "stage_1"
        return self._with(
            IssueRaised(on=on, description=description, related=related, folded=folded)
        )

    def agree_updates(self, on: dt.date, every_working_days: int, *, note: str = "") -> Complaint:
        """Record the intervals agreed for updates while a response will be late (5.9)."""
        return self._with(UpdatesAgreed(on=on, every_working_days=every_working_days, note=note))

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
    def from_dict(cls, data: object, *, calendar: WorkingCalendar | None = None) -> Complaint:
        """Rebuild a complaint from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field (``events[2].on``).
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}")
        unknown = sorted(set(data) - {"format", "events"})
        if unknown:
            raise InvalidRecord("unknown field", path=unknown[0])
        if data.get("format") != JSON_FORMAT:
            raise InvalidRecord(
                f"expected format {JSON_FORMAT!r}, got {data.get('format')!r}", path="format"
            )
        raw = data.get("events")
        if not isinstance(raw, list):
            raise InvalidRecord("expected a list of events", path="events")
        events = tuple(event_from_dict(e, path=f"events[{i}]") for i, e in enumerate(raw))
        return cls.from_events(events, calendar=calendar)

    @classmethod
    def from_json(cls, text: str | bytes, *, calendar: WorkingCalendar | None = None) -> Complaint:
        """Rebuild a complaint from :meth:`to_json` output.

        Raises:
            InvalidRecord: For text that is not JSON, or a bad field (with its path).

        >>> import datetime as dt
        >>> c = Complaint.receive("C-5", received=dt.date(2024, 5, 3)).withdraw(dt.date(2024, 5, 8))
        >>> Complaint.from_json(c.to_json()) == c
        True
        """
        try:
            data = json.loads(text)
        except (ValueError, TypeError) as err:
            raise InvalidRecord(f"not JSON: {err}") from None
        return cls.from_dict(data, calendar=calendar)
