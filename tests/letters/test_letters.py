"""Tests for complaintcode.letters: the items each letter must contain, rendering and text checks."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.calendar import england_and_wales
from complaintcode.definition import ComplaintDefinition
from complaintcode.editions import CODE_2022, CODE_2024
from complaintcode.errors import IncompleteLetter, InvalidRecord, ProvisionViolation
from complaintcode.findings import Finding
from complaintcode.letters import (
    MAX_SENTENCE_WORDS,
    MIN_READING_EASE,
    OMBUDSMAN_CONTACT,
    OMBUDSMAN_REFERRAL,
    OMBUDSMAN_RIGHT,
    Acknowledgement,
    DeclineNotice,
    EscalationRefusal,
    ExtensionNotice,
    Outcome,
    OutstandingAction,
    PointDecision,
    Stage1Response,
    Stage2Response,
    _textcheck,
    check_letter,
    check_text,
    reading_ease,
    render_letter,
)
from complaintcode.provisions import Provision, provision
from complaintcode.remedies import Remedy
from strategies import complete_responses, letter_texts

Response = Stage1Response | Stage2Response

LETTER = {1: provision("6.9"), 2: provision("6.19")}
ANSWER = {1: provision("6.7"), 2: provision("6.18")}
ESCALATE_TO_STAGE_2 = (
    "If you are not happy with this response, you can ask us to escalate your complaint "
    "to stage 2. Reply to this letter within 20 working days."
)


def _definition(**kw: Any) -> ComplaintDefinition:
    fields: dict[str, Any] = {
        "understanding": "Your kitchen tap has leaked since March and we missed two visits.",
        "points": ("the leaking kitchen tap", "the missed repair visits"),
        "outcomes_sought": ("repair the tap", "compensation for the missed visits"),
        "responsible_for": ("repairs to the tap",),
    }
    fields.update(kw)
    return ComplaintDefinition(**fields)


def _letter(stage: int, **kw: Any) -> Response:
    """A complete response at a stage; keywords replace its fields."""
    fields: dict[str, Any] = {
        "definition": _definition(),
        "decisions": (
            PointDecision(
                point="the leaking kitchen tap",
                decision=Outcome.UPHELD,
                reasons="We should have fixed the tap within 28 days. We did not.",
                references=("our Repairs Policy, section 4",),
            ),
            PointDecision(
                point="the missed repair visits",
                decision=Outcome.NOT_UPHELD,
                reasons="Our records show that you asked us to move both visits.",
            ),
        ),
        "remedies": (
            Remedy(kind="apology", what="We are sorry that the tap still leaks."),
            Remedy(
                kind="financial",
                what="We will pay you for the delay.",
                amount=Decimal(50),
                by_when=dt.date(2024, 7, 12),
            ),
        ),
        "outstanding_actions": (
            OutstandingAction(what="Replace the kitchen tap", due=dt.date(2024, 7, 5)),
        ),
        "reference": "C-2024-0153",
    }
    if stage == 1:
        fields["escalation"] = ESCALATE_TO_STAGE_2
    fields.update(kw)
    cls = Stage1Response if stage == 1 else Stage2Response
    return cls(**fields)


def _item(stage: int, item: str, message: str) -> Finding:
    return Finding(provision=LETTER[stage], item=item, message=message)


STAGES = pytest.mark.parametrize("stage", [1, 2])


# --- the types -------------------------------------------------------------------------


@STAGES
def test_complete_letter_has_no_findings(stage: int) -> None:
    """6.9 / 6.19: a letter with every item has no findings."""
    assert check_letter(_letter(stage)) == ()


def test_stage_is_the_type() -> None:
    """6.9(a) / 6.19(a): the stage is implied by the type."""
    assert Stage1Response.stage == 1
    assert Stage2Response.stage == 2


def test_stage_2_refers_to_the_ombudsman_by_default() -> None:
    """6.19(g): the default referral text names the Ombudsman and its contact details."""
    letter = _letter(2)
    assert letter.escalation == OMBUDSMAN_REFERRAL
    assert OMBUDSMAN_CONTACT in OMBUDSMAN_REFERRAL
    assert OMBUDSMAN_CONTACT in OMBUDSMAN_RIGHT


def test_ombudsman_contact_details() -> None:
    """6.5 / 6.16: the public contact details of the Housing Ombudsman Service."""
    for detail in ("www.housing-ombudsman.org.uk", "0300 111 3000", "PO Box 1484", "PR2 0ET"):
        assert detail in OMBUDSMAN_CONTACT


def test_outcome_of_the_complaint_as_a_whole() -> None:
    """6.9(c): the decision on the complaint follows the decisions on its points."""
    up = PointDecision(point="a", decision="upheld", reasons="r")
    part = PointDecision(point="b", decision="partly upheld", reasons="r")
    down = PointDecision(point="c", decision="not_upheld", reasons="r")
    assert _letter(1, decisions=(up,)).outcome is Outcome.UPHELD
    assert _letter(1, decisions=(down,)).outcome is Outcome.NOT_UPHELD
    assert _letter(1, decisions=(up, down)).outcome is Outcome.PARTLY_UPHELD
    assert _letter(1, decisions=(part,)).outcome is Outcome.PARTLY_UPHELD
    assert _letter(1, decisions=()).outcome is None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: PointDecision(point="a", decision="maybe", reasons="r"),
            "decision: unknown decision 'maybe' (known: 'upheld', 'partly upheld', 'not upheld')",
        ),
        (
            lambda: PointDecision(point=cast("Any", 1), decision="upheld", reasons="r"),
            "point: expected text, got int",
        ),
        (lambda: _letter(1, decisions=["x"]), "decisions[0]: expected a PointDecision, got str"),
        (
            lambda: _letter(1, decisions=None),
            "decisions: expected a tuple of a PointDecision, got NoneType",
        ),
        (lambda: _letter(1, remedies=("pay",)), "remedies[0]: expected a Remedy, got str"),
        (
            lambda: _letter(1, definition="tap"),
            "definition: expected a ComplaintDefinition, got str",
        ),
        (
            lambda: OutstandingAction(what="x", due=cast("Any", "soon")),
            "due: expected a datetime.date, not str",
        ),
        (
            lambda: Acknowledgement(
                stage=1, definition=_definition(), respond_by=cast("Any", "soon")
            ),
            "respond_by: expected a datetime.date, not str",
        ),
    ],
)
def test_bad_fields_are_refused(build: Any, message: str) -> None:
    with pytest.raises(InvalidRecord) as err:
        build()
    assert str(err.value) == message


def test_lists_become_tuples() -> None:
    letter = _letter(1, decisions=list(_letter(1).decisions), remedies=[])
    assert isinstance(letter.decisions, tuple)
    assert letter.remedies == ()


def test_a_third_stage_cannot_be_acknowledged() -> None:
    """5.3: there is no stage 3 to acknowledge."""
    with pytest.raises(ProvisionViolation) as err:
        Acknowledgement(stage=3, definition=_definition())
    assert err.value.provision.number == "5.3"


# --- one test per item of 6.9 and 6.19 -----------------------------------------------------


@STAGES
def test_item_b_definition(stage: int) -> None:
    """6.9(b) / 6.19(b): the letter sets out the complaint definition."""
    letter = _letter(stage, definition=_definition(understanding=" "))
    assert check_letter(letter) == (
        _item(
            stage,
            "b",
            "the letter does not set out the complaint definition "
            "(our understanding of the complaint)",
        ),
    )


@STAGES
def test_item_c_decision(stage: int) -> None:
    """6.9(c) / 6.19(c): the letter gives the decision on the complaint."""
    assert check_letter(_letter(stage, decisions=(), remedies=())) == (
        _item(stage, "c", "the letter gives no decision on the complaint"),
    )


@STAGES
def test_item_d_reasons(stage: int) -> None:
    """6.9(d) / 6.19(d): each decision has reasons."""
    first, second = _letter(stage).decisions
    letter = _letter(stage, decisions=(first, attrs.evolve(second, reasons="")))
    assert check_letter(letter) == (
        _item(
            stage,
            "d",
            "the letter gives no reasons for the decision on the point 'the missed repair visits'",
        ),
    )


@STAGES
def test_item_e_remedy(stage: int) -> None:
    """6.9(e) / 6.19(e): a complaint upheld in whole or part has a remedy offered."""
    assert check_letter(_letter(stage, remedies=())) == (
        _item(
            stage,
            "e",
            "the letter upholds the complaint in whole or in part "
            "but offers no remedy to put things right",
        ),
    )


@STAGES
def test_item_e_not_needed_when_nothing_went_wrong(stage: int) -> None:
    """6.9(e) / 6.19(e): a complaint not upheld needs no remedy."""
    decisions = tuple(
        attrs.evolve(d, decision=Outcome.NOT_UPHELD) for d in _letter(stage).decisions
    )
    assert check_letter(_letter(stage, decisions=decisions, remedies=())) == ()


@STAGES
def test_item_f_outstanding_action_date(stage: int) -> None:
    """6.9(f) / 6.19(f): each outstanding action has a date."""
    letter = _letter(stage, outstanding_actions=(OutstandingAction(what="Replace the tap"),))
    assert check_letter(letter) == (
        _item(stage, "f", "the outstanding action 'Replace the tap' has no date for completion"),
    )


@STAGES
def test_item_f_outstanding_action_what(stage: int) -> None:
    """6.9(f) / 6.19(f): each outstanding action says what will be done."""
    action = OutstandingAction(what="", due=dt.date(2024, 7, 5))
    assert check_letter(_letter(stage, outstanding_actions=(action,))) == (
        _item(stage, "f", "an outstanding action does not say what will be done"),
    )


def test_item_f_none_outstanding() -> None:
    """6.9(f): a letter with no outstanding actions is complete; the rendering says so."""
    letter = _letter(1, outstanding_actions=())
    assert check_letter(letter) == ()
    assert "There are no outstanding actions." in render_letter(letter)


def test_item_g_stage_1_escalation() -> None:
    """6.9(g): the stage 1 letter says how to escalate to stage 2."""
    assert check_letter(_letter(1, escalation="")) == (
        _item(1, "g", "the letter does not say how to escalate the complaint to stage 2"),
    )


def test_item_g_stage_1_must_offer_stage_2() -> None:
    """6.9(g): the escalation details mention stage 2 or escalating."""
    assert check_letter(_letter(1, escalation="Call us on 0123 456 789.")) == (
        _item(1, "g", "the letter's escalation details do not mention stage 2 or escalating"),
    )


@pytest.mark.parametrize(
    "text",
    ["Ask for stage 2.", "Ask for Stage Two.", "We will escalate it.", "Escalation: ring us."],
)
def test_item_g_stage_1_phrases(text: str) -> None:
    """6.9(g): 'stage 2', 'stage two' or 'escalat...' shows the route to stage 2."""
    assert check_letter(_letter(1, escalation=text)) == ()


def test_item_g_stage_2_ombudsman() -> None:
    """6.19(g): the stage 2 letter says how to take the complaint to the Ombudsman."""
    assert check_letter(_letter(2, escalation=" ")) == (
        _item(2, "g", "the letter does not say how to take the complaint to the Housing Ombudsman"),
    )


def test_item_g_stage_2_must_name_the_ombudsman() -> None:
    """6.19(g): the referral details mention the Ombudsman."""
    assert check_letter(_letter(2, escalation="Write to us again if you are unhappy.")) == (
        _item(2, "g", "the letter's referral details do not mention the Ombudsman"),
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("You can ask for a stage 3 review or go to the Ombudsman.", "stage 3"),
        ("Ask for Stage Three, or contact the Ombudsman.", "Stage Three"),
        ("A review panel can hear it; then the Ombudsman.", "review panel"),
        ("There is a further stage before the Ombudsman.", "further stage"),
        ("Ask for a third  stage, then the Ombudsman.", "third  stage"),
    ],
)
def test_stage_2_never_offers_a_further_stage(text: str, said: str) -> None:
    """5.3: the stage 2 response is final; offering a third stage is a finding."""
    assert check_letter(_letter(2, escalation=text)) == (
        Finding(
            provision=provision("5.3"),
            message="a stage 2 response is the final response and must not offer "
            f"a further stage ('{said}')",
        ),
    )


def test_stage_2_further_stage_in_the_reasons() -> None:
    """5.3: a further stage offered anywhere in the letter's own text is a finding."""
    first, second = _letter(2).decisions
    second = attrs.evolve(second, reasons="A review panel will look at this next.")
    (finding,) = check_letter(_letter(2, decisions=(first, second)))
    assert finding.code == "5.3"


