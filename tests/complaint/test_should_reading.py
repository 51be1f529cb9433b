"""Each finding's severity comes from the edition that judges the complaint.

A "must" of the edition is a breach and a "should" a warning (the house rule behind 5.9, 5.10,
5.14, 5.15, 6.2 to 6.17). An edition is data: a reading of the 2024 edition that states every
rule as best practice (as a scheme with only "should" rules would) must turn every finding the
edition grades into a warning, and change nothing else.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from complaintcode import (
    CODE_2022,
    CODE_2024,
    Complaint,
    ComplaintDefinition,
    Edition,
    Finding,
    PointDecision,
    ProvisionViolation,
    Remedy,
    Stage1Response,
    Stage2Response,
)
from complaintcode.editions import CITATION_KEYS

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
#: The 2024 edition with every rule read as a "should".
SHOULD = attrs.evolve(CODE_2024, best_practice=frozenset(CITATION_KEYS))

Row = tuple[str, str, dt.date | None, dt.date | None, str]


def rows(findings: tuple[Finding, ...]) -> list[Row]:
    assert {f.reference for f in findings} <= {"C-1"}
    return [(f.code, f.severity, f.on, f.due, f.message) for f in findings]


def _care(edition: Edition) -> Complaint:
    """Adjustments and restrictions recorded with every gap the audit reports (5.10, 5.14,
    5.15), on a complaint whose stage 1 response is late (6.3, 5.9)."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
    c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    c = c.agree_adjustment(D(2024, 5, 7), "adj1", " ", review_by=None)
    c = c.agree_adjustment(D(2024, 5, 7), "adj2", "Large print", review_by=D(2024, 5, 10))
    c = c.restrict_contact(
        D(2024, 5, 8), "r1", " ", reasons=None, proportionality=None, review_by=None
    )
    c = c.restrict_contact(
        D(2024, 5, 8),
        "r2",
        "Email only",
        reasons="Abusive calls",
        proportionality="Calls only were abusive; email keeps the resident heard.",
        review_by=D(2024, 5, 20),
    )
    c = c.restrict_contact(
        D(2024, 5, 8),
        "r3",
        "Letters only",
        reasons="Abusive calls",
        proportionality="Calls only were abusive; letters keep the resident heard.",
        review_by=D(2024, 5, 9),
    )
    c = c.review_adjustment(D(2024, 5, 13), "adj2", "still needed")
    return c.lift_restriction(D(2024, 5, 14), "r3")


CARE: list[Row] = [
    ("5.10", "breach", D(2024, 5, 7), None, "the adjustment 'adj1' does not say what was agreed"),
    (
        "5.10",
        "breach",
        D(2024, 5, 7),
        None,
        "the adjustment 'adj1' was recorded with no date for its review",
    ),
    (
        "5.14",
        "breach",
        D(2024, 5, 8),
        None,
        "the restriction 'r1' does not say what contact it restricts",
    ),
    (
        "5.14",
        "breach",
        D(2024, 5, 8),
        None,
        "the restriction 'r1' records no reasons for putting it in place",
    ),
    (
        "5.14",
        "breach",
        D(2024, 5, 8),
        None,
        "the restriction 'r1' was recorded with no date for its review",
    ),
    (
        "5.15",
        "breach",
        D(2024, 5, 8),
        None,
        (
            "the restriction 'r1' records no statement of why it is proportionate and of its "
            "regard for the Equality Act 2010"
        ),
    ),
    (
        "5.10",
        "breach",
        D(2024, 5, 13),
        D(2024, 5, 10),
        (
            "the adjustment 'adj2' (Large print) was reviewed on 2024-05-13, after its review date "
            "of 2024-05-10"
        ),
    ),
    (
        "5.10",
        "breach",
        D(2024, 5, 13),
        None,
        (
            "the adjustment 'adj2' (Large print) was reviewed on 2024-05-13 with no date for its "
            "next review"
        ),
    ),
    (
        "5.14",
        "breach",
        D(2024, 5, 14),
        D(2024, 5, 9),
        (
            "the restriction 'r3' (Letters only) was lifted on 2024-05-14 without the review due on "
            "2024-05-09"
        ),
    ),
    (
        "5.9",
        "breach",
        D(2024, 5, 21),
        None,
        (
            "the stage 1 response was late and no intervals for updates were agreed with the "
            "resident by 2024-05-21"
        ),
    ),
    (
        "5.14",
        "breach",
        D(2024, 5, 31),
        D(2024, 5, 20),
        (
            "the restriction 'r2' (Email only) was due for review on 2024-05-20 and has not been "
            "reviewed (as of 2024-05-31)"
        ),
    ),
    (
        "6.3",
        "breach",
        D(2024, 5, 31),
        D(2024, 5, 21),
        "not responded to at stage 1 by 2024-05-21 (as of 2024-05-31)",
    ),
]


