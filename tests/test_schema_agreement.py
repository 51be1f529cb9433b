"""The JSON Schemas in ``complaintcode/data/`` and the readers agree, both ways (docs/errors.md).

A stored record is read strictly: what the reader accepts, the schema accepts;
and what the schema accepts, the reader accepts, unless a rule between fields
or events refuses it, a rule that a schema cannot state (dates running
backwards, a move the lifecycle does not have, an identifier used twice).
Those rules are listed here, each as the start of the reader's message, so a
new refusal that the schema should state instead fails a test. Two kinds of
input are left aside on the second side, both said in docs/errors.md: a lone
surrogate (JSON Schema validates the text; no UTF-8 file can hold it, and the
reader refuses it), and a whole number written with a fraction (``1.0``, which
JSON Schema counts as an integer, while the record writes and reads ``1``).
The records are those the Code asks a landlord to keep (5.12).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode import Complaint, ComplaintCodeError, ServiceRequest
from fuzzing import COMPLAINT_LINES, SERVICE_REQUEST_LINES, broken, fuzz_settings

if TYPE_CHECKING:
    from collections.abc import Callable

jsonschema = pytest.importorskip("jsonschema")


def _validator(name: str) -> Any:
    text = (resources.files("complaintcode") / "data" / name).read_text(encoding="utf-8")
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(json.loads(text), format_checker=checker)


COMPLAINT_SCHEMA = _validator("complaint.schema.json")
SERVICE_REQUEST_SCHEMA = _validator("service_request.schema.json")

#: The rules between fields and events that the readers apply and a schema cannot state,
#: each as the start of its message after the path.
RULES_BETWEEN_FIELDS: tuple[str, ...] = (
    # the events in order
    r"\d{4}-\d\d-\d\d is before the previous event \(",
    r"[a-z ]+ is not allowed: the complaint is ",
    r"an? [a-z_]+ event for stage \d cannot follow a complaint that is ",
    r"the Ombudsman's determination and orders are recorded once the complaint is referred",
    # the receipt's own dates
    r"\d{4}-\d\d-\d\d is after the complaint was received \(",
    r"the time of receipt \S+ is not on ",
    # identifiers named by later events
    r"no outstanding action ",
    r"an outstanding action .* exists already",
    r"outstanding action .* was completed on ",
    r"the order .* was done on ",
    r"the Ombudsman made no order ",
    r"an order .* was made by an earlier determination",
    r"(an?|the) (adjustment|restriction) .* (is recorded already|was (ended|lifted) on)",
    r"no (adjustment|restriction) .* is recorded",
    # a remedy named by its place in a recorded letter
    r"no stage \d response is recorded, so it offers no remed",
    r"the stage \d response was recorded without its letter",
    r"the stage \d response offers ",
    r"the remedy .* was (given by the letter itself|recorded as done already)",
    # a ground's provision, in the decision's edition
    r"unknown provision .* in the \d{4} edition of the Code",
    r"the ground cites the \d{4} edition",
    # a stage's extensions together
    r"the extensions of stage \d would add up to \d+ working days",
    # an extension notice's own dates
    r"the new date \S+ must be after the original due date",
    # a service request's answers and conversions
    r"no dissatisfaction expressed since the last answer or conversion is left to answer",
    r"the complaint .* was made from this request already",
)
_RULES = re.compile("|".join(f"(?:{rule})" for rule in RULES_BETWEEN_FIELDS))
_SURROGATE = re.compile("[\ud800-\udfff]")


def _aside(value: object) -> bool:
    """Whether the value holds a lone surrogate or a number written with a fraction."""
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_aside(k) or _aside(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_aside(v) for v in value)
    return False


def _read(reader: Callable[[Any], object], value: object) -> str | None:
    """``None`` if the reader accepts the value, else its message after the path."""
    try:
        reader(value)
    except ComplaintCodeError as err:
        return getattr(err, "message", str(err))
    return None


_KINDS: dict[str, tuple[tuple[str, ...], Any, Callable[[Any], object]]] = {
    "complaint": (COMPLAINT_LINES, COMPLAINT_SCHEMA, Complaint.from_dict),
    "service request": (SERVICE_REQUEST_LINES, SERVICE_REQUEST_SCHEMA, ServiceRequest.from_dict),
}


@pytest.mark.parametrize("kind", list(_KINDS))
@fuzz_settings()
@given(data=st.data())
def test_what_the_reader_accepts_the_schema_accepts(kind: str, data: st.DataObject) -> None:
    """5.12: a stored record the reader accepts is valid under the shipped schema."""
    lines, schema, reader = _KINDS[kind]
    value = data.draw(broken(json.loads(data.draw(st.sampled_from(lines)))))
    if _read(reader, value) is None:
        errors = [e.message for e in schema.iter_errors(value)]
        assert errors == []


@pytest.mark.parametrize("kind", list(_KINDS))
@fuzz_settings()
@given(data=st.data())
def test_what_the_schema_accepts_the_reader_accepts_but_for_rules_between_fields(
    kind: str, data: st.DataObject
) -> None:
    """5.12: a record valid under the schema loads, unless a rule between fields refuses it."""
    lines, schema, reader = _KINDS[kind]
    value = data.draw(broken(json.loads(data.draw(st.sampled_from(lines)))))
    if _aside(value) or not schema.is_valid(value):
        return
    message = _read(reader, value)
    assert message is None or _RULES.match(message), message


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (lambda d: d["events"][1].update(on="1900-01-01"), "before the previous event"),
        (lambda d: d["events"].append({"kind": "closed", "on": "2199-12-31"}), "not allowed"),
    ],
    ids=["backwards", "a move the lifecycle does not have"],
)
def test_a_rule_between_events_is_refused_by_the_reader_alone(
    change: Callable[[dict[str, Any]], object], rule: str
) -> None:
    """5.12: the schema cannot see the order of events; the reader refuses with the rule."""
    data = json.loads(COMPLAINT_LINES[0])
    change(data)
    assert COMPLAINT_SCHEMA.is_valid(data)
    message = _read(Complaint.from_dict, data)
    assert message is not None
    assert rule in message
    assert _RULES.match(message)


def test_the_schema_and_the_reader_refuse_what_the_first_version_let_through() -> None:
    """5.12, 5.2: a blank reference, a stage spelt as text and a date past 2199 fail both."""
    cases = [
        (0, "reference", ""),
        (0, "on", "2205-05-01"),
        (1, "stage", "1"),
        (1, "stage", "stage 1"),
    ]
    for index, field, value in cases:
        data = json.loads(COMPLAINT_LINES[0])
        data["events"][index][field] = value
        assert not COMPLAINT_SCHEMA.is_valid(data), (field, value)
        assert _read(Complaint.from_dict, data) is not None, (field, value)
