"""``complaintcode conformance``: the kit run against the library, and through the adapter protocol."""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from complaintcode.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from complaintcode.cli._answers import answer
from running import run

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "conformance"
ADAPTER = KIT / "adapters" / "python_adapter.py"
PYTHON = shlex.quote(sys.executable)


def total() -> int:
    return sum(
        len(json.loads(p.read_text("utf-8"))["vectors"]) for p in (KIT / "vectors").glob("*.json")
    )


def copy_kit(tmp_path: Path) -> Path:
    folder = tmp_path / "vectors"
    shutil.copytree(KIT / "vectors", folder)
    return folder


def edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_every_vector_passes_against_the_library() -> None:
    """The whole kit, as CI runs it: every vector passes, and the summary says so."""
    code, out, err = run("conformance")
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"Conformance kit complaintcode/conformance@1: {total():,} vectors")
    assert lines[-1] == f"All {total():,} vectors passed."
    assert "FAILED" not in out


def test_the_summary_counts_by_topic_and_by_provision() -> None:
    """6.13: the summary has a row per topic and per provision, here the stage 2 handler's."""
    code, out, _ = run("conformance", "--format", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["summary"] == {"vectors": total(), "passed": total(), "failed": 0, "bad_vectors": 0}
    assert list(data["by_topic"]) == [
        "calendar",
        "deadlines",
        "lifecycle",
        "audit",
        "exclusions",
        "letters",
        "report",
    ]
    assert data["by_provision"]["6.13 (2024)"]["failed"] == 0
    assert data["by_provision"]["6.13 (2024)"]["passed"] >= 20
    assert data["by_provision"]["5.12 (2022)"]["passed"] >= 10
    assert data["failures"] == []
    assert data["protocol"] == "complaintcode/conformance-protocol@1"


def test_a_changed_expected_value_fails_and_names_the_vector(tmp_path: Path) -> None:
    """6.2: a deadline one day out fails, and the summary names the vector and the difference."""
    folder = copy_kit(tmp_path)
    target = "deadlines/hand/acknowledgement/1/2024-05-03"

    def later(data: dict[str, Any]) -> None:
        for v in data["vectors"]:
            if v["id"] == target:
                v["expected"]["due"] = "2024-05-14"

    edit(folder / "deadlines.hand.json", later)
    code, out, _ = run("conformance", str(folder))
    assert code == EXIT_FINDINGS
    assert f"FAILED {target} ({folder / 'deadlines.hand.json'})" in out
    assert '  due: expected "2024-05-14", got "2024-05-13"' in out
    assert out.splitlines()[-1] == f"1 of {total():,} vectors failed."
    assert "6.2 (2024)" in out


def test_a_changed_refusal_fails(tmp_path: Path) -> None:
    """6.13: a vector expecting the stage 2 handler accepted fails, with the refusal shown."""
    folder = copy_kit(tmp_path)
    target = "lifecycle/hand/same-handler-2024"

    def accept(data: dict[str, Any]) -> None:
        for v in data["vectors"]:
            if v["id"] == target:
                v["expected"] = {"status": "stage_2", "stage": 2}

    edit(folder / "lifecycle.hand.json", accept)
    code, out, _ = run("conformance", str(folder / "lifecycle.hand.json"), "--format", "json")
    assert code == EXIT_FINDINGS
    failure = json.loads(out)["failures"][0]
    assert failure["id"] == target
    assert failure["differences"] == [
        {"path": "status", "expected": "stage_2"},
        {"path": "stage", "expected": 2},
        {"path": "refused", "got": {"at": 4, "reason": "breach", "provision": "6.13"}},
    ]


def test_paths_select_files() -> None:
    """A vector file on the command line runs that file alone."""
    code, out, _ = run("conformance", str(KIT / "vectors" / "exclusions.hand.json"))
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "All 8 vectors passed."


def test_a_file_that_is_not_a_vector_file_is_reported_and_skipped(tmp_path: Path) -> None:
    """A file of another format in a folder is reported on standard error and skipped (exit code 3)."""
    (tmp_path / "other.json").write_text('{"format": "something else"}', encoding="utf-8")
    shutil.copy(KIT / "vectors" / "exclusions.hand.json", tmp_path)
    code, out, err = run("conformance", str(tmp_path))
    assert code == EXIT_BAD_INPUT
    assert err == (
        f"{tmp_path / 'other.json'}: not a vector file of format 'complaintcode/conformance@1'\n"
    )
    assert out.splitlines()[-1] == "All 8 vectors passed."


def test_a_vector_without_an_id_is_reported_and_skipped(tmp_path: Path) -> None:
    """A vector missing a field is reported with its file and index, and the others still run."""
    path = tmp_path / "exclusions.json"
    shutil.copy(KIT / "vectors" / "exclusions.hand.json", path)
    edit(path, lambda data: data["vectors"][1].pop("id"))
    code, out, err = run("conformance", str(path))
    assert code == EXIT_BAD_INPUT
    assert err == f"{path}: vectors[1]: missing 'id'\n"
    assert out.splitlines()[-1] == "All 7 vectors passed."


def test_a_repeated_id_is_reported(tmp_path: Path) -> None:
    """Ids are unique across the files run: a second vector with an id already read is reported."""
    for name in ("a.json", "b.json"):
        shutil.copy(KIT / "vectors" / "exclusions.hand.json", tmp_path / name)
    code, _, err = run("conformance", str(tmp_path))
    assert code == EXIT_BAD_INPUT
    assert err.splitlines()[0] == (
        f"{tmp_path / 'b.json'}: the id 'exclusions/hand/29-february-in-time' is used in "
        f"{tmp_path / 'a.json'} already"
    )


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    """A path that does not exist is a usage error (exit code 2), and nothing is printed."""
    code, out, err = run("conformance", str(tmp_path / "nowhere"))
    assert (code, out) == (EXIT_USAGE, "")
    assert (
        err == f"complaintcode conformance: error: no such file or folder: {tmp_path / 'nowhere'}\n"
    )


def test_the_library_answers_refusals_with_the_provision() -> None:
    """5.2, 5.3: a stage before stage 1 or after stage 2 is refused, citing the provision."""
    ask = {"question": "acknowledgement", "received": "2024-05-03"}
    assert answer("deadlines", {**ask, "stage": "informal"}) == {
        "refused": {"reason": "breach", "provision": "5.2"}
    }
    assert answer("deadlines", {**ask, "stage": 3}) == {
        "refused": {"reason": "breach", "provision": "5.3"}
    }


def test_an_unknown_question_is_refused_as_invalid() -> None:
    """A question the topic does not have is refused as invalid, with no provision."""
    assert answer("calendar", {"question": "is_holiday", "day": "2024-05-06"}) == {
        "refused": {"reason": "invalid", "provision": None}
    }


# --- the adapter protocol -------------------------------------------------------------


def test_the_example_adapter_passes_every_vector_in_another_process() -> None:
    """The worked example speaks the protocol from its own process and passes the whole kit."""
    code, out, err = run("conformance", "--adapter", f"{PYTHON} {shlex.quote(str(ADAPTER))}")
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines()[0].endswith("asked of complaintcode (example adapter)")
    assert out.splitlines()[-1] == f"All {total():,} vectors passed."


def adapter(tmp_path: Path, body: str) -> str:
    script = tmp_path / "adapter.py"
    script.write_text(
        "import json, sys\n"
        "def say(message):\n"
        "    sys.stdout.write(json.dumps(message) + '\\n')\n"
        "    sys.stdout.flush()\n" + body,
        encoding="utf-8",
    )
    return f"{PYTHON} {shlex.quote(str(script))}"


HELLO = (
    "sys.stdin.readline()\n"
    "say({'protocol': 'complaintcode/conformance-protocol@1', 'implementation': 'Test'})\n"
)


def test_an_adapter_of_another_protocol_version_is_a_usage_error(tmp_path: Path) -> None:
    """The hello must name this version of the protocol; another stops the run (exit code 2)."""
    command = adapter(tmp_path, "sys.stdin.readline()\nsay({'protocol': 'other@2'})\n")
    code, out, err = run(
        "conformance", str(KIT / "vectors" / "exclusions.hand.json"), "--adapter", command
    )
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        "complaintcode conformance: error: the adapter: the adapter speaks 'other@2', not "
        "'complaintcode/conformance-protocol@1'\n"
    )


