"""The command line's inputs and its words: versions, JSON deadlines, databases, options named.

``deadlines --format json`` gives the deadlines of 6.2, 6.3 and 6.4 (6.11, 6.14
and 6.15 at stage 2) as data; ``audit`` and ``report`` read a store of
complaints (5.12) as well as JSON Lines; an error names the command's own
options, as the user typed them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from importlib.metadata import version
from pathlib import Path

import pytest

import running
from complaintcode.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from complaintcode.complaint import Complaint
from complaintcode.definition import ComplaintDefinition
from complaintcode.store import ComplaintStore

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed twice.",
    points=("the boiler",),
    outcomes_sought=("a new boiler",),
    responsible_for=("heating",),
)


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run the command with its standard streams replaced (standard input holding ``stdin``)."""
    return running.run(*argv, stdin=stdin)


def complaints() -> list[Complaint]:
    on_time = Complaint.receive("C-1", received=D(2024, 5, 3))
    on_time = on_time.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION).respond(D(2024, 5, 20))
    late = Complaint.receive("C-2", received=D(2024, 5, 3))
    late = late.acknowledge(D(2024, 5, 14), "A. Khan", DEFINITION)
    return [on_time, late]


def jsonl(folder: Path) -> str:
    path = folder / "complaints.jsonl"
    path.write_text("".join(c.to_json() + "\n" for c in complaints()), encoding="utf-8")
    return str(path)


def database(folder: Path, name: str = "complaints.db") -> str:
    path = folder / name
    with ComplaintStore(path) as store:
        store.save_all(complaints())
    return str(path)


# --- the version --------------------------------------------------------------------------


def test_version_prints_the_installed_version() -> None:
    """--version prints the package metadata's version and exits 0."""
    code, out, err = run("--version")
    assert (code, out, err) == (EXIT_OK, f"complaintcode {version('complaintcode')}\n", "")


# --- deadlines --format json ----------------------------------------------------------------


def test_deadlines_as_json() -> None:
    """6.2, 6.3, 6.4: the stage 1 deadlines as data, the acknowledgement judged late."""
    code, out, err = run(
        "deadlines", "2024-05-03", "--acknowledged", "2024-05-14", "--format", "json"
    )
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out) == {
        "received": "2024-05-03",
        "edition": 2024,
        "stage": 1,
        "escalation_requested": None,
        "acknowledge": {
            "provision": "6.2",
            "edition": 2024,
            "action": "acknowledge",
            "stage": 1,
            "due": "2024-05-13",
            "working_days": 5,
            "counted_from": "2024-05-03",
            "counted_from_event": "received",
            "projected": False,
            "note": None,
            "done": "2024-05-14",
            "in_time": False,
        },
        "respond": {
            "provision": "6.3",
            "edition": 2024,
            "action": "respond",
            "stage": 1,
            "due": "2024-05-29",
            "working_days": 10,
            "counted_from": "2024-05-14",
            "counted_from_event": "acknowledged",
            "projected": False,
            "note": None,
            "done": None,
            "in_time": None,
        },
        "extension_limit": {"provision": "6.4", "working_days": 10, "respond_by": "2024-06-12"},
    }


def test_deadlines_as_json_for_a_2022_stage_2() -> None:
    """5.13 (2022): no stage 2 acknowledgement timescale, so ``acknowledge`` is null."""
    code, out, _ = run(
        "deadlines", "2023-05-03", "--stage", "2", "--escalation-requested", "2023-06-05",
        "--format", "json",
    )  # fmt: skip
    data = json.loads(out)
    assert code == EXIT_OK
    assert (data["edition"], data["acknowledge"], data["escalation_requested"]) == (
        2022,
        None,
        "2023-06-05",
    )
    assert (data["respond"]["provision"], data["respond"]["due"]) == ("5.13", "2023-07-03")
    assert data["extension_limit"] == {
        "provision": "5.13",
        "working_days": 10,
        "respond_by": "2023-07-17",
    }


