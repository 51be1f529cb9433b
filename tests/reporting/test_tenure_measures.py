"""CH01 and CH02 by tenure: low-cost rental and low-cost home ownership apart, and together (8.1).

The Regulator of Social Housing's Tenant Satisfaction Measures are reported for each tenure,
each relative to its own homes, and for the two together; the report (8.1) carries them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.reporting import Counts, TenureCounts, annual_report

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The door entry system is broken.",
    points=("the door",),
    outcomes_sought=("repair it",),
    responsible_for=("communal doors",),
)
HOMES = {"low_cost_rental": 4_000, "low_cost_home_ownership": 800}


def complaint(reference: str, tenure: str | None, *, late: bool = False) -> Complaint:
    """Received Wednesday 1 May 2024, acknowledged the next day; answered by 17 May or late."""
    c = Complaint.receive(reference, received=D(2024, 5, 1), tenure=tenure)
    c = c.acknowledge(D(2024, 5, 2), "A. Khan", DEFINITION)
    return c.respond(D(2024, 5, 20) if late else D(2024, 5, 17), outcome="not upheld")


def year() -> list[Complaint]:
    return [
        complaint("C-1", "low_cost_rental"),
        complaint("C-2", "low_cost_rental", late=True),
        complaint("C-3", "low_cost_home_ownership"),
        complaint("C-4", None),
    ]


def test_ch01_and_ch02_for_each_tenure_and_together() -> None:
    """8.1: each tenure per 1,000 of its own homes; a complaint with no tenure counts only in
    the measures for all complaints together."""
    report = annual_report(year(), homes=4_800, year=2024, homes_by_tenure=HOMES)
    rental, ownership, together = report.tenure_measures
    assert (rental.label, rental.homes, rental.ch01.stage_1) == (  # type: ignore[union-attr]
        "Low-cost rental",
        4_000,
        Decimal("0.5"),
    )
    assert rental.ch02.stage_1.with_extensions == Decimal("50.0")
    assert (ownership.homes, ownership.ch01.stage_1, ownership.ch02.stage_1.in_time) == (  # type: ignore[union-attr]
        800,
        Decimal("1.3"),
        1,
    )
    assert (together.label, together.homes, together.ch01) == (
        "All tenures together",
        4_800,
        report.ch01,
    )
    assert together.ch02 == report.ch02
    assert report.counts.tenure("low_cost_rental").stage_1.received == 2


def test_without_homes_per_tenure_ch01_by_tenure_is_not_given() -> None:
    """8.1: without a tenure's homes there is no CH01 for it; CH02 needs no homes."""
    rental, _, _ = annual_report(year(), homes=4_800, year=2024).tenure_measures
    assert (rental.homes, rental.ch01, rental.ch02.stage_1.responses) == (None, None, 2)


def test_the_rendered_section() -> None:
    """8.1: the section on the measures by tenure, with the complaints that have no tenure."""
    report = annual_report(year(), homes=4_800, year=2024, homes_by_tenure=HOMES)
    text = report.to_markdown()
    section = text.split("## Tenant Satisfaction Measures by tenure\n", 1)[1].split("\n## ")[0]
    lines = section.strip().splitlines()
    assert lines[0].endswith(
        "1 of the 4 stage 1 complaints received in the year have no tenure recorded and count "
        "only together."
    )
    assert lines[4:] == [
        "| Low-cost rental | 4,000 | 0.5 | 0.0 | 50.0% | no responses | 50.0% | no responses |",
        "| Low-cost home ownership | 800 | 1.3 | 0.0 | 100.0% | no responses | 100.0% | no responses |",
        "| All tenures together | 4,800 | 0.8 | 0.0 | 75.0% | no responses | 75.0% | no responses |",
    ]
    data = report.to_dict()
    assert data["homes_by_tenure"] == HOMES
    assert data["tenure_measures"][1]["ch01"]["stage_1"] == "1.3"
    assert data["tenure_measures"][2]["tenure"] is None
    assert [t["tenure"] for t in data["counts"]["tenures"]] == list(HOMES)


def test_homes_by_tenure_must_add_up_and_name_known_tenures() -> None:
    """8.1: the homes of the tenures add up to the homes CH01 is counted for; a tenure is one
    of the two the measures know, given once, with homes above 0."""
    with pytest.raises(
        InvalidRecord,
        match=r"^homes_by_tenure: the homes of each tenure \(low_cost_rental: 4,000, "
        r"low_cost_home_ownership: 800\) add up to 4,800, not the 5,000 homes CH01 is counted "
        r"for$",
    ):
        annual_report([], homes=5_000, year=2024, homes_by_tenure=HOMES)
    with pytest.raises(InvalidRecord, match=r"^homes_by_tenure\[0\]: unknown tenure 'shared'"):
        annual_report([], homes=5_000, year=2024, homes_by_tenure={"shared": 5_000})
    with pytest.raises(
        InvalidRecord, match=r"^homes_by_tenure.low_cost_rental: CH01 is per 1,000 homes"
    ):
        annual_report([], homes=5_000, year=2024, homes_by_tenure={"low_cost_rental": 0})
    with pytest.raises(InvalidRecord, match=r"^tenure: unknown tenure 'x'"):
        Counts().tenure("x")


def test_tenure_counts_add_up_and_empty_ones_are_left_out() -> None:
    """8.1: the counts of each tenure add up with +, as the other counts do."""
    complaints = year()
    one = annual_report(complaints[:2], homes=4_800, year=2024).counts
    two = annual_report(complaints[2:], homes=4_800, year=2024).counts
    both = annual_report(complaints, homes=4_800, year=2024).counts
    assert (one + two).tenures == both.tenures
    assert Counts(tenures=[TenureCounts(tenure="low_cost_rental")]).tenures == ()
