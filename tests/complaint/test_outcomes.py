"""The outcome of each response: upheld, partly upheld or not upheld (6.9(c), 6.19(c)).

6.9(c) and 6.19(c): the stage 1 and the stage 2 response give the complaint's decision. A
response records its outcome (``respond(..., outcome=...)``) for a landlord that keeps the
decision without the letter; a recorded letter gives one through its point decisions. The stage
record shows the outcome recorded, or else the letter's; a recorded outcome that is not the
letter's decision is kept as recorded, and the audit warns of it. The 2022 edition's letters are
its 5.8 and 5.16.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Responded, event_from_dict
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.letters import Outcome, PointDecision, Stage1Response, Stage2Response
from complaintcode.remedies import Remedy
from complaintcode.stages import Stage
from strategies import recorded_outcomes

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="Two repair visits were missed and the kitchen tap still leaks.",
    points=("the missed visits", "the leaking tap"),
    outcomes_sought=("repair the tap", "an apology"),
    responsible_for=("repairs in the home",),
)
SORRY = Remedy(kind="apology", what="We are sorry for the missed visits.")


def decisions(*outcomes: str) -> tuple[PointDecision, ...]:
    points = DEFINITION.points
    return tuple(
        PointDecision(point=points[i], decision=o, reasons="We checked the repair log.")
        for i, o in enumerate(outcomes)
    )


def stage_1_letter(*outcomes: str) -> Stage1Response:
    upholds = any(o != "not upheld" for o in outcomes)
    return Stage1Response(
        definition=DEFINITION,
        decisions=decisions(*outcomes),
        remedies=(SORRY,) if upholds else (),
        escalation="Reply to this letter to ask us to escalate your complaint to stage 2.",
    )


def stage_2_letter(*outcomes: str) -> Stage2Response:
    upholds = any(o != "not upheld" for o in outcomes)
    return Stage2Response(
        definition=DEFINITION,
        decisions=decisions(*outcomes),
        remedies=(SORRY,) if upholds else (),
        escalation="You can ask the Housing Ombudsman to look at your complaint.",
    )


#: Friday 3 May 2024, under the 2024 edition.
RECEIVED = D(2024, 5, 3)


def acknowledged(received: dt.date = RECEIVED) -> Complaint:
    c = Complaint.receive("C-1", received=received)
    return c.acknowledge(received + dt.timedelta(days=4), "A. Khan", DEFINITION)


def at_stage_2(first: Complaint) -> Complaint:
    escalated = first.request_escalation(first.events[-1].on + dt.timedelta(days=3))
    return escalated.acknowledge(
        escalated.events[-1].on + dt.timedelta(days=2), "B. Osei", DEFINITION
    )


# --- recording the outcome ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_as", "expected"),
    [
        (Outcome.UPHELD, Outcome.UPHELD),
        ("partly upheld", Outcome.PARTLY_UPHELD),
        ("partly_upheld", Outcome.PARTLY_UPHELD),
        ("  Not Upheld ", Outcome.NOT_UPHELD),
    ],
    ids=repr,
)
def test_respond_records_the_outcome_given_as_a_member_or_its_text(
    given_as: Outcome | str, expected: Outcome
) -> None:
    """6.9(c): the decision on the complaint is recorded with the response, read from an Outcome
    or its value text."""
    c = acknowledged().respond(D(2024, 5, 17), outcome=given_as)
    last = c.events[-1]
    assert isinstance(last, Responded)
    assert last.outcome is expected
    assert c.stage_record(1).outcome is expected  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["partly", "", 1, "upheld!"], ids=repr)
def test_an_outcome_that_is_none_of_the_three_is_refused(bad: object) -> None:
    """6.9(c): the decision is upheld, partly upheld or not upheld; anything else is refused,
    naming the field."""
    with pytest.raises(InvalidRecord) as info:
        acknowledged().respond(D(2024, 5, 17), outcome=bad)  # type: ignore[arg-type]
    assert info.value.path == "outcome"
    assert info.value.message == (
        f"unknown decision {bad!r} (known: 'upheld', 'partly upheld', 'not upheld')"
    )


# --- the outcome a stage record shows ----------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (("upheld", "upheld"), Outcome.UPHELD),
        (("not upheld", "not upheld"), Outcome.NOT_UPHELD),
        (("upheld", "not upheld"), Outcome.PARTLY_UPHELD),
        (("partly upheld", "partly upheld"), Outcome.PARTLY_UPHELD),
        (("not upheld", "partly upheld"), Outcome.PARTLY_UPHELD),
    ],
    ids=str,
)
def test_without_a_recorded_outcome_the_letters_decisions_give_it(
    points: tuple[str, ...], expected: Outcome
) -> None:
    """6.9(c): every point upheld is upheld, none upheld in whole or part is not upheld, anything
    else partly upheld."""
    c = acknowledged().respond(D(2024, 5, 17), letter=stage_1_letter(*points))
    assert c.stage_record(1).outcome is expected  # type: ignore[union-attr]
    assert c.audit(D(2024, 5, 17)) == ()


def test_no_outcome_without_a_response_or_without_either_record() -> None:
    """6.9(c): a stage not answered, or answered with neither a letter nor an outcome, shows none."""
    assert acknowledged().stage_record(1).outcome is None  # type: ignore[union-attr]
    bare = acknowledged().respond(D(2024, 5, 17))
    assert bare.stage_record(1).outcome is None  # type: ignore[union-attr]


def test_each_stage_has_its_own_outcome() -> None:
    """6.9(c), 6.19(c): stage 1's outcome and the final response's are kept apart."""
    first = acknowledged().respond(D(2024, 5, 17), letter=stage_1_letter("not upheld", "upheld"))
    final = at_stage_2(first).respond(D(2024, 6, 14), outcome="upheld")
    assert final.stage_record(1).outcome is Outcome.PARTLY_UPHELD  # type: ignore[union-attr]
    assert final.stage_record(2).outcome is Outcome.UPHELD  # type: ignore[union-attr]


# --- an outcome that is not the letter's decision -------------------------------------------------


def test_an_outcome_against_the_letter_is_recorded_counted_as_recorded_and_warned_of() -> None:
    """6.9(c): "the decision": the outcome recorded and the letter's are both facts (5.12); the
    stage record counts the one recorded, and the audit warns that they differ."""
    c = acknowledged().respond(
        D(2024, 5, 17), letter=stage_1_letter("upheld", "not upheld"), outcome="upheld"
    )
    assert c.stage_record(1).outcome is Outcome.UPHELD  # type: ignore[union-attr]
    [finding] = c.audit(D(2024, 5, 17))
    assert (finding.code, finding.severity, finding.on, finding.reference) == (
        "6.9(c)",
        "warning",
        D(2024, 5, 17),
        "C-1",
    )
    assert str(finding) == (
        "6.9(c): the outcome recorded with the stage 1 response is 'upheld', but the decisions "
        "in its letter make it 'partly upheld'"
    )


def test_the_final_response_cites_6_19_c() -> None:
    """6.19(c): the same warning for the final response cites the stage 2 letter's decision."""
    first = acknowledged().respond(D(2024, 5, 17), outcome="not upheld")
    final = at_stage_2(first).respond(
        D(2024, 6, 14), letter=stage_2_letter("not upheld", "not upheld"), outcome="partly upheld"
    )
    found = [f for f in final.audit(D(2024, 6, 14)) if f.provision.number == "6.19"]
    assert [(str(f), f.severity) for f in found] == [
        (
            (
                "6.19(c): the outcome recorded with the stage 2 response is 'partly upheld', but "
                "the decisions in its letter make it 'not upheld'"
            ),
            "warning",
        )
    ]


