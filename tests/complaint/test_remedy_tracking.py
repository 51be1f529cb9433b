"""Remedies offered in a complaint's responses, followed through to completion (7.3).

7.3: a remedy offer says what will happen and by when, and every remedy proposed is followed
through to completion. The remedies of a recorded response letter are tracked on the complaint,
named by the stage of the response and their position in its ``remedies``; the 2022 edition
states the same rule as its 6.5.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint, TrackedRemedy
from complaintcode.complaint.events import RemedyCompleted, event_from_dict
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.letters import PointDecision, Stage1Response, Stage2Response
from complaintcode.remedies import Remedy
from complaintcode.stages import Stage

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="Two repair visits were missed and the kitchen tap still leaks.",
    points=("the missed visits",),
    outcomes_sought=("repair the tap", "compensation"),
    responsible_for=("repairs in the home",),
)
DECISIONS = (
    PointDecision(point="the missed visits", decision="upheld", reasons="Both were missed."),
)
SORRY = Remedy(kind="apology", what="We are sorry for the missed visits.")
PAY = Remedy(kind="financial", what="We will pay you £150.", amount="150", by_when=D(2024, 6, 7))
FIXED = Remedy(
    kind="record_amended",
    what="We corrected your repair record.",
    by_when=D(2024, 6, 7),
    completed_on=D(2024, 5, 17),
)
REPAIR = Remedy(kind="action_on_delay", what="We will repair the tap.", by_when=D(2024, 6, 14))


def letter(*remedies: Remedy) -> Stage1Response:
    return Stage1Response(
        definition=DEFINITION,
        decisions=DECISIONS,
        remedies=remedies,
        escalation="Reply to this letter to ask us to escalate your complaint to stage 2.",
    )


#: Friday 3 May 2024, under the 2024 edition.
RECEIVED = D(2024, 5, 3)


def acknowledged(received: dt.date = RECEIVED) -> Complaint:
    c = Complaint.receive("C-1", received=received)
    return c.acknowledge(received + dt.timedelta(days=4), "A. Khan", DEFINITION)


def responded() -> Complaint:
    """Received Friday 3 May 2024, answered on Monday 20 May with four remedies."""
    return acknowledged().respond(D(2024, 5, 20), letter=letter(SORRY, PAY, FIXED, REPAIR))


def remedy_findings(c: Complaint, as_of: dt.date) -> list[tuple[str, str, dt.date | None]]:
    return [
        (str(f), f.severity, f.due) for f in c.audit(as_of) if f.provision.number in ("7.3", "6.5")
    ]


# --- the remedies on the record -----------------------------------------------------------


def test_the_remedies_of_a_response_are_tracked_with_their_state() -> None:
    """7.3: each remedy offered is listed with where it stands: given by the letter (an apology),
    done (completed before the letter), or outstanding."""
    c = responded()
    assert c.remedies == (
        TrackedRemedy(
            stage=Stage.ONE,
            index=0,
            remedy=SORRY,
            offered_on=D(2024, 5, 20),
            state="given_in_letter",
            done_on=D(2024, 5, 20),
            note=None,
        ),
        TrackedRemedy(
            stage=Stage.ONE,
            index=1,
            remedy=PAY,
            offered_on=D(2024, 5, 20),
            state="outstanding",
            done_on=None,
            note=None,
        ),
        TrackedRemedy(
            stage=Stage.ONE,
            index=2,
            remedy=FIXED,
            offered_on=D(2024, 5, 20),
            state="done",
            done_on=D(2024, 5, 17),
            note=None,
        ),
        TrackedRemedy(
            stage=Stage.ONE,
            index=3,
            remedy=REPAIR,
            offered_on=D(2024, 5, 20),
            state="outstanding",
            done_on=None,
            note=None,
        ),
    )


def test_no_remedies_without_a_response_letter() -> None:
    """7.3: only a recorded response letter offers remedies the record can track."""
    assert acknowledged().remedies == ()
    assert acknowledged().respond(D(2024, 5, 20)).remedies == ()


def test_a_remedy_is_recorded_as_done() -> None:
    """7.3: followed through to completion: the record says when, with a note."""
    c = responded().complete_remedy(D(2024, 6, 5), Stage.ONE, 1, note="Paid by bank transfer.")
    assert c.events[-1] == RemedyCompleted(
        on=D(2024, 6, 5), stage=Stage.ONE, index=1, note="Paid by bank transfer."
    )
    done = c.remedies[1]
    assert (done.state, done.done_on, done.note) == (
        "done",
        D(2024, 6, 5),
        "Paid by bank transfer.",
    )
    assert done.remedy == Remedy(
        kind="financial",
        what="We will pay you £150.",
        amount="150",
        by_when=D(2024, 6, 7),
        completed_on=D(2024, 6, 5),
    )
    assert c.remedies[3].state == "outstanding"


def test_a_remedy_of_the_final_response_is_named_by_stage_2() -> None:
    """7.3: the final response's remedies are tracked under stage 2, apart from stage 1's."""
    c = acknowledged().respond(D(2024, 5, 20), letter=letter(PAY))
    c = c.request_escalation(D(2024, 5, 28)).acknowledge(D(2024, 5, 30), "B. Osei", DEFINITION)
    final = Stage2Response(definition=DEFINITION, decisions=DECISIONS, remedies=(REPAIR,))
    c = c.respond(D(2024, 6, 20), handler="B. Osei", letter=final)
    c = c.complete_remedy(D(2024, 6, 21), 2, 0)
    assert [(int(r.stage), r.index, r.state) for r in c.remedies] == [
        (1, 0, "outstanding"),
        (2, 0, "done"),
    ]


# --- what the verb refuses --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("complaint", "stage", "index", "message"),
    [
        (
            responded,
            1,
            0,
            (
                "index: the remedy 'We are sorry for the missed visits.' (stage 1 response, "
                "remedies[0]) was given by the letter itself"
            ),
        ),
        (
            responded,
            1,
            2,
            (
                "index: the remedy 'We corrected your repair record.' (stage 1 response, "
                "remedies[2]) was done already: the letter gives it as completed on 2024-05-17"
            ),
        ),
        (
            responded,
            1,
            4,
            (
                "index: the stage 1 response offers 4 remedies (remedies[0] to remedies[3]): there "
                "is no remedies[4]"
            ),
        ),
        (
            lambda: acknowledged().respond(D(2024, 5, 20), letter=letter(PAY)),
            1,
            1,
            "index: the stage 1 response offers 1 remedy (remedies[0]): there is no remedies[1]",
        ),
        (
            lambda: acknowledged().respond(
                D(2024, 5, 20),
                letter=Stage1Response(
                    definition=DEFINITION,
                    decisions=(
                        PointDecision(
                            point="the missed visits", decision="not upheld", reasons="None was."
                        ),
                    ),
                    escalation="Reply to this letter to ask us to escalate to stage 2.",
                ),
            ),
            1,
            0,
            "index: the stage 1 response offers no remedies: there is no remedies[0]",
        ),
        (
            responded,
            2,
            0,
            "stage: no stage 2 response is recorded, so it offers no remedy",
        ),
        (
            acknowledged,
            1,
            0,
            "stage: no stage 1 response is recorded, so it offers no remedy",
        ),
        (
            lambda: acknowledged().respond(D(2024, 5, 20)),
            1,
            0,
            (
                "stage: the stage 1 response was recorded without its letter, so the remedies it "
                "offers are not known"
            ),
        ),
        (responded, 1, -1, "index: a position in a letter's remedies counts from 0, not -1"),
        (responded, 1, True, "index: expected a whole number, got bool"),
        (responded, 1, "1", "index: expected a whole number, got str"),
    ],
    ids=[
        "given by the letter",
        "completed before the letter",
        "beyond four",
        "beyond one",
        "a letter with none",
        "no stage 2 response",
        "no response yet",
        "a response without its letter",
        "a negative position",
        "a boolean position",
        "a text position",
    ],
)
def test_a_remedy_that_does_not_exist_or_was_done_is_refused(
    complaint: object, stage: int, index: object, message: str
) -> None:
    """7.3: only a remedy the recorded letter offers, and one not done yet, can be marked done."""
    with pytest.raises(InvalidRecord) as info:
        complaint().complete_remedy(D(2024, 6, 1), stage, index)  # type: ignore[operator]
    assert str(info.value) == message


def test_a_remedy_is_done_once() -> None:
    """7.3: a remedy marked done cannot be marked done again."""
    c = responded().complete_remedy(D(2024, 6, 5), 1, 1)
    with pytest.raises(InvalidRecord) as info:
        c.complete_remedy(D(2024, 6, 6), 1, 1)
    assert str(info.value) == (
        "index: the remedy 'We will pay you £150.' (stage 1 response, remedies[1]) was "
        "recorded as done already, on 2024-06-05"
    )


def test_a_stored_completion_of_no_remedy_names_the_event() -> None:
    """7.3: loading refuses a completion that names no remedy, with the event's path."""
    data = json.loads(responded().complete_remedy(D(2024, 6, 5), 1, 1).to_json())
    data["events"][-1]["index"] = 7
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_dict(data)
    assert str(info.value) == (
        "events[3].index: the stage 1 response offers 4 remedies (remedies[0] to remedies[3]): "
        "there is no remedies[7]"
    )


