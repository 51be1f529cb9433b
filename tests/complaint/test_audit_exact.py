"""The record's deadlines, refusals and findings, asserted whole: every field, on both sides of
every boundary.

Each test compares complete values (a :class:`Finding` with its provision, message, severity,
dates and reference; a :class:`Deadline` with what it was counted from and on which calendar; a
stage's record) so that no part of a rule can change unseen.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from complaintcode import (
    CODE_2022,
    CODE_2024,
    Complaint,
    ComplaintDefinition,
    Deadline,
    Finding,
    IncompleteLetter,
    InvalidRecord,
    ProvisionViolation,
    Stage,
    Stage2Response,
    StageRecord,
    provision,
)
from complaintcode.calendar import england_and_wales, scotland
from complaintcode.complaint.events import (
    Acknowledged,
    EscalationRequested,
    Event,
    Extended,
    IssueRaised,
    Received,
    Responded,
)
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
#: A definition that does not say what the landlord is responsible for (5.7).
SILENT = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
)


def finding(  # the fields of a Finding, with this file's defaults
    number: str,
    message: str,
    *,
    severity: str = "breach",
    on: dt.date | None = None,
    due: dt.date | None = None,
    year: int = 2024,
    reference: str | None = "C-1",
) -> Finding:
    return Finding(
        provision=provision(number, year),
        message=message,
        severity=severity,  # type: ignore[arg-type]
        on=on,
        due=due,
        reference=reference,
    )


def at_stage_1(definition: ComplaintDefinition = DEFINITION) -> Complaint:
    """Received Friday 3 May 2024, acknowledged Tuesday 7 May: the response is due 21 May."""
    return Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", definition
    )


def at_stage_2() -> Complaint:
    """Answered on 20 May, escalated on 28 May and acknowledged at stage 2 on 29 May."""
    return (
        at_stage_1()
        .respond(D(2024, 5, 20), handler="A. Khan")
        .request_escalation(D(2024, 5, 28))
        .acknowledge(D(2024, 5, 29), "B. Osei", DEFINITION)
    )


# --- 2022 edition, 5.1: stage 1 is counted from logging ----------------------------------------


def _answered_2022() -> Complaint:
    """Received Monday 4 March 2024 (2022 edition), logged 5 March, answered 15 March."""
    return (
        Complaint.receive("C-22", received=D(2024, 3, 4))
        .acknowledge(D(2024, 3, 5), "A. Khan", DEFINITION)
        .respond(D(2024, 3, 15), handler="A. Khan")
    )


def test_2022_stage_1_record_after_escalation() -> None:
    """5.1 (2022): the stage 1 response is due 10 working days after logging (19 March), even
    once the resident has asked for stage 2; stage 2 counts from that request (5.13)."""
    c = _answered_2022().request_escalation(D(2024, 3, 25))
    assert c.edition is CODE_2022
    assert c.stage_record(1) == StageRecord(
        stage=Stage.ONE,
        started=D(2024, 3, 4),
        acknowledged=D(2024, 3, 5),
        acknowledgement_due=D(2024, 3, 11),
        responded=D(2024, 3, 15),
        response_due=D(2024, 3, 19),
        extended_due=None,
        extended_by=0,
        extension_within_limit=True,
        handler="A. Khan",
        ended=None,
        outcome=None,
    )
    assert c.stage_record(2) == StageRecord(
        stage=Stage.TWO,
        started=D(2024, 3, 25),
        acknowledged=None,
        acknowledgement_due=None,
        responded=None,
        response_due=D(2024, 4, 24),
        extended_due=None,
        extended_by=0,
        extension_within_limit=True,
        handler=None,
        ended=None,
        outcome=None,
    )
    assert [str(d) for d in c.due(D(2024, 3, 25))] == ["5.13: respond at stage 2 by 2024-04-24"]


def test_2022_unacknowledged_stage_1_record_agrees_with_due() -> None:
    """4.1 and 5.1 (2022): before logging, the response is projected from the last day to log
    (11 March), and the stage's record says the same date as ``due``."""
    c = Complaint.receive("C-22", received=D(2024, 3, 4))
    assert [str(d) for d in c.due(D(2024, 3, 4))] == [
        "4.1: acknowledge at stage 1 by 2024-03-11",
        "5.1: respond at stage 1 by 2024-03-25",
    ]
    record = c.stage_record(1)
    assert record is not None
    assert (record.acknowledgement_due, record.response_due) == (D(2024, 3, 11), D(2024, 3, 25))


