"""Rows for data frames, the JSON Lines reader, the example data and the notebook HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from complaintcode.complaint import Complaint
from complaintcode.complaint._html import complaint_html
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding, findings_html
from complaintcode.provisions import provision
from complaintcode.records import (
    COMPLAINT_COLUMNS,
    EXAMPLE_HOMES,
    BadRecord,
    example_complaints,
    read_complaints,
    to_html,
    to_records,
)
from complaintcode.records._html import complaints_html

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler",),
    outcomes_sought=("replace the boiler",),
    responsible_for=("repairs in the home",),
)


def final() -> Complaint:
    # Friday 3 May 2024; Monday 6 May 2024 is a bank holiday.
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION).respond(D(2024, 5, 20))
    c = c.request_escalation(D(2024, 6, 3)).acknowledge(D(2024, 6, 5), "B. Osei", DEFINITION)
    return c.respond(D(2024, 6, 28))


def extended() -> Complaint:
    c = Complaint.receive("C-2", received=D(2024, 5, 3))
    c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    return c.extend(D(2024, 5, 20), 5, "a survey is needed", ombudsman_details_given=True)


def withdrawn() -> Complaint:
    return Complaint.receive("C-3", received=D(2024, 5, 3)).withdraw(D(2024, 5, 8))


# --- to_records ------------------------------------------------------------------------


def test_complaint_rows_have_the_stage_records() -> None:
    """One row per complaint: status, stage, and each stage's dates and deadlines (6.2, 6.3,
    6.11, 6.14), with a stage not reached left empty."""
    rows = to_records([final(), extended(), withdrawn()])
    assert rows == [
        {
            "reference": "C-1",
            "received": D(2024, 5, 3),
            "edition": 2024,
            "status": "final_response_given",
            "stage": 2,
            "is_open": False,
            "stage_1_started": D(2024, 5, 3),
            "stage_1_acknowledgement_due": D(2024, 5, 13),
            "stage_1_acknowledged": D(2024, 5, 7),
            "stage_1_response_due": D(2024, 5, 21),
            "stage_1_extended_due": None,
            "stage_1_extended_by": 0,
            "stage_1_responded": D(2024, 5, 20),
            "stage_1_handler": "A. Khan",
            "stage_1_ended": None,
            "stage_2_started": D(2024, 6, 3),
            "stage_2_acknowledgement_due": D(2024, 6, 10),
            "stage_2_acknowledged": D(2024, 6, 5),
            "stage_2_response_due": D(2024, 7, 3),
            "stage_2_extended_due": None,
            "stage_2_extended_by": 0,
            "stage_2_responded": D(2024, 6, 28),
            "stage_2_handler": "B. Osei",
            "stage_2_ended": None,
        },
        {
            "reference": "C-2",
            "received": D(2024, 5, 3),
            "edition": 2024,
            "status": "stage_1",
            "stage": 1,
            "is_open": True,
            "stage_1_started": D(2024, 5, 3),
            "stage_1_acknowledgement_due": D(2024, 5, 13),
            "stage_1_acknowledged": D(2024, 5, 7),
            "stage_1_response_due": D(2024, 5, 21),
            "stage_1_extended_due": D(2024, 5, 29),  # 27 May is a bank holiday
            "stage_1_extended_by": 5,
            "stage_1_responded": None,
            "stage_1_handler": "A. Khan",
            "stage_1_ended": None,
            **{f"stage_2_{name}": None for name in _STAGE_2},
        },
        {
            "reference": "C-3",
            "received": D(2024, 5, 3),
            "edition": 2024,
            "status": "withdrawn",
            "stage": None,
            "is_open": False,
            "stage_1_started": D(2024, 5, 3),
            "stage_1_acknowledgement_due": D(2024, 5, 13),
            "stage_1_acknowledged": None,
            "stage_1_response_due": D(2024, 5, 28),
            "stage_1_extended_due": None,
            "stage_1_extended_by": 0,
            "stage_1_responded": None,
            "stage_1_handler": None,
            "stage_1_ended": "withdrawn",
            **{f"stage_2_{name}": None for name in _STAGE_2},
        },
    ]
    assert all(tuple(row) == COMPLAINT_COLUMNS for row in rows)


_STAGE_2 = (
    "started",
    "acknowledgement_due",
    "acknowledged",
    "response_due",
    "extended_due",
    "extended_by",
    "responded",
    "handler",
    "ended",
)


def test_finding_rows_are_finding_to_dict() -> None:
    """6.2: a finding's row is Finding.to_dict()."""
    findings = Complaint.receive("C-9", received=D(2024, 5, 3)).audit(as_of=D(2024, 5, 20))
    assert to_records(findings) == [
        {
            "code": "6.2",
            "provision": "6.2",
            "edition": "2024",
            "item": None,
            "severity": "breach",
            "reference": "C-9",
            "on": "2024-05-20",
            "due": "2024-05-13",
            "message": "not acknowledged at stage 1 by 2024-05-13 (as of 2024-05-20)",
        }
    ]


