"""The complaint record: verbs, questions, audit findings and JSON, with their provisions."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given

from complaintcode import (
    JSON_FORMAT,
    Acknowledged,
    ActionNotAllowed,
    Complaint,
    ComplaintDefinition,
    EscalationRequested,
    Extended,
    ExtensionNotice,
    IncompleteLetter,
    InvalidRecord,
    PointDecision,
    ProvisionViolation,
    Received,
    ReferredToOmbudsman,
    Remedy,
    RemedyKind,
    Responded,
    Stage,
    Stage1Response,
    Stage2Response,
    england_and_wales,
)
from complaintcode.complaint.events import Declined
from complaintcode.exclusions import ExclusionDecision, ExclusionFacts, assess, decide
from strategies import complaints

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March and two repair visits were missed.",
    points=("the leaking tap", "the missed visits"),
    outcomes_sought=("repair the tap", "an apology"),
    responsible_for=("repairs in the home",),
)


def received() -> Complaint:
    # Friday 3 May 2024; Monday 6 May 2024 is a bank holiday.
    return Complaint.receive("C-1", received=D(2024, 5, 3), channel="phone")


def at_stage_1() -> Complaint:
    return received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)


def answered() -> Complaint:
    return at_stage_1().respond(D(2024, 5, 20))


def at_stage_2() -> Complaint:
    return (
        answered()
        .request_escalation(D(2024, 6, 3))
        .acknowledge(D(2024, 6, 5), "B. Osei", DEFINITION)
    )


def strs(items: tuple[object, ...]) -> list[str]:
    return [str(i) for i in items]


class TestTheDocsExample:
    def test_acknowledgement_due_13_may(self) -> None:
        """6.2: acknowledge within 5 working days of receipt (6 May bank holiday skipped)."""
        assert strs(received().due(D(2024, 5, 3)))[0] == "6.2: acknowledge at stage 1 by 2024-05-13"

    def test_response_due_21_may(self) -> None:
        """6.3: respond within 10 working days of the acknowledgement."""
        assert strs(at_stage_1().due(D(2024, 5, 7))) == ["6.3: respond at stage 1 by 2024-05-21"]

    def test_same_handler_at_stage_2_is_refused(self) -> None:
        """6.13: the stage 2 handler must differ from stage 1's."""
        c = answered().request_escalation(D(2024, 6, 3))
        with pytest.raises(ProvisionViolation) as info:
            c.acknowledge(D(2024, 6, 4), "a. khan", DEFINITION)
        assert info.value.provision.number == "6.13"
        assert str(info.value) == (
            "6.13: the stage 2 handler must differ from the stage 1 handler "
            "('a. khan' handled stage 1, recorded as 'A. Khan')"
        )

    def test_escalating_after_the_final_response_is_refused(self) -> None:
        """5.3: no third stage."""
        final = at_stage_2().respond(D(2024, 6, 20))
        with pytest.raises(ProvisionViolation) as info:
            final.request_escalation(D(2024, 6, 21))
        assert info.value.provision.number == "5.3"


