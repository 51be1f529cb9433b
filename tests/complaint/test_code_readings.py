"""How the record reads the Code: what happened is recorded, and each edition judges its own.

5.12 (the record holds what happened), 6.13 (everyone who handled stage 1), 6.8 (new issues until
the stage 1 response), 5.7 (responsibility in the acknowledgement), and the 2022 edition judged by
the 2022 Code only, with its bare "days" read as working days unless asked otherwise.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from complaintcode import (
    CODE_2022,
    CODE_2024,
    Complaint,
    ComplaintDefinition,
    InvalidRecord,
    PointDecision,
    ProvisionViolation,
    Remedy,
    Stage1Response,
    Stage2Response,
    WorkingCalendar,
)
from complaintcode.complaint.events import Acknowledged, IssueRaised, Responded
from complaintcode.exclusions import ExclusionDecision, ExclusionFacts, assess, decide
from strategies import complaints

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March and two repair visits were missed.",
    points=("the leaking tap", "the missed visits"),
    outcomes_sought=("repair the tap", "an apology"),
    responsible_for=("repairs in the home",),
)


def strs(items: tuple[object, ...]) -> list[str]:
    return [str(i) for i in items]


def received() -> Complaint:
    # Friday 3 May 2024: acknowledgement due Monday 13 May (6 May is a bank holiday).
    return Complaint.receive("C-1", received=D(2024, 5, 3))


def at_stage_1() -> Complaint:
    # Acknowledged Tuesday 7 May 2024: the stage 1 response is due on Tuesday 21 May.
    return received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)


# --- 5.12: the record holds what happened ------------------------------------------------------


def test_stage_2_without_a_stage_1_response_is_recorded_and_audited() -> None:
    """5.12 and 6.3: the resident asks for stage 2 when the stage 1 response is overdue and the
    landlord runs stage 2: recorded, and the audit reports the response never sent."""
    c = (
        at_stage_1()
        .request_escalation(D(2024, 6, 3))
        .acknowledge(D(2024, 6, 5), "B. Osei", DEFINITION)
        .respond(D(2024, 7, 1), handler="B. Osei")
    )
    assert c.status == "final_response_given"
    assert strs(c.audit(D(2024, 7, 2))) == [
        (
            "5.9: the stage 1 response was late and no intervals for updates were agreed with the "
            "resident by 2024-05-21"
        ),
        "6.3: not responded to at stage 1 by 2024-05-21 (stage 2 was asked for on 2024-06-03)",
    ]
    assert Complaint.from_json(c.to_json()) == c


def test_stage_2_asked_for_before_the_stage_1_response_was_due() -> None:
    """6.3: a stage 1 response never sent is reported even when stage 2 was asked for before
    it was due; it was missing, not late, so no intervals for updates were owed (5.9)."""
    c = at_stage_1().request_escalation(D(2024, 5, 10))
    (finding,) = c.audit(D(2024, 5, 10))
    assert str(finding) == (
        "6.3: no response was sent at stage 1: stage 2 was asked for on 2024-05-10, and it was "
        "due by 2024-05-21"
    )
    assert (finding.on, finding.due, finding.severity) == (D(2024, 5, 10), D(2024, 5, 21), "breach")


def test_stage_2_asked_for_before_any_acknowledgement() -> None:
    """5.12: an unacknowledged complaint may go to stage 2; 6.2 and 6.3 are both reported."""
    c = received().request_escalation(D(2024, 5, 20))
    assert strs(c.audit(D(2024, 5, 20))) == [
        "6.2: not acknowledged at stage 1 by 2024-05-13 (stage 2 was asked for on 2024-05-20)",
        (
            "6.3: no response was sent at stage 1: stage 2 was asked for on 2024-05-20, and it was "
            "due by 2024-05-28"
        ),
    ]


def test_a_response_without_an_acknowledgement() -> None:
    """6.2: a response sent by the acknowledgement deadline answers it; a later one leaves the
    acknowledgement missing."""
    prompt = received().respond(D(2024, 5, 13), handler="A. Khan")
    assert prompt.status == "stage_1_answered"
    assert prompt.audit(D(2024, 5, 14)) == ()
    slow = received().respond(D(2024, 5, 14), handler="A. Khan")
    assert strs(slow.audit(D(2024, 5, 14))) == [
        (
            "6.2: not acknowledged at stage 1 by 2024-05-13 (it was answered without an "
            "acknowledgement on 2024-05-14)"
        )
    ]


def test_a_final_response_without_a_stage_2_acknowledgement() -> None:
    """6.11: the final response may come without the stage 2 acknowledgement; the audit reports
    the acknowledgement missing after its deadline (5 working days from the request)."""
    c = (
        at_stage_1()
        .respond(D(2024, 5, 20), handler="A. Khan")
        .request_escalation(D(2024, 6, 3))
        .respond(D(2024, 7, 1), handler="B. Osei")
    )
    assert c.status == "final_response_given"
    assert strs(c.audit(D(2024, 7, 1))) == [
        (
            "6.11: not acknowledged at stage 2 by 2024-06-10 (it was answered without an "
            "acknowledgement on 2024-07-01)"
        )
    ]


def test_a_stage_2_run_before_stage_1_was_complete_breaches_2022s_5_11() -> None:
    """5.11 (2022): escalate only once stage 1 is complete; 5.1 (2022) reports the response
    never sent. 2022 has no 5.9, so no finding on intervals for updates."""
    c = (
        Complaint.receive("C-22", received=D(2024, 1, 8))
        .acknowledge(D(2024, 1, 10), "A. Khan", DEFINITION)
        .request_escalation(D(2024, 2, 1))
        .acknowledge(D(2024, 2, 5), "B. Osei", DEFINITION)
    )
    found = c.audit(D(2024, 2, 5))
    assert strs(found) == [
        "5.1: not responded to at stage 1 by 2024-01-24 (stage 2 was asked for on 2024-02-01)",
        (
            "5.11: stage 2 was under way on 2024-02-05 although stage 1 was never completed with a "
            "response"
        ),
    ]
    assert {(f.provision.edition, f.severity) for f in found} == {(2022, "breach")}


def test_a_breach_can_be_recorded_as_it_happened() -> None:
    """5.12: a verb refuses a breach by default; with ``record_breach`` it records what happened
    and the audit reports it (6.4, 6.13)."""
    why = "a survey is needed"
    with pytest.raises(ProvisionViolation):
        at_stage_1().extend(D(2024, 5, 22), 5, why, ombudsman_details_given=True)
    c = at_stage_1().extend(
        D(2024, 5, 22), 5, why, ombudsman_details_given=True, record_breach=True
    )
    assert strs(c.audit(D(2024, 5, 22))) == [
        "6.4: the extension notified on 2024-05-22 came after the deadline it extends (2024-05-21)"
    ]
    answered = c.respond(D(2024, 5, 24), handler="A. Khan").request_escalation(D(2024, 6, 3))
    with pytest.raises(ProvisionViolation):
        answered.acknowledge(D(2024, 6, 4), "a. khan", DEFINITION)
    same = answered.acknowledge(D(2024, 6, 4), "a. khan", DEFINITION, record_breach=True)
    assert "6.13: the same person (a. khan) handled both stages" in strs(same.audit(D(2024, 6, 4)))


def _blanket_decision() -> ExclusionDecision:
    facts = ExclusionFacts(received=D(2024, 5, 3), issue_occurred=D(2022, 1, 6))
    good = decide(
        assess(facts),
        grounds=["time_limit"],
        reasons="The repair was done in January 2022 and nothing has gone wrong since.",
        decided_by="T. Lane",
        discretion_considered="No reason for the delay was given.",
    )
    return ExclusionDecision.from_dict(good.to_dict() | {"reasons": " "}, checked=False)


def test_a_decision_that_breached_the_code_can_be_recorded() -> None:
    """2.5: a decision without reasons is refused by ``decline`` unless recorded as it was taken;
    the audit then reports it."""
    decision = _blanket_decision()
    with pytest.raises(ProvisionViolation) as info:
        received().decline(D(2024, 5, 8), decision)
    assert info.value.provision.number == "2.5"
    c = received().decline(D(2024, 5, 8), decision, record_breach=True)
    assert c.status == "not_accepted"
    assert [f.code for f in c.audit(D(2024, 5, 8))] == ["2.5"]


# --- 6.13: everyone who considered stage 1 -----------------------------------------------------


def _answered_by_someone_else() -> Complaint:
    """Acknowledged by A. Khan, answered at stage 1 by C. Morgan, then escalated."""
    return (
        at_stage_1().respond(D(2024, 5, 20), handler="C. Morgan").request_escalation(D(2024, 6, 3))
    )


def test_the_stage_1_responder_may_not_acknowledge_stage_2() -> None:
    """6.13: the person who wrote the stage 1 response handled stage 1 as much as the person who
    acknowledged it."""
    with pytest.raises(ProvisionViolation) as info:
        _answered_by_someone_else().acknowledge(D(2024, 6, 5), " c. morgan", DEFINITION)
    assert str(info.value) == (
        "6.13: the stage 2 handler must differ from the stage 1 handler ('c. morgan' handled "
        "stage 1, recorded as 'C. Morgan')"
    )


def test_the_stage_1_responder_may_not_give_the_final_response() -> None:
    """6.13: nor may that person write the final response, acknowledged or not."""
    at_2 = _answered_by_someone_else().acknowledge(D(2024, 6, 5), "B. Osei", DEFINITION)
    for complaint in (at_2, _answered_by_someone_else()):
        with pytest.raises(ProvisionViolation) as info:
            complaint.respond(D(2024, 7, 1), handler="C. MORGAN")
        assert info.value.provision.number == "6.13"
    assert at_2.respond(D(2024, 7, 1), handler="B. Osei").status == "final_response_given"


def test_a_loaded_stage_2_handled_by_the_stage_1_responder_is_audited() -> None:
    """6.13: in stored history the same rule is reported, not refused."""
    events = (
        *_answered_by_someone_else().events,
        Acknowledged(on=D(2024, 6, 5), stage=2, handler="C. Morgan", definition=DEFINITION),
    )
    (finding,) = Complaint.from_events(events).audit(D(2024, 6, 5))
    assert str(finding) == "6.13: the same person (C. Morgan) handled both stages"
    assert finding.on == D(2024, 6, 5)


# --- 6.8: further issues until the stage 1 response is issued ----------------------------------


def test_a_related_issue_before_the_acknowledgement_is_folded_in() -> None:
    """6.8: the duty runs until the stage 1 response is issued, acknowledged or not."""
    (issue,) = received().raise_issue(D(2024, 5, 4), "the bathroom fan", related=True).issues
    assert (issue.folded, issue.delay_reason) == (True, None)


def test_an_issue_that_would_delay_the_response_is_a_new_complaint_with_its_reason() -> None:
    """6.8: the third branch: folding it in would unreasonably delay the response."""
    c = at_stage_1().raise_issue(
        D(2024, 5, 9), "subsidence", related=True, delay_reason="a structural survey takes weeks"
    )
    (issue,) = c.issues
    assert (issue.folded, issue.delay_reason) == (False, "a structural survey takes weeks")
    assert c.audit(D(2024, 5, 9)) == ()
    assert Complaint.from_json(c.to_json()) == c
    with pytest.raises(InvalidRecord) as info:
        IssueRaised(on=D(2024, 5, 9), description="x", related=True, folded=True, delay_reason="y")
    assert str(info.value) == (
        "delay_reason: an issue folded into the stage 1 response was not kept out to avoid delay"
    )


def test_issues_handled_against_6_8_are_reported() -> None:
    """6.8: a related issue kept out without a reason of delay, and an unrelated one folded in."""
    events = (
        *at_stage_1().events,
        IssueRaised(on=D(2024, 5, 8), description="the fan", related=True, folded=False),
        IssueRaised(on=D(2024, 5, 9), description="parking", related=False, folded=True),
    )
    found = Complaint.from_events(events).audit(D(2024, 5, 9))
    assert strs(found) == [
        (
            "6.8: the issue 'the fan' raised on 2024-05-08 is related and came before the stage 1 "
            "response, but was not folded into it, and no reason (an unreasonable delay) was recorded"
        ),
        (
            "6.8: the issue 'parking' raised on 2024-05-09 is not related to the complaint but was "
            "folded into the stage 1 response; it should have been logged as a new complaint"
        ),
    ]


def _response(*points: str) -> Stage1Response:
    return Stage1Response(
        definition=DEFINITION,
        decisions=tuple(
            PointDecision(point=p, decision="upheld", reasons="We found the fault.") for p in points
        ),
        escalation="If you are unhappy, ask us to escalate your complaint to stage 2.",
    )


def test_the_stage_1_response_decides_each_folded_issue() -> None:
    """6.8: an issue folded into the stage 1 response is answered in it: a recorded letter that
    decides no point for it is reported."""
    folded = at_stage_1().raise_issue(D(2024, 5, 8), "The Bathroom  Fan", related=True)
    silent = Responded(
        on=D(2024, 5, 20), stage=1, handler="A. Khan", letter=_response(*DEFINITION.points)
    )
    found = Complaint.from_events((*folded.events, silent)).audit(D(2024, 5, 20))
    assert (
        "6.8: the issue 'The Bathroom  Fan' raised on 2024-05-08 was folded into the stage 1 "
        "response of 2024-05-20, which decides no point for it" in strs(found)
    )
    answered = Responded(
        on=D(2024, 5, 20),
        stage=1,
        handler="A. Khan",
        letter=_response(*DEFINITION.points, "the bathroom fan not working"),
    )
    found = Complaint.from_events((*folded.events, answered)).audit(D(2024, 5, 20))
    assert not [f for f in found if f.code == "6.8"]


def test_2022s_5_7_is_a_should() -> None:
    """5.7 (2022): folding in new issues is best practice in 2022: a warning, never a breach."""
    c = Complaint.receive("C-22", received=D(2024, 1, 8)).acknowledge(
        D(2024, 1, 10), "A. Khan", DEFINITION
    )
    events = (
        *c.events,
        IssueRaised(on=D(2024, 1, 11), description="the fan", related=True, folded=False),
    )
    (finding,) = Complaint.from_events(events).audit(D(2024, 1, 11))
    assert (finding.code, finding.provision.edition, finding.severity) == ("5.7", 2022, "warning")


# --- 5.7: what the landlord is and is not responsible for --------------------------------------


def test_an_acknowledgement_silent_on_responsibility_is_reported_under_5_7() -> None:
    """5.7: the audit reports it as the letter check does; 2022 has no such rule."""
    silent = ComplaintDefinition(
        understanding="The boiler has failed.", points=("the boiler",), outcomes_sought=("fix",)
    )
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", silent)
    assert strs(c.audit(D(2024, 5, 7))) == [
        (
            "5.7: at stage 1: the acknowledgement does not say which aspects of the complaint we "
            "are, and are not, responsible for"
        )
    ]
    old = Complaint.receive("C-22", received=D(2024, 1, 8)).acknowledge(
        D(2024, 1, 10), "A. Khan", silent
    )
    assert old.audit(D(2024, 1, 10)) == ()


# --- the 2022 edition, judged by the 2022 Code only --------------------------------------------


def test_a_2022_extension_notice_without_the_ombudsman_is_recorded_with_a_warning() -> None:
    """5.3 and 5.1 (2022) are "should"s: never refused, reported as warnings with 2022 numbers."""
    c = Complaint.receive("C-22", received=D(2024, 1, 8)).acknowledge(
        D(2024, 1, 10), "A. Khan", DEFINITION
    )
    c = c.extend(D(2024, 1, 26), 12, "the surveyor is ill", ombudsman_details_given=False)
    found = c.audit(D(2024, 1, 26))
    assert [(f.code, f.provision.edition, f.severity) for f in found] == [
        ("5.1", 2022, "warning"),
        ("5.1", 2022, "warning"),
        ("5.3", 2022, "warning"),
    ]
    assert strs(found) == [
        "5.1: the extension notified on 2024-01-26 came after the deadline it extends (2024-01-24)",
        (
            "5.1: an extension of 12 working days at stage 1 is longer than the 10 allowed without a "
            "good reason, and none was recorded"
        ),
        "5.3: the extension notice does not give the Ombudsman's contact details",
    ]


def test_no_2024_duty_is_reported_against_a_2022_complaint() -> None:
    """5.9 has no 2022 counterpart: a late 2022 response has no finding on intervals for
    updates, where the same history under 2024 has one."""
    late_2022 = (
        Complaint.receive("C-22", received=D(2024, 1, 8))
        .acknowledge(D(2024, 1, 10), "A. Khan", DEFINITION)
        .respond(D(2024, 1, 31))
    )
    assert strs(late_2022.audit(D(2024, 2, 1))) == [
        "5.1: responded to at stage 1 on 2024-01-31, after the deadline of 2024-01-24"
    ]
    late_2024 = at_stage_1().respond(D(2024, 5, 28))
    assert [f.code for f in late_2024.audit(D(2024, 5, 28))] == ["5.9", "6.3"]


def test_a_2022_definition_cites_4_2_and_5_10() -> None:
    """4.2 and 5.10 (2022): the definition at stage 1 and at stage 2."""
    empty = ComplaintDefinition(understanding="", points=("x",), outcomes_sought=("y",))
    c = Complaint.receive("C-22", received=D(2024, 1, 8))
    with pytest.raises(ProvisionViolation) as info:
        c.acknowledge(D(2024, 1, 10), "A. Khan", empty)
    assert (info.value.provision.number, info.value.provision.edition) == ("4.2", 2022)
    two = (
        c.acknowledge(D(2024, 1, 10), "A. Khan", DEFINITION)
        .respond(D(2024, 1, 20))
        .request_escalation(D(2024, 1, 22))
    )
    with pytest.raises(ProvisionViolation) as info:
        two.acknowledge(D(2024, 1, 23), "B. Osei", empty)
    assert (info.value.provision.number, info.value.provision.edition) == ("5.10", 2022)


def test_the_calendar_day_reading_of_2022s_five_days() -> None:
    """4.1 (2022): "within five days of receipt". Read as working days by default; read as
    calendar days on request. Received Friday 1 March 2024."""
    strict = CODE_2022.reading_days_as("calendar")
    default = Complaint.receive("C-22", received=D(2024, 3, 1))
    calendar = Complaint.receive("C-22", received=D(2024, 3, 1), edition=strict)
    assert [d.due for d in default.due(D(2024, 3, 1))] == [D(2024, 3, 8), D(2024, 3, 22)]
    assert [d.due for d in calendar.due(D(2024, 3, 1))] == [D(2024, 3, 6), D(2024, 3, 20)]
    assert calendar.edition == strict
    assert default.acknowledge(D(2024, 3, 7), "A. Khan", DEFINITION).audit(D(2024, 3, 7)) == ()
    late = calendar.acknowledge(D(2024, 3, 7), "A. Khan", DEFINITION)
    assert strs(late.audit(D(2024, 3, 7))) == [
        "4.1: acknowledged at stage 1 on 2024-03-07, after the deadline of 2024-03-06"
    ]
    assert Complaint.from_json(late.to_json(), edition=strict) == late
    assert Complaint.from_json(late.to_json()) != late


def test_a_complaint_made_again_from_its_fields_keeps_its_reading() -> None:
    """4.1 (2022) read as calendar days: a complaint carried on by a verb, then made again from
    its fields (``attrs.evolve``, here on another calendar), keeps the reading it was received
    under and is judged by it: the acknowledgement on Thursday 7 March is still late."""
    strict = CODE_2022.reading_days_as("calendar")
    late = Complaint.receive("C-22", received=D(2024, 3, 1), edition=strict).acknowledge(
        D(2024, 3, 7), "A. Khan", DEFINITION
    )
    again = attrs.evolve(late, calendar=WorkingCalendar(region="england-and-wales", name="office"))
    assert again.edition == strict
    assert again.calendar.name == "office"
    assert strs(again.audit(D(2024, 3, 7))) == [
        "4.1: acknowledged at stage 1 on 2024-03-07, after the deadline of 2024-03-06"
    ]


def test_the_calendar_day_reading_of_a_further_10_days() -> None:
    """5.1 (2022): "a further 10 days". 10 working days run 14 calendar days: within the limit
    read as working days, past it read as calendar days (a warning: it is a "should")."""
    strict = CODE_2022.reading_days_as("calendar")
    for edition, expected in ((None, []), (strict, ["5.1"])):
        c = Complaint.receive("C-22", received=D(2024, 1, 8), edition=edition)
        c = c.acknowledge(D(2024, 1, 10), "A. Khan", DEFINITION)
        c = c.extend(D(2024, 1, 22), 10, "a survey is needed", ombudsman_details_given=True)
        assert [f.code for f in c.audit(D(2024, 1, 22))] == expected
    found = c.audit(D(2024, 1, 22))
    assert strs(found) == [
        (
            "5.1: an extension of 10 working days at stage 1 runs 14 days past the deadline it "
            "extends, longer than the further 10 days allowed without a good reason, and none was "
            "recorded"
        )
    ]
    assert found[0].severity == "warning"


def test_an_edition_of_another_year_is_refused() -> None:
    """A complaint is judged by the edition it falls under: a reading of another year is refused."""
    with pytest.raises(InvalidRecord) as info:
        Complaint.receive("C-1", received=D(2024, 5, 3), edition=CODE_2022)
    assert str(info.value) == (
        "edition: a complaint received on 2024-05-03 falls under the Complaint Handling Code "
        "2024, not the Complaint Handling Code 2022"
    )
    with pytest.raises(InvalidRecord) as info:
        Complaint.receive("C-1", received=D(2024, 5, 3), edition="2024")  # type: ignore[arg-type]
    assert str(info.value) == "edition: expected an Edition, got str"
    with pytest.raises(InvalidRecord) as info:
        CODE_2024.reading_days_as("lunar")  # type: ignore[arg-type]
    assert str(info.value) == "days: days are read as 'working' or 'calendar' days, not 'lunar'"


@given(complaints(start=D(2023, 1, 2)))
def test_every_finding_cites_the_complaints_own_edition(complaint: Complaint) -> None:
    """A complaint is judged by its edition only: every finding cites a provision of it."""
    last = complaint.events[-1].on
    for finding in complaint.audit(last + dt.timedelta(days=40)):
        assert finding.provision.edition == complaint.edition.year


def test_a_stage_answered_without_an_acknowledgement_was_handled_by_its_responder() -> None:
    """5.12: the stage record names who handled a stage; without an acknowledgement, the
    person who wrote its response."""
    c = received().request_escalation(D(2024, 5, 20)).respond(D(2024, 6, 20), handler="B. Osei")
    one, two = c.stage_record(1), c.stage_record(2)
    assert one is not None
    assert two is not None
    assert (one.handler, one.responded, one.ended) == (None, None, "escalated")
    assert (two.handler, two.acknowledged, two.responded) == ("B. Osei", None, D(2024, 6, 20))


# --- 5.13: put right at any stage, without the need for escalation -----------------------------


def _final(*, remedies: tuple[Remedy, ...]) -> Stage2Response:
    return Stage2Response(
        definition=DEFINITION,
        decisions=tuple(
            PointDecision(point=p, decision="upheld", reasons="We found the fault.")
            for p in DEFINITION.points
        ),
        remedies=remedies,
        escalation="You can take your complaint to the Housing Ombudsman.",
    )


APOLOGY = Remedy(kind="apology", what="We apologise for the missed visits.")


def test_a_remedy_that_waited_for_stage_2_is_reported_under_5_13() -> None:
    """5.13: remedies can be provided at any stage without the need for escalation: a stage 1
    letter that upheld the complaint with no remedy, then a final response with one."""
    events = (
        *at_stage_1().events,
        Responded(on=D(2024, 5, 20), stage=1, handler="A. Khan", letter=_response("the tap")),
    )
    c = Complaint.from_events(events).request_escalation(D(2024, 6, 3))
    c = c.acknowledge(D(2024, 6, 5), "B. Osei", DEFINITION)
    final = Responded(
        on=D(2024, 7, 1), stage=2, handler="B. Osei", letter=_final(remedies=(APOLOGY,))
    )
    found = Complaint.from_events((*c.events, final)).audit(D(2024, 7, 1))
    waited = [f for f in found if f.code == "5.13"]
    assert strs(tuple(waited)) == [
        (
            "5.13: the stage 1 response of 2024-05-20 upheld the complaint but offered no remedy; the "
            "remedy came only with the final response of 2024-07-01, after escalation"
        )
    ]
    assert waited[0].on == D(2024, 7, 1)
    unremedied = Responded(on=D(2024, 7, 1), stage=2, handler="B. Osei", letter=_final(remedies=()))
    found = Complaint.from_events((*c.events, unremedied)).audit(D(2024, 7, 1))
    assert not [f for f in found if f.code == "5.13"]
    put_right = attrs.evolve(_response("the tap"), remedies=(APOLOGY,))
    early = (
        *at_stage_1().events,
        Responded(on=D(2024, 5, 20), stage=1, handler="A. Khan", letter=put_right),
        *c.events[3:],
        final,
    )
    found = Complaint.from_events(early).audit(D(2024, 7, 1))
    assert not [f for f in found if f.code == "5.13"]


def test_a_complaint_closed_without_its_response() -> None:
    """6.3 and 6.14: a complaint closed without the response it was owed is recorded; the audit
    reports the response missing, and the stage record says how the stage ended."""
    early = at_stage_1().close(D(2024, 5, 10))
    assert strs(early.audit(D(2024, 5, 31))) == [
        (
            "6.3: no response was sent at stage 1: the complaint was closed on 2024-05-10, and it was "
            "due by 2024-05-21"
        )
    ]
    one = early.stage_record(1)
    assert one is not None
    assert one.ended == "closed"
    late = at_stage_1().close(D(2024, 5, 24))
    assert strs(late.audit(D(2024, 5, 31))) == [
        (
            "5.9: the stage 1 response was late and no intervals for updates were agreed with the "
            "resident by 2024-05-21"
        ),
        "6.3: not responded to at stage 1 by 2024-05-21 (the complaint was closed on 2024-05-24)",
    ]
    ignored = (
        at_stage_1().respond(D(2024, 5, 20)).request_escalation(D(2024, 6, 3)).close(D(2024, 7, 8))
    )
    assert strs(ignored.audit(D(2024, 7, 8))) == [
        "6.11: not acknowledged at stage 2 by 2024-06-10 (the complaint was closed on 2024-07-08)",
        (
            "6.14: no response was sent at stage 2: the complaint was closed on 2024-07-08, and it was "
            "due by 2024-07-08"
        ),
    ]