def test_a_single_complaint_or_finding_makes_one_row() -> None:
    """A complaint or a finding on its own is one row."""
    finding = Finding(provision=provision("6.13"), message="same handler")
    assert to_records(final()) == to_records([final()])
    assert to_records(finding) == [finding.to_dict()]
    assert to_records([]) == []


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["C-1"], "items[0]: expected a Complaint or a Finding, got str"),
        ("C-1", "items: expected complaints or findings, got str"),
        (42, "items: expected complaints or findings, got int"),
        ({"reference": "C-1"}, "items: expected complaints or findings, got dict"),
        (
            [final(), Finding(provision=provision("6.13"), message="same handler")],
            (
                "items[1]: expected a Complaint like items[0], got Finding: rows of complaints and "
                "of findings have different columns"
            ),
        ),
    ],
)
def test_anything_else_is_refused(items: object, message: str) -> None:
    """Anything but complaints or findings, or a mixture, is InvalidRecord with its path."""
    with pytest.raises(InvalidRecord) as err:
        to_records(items)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(err.value) == message


# --- read_complaints ---------------------------------------------------------------------


def test_read_complaints_reports_bad_lines_and_goes_on() -> None:
    """Each bad line becomes a BadRecord with its line and path; the others are read."""
    good = final().to_json()
    lines: list[str | bytes] = [
        "\ufeff" + good + "\n",
        "\n",
        b"\xff\xfe\n",
        "[1,\n",
        good.replace('"C-1"', '"C-4"').replace('"stage": 2', '"stage": 3', 1),
        withdrawn().to_json().encode("utf-8"),
        good,
    ]
    bad: list[BadRecord] = []
    read = list(read_complaints(lines, on_error=bad.append))
    assert [c.reference for c in read] == ["C-1", "C-3"]
    assert read[0] == final()
    assert [str(b) for b in bad] == [
        "line 3: not UTF-8 text (invalid start byte)",
        "line 4: not JSON: Expecting value at column 4",
        (
            "line 5: events[4].stage: 5.3: a complaints process may not have more than two "
            "stages (got 3)"
        ),
        "line 7: events[0].reference: the reference 'C-1' is on line 1 already",
    ]
    assert bad[2].to_dict() == {
        "line": 5,
        "path": "events[4].stage",
        "message": "5.3: a complaints process may not have more than two stages (got 3)",
    }


def test_read_complaints_raises_on_the_first_bad_line_without_on_error() -> None:
    """Without on_error the first bad line raises InvalidRecord naming the line and field."""
    text = final().to_json().replace('"2024-06-28"', '"2024-06-31"')
    with pytest.raises(InvalidRecord) as err:
        list(read_complaints([withdrawn().to_json(), text]))
    assert str(err.value) == "line 2, events[5].on: not an ISO date (YYYY-MM-DD): '2024-06-31'"
    assert err.value.path == "line 2, events[5].on"
    with pytest.raises(InvalidRecord, match=r"^line 1: not JSON: Expecting value at column 1$"):
        list(read_complaints(["nonsense"]))


