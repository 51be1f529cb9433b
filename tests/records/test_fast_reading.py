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
import re
import typing
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaintcode import (
    Complaint,
    ComplaintCodeError,
    InvalidRecord,
    Remedy,
    Stage,
    _codec,
    _fast_readers,
    _fields,
)
from complaintcode import remedies as remedies_module
from complaintcode._codec import from_plain
from complaintcode._fast_readers import fast_record_reader
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


# --- records built field by field ------------------------------------------------------------------


def _record_classes() -> list[type]:
    """Every record class the stored events hold that the fast readers read field by field."""
    found: list[type] = []
    todo: list[Any] = list(events_module._KINDS.values())
    while todo:
        kind = todo.pop()
        if typing.get_origin(kind) is not None:
            todo.extend(typing.get_args(kind))
        elif _fast_readers.read_exactly(kind) and attrs.has(kind) and kind not in found:
            found.append(kind)
            todo.extend(_codec.field_hints(kind)[f.name] for f in _codec.init_fields(kind))
    return found


def _values(value: Any) -> list[Any]:
    """A stored value and every value inside it."""
    out = [value]
    if isinstance(value, dict):
        for item in value.values():
            out.extend(_values(item))
    elif isinstance(value, list):
        for item in value:
            out.extend(_values(item))
    return out


#: Every value the example year stores (each once), and the awkward ones.
SAMPLES: list[Any] = list(
    {json.dumps(v, sort_keys=True): v for v in [*_values(STORED), *AWKWARD]}.values()
)


def test_every_implied_check_accepts_what_the_fast_reader_gives() -> None:
    """5.12: a validator or converter left out when a record is built field by field checks
    nothing the fast reader has not: each accepts every value read, and a converter gives it
    back equal, so a record read is one its class would make."""
    implied_seen = 0
    for cls in _record_classes():
        for field in _codec.init_fields(cls):
            kind = _codec.field_hints(cls)[field.name]
            validator = field.validator if _fast_readers.implied(field.validator, kind) else None
            converter: Any = (
                field.converter if _fast_readers.implied(field.converter, kind) else None
            )
            if validator is None and converter is None:
                continue
            implied_seen += 1
            reader = _fast_readers._fast(kind)
            accepted = 0
            for value in SAMPLES:
                try:
                    read = reader(copy.deepcopy(value))
                except Exception:  # noqa: BLE001, S112  # left to the generic reader
                    continue
                accepted += 1
                if validator is not None:
                    validator(None, field, read)
                if converter is not None:
                    assert converter(read) == read, (cls.__name__, field.name, value)
            assert accepted, f"no sample is read as {cls.__name__}.{field.name}"
    assert implied_seen == 122


def test_the_record_classes_of_a_stored_complaint_are_built_field_by_field() -> None:
    """5.12: every record class a stored complaint holds is read without its __init__."""
    classes = _record_classes()
    assert len(classes) == 34
    assert [c.__name__ for c in classes if not _fast_readers._builds_directly(c)] == []


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 1:
        raise InvalidRecord("must be at least 1", path=attribute.name)


def _shout(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.upper() for v in value)


@attrs.frozen(kw_only=True)
class Sample:
    """A record with every kind of field the fast reader builds: required, defaulted, made."""

    name: str = attrs.field(validator=_fields.text)
    count: int = attrs.field(validator=_positive)
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=_shout)
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)
    strict: str = attrs.field(default=None, validator=_fields.text)
    stage: Stage = attrs.field(default=Stage.ONE, converter=_fields.stage)

    def __attrs_post_init__(self) -> None:
        if self.name == "late" and self.count > 5:
            raise InvalidRecord("late and more than 5", path="count")


@attrs.frozen(kw_only=True)
class Hooked:
    """A record whose __init__ the fast reader cannot stand in for: it has a pre-init hook."""

    name: str = attrs.field(validator=_fields.text)
    seen: list[str] = attrs.field(factory=list)

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(kw_only=True)
class FromItself:
    """A record with a default made from the record itself."""

    name: str = attrs.field(validator=_fields.text)
    label: str = attrs.field(
        default=attrs.Factory(lambda self: self.name.upper(), takes_self=True),
        validator=_fields.text,
    )


@attrs.frozen(kw_only=True, cache_hash=True)
class CachedHash:
    """A record whose __init__ also clears the hash it keeps."""

    name: str = attrs.field(validator=_fields.text)


FULL = {"name": "a", "count": 2, "tags": ["x", "y"], "note": "n", "strict": "s", "stage": 2}


