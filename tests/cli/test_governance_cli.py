"""The command line's governance inputs: ``report --details``, ``--service-requests``,
``--tenure-homes``, and the ``mrc`` command (8.1, 8.2, 9.5, 9.7, 1.5).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from complaintcode.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE
from complaintcode.complaint import Complaint, ServiceRequest
from complaintcode.definition import ComplaintDefinition
from complaintcode.reporting import MRC_SECTIONS
from running import run

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler",),
    outcomes_sought=("replace the boiler",),
    responsible_for=("repairs in the home",),
)
DETAILS_TOML = """\
qualitative_analysis = "Repairs led the year's complaints; answers came faster."
improvements = ["Repairs are booked at the first call."]

[governing_body]
name = "the Board"
member_responsible = "Priya Shah"
reported_on = 2025-05-20
response = "The Board welcomes the report."
responded_on = "2025-06-03"

[homes_by_tenure]
low_cost_rental = 900
low_cost_home_ownership = 100
"""


def run_captured(*argv: str) -> tuple[int, str, list[str]]:
    """Run the command; its output, and its errors as lines."""
    code, out, err = run(*argv)
    return code, out, err.splitlines()


def complaint(reference: str, received: dt.date, tenure: str | None = None) -> Complaint:
    c = Complaint.receive(reference, received=received, categories=("repairs",), tenure=tenure)
    c = c.acknowledge(received + dt.timedelta(days=1), "A. Khan", DEFINITION)
    return c.respond(received + dt.timedelta(days=8), outcome="upheld")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    complaints = tmp_path / "complaints.jsonl"
    complaints.write_text(
        complaint("C-1", D(2024, 5, 1), "low_cost_rental").to_json()
        + "\n"
        + complaint("C-2", D(2024, 10, 7)).to_json()
        + "\n",
        encoding="utf-8",
    )
    details = tmp_path / "details.toml"
    details.write_text(DETAILS_TOML, encoding="utf-8")
    waiting = ServiceRequest.record("SR-1", raised=D(2024, 10, 1), description="No heating.")
    waiting = waiting.express_dissatisfaction(D(2024, 10, 10), "Still cold.")
    requests = tmp_path / "requests.jsonl"
    requests.write_text(
        ServiceRequest.record("SR-2", raised=D(2024, 6, 1), description="Tap").to_json()
        + "\n\n"
        + waiting.to_json()
        + "\n",
        encoding="utf-8",
    )
    return {
        "complaints": str(complaints),
        "details": str(details),
        "requests": str(requests),
        "folder": str(tmp_path),
    }


def test_report_with_details_service_requests_and_tenure(files: dict[str, str]) -> None:
    """8.1, 8.2, 9.5, 1.5: --details fills the analysis and the governing body's part,
    --service-requests counts the requests, and the homes per tenure come from the file."""
    code, out, err = run_captured(
        "report",
        files["complaints"],
        "--homes",
        "1000",
        "--year",
        "2024",
        "--details",
        files["details"],
        "--service-requests",
        files["requests"],
        "--format",
        "json",
    )
    assert (code, err) == (EXIT_OK, [])
    data = json.loads(out)
    assert data["qualitative_analysis"] == "Repairs led the year's complaints; answers came faster."
    assert data["improvements"] == ["Repairs are booked at the first call."]
    assert data["governing_body"] == {
        "name": "the Board",
        "member_responsible": "Priya Shah",
        "reported_on": "2025-05-20",
        "response": "The Board welcomes the report.",
        "responded_on": "2025-06-03",
    }
    assert data["homes_by_tenure"] == {"low_cost_rental": 900, "low_cost_home_ownership": 100}
    assert data["service_requests"]["requests"] == 2
    assert data["service_requests"]["awaiting"] == 1
    assert [p["code"] for p in data["problems"]] == ["8.1"]


def test_tenure_homes_on_the_command_line(files: dict[str, str]) -> None:
    """8.1: --tenure-homes gives a tenure's homes, over the details file's; they must add up."""
    code, out, _ = run_captured(
        "report",
        files["complaints"],
        "--homes",
        "1000",
        "--year",
        "2024",
        "--tenure-homes",
        "low_cost_rental=700",
        "--tenure-homes",
        "low_cost_home_ownership=300",
        "--format",
        "json",
    )
    assert code == EXIT_OK
    rental = json.loads(out)["tenure_measures"][0]
    assert (rental["tenure"], rental["homes"], rental["ch01"]["stage_1"]) == (
        "low_cost_rental",
        700,
        "1.4",
    )
    code, _, err = run_captured(
        "report", files["complaints"], "--homes", "1000", "--year", "2024",
        "--tenure-homes", "low_cost_rental=700",
    )  # fmt: skip
    assert code == EXIT_USAGE
    assert err == [
        (
            "complaintcode report: error: homes_by_tenure: the homes of each tenure "
            "(low_cost_rental: 700) add up to 700, not the 1,000 homes CH01 is counted for"
        )
    ]
    code, _, err = run_captured(
        "report", files["complaints"], "--homes", "1000", "--year", "2024",
        "--tenure-homes", "shared=5",
    )  # fmt: skip
    assert code == EXIT_USAGE
    assert err[-1].endswith(
        "argument --tenure-homes: expected TENURE=N with TENURE one of low_cost_rental, "
        "low_cost_home_ownership and N above 0, got 'shared=5'"
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("details.toml", "qualitative_analysis = ", "details.toml is not TOML: "),
        ("details.json", "{", "details.json is not JSON: "),
        ("details.json", "[]", "details.json: expected an object of the keys"),
        ("details.json", '{"chair": "X"}', "details.json: chair: unknown key (known: "),
        (
            "details.json",
            '{"governing_body": {"reported_on": "May"}}',
            "details.json: governing_body.reported_on: not an ISO date: 'May'",
        ),
        (
            "details.json",
            '{"improvements": "one"}',
            "improvements: expected a list, got str",
        ),
    ],
)
def test_a_bad_details_file_is_a_usage_error(
    files: dict[str, str], name: str, text: str, message: str
) -> None:
    """8.1, 8.2: a details file that is not TOML or JSON of the known keys, or has a bad value,
    is a usage error naming the key."""
    path = f"{files['folder']}/{name}"
    Path(path).write_text(text, encoding="utf-8")
    code, _, err = run_captured(
        "report", files["complaints"], "--homes", "1000", "--year", "2024", "--details", path
    )
    assert code == EXIT_USAGE
    assert len(err) == 1
    assert message in err[0]


def test_a_bad_service_request_line_is_reported_and_skipped(files: dict[str, str]) -> None:
    """1.4: a line that is not a service request is reported with its line and skipped, and a
    reference given twice too; the exit code is 3."""
    good = ServiceRequest.record("SR-1", raised=D(2024, 6, 1), description="Tap").to_json()
    path = f"{files['folder']}/bad.jsonl"
    Path(path).write_text(good + "\n" + good + "\n" + "{}\n", encoding="utf-8")
    code, out, err = run_captured(
        "report", files["complaints"], "--homes", "1000", "--year", "2024",
        "--service-requests", path, "--format", "json",
    )  # fmt: skip
    assert code == EXIT_BAD_INPUT
    assert err == [
        f"{path}:2: events[0].reference: the service request 'SR-1' is on line 1 already",
        f"{path}:3: format: expected format 'complaintcode/service_request@1', got None",
    ]
    assert json.loads(out)["service_requests"]["requests"] == 1


def test_the_mrc_command(files: dict[str, str]) -> None:
    """9.7, 9.5: the quarterly pack, with the MRC's name, in Markdown, HTML and JSON."""
    code, out, err = run_captured(
        "mrc", files["complaints"], "--quarter", "2024-25Q3", "--member-responsible", "Priya Shah"
    )
    assert (code, err) == (EXIT_OK, [])
    lines = out.splitlines()
    assert lines[0] == "# Complaints for the Member Responsible for Complaints, 2024-25 Q3"
    assert "for Priya Shah and the governing body (9.7)" in lines[2]
    assert [line[3:] for line in lines if line.startswith("## ")] == list(MRC_SECTIONS)
    code, out, _ = run_captured(
        "mrc", files["complaints"], "--quarter", "2024-25 Q3", "--previous", "1",
        "--service-requests", files["requests"], "--format", "json",
    )  # fmt: skip
    data = json.loads(out)
    assert (code, data["quarter"], [t["quarter"] for t in data["trend"]]) == (
        EXIT_OK,
        "2024-25 Q3",
        ["2024-25 Q2", "2024-25 Q3"],
    )
    assert data["counts"]["stage_1"]["received"] == 1
    assert data["service_requests"]["dissatisfied"] == 1
    code, out, _ = run_captured(
        "mrc", files["complaints"], "--quarter", "2024-25Q1", "--format", "html"
    )
    assert code == EXIT_OK
    assert out.startswith(
        "<h1>Complaints for the Member Responsible for Complaints, 2024-25 Q1</h1>"
    )


def test_mrc_usage_errors(files: dict[str, str]) -> None:
    """9.7: a quarter that cannot be read, or an --as-of before it, is a usage error."""
    code, _, err = run_captured("mrc", files["complaints"], "--quarter", "Q3")
    assert (code, err) == (
        EXIT_USAGE,
        ["complaintcode mrc: error: --quarter: expected a quarter such as '2024-25 Q3', got 'Q3'"],
    )
    code, _, err = run_captured(
        "mrc", files["complaints"], "--quarter", "2024-25Q3", "--as-of", "2024-09-30"
    )
    assert code == EXIT_USAGE
    assert err == [
        (
            "complaintcode mrc: error: --as-of: 2024-09-30 is before the quarter 2024-25 Q3 starts "
            "(2024-10-01)"
        )
    ]
