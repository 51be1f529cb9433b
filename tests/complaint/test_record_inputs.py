"""What the complaint's verbs refuse of what they are given, and how a record is written out.

5.12 (a record names the complaint, and holds the letters sent as they were), 2.1 and 5.11 (a
decision of the right kind), 6.5 and 6.9 (the letter recorded with an extension or a response,
judged by the complaint's own edition, 5.3 and 5.8 in 2022).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from complaintcode import (
    ActionNotAllowed,
    Complaint,
    ComplaintDefinition,
    Finding,
    IncompleteLetter,
    InvalidRecord,
    Stage1Response,
    provision,
)
from complaintcode.complaint.events import Extended, event_from_dict
from complaintcode.complaint.lifecycle import next_state
from complaintcode.exclusions import ExclusionDecision, ExclusionFacts, assess, decide

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
#: A stage 1 letter with no decision and no way to escalate.
BARE = Stage1Response(definition=DEFINITION, decisions=(), escalation="Call us.")


def received() -> Complaint:
    return Complaint.receive("C-1", received=D(2024, 5, 3), complainant="Zoë Brontë")


def _decision(*, refusing: bool) -> ExclusionDecision:
    facts = ExclusionFacts(received=D(2024, 5, 3), issue_occurred=D(2022, 1, 6))
    return decide(
        assess(facts),
        grounds=["time_limit"],
        reasons="The repair was done in January 2022 and nothing has gone wrong since.",
        decided_by="T. Lane",
        refusing_escalation=refusing,
        discretion_considered="No reason for the delay was given.",
    )


@pytest.mark.parametrize("reference", [5, "", "   ", None])
def test_a_complaint_needs_a_reference(reference: Any) -> None:
    """5.12: a record names the complaint; a blank or missing reference is refused."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.receive(reference, received=D(2024, 5, 3))
    assert caught.value.path == "reference"
    assert str(caught.value) == "reference: a complaint needs a non-empty reference"


def test_json_keeps_letters_as_written_and_indents_when_asked() -> None:
    """5.12: the record is written as JSON with its text as given (not escaped to ASCII), on
    one line, or indented when asked."""
    c = received()
    flat = c.to_json()
    assert "\n" not in flat
    assert '"complainant": "Zoë Brontë"' in flat
    indented = c.to_json(indent=2)
    assert indented.startswith('{\n  "format": "complaintcode/complaint@1",\n  "events": [\n')
    assert '      "complainant": "Zoë Brontë",\n' in indented
    assert Complaint.from_json(indented) == c


@pytest.mark.parametrize(
    ("refusing", "message"),
    [
        (True, "decision: the decision is not one not accepting a complaint"),
        (False, "decision: expected an ExclusionDecision, got str"),
    ],
)
def test_declining_needs_a_decision_not_to_accept(refusing: bool, message: str) -> None:
    """2.1: declining a complaint records a decision not to accept it, and nothing else."""
    decision: Any = _decision(refusing=True) if refusing else "declined"
    with pytest.raises(InvalidRecord) as caught:
        received().decline(D(2024, 5, 8), decision)
    assert caught.value.path == "decision"
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("declining", "message"),
    [
        (True, "decision: the decision is not one refusing escalation"),
        (False, "decision: expected an ExclusionDecision, got str"),
    ],
)
def test_refusing_escalation_needs_a_decision_to_refuse(declining: bool, message: str) -> None:
    """5.11: refusing escalation records a decision to refuse it, and nothing else."""
    c = (
        received()
        .acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        .respond(D(2024, 5, 20), handler="A. Khan")
        .request_escalation(D(2024, 5, 28))
    )
    decision: Any = _decision(refusing=False) if declining else "refused"
    with pytest.raises(InvalidRecord) as caught:
        c.refuse_escalation(D(2024, 5, 29), decision)
    assert str(caught.value) == message


def test_an_unknown_move_lists_the_moves() -> None:
    """5.3: the lifecycle knows its moves, and names them when asked for another."""
    with pytest.raises(InvalidRecord) as caught:
        next_state("stage_1", "review")
    assert str(caught.value) == (
        "unknown event 'review' (known: acknowledge, extend, respond, request_escalation, "
        "refuse_escalation, decline, withdraw, close, refer_to_ombudsman)"
    )


def test_a_2022_response_letter_is_checked_against_the_2022_list() -> None:
    """5.8 (2022): a stage 1 letter of a 2022 complaint is judged by the 2022 list of items,
    which cites 5.8 without lettered items."""
    c = Complaint.receive("C-22", received=D(2024, 3, 4))
    c = c.acknowledge(D(2024, 3, 5), "A. Khan", DEFINITION)
    with pytest.raises(IncompleteLetter) as caught:
        c.respond(D(2024, 3, 15), handler="A. Khan", letter=BARE)
    assert caught.value.findings == (
        Finding(
            provision=provision("5.8", 2022),
            message="the letter gives no decision on the complaint",
        ),
        Finding(
            provision=provision("5.8", 2022),
            message="the letter's escalation details do not mention stage 2 or escalating",
        ),
    )