# --- 6.3: deadlines on the complaint's own calendar --------------------------------------------


def test_due_counts_on_the_complaints_calendar() -> None:
    """6.3: a Scottish complaint acknowledged on 17 December 2024 must be answered by 6 January
    2025 (2 January is a Scottish bank holiday); ``due`` and the stage's record agree."""
    c = Complaint.receive("S-1", received=D(2024, 12, 16), calendar=scotland()).acknowledge(
        D(2024, 12, 17), "A. Khan", DEFINITION
    )
    (deadline,) = c.due(D(2024, 12, 17))
    assert deadline == Deadline(
        action="respond",
        stage=Stage.ONE,
        due=D(2025, 1, 6),
        provision=provision("6.3", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 12, 17),
        counted_from_event="acknowledged",
        working_days=10,
    )
    assert deadline.calendar is scotland()
    record = c.stage_record(1)
    assert record is not None
    assert record.response_due == D(2025, 1, 6)


def test_due_of_an_extended_response_keeps_the_good_reason() -> None:
    """6.4: the extended deadline ``due`` gives carries the good reason recorded for going
    beyond 10 working days, and says how far it was extended."""
    c = at_stage_1().extend(
        D(2024, 5, 20),
        13,
        "A survey is needed",
        ombudsman_details_given=True,
        good_reason="The surveyor is ill",
    )
    assert c.due(D(2024, 5, 20)) == (
        Deadline(
            action="respond",
            stage=Stage.ONE,
            due=D(2024, 6, 10),
            provision=provision("6.3", 2024),
            edition=CODE_2024,
            counted_from=D(2024, 5, 7),
            counted_from_event="acknowledged",
            working_days=10,
            note="extended by 13 working days from 2024-05-21",
            original_due=D(2024, 5, 21),
            extended_by=13,
            good_reason="The surveyor is ill",
        ),
    )


def test_due_of_an_outstanding_action() -> None:
    """6.6: an outstanding action is due on the date promised, counted from the day it was
    added, on the complaint's calendar, citing the complaint's edition."""
    c = (
        Complaint.receive("S-1", received=D(2024, 12, 16), calendar=scotland())
        .acknowledge(D(2024, 12, 17), "A. Khan", DEFINITION)
        .respond(D(2024, 12, 20), handler="A. Khan")
        .add_action(D(2024, 12, 20), "a1", "fix the tap", D(2025, 1, 6))
    )
    (deadline,) = c.due(D(2024, 12, 20))
    assert deadline == Deadline(
        action="complete action",
        stage=Stage.ONE,
        due=D(2025, 1, 6),
        provision=provision("6.6", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 12, 20),
        counted_from_event="action added",
        working_days=7,  # 23, 24, 27, 30, 31 December, 3 and 6 January in Scotland
        note="a1: fix the tap",
    )
    assert deadline.calendar is scotland()
    assert deadline.to_dict()["edition"] == 2024


# --- 6.4: extensions in a stored history -------------------------------------------------------