@pytest.mark.parametrize(
    "data",
    [
        FULL,
        {"name": "a", "count": 2, "strict": "s"},
        {**FULL, "note": None},
        {**FULL, "tags": []},
    ],
    ids=["every field", "defaults", "a null", "no tags"],
)
def test_a_record_built_field_by_field_is_the_record_its_class_makes(data: dict[str, Any]) -> None:
    """5.12: defaults (a factory too), converters and validators, as __init__ applies them."""
    fast = fast_record_reader(Sample)(data)
    assert fast == from_plain(Sample, data, "sample")
    assert fast.tags == tuple(t.upper() for t in data.get("tags", ()))
    assert fast.stage is Stage(data.get("stage", 1))


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({**FULL, "count": 0}, "sample.count", "must be at least 1"),
        ({**FULL, "name": "late", "count": 6}, "sample.count", "late and more than 5"),
        ({"name": "a", "count": 2}, "sample.strict", "expected text, got NoneType"),
        ({**FULL, "name": "\ud800"}, "sample.name", "the text holds a lone surrogate"),
        ({**FULL, "stage": 3}, "sample.stage", "5.3"),
    ],
    ids=["a validator not implied", "the post-init hook", "a default refused", "a text", "stage 3"],
)
def test_a_record_built_field_by_field_refuses_what_its_class_refuses(
    data: dict[str, Any], path: str, message: str
) -> None:
    """5.12: the fast reader raises for what __init__ refuses; the generic reader says why."""
    with pytest.raises(Exception):  # noqa: B017, PT011  # any fault sends it to the generic reader
        fast_record_reader(Sample)(data)
    with pytest.raises(InvalidRecord) as raised:
        from_plain(Sample, data, "sample")
    assert raised.value.path == path
    assert message in raised.value.message


def test_a_record_whose_init_cannot_be_stood_in_for_is_read_through_it() -> None:
    """5.12: a pre-init hook, a default made from the record or a cached hash keeps __init__."""
    assert not _fast_readers._builds_directly(Hooked)
    assert not _fast_readers._builds_directly(FromItself)
    assert not _fast_readers._builds_directly(CachedHash)
    cached = fast_record_reader(CachedHash)({"name": "a"})
    assert cached == CachedHash(name="a")
    assert hash(cached) == hash(CachedHash(name="a"))
    assert fast_record_reader(Hooked)({"name": "a"}) == Hooked(name="a")
    assert fast_record_reader(FromItself)({"name": "a"}) == FromItself(name="a", label="A")
    assert _fast_readers._builds_directly(Sample)


def test_a_stored_amount_not_written_as_to_dict_writes_it_is_refused_by_the_fast_reader() -> None:
    """7.1: a remedy's stored amount has two decimal places; '150.5' is read as before, refused."""
    data = copy.deepcopy(STORED[0])
    text = json.dumps(data)
    assert '"amount": "' in text
    changed = json.loads(re.sub(r'"amount": "([0-9]+)\.([0-9])[0-9]"', r'"amount": "\1.\2"', text))
    with pytest.raises(InvalidRecord) as raised:
        Complaint.from_dict(changed)
    assert "a stored amount has two decimal places, such as '150.00', not '" in str(raised.value)
    remedy = next(
        v for v in _values(changed) if isinstance(v, dict) and "amount" in v and v["amount"]
    )
    with pytest.raises(Exception):  # noqa: B017, PT011  # left to Remedy.from_dict
        fast_record_reader(Remedy)(remedy)


def test_a_complaint_read_with_a_calendar_of_another_kind_is_refused_as_before() -> None:
    """5.12: the calendar given to a complaint read is checked as when it is made."""
    with pytest.raises(InvalidRecord) as raised:
        Complaint.from_dict(STORED[0], calendar="england")  # type: ignore[arg-type]
    assert (raised.value.path, raised.value.message) == (
        "calendar",
        "expected a WorkingCalendar, got str",
    )


@pytest.mark.parametrize(
    ("data", "read_field_by_field"),
    [
        ({}, True),
        ({"amount": None}, True),
        ({"amount": "150.00"}, True),
        ({"amount": "0.50"}, True),
        ({"amount": "150.5"}, False),
        ({"amount": "0150.00"}, False),
        ({"amount": 150}, False),
        ({"amount": ["150.00"]}, False),
    ],
)
def test_only_a_remedy_whose_amount_is_stored_as_to_dict_writes_it_is_read_field_by_field(
    data: dict[str, Any], read_field_by_field: bool
) -> None:
    """7.1: any other stored amount is read by Remedy.from_dict, which says what is wrong."""
    assert remedies_module._stored_amount(data) is read_field_by_field


class KeptComplaint(Complaint):
    """A class built on Complaint, as a landlord's system may make one."""


def test_a_class_built_on_complaint_reads_a_stored_complaint_as_itself() -> None:
    """5.12: from_dict gives an instance of the class it is asked of, equal to the Complaint's."""
    kept = KeptComplaint.from_dict(STORED[0])
    assert type(kept) is KeptComplaint
    assert kept == Complaint.from_dict(STORED[0])
    assert type(Complaint.from_dict(STORED[0])) is Complaint