class TestVerbs:
    def test_escalation_needs_no_reason(self) -> None:
        """6.12: the resident owes no reason for escalating."""
        c = answered().request_escalation(D(2024, 6, 3))
        assert c.status == "escalation_requested"
        assert c.stage is Stage.TWO

    def test_stage_2_deadlines(self) -> None:
        """6.11 and 6.14: acknowledge in 5, respond in 20 working days of the acknowledgement."""
        c = answered().request_escalation(D(2024, 6, 3))
        assert strs(c.due(D(2024, 6, 3))) == [
            "6.11: acknowledge at stage 2 by 2024-06-10",
            "6.14: respond at stage 2 by 2024-07-08",
        ]
        assert strs(at_stage_2().due(D(2024, 6, 5))) == ["6.14: respond at stage 2 by 2024-07-03"]

    def test_incomplete_definition_is_refused(self) -> None:
        """5.6: the acknowledgement sets out our understanding and the outcomes sought."""
        bad = ComplaintDefinition(understanding="", points=("tap",), outcomes_sought=("fix",))
        with pytest.raises(ProvisionViolation) as info:
            received().acknowledge(D(2024, 5, 7), "A. Khan", bad)
        assert str(info.value) == (
            "5.6: the complaint definition does not set out our understanding of the complaint"
        )

    def test_dates_must_not_run_backwards(self) -> None:
        with pytest.raises(InvalidRecord) as info:
            received().acknowledge(D(2024, 5, 2), "A. Khan", DEFINITION)
        assert str(info.value) == (
            "on: 2024-05-02 is before the previous event (2024-05-03): dates must not run backwards"
        )

    def test_a_verb_the_state_does_not_allow(self) -> None:
        with pytest.raises(ActionNotAllowed) as info:
            received().refer_to_ombudsman(D(2024, 5, 7))
        assert str(info.value) == (
            "refer to ombudsman is not allowed: the complaint is received "
            "(allowed: acknowledge, respond, request_escalation, decline, withdraw, close)"
        )

    def test_extension_within_the_limit(self) -> None:
        """6.4: up to 10 working days without a good reason."""
        c = at_stage_1().extend(
            D(2024, 5, 20), 10, "a survey is needed", ombudsman_details_given=True
        )
        assert strs(c.due(D(2024, 5, 20))) == ["6.3: respond at stage 1 by 2024-06-05"]

    def test_extension_beyond_the_limit_needs_a_good_reason(self) -> None:
        """6.4: more than 10 working days only with a good reason."""
        with pytest.raises(ProvisionViolation) as info:
            at_stage_1().extend(
                D(2024, 5, 20), 11, "a survey is needed", ombudsman_details_given=True
            )
        assert str(info.value) == (
            "6.4: an extension of 11 working days at stage 1 is longer than the 10 allowed "
            "without a good reason, and none was recorded"
        )
        c = at_stage_1().extend(
            D(2024, 5, 20),
            11,
            "a survey is needed",
            ombudsman_details_given=True,
            good_reason="specialist report",
        )
        assert c.stage_record(1) is not None
        assert c.stage_record(1).extension_within_limit is True  # type: ignore[union-attr]

    def test_extensions_add_up(self) -> None:
        """6.4: the limit applies to the total beyond the original deadline."""
        c = at_stage_1().extend(D(2024, 5, 20), 6, "survey", ombudsman_details_given=True)
        with pytest.raises(ProvisionViolation, match=r"^6\.4: an extension of 11 working days"):
            c.extend(D(2024, 5, 21), 5, "survey", ombudsman_details_given=True)

    def test_extension_needs_the_ombudsman_details(self) -> None:
        """6.5: the extension notice gives the Ombudsman's contact details."""
        with pytest.raises(ProvisionViolation) as info:
            at_stage_1().extend(D(2024, 5, 20), 5, "survey", ombudsman_details_given=False)
        assert (
            str(info.value) == "6.5: an extension notice must give the Ombudsman's contact details"
        )

    def test_extension_after_the_deadline_is_refused(self) -> None:
        """6.4: the resident is told before the deadline passes."""
        with pytest.raises(ProvisionViolation) as info:
            at_stage_1().extend(D(2024, 5, 22), 5, "survey", ombudsman_details_given=True)
        assert str(info.value) == (
            "6.4: an extension must be notified by the deadline it extends (2024-05-21), "
            "not on 2024-05-22"
        )

    def test_stage_2_extension_limit_is_20(self) -> None:
        """6.15: up to 20 working days at stage 2."""
        c = at_stage_2().extend(D(2024, 7, 1), 20, "an expert report", ombudsman_details_given=True)
        assert strs(c.due(D(2024, 7, 1))) == ["6.14: respond at stage 2 by 2024-07-31"]
        with pytest.raises(ProvisionViolation, match=r"^6\.15: "):
            at_stage_2().extend(D(2024, 7, 1), 21, "an expert report", ombudsman_details_given=True)

    def test_withdraw_at_any_open_point(self) -> None:
        for c in (received(), at_stage_1(), answered(), at_stage_2()):
            assert c.withdraw(D(2024, 7, 1)).status == "withdrawn"
        final = at_stage_2().respond(D(2024, 6, 20))
        with pytest.raises(ActionNotAllowed):
            final.withdraw(D(2024, 7, 1))

    def test_issue_folded_only_into_an_unanswered_stage_1(self) -> None:
        """6.8: related and unanswered: folded in; otherwise a new complaint."""
        assert at_stage_1().raise_issue(D(2024, 5, 8), "mould", related=True).issues[0].folded
        assert (
            not at_stage_1().raise_issue(D(2024, 5, 8), "parking", related=False).issues[0].folded
        )
        assert not answered().raise_issue(D(2024, 5, 21), "mould", related=True).issues[0].folded

    def test_outstanding_actions(self) -> None:
        """6.6: a response is due when the answer is known; actions are tracked after it, and
        measured against the first date promised: moving the date does not hide lateness."""
        c = answered().add_action(D(2024, 5, 20), "A1", "replace the tap", D(2024, 6, 3))
        assert strs(c.audit(D(2024, 6, 3))) == []
        assert strs(c.audit(D(2024, 6, 4))) == [
            (
                "6.6: outstanding action 'A1' (replace the tap) was due on 2024-06-03 and is not "
                "complete (as of 2024-06-04)"
            )
        ]
        c = c.update_action(D(2024, 5, 30), "A1", "parts ordered", new_due=D(2024, 6, 10))
        assert strs(c.due(D(2024, 6, 1))) == ["6.6: complete action at stage 1 by 2024-06-10"]
        moved = (
            "6.6: outstanding action 'A1' (replace the tap): on 2024-05-30 its date was moved "
            "from 2024-06-03 to 2024-06-10, past the first date promised (2024-06-03)"
        )
        assert strs(c.audit(D(2024, 6, 3))) == [moved]
        assert [f.severity for f in c.audit(D(2024, 6, 3))] == ["warning"]
        assert strs(c.audit(D(2024, 6, 11))) == [
            moved,
            (
                "6.6: outstanding action 'A1' (replace the tap) was first due on 2024-06-03 (moved "
                "to 2024-06-10) and is not complete (as of 2024-06-11)"
            ),
        ]
        assert [f.severity for f in c.audit(D(2024, 6, 11))] == ["warning", "breach"]
        done = c.complete_action(D(2024, 6, 7), "A1")
        assert strs(done.audit(D(2024, 6, 11))) == [
            moved,
            (
                "6.6: outstanding action 'A1' (replace the tap) was completed on 2024-06-07, after "
                "its first due date of 2024-06-03"
            ),
        ]
        assert [f.severity for f in done.audit(D(2024, 6, 11))] == ["warning", "warning"]
        on_time = answered().add_action(D(2024, 5, 20), "A1", "replace the tap", D(2024, 6, 3))
        on_time = on_time.update_action(D(2024, 5, 30), "A1", "sooner", new_due=D(2024, 5, 31))
        assert on_time.complete_action(D(2024, 6, 3), "A1").audit(D(2024, 6, 11)) == ()
        assert done.actions[0].completed_on == D(2024, 6, 7)
        assert done.actions[0].updates == ((D(2024, 5, 30), "parts ordered"),)
        with pytest.raises(InvalidRecord, match=r"no outstanding action 'A2'"):
            c.complete_action(D(2024, 6, 7), "A2")


