"""The complaintcode command: each subcommand's output, its errors and its exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from complaintcode.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from complaintcode.cli import _io as cli_io
from complaintcode.cli._commands import demo_report
from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.provisions import provisions
from complaintcode.reporting import REPORT_SECTIONS, annual_report
from complaintcode.selfassessment import SelfAssessment
from running import run

if TYPE_CHECKING:
    from collections.abc import Sequence

D = dt.date
ROOT = Path(__file__).resolve().parents[2]
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler",),
    outcomes_sought=("replace the boiler",),
    responsible_for=("repairs in the home",),
)


def run_captured(*argv: str) -> tuple[int, list[str], list[str]]:
    """Run the command; its output and errors as lines."""
    code, out, err = run(*argv)
    return code, out.splitlines(), err.splitlines()


def on_time() -> Complaint:
    # Friday 3 May 2024; Monday 6 May is a bank holiday: acknowledge by 13 May.
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    return c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION).respond(D(2024, 5, 20))


def late_ack() -> Complaint:
    c = Complaint.receive("C-2", received=D(2024, 5, 3))
    return c.acknowledge(D(2024, 5, 14), "A. Khan", DEFINITION)


def write(path: Path, lines: Sequence[str]) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


# --- deadlines ---------------------------------------------------------------------


def test_deadlines_stage_1_projects_the_response_from_the_acknowledgement_due() -> None:
    """6.2, 6.3 and 6.4: the stage 1 dates, with the bank holiday of 6 May 2024 skipped."""
    code, out, err = run_captured("deadlines", "2024-05-03")
    assert (code, err) == (EXIT_OK, [])
    assert out == [
        "Received on 2024-05-03 (Friday): the 2024 edition applies.",
        (
            "6.2: acknowledge at stage 1 by 2024-05-13 (Monday), 5 working days from receipt on "
            "2024-05-03"
        ),
        (
            "6.3: respond at stage 1 by 2024-05-28 (Tuesday), 10 working days from the "
            "acknowledgement's due date on 2024-05-13"
        ),
        "    projected: assumes the acknowledgement on its last permitted day, 2024-05-13",
        (
            "6.4: an extension of up to 10 working days needs no good reason: respond by "
            "2024-06-11 (Tuesday) at the latest"
        ),
    ]


def test_deadlines_with_an_acknowledgement_says_whether_it_was_in_time() -> None:
    """6.2: an acknowledgement on 14 May 2024 missed the deadline of 13 May; 6.3 counts from it."""
    code, out, _ = run_captured("deadlines", "2024-05-03", "--acknowledged", "2024-05-14")
    assert code == EXIT_OK
    assert out[1:3] == [
        (
            "6.2: acknowledge at stage 1 by 2024-05-13 (Monday), 5 working days from receipt on "
            "2024-05-03; done on 2024-05-14, late"
        ),
        (
            "6.3: respond at stage 1 by 2024-05-29 (Wednesday), 10 working days from the "
            "acknowledgement on 2024-05-14"
        ),
    ]


def test_deadlines_stage_2_counts_from_the_escalation_request() -> None:
    """6.11, 6.14 and 6.15: stage 2 acknowledgement, response and the longest extension."""
    code, out, _ = run_captured(
        "deadlines",
        "2024-05-03",
        "--stage",
        "2",
        "--escalation-requested",
        "2024-06-03",
        "--acknowledged",
        "2024-06-05",
    )
    assert code == EXIT_OK
    assert out == [
        "Received on 2024-05-03 (Friday): the 2024 edition applies.",
        "Escalation requested on 2024-06-03 (Monday).",
        (
            "6.11: acknowledge at stage 2 by 2024-06-10 (Monday), 5 working days from the "
            "escalation request on 2024-06-03; done on 2024-06-05, in time"
        ),
        (
            "6.14: respond at stage 2 by 2024-07-03 (Wednesday), 20 working days from the "
            "acknowledgement on 2024-06-05"
        ),
        (
            "6.15: an extension of up to 20 working days needs no good reason: respond by "
            "2024-07-31 (Wednesday) at the latest"
        ),
    ]


def test_deadlines_2022_edition_has_no_stage_2_acknowledgement_timescale() -> None:
    """5.13 (2022): the stage 2 response counts from the escalation request."""
    code, out, _ = run_captured(
        "deadlines", "2024-01-10", "--stage", "2", "--escalation-requested", "2024-02-01"
    )
    assert code == EXIT_OK
    assert out[:4] == [
        "Received on 2024-01-10 (Wednesday): the 2022 edition applies.",
        "Escalation requested on 2024-02-01 (Thursday).",
        "The 2022 edition sets no timescale to acknowledge at stage 2.",
        (
            "5.13: respond at stage 2 by 2024-02-29 (Thursday), 20 working days from the "
            "escalation request on 2024-02-01"
        ),
    ]


def test_deadlines_edition_can_be_chosen() -> None:
    """The 2022 edition applied to a 2024 receipt on request: 4.1 and 5.1 of 2022."""
    code, out, _ = run_captured("deadlines", "2024-05-03", "--edition", "2022")
    assert code == EXIT_OK
    assert out[0] == "Received on 2024-05-03 (Friday): the 2022 edition applies."
    assert out[1].startswith("4.1: acknowledge at stage 1 by 2024-05-13 (Monday)")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("deadlines", "2024-02-30"),
            (
                "complaintcode deadlines: error: argument RECEIVED: not a date (expected "
                "YYYY-MM-DD): '2024-02-30'"
            ),
        ),
        (
            ("deadlines", "2024-05-03", "--stage", "2"),
            "complaintcode deadlines: error: --stage 2 needs --escalation-requested DATE",
        ),
        (
            ("deadlines", "2024-05-03", "--escalation-requested", "2024-06-03"),
            "complaintcode deadlines: error: --escalation-requested is for --stage 2",
        ),
        (
            ("deadlines", "2024-05-03", "--acknowledged", "2024-05-01"),
            (
                "complaintcode deadlines: error: --acknowledged: 2024-05-01 is before the day of receipt "
                "(2024-05-03): dates must not run backwards"
            ),
        ),
        (
            ("deadlines", "2024-05-03", "--stage", "3"),
            (
                "complaintcode deadlines: error: argument --stage: invalid choice: 3 (choose from "
                "1, 2)"
            ),
        ),
    ],
)
def test_deadlines_usage_errors_exit_2(argv: tuple[str, ...], message: str) -> None:
    """A bad date, stage or combination is a usage error (exit 2) on stderr; 5.3: no stage 3."""
    code, out, err = run_captured(*argv)
    assert (code, out) == (EXIT_USAGE, [])
    assert err[-1] == message


# --- audit --------------------------------------------------------------------------


def test_audit_defaults_as_of_to_the_latest_event(tmp_path: Path) -> None:
    """The default as-of is the latest event (20 May 2024): 6.2 only, as 6.3 is not yet due."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json(), late_ack().to_json()])
    code, out, _ = run_captured("audit", path)
    assert code == EXIT_FINDINGS
    assert out == [
        "C-2: 1 finding",
        "  6.2: acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13",
        "",
        "Summary as of 2024-05-20",
        "  complaints audited: 2",
        "  complaints with findings: 1",
        "  findings: 1 (1 breach, 0 warnings)",
        "  by provision: 6.2: 1",
    ]