# --- 6.7 / 6.18: every point answered ---------------------------------------------------------


@STAGES
def test_every_point_has_a_decision(stage: int) -> None:
    """6.7 / 6.18: a point of the definition without a decision is a finding."""
    first, _ = _letter(stage).decisions
    assert check_letter(_letter(stage, decisions=(first,))) == (
        Finding(
            provision=ANSWER[stage],
            message="the letter gives no decision on the point 'the missed repair visits'",
        ),
    )


@STAGES
def test_no_decision_outside_the_definition(stage: int) -> None:
    """6.7 / 6.18: a decision on a point not in the definition is a finding."""
    extra = PointDecision(point="the noisy lift", decision="not upheld", reasons="It works.")
    letter = _letter(stage, decisions=(*_letter(stage).decisions, extra))
    assert check_letter(letter) == (
        Finding(
            provision=ANSWER[stage],
            message="the letter decides a point that is not in the complaint definition: "
            "'the noisy lift'",
        ),
    )


@STAGES
def test_one_decision_per_point(stage: int) -> None:
    """6.7 / 6.18: two decisions on one point are a finding."""
    first, second = _letter(stage).decisions
    again = attrs.evolve(second, point="The  Missed repair visits")
    assert check_letter(_letter(stage, decisions=(first, second, again))) == (
        Finding(
            provision=ANSWER[stage],
            message="the letter gives more than one decision on the point "
            "'The  Missed repair visits'",
        ),
    )