def _as_warnings(expected: list[Row]) -> list[Row]:
    return [(code, "warning", on, due, message) for code, _, on, due, message in expected]


def test_care_findings_are_breaches_of_the_2024_edition() -> None:
    """5.10, 5.14, 5.15: every gap in the record of adjustments and restrictions is a breach of
    a "must", dated on the step at fault, with the review date it missed."""
    assert rows(_care(CODE_2024).audit(D(2024, 5, 31))) == CARE


def test_care_findings_are_warnings_of_a_should_reading() -> None:
    """5.10, 5.14, 5.15: the same gaps judged by rules stated as "should" are warnings."""
    assert rows(_care(SHOULD).audit(D(2024, 5, 31))) == _as_warnings(CARE)


def _late_action(edition: Edition) -> Complaint:
    return (
        Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        .acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        .respond(D(2024, 5, 10), handler="A. Khan")
        .add_action(D(2024, 5, 10), "a1", "fix the tap", D(2024, 5, 20))
    )


def test_an_action_not_done_is_a_breach_of_a_must_and_a_warning_of_a_should() -> None:
    """6.6: an outstanding action not done by its date is a breach under the 2024 edition and a
    warning under a reading that states the rule as a "should"."""
    late: Row = (
        "6.6",
        "breach",
        D(2024, 5, 21),
        D(2024, 5, 20),
        (
            "outstanding action 'a1' (fix the tap) was due on 2024-05-20 and is not complete "
            "(as of 2024-05-21)"
        ),
    )
    assert rows(_late_action(CODE_2024).audit(D(2024, 5, 21))) == [late]
    assert rows(_late_action(SHOULD).audit(D(2024, 5, 21))) == _as_warnings([late])


#: A definition with no outcomes sought (5.6).
NO_OUTCOMES = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=(),
    responsible_for=("repairs in the home",),
)