def test_audit_as_of_later_reports_overdue_steps(tmp_path: Path) -> None:
    """6.3 and 5.9: by 31 May 2024 the response to C-2 is overdue, with no updates agreed."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json(), late_ack().to_json()])
    code, out, _ = run_captured("audit", path, "--as-of", "2024-05-31")
    assert code == EXIT_FINDINGS
    assert out == [
        "C-2: 3 findings",
        "  6.2: acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13",
        (
            "  5.9: the stage 1 response was late and no intervals for updates were agreed with "
            "the resident by 2024-05-29"
        ),
        "  6.3: not responded to at stage 1 by 2024-05-29 (as of 2024-05-31)",
        "",
        "Summary as of 2024-05-31",
        "  complaints audited: 2",
        "  complaints with findings: 1",
        "  findings: 3 (3 breaches, 0 warnings)",
        "  by provision: 5.9: 1, 6.2: 1, 6.3: 1",
    ]


def test_audit_clean_file_exits_0(tmp_path: Path) -> None:
    """No finding: exit 0 and a summary of nothing found."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json()])
    code, out, err = run_captured("audit", path)
    assert (code, err) == (EXIT_OK, [])
    assert out == [
        "Summary as of 2024-05-20",
        "  complaints audited: 1",
        "  complaints with findings: 0",
        "  findings: 0 (0 breaches, 0 warnings)",
    ]