def test_points_match_ignoring_case_and_spacing() -> None:
    """6.7: a decision matches its point whatever the case and spacing."""
    first, second = _letter(1).decisions
    letter = _letter(1, decisions=(first, attrs.evolve(second, point="THE MISSED  repair visits")))
    assert check_letter(letter) == ()


def test_definition_problems_are_included() -> None:
    """5.6: the definition's own gaps are findings on the letter."""
    letter = _letter(1, definition=_definition(outcomes_sought=()))
    assert check_letter(letter) == (
        Finding(
            provision=provision("5.6"),
            message="the complaint definition states no outcome sought and asks no clarification",
        ),
    )


def test_remedy_problems_are_included() -> None:
    """7.3: a remedy without a date is a finding on the letter."""
    fix = Remedy(kind="record_amended", what="We will correct your record.")
    (finding,) = check_letter(_letter(1, remedies=(fix,)))
    assert finding == Finding(
        provision=provision("7.3"), message="the remedy does not say by when it will happen"
    )


# --- the 2022 edition -------------------------------------------------------------------


def test_2022_stage_1_cites_5_8_without_item_letters() -> None:
    """5.8 (2022): the stage 1 list is unlettered, so the finding has no item."""
    assert check_letter(_letter(1, escalation=""), CODE_2022) == (
        Finding(
            provision=provision("5.8", 2022),
            message="the letter does not say how to escalate the complaint to stage 2",
        ),
    )


def test_2022_stage_1_list_has_no_definition() -> None:
    """5.8 (2022) lists no complaint definition: a blank one is a 4.2 (2022) finding only."""
    letter = _letter(1, definition=_definition(understanding=""))
    assert check_letter(letter, CODE_2022) == (
        Finding(
            provision=provision("4.2", 2022),
            message="the complaint definition does not set out our understanding of the complaint",
        ),
    )


def test_2022_stage_2_cites_5_16() -> None:
    """5.16 (2022): the stage 2 list includes the definition; its items are unlettered."""
    letter = _letter(2, definition=_definition(understanding=""))
    (finding,) = check_letter(letter, CODE_2022)
    assert (finding.provision, finding.item, finding.code) == (
        provision("5.16", 2022),
        None,
        "5.16",
    )


def test_2022_answer_points_stage_1_is_5_6() -> None:
    """5.6 (2022): address all points raised in the complaint."""
    first, _ = _letter(1).decisions
    (finding,) = check_letter(_letter(1, decisions=(first,)), CODE_2022)
    assert finding.provision == provision("5.6", 2022)


# --- acknowledgement (5.6, 5.7) -------------------------------------------------------------


def test_acknowledgement_complete() -> None:
    """5.6, 5.7: a definition with outcomes and responsibilities is a complete acknowledgement."""
    assert check_letter(Acknowledgement(stage=1, definition=_definition())) == ()


def test_acknowledgement_responsibility() -> None:
    """5.7: the acknowledgement says which aspects the landlord is and is not responsible for."""
    ack = Acknowledgement(stage=2, definition=_definition(responsible_for=()))
    assert check_letter(ack) == (
        Finding(
            provision=provision("5.7"),
            message="the acknowledgement does not say which aspects of the complaint "
            "we are, and are not, responsible for",
        ),
    )


def test_acknowledgement_not_responsible_is_enough() -> None:
    """5.7: saying only what the landlord is not responsible for meets 5.7."""
    d = _definition(responsible_for=(), not_responsible_for=("the gas supply",))
    assert check_letter(Acknowledgement(stage=1, definition=d)) == ()


def test_acknowledgement_definition() -> None:
    """5.6: the acknowledgement carries the definition's own findings."""
    d = _definition(understanding="", outcomes_sought=(), clarification_sought=("Which tap?",))
    assert check_letter(Acknowledgement(stage=1, definition=d)) == (
        Finding(
            provision=provision("5.6"),
            message="the complaint definition does not set out our understanding of the complaint",
        ),
    )


# --- extension notices (6.4, 6.5, 6.15, 6.16) ------------------------------------------------


def _notice(stage: int = 1, **kw: Any) -> ExtensionNotice:
    fields: dict[str, Any] = {
        "stage": stage,
        "reason": "We need a survey of the roof before we can answer.",
        "original_due": dt.date(2024, 7, 1),
        "new_date": dt.date(2024, 7, 15),
    }
    fields.update(kw)
    return ExtensionNotice(**fields)


EXTEND = {1: provision("6.4"), 2: provision("6.15")}
NOTICE = {1: provision("6.5"), 2: provision("6.16")}


@STAGES
def test_extension_complete(stage: int) -> None:
    """6.4 / 6.15: reason, new date within the limit and the Ombudsman's details."""
    assert check_letter(_notice(stage)) == ()


@STAGES
def test_extension_reason(stage: int) -> None:
    """6.4 / 6.15: the reason for the extension is given."""
    assert check_letter(_notice(stage, reason="")) == (
        Finding(
            provision=EXTEND[stage],
            message="the extension notice gives no reason for the extension",
        ),
    )


@STAGES
def test_extension_ombudsman_contact(stage: int) -> None:
    """6.5 / 6.16: the notice gives the Ombudsman's contact details."""
    assert check_letter(_notice(stage, ombudsman_contact=" ")) == (
        Finding(
            provision=NOTICE[stage],
            message="the extension notice does not give the Ombudsman's contact details",
        ),
    )


def test_extension_stage_1_limit() -> None:
    """6.4: ten working days from the original due date is the most without a good reason."""
    ten = dt.date(2024, 7, 15)
    assert england_and_wales().working_days_between(dt.date(2024, 7, 1), ten) == 10
    assert check_letter(_notice(1, new_date=ten)) == ()
    assert check_letter(_notice(1, new_date=dt.date(2024, 7, 16))) == (
        Finding(
            provision=EXTEND[1],
            message="the extension is 11 working days, more than the 10 allowed without a good "
            "reason, and no good reason is given",
        ),
    )