class TestAudit:
    def test_a_timely_complaint_has_no_findings(self) -> None:
        assert at_stage_2().respond(D(2024, 7, 3)).close(D(2024, 7, 4)).audit(D(2024, 8, 1)) == ()

    def test_late_acknowledgement_and_response(self) -> None:
        """6.2 and 6.3 breached; 5.9 too, since no intervals for updates were agreed."""
        c = received().acknowledge(D(2024, 5, 14), "A. Khan", DEFINITION).respond(D(2024, 6, 3))
        assert strs(c.audit(D(2024, 6, 30))) == [
            "6.2: acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13",
            (
                "5.9: the stage 1 response was late and no intervals for updates were agreed "
                "with the resident by 2024-05-29"
            ),
            "6.3: responded to at stage 1 on 2024-06-03, after the deadline of 2024-05-29",
        ]

    def test_agreed_updates_answer_5_9(self) -> None:
        """5.9: intervals for updates agreed before the deadline."""
        c = at_stage_1().agree_updates(D(2024, 5, 20), 5).respond(D(2024, 5, 28))
        assert strs(c.audit(D(2024, 6, 30))) == [
            "6.3: responded to at stage 1 on 2024-05-28, after the deadline of 2024-05-21"
        ]

    def test_overdue_as_of(self) -> None:
        assert strs(at_stage_1().audit(D(2024, 5, 22))) == [
            (
                "5.9: the stage 1 response was late and no intervals for updates were agreed "
                "with the resident by 2024-05-21"
            ),
            "6.3: not responded to at stage 1 by 2024-05-21 (as of 2024-05-22)",
        ]
        assert at_stage_1().audit(D(2024, 5, 21)) == ()

    def test_withdrawn_after_the_deadline(self) -> None:
        c = received().withdraw(D(2024, 5, 15))
        assert strs(c.audit(D(2024, 6, 1))) == [
            (
                "6.2: not acknowledged at stage 1 by 2024-05-13 (the complaint was withdrawn "
                "on 2024-05-15)"
            )
        ]

    def test_loaded_history_with_breaches_loads_and_is_audited(self) -> None:
        """6.13 and 6.4/6.5: breaches of the past load and are reported, not refused."""
        events = (
            Received(on=D(2024, 5, 3), reference="H-1"),
            Acknowledged(on=D(2024, 5, 7), stage=Stage.ONE, handler="Sam", definition=DEFINITION),
            Extended(
                on=D(2024, 5, 22),
                stage=Stage.ONE,
                working_days=12,
                reason="",
                ombudsman_details_given=False,
            ),
            Responded(on=D(2024, 6, 6), stage=Stage.ONE),
            EscalationRequested(on=D(2024, 6, 10)),
            Acknowledged(on=D(2024, 6, 11), stage=Stage.TWO, handler="sam", definition=DEFINITION),
        )
        c = Complaint.from_events(events)
        assert strs(c.audit(D(2024, 6, 12))) == [
            (
                "6.4: the extension notified on 2024-05-22 came after the deadline it extends "
                "(2024-05-21)"
            ),
            "6.4: the extension gives no reason",
            (
                "6.4: an extension of 12 working days at stage 1 is longer than the 10 allowed "
                "without a good reason, and none was recorded"
            ),
            "6.5: the extension notice does not give the Ombudsman's contact details",
            "6.13: the same person (sam) handled both stages",
        ]
        assert c.audit(D(2024, 6, 12))[0].reference == "H-1"