def test_audit_skips_complaints_received_after_as_of(tmp_path: Path) -> None:
    """A complaint received after the as-of day had not arrived: it is counted, not audited."""
    later = Complaint.receive("C-9", received=D(2024, 6, 3))
    path = write(tmp_path / "c.jsonl", [on_time().to_json(), later.to_json()])
    code, out, _ = run_captured("audit", path, "--as-of", "2024-05-31")
    assert code == EXIT_OK
    assert out == [
        "Summary as of 2024-05-31",
        "  complaints audited: 1",
        "  received after the as-of date, not audited: 1",
        "  complaints with findings: 0",
        "  findings: 0 (0 breaches, 0 warnings)",
    ]


def bad_lines() -> list[str]:
    good = on_time().to_json()
    unknown = json.loads(late_ack().to_json())
    unknown["events"][1]["colour"] = "red"
    return [
        good,
        '{"format": "complaintcode/complaint@1", "events": [',
        late_ack().to_json(),
        "",
        good.replace('"2024-05-20"', '"2024-05-32"').replace('"C-1"', '"C-3"'),
        json.dumps(unknown).replace('"C-2"', '"C-4"'),
        good,
    ]


def test_audit_reports_bad_lines_with_line_and_path_and_goes_on(tmp_path: Path) -> None:
    """A malformed line, an impossible date, an unknown field and a repeated reference are
    reported on stderr with line numbers and paths; the rest is audited; exit 3."""
    path = write(tmp_path / "bad.jsonl", bad_lines())
    code, out, err = run_captured("audit", path)
    assert code == EXIT_BAD_INPUT
    assert err == [
        f"{path}:2: not JSON: Expecting value at column 52",
        f"{path}:5: events[2].on: not an ISO date (YYYY-MM-DD): '2024-05-32'",
        f"{path}:6: events[1].colour: unknown field",
        f"{path}:7: events[0].reference: the reference 'C-1' is on line 1 already",
    ]
    assert out == [
        "C-2: 1 finding",
        "  6.2: acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13",
        "",
        "Summary as of 2024-05-20",
        "  complaints audited: 2",
        "  complaints with findings: 1",
        "  findings: 1 (1 breach, 0 warnings)",
        "  by provision: 6.2: 1",
        "  bad records skipped: 4 (listed on standard error)",
    ]


def test_audit_json_has_findings_summary_and_bad_records(tmp_path: Path) -> None:
    """--format json: one document with the 6.2 finding, the summary and the bad records."""
    path = write(tmp_path / "bad.jsonl", bad_lines()[:6])
    code, out, _ = run_captured("audit", path, "--format", "json")
    assert code == EXIT_BAD_INPUT
    assert json.loads("\n".join(out)) == {
        "as_of": "2024-05-20",
        "complaints": [
            {
                "reference": "C-2",
                "status": "stage_1",
                "findings": [
                    {
                        "code": "6.2",
                        "provision": "6.2",
                        "edition": "2024",
                        "item": None,
                        "severity": "breach",
                        "reference": "C-2",
                        "on": "2024-05-14",
                        "due": "2024-05-13",
                        "message": "acknowledged at stage 1 on 2024-05-14, after the deadline "
                        "of 2024-05-13",
                    }
                ],
            }
        ],
        "summary": {
            "complaints_read": 2,
            "audited": 2,
            "received_after_as_of": 0,
            "with_findings": 1,
            "findings": 1,
            "breaches": 1,
            "warnings": 0,
            "by_provision": {"6.2": 1},
            "bad_records": 3,
        },
        "bad_records": [
            {
                "line": 2,
                "path": None,
                "message": "not JSON: Expecting value at column 52",
            },
            {
                "line": 5,
                "path": "events[2].on",
                "message": "not an ISO date (YYYY-MM-DD): '2024-05-32'",
            },
            {
                "line": 6,
                "path": "events[1].colour",
                "message": "unknown field",
            },
        ],
    }


def test_audit_csv_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """- reads standard input; --format csv writes one row per finding (6.2)."""
    text = on_time().to_json() + "\n" + late_ack().to_json() + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, err = run_captured("audit", "-", "--format", "csv")
    assert (code, err) == (EXIT_FINDINGS, [])
    assert out == [
        "code,provision,edition,item,severity,reference,on,due,message",
        (
            "6.2,6.2,2024,,breach,C-2,2024-05-14,2024-05-13,"
            '"acknowledged at stage 1 on 2024-05-14, after the deadline of 2024-05-13"'
        ),
    ]


