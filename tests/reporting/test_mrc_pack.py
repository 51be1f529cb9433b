"""The quarterly pack for the Member Responsible for Complaints, and the quarters (9.6, 9.7, 9.5).

9.7: the Member Responsible for Complaints and the governing body receive regular information on
complaints: volumes, categories and outcomes, timeliness, trends against earlier periods, and the
Ombudsman's outcomes and orders; 9.6: the Member Responsible for Complaints keeps the governing
body informed with it. The pack counts a quarter by the annual report's rules.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import OmbudsmanOrder
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.reporting import MRC_SECTIONS, Quarter, annual_report, mrc_pack

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler keeps failing.",
    points=("the boiler",),
    outcomes_sought=("replace it",),
    responsible_for=("the heating system",),
)


def answered(reference: str, received: dt.date, outcome: str = "upheld") -> Complaint:
    c = Complaint.receive(reference, received=received, categories=("repairs",))
    c = c.acknowledge(received + dt.timedelta(days=1), "A. Khan", DEFINITION)
    return c.respond(received + dt.timedelta(days=8), outcome=outcome)


def year() -> list[Complaint]:
    """Complaints received in each quarter of 2024-25; one referred and determined in Q3."""
    referred = answered("C-4", D(2024, 7, 1)).request_escalation(D(2024, 7, 15))
    referred = referred.acknowledge(D(2024, 7, 16), "B. Osei", DEFINITION)
    referred = referred.respond(D(2024, 8, 5), outcome="not upheld").refer_to_ombudsman(
        D(2024, 8, 20)
    )
    referred = referred.record_determination(
        D(2024, 11, 4),
        "service failure",
        [OmbudsmanOrder(order_id="O1", description="Pay £150", due=D(2024, 12, 2))],
    )
    return [
        answered("C-1", D(2024, 4, 3)),
        answered("C-2", D(2024, 5, 8), "not upheld"),
        answered("C-3", D(2024, 7, 3)),
        referred,
        answered("C-5", D(2024, 10, 7), "partly upheld"),
        answered("C-6", D(2024, 12, 23)),
    ]


# --- quarters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, D(2024, 4, 1), D(2024, 6, 30)),
        (2, D(2024, 7, 1), D(2024, 9, 30)),
        (3, D(2024, 10, 1), D(2024, 12, 31)),
        (4, D(2025, 1, 1), D(2025, 3, 31)),
    ],
)
def test_the_quarters_of_a_reporting_year(number: int, start: dt.date, end: dt.date) -> None:
    """9.7: a quarter of the financial year: Q1 April to June, Q4 January to March."""
    q = Quarter(year=2024, number=number)
    assert (q.start, q.end, str(q)) == (start, end, f"2024-25 Q{number}")
    assert Quarter.containing(start) == Quarter.containing(end) == q
    assert start in q
    assert end in q
    assert end + dt.timedelta(days=1) not in q


@given(st.dates(D(2000, 1, 1), D(2100, 12, 31)))
def test_every_day_is_in_exactly_its_quarter(day: dt.date) -> None:
    """9.7: property: a day is in the quarter containing it, which follows the one before."""
    q = Quarter.containing(day)
    assert q.start <= day <= q.end
    assert q.previous().end + dt.timedelta(days=1) == q.start
    assert q.next().previous() == q
    assert Quarter.parse(str(q)) == q


def test_bad_quarters_are_refused() -> None:
    """9.7: a quarter is 1 to 4 of a year; its text names the years in order."""
    with pytest.raises(InvalidRecord, match=r"^number: expected a quarter from 1 to 4, got 5$"):
        Quarter(year=2024, number=5)
    with pytest.raises(InvalidRecord, match=r"^quarter: expected a quarter such as '2024-25 Q3'"):
        Quarter.parse("Q3 2024")
    assert Quarter.parse(" 2024-25q3 ") == Quarter(year=2024, number=3)
    assert Quarter(year=2024, number=1) < Quarter(year=2024, number=2)


# --- the pack ------------------------------------------------------------------------------


def test_the_pack_counts_the_quarter_by_the_reports_rules() -> None:
    """9.7: volumes, outcomes, categories and the Ombudsman's outcomes of the quarter; the
    quarter's counts are those of an annual report confined to it."""
    pack = mrc_pack(year(), quarter="2024-25 Q3")
    c = pack.counts
    assert (c.stage_1.received, c.stage_1.responses, c.stage_2.received) == (2, 2, 0)
    assert (c.outcomes.stage_1.upheld, c.outcomes.stage_1.partly_upheld) == (1, 1)
    assert c.outcomes.category("repairs").received == 2
    assert [(d.reference, d.determination.value) for d in c.ombudsman.determinations] == [
        ("C-4", "service_failure")
    ]
    assert [(o.order_id, o.overdue) for o in c.ombudsman.outstanding] == [("O1", True)]
    assert pack.as_of == D(2024, 12, 31)
    year_counts = annual_report(year(), homes=1_000, year=2024, as_of=D(2024, 12, 31)).counts
    assert year_counts.stage_1.received == sum(
        counts.stage_1.received for q, counts in pack.trend if q.year == 2024
    )


