"""The governing body's part in the annual report, and what the report lacks (8.1, 8.2, 9.5, 5.12).

8.1: the annual complaints performance and service improvement report carries a qualitative
analysis and the self-assessment; 8.2: it goes to the governing body and is published with the
body's response; 9.5: a member of the governing body is the Member Responsible for Complaints.
``AnnualReport.problems()`` says what is still missing before the report can be published.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest

from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provisions
from complaintcode.reporting import REPORT_SECTIONS, AnnualReport, GoverningBody, annual_report
from complaintcode.selfassessment import SelfAssessment

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap leaks.",
    points=("the tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
BOARD = GoverningBody(
    name="the Board",
    member_responsible="Priya Shah",
    reported_on=D(2025, 5, 20),
    response="The Board welcomes the report and asks for quarterly updates on repairs.",
    responded_on=D(2025, 6, 3),
)


def answered(reference: str, outcome: str | None = "upheld") -> Complaint:
    c = Complaint.receive(reference, received=D(2024, 5, 1))
    return c.acknowledge(D(2024, 5, 2), "A. Khan", DEFINITION).respond(
        D(2024, 5, 10), outcome=outcome
    )


def complete_assessment() -> SelfAssessment:
    sa = SelfAssessment.blank(2024)
    for p in provisions(2024):
        sa = sa.answer(p.number, "yes", evidence="Complaints policy")
    return sa


def ready(**changes: Any) -> AnnualReport:
    """A report with everything 8.1, 8.2 and 9.5 ask for, changed as given."""
    report = annual_report(
        [answered("C-1")],
        homes=1_000,
        year=2024,
        self_assessment=complete_assessment(),
        improvements=["Repairs are booked at the first call."],
        qualitative_analysis="Most complaints were about repairs; answers were quicker.",
        governing_body=BOARD,
    )
    return attrs.evolve(report, **changes)


def problems(report: AnnualReport) -> list[tuple[str, str, str]]:
    return [(f.code, f.message, f.severity) for f in report.problems()]


def test_a_report_with_everything_has_no_problems() -> None:
    """8.1, 8.2, 9.5: analysis, self-assessment, improvements, the governing body's response
    and the MRC's name: nothing is missing."""
    assert ready().problems() == ()


def test_a_bare_report_lists_everything_missing_in_code_order() -> None:
    """8.1: no qualitative analysis, no self-assessment, no improvements named (a warning);
    8.2: not put to the governing body and no response; 9.5: no MRC named."""
    report = annual_report([answered("C-1")], homes=1_000, year=2024)
    assert problems(report) == [
        ("8.1", "the report has no qualitative analysis", "breach"),
        ("8.1", "the report does not include the self-assessment", "breach"),
        ("8.1", "the report names no service improvements made from complaints", "warning"),
        ("8.2", "the report has not gone to the governing body", "breach"),
        (
            "8.2",
            "the governing body's response, to be published with the report, is not recorded",
            "breach",
        ),
        ("9.5", "the report does not name the Member Responsible for Complaints", "breach"),
    ]


def test_a_response_without_a_date() -> None:
    """8.2: the governing body's response is published with the report, so it needs its date."""
    report = ready(governing_body=attrs.evolve(BOARD, responded_on=None))
    assert problems(report) == [("8.2", "the governing body's response is not dated", "breach")]


def test_a_self_assessment_with_problems_of_its_own() -> None:
    """8.1: the report includes the self-assessment; one with gaps is reported with its count
    of problems: a breach when any of them is."""
    sa = complete_assessment().answer("6.2", "no")
    assert problems(ready(self_assessment=sa)) == [
        ("8.1", "the self-assessment included has 2 problems (2 breaches)", "breach")
    ]
    sa = complete_assessment().answer("6.2", "yes")
    assert problems(ready(self_assessment=sa)) == [
        ("8.1", "the self-assessment included has 1 problem (0 breaches)", "warning")
    ]


def test_responses_with_no_recorded_outcome() -> None:
    """5.12: the record keeps each stage's outcome; the report names the responses of the year
    with none, by stage, citing the edition in force on the year's first day."""
    report = annual_report(
        [answered("C-1", None), answered("C-2", None), answered("C-3")],
        homes=1_000,
        year=2024,
    )
    (found,) = [f for f in report.problems() if f.code == "5.12"]
    assert (str(found), found.severity, found.provision.edition) == (
        (
            "5.12: 2 stage 1 responses made in the year have no recorded outcome (upheld, partly "
            "upheld or not upheld)"
        ),
        "breach",
        2024,
    )
    one = annual_report([answered("C-1", None)], homes=1_000, year=2024).problems()[0]
    assert one.message.startswith("1 stage 1 response made in the year has no recorded outcome")


def test_a_2023_24_report_cites_the_2022_editions_full_record() -> None:
    """4.15 (2022): the record of each stage's outcome is the 2022 edition's 4.15 in a report of
    2023-24, the year that edition governed from its first day."""
    c = Complaint.receive("C-1", received=D(2023, 5, 2))
    c = c.acknowledge(D(2023, 5, 3), "A. Khan", DEFINITION).respond(D(2023, 5, 10))
    (found,) = [f for f in annual_report([c], homes=1_000, year=2023).problems() if f.on is None][
        :1
    ]
    assert (found.provision.number, found.provision.edition, found.severity) == (
        "4.15",
        2022,
        "breach",
    )
    assert found.message == (
        "1 stage 1 response made in the year has no recorded outcome (upheld, partly upheld or "
        "not upheld)"
    )