def test_extension_stage_2_limit() -> None:
    """6.15: twenty working days is the most without a good reason at stage 2."""
    assert check_letter(_notice(2, new_date=dt.date(2024, 7, 29))) == ()
    (finding,) = check_letter(_notice(2, new_date=dt.date(2024, 7, 30)))
    assert finding.provision == EXTEND[2]
    assert finding.message.startswith("the extension is 21 working days, more than the 20")


def test_extension_counts_bank_holidays_out() -> None:
    """6.4: the limit is in working days: the August bank holiday does not count."""
    notice = _notice(1, original_due=dt.date(2024, 8, 19), new_date=dt.date(2024, 9, 3))
    assert check_letter(notice) == ()


def test_extension_with_a_custom_calendar() -> None:
    """6.4: a landlord's closure days do not count towards the extension."""
    notice = _notice(1, new_date=dt.date(2024, 7, 16))
    closed = england_and_wales().with_closures([dt.date(2024, 7, 2)])
    assert check_letter(notice, calendar=closed) == ()


def test_extension_good_reason_allows_more() -> None:
    """6.4: a longer extension is allowed with a good reason, explained."""
    notice = _notice(1, new_date=dt.date(2024, 8, 30), good_reason="The survey needs scaffolding.")
    assert check_letter(notice) == ()


def test_extension_by_days_only() -> None:
    """6.4: an extension given in working days is checked against the limit."""
    assert check_letter(_notice(1, original_due=None, extension_days=10)) == ()
    (finding,) = check_letter(_notice(1, original_due=None, extension_days=12))
    assert finding.message.startswith("the extension is 12 working days")


def test_extension_days_must_agree_with_dates() -> None:
    """6.4: the stated length must match the dates."""
    assert check_letter(_notice(1, extension_days=9)) == (
        Finding(
            provision=EXTEND[1],
            message="the notice states 9 working days, but 2024-07-15 is 10 working days after "
            "the original due date 2024-07-01",
        ),
    )


def test_extension_sent_after_the_deadline() -> None:
    """6.4: the resident is told of the extension before the response falls due."""
    late = dt.date(2024, 7, 2)
    assert check_letter(_notice(1, sent_on=late)) == (
        Finding(
            provision=EXTEND[1],
            message="the extension notice was sent on 2024-07-02, after the original due date "
            "2024-07-01",
            on=late,
            due=dt.date(2024, 7, 1),
        ),
    )


def test_extension_2022_limits_and_citations() -> None:
    """5.13, 5.15 (2022): ten working days at stage 2, and the 2022 numbers."""
    notice = _notice(2, new_date=dt.date(2024, 7, 16), ombudsman_contact="")
    assert [f.code for f in check_letter(notice, CODE_2022)] == ["5.13", "5.15"]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"original_due": None},
            (
                "original_due: give the original due date or the length of the extension in "
                "working days"
            ),
        ),
        (
            {"new_date": dt.date(2024, 7, 1)},
            "new_date: the new date 2024-07-01 must be after the original due date 2024-07-01",
        ),
        (
            {"extension_days": 0},
            "extension_days: expected a whole number of working days of 1 or more, got 0",
        ),
        (
            {"extension_days": 2.5},
            "extension_days: expected a whole number of working days of 1 or more, got 2.5",
        ),
    ],
)
def test_extension_bad_fields(kw: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRecord) as err:
        _notice(1, **kw)
    assert str(err.value) == message


def test_check_refuses_a_bad_calendar() -> None:
    with pytest.raises(InvalidRecord) as err:
        check_letter(_notice(1), calendar="england")  # type: ignore[arg-type]
    assert str(err.value) == "calendar: expected a WorkingCalendar, got str"


# --- decline and refusal (2.1, 2.4, 5.11) ----------------------------------------------------


GROUND = "Legal proceedings about the damp have started."


def test_decline_complete() -> None:
    """2.4: reasons, a ground and the right to go to the Ombudsman."""
    assert (
        check_letter(DeclineNotice(reasons="The matter is before the court.", grounds=GROUND)) == ()
    )


def test_decline_reasons() -> None:
    """2.4: the notice gives the reasons."""
    assert check_letter(DeclineNotice(reasons="", grounds=(GROUND,))) == (
        Finding(
            provision=provision("2.4"),
            message="the notice gives no reasons for not accepting the complaint",
        ),
    )


def test_decline_ombudsman_right() -> None:
    """2.4: the notice gives the right to take the decision to the Ombudsman."""
    notice = DeclineNotice(reasons="In court.", grounds=(GROUND,), ombudsman_right="")
    assert check_letter(notice) == (
        Finding(
            provision=provision("2.4"),
            message="the notice does not tell the resident of their right to take the "
            "decision to the Ombudsman",
        ),
    )


def test_decline_ground() -> None:
    """2.1: a complaint is accepted unless there is a valid reason: a ground is named."""
    assert check_letter(DeclineNotice(reasons="In court.")) == (
        Finding(
            provision=provision("2.1"),
            message="the notice names no ground for not accepting the complaint",
        ),
    )


def test_decline_2022_cites_1_9() -> None:
    """1.9 (2022): the decline notice provision of the 2022 edition."""
    (finding,) = check_letter(DeclineNotice(reasons="", grounds=(GROUND,)), CODE_2022)
    assert finding.provision == provision("1.9", 2022)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"reasons": ""}, "the refusal gives no reasons for not escalating the complaint"),
        (
            {"ombudsman_right": ""},
            (
                "the refusal does not tell the resident of their right to take the decision to "
                "the Ombudsman"
            ),
        ),
        ({"grounds": ()}, "the refusal names no exclusion ground for refusing to escalate"),
    ],
)
def test_refusal_items(kw: dict[str, Any], message: str) -> None:
    """5.11: a refusal to escalate gives reasons, a section 2 ground and the Ombudsman right."""
    fields: dict[str, Any] = {"reasons": "We answered this before.", "grounds": (GROUND,)}
    fields.update(kw)
    assert check_letter(EscalationRefusal(**fields)) == (
        Finding(provision=provision("5.11"), message=message),
    )