def test_read_complaints_keeps_the_calendar() -> None:
    """The calendar given is the calendar of every complaint read."""
    from complaintcode.calendar import england_and_wales  # noqa: PLC0415

    closed = england_and_wales().with_closures([D(2024, 5, 7)])
    (c,) = read_complaints([withdrawn().to_json()], calendar=closed)
    assert c.calendar == closed
    assert c.stage_record(1) is not None
    assert c.stage_record(1).acknowledgement_due == D(2024, 5, 14)  # type: ignore[union-attr]


# --- the example data --------------------------------------------------------------------


def test_example_complaints_are_a_year_at_the_example_landlord() -> None:
    """300 complaints received from 1 April 2024 to 31 March 2025, for 4,800 homes."""
    complaints = example_complaints()
    assert EXAMPLE_HOMES == 4_800
    assert len(complaints) == 300
    assert [c.reference for c in complaints[:2]] == ["RH-0001", "RH-0002"]
    assert min(c.received for c in complaints) == D(2024, 4, 1)
    assert max(c.received for c in complaints) == D(2025, 3, 31)


# --- HTML for notebooks ------------------------------------------------------------------


def test_complaints_html_has_a_row_per_complaint() -> None:
    """Several complaints are one table: status, stage and response dates with extensions."""
    text = complaints_html([final(), extended()])
    assert text.splitlines()[3:5] == [
        (
            "<tr><td>C-1</td><td>2024-05-03</td><td>final response given</td><td>2</td>"
            "<td>2024-05-21</td><td>2024-05-20</td><td>2024-07-03</td><td>2024-06-28</td></tr>"
        ),
        (
            "<tr><td>C-2</td><td>2024-05-03</td><td>stage 1</td><td>1</td>"
            "<td>2024-05-29</td><td></td><td></td><td></td></tr>"
        ),
    ]
    assert complaints_html([]) == '<p class="complaintcode-complaints">No complaints.</p>'


def test_to_html_chooses_the_table_for_what_it_is_given() -> None:
    """One complaint, several complaints, a finding and findings each get their table."""
    findings = Complaint.receive("C-9", received=D(2024, 5, 3)).audit(as_of=D(2024, 5, 20))
    assert to_html(final()) == complaint_html(final())
    assert to_html([final(), withdrawn()]) == complaints_html([final(), withdrawn()])
    assert to_html(findings) == findings_html(findings)
    assert to_html(findings[0]) == findings_html(findings[:1])
    with pytest.raises(InvalidRecord, match=r"^items\[0\]: expected a Complaint or a Finding"):
        to_html([1])  # type: ignore[arg-type]  # the wrong input is the point


def test_notebooks_display_complaints_findings_self_assessments_and_reports_as_html() -> None:
    """Jupyter's _repr_html_ gives each value's own HTML, so a cell shows a table, not a repr."""
    from complaintcode.reporting import annual_report  # noqa: PLC0415
    from complaintcode.selfassessment import SelfAssessment  # noqa: PLC0415

    c = final()
    finding = Complaint.receive("C-9", received=D(2024, 5, 3)).audit(as_of=D(2024, 5, 20))[0]
    sa = SelfAssessment.blank()
    report = annual_report([c], homes=100, year=2024)
    assert c._repr_html_() == complaint_html(c)
    assert c._repr_html_().startswith('<div class="complaintcode-complaint">')
    assert finding._repr_html_() == findings_html([finding])
    assert "<td>6.2</td><td>breach</td><td>C-9</td>" in finding._repr_html_()
    assert sa._repr_html_() == sa.to_html()
    assert "<td>1.2</td>" in sa._repr_html_()
    assert report._repr_html_() == report.to_html()
    assert report._repr_html_() != sa.to_html()