def test_audit_adds_up_extensions_of_a_stored_history() -> None:
    """6.4: two extensions of 6 working days, neither with a good reason, are 12 in all, beyond
    the 10 allowed; recorded as they happened, the audit reports the total."""
    c = at_stage_1().extend(D(2024, 5, 8), 6, "Survey", ombudsman_details_given=True)
    c = c.extend(D(2024, 5, 9), 6, "Parts", ombudsman_details_given=True, record_breach=True)
    assert c.audit(D(2024, 5, 10)) == (
        finding(
            "6.4",
            "an extension of 12 working days at stage 1 is longer than the 10 allowed without a "
            "good reason, and none was recorded",
            on=D(2024, 5, 9),
        ),
    )
    record = c.stage_record(1)
    assert record is not None
    assert (record.extended_due, record.extended_by, record.extension_within_limit) == (
        D(2024, 6, 7),
        12,
        False,
    )


def test_audit_of_a_late_extension_without_the_ombudsmans_details() -> None:
    """6.4 and 6.5: an extension notified the day after the deadline it extends, without the
    Ombudsman's details; both findings dated on the notice, the first with the deadline missed."""
    c = at_stage_1(SILENT).extend(
        D(2024, 5, 22), 5, "Survey", ombudsman_details_given=False, record_breach=True
    )
    assert c.audit(D(2024, 5, 23)) == (
        finding(
            "5.7",
            "at stage 1: the acknowledgement does not say which aspects of the complaint we are, "
            "and are not, responsible for",
            on=D(2024, 5, 7),
        ),
        finding(
            "6.4",
            "the extension notified on 2024-05-22 came after the deadline it extends (2024-05-21)",
            on=D(2024, 5, 22),
            due=D(2024, 5, 21),
        ),
        finding(
            "6.5",
            "the extension notice does not give the Ombudsman's contact details",
            on=D(2024, 5, 22),
        ),
    )


def test_extension_on_the_deadline_itself_is_in_time() -> None:
    """6.4: an extension notified on the day the response is due is in time."""
    c = at_stage_1().extend(D(2024, 5, 21), 5, "Survey", ombudsman_details_given=True)
    assert c.audit(D(2024, 5, 21)) == ()


# --- 6.4, 6.5: refusing an extension recorded on the day of the previous event ----------------


@pytest.mark.parametrize(
    ("working_days", "reason", "details", "number", "message"),
    [
        (5, " ", True, "6.4", "the reason for an extension must be explained"),
        (
            15,
            "A survey is needed",
            True,
            "6.4",
            (
                "an extension of 15 working days at stage 1 is longer than the 10 allowed without a "
                "good reason, and none was recorded"
            ),
        ),
        (
            5,
            "A survey is needed",
            False,
            "6.5",
            ("an extension notice must give the Ombudsman's contact details"),
        ),
    ],
)
def test_extension_on_the_day_of_the_acknowledgement_is_checked(
    working_days: int, reason: str, details: bool, number: str, message: str
) -> None:
    """6.4 and 6.5: an extension given on the same day as the acknowledgement is checked like
    any other: no reason, too long without a good reason, no Ombudsman's details."""
    with pytest.raises(ProvisionViolation) as caught:
        at_stage_1().extend(D(2024, 5, 7), working_days, reason, ombudsman_details_given=details)
    assert caught.value.provision == provision(number, 2024)
    assert str(caught.value) == f"{number}: {message}"


def test_stage_2_extension_refusals_cite_6_15_and_6_16() -> None:
    """6.15 and 6.16: at stage 2 the same refusals cite the stage 2 provisions."""
    c = at_stage_2()
    with pytest.raises(ProvisionViolation) as caught:
        c.extend(D(2024, 5, 29), 5, "", ombudsman_details_given=True)
    assert caught.value.provision == provision("6.15", 2024)
    assert str(caught.value) == "6.15: the reason for an extension must be explained"
    with pytest.raises(ProvisionViolation) as caught:
        c.extend(D(2024, 5, 29), 5, "Survey", ombudsman_details_given=False)
    assert caught.value.provision == provision("6.16", 2024)
    with pytest.raises(ProvisionViolation) as caught:
        c.extend(D(2024, 5, 29), 21, "Survey", ombudsman_details_given=True)
    assert str(caught.value) == (
        "6.15: an extension of 21 working days at stage 2 is longer than the 20 allowed without "
        "a good reason, and none was recorded"
    )


