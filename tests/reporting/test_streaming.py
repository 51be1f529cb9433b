"""Reports and audits over many complaints hold one complaint at a time.

``annual_report`` and ``mrc_pack`` (8.1, 9.7) take any iterable of complaints
and count each as it comes; the command line reads, audits and counts one
record at a time. Each test hands the complaints out through :class:`Watched`,
which keeps a weak reference to every complaint it hands out and records how
many were still alive each time the next was asked for: a report that kept them
in a list would keep all 300 alive.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.resources
import weakref
from typing import TYPE_CHECKING

import pytest

import complaintcode.records
from complaintcode import EXAMPLE_HOMES, annual_report, mrc_pack, read_complaints
from complaintcode.cli._reading import EASED_THRESHOLD, collector_eased
from complaintcode.errors import InvalidRecord
from running import run

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from complaintcode import Complaint


def example_lines() -> list[str]:
    data = importlib.resources.files("complaintcode") / "data" / "example_complaints.jsonl"
    return data.read_text(encoding="utf-8").splitlines()


class Watched:
    """Complaints handed out one at a time, counting how many are alive at each step."""

    def __init__(self, complaints: Iterable[Complaint]) -> None:
        self.source = iter(complaints)
        self.refs: list[weakref.ref[Complaint]] = []
        self.most_alive = 0

    def __iter__(self) -> Iterator[Complaint]:
        for complaint in self.source:
            self.refs.append(weakref.ref(complaint))
            alive = sum(1 for ref in self.refs if ref() is not None)
            self.most_alive = max(self.most_alive, alive)
            yield complaint


def test_annual_report_counts_each_complaint_as_it_comes() -> None:
    """8.1: a year's report from a stream of complaints holds at most two at once.

    The one being counted and the one before it (still named by the loop) are
    alive when the next is read; none of the 300 is kept by the report.
    """
    watched = Watched(read_complaints(example_lines()))
    streamed = annual_report(watched, homes=EXAMPLE_HOMES, year=2024)
    assert len(watched.refs) == 300
    assert watched.most_alive == 2
    held = annual_report(list(read_complaints(example_lines())), homes=EXAMPLE_HOMES, year=2024)
    assert streamed.to_dict() == held.to_dict()


def test_mrc_pack_counts_each_complaint_as_it_comes() -> None:
    """9.7: the quarterly pack, with the quarters before it, reads the complaints once."""
    watched = Watched(read_complaints(example_lines()))
    streamed = mrc_pack(watched, quarter="2024-25 Q3", previous=2)
    assert len(watched.refs) == 300
    assert watched.most_alive == 2
    held = mrc_pack(list(read_complaints(example_lines())), quarter="2024-25 Q3", previous=2)
    assert streamed.to_dict() == held.to_dict()


def test_a_reference_given_twice_is_refused_when_reached() -> None:
    """8.1: a complaint given twice is still refused, with its place in the stream."""
    first = next(iter(read_complaints(example_lines()[:1])))
    with pytest.raises(InvalidRecord) as err:
        annual_report(iter([first, first]), homes=EXAMPLE_HOMES, year=2024)
    assert str(err.value) == (
        f"complaints[1]: the reference {first.reference!r} appears twice: each complaint "
        "is counted once"
    )


def test_annual_report_reads_a_generator_once() -> None:
    """8.1: a generator, which can be read only once, gives the same report as a list."""
    complaints = read_complaints(example_lines())
    report = annual_report(complaints, homes=EXAMPLE_HOMES, year=2024)
    assert report.counts.stage(1).received == 300
    assert next(iter(complaints), None) is None


@pytest.fixture
def watched_reading(monkeypatch: pytest.MonkeyPatch) -> list[Watched]:
    """Every reading the command line does, watched."""
    seen: list[Watched] = []
    original = complaintcode.records.read_complaints

    def watching(*args: object, **kwargs: object) -> Watched:
        watched = Watched(original(*args, **kwargs))  # type: ignore[arg-type]
        seen.append(watched)
        return watched

    monkeypatch.setattr(complaintcode.records, "read_complaints", watching)
    return seen


def run_out(*argv: str) -> tuple[int, str]:
    """Run the command; its exit code and output."""
    code, out, _ = run(*argv)
    return code, out


@pytest.fixture
def year_file(tmp_path: Path) -> str:
    path = tmp_path / "year.jsonl"
    path.write_text("\n".join(example_lines()) + "\n", encoding="utf-8")
    return str(path)


def test_report_command_reads_one_record_at_a_time(
    watched_reading: list[Watched], year_file: str
) -> None:
    """8.1: ``complaintcode report`` counts each record as it reads it."""
    code, out = run_out("report", year_file, "--homes", str(EXAMPLE_HOMES), "--year", "2024")
    assert code == 0
    assert out.startswith("# Complaints performance and service improvement report 2024-25\n")
    [watched] = watched_reading
    assert len(watched.refs) == 300
    assert watched.most_alive == 2


def test_audit_command_with_as_of_reads_one_record_at_a_time(
    watched_reading: list[Watched], year_file: str
) -> None:
    """8.1: ``complaintcode audit --as-of`` audits and writes each record as it reads it.

    Each complaint's findings are written as it is audited, and the summary is
    counted as they pass, so nothing is kept; the JSON document is the one a
    single ``json.dumps`` of the whole would write.
    """
    code, out = run_out("audit", year_file, "--as-of", "2025-04-30", "--format", "json")
    assert code == 1
    [watched] = watched_reading
    assert len(watched.refs) == 300
    assert watched.most_alive == 2
    held = list(read_complaints(example_lines()))
    found = [c for c in held if c.audit(dt.date(2025, 4, 30))]
    assert out.count('"reference"') == len(found) + sum(
        len(c.audit(dt.date(2025, 4, 30))) for c in found
    )


def test_audit_command_without_as_of_holds_the_file(
    watched_reading: list[Watched], year_file: str
) -> None:
    """Without ``--as-of`` the day is the latest event in the file, known only at the end."""
    code, _ = run_out("audit", year_file, "--format", "csv")
    assert code == 1
    [watched] = watched_reading
    assert watched.most_alive == 300


def test_the_collector_is_eased_while_reading_and_restored() -> None:
    """The command line runs the collector less often while it reads, and puts it back."""
    before = gc.get_threshold()
    with collector_eased():
        assert gc.get_threshold() == (EASED_THRESHOLD, *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), collector_eased():
        raise RuntimeError
    assert gc.get_threshold() == before