def test_stage_3_is_no_stage_to_name() -> None:
    """5.3, 7.3: a remedy is named by one of the two stages; there is no third."""
    with pytest.raises(ProvisionViolation) as info:
        responded().complete_remedy(D(2024, 6, 1), 3, 0)
    assert str(info.value) == "5.3: a complaints process may not have more than two stages (got 3)"


# --- the audit ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2024, 6, 6), []),
        (D(2024, 6, 7), []),
        (
            D(2024, 6, 8),
            [
                (
                    (
                        "7.3: the remedy 'We will pay you £150.' (stage 1 response, remedies[1]) was "
                        "due by 2024-06-07 and is not done (as of 2024-06-08)"
                    ),
                    "breach",
                    D(2024, 6, 7),
                )
            ],
        ),
    ],
    ids=["the day before", "due on the day", "the next day"],
)
def test_a_remedy_not_done_by_its_date_is_a_breach_from_the_next_day(
    as_of: dt.date, expected: list[tuple[str, str, dt.date]]
) -> None:
    """7.3: a remedy due by 7 June is in time on 7 June and overdue from 8 June; the remedy done
    before the letter and the apology the letter gives are never overdue."""
    c = responded().complete_remedy(D(2024, 6, 5), 1, 3)
    assert remedy_findings(c, as_of) == expected