def test_under_the_2022_edition_the_warning_cites_its_5_8_without_an_item() -> None:
    """5.8 (2022): a complaint received before 1 April 2024 is judged by its own edition, whose
    stage 1 letter list is not lettered as 6.9's; the difference is a warning there too."""
    c = acknowledged(D(2024, 3, 1)).respond(
        D(2024, 3, 12), letter=stage_1_letter("upheld", "upheld"), outcome=Outcome.NOT_UPHELD
    )
    found = [f for f in c.audit(D(2024, 3, 12)) if f.provision.number == "5.8"]
    assert [(f.code, f.provision.edition, f.severity) for f in found] == [("5.8", 2022, "warning")]


def test_an_outcome_that_agrees_with_the_letter_is_no_finding() -> None:
    """6.9(c): recording the letter's own decision again is no finding."""
    c = acknowledged().respond(
        D(2024, 5, 17), letter=stage_1_letter("upheld", "upheld"), outcome="upheld"
    )
    assert c.audit(D(2024, 5, 17)) == ()


# --- the JSON form -------------------------------------------------------------------------------


def test_the_outcome_is_written_as_its_text_and_left_out_when_not_recorded() -> None:
    """6.9(c): the JSON field ``outcome`` holds the value text; a response without one is written
    exactly as before the field existed, so older readers still read it."""
    with_outcome = acknowledged().respond(D(2024, 5, 17), outcome=Outcome.PARTLY_UPHELD)
    assert with_outcome.events[-1].to_dict() == {
        "kind": "responded",
        "on": "2024-05-17",
        "stage": 1,
        "handler": None,
        "letter": None,
        "outcome": "partly upheld",
    }
    without = acknowledged().respond(D(2024, 5, 17))
    assert "outcome" not in without.events[-1].to_dict()
    assert Complaint.from_json(with_outcome.to_json()) == with_outcome


def test_a_stored_outcome_may_be_null_or_left_out_and_a_bad_one_names_its_path() -> None:
    """6.9(c): stored data may leave the outcome out or give null; a bad value names its field."""
    data = json.loads(acknowledged().respond(D(2024, 5, 17)).to_json())
    assert Complaint.from_dict(data).stage_record(1).outcome is None  # type: ignore[union-attr]
    data["events"][-1]["outcome"] = None
    assert Complaint.from_dict(data).stage_record(1).outcome is None  # type: ignore[union-attr]
    data["events"][-1]["outcome"] = "mostly"
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_dict(data)
    assert str(info.value) == (
        "events[2].outcome: unknown decision 'mostly' (known: 'upheld', 'partly upheld', "
        "'not upheld')"
    )


@given(outcome=recorded_outcomes)
def test_a_response_with_any_outcome_round_trips(outcome: Outcome | str | None) -> None:
    """6.9(c): whatever outcome is recorded, the event and the complaint read back unchanged."""
    c = acknowledged().respond(D(2024, 5, 17), outcome=outcome)
    event = c.events[-1]
    assert event_from_dict(json.loads(json.dumps(event.to_dict()))) == event
    back = Complaint.from_json(c.to_json())
    assert back == c
    assert back.stage_record(Stage.ONE) == c.stage_record(Stage.ONE)