class TestPersistence:
    def test_json_field_names(self) -> None:
        data = json.loads(at_stage_1().to_json())
        assert data["format"] == JSON_FORMAT
        assert data["events"][1] == {
            "kind": "acknowledged",
            "on": "2024-05-07",
            "stage": 1,
            "handler": "A. Khan",
            "definition": {
                "understanding": DEFINITION.understanding,
                "points": ["the leaking tap", "the missed visits"],
                "outcomes_sought": ["repair the tap", "an apology"],
                "responsible_for": ["repairs in the home"],
                "not_responsible_for": [],
                "clarification_sought": [],
            },
        }

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (lambda d: d["events"][1].update(on="2024-02-30"), "events[1].on: not an ISO date"),
            (lambda d: d["events"][1].pop("handler"), "events[1].handler: missing required"),
            (lambda d: d["events"][1].update(colour="red"), "events[1].colour: unknown field"),
            (lambda d: d["events"][1].update(kind="stage_0"), "events[1].kind: unknown event kind"),
            (lambda d: d["events"][1].update(stage=3), "events[1].stage: 5.3: a complaints"),
            (lambda d: d["events"][1]["definition"].pop("points"), "definition.points: missing"),
            (lambda d: d.update(format="other"), "format: expected format"),
            (lambda d: d["events"].reverse(), "events[0]: the first event must be the receipt"),
        ],
    )
    def test_malformed_json_names_the_field(self, mutate: object, message: str) -> None:
        data = json.loads(at_stage_1().to_json())
        mutate(data)  # type: ignore[operator]
        with pytest.raises(InvalidRecord) as info:
            Complaint.from_dict(data)
        assert message in str(info.value)

    def test_not_json(self) -> None:
        with pytest.raises(InvalidRecord, match=r"^not JSON: "):
            Complaint.from_json("{")

    def test_impossible_history_names_the_event(self) -> None:
        events = (*at_stage_1().events, ReferredToOmbudsman(on=D(2024, 5, 8)))
        with pytest.raises(InvalidRecord) as info:
            Complaint.from_events(events)
        assert str(info.value) == (
            "events[2]: refer to ombudsman is not allowed: the complaint is stage 1 "
            "(allowed: extend, respond, request_escalation, withdraw, close)"
        )

    @given(complaints())
    def test_round_trips(self, complaint: Complaint) -> None:
        assert Complaint.from_events(complaint.events) == complaint
        assert Complaint.from_json(complaint.to_json()) == complaint
        assert Complaint.from_json(complaint.to_json()).status == complaint.status

    def test_calendar_is_kept_apart_from_the_json(self) -> None:
        closed = england_and_wales().with_closures([D(2024, 5, 8)])
        c = Complaint.receive("C-9", received=D(2024, 5, 3), calendar=closed)
        assert strs(c.due(D(2024, 5, 3)))[0] == "6.2: acknowledge at stage 1 by 2024-05-14"
        assert Complaint.from_json(c.to_json(), calendar=closed) == c


class TestLetters:
    """6.9 and 6.19: a response letter recorded with the complaint is checked, and kept."""

    def letter(
        self, *, escalation: str = "Ask us for stage 2 within 20 working days."
    ) -> Stage1Response:
        return Stage1Response(
            definition=DEFINITION,
            decisions=(
                PointDecision(point="the leaking tap", decision="upheld", reasons="A fault."),
                PointDecision(point="the missed visits", decision="not_upheld", reasons="None."),
            ),
            remedies=(),
            escalation=escalation,
        )

    def test_a_complete_letter_is_recorded_and_round_trips(self) -> None:
        letter = attrs.evolve(
            self.letter(),
            remedies=(Remedy(kind=RemedyKind.APOLOGY, what="We apologise for the leak."),),
        )
        c = at_stage_1().respond(D(2024, 5, 20), letter=letter)
        assert Complaint.from_json(c.to_json()) == c
        assert c.audit(D(2024, 6, 1)) == ()

    def test_an_incomplete_letter_is_refused(self) -> None:
        """6.9(g): the stage 1 letter says how to escalate."""
        with pytest.raises(IncompleteLetter) as info:
            at_stage_1().respond(D(2024, 5, 20), letter=self.letter(escalation=""))
        assert [f.code for f in info.value.findings] == ["6.9(e)", "6.9(g)"]

    def test_an_incomplete_letter_in_loaded_history_is_audited(self) -> None:
        events = (
            *at_stage_1().events,
            Responded(on=D(2024, 5, 20), stage=Stage.ONE, letter=self.letter(escalation="")),
        )
        codes = [f.code for f in Complaint.from_events(events).audit(D(2024, 6, 1))]
        assert codes == ["6.9(e)", "6.9(g)"]


