"""Fuzzing the command line: one bad line never stops the run nor loses a good one (docs/cli.md).

Files of complaints made of good lines, broken lines and bytes that are no text
are given to ``audit``, ``report`` and ``mrc``, and broken self-assessments to
``self-assessment check`` and ``render``. Each run ends with an exit code of
its table and no traceback; every line that is not blank is either read or
reported as ``FILE:LINE: ...`` on standard error, and skipped; the output can
be written as UTF-8. The records read are the record the Code asks for (5.12).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from complaintcode.cli import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
)
from fuzzing import complaint_lines, documents, fuzz_settings, service_request_lines
from running import run

#: Bytes that are not UTF-8, a byte-order mark, and blank lines, besides the lines of JSON.
odd_lines = st.sampled_from((b"\xff\xfe\x00", b"\xef\xbb\xbf", b"", b"   ", b"\xe2\x80\xa8", b"\r"))


@st.composite
def files(draw: st.DrawFn) -> bytes:
    """The bytes of a file of complaints: lines of JSON, broken or not, and odd bytes."""
    lines = draw(
        st.lists(
            st.one_of(
                complaint_lines().map(lambda s: s.encode("utf-8", "surrogatepass")), odd_lines
            ),
            max_size=6,
        )
    )
    return b"\n".join(lines) + draw(st.sampled_from((b"\n", b"", b"\r\n")))


def not_blank(data: bytes) -> list[int]:
    """The numbers of the lines that are not blank, as the reader counts them."""
    numbers = []
    segments = data.split(b"\n")
    if segments and segments[-1] == b"":
        segments.pop()
    for number, raw in enumerate(segments, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            numbers.append(number)
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        if text.rstrip("\r\n").strip():
            numbers.append(number)
    return numbers


def _reported(err: str, name: str) -> list[int]:
    """The line numbers of the bad records reported on standard error."""
    found = [re.match(rf"{re.escape(name)}:(\d+): ", line) for line in err.splitlines()]
    assert all(found), err
    return [int(m[1]) for m in found if m]


@fuzz_settings()
@given(data=files())
def test_audit_reads_every_good_line_and_reports_every_bad_one(data: bytes) -> None:
    """5.12: ``audit`` counts each line that is not blank once: read, or reported and skipped."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "complaints.jsonl"
        path.write_bytes(data)
        code, out, err = run("audit", str(path), "--format", "json")
        out.encode("utf-8")
        assert code in {EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT}, err
        summary = json.loads(out)["summary"]
        reported = _reported(err, str(path))
        assert summary["bad_records"] == len(reported)
        assert summary["complaints_read"] + len(reported) == len(not_blank(data))
        assert (code == EXIT_BAD_INPUT) == bool(reported)
        for fmt in ("text", "csv"):
            again, out, _ = run("audit", str(path), "--format", fmt)
            assert again == code
            out.encode("utf-8")


@st.composite
def request_files(draw: st.DrawFn) -> bytes:
    """The bytes of a file of service requests, broken or not."""
    lines = draw(st.lists(service_request_lines(), max_size=4))
    return "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"


@fuzz_settings()
@given(
    data=files(),
    requests=request_files(),
    year=st.integers(min_value=2022, max_value=2025),
    fmt=st.sampled_from(("markdown", "html", "json")),
)
def test_report_and_mrc_run_over_any_file(
    data: bytes, requests: bytes, year: int, fmt: str
) -> None:
    """8.1, 9.7, 1.4: the annual report and the quarterly pack are made from the lines that
    read, of complaints and of service requests."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "complaints.jsonl"
        path.write_bytes(data)
        requests_path = Path(folder) / "requests.jsonl"
        requests_path.write_bytes(requests)
        code, out, err = run(
            "report", str(path), "--homes", "4800", "--year", str(year), "--format", fmt,
            "--service-requests", str(requests_path),
        )  # fmt: skip
        out.encode("utf-8")
        assert code in {EXIT_OK, EXIT_BAD_INPUT}, err
        files = f"({re.escape(str(path))}|{re.escape(str(requests_path))})"
        lines = err.splitlines()
        assert all(re.match(rf"{files}:\d+: ", line) for line in lines), err
        assert (code == EXIT_BAD_INPUT) == bool(lines)
        code, out, err = run(
            "mrc", str(path), "--quarter", f"{year}-{(year + 1) % 100:02d}Q2", "--format", fmt
        )
        out.encode("utf-8")
        assert code in {EXIT_OK, EXIT_BAD_INPUT}, err


@fuzz_settings()
@given(text=documents(), fmt=st.sampled_from(("text", "json", "csv")))
def test_self_assessment_commands_run_over_any_document(text: str, fmt: str) -> None:
    """8.1: ``self-assessment check`` and ``render`` read any document, or say why not."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "self-assessment.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, out, err = run("self-assessment", "check", str(path), "--format", fmt)
        out.encode("utf-8")
        assert code in {EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_BAD_INPUT}, err
        render = {"text": "markdown", "json": "html", "csv": "csv"}[fmt]
        code, out, err = run("self-assessment", "render", str(path), "--format", render)
        out.encode("utf-8")
        assert code in {EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT}, err
        assert "Traceback" not in err
        assert code != EXIT_OUTPUT