# --- 5.9: intervals for updates when a response is late ----------------------------------------


def test_updates_agreed_on_the_due_date_are_in_time() -> None:
    """5.9: intervals for updates agreed on the day the late response was due are in time."""
    c = at_stage_1().agree_updates(D(2024, 5, 21), 5).respond(D(2024, 5, 24), handler="A. Khan")
    assert c.audit(D(2024, 5, 30)) == (
        finding(
            "6.3",
            "responded to at stage 1 on 2024-05-24, after the deadline of 2024-05-21",
            on=D(2024, 5, 24),
            due=D(2024, 5, 21),
        ),
    )


def test_updates_agreed_after_the_due_date_are_late() -> None:
    """5.9: intervals agreed the day after the response was due come too late."""
    c = at_stage_1().agree_updates(D(2024, 5, 22), 5).respond(D(2024, 5, 24), handler="A. Khan")
    assert c.audit(D(2024, 5, 30))[0] == finding(
        "5.9",
        "the stage 1 response was late and no intervals for updates were agreed with the "
        "resident by 2024-05-21",
        on=D(2024, 5, 21),
    )


def test_updates_every_working_day_are_allowed() -> None:
    """5.9: updates may be agreed for every working day; an interval of 0 is refused."""
    c = at_stage_1().agree_updates(D(2024, 5, 8), 1)
    assert c.events[-1].every_working_days == 1  # type: ignore[attr-defined]
    with pytest.raises(InvalidRecord) as caught:
        at_stage_1().agree_updates(D(2024, 5, 8), 0)
    assert str(caught.value) == (
        "every_working_days: updates are agreed at intervals of at least one working day"
    )


# --- 6.6: outstanding actions ------------------------------------------------------------------


def _with_action() -> Complaint:
    return (
        at_stage_1()
        .respond(D(2024, 5, 10), handler="A. Khan")
        .add_action(D(2024, 5, 10), "a1", "fix the tap", D(2024, 5, 20))
    )


def test_an_action_is_not_late_on_its_due_date() -> None:
    """6.6: an action still open on the day it is due is not yet late; the day after it is."""
    assert _with_action().audit(D(2024, 5, 20)) == ()
    assert _with_action().audit(D(2024, 5, 21)) == (
        finding(
            "6.6",
            "outstanding action 'a1' (fix the tap) was due on 2024-05-20 and is not complete "
            "(as of 2024-05-21)",
            on=D(2024, 5, 21),
            due=D(2024, 5, 20),
        ),
    )


def test_an_action_moved_and_completed_late() -> None:
    """6.6: moving an action's date is a warning dated on the update; completing it after the
    first date promised is a warning dated on completion; both name the first date."""
    c = (
        _with_action()
        .update_action(D(2024, 5, 15), "a1", "parts are late", new_due=D(2024, 5, 24))
        .complete_action(D(2024, 5, 23), "a1")
    )
    assert c.audit(D(2024, 6, 1)) == (
        finding(
            "6.6",
            "outstanding action 'a1' (fix the tap): on 2024-05-15 its date was moved from "
            "2024-05-20 to 2024-05-24, past the first date promised (2024-05-20)",
            severity="warning",
            on=D(2024, 5, 15),
            due=D(2024, 5, 20),
        ),
        finding(
            "6.6",
            "outstanding action 'a1' (fix the tap) was completed on 2024-05-23, after its first "
            "due date of 2024-05-20",
            severity="warning",
            on=D(2024, 5, 23),
            due=D(2024, 5, 20),
        ),
    )


def test_an_action_completed_on_its_due_date_is_on_time() -> None:
    """6.6: an action completed on the day it was due is on time."""
    assert _with_action().complete_action(D(2024, 5, 20), "a1").audit(D(2024, 6, 1)) == ()