def test_the_governing_body_refuses_a_response_before_the_report_went_to_it() -> None:
    """8.2: the governing body responds to the report it was given, so not before it."""
    with pytest.raises(
        InvalidRecord,
        match=r"^responded_on: the response is dated 2025-05-19, before the report went to the "
        r"governing body \(2025-05-20\)$",
    ):
        attrs.evolve(BOARD, responded_on=D(2025, 5, 19))
    with pytest.raises(InvalidRecord, match=r"^member_responsible: expected a non-empty text"):
        GoverningBody(member_responsible=" ")


def test_the_governing_body_from_json_ready_data() -> None:
    """8.2, 9.5: read from a file's data, with dates as ISO text or as dates; an unknown key
    and a bad date are refused with their path."""
    data = {
        "name": "the Board",
        "member_responsible": "Priya Shah",
        "reported_on": "2025-05-20",
        "response": "Welcomed.",
        "responded_on": D(2025, 6, 3),
    }
    body = GoverningBody.from_dict(data)
    assert body.to_dict() == {**data, "responded_on": "2025-06-03"}
    with pytest.raises(InvalidRecord, match=r"^governing_body\.chair: unknown field"):
        GoverningBody.from_dict({"chair": "X"})
    with pytest.raises(InvalidRecord, match=r"^governing_body\.reported_on: not an ISO date"):
        GoverningBody.from_dict({"reported_on": "20 May 2025"})
    with pytest.raises(InvalidRecord, match=r"^governing_body\.response: expected a non-empty"):
        GoverningBody.from_dict({"response": ""})
    with pytest.raises(InvalidRecord, match=r"^governing_body: expected an object, got list"):
        GoverningBody.from_dict([])


def test_the_analysis_and_the_governing_body_sections() -> None:
    """8.1, 8.2, 9.5: the report shows the analysis near the top, and the governing body, its
    response and the MRC at the end, with what is still to do."""
    text = ready().to_markdown()
    analysis = text.split("## Analysis\n", 1)[1].split("\n## ")[0]
    assert analysis.strip() == "Most complaints were about repairs; answers were quicker."
    body = text.split("## The governing body\n", 1)[1].split("\n## ")[0]
    assert body.strip().splitlines() == [
        "| The governing body |  |",
        "| --- | --- |",
        "| Governing body | the Board |",
        "| Member Responsible for Complaints (9.5) | Priya Shah |",
        "| Report put to the governing body (8.2) | 20 May 2025 |",
        "| Governing body's response (8.2) | 3 June 2025 |",
        "",
        "The Board welcomes the report and asks for quarterly updates on repairs.",
    ]
    bare = annual_report([], homes=1_000, year=2024).to_markdown()
    body = bare.split("## The governing body\n", 1)[1].split("\n## ")[0]
    assert "| Governing body | not named |" in body
    assert "- 9.5: the report does not name the Member Responsible for Complaints" in body
    assert "## Analysis\n\nNot written yet.\n" in bare


def test_the_sections_in_order() -> None:
    """8.1: every section, in the fixed order of REPORT_SECTIONS, the self-assessment last."""
    text = ready().to_markdown()
    assert re.findall(r"^## (.+)$", text, flags=re.MULTILINE)[:18] == list(REPORT_SECTIONS)
    assert REPORT_SECTIONS[1:6] == (
        "Tenant Satisfaction Measures by tenure",
        "Analysis",
        "Stage volumes",
        "Complaints by category",
        "Outcomes",
    )
    assert REPORT_SECTIONS[-2:] == ("The governing body", "Self-assessment")


def test_the_json_carries_the_governing_body_and_the_problems() -> None:
    """8.2, 9.5: to_dict() has the analysis, the governing body and the problems."""
    data = ready().to_dict()
    assert data["qualitative_analysis"] == (
        "Most complaints were about repairs; answers were quicker."
    )
    assert data["governing_body"]["member_responsible"] == "Priya Shah"
    assert data["governing_body"]["reported_on"] == "2025-05-20"
    assert data["problems"] == []
    bare = annual_report([], homes=1_000, year=2024).to_dict()
    assert [p["code"] for p in bare["problems"]] == ["8.1", "8.1", "8.1", "8.2", "8.2", "9.5"]


def test_bad_details_are_refused() -> None:
    """8.1, 8.2: a blank analysis or something that is not a GoverningBody is refused."""
    with pytest.raises(InvalidRecord, match=r"^qualitative_analysis: expected a non-empty text"):
        annual_report([], homes=1_000, year=2024, qualitative_analysis="  ")
    with pytest.raises(InvalidRecord, match=r"^governing_body: expected GoverningBody, got dict"):
        annual_report([], homes=1_000, year=2024, governing_body={"name": "x"})  # type: ignore[arg-type]
