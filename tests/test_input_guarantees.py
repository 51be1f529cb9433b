"""What the library promises about bad input (docs/errors.md): a named error with the path, never a crash.

Each test here reproduces a way in which input once escaped those promises: a
bare Python error from a loader, a record that loaded and then failed when it
was used, a CSV cell that a spreadsheet would run, an exit code that said
"findings" when the output could not be written. The fuzz tests
(``tests/test_fuzz_*.py``) then look for more of the same at random.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from complaintcode import (
    Acknowledgement,
    Complaint,
    ComplaintCodeError,
    ComplaintDefinition,
    Determination,
    ExclusionFacts,
    InvalidRecord,
    Outcome,
    ProvisionViolation,
    Remedy,
    RemedyKind,
    ServiceRequest,
    Stage,
    WorkingCalendar,
    acknowledgement_due,
    check_text,
    cli,
    event_from_dict,
    months_after,
    provision,
)
from complaintcode._codec import loads
from complaintcode.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, main
from complaintcode.records import BadRecord, read_complaints
from running import run

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler",),
    outcomes_sought=("replace the boiler",),
    responsible_for=("repairs in the home",),
)
#: The dates a record may hold, as every message about them says.
RANGE = "the supported range is 1900-01-01 to 2199-12-31"


def received(reference: str = "C-1", day: str = "2024-05-03") -> str:
    """A complaint received and nothing more, as one JSON line."""
    line = Complaint.receive("C-1", received=D(2024, 5, 3)).to_json()
    return line.replace('"C-1"', json.dumps(reference)).replace("2024-05-03", day)


def nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


# --- 1. a line nested too deeply ---------------------------------------------------


def test_a_line_nested_too_deeply_is_a_bad_record_and_the_lines_around_it_are_read() -> None:
    """5.12: one line of 100,000 opening brackets is reported; the good lines beside it are kept."""
    bad: list[BadRecord] = []
    lines = [received("C-1"), "[" * 100_000, received("C-2")]
    read = [c.reference for c in read_complaints(lines, on_error=bad.append)]
    assert read == ["C-1", "C-2"]
    assert bad == [
        BadRecord(line=2, message="not JSON that a complaint could be: nested too deeply")
    ]


def test_audit_skips_a_line_nested_too_deeply_and_audits_the_rest(tmp_path: Path) -> None:
    """5.12: ``audit`` reports the deep line as FILE:LINE: message and audits both good lines."""
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([received("C-1"), "[" * 100_000, received("C-2")]) + "\n")
    code, out, err = run("audit", str(path), "--as-of", "2024-05-03")
    assert (code, err) == (
        EXIT_BAD_INPUT,
        f"{path}:2: not JSON that a complaint could be: nested too deeply\n",
    )
    assert "  complaints audited: 2\n" in out


# --- 2. from_dict given Python values no JSON could hold ----------------------------


def test_a_key_that_is_not_text_is_refused_with_its_path() -> None:
    """5.12: ``{1: 2, "x": 3}`` names the key that is not text, not a TypeError from sorting."""
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict({1: 2, "x": 3})
    assert (err.value.path, err.value.message) == ("[1]", "a field's name must be text, not int")
    with pytest.raises(InvalidRecord) as err:
        event_from_dict({"kind": "closed", "on": "2024-05-03", 1: 2}, path="events[1]")
    assert str(err.value) == "events[1][1]: a field's name must be text, not int"
    with pytest.raises(InvalidRecord) as err:
        ServiceRequest.from_dict({None: 1})
    assert str(err.value) == "[None]: a field's name must be text, not NoneType"


def test_a_value_nested_too_deeply_is_shown_short_in_the_message() -> None:
    """5.12: a value 100,000 lists deep is refused with a short message, not a RecursionError."""
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict({"format": nested(100_000), "events": []})
    assert str(err.value) == (
        "format: expected format 'complaintcode/complaint@1', got [[[[[[[...]]]]]]]"
    )
    with pytest.raises(InvalidRecord) as err:
        event_from_dict({"kind": "closed", "on": nested(100_000)})
    assert str(err.value) == "event.on: not an ISO date (YYYY-MM-DD): [[[[[[[...]]]]]]]"


# --- 3. months after the last date there is -----------------------------------------


def test_months_after_the_last_date_there_is_is_refused() -> None:
    """2.3: the 12-month limit counted past 9999-12-31 is an InvalidRecord, not a ValueError."""
    with pytest.raises(InvalidRecord) as err:
        months_after(D(9999, 12, 31), 1)
    assert str(err.value) == "months: 1 month after 9999-12-31 is past 9999-12-31, the last date"
    with pytest.raises(InvalidRecord) as err:
        months_after(D(2024, 5, 3), 10**20)
    assert str(err.value) == (
        "months: 100000000000000000000 months after 2024-05-03 is past 9999-12-31, the last date"
    )


def test_exclusion_facts_outside_the_supported_dates_are_refused_when_made() -> None:
    """2.3: facts received on 9999-12-31 are refused with the range, before ``assess`` runs."""
    with pytest.raises(InvalidRecord) as err:
        ExclusionFacts(received=D(9999, 12, 31), issue_occurred=D(9999, 12, 31))
    assert str(err.value) == f"received: 9999-12-31 is outside the dates a record may hold: {RANGE}"


# --- 4. a stage with thousands of digits ---------------------------------------------


@pytest.mark.parametrize(
    "value", ["stage " + "9" * 5000, "9" * 5000, 10**5000], ids=["name", "digits", "int"]
)
def test_a_stage_of_thousands_of_digits_is_a_third_stage(value: object) -> None:
    """5.3: a stage numbered with 5,000 digits is refused as a later stage, with a short message."""
    with pytest.raises(ProvisionViolation) as err:
        Stage.parse(value)
    assert err.value.provision == provision("5.3")
    assert str(err.value).startswith("5.3: a complaints process may not have more than two stages")
    assert len(str(err.value)) < 200


def test_every_reader_of_a_stage_refuses_thousands_of_digits() -> None:
    """5.3: ``Stage()``, ``check_text``, ``acknowledgement_due`` and a letter refuse it alike."""
    stage = "stage " + "9" * 5000
    calls: list[Callable[[], object]] = [
        lambda: Stage(stage),  # type: ignore[arg-type]  # Stage() reads a name too
        lambda: Stage(10**5000),
        lambda: check_text(stage, "Dear resident"),
        lambda: acknowledgement_due(stage, received=D(2024, 5, 3)),
        lambda: Acknowledgement(stage=stage, definition=DEFINITION),
    ]
    for call in calls:
        with pytest.raises(ComplaintCodeError, match=r"5\.3: a complaints process"):
            call()


# --- 5. a record that loads must not crash later ------------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "2205-05-01", "1899-12-30", "2200-01-01"])
def test_a_record_outside_the_supported_dates_is_refused_when_read(day: str) -> None:
    """5.12: a receipt on a day outside 1900 to 2199 is refused at load with its path and the range."""
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_json(received(day=day))
    assert str(err.value) == (
        f"events[0].on: {day} is outside the dates a record may hold: {RANGE}"
    )


def test_the_last_supported_day_loads_and_everything_works_on_it() -> None:
    """6.2, 6.3, 6.4: a complaint received on 2199-12-31 and extended to the limit is audited."""
    c = Complaint.receive("C-1", received=D(2199, 12, 31))
    c = c.acknowledge(D(2199, 12, 31), "A. Khan", DEFINITION)
    c = c.extend(
        D(2199, 12, 31),
        200,
        reason="A survey is needed.",
        ombudsman_details_given=True,
        good_reason="Access.",
    )
    loaded = Complaint.from_json(c.to_json())
    assert loaded == c
    assert loaded.audit(as_of=D(2199, 12, 31)) == ()
    # 210 working days after 2199-12-31; numpy's busday_offset over the same bank holidays agrees.
    assert [d.due for d in loaded.due(D(2199, 12, 31))] == [D(2200, 10, 29)]
    assert "2200-10-29" in loaded._repr_html_()


def test_extensions_beyond_the_supported_total_are_refused() -> None:
    """6.4: a stage's extensions may add up to 200 working days; more is refused at load."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )
    c = c.extend(
        D(2024, 5, 8), 150, reason="A survey.", ombudsman_details_given=True, good_reason="Access."
    )
    with pytest.raises(InvalidRecord) as err:
        c.extend(
            D(2024, 5, 9), 51, reason="More.", ombudsman_details_given=True, good_reason="Access."
        )
    assert str(err.value) == (
        "working_days: the extensions of stage 1 would add up to 201 working days; "
        "a record may hold at most 200"
    )
    data = c.to_dict()
    data["events"][2]["working_days"] = 1_000_000
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict(data)
    assert str(err.value) == (
        "events[2].working_days: the extensions of stage 1 would add up to 1000000 working days; "
        "a record may hold at most 200"
    )