def test_the_trends_against_the_quarters_before() -> None:
    """9.7: the trends show the quarters before it, oldest first, counted by the same rules."""
    pack = mrc_pack(year(), quarter=Quarter(year=2024, number=3), previous=2)
    assert [(str(q), c.stage_1.received) for q, c in pack.trend] == [
        ("2024-25 Q1", 2),
        ("2024-25 Q2", 2),
        ("2024-25 Q3", 2),
    ]
    section = pack.to_markdown().split("## Trends\n", 1)[1].split("\n## ")[0]
    assert section.strip().splitlines()[2:6] == [
        "| Measure | 2024-25 Q1 | 2024-25 Q2 | 2024-25 Q3 |",
        "| --- | --- | --- | --- |",
        "| Stage 1 complaints received | 2 | 2 | 2 |",
        "| Escalation requests | 0 | 1 | 0 |",
    ]
    assert "| Ombudsman determinations | 0 | 0 | 1 |" in section
    assert mrc_pack(year(), quarter="2024-25 Q3", previous=0).trend[0][0] == pack.quarter


def test_the_pack_rendered() -> None:
    """9.7, 9.6: the title names the Member Responsible for Complaints; the sections follow in
    the order of MRC_SECTIONS, in Markdown and HTML alike. The average counts 6 working days for
    C-5 and 4 for C-6 (Christmas Day and Boxing Day are bank holidays): 5.0."""
    pack = mrc_pack(year(), quarter="2024-25 Q3", member_responsible="Priya Shah")
    text = pack.to_markdown()
    assert text.splitlines()[:3] == [
        "# Complaints for the Member Responsible for Complaints, 2024-25 Q3",
        "",
        (
            "Quarter 1 October 2024 to 31 December 2024, with the records as they stood on 31 "
            "December 2024: the regular information on complaints for Priya Shah and the governing "
            "body (9.7), so that the governing body is kept informed (9.6)."
        ),
    ]
    assert re.findall(r"^## (.+)$", text, flags=re.MULTILINE) == list(MRC_SECTIONS)
    assert re.findall(r"<h2>(.+?)</h2>", pack.to_html()) == list(MRC_SECTIONS)
    assert pack._repr_html_() == pack.to_html()
    timeliness = text.split("## Timeliness\n", 1)[1].split("\n## ")[0].strip().splitlines()
    assert timeliness[-3:] == [
        "| In time, counting Code-compliant extensions | 100.0% | no responses |",
        "| In time, not counting extensions | 100.0% | no responses |",
        (
            "| Average working days from receipt (stage 2: escalation request) to response | 5.0 "
            "| no responses |"
        ),
    ]


def test_the_pack_as_json() -> None:
    """9.7: to_dict() carries the quarter, the counts, the trend and the findings, as JSON."""
    data = mrc_pack(year(), quarter="2024-25 Q3", previous=1).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["format"], data["quarter"], data["start"], data["end"]) == (
        "complaintcode/mrc-pack@1",
        "2024-25 Q3",
        "2024-10-01",
        "2024-12-31",
    )
    assert [t["quarter"] for t in data["trend"]] == ["2024-25 Q2", "2024-25 Q3"]
    assert data["in_time"]["stage_1"] == {"with_extensions": "100.0", "without_extensions": "100.0"}
    assert data["counts"]["ombudsman"]["overdue"] == 1


def test_bad_arguments_are_refused() -> None:
    """9.7: a quarter, a day not before it, and 0 to 8 earlier quarters."""
    with pytest.raises(
        InvalidRecord, match=r"^as_of: 2024-09-30 is before the quarter 2024-25 Q3 starts"
    ):
        mrc_pack([], quarter="2024-25 Q3", as_of=D(2024, 9, 30))
    with pytest.raises(InvalidRecord, match=r"^previous: expected 0 to 8 quarters, got 9$"):
        mrc_pack([], quarter="2024-25 Q3", previous=9)
    with pytest.raises(InvalidRecord, match=r"^quarter: expected a Quarter or text"):
        mrc_pack([], quarter=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord, match=r"^complaints\[1\]: the reference 'C-1' appears twice"):
        mrc_pack([answered("C-1", D(2024, 10, 1))] * 2, quarter="2024-25 Q3")