def test_audit_bad_line_on_stdin_is_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bad records read from standard input are reported as <stdin>:LINE."""
    raw = b'{"format": "complaintcode/complaint@1", "events": []}\n\xff\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    code, _, err = run_captured("audit", "-")
    assert code == EXIT_BAD_INPUT
    assert err == [
        "<stdin>:1: events: a complaint needs at least its receipt",
        "<stdin>:2: not UTF-8 text (invalid start byte)",
    ]


def test_audit_empty_file(tmp_path: Path) -> None:
    """An empty file has nothing to audit: exit 0."""
    path = write(tmp_path / "empty.jsonl", [])
    assert run_captured("audit", path) == (
        EXIT_OK,
        [
            "Summary as of (no complaints read)",
            "  complaints audited: 0",
            "  complaints with findings: 0",
            "  findings: 0 (0 breaches, 0 warnings)",
        ],
        [],
    )


def test_audit_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    """A file that cannot be opened: exit 2 with the reason on stderr."""
    missing = tmp_path / "missing.jsonl"
    assert run_captured("audit", str(missing)) == (
        EXIT_USAGE,
        [],
        [f"complaintcode audit: error: cannot read {missing}: No such file or directory"],
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_audit_progress_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress goes to stderr when it is a terminal, and is cleared; never to a file."""
    monkeypatch.setattr(cli_io, "PROGRESS_EVERY", 2)
    lines = [Complaint.receive(f"C-{n}", received=D(2024, 5, 3)).to_json() for n in range(5)]
    path = write(tmp_path / "c.jsonl", lines)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["audit", path, "--as-of", "2024-05-03"]) == EXIT_OK
    assert terminal.getvalue() == (
        f"\r\x1b[Kcomplaintcode audit: {path}: 2 lines read"
        f"\r\x1b[Kcomplaintcode audit: {path}: 4 lines read"
        "\r\x1b[K"
    )
    assert run_captured("audit", path)[2] == []


# --- report and demo ----------------------------------------------------------------


def test_report_is_the_annual_report_of_the_file(tmp_path: Path) -> None:
    """8.1 and CH01/CH02: the command prints annual_report(...).to_markdown() for the file."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json(), late_ack().to_json()])
    code, out, err = run_captured("report", path, "--homes", "1000", "--year", "2024")
    expected = annual_report([on_time(), late_ack()], homes=1000, year=2024).to_markdown()
    assert (code, err) == (EXIT_OK, [])
    assert out == expected.splitlines()
    assert [f"## {s}" for s in REPORT_SECTIONS[:-1]] == [line for line in out if line[:3] == "## "]


def test_report_html_json_and_as_of(tmp_path: Path) -> None:
    """--format html and json, and --as-of, are passed to the report."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json(), late_ack().to_json()])
    report = annual_report([on_time(), late_ack()], homes=1000, year=2024, as_of=D(2024, 5, 31))
    code, out, _ = run_captured(
        "report", path, "--homes", "1000", "--year", "2024", "--as-of", "2024-05-31",
        "--format", "html",
    )  # fmt: skip
    assert (code, out) == (EXIT_OK, report.to_html().splitlines())
    code, out, _ = run_captured(
        "report", path, "--homes", "1000", "--year", "2024", "--as-of", "2024-05-31",
        "--format", "json",
    )  # fmt: skip
    assert (code, json.loads("\n".join(out))) == (EXIT_OK, report.to_dict())


def test_report_goes_on_past_bad_lines(tmp_path: Path) -> None:
    """Bad lines are reported and skipped; the report counts the rest; exit 3."""
    path = write(tmp_path / "bad.jsonl", bad_lines())
    code, out, err = run_captured("report", path, "--homes", "1000", "--year", "2024")
    expected = annual_report([on_time(), late_ack()], homes=1000, year=2024).to_markdown()
    assert code == EXIT_BAD_INPUT
    assert len(err) == 4
    assert out == expected.splitlines()