def test_a_should_is_recorded_never_refused() -> None:
    """5.6 and 6.13 read as "should": an acknowledgement with an incomplete definition, and a
    stage 2 acknowledged and answered by the person who handled stage 1, are recorded, and the
    audit reports each as a warning (under the 2024 edition they are refused)."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3), edition=SHOULD)
    c = c.acknowledge(D(2024, 5, 7), "A. Khan", NO_OUTCOMES)
    c = c.respond(D(2024, 5, 20), handler="A. Khan").request_escalation(D(2024, 5, 28))
    c = c.acknowledge(D(2024, 5, 29), "a. khan", DEFINITION)
    c = c.respond(D(2024, 6, 10), handler="A. Khan")
    assert c.status == "final_response_given"
    assert rows(c.audit(D(2024, 6, 10))) == [
        (
            "5.6",
            "warning",
            D(2024, 5, 7),
            None,
            "at stage 1: the complaint definition states no outcome sought and asks no clarification",
        ),
        ("6.13", "warning", D(2024, 5, 29), None, "the same person (a. khan) handled both stages"),
    ]
    strict = Complaint.receive("C-1", received=D(2024, 5, 3))
    with pytest.raises(ProvisionViolation):
        strict.acknowledge(D(2024, 5, 7), "A. Khan", NO_OUTCOMES)


def test_2022_stage_2_findings_follow_the_editions_reading() -> None:
    """5.11 and 5.12 (2022): stage 2 run before a stage 1 response, by the stage 1 handler, is a
    breach of each under the 2022 edition and a warning under a reading that makes them
    "should"."""

    def run(edition: Edition) -> list[Row]:
        c = Complaint.receive("C-1", received=D(2024, 3, 4), edition=edition)
        c = c.acknowledge(D(2024, 3, 5), "A. Khan", DEFINITION).request_escalation(D(2024, 3, 8))
        c = c.acknowledge(D(2024, 3, 11), "A. Khan", DEFINITION, record_breach=True)
        return rows(c.audit(D(2024, 3, 11)))

    expected: list[Row] = [
        (
            "5.1",
            "breach",
            D(2024, 3, 8),
            D(2024, 3, 19),
            (
                "no response was sent at stage 1: stage 2 was asked for on 2024-03-08, and it was due "
                "by 2024-03-19"
            ),
        ),
        (
            "5.11",
            "breach",
            D(2024, 3, 11),
            None,
            (
                "stage 2 was under way on 2024-03-11 although stage 1 was never completed with a "
                "response"
            ),
        ),
        ("5.12", "breach", D(2024, 3, 11), None, "the same person (A. Khan) handled both stages"),
    ]
    assert run(CODE_2022) == expected
    assert run(attrs.evolve(CODE_2022, best_practice=frozenset(CITATION_KEYS))) == _as_warnings(
        expected
    )


UPHELD = Stage1Response(
    definition=DEFINITION,
    decisions=(
        PointDecision(
            point="the leaking tap", decision="upheld", reasons="Two repair visits were missed."
        ),
    ),
    escalation="You can ask us to escalate your complaint to stage 2.",
)
FINAL = Stage2Response(
    definition=DEFINITION,
    decisions=(
        PointDecision(
            point="the leaking tap", decision="upheld", reasons="Two repair visits were missed."
        ),
    ),
    remedies=(Remedy(kind="apology", what="We apologise for the missed visits."),),
)
NO_REMEDY: Row = (
    "6.9(e)",
    "breach",
    None,
    None,
    "the letter upholds the complaint in whole or in part but offers no remedy to put things right",
)


def _remedy_at_stage_2(edition: Edition, final: Stage2Response | None) -> Complaint:
    """Stage 1 upheld without a remedy (recorded as sent); stage 2 answered on 10 June."""
    return (
        Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        .acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        .respond(D(2024, 5, 20), handler="A. Khan", letter=UPHELD, record_breach=True)
        .request_escalation(D(2024, 5, 28))
        .acknowledge(D(2024, 5, 29), "B. Osei", DEFINITION)
        .respond(D(2024, 6, 10), handler="B. Osei", letter=final)
    )


def test_a_remedy_that_waited_for_stage_2() -> None:
    """5.13: a remedy first offered in the final response, after a stage 1 response that upheld
    the complaint without one, is a breach of the 2024 edition, a warning of a should reading;
    with no final letter recorded nothing shows it."""
    waited: Row = (
        "5.13",
        "breach",
        D(2024, 6, 10),
        None,
        (
            "the stage 1 response of 2024-05-20 upheld the complaint but offered no remedy; the "
            "remedy came only with the final response of 2024-06-10, after escalation"
        ),
    )
    assert rows(_remedy_at_stage_2(CODE_2024, FINAL).audit(D(2024, 6, 10))) == [NO_REMEDY, waited]
    assert rows(_remedy_at_stage_2(SHOULD, FINAL).audit(D(2024, 6, 10))) == [
        NO_REMEDY,
        *_as_warnings([waited]),
    ]
    assert rows(_remedy_at_stage_2(CODE_2024, None).audit(D(2024, 6, 10))) == [NO_REMEDY]


def test_an_extension_without_a_reason() -> None:
    """6.4: an extension that gives no reason is a breach of the 2024 edition (recorded only as
    it happened) and a warning of a should reading, where it is recorded without question."""
    expected: Row = ("6.4", "breach", D(2024, 5, 10), None, "the extension gives no reason")

    def run(edition: Edition) -> list[Row]:
        c = Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        c = c.extend(D(2024, 5, 10), 5, " ", ombudsman_details_given=True, record_breach=True)
        return rows(c.audit(D(2024, 5, 10)))

    assert run(CODE_2024) == [expected]
    assert run(SHOULD) == _as_warnings([expected])


def test_late_steps_are_graded_by_the_edition() -> None:
    """6.2 and 6.3: an acknowledgement and a response sent after their deadlines are breaches
    of the 2024 edition and warnings of a should reading, dated on the day each was sent."""
    late: list[Row] = [
        (
            "6.2",
            "breach",
            D(2024, 5, 14),
            D(2024, 5, 13),
            "acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13",
        ),
        (
            "6.3",
            "breach",
            D(2024, 5, 30),
            D(2024, 5, 29),
            "responded to at stage 1 on 2024-05-30, after the deadline of 2024-05-29",
        ),
    ]

    def run(edition: Edition) -> list[Row]:
        c = Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        c = c.acknowledge(D(2024, 5, 14), "A. Khan", DEFINITION).agree_updates(D(2024, 5, 14), 5)
        return rows(c.respond(D(2024, 5, 30), handler="A. Khan").audit(D(2024, 5, 30)))

    assert run(CODE_2024) == late
    assert run(SHOULD) == _as_warnings(late)


def test_an_acknowledgement_silent_on_responsibility() -> None:
    """5.7: an acknowledgement that does not say what the landlord is and is not responsible
    for is a breach of the 2024 edition and a warning of a should reading."""
    silent = attrs.evolve(DEFINITION, responsible_for=())
    expected: Row = (
        "5.7",
        "breach",
        D(2024, 5, 7),
        None,
        (
            "at stage 1: the acknowledgement does not say which aspects of the complaint we are, and "
            "are not, responsible for"
        ),
    )

    def run(edition: Edition) -> list[Row]:
        c = Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        return rows(c.acknowledge(D(2024, 5, 7), "A. Khan", silent).audit(D(2024, 5, 7)))

    assert run(CODE_2024) == [expected]
    assert run(SHOULD) == _as_warnings([expected])