def test_dates_in_records_made_in_python_are_refused_outside_the_range() -> None:
    """5.12: the verbs refuse the same dates the readers do, with the field's path."""
    with pytest.raises(InvalidRecord) as err:
        Complaint.receive("C-1", received=D(2205, 5, 1))
    assert str(err.value) == f"on: 2205-05-01 is outside the dates a record may hold: {RANGE}"


def test_the_command_line_skips_a_record_outside_the_range_and_reports_the_rest(
    tmp_path: Path,
) -> None:
    """5.12: a typo of a year (2205) is one bad line; the good line is still audited."""
    path = tmp_path / "typo.jsonl"
    path.write_text(received("C-1") + "\n" + received("C-2", "2205-05-01") + "\n")
    code, out, err = run("audit", str(path), "--as-of", "2024-05-03")
    assert (code, err) == (
        EXIT_BAD_INPUT,
        f"{path}:2: events[0].on: 2205-05-01 is outside the dates a record may hold: {RANGE}\n",
    )
    assert "  complaints audited: 1\n" in out


# --- 6. a lone surrogate -------------------------------------------------------------


def test_a_lone_surrogate_is_refused_with_its_path() -> None:
    """5.12: ``"RH-\\ud800"`` is valid JSON but no UTF-8 file can hold it: refused at load."""
    line = received("C-1").replace('"C-1"', '"RH-\\ud800"')
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_json(line)
    assert str(err.value) == (
        "events[0].reference: the text holds a lone surrogate ('\\ud800'), "
        "which cannot be written as UTF-8"
    )
    with pytest.raises(InvalidRecord) as err:
        Complaint.receive("RH-\ud800", received=D(2024, 5, 3))
    assert str(err.value) == (
        "reference: the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8"
    )


