"""Replaying a complaint's events: the derived state, in one fast pass.

The moves come from :data:`complaintcode.complaint.lifecycle.TRANSITIONS`, which is derived
from the state machine class; this module adds the bookkeeping a complaint needs
(dates, handlers, extensions, outstanding actions) and the structural checks
that every record must pass, new or loaded: dates never run backwards, the first
event is the receipt, each event fits the stage the complaint is at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode._codec import MAX_WORKING_DAYS, shown
from complaintcode.complaint import _care, _ombudsman, _remedy_tracking
from complaintcode.complaint.events import (
    Acknowledged,
    ActionAdded,
    ActionCompleted,
    ActionUpdated,
    EscalationRequested,
    Event,
    Extended,
    IssueRaised,
    Received,
    RemedyCompleted,
    Responded,
    UpdatesAgreed,
)
from complaintcode.complaint.lifecycle import (
    OPEN_STATES,
    STATE_STAGE,
    TRANSITIONS,
    allowed_events,
    next_state,
)
from complaintcode.editions import edition_for
from complaintcode.errors import ActionNotAllowed, InvalidRecord

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.editions import Edition
    from complaintcode.stages import Stage

#: The verbs whose event belongs to the stage of the state they lead to.
_STAGE_OF_TARGET = frozenset({"acknowledge", "respond"})

#: The states in which a further issue can still be folded into the stage 1
#: response: it is not yet issued, and the complaint has not gone to stage 2 (6.8).
FOLDING_STATES = frozenset({"received", "stage_1"})

#: The verbs that end a stage without its response; the record keeps the last of them.
_ENDING = frozenset({"withdraw", "decline", "refuse_escalation"})

#: States in which outstanding actions may be added and updated.
_TRACKING_STATES = frozenset(
    {
        "stage_1",
        "stage_1_answered",
        "escalation_requested",
        "stage_2",
        "final_response_given",
        "closed",
        "escalation_refused",
        "referred_to_ombudsman",
    }
)


class TrackedActionState:
    """The mutable bookkeeping of one outstanding action during a replay."""

    __slots__ = ("added", "completed_on", "due", "updates")

    def __init__(self, added: ActionAdded) -> None:
        self.added = added
        self.due = added.due
        self.completed_on: dt.date | None = None
        self.updates: list[ActionUpdated] = []


class Replay:
    """What the events say so far. Built only by :func:`replay` and :meth:`apply`."""

    __slots__ = (
        "acknowledged",
        "actions",
        "care",
        "edition",
        "escalation_requested",
        "extensions",
        "handlers",
        "issue_states",
        "issues",
        "last",
        "moves",
        "ombudsman",
        "received",
        "remedies_done",
        "responded",
        "responses",
        "state",
        "terminal",
        "updates",
    )

    def __init__(self, received: Received, edition: Edition | None = None) -> None:
        self.received = received
        self.edition = edition_for(received.on) if edition is None else edition
        self.state = "received"
        self.last = received.on
        self.handlers: list[str | None] = [None, None, None]
        self.acknowledged: list[dt.date | None] = [None, None, None]
        self.responded: list[dt.date | None] = [None, None, None]
        self.responses: list[Responded | None] = [None, None, None]
        self.extensions: tuple[list[Extended], list[Extended], list[Extended]] = ([], [], [])
        self.escalation_requested: dt.date | None = None
        self.actions: dict[str, TrackedActionState] = {}
        self.issues: list[IssueRaised] = []
        self.issue_states: list[str] = []
        self.updates: list[UpdatesAgreed] = []
        self.terminal: Event | None = None
        #: Every move made: (the state it left, the verb, the day).
        self.moves: list[tuple[str, str, dt.date]] = []
        self.care: _care.CareState | None = None
        self.remedies_done: _remedy_tracking.Done = {}
        self.ombudsman: _ombudsman.OmbudsmanState | None = None

    def copy(self) -> Replay:
        """A copy that can be advanced without touching this one."""
        new = Replay.__new__(Replay)
        new.received = self.received
        new.edition = self.edition
        new.state = self.state
        new.last = self.last
        new.handlers = self.handlers.copy()
        new.acknowledged = self.acknowledged.copy()
        new.responded = self.responded.copy()
        new.responses = self.responses.copy()
        new.extensions = (
            self.extensions[0],
            self.extensions[1].copy(),
            self.extensions[2].copy(),
        )
        new.escalation_requested = self.escalation_requested
        new.actions = {}
        for key, action in self.actions.items():
            twin = TrackedActionState(action.added)
            twin.due, twin.completed_on = action.due, action.completed_on
            twin.updates = action.updates.copy()
            new.actions[key] = twin
        new.issues = self.issues.copy()
        new.issue_states = self.issue_states.copy()
        new.updates = self.updates.copy()
        new.terminal = self.terminal
        new.moves = self.moves.copy()
        new.care = None if self.care is None else self.care.copy()
        new.remedies_done = self.remedies_done.copy()
        new.ombudsman = None if self.ombudsman is None else self.ombudsman.copy()
        return new

    @property
    def stage(self) -> Stage | None:
        """The stage of the current state (``None`` before stage 1 and in some end states)."""
        return STATE_STAGE[self.state]

    def apply(self, event: Event) -> None:
        """Advance by one event, refusing anything a record cannot contain."""
        on = event.on
        if on < self.last:
            raise InvalidRecord(
                f"{on.isoformat()} is before the previous event ({self.last.isoformat()}): "
                "dates must not run backwards",
                path="on",
            )
        verb = event.verb
        if verb is not None:
            self._move(event, verb)
        else:
            self._track(event)
        self.last = on

    def _move(self, event: Event, verb: str) -> None:
        target = TRANSITIONS.get((self.state, verb)) or next_state(self.state, verb)
        stage = getattr(event, "stage", None)
        if stage is not None:
            # An acknowledgement or a response belongs to the stage it starts or ends
            # (a response may come without an acknowledgement); an extension to the
            # stage the complaint is at.
            expected = STATE_STAGE[target] if verb in _STAGE_OF_TARGET else STATE_STAGE[self.state]
            if stage != expected:
                article = "an" if event.kind[0] in "aeiou" else "a"
                raise InvalidRecord(
                    f"{article} {event.kind} event for stage {int(stage)} cannot follow a complaint "
                    f"that is {self.state.replace('_', ' ')}",
                    path="stage",
                )
        if isinstance(event, Acknowledged):
            self.handlers[event.stage] = event.handler
            self.acknowledged[event.stage] = event.on
        elif isinstance(event, Extended):
            self._check_extension_total(event)
            self.extensions[event.stage].append(event)
        elif isinstance(event, Responded):
            self.responded[event.stage] = event.on
            self.responses[event.stage] = event
        elif isinstance(event, EscalationRequested):
            self.escalation_requested = event.on
        elif verb in _ENDING:
            self.terminal = event
        self.moves.append((self.state, verb, event.on))
        self.state = target

    def _check_extension_total(self, event: Extended) -> None:
        """Refuse extensions adding up to more working days than a record may hold.

        The limit (:data:`~complaintcode._codec.MAX_WORKING_DAYS`) keeps every
        deadline counted from a recorded day inside the calendars' range; it is
        no reading of 6.4 or 6.15, whose limits the audit applies.
        """
        total = event.working_days + sum(e.working_days for e in self.extensions[event.stage])
        if total > MAX_WORKING_DAYS:
            raise InvalidRecord(
                f"the extensions of stage {int(event.stage)} would add up to {shown(total)} "
                f"working days; a record may hold at most {MAX_WORKING_DAYS}",
                path="working_days",
            )

    def _track(self, event: Event) -> None:
        state = self.state
        if isinstance(event, Received):
            raise InvalidRecord("a complaint is received once, as its first event", path="kind")
        if isinstance(event, (ActionAdded, ActionUpdated, ActionCompleted)):
            self._track_action(event)
        elif isinstance(event, IssueRaised):
            self._require(state in OPEN_STATES, "raise a further issue")
            if event.folded and state not in FOLDING_STATES:
                raise InvalidRecord(
                    "an issue can be folded into the stage 1 response only while it is "
                    f"still to be issued, not when the complaint is {state.replace('_', ' ')}",
                    path="folded",
                )
            self.issues.append(event)
            self.issue_states.append(state)
        elif isinstance(event, UpdatesAgreed):
            self._require(state in OPEN_STATES, "agree intervals for updates")
            if event.every_working_days < 1:
                raise InvalidRecord(
                    "updates are agreed at intervals of at least one working day",
                    path="every_working_days",
                )
            if event.every_working_days > MAX_WORKING_DAYS:
                raise InvalidRecord(
                    f"an interval for updates of {shown(event.every_working_days)} working "
                    f"days is more than a record may hold ({MAX_WORKING_DAYS})",
                    path="every_working_days",
                )
            self.updates.append(event)
        elif isinstance(event, _care.CARE_EVENTS):
            if self.care is None:
                self.care = _care.CareState()
            self.care.apply(event)
        elif isinstance(event, RemedyCompleted):
            _remedy_tracking.check_done(self.responses, self.remedies_done, event)
            self.remedies_done[event.stage, event.index] = event
        elif isinstance(event, _ombudsman.OMBUDSMAN_EVENTS):
            self.ombudsman = _ombudsman.track(self.ombudsman, state, self.moves, event)
        else:
            raise InvalidRecord(f"unknown event {type(event).__name__}", path="kind")

    def _track_action(self, event: ActionAdded | ActionUpdated | ActionCompleted) -> None:
        if isinstance(event, ActionAdded):
            self._require(self.state in _TRACKING_STATES, "add an outstanding action")
            if event.action_id in self.actions:
                raise InvalidRecord(
                    f"an outstanding action {event.action_id!r} exists already", path="action_id"
                )
            self.actions[event.action_id] = TrackedActionState(event)
            return
        action = self.actions.get(event.action_id)
        if action is None:
            raise InvalidRecord(f"no outstanding action {event.action_id!r}", path="action_id")
        if action.completed_on is not None:
            raise InvalidRecord(
                f"outstanding action {event.action_id!r} was completed on "
                f"{action.completed_on.isoformat()}",
                path="action_id",
            )
        if isinstance(event, ActionUpdated):
            action.updates.append(event)
            if event.new_due is not None:
                action.due = event.new_due
        else:
            action.completed_on = event.on

    def _require(self, allowed: bool, what: str) -> None:
        if not allowed:
            state = self.state
            raise ActionNotAllowed(state.replace("_", " "), what, allowed=allowed_events(state))


def replay(events: tuple[Event, ...], edition: Edition | None = None) -> Replay:
    """Replay a whole record; errors name the event (``events[i]``) that caused them.

    ``edition`` is the reading of the complaint's edition to judge it by (the
    edition of its receipt by default).

    Raises:
        InvalidRecord: For a record that no complaint could have.
    """
    if not events:
        raise InvalidRecord("a complaint needs at least its receipt", path="events")
    first = events[0]
    if not isinstance(first, Received):
        raise InvalidRecord("the first event must be the receipt", path="events[0]")
    state = Replay(first, edition)
    for index in range(1, len(events)):
        event = events[index]
        if not isinstance(event, Event):
            raise InvalidRecord(f"not an event: {type(event).__name__}", path=f"events[{index}]")
        try:
            state.apply(event)
        except InvalidRecord as err:
            path = f"events[{index}].{err.path}" if err.path else f"events[{index}]"
            raise InvalidRecord(err.message, path=path) from None
        except (ActionNotAllowed, ValueError) as err:
            raise InvalidRecord(str(err), path=f"events[{index}]") from None
    return state