def test_from_decision_duck_typed() -> None:
    """2.4: the notice carries the decision's reasons and each ground with its provision."""
    decision = SimpleNamespace(
        reasons="Your claim is before the county court.",
        grounds=(
            SimpleNamespace(reason="Legal proceedings have started.", provision=provision("2.2")),
            SimpleNamespace(reason="2.2: a claim was filed", provision=provision("2.2")),
            SimpleNamespace(reason="No provision here.", provision=None),
        ),
    )
    notice = DeclineNotice.from_decision(decision, ombudsman_right="Ask the Ombudsman.")
    assert notice == DeclineNotice(
        reasons="Your claim is before the county court.",
        grounds=(
            "Legal proceedings have started. (Complaint Handling Code 2.2)",
            "2.2: a claim was filed",
            "No provision here.",
        ),
        ombudsman_right="Ask the Ombudsman.",
    )


def test_from_decision_refuses_other_shapes() -> None:
    with pytest.raises(InvalidRecord) as err:
        DeclineNotice.from_decision(object())  # type: ignore[arg-type]
    assert str(err.value) == (
        "decision: expected a decision with .reasons (text) and .grounds, got object"
    )
    bad = SimpleNamespace(reasons="r", grounds=[SimpleNamespace(reason=1, provision="2.2")])
    with pytest.raises(InvalidRecord) as err:
        EscalationRefusal.from_decision(bad)
    assert str(err.value) == "grounds[0]: expected a ground with .reason text"


def test_from_decision_checks_the_kind() -> None:
    """5.11: a refusal to escalate makes an EscalationRefusal, not a DeclineNotice."""
    refusing = SimpleNamespace(reasons="r", grounds=[], refusing_escalation=True)
    with pytest.raises(InvalidRecord) as err:
        DeclineNotice.from_decision(refusing)
    assert (
        str(err.value)
        == "decision: the decision refuses escalation: build a EscalationRefusal from it"
    )
    assert EscalationRefusal.from_decision(refusing).reasons == "r"
    declining = SimpleNamespace(reasons="r", grounds=[], refusing_escalation=False)
    with pytest.raises(InvalidRecord):
        EscalationRefusal.from_decision(declining)


def test_from_decision_with_an_exclusion_decision() -> None:
    """2.4: a notice built from complaintcode.exclusions' decision is complete."""
    exclusions = pytest.importorskip("complaintcode.exclusions")
    facts = exclusions.ExclusionFacts(
        received=dt.date(2025, 6, 2),
        issue_occurred=dt.date(2025, 1, 6),
        claim_filed_at_court=dt.date(2025, 5, 1),
    )
    decision = exclusions.decide(
        exclusions.assess(facts),
        grounds=["legal_proceedings"],
        decided_by="A. Jones",
        reasons="Your claim about the damp is now before the county court.",
    )
    notice = DeclineNotice.from_decision(decision)
    assert notice.reasons == "Your claim about the damp is now before the county court."
    assert notice.grounds == tuple(g.reason for g in decision.grounds)
    assert check_letter(notice) == ()


# --- check: bad input --------------------------------------------------------------------


def test_check_refuses_what_is_not_a_letter() -> None:
    with pytest.raises(InvalidRecord) as err:
        check_letter("Dear resident")  # type: ignore[arg-type]
    assert str(err.value) == "letter: expected a letter, got str"
    with pytest.raises(InvalidRecord) as err:
        check_letter(_letter(1), edition=2024)  # type: ignore[arg-type]
    assert str(err.value) == "edition: expected an Edition, got int"


# --- render ------------------------------------------------------------------------------

SECTIONS = (
    "Your complaint (stage {n})",
    "What we understand your complaint to be",
    "Our decision",
    "Why we decided this",
    "Putting things right",
    "What happens next",
    "If you are not satisfied",
)


@STAGES
def test_render_sections_in_order(stage: int) -> None:
    """6.9 / 6.19: the rendering has the documented headings in the documented order."""
    text = render_letter(_letter(stage), "markdown")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [s.format(n=stage) for s in SECTIONS]


@STAGES
def test_render_states_the_stage(stage: int) -> None:
    """6.9(a) / 6.19(a): the rendered letter states the stage."""
    text = render_letter(_letter(stage), width=None)
    assert f"This is our stage {stage} response to your complaint." in text
    assert ("It is our final response." in text) is (stage == 2)


def test_render_text_golden() -> None:
    """6.9: the full text of a stage 1 response."""
    assert render_letter(_letter(1), width=None).splitlines()[:12] == [
        "Your complaint (stage 1)",
        "------------------------",
        "",
        "This is our stage 1 response to your complaint. Our reference is C-2024-0153.",
        "",
        "What we understand your complaint to be",
        "---------------------------------------",
        "",
        "Your kitchen tap has leaked since March and we missed two visits.",
        "",
        "The points of your complaint are:",
        "",
    ]
    text = render_letter(_letter(1))
    assert "- Financial remedy: We will pay you for the delay. (£50.00, by 12 July\n  2024)" in text
    assert "- Replace the kitchen tap (by 5 July 2024)" in text
    assert "We relied on: our Repairs Policy, section 4." in text
    assert "We uphold part of your complaint." in text
    assert all(len(line) <= 72 for line in text.splitlines())


def test_render_no_remedy_text() -> None:
    """6.9(e): a letter that upholds nothing says no remedy is offered."""
    decisions = tuple(attrs.evolve(d, decision="not upheld") for d in _letter(1).decisions)
    text = render_letter(_letter(1, decisions=decisions, remedies=()))
    assert "We did not find that anything went wrong, so we offer no remedy." in text
    assert "We do not uphold your complaint." in text


def test_render_refuses_an_incomplete_letter() -> None:
    """6.9(g): an incomplete letter is not rendered; the error lists the findings."""
    with pytest.raises(IncompleteLetter) as err:
        render_letter(_letter(1, escalation=""))
    assert err.value.findings == (
        _item(1, "g", "the letter does not say how to escalate the complaint to stage 2"),
    )
    assert str(err.value) == (
        "the letter is incomplete: 6.9(g): the letter does not say how to escalate the "
        "complaint to stage 2"
    )


def test_render_refuses_bad_options() -> None:
    with pytest.raises(InvalidRecord) as err:
        render_letter(_letter(1), "html")  # type: ignore[arg-type]
    assert str(err.value) == "format: unknown format 'html' (known: 'text', 'markdown')"
    with pytest.raises(InvalidRecord) as err:
        render_letter(_letter(1), width=5)
    assert str(err.value) == "width: expected a width of 20 or more, or None, got 5"