def test_a_surrogate_pair_is_a_character_and_loads() -> None:
    """5.12: an escaped pair (an emoji) is one character, written back as UTF-8."""
    line = received("C-1").replace('"C-1"', '"RH-\\ud83d\\ude00"')
    c = Complaint.from_json(line)
    assert c.reference == "RH-\U0001f600"
    assert c.to_json().encode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_every_audit_format_survives_a_line_with_a_lone_surrogate(tmp_path: Path, fmt: str) -> None:
    """5.12: the line is reported and skipped; each output format is written."""
    path = tmp_path / "surrogate.jsonl"
    bad = received("C-2").replace('"C-2"', '"RH-\\ud800"')
    path.write_text(received("C-1") + "\n" + bad + "\n")
    code, out, err = run("audit", str(path), "--format", fmt)
    assert code == EXIT_BAD_INPUT
    assert err == (
        f"{path}:2: events[0].reference: the text holds a lone surrogate ('\\ud800'), "
        "which cannot be written as UTF-8\n"
    )
    out.encode("utf-8")


# --- 7. CSV cells a spreadsheet would run -----------------------------------------


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_audit_csv_neutralises_a_reference_a_spreadsheet_would_run(
    tmp_path: Path, lead: str
) -> None:
    """6.2: a finding's reference beginning with a formula character is written after a quote."""
    path = tmp_path / "formula.jsonl"
    reference = lead + "HYPERLINK(1)"
    path.write_text(received(reference) + "\n")
    code, out, _ = run("audit", str(path), "--as-of", "2024-05-20", "--format", "csv")
    assert code == EXIT_FINDINGS
    import csv  # noqa: PLC0415  # only this test reads CSV

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["code"], r["reference"]) for r in rows] == [("6.2", "'" + reference)]