def test_an_extension_recorded_with_a_response_letter() -> None:
    """6.5: the letter recorded with an extension must be an extension notice; recorded as it
    was sent, the audit says what it is, and what it lacks as a letter of its own kind (6.9)."""
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    wrong: Any = BARE  # the wrong kind of letter, as a stored record may hold it
    c = c.extend(
        D(2024, 5, 10), 5, "Survey", ombudsman_details_given=True, letter=wrong, record_breach=True
    )
    assert c.audit(D(2024, 5, 10)) == (
        Finding(
            provision=provision("6.5", 2024),
            message="the letter recorded with the extension is a stage 1 response, not an "
            "extension notice",
            reference="C-1",
        ),
        Finding(
            provision=provision("6.9", 2024),
            item="c",
            message="the letter gives no decision on the complaint",
            reference="C-1",
        ),
        Finding(
            provision=provision("6.9", 2024),
            item="g",
            message="the letter's escalation details do not mention stage 2 or escalating",
            reference="C-1",
        ),
    )


@pytest.mark.parametrize("handler", ["", "   ", 5, None])
def test_an_acknowledgement_names_its_handler(handler: Any) -> None:
    """5.12: an acknowledgement records who handles the stage; a blank or missing name is
    refused."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
            D(2024, 5, 7), handler, DEFINITION
        )
    assert caught.value.path == "handler"
    assert str(caught.value) == "handler: the acknowledgement needs the handler's name"


def test_a_response_letter_recorded_as_sent_or_refused_by_the_state() -> None:
    """6.9 and 5.12: an incomplete letter recorded as it was sent is kept and reported by the
    audit; a response where none is awaited is refused for the state, whatever its letter."""
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    sent = c.respond(D(2024, 5, 20), handler="A. Khan", letter=BARE, record_breach=True)
    assert sent.status == "stage_1_answered"
    assert [str(f) for f in sent.audit(D(2024, 5, 20))] == [
        "6.9(c): the letter gives no decision on the complaint",
        "6.9(g): the letter's escalation details do not mention stage 2 or escalating",
    ]
    closed = c.respond(D(2024, 5, 20), handler="A. Khan").close(D(2024, 5, 21))
    with pytest.raises(ActionNotAllowed) as caught:
        closed.respond(D(2024, 5, 22), letter=BARE)
    assert str(caught.value) == (
        "respond is not allowed: the complaint is closed (no action is allowed in 'closed')"
    )


def test_a_step_the_state_does_not_allow_names_the_moves_it_does() -> None:
    """6.6, 5.9 and 6.8: an outstanding action, intervals for updates or a further issue where
    the complaint's state allows none is refused, naming the state and the moves it allows
    (none once the complaint is withdrawn)."""
    c = received()
    with pytest.raises(ActionNotAllowed) as caught:
        c.add_action(D(2024, 5, 4), "a1", "fix the tap", D(2024, 5, 20))
    assert str(caught.value) == (
        "add an outstanding action is not allowed: the complaint is received (allowed: "
        "acknowledge, respond, request_escalation, decline, withdraw, close)"
    )
    declined = c.decline(D(2024, 5, 8), _decision(refusing=False))
    with pytest.raises(ActionNotAllowed) as caught:
        declined.add_action(D(2024, 5, 9), "a1", "fix the tap", D(2024, 5, 20))
    assert str(caught.value) == (
        "add an outstanding action is not allowed: the complaint is not accepted (allowed: "
        "refer_to_ombudsman)"
    )
    withdrawn = c.withdraw(D(2024, 5, 4))
    attempts: list[tuple[Callable[[], Complaint], str]] = [
        (lambda: withdrawn.agree_updates(D(2024, 5, 5), 3), "agree intervals for updates"),
        (
            lambda: withdrawn.raise_issue(D(2024, 5, 5), "the boiler", related=True),
            "raise a further issue",
        ),
    ]
    for attempt, what in attempts:
        with pytest.raises(ActionNotAllowed) as caught:
            attempt()
        assert str(caught.value) == (
            f"{what} is not allowed: the complaint is withdrawn (no action is allowed in "
            "'withdrawn')"
        )


def test_outstanding_actions_are_named_once_and_done_once() -> None:
    """6.6: an outstanding action is added once under its name, updated or completed only while
    it is open, each refusal naming the action."""
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    c = c.add_action(D(2024, 5, 8), "a1", "fix the tap", D(2024, 5, 20))
    done = c.complete_action(D(2024, 5, 9), "a1")
    attempts: list[tuple[Callable[[], Complaint], str]] = [
        (
            lambda: c.add_action(D(2024, 5, 9), "a1", "again", D(2024, 5, 20)),
            "an outstanding action 'a1' exists already",
        ),
        (lambda: c.complete_action(D(2024, 5, 9), "a2"), "no outstanding action 'a2'"),
        (
            lambda: done.update_action(D(2024, 5, 10), "a1", "late"),
            "outstanding action 'a1' was completed on 2024-05-09",
        ),
    ]
    for attempt, message in attempts:
        with pytest.raises(InvalidRecord) as caught:
            attempt()
        assert caught.value.path == "action_id"
        assert str(caught.value) == f"action_id: {message}"


def test_a_stored_definition_with_text_no_file_can_hold() -> None:
    """5.6: a stored complaint definition whose text holds a lone surrogate is refused with the
    path of the text, in the understanding or in a list."""
    stored = DEFINITION.to_dict()
    for field, value, path in (
        ("understanding", "The tap \ud800", "definition.understanding"),
        ("points", ["the tap \udc00"], "definition.points[0]"),
    ):
        with pytest.raises(InvalidRecord) as caught:
            ComplaintDefinition.from_dict(stored | {field: value})
        assert caught.value.path == path
        assert str(caught.value).startswith(f"{path}: the text holds a lone surrogate")


KINDS = (
    "acknowledged, action_added, action_completed, action_updated, adjustment_agreed, "
    "adjustment_reviewed, closed, declined, escalation_refused, escalation_requested, extended, "
    "issue_raised, ombudsman_determined, order_completed, received, referred_to_ombudsman, "
    "remedy_completed, responded, restriction_imposed, restriction_lifted, restriction_reviewed, "
    "updates_agreed, withdrawn"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (5, "event: expected an object, got int"),
        ({"kind": ["received"]}, f"event.kind: unknown event kind ['received'] (known: {KINDS})"),
        ({"kind": "reopened"}, f"event.kind: unknown event kind 'reopened' (known: {KINDS})"),
    ],
)
def test_a_stored_event_of_no_known_kind(data: Any, message: str) -> None:
    """5.12: a stored event is an object of a kind the record knows, all of which are named."""
    with pytest.raises(InvalidRecord) as caught:
        event_from_dict(data)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"working_days": 0},
            "working_days: an extension is a positive whole number of working days, not 0",
        ),
        ({"working_days": "5"}, "working_days: expected a whole number, got str"),
        ({"letter": 5}, "letter: expected a letter, got int"),
    ],
)
def test_an_extension_event_that_no_record_could_hold(fields: dict[str, Any], message: str) -> None:
    """6.4: an extension is a positive whole number of working days, and its letter a letter."""
    given: dict[str, Any] = {
        "on": D(2024, 5, 8),
        "stage": 1,
        "working_days": 5,
        "reason": "Survey",
        "ombudsman_details_given": True,
    }
    with pytest.raises(InvalidRecord) as caught:
        Extended(**(given | fields))
    assert str(caught.value) == message


def test_the_events_are_a_sequence() -> None:
    """5.12: a complaint is rebuilt from a sequence of events."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_events(5)  # type: ignore[arg-type]
    assert str(caught.value) == "events: expected the events as a sequence, got int"