def test_an_action_completed_late_without_a_move() -> None:
    """6.6: an action completed a day late, its date never moved, is a warning naming its due
    date."""
    c = _with_action().complete_action(D(2024, 5, 21), "a1")
    assert c.audit(D(2024, 6, 1)) == (
        finding(
            "6.6",
            "outstanding action 'a1' (fix the tap) was completed on 2024-05-21, after its due "
            "date of 2024-05-20",
            severity="warning",
            on=D(2024, 5, 21),
            due=D(2024, 5, 20),
        ),
    )


# --- 6.19: the final response's letter is checked ---------------------------------------------


def test_an_incomplete_final_response_is_refused() -> None:
    """6.19(c) and 6.19(g): a final response letter with no decision and no referral details is
    refused, whether stage 2 was acknowledged or not."""
    bare = Stage2Response(definition=DEFINITION, decisions=(), escalation="Call us.")
    with pytest.raises(IncompleteLetter) as caught:
        at_stage_2().respond(D(2024, 6, 10), handler="B. Osei", letter=bare)
    assert [str(f) for f in caught.value.findings] == [
        "6.19(c): the letter gives no decision on the complaint",
        "6.19(g): the letter's referral details do not mention the Ombudsman",
    ]
    escalated = at_stage_1().respond(D(2024, 5, 20), handler="A. Khan")
    escalated = escalated.request_escalation(D(2024, 5, 28))
    with pytest.raises(IncompleteLetter) as caught:
        escalated.respond(D(2024, 6, 10), handler="B. Osei", letter=bare)
    assert [f.code for f in caught.value.findings] == ["6.19(c)", "6.19(g)"]


# --- 6.13 (2024), 5.12 (2022): the stage 2 handler --------------------------------------------


def test_2022_final_response_by_the_stage_1_handler_cites_5_12() -> None:
    """5.12 (2022): the person who handled stage 1 may not give the final response; the refusal
    cites the 2022 number."""
    c = _answered_2022().request_escalation(D(2024, 3, 25))
    attempts: list[Callable[[], Complaint]] = [
        lambda: c.respond(D(2024, 4, 2), handler="A. Khan"),
        lambda: c.acknowledge(D(2024, 4, 2), "A. Khan", DEFINITION),
    ]
    for attempt in attempts:
        with pytest.raises(ProvisionViolation) as caught:
            attempt()
        assert caught.value.provision == provision("5.12", 2022)
        assert str(caught.value) == (
            "5.12: the stage 2 handler must differ from the stage 1 handler ('A. Khan' handled "
            "stage 1)"
        )


