"""The Housing Ombudsman's annual submission: its links, its answers and its deadline (8.1, 8.2, 3.4).

The submission's first section names the organisation with links to the published complaints
policy (3.4), self-assessment, annual report and the governing body's response (8.1, 8.2); its
second says for each provision whether the landlord complies, with the action and date for a no.
When it is due is the Ombudsman's rule, kept as data with its source.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provisions
from complaintcode.reporting import (
    SUBMISSION_COLUMNS,
    SUBMISSION_DEADLINE,
    AnnualSubmission,
    GoverningBody,
    SubmissionDeadline,
    annual_report,
)
from complaintcode.selfassessment import SelfAssessment

D = dt.date
LINKS = {
    "complaints_policy": "https://riverside.example/complaints/policy",
    "self_assessment_link": "https://riverside.example/complaints/self-assessment",
    "annual_report": "https://riverside.example/complaints/annual-report-2024-25",
    "governing_body_response": "https://riverside.example/complaints/board-response-2024-25",
}


def assessment() -> SelfAssessment:
    sa = SelfAssessment.blank(2024)
    for p in provisions(2024):
        sa = sa.answer(p.number, "yes", evidence="Complaints policy")
    sa = sa.answer(
        "6.2",
        "partial",
        explanation="A new logging system goes live in June.",
        comply_by=D(2025, 6, 30),
    )
    return sa.answer("3.6", "n/a")


def submission(**changes: object) -> AnnualSubmission:
    made = AnnualSubmission(
        organisation="Riverside Homes",
        year=2024,
        homes=4_800,
        self_assessment=assessment(),
        member_responsible="Priya Shah",
        **LINKS,  # type: ignore[arg-type]
    )
    return attrs.evolve(made, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("homes", "year_end", "due"),
    [
        (4_800, D(2025, 3, 31), D(2025, 9, 30)),
        (1_001, D(2024, 12, 31), D(2025, 9, 30)),
        (999, D(2025, 3, 31), D(2025, 9, 30)),
        (999, D(2024, 12, 31), D(2025, 6, 30)),
        (999, D(2024, 8, 31), D(2025, 2, 28)),
        (1_000, D(2024, 12, 31), D(2025, 6, 30)),
        (1_000, D(2025, 3, 31), D(2025, 9, 30)),
        (5_000, D(2025, 9, 30), D(2026, 9, 30)),
    ],
)
def test_the_deadline_rule(homes: int, year_end: dt.date, due: dt.date) -> None:
    """8.1: more than 1,000 homes: by the first 30 September after the year-end; fewer: within
    6 months of it (the month's last day when shorter); exactly 1,000: the earlier of the two."""
    assert SUBMISSION_DEADLINE.due(homes=homes, year_end=year_end) == due


def test_the_deadline_rule_is_data_with_its_source() -> None:
    """8.1: the rule names where the Ombudsman published it, and another rule can be given."""
    assert SUBMISSION_DEADLINE.source == (
        "https://www.housing-ombudsman.org.uk/centre-for-learning/key-topics/complaint-handling/"
        "chc-annual-submissions/"
    )
    later = SubmissionDeadline(larger_by=(10, 31))
    assert submission(deadline=later).due == D(2025, 10, 31)
    with pytest.raises(InvalidRecord, match=r"^larger_by: expected a \(month, day\) pair"):
        SubmissionDeadline(larger_by=(2, 30))


def test_each_provisions_answer() -> None:
    """8.1: yes, no (a partial answer does not comply in full), n/a or unanswered; a no carries
    the action and the date."""
    sub = submission()
    assert [(a.provision.number, a.complies) for a in sub.answers][:3] == [
        ("1.2", "yes"),
        ("1.3", "yes"),
        ("1.4", "yes"),
    ]
    answer = sub.answer("6.2")
    assert (answer.complies, answer.action, answer.comply_by) == (
        "no",
        "A new logging system goes live in June.",
        D(2025, 6, 30),
    )
    assert sub.answer("3.6").complies == "n/a"
    assert submission(self_assessment=SelfAssessment.blank()).answer("1.2").complies is None


def test_what_the_submission_lacks() -> None:
    """3.4, 8.2: each missing link; a provision answered n/a (a warning: the form asks yes or
    no), unanswered, or no without the action or the date."""
    assert [str(f) for f in submission().problems()] == [
        "3.6: answered 'n/a': the submission asks whether the landlord complies, yes or no"
    ]
    bare = AnnualSubmission(
        organisation="Riverside Homes",
        year=2024,
        homes=4_800,
        self_assessment=SelfAssessment.blank().answer("6.2", "no"),
    )
    found = [(f.code, f.message, f.severity) for f in bare.problems()]
    assert found[:6] == [
        ("3.4", "no link to the published complaints policy", "breach"),
        ("8.2", "no link to the published self-assessment", "breach"),
        ("8.2", "no link to the published annual report", "breach"),
        ("8.2", "no link to the governing body's published response", "breach"),
        ("1.2", "not answered", "breach"),
        ("1.3", "not answered", "breach"),
    ]
    assert ("6.2", "answered 'no' without the action being taken", "breach") in found
    assert ("6.2", "answered 'no' without a date by which it will comply", "breach") in found
    assert ("8.4", "not answered", "warning") in found


def test_a_2022_self_assessment_is_not_submitted() -> None:
    """8.1: the submission asks about the 2024 Code's provisions."""
    old = submission(self_assessment=SelfAssessment.blank(2022))
    assert [str(f) for f in old.problems()] == [
        "8.1: the self-assessment answers the 2022 edition; the submission asks about the 2024 Code"
    ]


def test_the_submission_as_json() -> None:
    """8.1, 8.2: the organisation, the links, the deadline with its source, and the answers."""
    data = submission().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert {k: v for k, v in data.items() if k not in ("answers", "deadline")} == {
        "format": "complaintcode/annual-submission@1",
        "organisation": "Riverside Homes",
        "financial_year": "2024-25",
        "homes": 4800,
        "member_responsible": "Priya Shah",
        "links": {
            "complaints_policy": LINKS["complaints_policy"],
            "self_assessment": LINKS["self_assessment_link"],
            "annual_report": LINKS["annual_report"],
            "governing_body_response": LINKS["governing_body_response"],
        },
        "due": "2025-09-30",
    }
    assert data["answers"][0] == {
        "provision": "1.2",
        "complies": "yes",
        "action": None,
        "comply_by": None,
    }
    assert [a for a in data["answers"] if a["provision"] == "6.2"] == [
        {
            "provision": "6.2",
            "complies": "no",
            "action": "A new logging system goes live in June.",
            "comply_by": "2025-06-30",
        }
    ]


def test_the_submission_as_csv() -> None:
    """8.1, 8.2: section 1's fields, then one row per provision of section 2."""
    rows = list(csv.reader(io.StringIO(submission().to_csv())))
    assert rows[0] == list(SUBMISSION_COLUMNS)
    assert rows[1:10] == [
        ["1", "organisation", "Riverside Homes", "", ""],
        ["1", "financial_year", "2024-25", "", ""],
        ["1", "homes", "4800", "", ""],
        ["1", "member_responsible", "Priya Shah", "", ""],
        ["1", "complaints_policy", LINKS["complaints_policy"], "", ""],
        ["1", "self_assessment", LINKS["self_assessment_link"], "", ""],
        ["1", "annual_report", LINKS["annual_report"], "", ""],
        ["1", "governing_body_response", LINKS["governing_body_response"], "", ""],
        ["1", "due", "2025-09-30", "", ""],
    ]
    assert rows[10] == ["2", "1.2", "yes", "", ""]
    assert ["2", "6.2", "no", "A new logging system goes live in June.", "2025-06-30"] in rows
    assert len(rows) == 1 + 9 + 72


def test_the_submission_from_the_annual_report() -> None:
    """8.2, 9.5: the report's year, homes, self-assessment and Member Responsible for Complaints."""
    report = annual_report(
        [],
        homes=4_800,
        year=2024,
        self_assessment=assessment(),
        governing_body=GoverningBody(member_responsible="Priya Shah"),
    )
    sub = AnnualSubmission.from_report(report, organisation="Riverside Homes", **LINKS)  # type: ignore[arg-type]
    assert sub == submission()
    with pytest.raises(InvalidRecord, match=r"^self_assessment: the annual report has no self"):
        AnnualSubmission.from_report(
            annual_report([], homes=1, year=2024), organisation="Riverside Homes"
        )


def test_bad_values_are_refused() -> None:
    """3.4, 8.2: a link is a web address; the organisation has a name; homes are above 0."""
    with pytest.raises(
        InvalidRecord, match=r"^annual_report: expected a web address starting https:// or http://"
    ):
        submission(annual_report="riverside.example/report")
    with pytest.raises(InvalidRecord, match=r"^organisation: expected a non-empty text"):
        submission(organisation=" ")
    with pytest.raises(InvalidRecord, match=r"^homes: CH01 is per 1,000 homes"):
        submission(homes=0)
    with pytest.raises(InvalidRecord, match=r"^self_assessment: expected a SelfAssessment"):
        submission(self_assessment=None)