def test_report_attaches_a_self_assessment(tmp_path: Path) -> None:
    """8.1: the self-assessment given with --self-assessment is part of the report."""
    complaints = write(tmp_path / "c.jsonl", [on_time().to_json()])
    assessment = SelfAssessment.blank(2024).answer("6.13", "yes", evidence="Policy 9")
    sa_path = tmp_path / "sa.md"
    sa_path.write_text(assessment.to_markdown(), encoding="utf-8")
    code, out, _ = run_captured(
        "report", complaints, "--homes", "1000", "--year", "2024", "--self-assessment", str(sa_path)
    )
    parsed = SelfAssessment.parse(assessment.to_markdown()).assessment
    expected = annual_report(
        [on_time()], homes=1000, year=2024, self_assessment=parsed
    ).to_markdown()
    assert code == EXIT_OK
    assert out == expected.splitlines()
    assert "## Self-assessment" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("--homes", "0", "--year", "2024"),
            (
                "complaintcode report: error: argument --homes: expected a whole number above 0, "
                "got '0'"
            ),
        ),
        (
            ("--homes", "100", "--year", "2024", "--as-of", "2024-03-31"),
            (
                "complaintcode report: error: --as-of: 2024-03-31 is before the reporting year "
                "2024-25 starts (2024-04-01)"
            ),
        ),
        (
            ("--year", "2024"),
            "complaintcode report: error: the following arguments are required: --homes",
        ),
    ],
)
def test_report_usage_errors(tmp_path: Path, extra: tuple[str, ...], message: str) -> None:
    """CH01 needs homes above 0; the as-of day may not precede the year: exit 2."""
    path = write(tmp_path / "c.jsonl", [on_time().to_json()])
    code, out, err = run_captured("report", path, *extra)
    assert (code, out, err[-1]) == (EXIT_USAGE, [], message)


def test_demo_prints_the_example_report() -> None:
    """The demo is the 2024-25 report on the example data, with every heading of 8.1."""
    code, out, err = run_captured("demo")
    expected = demo_report()
    assert (code, err) == (EXIT_OK, [])
    assert out == expected.to_markdown().splitlines()
    assert out[0] == "# Complaints performance and service improvement report 2024-25"
    assert [f"## {s}" for s in REPORT_SECTIONS[:-1]] == [line for line in out if line[:3] == "## "]


def test_demo_html() -> None:
    """demo --format html is the report's HTML."""
    code, out, _ = run_captured("demo", "--format", "html")
    expected = demo_report().to_html()
    assert (code, out) == (EXIT_OK, expected.splitlines())