def test_the_finding_is_dated_the_day_judged() -> None:
    """7.3: an overdue remedy's finding is dated ``as_of``, its ``due`` the remedy's date."""
    [finding] = [f for f in responded().audit(D(2024, 6, 10)) if f.code == "7.3"][:1]
    assert (finding.on, finding.due, finding.reference) == (D(2024, 6, 10), D(2024, 6, 7), "C-1")


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        (D(2024, 6, 7), []),
        (
            D(2024, 6, 10),
            [
                (
                    (
                        "7.3: the remedy 'We will pay you £150.' (stage 1 response, remedies[1]) was "
                        "done on 2024-06-10, after its date of 2024-06-07"
                    ),
                    "warning",
                    D(2024, 6, 7),
                )
            ],
        ),
    ],
    ids=["done on its date", "done after it"],
)
def test_a_remedy_done_late_is_a_warning(
    done: dt.date, expected: list[tuple[str, str, dt.date]]
) -> None:
    """7.3: a remedy done after its date was followed through, but late: a warning to look at."""
    c = responded().complete_remedy(D(2024, 6, 1), 1, 3).complete_remedy(done, 1, 1)
    assert remedy_findings(c, D(2024, 12, 31)) == expected


def test_the_audit_reads_the_record_as_it_stood() -> None:
    """7.3: a remedy done after ``as_of`` was still outstanding on ``as_of``."""
    c = responded().complete_remedy(D(2024, 6, 5), 1, 3).complete_remedy(D(2024, 6, 20), 1, 1)
    assert [text for text, *_ in remedy_findings(c, D(2024, 6, 10))] == [
        (
            "7.3: the remedy 'We will pay you £150.' (stage 1 response, remedies[1]) was due by "
            "2024-06-07 and is not done (as of 2024-06-10)"
        )
    ]


def test_a_2022_complaint_cites_its_own_6_5() -> None:
    """6.5 (2022): the 2022 edition states the same must, so a 2022 complaint's overdue remedy
    is a breach citing 6.5 of its own edition."""
    c = acknowledged(D(2024, 3, 1)).respond(D(2024, 3, 12), letter=letter(PAY))
    assert c.edition.year == 2022
    found = [f for f in c.audit(D(2024, 6, 8)) if f.provision.number in ("7.3", "6.5")]
    assert [(str(f), f.severity, f.provision.edition) for f in found] == [
        (
            (
                "6.5: the remedy 'We will pay you £150.' (stage 1 response, remedies[0]) was due by "
                "2024-06-07 and is not done (as of 2024-06-08)"
            ),
            "breach",
            2022,
        )
    ]


# --- JSON ------------------------------------------------------------------------------------


def test_a_completion_round_trips_through_json() -> None:
    """7.3: the completion is kept in the record's JSON and read back unchanged."""
    c = responded().complete_remedy(D(2024, 6, 5), 1, 1, note="Paid.")
    assert c.events[-1].to_dict() == {
        "kind": "remedy_completed",
        "on": "2024-06-05",
        "stage": 1,
        "index": 1,
        "note": "Paid.",
    }
    back = Complaint.from_json(c.to_json())
    assert back == c
    assert back.remedies == c.remedies
    assert event_from_dict(c.events[-1].to_dict()) == c.events[-1]


@given(
    by_when=st.dates(min_value=D(2024, 5, 20), max_value=D(2024, 12, 31)),
    done_after=st.none() | st.integers(min_value=0, max_value=200),
    judged_after=st.integers(min_value=0, max_value=300),
)
def test_a_remedy_is_overdue_exactly_when_not_done_after_its_date(
    by_when: dt.date, done_after: int | None, judged_after: int
) -> None:
    """7.3: the audit reports a remedy overdue exactly when, on ``as_of``, it is not done and its
    date has passed, and late exactly when it was done after its date."""
    pay = Remedy(kind="financial", what="Pay.", amount=Decimal(10), by_when=by_when)
    c = acknowledged().respond(D(2024, 5, 20), letter=letter(pay))
    done = None if done_after is None else D(2024, 5, 20) + dt.timedelta(days=done_after)
    if done is not None:
        c = c.complete_remedy(done, 1, 0)
    as_of = c.events[-1].on + dt.timedelta(days=judged_after)
    texts = [text for text, *_ in remedy_findings(c, as_of)]
    overdue = any("is not done" in t for t in texts)
    late = any("was done on" in t for t in texts)
    assert overdue is (done is None and as_of > by_when)
    assert late is (done is not None and done > by_when)
    assert c.remedies[0].is_overdue(as_of) is overdue