class TestLettersFitTheirEvent:
    """6.9, 6.19, 6.5: a recorded letter is the letter of its event, on the complaint's calendar."""

    CONTACT = "The Housing Ombudsman: 0300 111 3000, info@housing-ombudsman.org.uk"

    def stage_2_letter(self) -> Stage2Response:
        return Stage2Response(
            definition=DEFINITION,
            decisions=(
                PointDecision(point="the leaking tap", decision="upheld", reasons="A fault."),
                PointDecision(point="the missed visits", decision="upheld", reasons="Missed."),
            ),
            remedies=(Remedy(kind=RemedyKind.APOLOGY, what="We apologise."),),
            escalation="You may refer your complaint to the Housing Ombudsman.",
        )

    def notice(self, **changes: object) -> ExtensionNotice:
        # At stage 1 the response is due 21 May 2024; ten working days more is 5 June.
        fields: dict[str, object] = {
            "stage": 1,
            "reason": "A survey of the pipes is needed.",
            "original_due": D(2024, 5, 21),
            "new_date": D(2024, 6, 5),
            "extension_days": 10,
            "ombudsman_contact": self.CONTACT,
        }
        return ExtensionNotice(**{**fields, **changes})  # type: ignore[arg-type]

    def extend(self, complaint: Complaint, notice: ExtensionNotice) -> Complaint:
        return complaint.extend(
            D(2024, 5, 20), 10, "A survey is needed.", ombudsman_details_given=True, letter=notice
        )

    def test_a_stage_2_response_is_not_the_stage_1_response(self) -> None:
        """6.9: the letter recorded with the stage 1 response must be a stage 1 response."""
        with pytest.raises(IncompleteLetter) as info:
            at_stage_1().respond(D(2024, 5, 20), letter=self.stage_2_letter())
        assert strs(info.value.findings) == [
            (
                "6.9: the letter recorded with the stage 1 response is a stage 2 response, "
                "not a stage 1 response"
            )
        ]

    def test_a_mismatched_response_in_loaded_history_is_audited(self) -> None:
        """6.9: loaded history keeps the letter, and the audit reports the mismatch."""
        events = (
            *at_stage_1().events,
            Responded(on=D(2024, 5, 20), stage=Stage.ONE, letter=self.stage_2_letter()),
        )
        assert strs(Complaint.from_events(events).audit(D(2024, 6, 1))) == [
            (
                "6.9: the letter recorded with the stage 1 response is a stage 2 response, "
                "not a stage 1 response"
            )
        ]

    def test_a_notice_matching_the_extension_is_recorded(self) -> None:
        c = self.extend(at_stage_1(), self.notice())
        assert c.audit(D(2024, 6, 1)) == ()

    def test_a_notice_must_state_the_recorded_extension(self) -> None:
        """6.5: the notice's stage, deadline extended, length and new date are the record's."""
        notice = self.notice(
            stage=2, original_due=D(2024, 5, 20), new_date=D(2024, 6, 4), extension_days=None
        )
        with pytest.raises(IncompleteLetter) as info:
            self.extend(at_stage_1(), notice)
        assert strs(info.value.findings) == [
            "6.5: the extension notice is for stage 2, but the extension is at stage 1",
            (
                "6.5: the extension notice gives 2024-05-20 as the deadline extended; "
                "it is 2024-05-21"
            ),
            (
                "6.5: the extension notice gives the new date as 2024-06-04; the extension "
                "recorded makes it 2024-06-05"
            ),
        ]

    def test_a_notice_is_checked_on_the_complaints_own_calendar(self) -> None:
        """6.4: with 29 May 2024 closed, ten working days from 21 May end on 6 June."""
        closed = england_and_wales().with_closures([D(2024, 5, 29)])
        c = Complaint.receive("C-2", received=D(2024, 5, 3), calendar=closed)
        c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        extended = self.extend(c, self.notice(new_date=D(2024, 6, 6)))
        assert extended.audit(D(2024, 6, 1)) == ()
        with pytest.raises(IncompleteLetter) as info:
            self.extend(c, self.notice())
        assert strs(info.value.findings) == [
            (
                "6.4: the notice states 10 working days, but 2024-06-05 is 9 working days after "
                "the original due date 2024-05-21"
            ),
            (
                "6.5: the extension notice gives the new date as 2024-06-05; the extension "
                "recorded makes it 2024-06-06"
            ),
        ]


