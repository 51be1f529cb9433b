"""What a complaint record answers about itself: its definitions, what is overdue, its identity,
and the checks a verb makes of what it is given.

5.6 (the definition recorded at each acknowledgement), 5.12 (the record as a value), 6.2 (a
deadline is overdue only after its day), 5.9 (intervals for updates), 5.11 (a refusal decided
before it is recorded).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from complaintcode import CODE_2022, Complaint, ComplaintDefinition, InvalidRecord
from complaintcode.exclusions import ExclusionFacts, assess, decide

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
STAGE_2 = ComplaintDefinition(
    understanding="The tap still leaks after the stage 1 repair.",
    points=("the repair that did not hold",),
    outcomes_sought=("a new tap",),
    responsible_for=("repairs in the home",),
)


def escalated() -> Complaint:
    return (
        Complaint.receive("C-1", received=D(2024, 5, 3))
        .acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        .respond(D(2024, 5, 20), handler="A. Khan")
        .request_escalation(D(2024, 5, 28))
    )


def test_the_definition_recorded_at_each_stage() -> None:
    """5.6: each stage's acknowledgement records its own complaint definition."""
    c = escalated()
    assert c.definition(1) is DEFINITION
    assert c.definition(2) is None
    c = c.acknowledge(D(2024, 5, 29), "B. Osei", STAGE_2)
    assert (c.definition(1), c.definition(2)) == (DEFINITION, STAGE_2)
    assert Complaint.receive("C-2", received=D(2024, 5, 3)).definition(1) is None


def test_a_deadline_is_overdue_only_after_its_day() -> None:
    """6.2: on the last day to acknowledge nothing is overdue; the next day it is."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    assert c.overdue(D(2024, 5, 13)) == ()
    assert [str(d) for d in c.overdue(D(2024, 5, 14))] == [
        "6.2: acknowledge at stage 1 by 2024-05-13"
    ]


def test_equal_records_hash_alike() -> None:
    """5.12: a record is a value: the same events give equal records with equal hashes."""
    c = escalated()
    again = Complaint.from_events(c.events)
    assert c == again
    assert hash(c) == hash(again) == hash(c.events)
    assert len({c, again, Complaint.receive("C-1", received=D(2024, 5, 3))}) == 2


def test_updates_agreed_without_a_note() -> None:
    """5.9: intervals for updates agreed without a note record an empty note."""
    event = escalated().agree_updates(D(2024, 5, 28), 3).events[-1]
    assert (event.on, event.every_working_days, event.note) == (  # type: ignore[attr-defined]
        D(2024, 5, 28),
        3,
        "",
    )


def test_a_refusal_dated_after_the_day_it_is_recorded() -> None:
    """5.11: a decision to refuse escalation cannot be recorded before the day it was taken."""
    facts = ExclusionFacts(received=D(2024, 5, 3), issue_occurred=D(2022, 1, 6))
    decision = decide(
        assess(facts, on=D(2024, 5, 30)),
        grounds=["time_limit"],
        reasons="The repair was done in January 2022 and nothing has gone wrong since.",
        decided_by="T. Lane",
        refusing_escalation=True,
        discretion_considered="No reason for the delay was given.",
    )
    with pytest.raises(InvalidRecord) as caught:
        escalated().refuse_escalation(D(2024, 5, 29), decision)
    assert str(caught.value) == (
        "decision.decided_on: the decision is dated 2024-05-30, after the day it is recorded on "
        "(2024-05-29)"
    )
    assert escalated().refuse_escalation(D(2024, 5, 30), decision).status == "escalation_refused"


def test_the_day_asked_about_is_a_date_on_or_after_receipt() -> None:
    """5.12: a record is asked about as of a day on or after its receipt, given as a date."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    for as_of, message in (
        ("2024-05-03", "as_of: expected a date, got str"),
        (D(2024, 5, 2), "as_of: 2024-05-02 is before the complaint was received (2024-05-03)"),
    ):
        with pytest.raises(InvalidRecord) as caught:
            c.audit(as_of)  # type: ignore[arg-type]
        assert caught.value.path == "as_of"
        assert str(caught.value) == message


def test_a_record_read_as_of_an_earlier_day_keeps_its_reading() -> None:
    """5.1 (2022), calendar days: a complaint judged by a reading of its edition is judged by
    that reading also as of a day before its last event (the extension of 20 December, 12
    calendar days, is reported as of that day, before the response of 28 December)."""
    strict = attrs.evolve(CODE_2022.reading_days_as("calendar"), best_practice=frozenset())
    c = Complaint.receive("C-22", received=D(2023, 12, 6), edition=strict)
    c = c.acknowledge(D(2023, 12, 8), "A. Khan", DEFINITION)
    c = c.extend(D(2023, 12, 20), 5, "Survey", ombudsman_details_given=True, record_breach=True)
    c = c.respond(D(2023, 12, 28), handler="A. Khan")
    assert [str(f) for f in c.audit(D(2023, 12, 20))] == [
        (
            "5.1: an extension of 5 working days at stage 1 runs 12 days past the deadline it "
            "extends, longer than the further 10 days allowed without a good reason, and none was "
            "recorded"
        )
    ]


def test_a_stored_record_that_is_not_one() -> None:
    """5.12: a stored complaint must be an object with a list of events."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_dict(5)
    assert (str(caught.value), caught.value.path) == ("expected an object, got int", None)
    with pytest.raises(InvalidRecord) as caught:
        Complaint.from_dict({"format": "complaintcode/complaint@1", "events": 5})
    assert str(caught.value) == "events: expected a list of events"