def test_render_acknowledgement() -> None:
    """5.6, 5.7: the acknowledgement shows the definition, responsibilities and questions."""
    d = _definition(clarification_sought=("Which tap leaks?",), not_responsible_for=("the gas",))
    ack = Acknowledgement(stage=1, definition=d, respond_by=dt.date(2024, 7, 1), reference="C-1")
    text = render_letter(ack, "markdown")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "Your complaint (stage 1)",
        "What we understand your complaint to be",
        "What we are responsible for",
        "What we need from you",
        "What happens next",
    ]
    for part in ("- Which tap leaks?", "- the gas", "by 1 July 2024.", "Our reference is C-1."):
        assert part in text
    stage_2 = render_letter(Acknowledgement(stage=2, definition=_definition()), width=None)
    assert "to stage 2 of our complaints process" in stage_2
    assert "within the time our policy sets" in stage_2


def test_render_extension() -> None:
    """6.4, 6.5: the notice shows the reason, the new date and the Ombudsman's details."""
    notice = _notice(1, extension_days=10, good_reason="")
    text = render_letter(notice, "markdown")
    assert "We will now send our response by 15 July 2024. It was due by 1 July 2024. " in text
    assert "This adds 10 working days." in text
    assert OMBUDSMAN_CONTACT in text
    over = _notice(1, new_date=dt.date(2024, 8, 30), good_reason="Scaffolding is needed.")
    assert "Scaffolding is needed." in render_letter(over)


def test_render_decline_and_refusal() -> None:
    """2.4, 5.11: the notices show the reasons, the grounds and the Ombudsman right."""
    decline = render_letter(DeclineNotice(reasons="It is in court.", grounds=(GROUND,)), "markdown")
    assert "We have decided not to accept your complaint" in decline
    assert f"- {GROUND}" in decline
    assert OMBUDSMAN_RIGHT in decline
    refusal = render_letter(EscalationRefusal(reasons="Answered before.", grounds=(GROUND,)))
    assert refusal.startswith("Your complaint (stage 2)\n")
    assert "not to take your complaint to stage 2" in refusal


# --- check_text ------------------------------------------------------------------------------


@STAGES
def test_check_text_of_a_rendered_letter_is_clean(stage: int) -> None:
    """6.9 / 6.19: the library's own rendering shows every item, in plain language."""
    assert check_text(stage, render_letter(_letter(stage))) == ()
    assert check_text(stage, render_letter(_letter(stage), "markdown")) == ()


ITEM_HEADINGS = {
    "b": "What we understand your complaint to be",
    "c": "Our decision",
    "d": "Why we decided this",
    "e": "Putting things right",
    "f": "What happens next",
}


def _stage_1_text(drop: str = "") -> str:
    parts = {
        "a": "This is our stage 1 response.",
        "b": "We understand that your tap leaks.",
        "c": "Our decision is that we uphold your complaint.",
        "d": "This is because the repair was late.",
        "e": "We are sorry, and we will pay you 50 pounds.",
        "f": "What happens next: we will fix the tap by Friday.",
        "g": "If you are not happy, ask us to escalate it.",
    }
    return "\n\n".join(text for item, text in parts.items() if item != drop)


def test_check_text_complete() -> None:
    assert check_text(1, _stage_1_text()) == ()


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("a", "could not find the complaint stage (looked for: 'stage 1', 'stage one')"),
        (
            "b",
            (
                "could not find the complaint definition (looked for: 'what we understand your "
                "complaint to be', 'we understand', 'your complaint is about', 'complaint "
                "definition', 'you complained', 'you told us', 'you said')"
            ),
        ),
        (
            "c",
            (
                "could not find the decision on the complaint (looked for: 'our decision', 'we have "
                "decided', 'we decided', 'uphold', 'upheld')"
            ),
        ),
        (
            "d",
            (
                "could not find the reasons for the decision (looked for: 'why we decided', "
                "'because', 'reason')"
            ),
        ),
        (
            "e",
            (
                "could not find the remedy offered (looked for: 'putting things right', 'put things "
                "right', 'remedy', 'remedies', 'apolog', 'compensation', 'sorry')"
            ),
        ),
        (
            "f",
            (
                "could not find the outstanding actions (looked for: 'what happens next', "
                "'outstanding', 'next steps', 'no further action', 'still to be done')"
            ),
        ),
        (
            "g",
            (
                "could not find how to escalate the complaint to stage 2 (looked for: 'stage 2', "
                "'stage two', 'escalat')"
            ),
        ),
    ],
)
def test_check_text_each_item(item: str, message: str) -> None:
    """6.9(a)-(g): a letter without an item's phrases draws a warning for that item."""
    assert check_text(1, _stage_1_text(drop=item)) == (
        Finding(provision=LETTER[1], item=item, message=message, severity="warning"),
    )


def test_check_text_stage_2() -> None:
    """6.19(a), 6.19(g): stage 2 looks for 'stage 2' or 'final response', and 'Ombudsman'."""
    text = render_letter(_letter(2))
    without = re.sub("ombudsman", "regulator", text, flags=re.IGNORECASE)
    assert check_text(2, without) == (
        Finding(
            provision=LETTER[2],
            item="g",
            message="could not find how to take the complaint to the Ombudsman "
            "(looked for: 'ombudsman')",
            severity="warning",
        ),
    )
    final = "This is our final response. " + _stage_1_text(drop="a").replace("escalate", "refer")
    assert [f.code for f in check_text(2, final)] == ["6.19(g)"]


def test_check_text_stage_1_does_not_match_stage_10() -> None:
    """6.9(a): 'stage 10' is not 'stage 1'."""
    text = _stage_1_text(drop="a") + " See stage 10 of the guide."
    assert [f.code for f in check_text(1, text)] == ["6.9(a)"]


def test_check_text_further_stage() -> None:
    """5.3: a stage 2 letter offering a third stage draws a warning."""
    text = render_letter(_letter(2)) + "\nYou may ask for a review panel.\n"
    assert check_text(2, text) == (
        Finding(
            provision=provision("5.3"),
            message="the letter seems to offer a further stage after the final response "
            "('review panel')",
            severity="warning",
        ),
    )


def test_check_text_2022_stage_1() -> None:
    """5.8 (2022): no definition item; warnings cite 5.8 without an item."""
    found = check_text(1, _stage_1_text(drop="b").replace("escalate", "refer"), CODE_2022)
    assert [(f.code, f.severity) for f in found] == [("5.8", "warning")]


def test_check_text_long_sentence() -> None:
    """6.9: a sentence over the word limit draws a plain-language warning."""
    long = " ".join(["we"] * (MAX_SENTENCE_WORDS + 1)) + "."
    found = check_text(1, _stage_1_text() + "\n\n" + long)
    assert found == (
        Finding(
            provision=LETTER[1],
            message=f"a sentence has {MAX_SENTENCE_WORDS + 1} words, more than "
            f"{MAX_SENTENCE_WORDS}: 'we we we we we we we we ...'",
            severity="warning",
        ),
    )
    exactly = " ".join(["we"] * MAX_SENTENCE_WORDS) + "."
    assert check_text(1, _stage_1_text() + "\n\n" + exactly) == ()


