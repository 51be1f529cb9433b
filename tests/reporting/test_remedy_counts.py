"""The annual report's remedies (8.1's analysis of performance): offered, done and compensation.

7.3: a remedy offer says what will happen and by when, and every remedy proposed is followed
through to completion. The report counts, for the year, the remedies offered in the responses
made in it and the remedies done in it, with the compensation offered and paid (the amounts of
the financial remedies among them).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.letters import PointDecision, Stage1Response
from complaintcode.remedies import Remedy
from complaintcode.reporting import (
    REPORT_SECTIONS,
    Counts,
    RemedyCounts,
    RemedyKindCount,
    annual_report,
)

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="Two repair visits were missed.",
    points=("the missed visits",),
    outcomes_sought=("an apology", "compensation"),
    responsible_for=("repairs in the home",),
)
SORRY = Remedy(kind="apology", what="We are sorry.")


#: The date the financial remedies below are due by, unless said otherwise.
JUNE_7 = D(2024, 6, 7)


def pay(amount: str, by_when: dt.date = JUNE_7) -> Remedy:
    return Remedy(
        kind="financial", what=f"We will pay you £{amount}.", amount=amount, by_when=by_when
    )


def answered(reference: str, received: dt.date, *remedies: Remedy) -> Complaint:
    """Received, acknowledged two days later and answered a week after that, offering remedies."""
    letter = Stage1Response(
        definition=DEFINITION,
        decisions=(PointDecision(point="the missed visits", decision="upheld", reasons="Missed."),),
        remedies=remedies,
        escalation="Reply to this letter to ask us to escalate your complaint to stage 2.",
    )
    c = Complaint.receive(reference, received=received)
    c = c.acknowledge(received + dt.timedelta(days=2), "A. Khan", DEFINITION)
    return c.respond(received + dt.timedelta(days=9), letter=letter)


def test_remedies_offered_and_done_in_the_year_with_compensation() -> None:
    """7.3: an apology the letter gives is done with it; £150 offered and paid, £75.50 offered and
    still to pay, and a remedy done before the letter: four offered, three done."""
    fixed = Remedy(
        kind="record_amended",
        what="We corrected your record.",
        by_when=D(2024, 6, 7),
        completed_on=D(2024, 5, 8),
    )
    first = answered("C-1", D(2024, 5, 1), SORRY, pay("150"), fixed)
    first = first.complete_remedy(D(2024, 6, 3), 1, 1)
    second = answered("C-2", D(2024, 5, 1), pay("75.50"))
    report = annual_report([first, second], homes=1_000, year=2024)
    assert report.counts.remedies == RemedyCounts(
        offered=4,
        done=3,
        compensation_offered=Decimal("225.50"),
        compensation_paid=Decimal("150.00"),
    )


def test_a_remedy_counts_as_done_in_the_year_it_was_done() -> None:
    """7.3: offered in March 2025 (2024-25) and paid in April 2025, it is offered in one year's
    report and done in the next, as responses count in the year they were made."""
    c = answered("C-1", D(2025, 3, 10), pay("50", D(2025, 4, 30)))
    c = c.complete_remedy(D(2025, 4, 2), 1, 0)
    this_year = annual_report([c], homes=100, year=2024).counts.remedies
    next_year = annual_report([c], homes=100, year=2025).counts.remedies
    assert this_year == RemedyCounts(offered=1, compensation_offered=Decimal(50))
    assert next_year == RemedyCounts(done=1, compensation_paid=Decimal(50))


@pytest.mark.parametrize(
    ("as_of", "done", "paid"),
    [(D(2024, 6, 2), 0, Decimal(0)), (D(2024, 6, 3), 1, Decimal(150))],
    ids=["the day before it was paid", "the day it was paid"],
)
def test_the_report_reads_the_record_as_it_stood(as_of: dt.date, done: int, paid: Decimal) -> None:
    """7.3: a remedy done after the report's ``as_of`` is not yet done in it."""
    c = answered("C-1", D(2024, 5, 1), pay("150")).complete_remedy(D(2024, 6, 3), 1, 0)
    counted = annual_report([c], homes=100, year=2024, as_of=as_of).counts.remedies
    assert (counted.offered, counted.done, counted.compensation_paid) == (1, done, paid)


