"""Exclusion grounds and decisions asserted whole: the provision each cites under the edition
applied, the boundary days, and the fields a decision keeps.

2.1 to 2.5 (2024) and 1.7 to 1.9 (2022), 5.11 when refusing escalation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode import CODE_2022, CODE_2024, InvalidRecord, ProvisionViolation, Stage, provision
from complaintcode.exclusions import (
    ExclusionDecision,
    ExclusionFacts,
    Ground,
    PreviousComplaint,
    assess,
    decide,
    legal_proceedings_ground,
    months_after,
    previously_considered_ground,
)

D = dt.date
PREVIOUS = PreviousComplaint(reference="C-7", completed_stage=Stage.TWO, status="completed")
#: Received on 2 June 2025 (2024 edition), late, with a claim filed that day and a matter
#: already through the process: all three grounds.
ALL_THREE = ExclusionFacts(
    received=D(2025, 6, 2),
    issue_occurred=D(2023, 1, 6),
    claim_filed_at_court=D(2025, 6, 2),
    previously_considered=PREVIOUS,
)


@pytest.mark.parametrize(
    ("edition", "limit", "months", "ends"),
    [(CODE_2024, "2.3", 12, "2024-01-06"), (CODE_2022, "1.8", 6, "2023-07-06")],
)
def test_every_ground_cites_the_edition_applied(
    edition: object, limit: str, months: int, ends: str
) -> None:
    """2.2 and 2.3 (2024), 1.8 (2022): every ground found cites the edition the assessment is
    made under, not the one the date of receipt would choose."""
    a = assess(ALL_THREE, edition=edition)  # type: ignore[arg-type]
    grounds = "2.2" if edition is CODE_2024 else "1.8"
    year = 2024 if edition is CODE_2024 else 2022
    assert [(g.kind, g.provision) for g in a.grounds] == [
        ("time_limit", provision(limit, year)),
        ("legal_proceedings", provision(grounds, year)),
        ("previously_considered", provision(grounds, year)),
    ]
    assert [g.reason for g in a.grounds] == [
        (
            f"{limit}: received on 2025-06-02, more than {months} months after the issue occurred "
            f"on 2023-01-06 (the limit ended on {ends}); the landlord must consider discretion where "
            "there are good reasons"
        ),
        (
            f"{grounds}: a claim about the matter was filed at court on 2025-06-02, so legal "
            "proceedings have started"
        ),
        (
            f"{grounds}: the same matter completed the complaints process as complaint C-7 (given "
            "its final response at stage 2)"
        ),
    ]
    assert a.notes == ()


def test_ground_functions_cite_the_edition_passed() -> None:
    """2.2 (2024), 1.8 (2022): the legal-proceedings and previously-considered grounds cite the
    edition passed to them."""
    legal = legal_proceedings_ground(ALL_THREE, edition=CODE_2022)
    previous = previously_considered_ground(ALL_THREE, edition=CODE_2022)
    assert legal is not None
    assert previous is not None
    assert (legal.provision, previous.provision) == (provision("1.8", 2022),) * 2
    assert legal == Ground(
        kind="legal_proceedings",
        provision=provision("1.8", 2022),
        discretionary=False,
        reason="1.8: a claim about the matter was filed at court on 2025-06-02, so legal "
        "proceedings have started",
        claim_filed=D(2025, 6, 2),
    )


def test_a_claim_filed_on_the_assessment_day() -> None:
    """2.2: a claim filed at court on the day of the assessment has started legal proceedings;
    no note says otherwise. Filed a week later, the assessment on receipt notes it."""
    later = ExclusionFacts(
        received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), claim_filed_at_court=D(2025, 6, 9)
    )
    on_the_day = assess(later, on=D(2025, 6, 9))
    assert [g.kind for g in on_the_day.grounds] == ["legal_proceedings"]
    assert on_the_day.notes == ()
    assert assess(later).notes == (
        (
            "2.2: the claim filed at court on 2025-06-09 is after 2025-06-02, so legal proceedings "
            "had not started on that date"
        ),
    )


def test_a_decision_keeps_the_day_it_was_taken() -> None:
    """2.1: a decision taken a week after the assessment is dated on that day, through either
    spelling of decide."""
    later = ExclusionFacts(
        received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), claim_filed_at_court=D(2025, 6, 2)
    )
    a = assess(later)
    for make in (decide, ExclusionDecision.decide):
        d = make(
            a,
            grounds=["legal_proceedings"],
            decided_by="A. Jones",
            reasons="Your claim about the damp is before the county court.",
            decided_on=D(2025, 6, 9),
        )
        assert d.decided_on == D(2025, 6, 9)
        assert d.refusing_escalation is False


@pytest.mark.parametrize(
    ("refusing", "number"), [(False, "2.1"), (True, "5.11")], ids=["decline", "refuse"]
)
def test_a_ground_the_assessment_did_not_find(refusing: bool, number: str) -> None:
    """2.1 and 5.11: relying on a ground the assessment did not find is refused, citing 2.1 when
    declining and 5.11 when refusing escalation, by kind or as a Ground found elsewhere."""
    in_time = assess(
        ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6)), on=D(2025, 6, 2)
    )
    elsewhere = assess(ALL_THREE).grounds[1]
    for make in (decide, ExclusionDecision.decide):
        for ground in ("legal_proceedings", elsewhere):
            with pytest.raises(ProvisionViolation) as caught:
                make(
                    in_time,
                    grounds=[ground],
                    decided_by="A. Jones",
                    reasons="Your claim is before the court.",
                    refusing_escalation=refusing,
                )
            assert caught.value.provision == provision(number, 2024)
            assert str(caught.value) == (
                f"{number}: the assessment of 2025-06-02 did not find the ground relied on "
                "(legal_proceedings)"
            )


def test_months_after_in_the_last_year_there_is() -> None:
    """2.3: twelve calendar months are counted up to the last date there is, 31 December 9999,
    and refused past it."""
    assert months_after(D(9999, 1, 15), 11) == D(9999, 12, 15)
    with pytest.raises(InvalidRecord) as caught:
        months_after(D(9999, 1, 15), 12)
    assert (
        str(caught.value) == "months: 12 months after 9999-01-15 is past 9999-12-31, the last date"
    )


@pytest.mark.parametrize(
    ("grounds", "kind"),
    [({"time_limit"}, "set"), (iter(["time_limit"]), "list_iterator"), (5, "int")],
    ids=["set", "iterator", "number"],
)
def test_grounds_that_are_not_a_list_are_refused_by_their_kind(grounds: object, kind: str) -> None:
    """2.1: a decision rests on a list of grounds (or a single one); anything else is refused,
    the message naming the kind of value given."""
    a = assess(ALL_THREE)
    with pytest.raises(InvalidRecord) as caught:
        decide(a, grounds=grounds, reasons="Too late.", decided_by="A. Jones")  # type: ignore[arg-type]
    assert str(caught.value) == f"grounds: expected a list of grounds, got {kind}"
    assert caught.value.path == "grounds"


def test_the_fields_of_the_exclusion_records_are_checked_as_each_is_made() -> None:
    """2.2: a ground is one of the kinds the Code and a policy give; the matter previously
    considered is an earlier complaint, completed, open or withdrawn, with the stage it reached.
    Each record refuses a value of the wrong kind, naming the field and what it accepts; a
    missing stage or earlier complaint is accepted."""
    refused: list[tuple[Any, str]] = [
        (
            lambda: Ground(
                kind="nonsense",  # type: ignore[arg-type]  # the wrong value is the point
                provision=provision("2.2"),
                discretionary=False,
                reason="r",
            ),
            (
                "kind: expected one of time_limit, legal_proceedings, previously_considered, "
                "policy, got 'nonsense'"
            ),
        ),
        (
            lambda: PreviousComplaint(reference="C-7", status="closed"),  # type: ignore[arg-type]
            "status: expected one of completed, open, withdrawn, got 'closed'",
        ),
        (
            lambda: PreviousComplaint(
                reference="C-7",
                completed_stage=2,  # type: ignore[arg-type]  # a number, not a Stage
                status="completed",
            ),
            "completed_stage: expected Stage, got int",
        ),
        (
            lambda: ExclusionFacts(
                received=D(2025, 6, 2),
                issue_occurred=D(2025, 1, 6),
                previously_considered="C-7",  # type: ignore[arg-type]  # a reference only
            ),
            "previously_considered: expected PreviousComplaint, got str",
        ),
    ]
    for make, message in refused:
        with pytest.raises(InvalidRecord) as caught:
            make()
        assert str(caught.value) == message
        assert caught.value.path == message.split(":")[0]
    assert PreviousComplaint(reference="C-7", status="open").completed_stage is None
    facts = ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6))
    assert facts.previously_considered is None
    assert ALL_THREE.previously_considered == PREVIOUS
