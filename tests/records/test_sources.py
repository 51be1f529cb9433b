"""Where read_complaints reads from: a path opens a file, text or a file object is read.

The record of a complaint (5.12) arrives as JSON Lines in a file, as text or as
an open stream. These tests check that each is read the same way, and that a
file name is never mistaken for a complaint nor a complaint for a file name.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from complaintcode.complaint import Complaint
from complaintcode.errors import InvalidRecord
from complaintcode.records import BadRecord, read_complaints
from strategies import report_complaint_lists

D = dt.date


def complaints() -> list[Complaint]:
    return [
        Complaint.receive("C-1", received=D(2024, 5, 3)),
        Complaint.receive("C-2", received=D(2024, 5, 7), summary="Line\u2028separator"),
    ]


def text() -> str:
    return "".join(c.to_json() + "\n" for c in complaints())


def references(found: object) -> list[str]:
    return [c.reference for c in found]  # type: ignore[attr-defined]


def test_a_path_opens_the_file(tmp_path: Path) -> None:
    """5.12: a pathlib.Path and a str naming a file both read the file."""
    path = tmp_path / "complaints.jsonl"
    path.write_text(text(), encoding="utf-8")
    assert list(read_complaints(path)) == complaints()
    assert list(read_complaints(str(path))) == complaints()


def test_text_bytes_and_streams_are_read() -> None:
    """5.12: JSON Lines text, bytes, a text or binary stream and a list give the same complaints."""
    expected = complaints()
    assert list(read_complaints(text())) == expected
    assert list(read_complaints(text().encode())) == expected
    assert list(read_complaints(io.StringIO(text()))) == expected
    assert list(read_complaints(io.BytesIO(text().encode()))) == expected
    assert list(read_complaints(list(io.StringIO(text())))) == expected
    assert list(read_complaints("\ufeff" + text().replace("\n", "\r\n"))) == expected


def test_one_line_of_text_without_a_line_break_is_text() -> None:
    """Text that begins with '{' is JSON Lines even without a line break."""
    assert references(read_complaints(complaints()[0].to_json())) == ["C-1"]
    assert list(read_complaints("")) == []
    assert list(read_complaints("  \n")) == []


def test_a_line_separator_inside_a_value_does_not_split_the_line() -> None:
    """U+2028 may stand raw in a JSON string; only line breaks end a line."""
    (_, second) = read_complaints(text())
    assert second.events[0].summary == "Line\u2028separator"  # type: ignore[attr-defined]


def test_a_path_that_cannot_be_opened_names_it(tmp_path: Path) -> None:
    """A missing file is an InvalidRecord saying so, at once, whatever on_error is."""
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(InvalidRecord) as info:
        read_complaints(missing, on_error=print)
    assert str(info.value) == (
        f"source: cannot open {str(missing)!r} (No such file or directory); "
        "JSON Lines text begins with '{'"
    )
    assert isinstance(info.value.__cause__, FileNotFoundError)
    with pytest.raises(InvalidRecord) as info:
        read_complaints("C-1")
    assert str(info.value) == (
        "source: cannot open 'C-1' (No such file or directory); JSON Lines text begins with '{'"
    )


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    """A folder given as the path is refused with the system's reason."""
    with pytest.raises(InvalidRecord) as info:
        read_complaints(tmp_path)
    assert str(info.value) == (
        f"source: cannot open {str(tmp_path)!r} (Is a directory); JSON Lines text begins with '{{'"
    )


def test_what_is_not_a_source_is_refused() -> None:
    """A number is no source; a list of numbers has no lines of text."""
    with pytest.raises(InvalidRecord) as info:
        read_complaints(42)  # type: ignore[arg-type]  # the wrong input is the point
    assert str(info.value) == "source: expected a path, JSON Lines text or lines, got int"
    bad: list[BadRecord] = []
    assert list(read_complaints([1, 2], on_error=bad.append)) == []  # type: ignore[list-item]
    assert [str(b) for b in bad] == [
        "line 1: expected a line of text, got int",
        "line 2: expected a line of text, got int",
    ]


def test_the_file_is_closed_when_the_lines_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file opened from a path is closed after its last line, and when reading stops early."""
    path = tmp_path / "complaints.jsonl"
    path.write_text(text(), encoding="utf-8")
    opened: list[io.BufferedReader] = []
    real_open = Path.open

    def recording_open(self: Path, *args: object, **kwargs: object) -> object:
        stream = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        opened.append(stream)
        return stream

    monkeypatch.setattr(Path, "open", recording_open)
    assert len(list(read_complaints(path))) == 2
    reader = read_complaints(path)
    next(reader)
    reader.close()  # type: ignore[attr-defined]
    assert [s.closed for s in opened] == [True, True]


@given(given_complaints=report_complaint_lists())
def test_every_source_reads_the_same_complaints(given_complaints: list[Complaint]) -> None:
    """5.12: a file, its text, its bytes and its lines give back the complaints written."""
    body = "".join(c.to_json() + "\n" for c in given_complaints)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.jsonl"
        path.write_text(body, encoding="utf-8")
        read = [list(read_complaints(source)) for source in (path, body, body.encode())]
    assert read == [given_complaints] * 3