def test_a_complaint_with_no_remedies_counts_none() -> None:
    """7.3: without a response letter there is no remedy to count."""
    c = Complaint.receive("C-1", received=D(2024, 5, 1))
    assert annual_report([c], homes=100, year=2024).counts.remedies == RemedyCounts()


def test_the_rendered_section() -> None:
    """8.1, 7.3, 7.1: the report has a section for putting things right, after the audit findings,
    with the remedies by kind."""
    c = answered("C-1", D(2024, 5, 1), SORRY, pay("1250")).complete_remedy(D(2024, 6, 3), 1, 1)
    report = annual_report([c], homes=100, year=2024)
    assert REPORT_SECTIONS[9:12] == (
        "Audit findings by provision",
        "Putting things right",
        "Ombudsman determinations and orders",
    )
    section = report.to_markdown().split("## Putting things right\n", 1)[1].split("\n## ")[0]
    assert section.strip().splitlines() == [
        (
            "Remedies offered in the responses made in the year, and remedies done in the year "
            "whatever year they were offered in (7.3); compensation is the amount of the financial "
            "remedies among them. A remedy is overdue when it is still to be done after the date "
            "its letter gave."
        ),
        "",
        "| Remedies | In the year |",
        "| --- | --- |",
        "| Remedies offered in responses | 2 |",
        "| Remedies done | 2 |",
        "| Compensation offered | £1,250.00 |",
        "| Compensation paid | £1,250.00 |",
        "| Remedies overdue on 31 March 2025 | 0 |",
        "",
        "| Kind of remedy (7.1) | Offered | Done | Overdue |",
        "| --- | --- | --- | --- |",
        "| Apology | 1 | 1 | 0 |",
        "| Financial remedy | 1 | 1 | 0 |",
    ]
    assert "<td>Compensation paid</td><td>£1,250.00</td>" in report.to_html()
    assert report.to_dict()["counts"]["remedies"] == {
        "offered": 2,
        "done": 2,
        "compensation_offered": "1250.00",
        "compensation_paid": "1250.00",
    }


def test_remedies_by_kind_with_those_overdue() -> None:
    """7.1, 7.3: the remedies by the kind 7.1 names, in the order of RemedyKind; a remedy still
    to be done after its date is overdue on the last day counted, whatever year it was offered."""
    fixed = Remedy(kind="record_amended", what="We will correct your record.", by_when=JUNE_7)
    first = answered("C-1", D(2024, 5, 1), pay("150"), fixed)
    second = answered("C-2", D(2024, 5, 1), SORRY, pay("75")).complete_remedy(JUNE_7, 1, 1)
    report = annual_report([first, second], homes=100, year=2024, as_of=JUNE_7)
    assert report.counts.remedy_kinds == (
        RemedyKindCount(kind="apology", offered=1, done=1),
        RemedyKindCount(kind="record_amended", offered=1),
        RemedyKindCount(kind="financial", offered=2, done=1),
    )
    assert report.counts.remedies_overdue == 0
    later = annual_report([first, second], homes=100, year=2024, as_of=D(2024, 6, 8))
    assert [(k.kind.value, k.overdue) for k in later.counts.remedy_kinds] == [
        ("apology", 0),
        ("record_amended", 1),
        ("financial", 1),
    ]
    assert later.counts.remedies_overdue == 2
    assert later.to_dict()["counts"]["remedy_kinds"][1] == {
        "kind": "record_amended",
        "offered": 1,
        "done": 0,
        "overdue": 1,
    }
    assert annual_report([first], homes=100, year=2025).counts.remedy_kinds == (
        RemedyKindCount(kind="record_amended", overdue=1),
        RemedyKindCount(kind="financial", overdue=1),
    )