# --- 8. exit codes when the output cannot be written --------------------------------


class _FullDisk(io.StringIO):
    def write(self, _text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


class _ClosedPipe(io.StringIO):
    def write(self, _text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.fixture
def restore_streams() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    yield
    sys.stdout, sys.stderr = saved


@pytest.mark.usefixtures("restore_streams")
@pytest.mark.parametrize(
    "argv",
    [["deadlines", "2024-05-03"], ["demo"], ["conformance", "--format", "json"]],
    ids=["deadlines", "demo", "conformance"],
)
def test_a_full_disk_has_its_own_exit_code_and_no_traceback(argv: list[str]) -> None:
    """5.12: writing to a full disk exits with the output code and says why in one line."""
    err = io.StringIO()
    sys.stdout, sys.stderr = _FullDisk(), err
    code = main(argv)
    assert code == cli.EXIT_OUTPUT
    assert err.getvalue() == (
        f"complaintcode {argv[0]}: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.usefixtures("restore_streams")
def test_a_closed_standard_output_has_the_output_exit_code() -> None:
    """5.12: ``| head`` closing the pipe stops the command quietly, with the output code."""
    err = io.StringIO()
    sys.stdout, sys.stderr = _ClosedPipe(), err
    assert main(["deadlines", "2024-05-03"]) == cli.EXIT_OUTPUT
    assert err.getvalue() == ""


@pytest.mark.parametrize(
    ("argv", "codes"),
    [
        (["demo"], ["0", "2", "4"]),
        (["deadlines"], ["0", "2", "4"]),
        (["audit"], ["0", "1", "2", "3", "4"]),
        (["report"], ["0", "2", "3", "4"]),
        (["mrc"], ["0", "2", "3", "4"]),
        (["self-assessment", "check"], ["0", "1", "2", "3", "4"]),
        (["self-assessment", "render"], ["0", "2", "3", "4"]),
        (["conformance"], ["0", "1", "2", "3", "4"]),
    ],
)
def test_each_commands_help_lists_only_the_exit_codes_it_can_return(
    argv: list[str], codes: list[str]
) -> None:
    """5.12: ``--help`` of each command lists its own exit codes, no others."""
    code, out, _ = run(*argv, "--help")
    assert code == EXIT_OK
    listed = out.split("exit codes:\n", 1)[1]
    assert [line.split()[0] for line in listed.splitlines() if line[:3].strip().isdigit()] == codes


def test_the_exit_codes_are_distinct_and_documented() -> None:
    """5.12: five codes, one meaning each, in the one table of docs/errors.md."""
    codes = [cli.EXIT_OK, EXIT_FINDINGS, cli.EXIT_USAGE, EXIT_BAD_INPUT, cli.EXIT_OUTPUT]
    assert codes == [0, 1, 2, 3, 4]
    page = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text()
    table = page.split("## Exit codes", 1)[1]
    for number in codes:
        assert f"\n| {number} |" in table


# --- 9. the schema and the reader agree ------------------------------------------


@pytest.mark.parametrize(
    ("stage", "shown"),
    [("1", "'1'"), ("stage 1", "'stage 1'"), ("one", "'one'"), ("Stage Two", "'Stage Two'")],
)
def test_a_stored_stage_is_the_number_1_or_2(stage: object, shown: str) -> None:
    """5.2, 5.3: a stored record names its stage as the schema does: the number 1 or 2.

    A spelling that :meth:`Stage.parse` reads from a person is refused in a stored record,
    saying how a stage is stored.
    """
    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )
    data = c.to_dict()
    data["events"][1]["stage"] = stage
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_json(json.dumps(data))
    assert str(err.value) == f"events[1].stage: a stored stage is 1 or 2, not {shown}"


@pytest.mark.parametrize("stage", [1.0, True])
def test_a_stored_stage_that_is_no_stage_at_all_is_refused(stage: object) -> None:
    """5.2, 5.3: 1.0 and true are no stage, stored or not (true is not the number 1)."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )
    data = c.to_dict()
    data["events"][1]["stage"] = stage
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict(data)
    assert err.value.path == "events[1].stage"
    assert err.value.message.startswith(f"not a stage: {stage!r}")


def test_a_stored_stage_the_code_forbids_is_refused_citing_its_provision() -> None:
    """5.2, 5.3: a stored stage 0 or 3 is refused with the provision that forbids it."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )
    data = c.to_dict()
    data["events"][1]["stage"] = 3
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict(data)
    assert str(err.value) == (
        "events[1].stage: 5.3: a complaints process may not have more than two stages (got 3)"
    )
    data["events"][1]["stage"] = "informal"
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict(data)
    assert str(err.value) == (
        "events[1].stage: 5.2: there is no stage before stage 1 ('stage 0', 'informal' or "
        "similar) (got 'informal')"
    )


def test_a_blank_reference_is_refused_by_the_schema_and_the_reader() -> None:
    """5.12: the schema and the reader both refuse a reference of no characters."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (
            Path(__file__).resolve().parents[1] / "src/complaintcode/data/complaint.schema.json"
        ).read_text()
    )
    data = json.loads(received("C-1"))
    data["events"][0]["reference"] = ""
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
    with pytest.raises(InvalidRecord, match=r"^events\[0\]\.reference: "):
        Complaint.from_dict(data)


def test_a_key_given_twice_is_refused_with_its_path() -> None:
    """5.12: a key twice in one object is refused, not silently read as the last one."""
    line = received("C-1").replace('"channel": null', '"channel": null, "channel": "phone"')
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_json(line)
    assert str(err.value) == "events[0].channel: the key is given twice in one object"
    bad: list[BadRecord] = []
    assert list(read_complaints([line], on_error=bad.append)) == []
    assert bad == [
        BadRecord(line=1, path="events[0].channel", message="the key is given twice in one object")
    ]


# --- 10. a calendar with no working day ------------------------------------------


def test_a_calendar_closed_every_day_is_refused_when_made() -> None:
    """6.2: a calendar with no working day could count no timescale: refused at construction."""
    first, last = D(1900, 1, 1), D(2200, 12, 31)
    every_day = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    with pytest.raises(InvalidRecord) as err:
        WorkingCalendar(closures=every_day)
    assert str(err.value) == (
        "closures: the closures leave no working day from 1900-01-01 to 2200-12-31"
    )


def test_the_exit_code_tables_of_the_docs_are_one_table_that_the_help_follows() -> None:
    """5.12: docs/errors.md and docs/cli.md give the same table; --help words each code alike."""
    docs = Path(__file__).resolve().parents[1] / "docs"

    def table(page: str) -> list[str]:
        text = (docs / page).read_text().split("## Exit codes", 1)[1].split("\n## ", 1)[0]
        return [line for line in text.splitlines() if line.startswith("| ")]

    assert table("errors.md") == table("cli.md")
    rows = table("errors.md")[1:]
    assert [row.split(" | ")[0] for row in rows] == [f"| {code}" for code in cli.EXIT_CODES]
    for row, meaning in zip(rows, cli.EXIT_CODES.values(), strict=True):
        # The help's words begin each row's meaning, up to the first colon.
        assert row.split(" | ")[1].removesuffix(" |").split(":")[0] == meaning.split(":")[0]


# --- found by the fuzz tests -----------------------------------------------------


class _ReprFails:
    def __repr__(self) -> str:
        raise RuntimeError


@pytest.mark.parametrize(
    "value", [10**5000, nested(100_000), _ReprFails()], ids=["digits", "deep", "repr fails"]
)
def test_calling_stage_with_any_value_gives_the_stages_own_error(value: object) -> None:
    """5.2, 5.3: ``Stage(value)`` refuses as :meth:`Stage.parse` does, whatever the value's repr."""
    with pytest.raises(ComplaintCodeError) as err:
        Stage(value)  # type: ignore[arg-type]  # any value, on purpose
    assert len(str(err.value)) < 200


def test_the_lifecycle_refuses_a_state_or_event_no_complaint_has() -> None:
    """5.2: a list or a dict as a state or an event is unknown, not a TypeError."""
    from complaintcode import allowed_events, next_state  # noqa: PLC0415  # this test alone

    with pytest.raises(InvalidRecord, match=r"^unknown state \[\]$"):
        allowed_events([])  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidRecord, match=r"^unknown event \{\} \(known: "):
        next_state("received", {})  # type: ignore[arg-type]  # on purpose


def test_a_count_of_working_days_no_record_holds_is_refused() -> None:
    """5.9, 6.4: an interval for updates or a notice's extension of 5,000 digits is refused."""
    from complaintcode import ExtensionNotice  # noqa: PLC0415  # this test alone

    c = Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )
    with pytest.raises(InvalidRecord) as err:
        c.agree_updates(D(2024, 5, 8), 10**5000)
    assert str(err.value) == (
        "every_working_days: an interval for updates of a number of 5001 digits working days "
        "is more than a record may hold (200)"
    )
    with pytest.raises(InvalidRecord) as err:
        ExtensionNotice(stage=1, reason="A survey.", new_date=D(2024, 6, 3), extension_days=201)
    assert str(err.value) == (
        "extension_days: an extension of 201 working days is more than a record may hold (200)"
    )


