"""Fuzzing the record loaders: only library errors escape; what loads, lasts (docs/errors.md).

Each test draws broken records (``fuzzing.py``) and holds a loader to three
promises: it accepts the input or refuses it with a ``ComplaintCodeError``;
what it accepts can be used in every way the library offers without an error
(audited on any day, asked what is due, written as rows, CSV, HTML and JSON);
and what it accepts round-trips: written and read again it is equal, writes
identical JSON and audits identically. The record kept is the Code's (5.12).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import strategies
from complaintcode import (
    Complaint,
    ComplaintDefinition,
    ExclusionDecision,
    ExclusionFacts,
    GoverningBody,
    Ground,
    Remedy,
    ServiceRequest,
    event_from_dict,
    letter_from_dict,
    letter_to_dict,
)
from complaintcode.records import MAX_RECORD_DATE, BadRecord, read_complaints
from fuzzing import (
    COMPLAINT_LINES,
    broken,
    check_complaint_lasts,
    complaint_lines,
    fuzz_settings,
    json_values,
    made,
    oddly_broken,
    only_library_errors,
    service_request_lines,
)

#: The days an audit is asked about, besides the record's own: any day a calendar answers for.
audit_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@fuzz_settings()
@given(line=complaint_lines(), day=audit_days)
def test_a_complaint_line_loads_and_lasts_or_is_refused(line: str, day: dt.date) -> None:
    """5.12: ``Complaint.from_json`` of a broken line refuses it, or gives a record that lasts."""
    complaint, loaded = only_library_errors(lambda: Complaint.from_json(line))
    if loaded:
        assert isinstance(complaint, Complaint)
        check_complaint_lasts(complaint, day)


@fuzz_settings()
@given(data=st.data(), day=audit_days)
def test_complaints_built_by_the_verbs_and_broken_load_and_last_or_are_refused(
    data: st.DataObject, day: dt.date
) -> None:
    """5.12: a record made through the verbs, then broken, is refused or lasts."""
    made = data.draw(
        st.one_of(
            strategies.complaints(),
            strategies.care_histories(),
            strategies.ombudsman_histories(),
            strategies.report_complaints(),
        )
    )
    assert isinstance(made, Complaint)
    check_complaint_lasts(made, day)
    value = data.draw(broken(made.to_dict()))
    complaint, loaded = only_library_errors(lambda: Complaint.from_dict(value))
    if loaded:
        assert isinstance(complaint, Complaint)
        check_complaint_lasts(complaint, day)


@fuzz_settings()
@given(data=st.data())
def test_python_values_no_json_holds_are_refused_by_every_loader(data: st.DataObject) -> None:
    """5.12: keys that are not text, deep nesting, huge numbers: a library error, never a crash."""
    record = json.loads(data.draw(st.sampled_from(COMPLAINT_LINES)))
    value = made(data.draw(oddly_broken(record)))
    only_library_errors(Complaint.from_dict, value)
    only_library_errors(ServiceRequest.from_dict, value)
    event = made(data.draw(oddly_broken(record["events"][-1])))
    only_library_errors(event_from_dict, event, path="events[9]")


@fuzz_settings()
@given(line=service_request_lines(), day=audit_days)
def test_a_service_request_line_loads_and_lasts_or_is_refused(line: str, day: dt.date) -> None:
    """1.4, 1.5: ``ServiceRequest.from_json`` refuses a broken line, or gives a record that lasts."""
    request, loaded = only_library_errors(lambda: ServiceRequest.from_json(line))
    if not loaded:
        return
    assert isinstance(request, ServiceRequest)
    text = request.to_json()
    text.encode("utf-8")
    again = ServiceRequest.from_json(text)
    assert again == request
    assert again.to_json() == text
    as_of = min(max(day, request.events[-1].on), MAX_RECORD_DATE)
    assert again.problems(as_of) == request.problems(as_of)


@fuzz_settings()
@given(lines=st.lists(complaint_lines(), max_size=6))
def test_reading_lines_accounts_for_every_line(lines: list[str]) -> None:
    """5.12: ``read_complaints`` yields or reports every line that is not blank, and nothing else."""
    bad: list[BadRecord] = []
    read = list(read_complaints(lines, on_error=bad.append))
    not_blank = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert sorted([b.line for b in bad]) == [b.line for b in bad]
    assert len(read) + len(bad) == len(not_blank)
    assert {b.line for b in bad} <= set(not_blank)
    for complaint in read:
        assert Complaint.from_json(complaint.to_json()) == complaint


def _round_trips(value: object, write: Any, read: Any) -> None:
    """What a reader accepted, written and read again, is equal and writes the same."""
    data = write(value)
    again = read(data)
    assert again == value
    assert write(again) == data
    json.dumps(data, ensure_ascii=False).encode("utf-8")


def _part(data: st.DataObject, value: object, cls: Any) -> None:
    """A part read from a broken copy of ``value`` (or any JSON value) is refused or round-trips."""
    given = data.draw(st.one_of(broken(value), json_values))
    got, ok = only_library_errors(lambda: cls.from_dict(given))
    if ok:
        _round_trips(got, cls.to_dict, cls.from_dict)


@fuzz_settings()
@given(data=st.data())
def test_the_parts_of_a_stored_event_load_and_round_trip_or_are_refused(
    data: st.DataObject,
) -> None:
    """5.6, 6.9, 2.4: a letter, a definition, a decision and its ground are each read or
    refused; what is read round-trips."""
    record = json.loads(data.draw(st.sampled_from(COMPLAINT_LINES)))
    kinds = ("acknowledged", "responded", "declined", "escalation_refused")
    parts = [e for e in record["events"] if e["kind"] in kinds]
    if not parts:
        return
    event = data.draw(st.sampled_from(parts))
    if event.get("letter") is not None:
        letter = data.draw(st.one_of(broken(event["letter"]), json_values))
        got, ok = only_library_errors(lambda: letter_from_dict(letter))
        if ok:
            _round_trips(got, letter_to_dict, letter_from_dict)
    if "definition" in event:
        _part(data, event["definition"], ComplaintDefinition)
    if "decision" in event:
        _part(data, event["decision"], ExclusionDecision)
        if event["decision"]["grounds"]:
            _part(data, event["decision"]["grounds"][0], Ground)


@fuzz_settings()
@given(data=st.data())
def test_remedies_facts_and_a_governing_body_load_and_round_trip_or_are_refused(
    data: st.DataObject,
) -> None:
    """7.1, 2.3, 9.5: a remedy, the facts of an exclusion and the governing body's part are
    each read or refused; what is read round-trips."""
    remedy = {"kind": "financial", "what": "Pay.", "by_when": "2024-07-01", "amount": "75.00"}
    _part(data, remedy, Remedy)
    facts = {"received": "2024-05-03", "issue_occurred": "2023-01-02", "became_aware": None}
    _part(data, facts, ExclusionFacts)
    body = {"name": "The Board", "reported_on": "2025-05-20", "response": "Noted."}
    _part(data, body, GoverningBody)