def test_remedy_kind_counts_add_up_by_kind() -> None:
    """7.1: counts by kind add per kind, and a kind with nothing counted is left out."""
    a = Counts(remedy_kinds=[RemedyKindCount(kind="financial", offered=1)])
    b = Counts(
        remedy_kinds=[
            RemedyKindCount(kind="apology", done=1),
            RemedyKindCount(kind="financial", offered=2, overdue=1),
            RemedyKindCount(kind="policy_change"),
        ]
    )
    assert (a + b).remedy_kinds == (
        RemedyKindCount(kind="apology", done=1),
        RemedyKindCount(kind="financial", offered=3, overdue=1),
    )
    with pytest.raises(InvalidRecord, match=r"^kind: unknown kind of remedy 'cash'"):
        RemedyKindCount(kind="cash")


def test_a_2023_24_report_names_the_2022_editions_number() -> None:
    """6.5 (2022): the report of a year the 2022 edition governed cites its own number."""
    report = annual_report([], homes=100, year=2023)
    section = report.to_markdown().split("## Putting things right\n", 1)[1].split("\n## ")[0]
    assert "whatever year they were offered in (6.5);" in section


# --- the counts as values ----------------------------------------------------------------------


def test_counts_add_up() -> None:
    """7.3: the remedies of two sets of complaints add up, as the other counts do."""
    a = Counts(remedies=RemedyCounts(offered=2, done=1, compensation_offered="10.50"))
    b = Counts(remedies=RemedyCounts(offered=1, done=1, compensation_paid="5"))
    assert (a + b).remedies == RemedyCounts(
        offered=3, done=2, compensation_offered="10.50", compensation_paid="5.00"
    )
    assert Counts().remedies == RemedyCounts()
    assert RemedyCounts().to_dict() == {
        "offered": 0,
        "done": 0,
        "compensation_offered": "0.00",
        "compensation_paid": "0.00",
    }


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"offered": -1}, "offered: expected a whole number, 0 or more, got -1"),
        ({"done": True}, "done: expected a whole number, 0 or more, got True"),
        (
            {"compensation_paid": "1.234"},
            "compensation: expected an amount of pounds and pence, 0 or more, got '1.234'",
        ),
        (
            {"compensation_paid": -5},
            "compensation: expected an amount of pounds and pence, 0 or more, got -5",
        ),
        (
            {"compensation_offered": 1.5},
            "compensation: expected an amount of pounds and pence, 0 or more, got 1.5",
        ),
        (
            {"compensation_offered": "NaN"},
            "compensation: expected an amount of pounds and pence, 0 or more, got 'NaN'",
        ),
    ],
    ids=["negative", "a boolean", "fractions of a penny", "negative pounds", "a float", "NaN"],
)
def test_bad_counts_are_refused(kwargs: dict[str, object], message: str) -> None:
    """7.3: counts are whole numbers and compensation is pounds and pence, never a float."""
    with pytest.raises(InvalidRecord) as info:
        RemedyCounts(**kwargs)  # type: ignore[arg-type]
    assert str(info.value) == message


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=200),
            st.decimals(min_value=0, max_value=1000, places=2),
            st.none() | st.integers(min_value=0, max_value=200),
        ),
        max_size=6,
    ),
    st.integers(min_value=1, max_value=5),
)
def test_counting_in_parts_adds_up_to_counting_at_once(
    offers: list[tuple[int, Decimal, int | None]], cut: int
) -> None:
    """7.3: the remedies of the year counted in two parts add up to those counted at once; the
    compensation paid never exceeds the compensation of the remedies done."""
    complaints = []
    for number, (day, amount, paid_after) in enumerate(offers):
        received = D(2024, 4, 1) + dt.timedelta(days=day)
        c = answered(f"C-{number}", received, pay(str(amount), received + dt.timedelta(days=30)))
        if paid_after is not None:
            c = c.complete_remedy(c.events[-1].on + dt.timedelta(days=paid_after), 1, 0)
        complaints.append(c)
    whole = annual_report(complaints, homes=100, year=2024).counts.remedies
    parts = [
        annual_report(complaints[:cut], homes=100, year=2024).counts.remedies,
        annual_report(complaints[cut:], homes=100, year=2024).counts.remedies,
    ]
    assert parts[0] + parts[1] == whole
    assert whole.offered == len(offers)
    assert whole.compensation_offered == sum((a for _, a, _ in offers), Decimal(0))
    assert whole.done <= whole.offered
    assert whole.compensation_paid <= whole.compensation_offered