# --- the record's structure: each event fits its stage -----------------------------------------


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            Responded(on=D(2024, 5, 20), stage=Stage.TWO, handler="A. Khan"),
            (
                "events[2].stage: a responded event for stage 2 cannot follow a complaint that is "
                "stage 1"
            ),
        ),
        (
            Extended(
                on=D(2024, 5, 20),
                stage=Stage.TWO,
                working_days=3,
                reason="Survey",
                ombudsman_details_given=True,
            ),
            (
                "events[2].stage: an extended event for stage 2 cannot follow a complaint that is "
                "stage 1"
            ),
        ),
        (
            Acknowledged(
                on=D(2024, 5, 20), stage=Stage.TWO, handler="B. Osei", definition=DEFINITION
            ),
            (
                "events[2]: acknowledge is not allowed: the complaint is stage 1 (allowed: extend, "
                "respond, request_escalation, withdraw, close)"
            ),
        ),
    ],
)
def test_an_event_for_another_stage_is_refused(event: object, message: str) -> None:
    """5.3: a stored event for stage 2 cannot follow a complaint still at stage 1."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_events((*at_stage_1().events, event))  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_an_acknowledgement_for_stage_2_cannot_open_stage_1() -> None:
    """5.3: the first acknowledgement of a complaint is stage 1's; one marked stage 2 is refused
    with the path of its stage."""
    first = at_stage_1().events[0]
    wrong = Acknowledged(
        on=D(2024, 5, 7), stage=Stage.TWO, handler="A. Khan", definition=DEFINITION
    )
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_events((first, wrong))
    assert caught.value.path == "events[1].stage"
    assert str(caught.value) == (
        "events[1].stage: an acknowledged event for stage 2 cannot follow a complaint that is "
        "received"
    )


# --- 2.5, 5.11: a decision recorded as it was taken stays on the record ------------------------


def _blanket_refusal() -> ExclusionDecision:
    facts = ExclusionFacts(received=D(2024, 5, 3), issue_occurred=D(2022, 1, 6))
    good = decide(
        assess(facts),
        grounds=["time_limit"],
        reasons="The repair was done in January 2022 and nothing has gone wrong since.",
        decided_by="T. Lane",
        decided_on=D(2024, 5, 28),
        refusing_escalation=True,
        discretion_considered="No reason for the delay was given.",
    )
    return ExclusionDecision.from_dict(good.to_dict() | {"reasons": " "}, checked=False)


def test_a_refusal_breaching_the_code_is_still_reported_after_later_events() -> None:
    """5.11: a refusal of escalation without reasons, recorded as it was taken, is reported by
    the audit, and still after an outstanding action is added to the record."""
    refused = (
        at_stage_1()
        .respond(D(2024, 5, 20), handler="A. Khan")
        .request_escalation(D(2024, 5, 28))
        .refuse_escalation(D(2024, 5, 29), _blanket_refusal(), record_breach=True)
    )
    expected = finding(
        "5.11",
        "the reasons for refusing escalation must be set out clearly, and this decision gives none",
        on=D(2024, 5, 29),
    )
    assert refused.audit(D(2024, 5, 29)) == (expected,)
    later = refused.add_action(D(2024, 5, 30), "a1", "fix the tap", D(2024, 6, 30))
    assert later.status == "escalation_refused"
    assert later.audit(D(2024, 5, 30)) == (expected,)
    assert Complaint.from_events(later.events).audit(D(2024, 5, 30)) == (expected,)


def test_a_stage_withdrawn_stays_withdrawn_after_later_events() -> None:
    """5.12: a complaint withdrawn at stage 2 keeps that ending in the stage's record when an
    outstanding action is completed afterwards."""
    c = (
        at_stage_2()
        .add_action(D(2024, 5, 29), "a1", "fix the tap", D(2024, 6, 20))
        .withdraw(D(2024, 6, 3))
        .complete_action(D(2024, 6, 4), "a1")
    )
    record = c.stage_record(2)
    assert record is not None
    assert (record.ended, c.status) == ("withdrawn", "withdrawn")
    assert england_and_wales() is c.calendar


def test_moving_an_action_earlier_then_back_before_the_first_date() -> None:
    """6.6: moving an action's date earlier and then later again, but not past the first date
    promised, is no finding; an update without a new date does not stop a later move past it
    from being reported."""
    earlier = (
        _with_action()
        .update_action(D(2024, 5, 12), "a1", "sooner", new_due=D(2024, 5, 15))
        .update_action(D(2024, 5, 13), "a1", "a little later", new_due=D(2024, 5, 18))
    )
    assert earlier.audit(D(2024, 5, 14)) == ()
    later = (
        _with_action()
        .update_action(D(2024, 5, 12), "a1", "called the resident")
        .update_action(D(2024, 5, 13), "a1", "parts are late", new_due=D(2024, 5, 24))
    )
    assert later.audit(D(2024, 5, 14)) == (
        finding(
            "6.6",
            "outstanding action 'a1' (fix the tap): on 2024-05-13 its date was moved from "
            "2024-05-20 to 2024-05-24, past the first date promised (2024-05-20)",
            severity="warning",
            on=D(2024, 5, 13),
            due=D(2024, 5, 20),
        ),
    )


def test_escalation_keeps_the_residents_reason() -> None:
    """6.12: escalation needs no reason, but one the resident gives is recorded."""
    c = at_stage_1().respond(D(2024, 5, 20), handler="A. Khan")
    given = c.request_escalation(D(2024, 5, 28), reason="Not happy").events[-1]
    none = c.request_escalation(D(2024, 5, 28)).events[-1]
    assert isinstance(given, EscalationRequested)
    assert isinstance(none, EscalationRequested)
    assert (given.reason, none.reason) == ("Not happy", None)


def test_each_move_past_the_first_date_is_reported_once() -> None:
    """6.6: each update that moves an action's date later, past the first date promised, is a
    warning naming the date it moved from; an update giving the same date again is not, nor one
    moving it back to exactly the first date."""
    c = (
        _with_action()
        .update_action(D(2024, 5, 12), "a1", "parts are late", new_due=D(2024, 5, 24))
        .update_action(D(2024, 5, 13), "a1", "still the 24th", new_due=D(2024, 5, 24))
        .update_action(D(2024, 5, 14), "a1", "later again", new_due=D(2024, 5, 28))
    )
    assert c.audit(D(2024, 5, 15)) == tuple(
        finding(
            "6.6",
            f"outstanding action 'a1' (fix the tap): on {on} its date was moved from {old} to "
            f"{new}, past the first date promised (2024-05-20)",
            severity="warning",
            on=dt.date.fromisoformat(on),
            due=D(2024, 5, 20),
        )
        for on, old, new in (
            ("2024-05-12", "2024-05-20", "2024-05-24"),
            ("2024-05-14", "2024-05-24", "2024-05-28"),
        )
    )
    back = (
        _with_action()
        .update_action(D(2024, 5, 12), "a1", "sooner", new_due=D(2024, 5, 15))
        .update_action(D(2024, 5, 13), "a1", "back to the first date", new_due=D(2024, 5, 20))
    )
    assert back.audit(D(2024, 5, 15)) == ()


def test_acknowledging_needs_a_complaint_definition() -> None:
    """5.6: an acknowledgement records a complaint definition, and nothing else in its place."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
            D(2024, 5, 7),
            "A. Khan",
            "the leaking tap",  # type: ignore[arg-type]
        )
    assert caught.value.path == "definition"
    assert str(caught.value) == "definition: expected a ComplaintDefinition, got str"