def test_messages_name_a_number_too_long_to_print() -> None:
    """6.2, 6.4: the calendar and the deadlines describe a 5,000-digit number, not fail on it."""
    from complaintcode import england_and_wales, extended_due, response_due  # noqa: PLC0415

    calendar = england_and_wales()
    with pytest.raises(InvalidRecord, match=r"^year: a number of 5001 digits is out of range"):
        calendar.holidays(10**5000)
    with pytest.raises(InvalidRecord, match=r"^n: expected 0 or more working days, not a number"):
        calendar.add_working_days(D(2024, 5, 3), -(10**5000))
    due = response_due(1, received=D(2024, 5, 3), acknowledged=D(2024, 5, 7))
    with pytest.raises(ProvisionViolation, match=r"^6\.4: an extension of a number of 5001 digits"):
        extended_due(due, 10**5000)


def test_a_csv_cell_with_a_lone_carriage_return_is_quoted_and_reads_back() -> None:
    """8.1: a lone carriage return in a cell no longer makes CSV that no reader can read."""
    import csv  # noqa: PLC0415  # this test alone

    from complaintcode import SelfAssessment  # noqa: PLC0415

    sa = SelfAssessment.blank(2024).answer("1.2", "yes", evidence="=line one\rline two")
    text = sa.to_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:5] == ["1.2", "1", rows[1][2], "yes", "'=line one\rline two"]
    again = SelfAssessment.parse(text, 2024).assessment
    assert again.answers == sa.answers