class TestRecordedDecisions:
    """2.1, 2.3, 2.5 and 5.11: a stored decision that breached the Code loads and is audited."""

    NO_GROUND = (
        "a complaint must be accepted unless there is a valid reason not to, and this decision "
        "rests on no ground"
    )
    NO_REASONS = (
        "each complaint must be considered on its own circumstances, and this decision gives "
        "no reasons for this one"
    )
    REFUSED_NO_GROUND = (
        "escalation may be refused only on a ground in section 2, and this decision rests on none"
    )
    REFUSED_NO_REASONS = (
        "the reasons for refusing escalation must be set out clearly, and this decision gives none"
    )

    @staticmethod
    def stored_with(complaint: Complaint, **changes: object) -> Complaint:
        """The complaint read back from JSON after its decision was changed in storage."""
        data = json.loads(complaint.to_json())
        data["events"][-1]["decision"].update(changes)
        return Complaint.from_json(json.dumps(data))

    RECEIVED, DECLINED = D(2025, 6, 2), D(2025, 6, 3)

    @staticmethod
    def declined(received: D = RECEIVED, on: D = DECLINED) -> Complaint:
        """Declined on ``on``, by a decision taken the day the complaint was received."""
        facts = ExclusionFacts(
            received=received,
            issue_occurred=received - dt.timedelta(days=60),
            claim_filed_at_court=received - dt.timedelta(days=7),
        )
        decision = decide(
            assess(facts),
            grounds=["legal_proceedings"],
            reasons="Your claim about the damp is before the county court.",
            decided_by="A. Jones",
        )
        return Complaint.receive("C-40", received=received).decline(on, decision)

    @staticmethod
    def declined_late(received: D, issue: D) -> Complaint:
        decision = decide(
            assess(ExclusionFacts(received=received, issue_occurred=issue)),
            grounds=["time_limit"],
            reasons="The repairs were finished long ago and nothing new has happened since.",
            decided_by="A. Jones",
            discretion_considered="You told us of nothing that kept you from complaining sooner.",
        )
        return Complaint.receive("C-41", received=received).decline(received, decision)

    @staticmethod
    def refused(received: D, steps: tuple[D, D, D, D]) -> Complaint:
        """Acknowledged, answered, escalation requested and refused on the four days given."""
        acked, answered, requested, refused = steps
        facts = ExclusionFacts(
            received=received, issue_occurred=received, claim_filed_at_court=requested
        )
        decision = decide(
            assess(facts, on=refused),
            grounds=["legal_proceedings"],
            reasons="Your claim about the leak is now before the county court.",
            decided_by="R. Singh",
            refusing_escalation=True,
        )
        return (
            Complaint.receive("C-42", received=received)
            .acknowledge(acked, "A. Khan", DEFINITION)
            .respond(answered)
            .request_escalation(requested)
            .refuse_escalation(refused, decision)
        )

    def test_a_decline_without_reasons_loads_and_is_audited_under_2_5(self) -> None:
        """2.5: the finding is dated on the event, names the complaint and keeps the message."""
        c = self.stored_with(self.declined(), reasons="")
        assert c.status == "not_accepted"
        findings = c.audit(D(2025, 7, 1))
        assert strs(findings) == [f"2.5: {self.NO_REASONS}"]
        (finding,) = findings
        assert (finding.provision.number, finding.provision.edition) == ("2.5", 2024)
        assert (finding.on, finding.reference, finding.severity) == (
            D(2025, 6, 3),
            "C-40",
            "breach",
        )
        assert finding.due is None

    def test_a_decline_without_grounds_loads_and_is_audited_under_2_1(self) -> None:
        """2.1: a stored decision resting on no ground is reported, not refused."""
        c = self.stored_with(self.declined(), grounds=[])
        assert strs(c.audit(D(2025, 7, 1))) == [f"2.1: {self.NO_GROUND}"]

    def test_a_late_decline_without_discretion_loads_and_is_audited_under_2_3(self) -> None:
        """2.3: a late complaint's decision with no record of discretion is reported."""
        c = self.stored_with(
            self.declined_late(D(2025, 6, 2), D(2024, 3, 4)), discretion_considered=None
        )
        assert strs(c.audit(D(2025, 7, 1))) == [
            (
                "2.3: the complaint is outside the time limit (it ended on 2025-03-04), so the "
                "decision must record how discretion to accept it was considered"
            )
        ]

    def test_a_refused_escalation_that_breached_5_11_loads_and_is_audited(self) -> None:
        """5.11: a refusal with no ground and no reasons gives both findings, on the event date."""
        steps = (D(2024, 5, 7), D(2024, 5, 20), D(2024, 6, 3), D(2024, 6, 4))
        c = self.stored_with(self.refused(D(2024, 5, 3), steps), grounds=[], reasons=" ")
        assert c.status == "escalation_refused"
        findings = c.audit(D(2024, 7, 1))
        assert strs(findings) == [
            f"5.11: {self.REFUSED_NO_GROUND}",
            f"5.11: {self.REFUSED_NO_REASONS}",
        ]
        assert {(f.on, f.reference) for f in findings} == {(D(2024, 6, 4), "C-42")}

    def test_a_2022_complaint_cites_the_2022_numbers(self) -> None:
        """1.7, 1.8, 4.14: decisions on 2022 complaints are audited under the 2022 edition."""
        declined = self.stored_with(self.declined(D(2024, 3, 4), D(2024, 3, 4)), grounds=[])
        assert declined.edition.year == 2022
        assert [(f.code, f.provision.edition) for f in declined.audit(D(2024, 4, 1))] == [
            ("1.7", 2022)
        ]
        late = self.stored_with(
            self.declined_late(D(2024, 3, 4), D(2023, 6, 1)), discretion_considered=""
        )
        assert strs(late.audit(D(2024, 4, 1))) == [
            (
                "1.8: the complaint is outside the time limit (it ended on 2023-12-01), so the "
                "decision must record how discretion to accept it was considered"
            )
        ]
        steps = (D(2024, 3, 5), D(2024, 3, 12), D(2024, 3, 14), D(2024, 3, 15))
        refused = self.stored_with(self.refused(D(2024, 3, 4), steps), reasons="")
        assert strs(refused.audit(D(2024, 4, 1))) == [f"4.14: {self.REFUSED_NO_REASONS}"]

    def test_a_loaded_decision_round_trips_and_loads_from_events(self) -> None:
        """2.5: the stored breach survives a round trip and loads from already-built events."""
        c = self.stored_with(self.declined(), reasons="")
        assert Complaint.from_json(c.to_json()) == c
        data = self.declined().events[-1].to_dict()["decision"] | {"reasons": ""}
        events = (
            self.declined().events[0],
            Declined(on=D(2025, 6, 3), decision=ExclusionDecision.from_dict(data, checked=False)),
        )
        assert Complaint.from_events(events) == c
        assert strs(Complaint.from_events(events).audit(D(2025, 7, 1))) == [
            f"2.5: {self.NO_REASONS}"
        ]

    def test_a_decision_that_met_the_code_gives_no_finding(self) -> None:
        """2.1, 2.5: a sound recorded decision adds nothing to the audit."""
        assert self.stored_with(self.declined()).audit(D(2025, 7, 1)) == ()

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            (
                {"decided_on": "2025-02-30"},
                "events[1].decision.decided_on: no such date: '2025-02-30'",
            ),
            ({"reasons": 3}, "events[1].decision.reasons: expected text, got int"),
            ({"colour": "red"}, "events[1].decision: unknown field 'colour'"),
            ({"grounds": "none"}, "events[1].decision.grounds: expected a list, got str"),
        ],
    )
    def test_a_malformed_decision_still_names_its_path(
        self, changes: dict[str, object], message: str
    ) -> None:
        """2.1: only a breach of the Code loads; malformed data is InvalidRecord with its path."""
        with pytest.raises(InvalidRecord) as info:
            self.stored_with(self.declined(), **changes)
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (lambda e: e.pop("decision"), "events[1].decision: missing required field"),
            (lambda e: e.update(decision=None), "events[1].decision: expected an object"),
            (lambda e: e.update(on="2025-06-31"), "events[1].on: not an ISO date"),
            (lambda e: e.update(colour="red"), "events[1].colour: unknown field"),
        ],
    )
    def test_a_malformed_decision_event_names_its_path(self, mutate: object, message: str) -> None:
        """2.1: the decision's event is read field by field like any other event."""
        data = json.loads(self.declined().to_json())
        mutate(data["events"][1])  # type: ignore[operator]
        with pytest.raises(InvalidRecord) as info:
            Complaint.from_dict(data)
        assert str(info.value).startswith(message)

    def test_the_verbs_still_refuse_a_decision_that_breaches_the_code(self) -> None:
        """2.5, 5.11: a decision read unchecked cannot be recorded as a new decision."""
        stored = self.declined().events[-1].to_dict()["decision"] | {"reasons": ""}
        decision = ExclusionDecision.from_dict(stored, checked=False)
        with pytest.raises(ProvisionViolation) as info:
            Complaint.receive("C-43", received=D(2025, 6, 2)).decline(D(2025, 6, 2), decision)
        assert str(info.value) == f"2.5: {self.NO_REASONS}"
        steps = (D(2024, 5, 7), D(2024, 5, 20), D(2024, 6, 3), D(2024, 6, 4))
        refusal = self.refused(D(2024, 5, 3), steps).events[-1].to_dict()["decision"]
        decision = ExclusionDecision.from_dict(refusal | {"grounds": []}, checked=False)
        with pytest.raises(ProvisionViolation) as info:
            answered().request_escalation(D(2024, 6, 3)).refuse_escalation(D(2024, 6, 4), decision)
        assert str(info.value) == f"5.11: {self.REFUSED_NO_GROUND}"