def test_an_interval_for_updates_up_to_what_a_record_holds() -> None:
    """5.9: intervals for updates are agreed with the resident; one of 200 working days, the most
    a record holds, is recorded, and one of 201 is refused with the limit."""
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    agreed = c.agree_updates(D(2024, 5, 8), 200)
    assert agreed.events[-1].every_working_days == 200  # type: ignore[attr-defined]
    with pytest.raises(InvalidRecord) as caught:
        c.agree_updates(D(2024, 5, 8), 201)
    assert str(caught.value) == (
        "every_working_days: an interval for updates of 201 working days is more than a record "
        "may hold (200)"
    )


def test_a_complaint_is_counted_on_a_working_calendar() -> None:
    """6.2: the timescales are working days, counted on the complaint's calendar; a calendar
    that is not a WorkingCalendar is refused, naming its type, however the complaint is made."""
    events = received().events
    name: Any = "england-and-wales"  # a calendar's name is not a calendar
    makers: list[Any] = [
        lambda: Complaint(events=events, calendar=name),
        lambda: Complaint.from_events(events, calendar=name),
        lambda: Complaint.receive("C-1", received=D(2024, 5, 3), calendar=name),
    ]
    for make in makers:
        with pytest.raises(InvalidRecord) as caught:
            make()
        assert str(caught.value) == "calendar: expected a WorkingCalendar, got str"
        assert caught.value.path == "calendar"


@pytest.mark.parametrize(("extra", "kind"), [("acknowledged", "str"), (None, "NoneType")])
def test_a_history_holds_only_events(extra: object, kind: str) -> None:
    """5.12: the record holds what happened, as events; anything else in a history after the
    receipt is refused, naming its position and its type."""
    events: Any = (*received().events, extra)
    makers: list[Callable[[], Complaint]] = [
        lambda: Complaint(events=events),
        lambda: Complaint.from_events(events),
    ]
    for make in makers:
        with pytest.raises(InvalidRecord) as caught:
            make()
        assert caught.value.path == "events[1]"
        assert str(caught.value) == f"events[1]: not an event: {kind}"
