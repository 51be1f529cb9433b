"""Outcomes by stage and category, and complaints by category, in the reports (5.12, 9.7, 8.1).

5.12: the record keeps each stage's outcome; the annual report (8.1) and the quarterly pack
(9.7: volumes, categories and outcomes) count them: each response's outcome in the year it was
made, each complaint under each of its categories.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.letters import PointDecision, Stage1Response
from complaintcode.remedies import Remedy
from complaintcode.reporting import (
    CategoryCounts,
    OutcomeCounts,
    StageOutcomes,
    annual_report,
)

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The repair was late and the damp came back.",
    points=("the repair", "the damp"),
    outcomes_sought=("fix it",),
    responsible_for=("repairs in the home",),
)


def letter(*decisions: str) -> Stage1Response:
    return Stage1Response(
        definition=DEFINITION,
        decisions=tuple(
            PointDecision(point=point, decision=decision, reasons="Because.")
            for point, decision in zip(("the repair", "the damp"), decisions, strict=True)
        ),
        remedies=(Remedy(kind="apology", what="We are sorry the repair was late."),),
        escalation="Reply to this letter to ask for stage 2.",
    )


MAY_1 = D(2024, 5, 1)


def answered(
    reference: str,
    *,
    outcome: str | None = None,
    response: Stage1Response | None = None,
    categories: tuple[str, ...] = (),
    received: dt.date = MAY_1,
) -> Complaint:
    c = Complaint.receive(reference, received=received, categories=categories)
    c = c.acknowledge(received + dt.timedelta(days=1), "A. Khan", DEFINITION)
    return c.respond(received + dt.timedelta(days=9), outcome=outcome, letter=response)


def escalated(c: Complaint, outcome: str | None) -> Complaint:
    day = c.events[-1].on
    c = c.request_escalation(day + dt.timedelta(days=3))
    c = c.acknowledge(day + dt.timedelta(days=4), "B. Osei", DEFINITION)
    return c.respond(day + dt.timedelta(days=20), outcome=outcome)


def test_outcomes_by_stage_recorded_or_from_the_letter() -> None:
    """5.12: an outcome recorded with the response, or given by its letter's point decisions
    (one point upheld, one not: partly upheld); a response with neither is unrecorded."""
    complaints = [
        answered("C-1", outcome="upheld"),
        answered("C-2", outcome="not upheld"),
        answered("C-3", response=letter("upheld", "not upheld")),
        answered("C-4"),
        escalated(answered("C-5", outcome="not upheld"), "partly upheld"),
    ]
    counted = annual_report(complaints, homes=1_000, year=2024).counts.outcomes
    assert counted.stage_1 == StageOutcomes(upheld=1, partly_upheld=1, not_upheld=2, unrecorded=1)
    assert counted.stage_2 == StageOutcomes(partly_upheld=1)
    assert (counted.stage_1.responses, counted.stage_1.recorded) == (5, 4)


def test_an_outcome_counts_in_the_year_of_its_response() -> None:
    """8.1: received in March 2025 and answered in April, its outcome is the next year's."""
    late = answered("C-1", outcome="upheld", received=D(2025, 3, 28))
    assert late.stage_record(1).responded == D(2025, 4, 6)  # type: ignore[union-attr]
    assert annual_report([late], homes=1_000, year=2024).counts.outcomes.stage_1.responses == 0
    assert annual_report([late], homes=1_000, year=2025).counts.outcomes.stage_1.upheld == 1


def test_complaints_and_outcomes_by_category() -> None:
    """9.7: complaints by category, a complaint under each of its categories, the categories
    read without regard to case; those with none counted apart."""
    complaints = [
        answered("C-1", outcome="upheld", categories=("Repairs", "damp and mould")),
        answered("C-2", outcome="not upheld", categories=("repairs",)),
        escalated(answered("C-3", outcome="upheld", categories=("Repairs",)), "not upheld"),
        answered("C-4", outcome="upheld"),
    ]
    counted = annual_report(complaints, homes=1_000, year=2024).counts.outcomes
    assert counted.categories == (
        CategoryCounts(category="damp and mould", received=1, stage_1=StageOutcomes(upheld=1)),
        CategoryCounts(
            category="Repairs",
            received=3,
            escalated=1,
            stage_1=StageOutcomes(upheld=2, not_upheld=1),
            stage_2=StageOutcomes(not_upheld=1),
        ),
    )
    assert counted.uncategorised == 1
    assert counted.category("REPAIRS").received == 3
    assert counted.category("anti-social behaviour") == CategoryCounts(
        category="anti-social behaviour"
    )