def test_a_2022_complaint_cites_5_12_for_the_same_handler_at_both_stages() -> None:
    """5.12 (2022): refused and audited under the edition the complaint falls under."""
    c = Complaint.receive("C-22", received=D(2024, 3, 28))
    c = c.acknowledge(D(2024, 4, 2), "A. Khan", DEFINITION).respond(D(2024, 4, 15))
    c = c.request_escalation(D(2024, 4, 22))
    with pytest.raises(ProvisionViolation) as err:
        c.acknowledge(D(2024, 4, 23), "a. khan", DEFINITION)
    assert str(err.value) == (
        "5.12: the stage 2 handler must differ from the stage 1 handler "
        "('a. khan' handled stage 1, recorded as 'A. Khan')"
    )
    assert (err.value.provision.number, err.value.provision.edition) == ("5.12", 2022)


def test_input_that_is_not_a_history_is_an_invalid_record() -> None:
    """Bad input is a ComplaintCodeError saying what was wrong, never a builtin error."""
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_events(None)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(err.value) == "events: expected the events as a sequence, got NoneType"
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_json("[" * 100_000 + "]" * 100_000)
    assert str(err.value) == "not JSON that a complaint could be: nested too deeply"


def test_an_incomplete_definition_in_loaded_history_is_audited() -> None:
    """5.6: ``acknowledge`` refuses it; loaded history keeps it and the audit reports each gap."""
    empty = ComplaintDefinition(understanding="", points=(), outcomes_sought=())
    events = (
        *received().events,
        Acknowledged(on=D(2024, 5, 7), stage=1, handler="A", definition=empty),
    )
    assert strs(Complaint.from_events(events).audit(D(2024, 5, 8))) == [
        (
            "5.6: at stage 1: the complaint definition does not set out our understanding of the "
            "complaint"
        ),
        "5.6: at stage 1: the complaint definition lists no point of complaint",
        (
            "5.6: at stage 1: the complaint definition states no outcome sought and asks no "
            "clarification"
        ),
        (
            "5.7: at stage 1: the acknowledgement does not say which aspects of the complaint we "
            "are, and are not, responsible for"
        ),
    ]


