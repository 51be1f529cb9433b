"""The Ombudsman's determinations and orders in the annual report and the quarterly pack (9.7).

9.7: the Member Responsible for Complaints and the governing body receive the Ombudsman's
outcomes and the orders made; the reports list the determinations of the period and the orders
outstanding or overdue on its last day counted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import OmbudsmanOrder
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.reporting import (
    OmbudsmanCounts,
    ReportedDetermination,
    ReportedOrder,
    annual_report,
)

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="Damp has come back in the bedroom.",
    points=("the damp",),
    outcomes_sought=("fix the cause",),
    responsible_for=("repairs in the home",),
)
PAY = OmbudsmanOrder(order_id="O1", description="Pay the resident £300", due=D(2024, 12, 3))
SORRY = OmbudsmanOrder(order_id="O2", description="Apologise in writing", due=D(2024, 11, 19))


JUNE_20 = D(2024, 6, 20)


def referred(reference: str, on: dt.date = JUNE_20) -> Complaint:
    c = Complaint.receive(reference, received=D(2024, 5, 1))
    c = c.acknowledge(D(2024, 5, 2), "A. Khan", DEFINITION).respond(
        D(2024, 5, 10), outcome="upheld"
    )
    c = c.request_escalation(D(2024, 5, 20)).acknowledge(D(2024, 5, 21), "B. Osei", DEFINITION)
    return c.respond(D(2024, 6, 10), outcome="upheld").refer_to_ombudsman(on)


def determined() -> Complaint:
    c = referred("C-1").record_determination(D(2024, 11, 5), "maladministration", [PAY, SORRY])
    return c.complete_order(D(2024, 11, 15), "O2")


def test_determinations_and_orders_of_the_year() -> None:
    """9.7: referrals and determinations in the year; orders made and done; the order still to
    be done on 31 March 2025, overdue since 4 December 2024."""
    other = referred("C-2", D(2025, 2, 1)).record_determination(
        D(2025, 3, 20), "no maladministration"
    )
    counted = annual_report([determined(), other, referred("C-3")], homes=1_000, year=2024)
    assert counted.counts.ombudsman == OmbudsmanCounts(
        referred=3,
        determinations=[
            ReportedDetermination(
                reference="C-1", on=D(2024, 11, 5), determination="maladministration"
            ),
            ReportedDetermination(
                reference="C-2", on=D(2025, 3, 20), determination="no_maladministration"
            ),
        ],
        orders_made=2,
        orders_completed=1,
        outstanding=[
            ReportedOrder(
                reference="C-1",
                order_id="O1",
                description="Pay the resident £300",
                due=D(2024, 12, 3),
                overdue=True,
            )
        ],
    )
    assert counted.counts.ombudsman.by_determination() == (
        ("no_maladministration", 1),
        ("maladministration", 1),
    )


def test_an_order_is_overdue_from_the_day_after_it_was_due() -> None:
    """9.7: due on 3 December, the order is outstanding on that day and overdue the next."""
    on_the_day = annual_report([determined()], homes=1_000, year=2024, as_of=D(2024, 12, 3))
    assert [o.overdue for o in on_the_day.counts.ombudsman.outstanding] == [False]
    after = annual_report([determined()], homes=1_000, year=2024, as_of=D(2024, 12, 4))
    assert [o.overdue for o in after.counts.ombudsman.outstanding] == [True]
    done = determined().complete_order(D(2025, 1, 10), "O1")
    assert annual_report([done], homes=1_000, year=2024).counts.ombudsman.outstanding == ()


def test_an_order_outstanding_from_an_earlier_year_is_listed() -> None:
    """9.7: the next year's report lists the order still outstanding, though made before it."""
    counted = annual_report([determined()], homes=1_000, year=2025).counts.ombudsman
    assert (counted.referred, counted.determinations, counted.orders_made) == (0, (), 0)
    assert [(o.order_id, o.overdue) for o in counted.outstanding] == [("O1", True)]


def test_the_rendered_section() -> None:
    """9.7: the report's section on the Ombudsman: counts by determination, each determination
    and each outstanding order."""
    report = annual_report([determined()], homes=1_000, year=2024)
    section = report.to_markdown().split("## Ombudsman determinations and orders\n", 1)[1]
    assert section.split("\n## ")[0].strip().splitlines() == [
        "| The Ombudsman | In the year |",
        "| --- | --- |",
        "| Complaints referred to the Ombudsman | 1 |",
        "| Determinations made | 1 |",
        "|   Maladministration | 1 |",
        "| Orders made | 2 |",
        "| Orders done | 1 |",
        "| Orders outstanding on 31 March 2025 | 1 |",
        "| Of those, overdue on 31 March 2025 | 1 |",
        "",
        "| Complaint | Determined on | Determination |",
        "| --- | --- | --- |",
        "| C-1 | 5 November 2024 | Maladministration |",
        "",
        "| Complaint | Order | What was ordered | Due | Overdue |",
        "| --- | --- | --- | --- | --- |",
        "| C-1 | O1 | Pay the resident £300 | 3 December 2024 | yes |",
    ]
    assert report.to_dict()["counts"]["ombudsman"] == {
        "referred": 1,
        "determinations": [
            {"reference": "C-1", "on": "2024-11-05", "determination": "maladministration"}
        ],
        "by_determination": {"maladministration": 1},
        "orders_made": 2,
        "orders_completed": 1,
        "outstanding": [
            {
                "reference": "C-1",
                "order_id": "O1",
                "description": "Pay the resident £300",
                "due": "2024-12-03",
                "overdue": True,
            }
        ],
        "overdue": 1,
    }


def test_counts_add_up_and_bad_values_are_refused() -> None:
    """9.7: the Ombudsman's counts of two sets of complaints add up; bad values are refused."""
    one = annual_report([determined()], homes=1_000, year=2024).counts
    two = annual_report([referred("C-2")], homes=1_000, year=2024).counts
    both = annual_report([determined(), referred("C-2")], homes=1_000, year=2024).counts
    assert (one + two).ombudsman == both.ombudsman
    with pytest.raises(InvalidRecord, match=r"^determination: unknown determination 'guilty'"):
        ReportedDetermination(reference="C-1", on=D(2024, 1, 1), determination="guilty")
    yes: Any = "yes"
    with pytest.raises(InvalidRecord, match=r"^overdue: expected True or False, got 'yes'"):
        ReportedOrder(reference="C", order_id="O", description="x", due=D(2024, 1, 1), overdue=yes)
    with pytest.raises(InvalidRecord, match=r"^outstanding\[0\]: expected ReportedOrder, got str"):
        OmbudsmanCounts(outstanding=["O1"])