def test_steps_taken_on_their_last_day_are_in_time() -> None:
    """6.2 and 6.3: acknowledging on the last day allowed (13 May) and responding on the day the
    response is due (28 May) are in time."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 13), "A. Khan", DEFINITION
    )
    assert [str(d) for d in c.due(D(2024, 5, 13))] == ["6.3: respond at stage 1 by 2024-05-28"]
    assert c.respond(D(2024, 5, 28), handler="A. Khan").audit(D(2024, 5, 28)) == ()


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            Received(on=D(2024, 5, 8), reference="C-1"),
            "events[2].kind: a complaint is received once, as its first event",
        ),
        (Event(on=D(2024, 5, 8)), "events[2].kind: unknown event Event"),
    ],
)
def test_a_stored_event_no_record_could_hold(event: Event, message: str) -> None:
    """5.12: a second receipt, or an event of no kind the record knows, is refused with the
    path of its kind."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_events((*at_stage_1().events, event))
    assert str(caught.value) == message


def test_an_issue_folded_after_the_stage_1_response_is_refused() -> None:
    """6.8: a further issue can be folded into the stage 1 response only while that response
    is still to be issued; a stored one folded later is refused with its path."""
    answered = at_stage_1().respond(D(2024, 5, 10), handler="A. Khan")
    folded = IssueRaised(on=D(2024, 5, 11), description="the boiler", related=True, folded=True)
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_events((*answered.events, folded))
    assert str(caught.value) == (
        "events[3].folded: an issue can be folded into the stage 1 response only while it is "
        "still to be issued, not when the complaint is stage 1 answered"
    )