def test_the_final_response_may_not_come_from_the_stage_1_handler() -> None:
    """6.13: refused when recorded; in loaded history, the audit reports it."""
    with pytest.raises(ProvisionViolation) as err:
        at_stage_2().respond(D(2024, 6, 28), handler="a. khan")
    assert str(err.value) == (
        "6.13: the stage 2 handler must differ from the stage 1 handler "
        "('a. khan' handled stage 1, recorded as 'A. Khan')"
    )
    events = (*at_stage_2().events, Responded(on=D(2024, 6, 28), stage=2, handler="A. Khan"))
    assert strs(Complaint.from_events(events).audit(D(2024, 7, 1))) == [
        "6.13: the same person (A. Khan) handled both stages"
    ]
    assert at_stage_2().respond(D(2024, 6, 28), handler="B. Osei").status == "final_response_given"


def test_a_decision_is_recorded_under_its_complaints_edition_and_not_before_it_was_made() -> None:
    """2.1: the decision recorded is the one made about this complaint, under its edition."""
    late = assess(
        ExclusionFacts(
            received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), claim_filed_at_court=D(2025, 5, 1)
        ),
        on=D(2025, 6, 4),
    )
    decision = decide(
        late, grounds=["legal_proceedings"], reasons="The claim is in court.", decided_by="A. Jones"
    )
    complaint = Complaint.receive("C-9", received=D(2025, 6, 2))
    with pytest.raises(InvalidRecord) as err:
        complaint.decline(D(2025, 6, 3), decision)
    assert str(err.value) == (
        "decision.decided_on: the decision is dated 2025-06-04, after the day it is recorded on "
        "(2025-06-03)"
    )
    assert complaint.decline(D(2025, 6, 4), decision).status == "not_accepted"
    older = Complaint.receive("C-8", received=D(2024, 3, 28))
    with pytest.raises(InvalidRecord) as err:
        older.decline(D(2025, 6, 4), decision)
    assert str(err.value) == (
        "decision.edition: the decision was made under the 2024 edition, but the complaint falls "
        "under the 2022 edition"
    )