def test_every_reader_of_json_refuses_a_key_given_twice(tmp_path: Path) -> None:
    """5.12, 8.1: the store's events and the report's details file are read as records are."""
    import sqlite3  # noqa: PLC0415  # this test alone

    from complaintcode import ComplaintStore  # noqa: PLC0415

    db = tmp_path / "complaints.db"
    with ComplaintStore(str(db)) as store:
        store.save(Complaint.receive("C-1", received=D(2024, 5, 3)))
    twice = json.loads(received("C-2"))["events"][0]
    text = json.dumps(twice).replace('"on":', '"on": "2024-05-03", "on":')
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO complaintcode_events VALUES ('C-2', 0, 'received', '2024-05-03', ?)",
            (text,),
        )
    connection.close()
    code, out, err = run("audit", str(db), "--as-of", "2024-05-03")
    assert (code, err) == (
        EXIT_BAD_INPUT,
        f"{db}: complaint 'C-2', events[0].on: the key is given twice in one object\n",
    )
    assert "  complaints audited: 1\n" in out
    details = tmp_path / "details.json"
    details.write_text('{"improvements": ["a"], "improvements": ["b"]}')
    code, out, err = run(
        "report", received_file(tmp_path), "--homes", "10", "--year", "2024", "--details",
        str(details),
    )  # fmt: skip
    assert (code, out) == (cli.EXIT_USAGE, "")
    assert err == (
        f"complaintcode report: error: {details} is not JSON: improvements: the key is given "
        "twice in one object\n"
    )