def test_examples_demo_prints_the_same_as_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/demo.py prints what `complaintcode demo` prints."""
    runpy.run_path(str(ROOT / "examples" / "demo.py"), run_name="__main__")
    script = capsys.readouterr().out
    assert script.splitlines() == run_captured("demo")[1]


# --- self-assessment ------------------------------------------------------------------


def answered_all() -> SelfAssessment:
    sa = SelfAssessment.blank(2024)
    for p in provisions(2024):
        sa = sa.answer(p.number, "yes", evidence="Complaints policy")
    return sa


def test_self_assessment_check_lists_problems(tmp_path: Path) -> None:
    """6.2 answered 'no' without a date, 6.13 'yes' without evidence: problems; exit 1."""
    sa = answered_all().answer("6.2", "no", explanation="Acknowledgements take seven days")
    sa = sa.answer("6.13", "yes")
    path = tmp_path / "sa.csv"
    path.write_text(sa.to_csv(), encoding="utf-8")
    code, out, err = run_captured("self-assessment", "check", str(path))
    assert (code, err) == (EXIT_FINDINGS, [])
    assert out[1:] == [
        "72 provisions, 72 answered: 71 yes, 1 no, 0 partial, 0 not applicable",
        *[f"{f.code}: {f.message}" if f.severity == "breach" else
          f"{f.code} ({f.severity}): {f.message}" for f in sa.problems()],
        "2 problems (1 breach, 1 warning)",
    ]  # fmt: skip
    assert out[2] == "6.2: answered 'no' without a date by which it will comply"
    assert out[0].startswith(f"{path}: the 2024 edition (")


def test_self_assessment_check_complete_exits_0(tmp_path: Path) -> None:
    """Every provision answered 'yes' with evidence: no problem, exit 0."""
    path = tmp_path / "sa.md"
    path.write_text(answered_all().to_markdown(), encoding="utf-8")
    code, out, _ = run_captured("self-assessment", "check", str(path), "--edition", "2024")
    assert (code, out[0]) == (EXIT_OK, f"{path}: the 2024 edition (given)")
    assert out[-1] == "0 problems (0 breaches, 0 warnings)"


def test_self_assessment_check_reports_unreadable_rows(tmp_path: Path) -> None:
    """A row without a comply answer is reported with its line and provision; exit 3."""
    path = tmp_path / "sa.txt"
    path.write_text(
        "6.13\tA different handler at stage 2\tYes\tPolicy 9.2\t\n"
        "9.6\tThe member's role\t\tAs above\t\n",
        encoding="utf-8",
    )
    code, out, err = run_captured("self-assessment", "check", str(path), "--format", "csv")
    assert code == EXIT_BAD_INPUT
    assert err == [f"{path}:2: 9.6: no comply answer"]
    assert out[0] == "code,provision,edition,item,severity,reference,on,due,message"
    assert out[1] == "1.2,1.2,2024,,warning,,,,not answered"


def test_self_assessment_check_json(tmp_path: Path) -> None:
    """--format json carries the edition, the counts, the problems and the missing rows."""
    path = tmp_path / "sa.txt"
    path.write_text("6.13\tA different handler at stage 2\tYes\tPolicy 9.2\t\n", encoding="utf-8")
    code, out, _ = run_captured("self-assessment", "check", str(path), "--format", "json")
    data = json.loads("\n".join(out))
    assert code == EXIT_FINDINGS
    assert (data["edition"], data["summary"], len(data["problems"]), len(data["missing"])) == (
        2024,
        {"total": 72, "answered": 1, "yes": 1, "no": 0, "partial": 0, "not_applicable": 0},
        71,
        71,
    )


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
def test_self_assessment_render(tmp_path: Path, fmt: str) -> None:
    """render writes the parsed self-assessment in the chosen format."""
    sa = answered_all().answer("6.2", "partial", explanation="Training in May")
    path = tmp_path / "sa.csv"
    path.write_text(sa.to_csv(), encoding="utf-8")
    parsed = SelfAssessment.parse(sa.to_csv()).assessment
    expected = {"markdown": parsed.to_markdown, "csv": parsed.to_csv, "html": parsed.to_html}
    code, out, err = run_captured("self-assessment", "render", str(path), "--format", fmt)
    assert (code, err) == (EXIT_OK, [])
    assert out == expected[fmt]().splitlines()


def test_self_assessment_needs_an_action() -> None:
    """self-assessment without check or render is a usage error."""
    code, out, err = run_captured("self-assessment")
    assert (code, out) == (EXIT_USAGE, [])
    assert err[-1] == (
        "complaintcode self-assessment: error: the following arguments are required: ACTION"
    )


def test_self_assessment_of_unknown_edition(tmp_path: Path) -> None:
    """A text whose edition cannot be told is a usage error."""
    path = tmp_path / "sa.txt"
    path.write_text("nothing here\n", encoding="utf-8")
    code, _, err = run_captured("self-assessment", "check", str(path))
    assert code == EXIT_USAGE
    assert err[0].startswith(f"complaintcode self-assessment check: error: {path}: ")


# --- the program -----------------------------------------------------------------------


def test_no_command_is_a_usage_error() -> None:
    """Without a command: the usage and exit 2."""
    code, out, err = run_captured()
    assert (code, out) == (EXIT_USAGE, [])
    assert err[-1] == "complaintcode: error: the following arguments are required: COMMAND"


@pytest.mark.parametrize(
    "argv",
    [
        ("deadlines",),
        ("audit",),
        ("report",),
        ("self-assessment",),
        ("self-assessment", "check"),
        ("self-assessment", "render"),
        ("demo",),
    ],
)
def test_every_command_has_help_with_examples_and_exit_codes(argv: tuple[str, ...]) -> None:
    """--help prints the command's usage, examples and exit codes, and exits 0."""
    code, out, _ = run_captured(*argv, "--help")
    assert code == EXIT_OK
    assert out[0].startswith(f"usage: complaintcode {' '.join(argv)} ")
    assert "examples:" in out
    assert out[out.index("exit codes:") + 1] == "  0  done; nothing found"


def test_python_m_complaintcode_help() -> None:
    """`python -m complaintcode --help` runs the same command."""
    result = subprocess.run(
        [sys.executable, "-m", "complaintcode", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "usage: complaintcode [-h] [--version] COMMAND ..."
    assert result.stderr == ""