def test_the_rendered_outcomes_and_categories() -> None:
    """5.12, 9.7: the report's sections on categories and on outcomes."""
    complaints = [
        answered("C-1", outcome="upheld", categories=("repairs",)),
        answered("C-2", categories=("repairs",)),
        answered("C-3", outcome="not upheld"),
    ]
    text = annual_report(complaints, homes=1_000, year=2024).to_markdown()
    categories = text.split("## Complaints by category\n", 1)[1].split("\n## ")[0]
    assert categories.strip().splitlines()[2:] == [
        "| Category | Stage 1 received | Escalation requested |",
        "| --- | --- | --- |",
        "| repairs | 2 | 0 |",
        "| No category recorded | 1 |  |",
    ]
    outcomes = text.split("## Outcomes\n", 1)[1].split("\n## ")[0].strip().splitlines()
    assert outcomes[0] == (
        "The outcome of each response made in the year, as recorded with the response or given "
        "by its letter's decisions on each point; the record keeps each stage's outcome (5.12)."
    )
    assert outcomes[2:10] == [
        "| Responses | Stage 1 | Stage 2 |",
        "| --- | --- | --- |",
        "| Upheld | 1 | 0 |",
        "| Partly upheld | 0 | 0 |",
        "| Not upheld | 1 | 0 |",
        "| No outcome recorded | 1 | 0 |",
        "| Responses in all | 3 | 0 |",
        "",
    ]
    assert outcomes[10] == "By category (a complaint counts under each of its categories):"
    assert outcomes[-1] == "| repairs | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 |"


def test_the_json_of_the_outcomes() -> None:
    """5.12, 9.7: to_dict() counts the outcomes and categories."""
    report = annual_report(
        [answered("C-1", outcome="upheld", categories=("repairs",))], homes=1_000, year=2024
    )
    assert report.to_dict()["counts"]["outcomes"] == {
        "stage_1": {"upheld": 1, "partly_upheld": 0, "not_upheld": 0, "unrecorded": 0},
        "stage_2": {"upheld": 0, "partly_upheld": 0, "not_upheld": 0, "unrecorded": 0},
        "categories": [
            {
                "category": "repairs",
                "received": 1,
                "escalated": 0,
                "stage_1": {"upheld": 1, "partly_upheld": 0, "not_upheld": 0, "unrecorded": 0},
                "stage_2": {"upheld": 0, "partly_upheld": 0, "not_upheld": 0, "unrecorded": 0},
            }
        ],
        "uncategorised": 0,
    }


def test_bad_counts_are_refused() -> None:
    """9.7: counts are whole numbers; a category is text."""
    with pytest.raises(InvalidRecord, match=r"^upheld: expected a whole number, 0 or more"):
        StageOutcomes(upheld=-1)
    with pytest.raises(InvalidRecord, match=r"^category: expected a non-empty text"):
        CategoryCounts(category="")
    with pytest.raises(InvalidRecord, match=r"^categories\[0\]: expected CategoryCounts, got str"):
        OutcomeCounts(categories=["repairs"])


_OUTCOMES = st.sampled_from(["upheld", "partly upheld", "not upheld", None])
_CATEGORIES = st.lists(st.sampled_from(["repairs", "Repairs", "damp", "noise"]), max_size=2)


@given(st.lists(st.tuples(_OUTCOMES, _CATEGORIES), max_size=6), st.integers(0, 6))
def test_outcome_counts_of_two_halves_add_up(
    specs: list[tuple[str | None, list[str]]], cut: int
) -> None:
    """9.7: property: the outcome and category counts of two sets of complaints add up to the
    counts of both together, and every response of the year has one outcome or none."""
    complaints = [
        answered(f"C-{i}", outcome=o, categories=tuple(c)) for i, (o, c) in enumerate(specs)
    ]
    both = annual_report(complaints, homes=1_000, year=2024).counts.outcomes
    one = annual_report(complaints[:cut], homes=1_000, year=2024).counts.outcomes
    two = annual_report(complaints[cut:], homes=1_000, year=2024).counts.outcomes
    assert one + two == both
    assert both.stage_1.responses == len(complaints)