def received_file(folder: Path) -> str:
    path = folder / "complaints.jsonl"
    path.write_text(received("C-1") + "\n")
    return str(path)


def test_a_self_assessment_with_a_lone_surrogate_is_refused() -> None:
    """8.1: a document or an answer holding a lone surrogate is refused, so every form can be
    written."""
    from complaintcode import SelfAssessment  # noqa: PLC0415  # this test alone

    with pytest.raises(InvalidRecord) as err:
        SelfAssessment.parse("provision,comply,evidence\n1.2,yes,Policy \ud800\n", 2024)
    assert str(err.value) == (
        "line 2: the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8"
    )
    with pytest.raises(InvalidRecord) as err:
        SelfAssessment.blank(2024).answer("1.2", "yes", evidence="\ud800")
    assert str(err.value) == (
        "1.2: evidence: the text holds a lone surrogate ('\\ud800'), which cannot be written as "
        "UTF-8"
    )


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: Outcome("maybe"),
            "decision: unknown decision 'maybe' (known: 'upheld', 'partly upheld', 'not upheld')",
        ),
        (
            lambda: RemedyKind(["apology"]),
            (
                "kind: unknown kind of remedy ['apology'] (known: apology, acknowledgement, "
                "explanation, action_on_delay, decision_changed, record_amended, financial, "
                "policy_change)"
            ),
        ),
        (
            lambda: Determination(3),  # type: ignore[arg-type]  # what a caller might pass
            (
                "determination: unknown determination 3 (known: 'no_maladministration', "
                "'service_failure', 'maladministration', 'severe_maladministration', "
                "'partial_maladministration', 'reasonable_redress', 'mediation', "
                "'outside_jurisdiction', 'withdrawn')"
            ),
        ),
    ],
    ids=["outcome", "remedy kind", "determination"],
)
def test_an_enum_called_with_a_value_it_lacks_raises_the_librarys_error(
    make: Callable[[], object], expected: str
) -> None:
    """7.1, 6.18: calling a decision, a remedy's kind or a determination with a value it lacks
    raises ``InvalidRecord`` with the values it has, as ``parse`` does, not a bare ValueError."""
    with pytest.raises(InvalidRecord) as err:
        make()
    assert str(err.value) == expected