def test_check_text_low_reading_ease() -> None:
    """6.9: hard words lower the reading ease score below the threshold."""
    hard = (
        "Notwithstanding organisational considerations, our investigation necessitated "
        "comprehensive consultation. Additionally, administrative responsibilities "
        "necessitate further deliberation."
    )
    text = _stage_1_text() + "\n\n" + hard
    score = reading_ease(text)
    assert score < MIN_READING_EASE
    assert check_text(1, text) == (
        Finding(
            provision=LETTER[1],
            message=f"the reading ease score is {score:.1f}, below 60: use shorter sentences "
            "and shorter words",
            severity="warning",
        ),
    )


def test_check_text_empty() -> None:
    """6.9: an empty text lacks every item and has nothing to score."""
    assert [f.item for f in check_text(1, "")] == list("abcdefg")


def test_check_text_bad_input() -> None:
    with pytest.raises(InvalidRecord) as err:
        check_text(1, b"letter")  # type: ignore[arg-type]
    assert str(err.value) == "text: expected text, got bytes"
    with pytest.raises(ProvisionViolation) as perr:
        check_text(3, "letter")
    assert perr.value.provision.number == "5.3"
    with pytest.raises(InvalidRecord) as err:
        check_text(1, "letter", edition="2024")  # type: ignore[arg-type]
    assert str(err.value) == "edition: expected an Edition, got str"


