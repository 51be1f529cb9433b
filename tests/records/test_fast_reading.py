"""Stored complaints read by each record class's own reader, with every check of the generic one.

5.12 asks that a landlord keeps a full record of each complaint; reading it back
must give the record as it was stored and refuse only what no record could hold.
Each record class has a reader generated from its annotations (fast, with no
paths built); any value it does not accept is read again by the generic reader,
which names the fault. These tests hold the two to the same answers.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaintcode import Complaint, ComplaintCodeError, InvalidRecord
from complaintcode._codec import fast_record_reader, from_plain
from complaintcode.complaint import events as events_module

LINES = (
    resources.files("complaintcode")
    .joinpath("data/example_complaints.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
)
STORED = [json.loads(line) for line in LINES]

#: Values that no stored field of the wrong kind may hold, and a few it may.
AWKWARD: list[Any] = [
    None,
    True,
    0,
    1,
    -1,
    1.5,
    "",
    "x",
    "\ud800",
    "2024-05-03",
    "2024-5-3",
    "1899-12-31",
    "2200-01-01",
    "2024-05-03T10:00:00+01:00",
    "1",
    "stage 1",
    "upheld",
    "partly upheld",
    [],
    ["x"],
    [1],
    {},
    {"type": "acknowledgement"},
]


def _outcome(read: Any) -> tuple[str, object]:
    try:
        return "read", read()
    except ComplaintCodeError as err:
        return "refused", str(err)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(_paths(item, (*path, index)))
    return out


def test_every_example_complaint_is_read_as_the_generic_reader_reads_it() -> None:
    """5.12: each stored event of the example year is read to the same record by both readers."""
    for data in STORED:
        for event in data["events"]:
            cls = events_module._KINDS[event["kind"]]
            fast = fast_record_reader(cls, frozenset({"kind"}))(event)
            assert fast == from_plain(cls, event, "event", ignore=frozenset({"kind"}))


@settings(max_examples=300, deadline=None)
@given(
    index=st.integers(0, len(STORED) - 1),
    where=st.integers(0, 10_000),
    value=st.sampled_from(AWKWARD),
)
def test_a_changed_value_is_read_or_refused_as_the_generic_reader_does(
    index: int, where: int, value: object
) -> None:
    """5.12: a stored value changed to any awkward value gives the generic reader's record or error."""
    data = copy.deepcopy(STORED[index])
    paths = [p for p in _paths(data) if len(p) > 1]
    path = paths[where % len(paths)]
    holder: Any = data
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    text = json.dumps(data)
    fast = _outcome(lambda: Complaint.from_dict(json.loads(text)))

    def generic() -> Complaint:
        raw = json.loads(text)
        stored = tuple(
            events_module.event_from_dict(e, path=f"events[{i}]")
            for i, e in enumerate(raw["events"])
        )
        return Complaint.from_events(stored)

    expected = _outcome(generic)
    if expected[0] == "refused" and fast[0] == "refused":
        assert fast[1] == expected[1]
    else:
        assert fast == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["events"][0].update(on="2024-13-01"), "events[0].on: not an ISO date"),
        (lambda d: d["events"][0].update(reference=7), "events[0].reference: expected text"),
        (lambda d: d["events"][1].update(stage="1"), "events[1].stage: a stored stage is"),
    ],
)
def test_a_fault_is_named_with_its_path_as_before(change: Any, message: str) -> None:
    """5.12: a stored record that cannot be read is refused with the generic reader's message."""
    data = copy.deepcopy(STORED[0])
    change(data)
    with pytest.raises(InvalidRecord) as raised:
        Complaint.from_dict(data)
    assert str(raised.value).startswith(message)