def test_an_enum_called_with_a_written_form_reads_it_as_parse_does() -> None:
    """6.18: ``Outcome``, ``RemedyKind`` and ``Determination`` called with a value read as their
    ``parse`` reads it."""
    assert Outcome("Partly_Upheld") is Outcome.PARTLY_UPHELD
    assert RemedyKind("policy_change") is RemedyKind.POLICY_CHANGE
    assert Determination("Partial maladministration") is Determination.PARTIAL_MALADMINISTRATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}'.encode("utf-16"), {"a": 1}),
        (b'\xef\xbb\xbf{"a": 1}', {"a": 1}),
        ('{"a": 1}'.encode("utf-32-le"), {"a": 1}),
        (bytearray(b"[1]"), [1]),
    ],
    ids=["UTF-16", "UTF-8 with a BOM", "UTF-32", "a bytearray"],
)
def test_json_bytes_are_read_in_the_encoding_their_first_bytes_show(
    text: bytes, expected: object
) -> None:
    """5.12: JSON given as bytes is read as ``json.loads`` reads it, in any encoding JSON allows."""
    assert loads(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '\ufeff{"a": 1}',
            "not JSON: Unexpected UTF-8 BOM (decode using utf-8-sig) at column 1",
        ),
        (12, "not JSON: the JSON object must be str, bytes or bytearray, not int"),
        (
            b"\xff[1]",
            "not JSON: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        ),
        (
            b'["\xed\xa0\x80"]',
            "[0]: the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8",
        ),
        (
            '{"a": ["\ud800"]}'.encode("utf-16-le", "surrogatepass"),
            "a[0]: the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8",
        ),
    ],
    ids=["text with a BOM", "not text", "not UTF-8", "surrogate in UTF-8", "surrogate in UTF-16"],
)
def test_json_that_no_record_could_hold_is_refused_with_its_path(
    text: object, expected: str
) -> None:
    """5.12: a lone surrogate is refused however the bytes carry it (escaped, or written out in
    UTF-8 or UTF-16), with its path; text that is not JSON is refused saying why."""
    with pytest.raises(InvalidRecord) as err:
        loads(text)  # type: ignore[arg-type]  # what a caller might pass
    assert str(err.value) == expected


def test_a_definition_with_texts_beyond_ascii_is_read_and_checked() -> None:
    """5.6: a definition's texts beyond ASCII are kept as given, and a lone surrogate among
    them is refused at its path, as for texts in ASCII."""
    data = {
        "understanding": "Damp in the flat.",
        "points": ["the damp", "the tenant's café heater"],
        "outcomes_sought": ["repairs ✓"],
    }
    read = ComplaintDefinition.from_dict(data)
    assert read.points == ("the damp", "the tenant's café heater")
    assert read.outcomes_sought == ("repairs ✓",)
    with pytest.raises(InvalidRecord) as err:
        ComplaintDefinition.from_dict({**data, "points": ["the damp", "caf\ud800"]})
    assert str(err.value) == (
        "definition.points[1]: the text holds a lone surrogate ('\\ud800'), which cannot be "
        "written as UTF-8"
    )
    with pytest.raises(InvalidRecord) as err:
        ComplaintDefinition.from_dict({**data, "points": ["the damp", 3]})
    assert str(err.value) == "definition.points[1]: expected text, got int"


def test_a_stored_remedy_with_an_unknown_field_or_kind_is_refused_at_its_path() -> None:
    """7.1: a stored remedy is read by its kind's stored name; an unknown field or kind is
    refused at its path."""
    stored = {"kind": "apology", "what": "We apologise.", "by_when": None, "amount": None}
    assert Remedy.from_dict(stored).kind is RemedyKind.APOLOGY
    with pytest.raises(InvalidRecord) as err:
        Remedy.from_dict({**stored, "note": "x", "colour": "y"})
    assert str(err.value) == "remedy: unknown field 'colour'"
    with pytest.raises(InvalidRecord) as err:
        Remedy.from_dict({**stored, "kind": "Apology"}, path="remedies[0]")
    assert str(err.value).startswith("remedies[0].kind: unknown kind of remedy 'Apology'")
