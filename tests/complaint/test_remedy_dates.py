"""Remedies followed to their date, whichever response offered them (7.3).

7.3: a remedy offered in a response says by when it will happen; the audit reports one not done
by then (a breach of the 2024 edition, a warning of a should reading) and one done after it (a
warning). A remedy done on the day asked about counts as done that day. The final response of a
complaint escalated before its stage 1 response offers remedies like any other.
"""

from __future__ import annotations

import datetime as dt

import attrs

from complaintcode import (
    CODE_2024,
    Complaint,
    ComplaintDefinition,
    Edition,
    PointDecision,
    Stage2Response,
)
from complaintcode.editions import CITATION_KEYS
from complaintcode.remedies import Remedy

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
FINAL = Stage2Response(
    definition=DEFINITION,
    decisions=(
        PointDecision(
            point="the leaking tap", decision="upheld", reasons="Two repair visits were missed."
        ),
    ),
    remedies=(Remedy(kind="action_on_delay", what="We will fix the tap.", by_when=D(2024, 7, 1)),),
)
SHOULD = attrs.evolve(CODE_2024, best_practice=frozenset(CITATION_KEYS))
LATE_STAGE_1 = [
    (
        "5.9: the stage 1 response was late and no intervals for updates were agreed with the "
        "resident by 2024-05-21"
    ),
    "6.3: not responded to at stage 1 by 2024-05-21 (stage 2 was asked for on 2024-05-28)",
]


def escalated_unanswered(edition: Edition = CODE_2024) -> Complaint:
    """Escalated on 28 May 2024 without a stage 1 response; the final response of 10 June
    offers to fix the tap by 1 July."""
    return (
        Complaint.receive("C-1", received=D(2024, 5, 3), edition=edition)
        .acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
        .request_escalation(D(2024, 5, 28))
        .acknowledge(D(2024, 5, 29), "B. Osei", DEFINITION)
        .respond(D(2024, 6, 10), handler="B. Osei", letter=FINAL)
    )


def test_a_remedy_of_the_final_response_not_done_by_its_date() -> None:
    """7.3: the remedy the final response offered, not done by 1 July, is reported from 2 July,
    though stage 1 was never answered; a breach, or a warning of a should reading."""
    c = escalated_unanswered()
    assert [str(f) for f in c.audit(D(2024, 7, 1))] == LATE_STAGE_1
    overdue = c.audit(D(2024, 7, 5))[-1]
    assert (overdue.code, overdue.severity, overdue.on, overdue.due, overdue.message) == (
        "7.3",
        "breach",
        D(2024, 7, 5),
        D(2024, 7, 1),
        (
            "the remedy 'We will fix the tap.' (stage 2 response, remedies[0]) was due by "
            "2024-07-01 and is not done (as of 2024-07-05)"
        ),
    )
    assert escalated_unanswered(SHOULD).audit(D(2024, 7, 5))[-1].severity == "warning"


def test_a_remedy_done_on_the_day_asked_about_counts_as_done() -> None:
    """7.3: a remedy done on 5 July, after its date, is a warning dated that day, also when the
    audit is as of that very day."""
    c = escalated_unanswered().complete_remedy(D(2024, 7, 5), stage=2, index=0)
    late = c.audit(D(2024, 7, 5))[-1]
    assert (late.code, late.severity, late.on, late.due, late.message) == (
        "7.3",
        "warning",
        D(2024, 7, 5),
        D(2024, 7, 1),
        (
            "the remedy 'We will fix the tap.' (stage 2 response, remedies[0]) was done on "
            "2024-07-05, after its date of 2024-07-01"
        ),
    )