def test_an_adapter_error_fails_the_vector(tmp_path: Path) -> None:
    """An adapter that cannot answer says so; the vector fails with its message."""
    body = HELLO + (
        "for line in sys.stdin:\n"
        "    say({'id': json.loads(line)['id'], 'error': 'not implemented'})\n"
    )
    path = str(KIT / "vectors" / "exclusions.hand.json")
    code, out, _ = run("conformance", path, "--adapter", adapter(tmp_path, body))
    assert code == EXIT_FINDINGS
    assert "  error: not implemented" in out
    assert out.splitlines()[-1] == "8 of 8 vectors failed."


def test_an_adapter_that_stops_fails_the_rest(tmp_path: Path) -> None:
    """An adapter that exits mid-run is reported, and every vector not answered fails."""
    body = HELLO + "sys.stdin.readline()\nsys.exit(4)\n"
    path = str(KIT / "vectors" / "exclusions.hand.json")
    code, out, err = run(
        "conformance", path, "--adapter", adapter(tmp_path, body), "--format", "json"
    )
    assert code == EXIT_FINDINGS
    assert err.startswith("complaintcode conformance: the adapter: the adapter stopped")
    data = json.loads(out)
    assert data["summary"]["failed"] == 8
    assert data["failures"][0]["error"].startswith("not answered: the adapter stopped")


def test_an_adapter_answering_for_another_vector_is_stopped(tmp_path: Path) -> None:
    """A reply must carry the id of the vector asked; another id ends the run."""
    body = HELLO + "for line in sys.stdin:\n    say({'id': 'other', 'output': {}})\n"
    path = str(KIT / "vectors" / "exclusions.hand.json")
    code, _, err = run("conformance", path, "--adapter", adapter(tmp_path, body))
    assert code == EXIT_FINDINGS
    assert err == (
        "complaintcode conformance: the adapter: asked for "
        "'exclusions/hand/29-february-in-time', the adapter answered for 'other'\n"
    )


def test_a_command_that_cannot_start_is_a_usage_error(tmp_path: Path) -> None:
    """An adapter command that cannot be started is a usage error naming it."""
    missing = tmp_path / "no-such-adapter"
    code, _, err = run("conformance", "--adapter", str(missing))
    assert code == EXIT_USAGE
    assert err.startswith(
        f"complaintcode conformance: error: the adapter: cannot start '{missing}'"
    )


@pytest.mark.parametrize("command", ["", "'unclosed"])
def test_an_unreadable_command_is_a_usage_error(command: str) -> None:
    """An empty command, or one with an unclosed quote, is a usage error."""
    code, _, err = run("conformance", "--adapter", command)
    assert code == EXIT_USAGE
    assert err.startswith("complaintcode conformance: error: the adapter: ")