# --- errors name the command's options ----------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("deadlines", "2024-05-03", "--stage", "2", "--escalation-requested", "2024-04-01"),
            (
                "complaintcode deadlines: error: --escalation-requested: 2024-04-01 is before the "
                "day of receipt (2024-05-03): dates must not run backwards\n"
            ),
        ),
        (
            ("self-assessment", "check", "-"),
            (
                "complaintcode self-assessment check: error: <stdin>: cannot tell which edition of "
                "the Code the text answers (no edition named, and neither its provision numbers nor "
                "its section headings decide); pass --edition 2024 or 2022\n"
            ),
        ),
        (
            ("report", "-", "--homes", "10", "--year", "2024", "--self-assessment", "-"),
            (
                "complaintcode report: error: only one input can be - (standard input), but FILE "
                "and --self-assessment both are\n"
            ),
        ),
    ],
)
def test_errors_name_the_commands_own_options(argv: tuple[str, ...], message: str) -> None:
    """An error says --edition 2024, not edition=2024; --as-of, not as_of."""
    code, out, err = run(*argv, stdin="Nothing here\n")
    assert (code, out, err) == (EXIT_USAGE, "", message)


# --- reading a database ---------------------------------------------------------------------------


def test_audit_reads_a_store_as_it_reads_json_lines(tmp_path: Path) -> None:
    """5.12, 6.2: a store gives the same audit as the JSON Lines of the same complaints."""
    from_file = run("audit", jsonl(tmp_path), "--format", "json")
    from_store = run("audit", database(tmp_path), "--format", "json")
    assert from_store == from_file
    assert from_store[0] == EXIT_FINDINGS
    assert json.loads(from_store[1])["summary"]["by_provision"] == {"6.2": 1}


def test_a_store_is_known_by_its_header_not_its_name(tmp_path: Path) -> None:
    """A store named like JSON Lines is read as a store; JSON Lines named .db as JSON Lines."""
    store = database(tmp_path, "complaints.jsonl.bak")
    text = tmp_path / "complaints.db"
    text.write_text("".join(c.to_json() + "\n" for c in complaints()), encoding="utf-8")
    assert run("audit", store)[:2] == run("audit", str(text))[:2]


def test_report_reads_a_store(tmp_path: Path) -> None:
    """8.1: the annual report from a store equals the report from JSON Lines."""
    argv = ("--homes", "1000", "--year", "2024", "--format", "json")
    from_store = run("report", database(tmp_path), *argv)
    assert from_store == run("report", jsonl(tmp_path), *argv)
    assert json.loads(from_store[1])["ch01"]["stage_1_complaints"] == 2


def test_unreadable_stored_complaints_are_reported_and_skipped(tmp_path: Path) -> None:
    """5.12: rows no complaint could have are reported with the complaint and field; exit 3."""
    path = database(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO complaintcode_events VALUES "
            "('C-3', 0, 'received', '2024-05-03', '{\"kind\":\"received\",\"on\":\"2024-05-33\"}')"
        )
    code, out, err = run("audit", path, "--format", "json")
    assert code == EXIT_BAD_INPUT
    assert err == (
        f"{path}: complaint 'C-3', events[0].on: not an ISO date (YYYY-MM-DD): '2024-05-33'\n"
    )
    data = json.loads(out)
    assert data["bad_records"] == [
        {
            "line": 3,
            "path": "complaint 'C-3', events[0].on",
            "message": "not an ISO date (YYYY-MM-DD): '2024-05-33'",
        }
    ]
    assert data["summary"]["audited"] == 2


def test_a_database_that_is_not_a_store_is_a_usage_error(tmp_path: Path) -> None:
    """A SQLite file without the store's tables cannot be audited: exit 2, saying why."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    code, out, err = run("audit", str(path))
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        f"complaintcode audit: error: {path} is a SQLite database without complaintcode's tables\n"
    )


def test_standard_input_is_read_for_a_dash(tmp_path: Path) -> None:
    """- reads JSON Lines from standard input, as a file would be read."""
    body = Path(jsonl(tmp_path)).read_text(encoding="utf-8")
    assert run("audit", "-", stdin=body)[:2] == run("audit", jsonl(tmp_path))[:2]