# --- reading ease --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("tap", 1),
        ("repair", 2),
        ("make", 1),
        ("table", 2),
        ("free", 1),
        ("the", 1),
        ("ombudsman", 3),
        ("investigation", 5),
        ("0300", 1),
        ("you", 1),
        ("rhythm", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert _textcheck.syllables(word) == count


def test_reading_ease_formula() -> None:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    # 8 words, 2 sentences, 9 syllables.
    expected = 206.835 - 1.015 * (8 / 2) - 84.6 * (9 / 8)
    assert reading_ease("We will fix the tap. We are sorry.") == pytest.approx(expected)


def test_sentences_split_on_blocks_and_stops() -> None:
    text = (
        "Our decision\n------------\n\nWe uphold it. We are sorry!\n- fix the tap\n  soon\n## Next"
    )
    assert _textcheck.sentences(text) == [
        "Our decision",
        "We uphold it.",
        "We are sorry!",
        "fix the tap soon",
        "Next",
    ]


def test_reading_ease_refuses_no_words() -> None:
    with pytest.raises(InvalidRecord) as err:
        reading_ease(" -- ")
    assert str(err.value) == "text: the text has no words to score"
    with pytest.raises(InvalidRecord) as err:
        reading_ease(None)  # type: ignore[arg-type]
    assert str(err.value) == "text: expected text, got NoneType"


# --- properties ------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


@given(st.sampled_from([1, 2]).flatmap(complete_responses))
def test_any_complete_letter_has_no_findings(letter: Response) -> None:
    """6.9 / 6.19: a letter with every item has no findings, and renders them all."""
    assert check_letter(letter) == ()
    for fmt in ("text", "markdown"):
        text = _flat(render_letter(letter, fmt))
        n = int(letter.stage)
        assert f"Your complaint (stage {n})" in text
        d = letter.definition
        texts = [d.understanding, *d.points, *d.outcomes_sought, *d.responsible_for]
        texts += [x for p in letter.decisions for x in (p.reasons, *p.references)]
        texts += [r.what for r in letter.remedies]
        texts += [a.what for a in letter.outstanding_actions]
        texts.append(letter.escalation)
        for part in texts:
            assert _flat(part) in text


@given(st.sampled_from([1, 2]).flatmap(complete_responses))
def test_rendered_complete_letter_shows_every_item(letter: Response) -> None:
    """6.9 / 6.19: check_text finds every item in the library's own rendering."""
    found = check_text(letter.stage, render_letter(letter))
    assert [f for f in found if f.item is not None or f.code == "5.3"] == []


def _remove(letter: Response, items: frozenset[str]) -> Response:
    """Remove the given items (b to g) from a complete letter."""
    d = letter.definition
    decisions = letter.decisions
    remedies = letter.remedies
    actions = letter.outstanding_actions
    if "e" in items:
        remedies = ()
        decisions = (attrs.evolve(decisions[0], decision=Outcome.UPHELD), *decisions[1:])
    if "d" in items:
        decisions = tuple(attrs.evolve(x, reasons=" ") for x in decisions)
    if "c" in items:
        decisions = ()
    if "f" in items:
        actions = tuple(attrs.evolve(a, due=None) for a in actions) or (
            OutstandingAction(what="replace the tap"),
        )
    return attrs.evolve(
        letter,
        definition=attrs.evolve(d, understanding="") if "b" in items else d,
        decisions=decisions,
        remedies=remedies,
        outstanding_actions=actions,
        escalation="" if "g" in items else letter.escalation,
    )


def _expected(stage: int, removed: Response, items: frozenset[str]) -> tuple[Finding, ...]:
    """The findings the spec gives for the removed items, in the letter's order."""
    p: Provision = LETTER[stage]
    out: list[Finding] = []
    if "b" in items:
        out.append(
            Finding(
                provision=p,
                item="b",
                message="the letter does not set out the complaint definition "
                "(our understanding of the complaint)",
            )
        )
    if "c" in items:
        out.append(
            Finding(provision=p, item="c", message="the letter gives no decision on the complaint")
        )
    elif "d" in items:
        out += [
            Finding(
                provision=p,
                item="d",
                message=f"the letter gives no reasons for the decision on the point '{x.point}'",
            )
            for x in removed.decisions
        ]
    if "e" in items and "c" not in items:
        out.append(
            Finding(
                provision=p,
                item="e",
                message="the letter upholds the complaint in whole or in part but offers no "
                "remedy to put things right",
            )
        )
    if "f" in items:
        out += [
            Finding(
                provision=p,
                item="f",
                message=f"the outstanding action '{a.what}' has no date for completion",
            )
            for a in removed.outstanding_actions
        ]
    if "g" in items:
        message = (
            "the letter does not say how to escalate the complaint to stage 2"
            if stage == 1
            else "the letter does not say how to take the complaint to the Housing Ombudsman"
        )
        out.append(Finding(provision=p, item="g", message=message))
    return tuple(out)


@given(
    st.sampled_from([1, 2]).flatmap(complete_responses),
    st.frozensets(st.sampled_from("bcdefg")),
)
def test_missing_items_yield_exactly_their_findings(
    letter: Response, items: frozenset[str]
) -> None:
    """6.9 / 6.19: removing any set of items yields exactly the findings for those items."""
    removed = _remove(letter, items)
    expected = _expected(int(letter.stage), removed, items)
    assert check_letter(removed) == expected
    if expected:
        with pytest.raises(IncompleteLetter) as err:
            render_letter(removed)
        assert err.value.findings == expected


@given(letter_texts, st.integers(min_value=1, max_value=40), st.sampled_from([1, 2]))
def test_extension_limit_property(reason: str, days: int, stage: int) -> None:
    """6.4 / 6.15: an extension is a finding exactly when it passes the edition's limit."""
    cal = england_and_wales()
    due = dt.date(2024, 9, 2)
    notice = ExtensionNotice(
        stage=stage, reason=reason, original_due=due, new_date=cal.add_working_days(due, days)
    )
    limit = CODE_2024.timescales(notice.stage).extension_limit
    assert [f.code for f in check_letter(notice)] == (
        [EXTEND[stage].number] if days > limit else []
    )


def test_phrase_lists_are_lower_case() -> None:
    """The documented phrases are matched case-insensitively and written in lower case."""
    for items in _textcheck.PHRASES.values():
        for phrases in items.values():
            assert all(p == p.lower() and re.search(r"\w", p) for p in phrases)


# --- properties of the notices: each required part missing gives exactly its finding ------

_NOTICE_FINDINGS = {
    DeclineNotice: {
        "reasons": ("2.4", "the notice gives no reasons for not accepting the complaint"),
        "ombudsman_right": (
            "2.4",
            (
                "the notice does not tell the resident of their right to take the decision to "
                "the Ombudsman"
            ),
        ),
        "grounds": ("2.1", "the notice names no ground for not accepting the complaint"),
    },
    EscalationRefusal: {
        "reasons": ("5.11", "the refusal gives no reasons for not escalating the complaint"),
        "ombudsman_right": (
            "5.11",
            (
                "the refusal does not tell the resident of their right to take the decision to "
                "the Ombudsman"
            ),
        ),
        "grounds": ("5.11", "the refusal names no exclusion ground for refusing to escalate"),
    },
}


@given(
    st.sampled_from([DeclineNotice, EscalationRefusal]),
    letter_texts,
    st.lists(letter_texts, min_size=1, max_size=3),
    st.frozensets(st.sampled_from(["reasons", "ombudsman_right", "grounds"])),
    st.sampled_from(["", " ", "\n\t"]),
)
def test_a_notice_lacks_exactly_what_was_left_out(
    kind: type[DeclineNotice | EscalationRefusal],
    reasons: str,
    grounds: list[str],
    removed: frozenset[str],
    blank: str,
) -> None:
    """2.1, 2.4, 5.11: a complete notice has no findings; each part left blank, its own."""
    fields: dict[str, Any] = {
        "reasons": reasons,
        "ombudsman_right": OMBUDSMAN_RIGHT,
        "grounds": tuple(grounds),
    }
    for name in removed:
        fields[name] = (blank,) if name == "grounds" else blank
    letter = kind(**fields)
    expected = [finding for name, finding in _NOTICE_FINDINGS[kind].items() if name in removed]
    assert [(f.code, f.message) for f in check_letter(letter)] == expected


@given(
    st.sampled_from([1, 2]),
    letter_texts,
    st.integers(min_value=1, max_value=10),
    st.frozensets(st.sampled_from(["reason", "ombudsman_contact"])),
)
def test_an_extension_notice_lacks_exactly_what_was_left_out(
    stage: int, reason: str, days: int, removed: frozenset[str]
) -> None:
    """6.4, 6.5 / 6.15, 6.16: within the limit, only a blank reason or contact is a finding."""
    due = dt.date(2024, 9, 2)
    notice = ExtensionNotice(
        stage=stage,
        reason="" if "reason" in removed else reason,
        original_due=due,
        new_date=england_and_wales().add_working_days(due, days),
        ombudsman_contact="" if "ombudsman_contact" in removed else OMBUDSMAN_CONTACT,
    )
    extend, contact = {1: ("6.4", "6.5"), 2: ("6.15", "6.16")}[stage]
    expected = []
    if "reason" in removed:
        expected.append((extend, "the extension notice gives no reason for the extension"))
    if "ombudsman_contact" in removed:
        expected.append(
            (contact, "the extension notice does not give the Ombudsman's contact details")
        )
    assert [(f.code, f.message) for f in check_letter(notice)] == expected


def test_an_extension_notice_contact_must_name_the_ombudsman() -> None:
    """6.5: contact details that do not name the Ombudsman are not the Ombudsman's details."""
    due = dt.date(2024, 9, 2)
    notice = ExtensionNotice(
        stage=1,
        reason="A survey is needed.",
        original_due=due,
        new_date=england_and_wales().add_working_days(due, 5),
        ombudsman_contact="Ask us for details.",
    )
    assert [str(f) for f in check_letter(notice)] == [
        (
            "6.5: the extension notice does not give the Ombudsman's contact details "
            "('Ask us for details.' does not name the Ombudsman)"
        )
    ]


# --- the 2022 edition judges its own letters ---------------------------------------------------


def test_2022_acknowledgement_owes_no_statement_of_responsibility() -> None:
    """5.7 (2024) has no 2022 counterpart: a 2022 acknowledgement is not held to it."""
    ack = Acknowledgement(stage=1, definition=_definition(responsible_for=()))
    assert check_letter(ack, CODE_2022) == ()
    assert [f.code for f in check_letter(ack, CODE_2024)] == ["5.7"]


def test_2022_stage_2_letter_may_offer_a_third_stage() -> None:
    """5.3 (2024) has no 2022 counterpart: the 2022 edition allowed a justified third stage
    (its 5.17), so offering one is not a finding."""
    letter = _letter(2, escalation="You can ask for a stage 3 review or go to the Ombudsman.")
    assert check_letter(letter, CODE_2022) == ()
    assert [f.code for f in check_letter(letter, CODE_2024)] == ["5.3"]


def test_2022_extension_notice_findings_are_warnings() -> None:
    """5.1 and 5.3 (2022) are "should"s for an extension: its notice's gaps are warnings."""
    notice = _notice(1, reason=" ", ombudsman_contact="")
    found = check_letter(notice, CODE_2022)
    assert [(f.code, f.provision.edition, f.severity) for f in found] == [
        ("5.1", 2022, "warning"),
        ("5.3", 2022, "warning"),
    ]
    assert [(f.code, f.severity) for f in check_letter(notice, CODE_2024)] == [
        ("6.4", "breach"),
        ("6.5", "breach"),
    ]
