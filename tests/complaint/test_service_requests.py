"""Service requests: not complaints, until the resident is dissatisfied with the response.

1.4: a service request (a resident's request for the landlord to put something right) is not a
complaint, but it is recorded, monitored and reviewed. 1.5: a complaint is raised when the
resident expresses dissatisfaction with the response to it, even while the request is still being
handled. 1.3: whenever a resident expresses dissatisfaction, the landlord gives them the choice to
make a complaint. The 2022 edition differs: its 1.4 only says a complaint *should* be raised on
such dissatisfaction (a warning), its 1.6 says the matter *must* be logged as a complaint where
the resident asks, and its 1.3 asks for no choice to be offered.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

from complaintcode.complaint import (
    SERVICE_REQUEST_JSON_FORMAT,
    Complaint,
    ConvertedToComplaint,
    DissatisfactionAnswered,
    DissatisfactionExpressed,
    ServiceRequest,
    ServiceRequestRaised,
)
from complaintcode.complaint._request_events import request_event_from_dict
from complaintcode.editions import CODE_2022, CODE_2024
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from strategies import service_requests

D = dt.date
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SCHEMA: dict[str, Any] = json.loads(
    (ROOT / "src" / "complaintcode" / "data" / "service_request.schema.json").read_text(
        encoding="utf-8"
    )
)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


#: Wednesday 1 May 2024, under the 2024 edition.
RAISED = D(2024, 5, 1)


def boiler(raised: dt.date = RAISED) -> ServiceRequest:
    """A request to repair a boiler, raised on Wednesday 1 May 2024 (the 2024 edition)."""
    return ServiceRequest.record(
        "SR-1",
        raised=raised,
        description="The boiler has stopped working.",
        resident="Ms Adeyemi",
        channel="phone",
        categories=["repairs"],
        tenure="low_cost_rental",
    )


def dissatisfied(*, asked: bool = False) -> ServiceRequest:
    """Dissatisfaction expressed on Friday 10 May 2024."""
    return boiler().express_dissatisfaction(
        D(2024, 5, 10), "Nobody came on the day you promised.", complaint_requested=asked
    )


def found(request: ServiceRequest, as_of: dt.date) -> list[tuple[str, str, dt.date | None]]:
    return [(str(f), f.severity, f.on) for f in request.problems(as_of)]


# --- the record ------------------------------------------------------------------------------------


def test_a_service_request_is_recorded_with_what_was_asked() -> None:
    """1.4: service requests are recorded (and so can be monitored and reviewed), apart from
    complaints."""
    r = boiler()
    assert r.events == (
        ServiceRequestRaised(
            on=D(2024, 5, 1),
            reference="SR-1",
            description="The boiler has stopped working.",
            resident="Ms Adeyemi",
            channel="phone",
            categories=("repairs",),
            tenure="low_cost_rental",
        ),
    )
    assert (r.reference, r.raised, r.categories, r.tenure, r.status) == (
        "SR-1",
        D(2024, 5, 1),
        ("repairs",),
        "low_cost_rental",
        "raised",
    )
    assert r.edition is CODE_2024
    assert r.problems(D(2025, 1, 1)) == ()


def test_the_status_follows_the_dissatisfaction() -> None:
    """1.5: the request stands raised, dissatisfied, answered or converted."""
    r = dissatisfied()
    assert r.status == "dissatisfied"
    answered = r.answer_dissatisfaction(D(2024, 5, 13), "A repair visit.", choice_offered=True)
    assert answered.status == "answered"
    again = answered.express_dissatisfaction(D(2024, 5, 20), "Still cold.")
    assert again.status == "dissatisfied"
    assert again.convert(D(2024, 5, 21), "C-9").status == "converted"
    assert [d.on for d in again.dissatisfaction] == [D(2024, 5, 10), D(2024, 5, 20)]


# --- 1.5: dissatisfaction is a complaint -------------------------------------------------------------


def test_dissatisfaction_neither_logged_nor_answered_is_reported_from_the_next_day() -> None:
    """1.5: a complaint must be raised when the resident is dissatisfied with the response to a
    service request; dissatisfaction left neither logged nor answered is reported from the day
    after it was expressed."""
    r = dissatisfied()
    assert r.problems(D(2024, 5, 10)) == ()
    [finding] = r.problems(D(2024, 5, 13))
    assert finding == Finding(
        provision=CODE_2024.cite("service_request_complaint"),
        message="the dissatisfaction with the response to the service request expressed on "
        "2024-05-10 was neither logged as a complaint nor answered with a reason why it is not "
        "one (as of 2024-05-13)",
        severity="breach",
        reference="SR-1",
        on=D(2024, 5, 13),
    )
    assert finding.code == "1.5"


def test_converted_the_complaint_is_received_on_the_day_of_the_dissatisfaction() -> None:
    """1.5: the complaint is raised when the dissatisfaction is expressed, so the complaint made
    from the request is received on that day, and its 6.2 deadline runs from it (6.3's counts
    from the acknowledgement, over the spring bank holiday of 27 May)."""
    r = dissatisfied().convert(D(2024, 5, 14), "C-42")
    assert r.problems(D(2024, 12, 31)) == ()
    assert r.complaint_references == ("C-42",)
    assert r.received_on() == r.received_on("C-42") == D(2024, 5, 10)
    c = r.to_complaint()
    assert isinstance(c, Complaint)
    assert (c.reference, c.received, c.categories, c.tenure) == (
        "C-42",
        D(2024, 5, 10),
        ("repairs",),
        "low_cost_rental",
    )
    assert (c.receipt.complainant, c.receipt.summary) == (
        "Ms Adeyemi",
        "Nobody came on the day you promised.",
    )
    assert [str(d) for d in c.due(D(2024, 5, 14))] == [
        "6.2: acknowledge at stage 1 by 2024-05-17",
        "6.3: respond at stage 1 by 2024-06-03",
    ]


def test_a_conversion_with_no_dissatisfaction_waiting_is_received_that_day() -> None:
    """1.5: a landlord may log the matter as a complaint of its own accord; the complaint is
    received on the day it was logged."""
    r = boiler().convert(D(2024, 5, 6), "C-7")
    assert r.received_on() == D(2024, 5, 6)
    assert r.to_complaint().receipt.summary is None


def test_each_conversion_makes_its_own_complaint() -> None:
    """1.5: dissatisfaction expressed again after a conversion is a further complaint."""
    r = (
        dissatisfied()
        .convert(D(2024, 5, 13), "C-1")
        .express_dissatisfaction(D(2024, 7, 1), "The new boiler leaks.")
        .convert(D(2024, 7, 2), "C-2")
    )
    assert r.complaint_references == ("C-1", "C-2")
    assert [c.complaint_reference for c in r.conversions] == ["C-1", "C-2"]
    assert r.to_complaint().received == D(2024, 7, 1)
    assert r.to_complaint("C-1").received == D(2024, 5, 10)
    with pytest.raises(InvalidRecord) as info:
        r.to_complaint("C-3")
    assert str(info.value) == (
        "complaint_reference: the service request 'SR-1' was not converted into the complaint "
        "'C-3' (converted into: 'C-1', 'C-2')"
    )
    with pytest.raises(InvalidRecord) as info:
        boiler().to_complaint()
    assert str(info.value) == (
        "complaint_reference: the service request 'SR-1' was not converted into a complaint"
    )


def test_an_answer_with_a_reason_and_the_choice_to_complain_is_no_finding() -> None:
    """1.3, 1.5: dissatisfaction answered with why it is not a complaint, the resident given the
    choice to make one, leaves nothing to report."""
    r = dissatisfied().answer_dissatisfaction(
        D(2024, 5, 13),
        "The visit is rebooked for 14 May; the resident chose not to complain.",
        choice_offered=True,
    )
    assert r.problems(D(2024, 12, 31)) == ()


def test_an_answer_without_a_reason_is_reported() -> None:
    """1.5: an answer that gives no reason why the dissatisfaction is not a complaint."""
    r = dissatisfied().answer_dissatisfaction(D(2024, 5, 13), "  ", choice_offered=True)
    assert found(r, D(2024, 5, 31)) == [
        (
            (
                "1.5: the dissatisfaction expressed on 2024-05-10 was answered on 2024-05-13 as not a "
                "complaint without a reason why"
            ),
            "breach",
            D(2024, 5, 13),
        )
    ]


# --- 1.3: the choice to make a complaint -------------------------------------------------------------


def test_an_answer_without_the_choice_to_complain_is_reported() -> None:
    """1.3: whenever a resident expresses dissatisfaction, they are given the choice to make a
    complaint."""
    r = dissatisfied().answer_dissatisfaction(
        D(2024, 5, 13), "The visit is rebooked.", choice_offered=False
    )
    assert found(r, D(2024, 5, 31)) == [
        (
            (
                "1.3: the dissatisfaction expressed on 2024-05-10 was answered on 2024-05-13 as not a "
                "complaint without giving the resident the choice to make one"
            ),
            "breach",
            D(2024, 5, 13),
        )
    ]


def test_a_resident_who_asked_to_complain_and_was_answered_no() -> None:
    """1.3: the resident who takes the choice to complain has made a complaint; answering that it
    is not one is reported."""
    r = dissatisfied(asked=True).answer_dissatisfaction(
        D(2024, 5, 13), "This is a repair, not a complaint.", choice_offered=True
    )
    assert found(r, D(2024, 5, 31)) == [
        (
            (
                "1.3: the resident asked on 2024-05-10 to complain about the response to the service "
                "request, and was answered on 2024-05-13 that it is not a complaint"
            ),
            "breach",
            D(2024, 5, 13),
        )
    ]


def test_a_resident_who_asked_to_complain_and_was_not_logged() -> None:
    """1.3: a resident who asked to complain and whose complaint was not logged."""
    assert found(dissatisfied(asked=True), D(2024, 5, 13)) == [
        (
            (
                "1.3: the resident asked on 2024-05-10 to complain about the response to the service "
                "request, and it was not logged as a complaint (as of 2024-05-13)"
            ),
            "breach",
            D(2024, 5, 13),
        )
    ]


def test_problems_look_only_at_the_record_up_to_as_of() -> None:
    """1.5: events after ``as_of`` are not yet known: a conversion made later still leaves the
    dissatisfaction unlogged on the days before it."""
    r = dissatisfied().convert(D(2024, 5, 20), "C-1")
    assert [f.code for f in r.problems(D(2024, 5, 17))] == ["1.5"]
    assert r.problems(D(2024, 5, 20)) == ()
    with pytest.raises(InvalidRecord) as info:
        r.problems(D(2024, 4, 30))
    assert str(info.value) == (
        "as_of: 2024-04-30 is before the service request was raised (2024-05-01)"
    )
    with pytest.raises(InvalidRecord) as info:
        r.problems(dt.datetime(2024, 5, 20, 9, 0, tzinfo=dt.UTC))
    assert str(info.value) == "as_of: expected a date, got datetime"


# --- the 2022 edition ----------------------------------------------------------------------------


def older() -> ServiceRequest:
    """A request raised on 1 March 2024, under the 2022 edition, with dissatisfaction on 4 April."""
    return boiler(D(2024, 3, 1)).express_dissatisfaction(D(2024, 4, 4), "Still no hot water.")


def test_2022_raising_a_complaint_on_dissatisfaction_is_a_should() -> None:
    """1.4 (2022): a complaint *should* be raised when the resident is dissatisfied with the
    response to a service request: judged by the edition of the day the request was raised, it
    is a warning, cited by that edition's number."""
    r = older()
    assert r.edition is CODE_2022
    [finding] = r.problems(D(2024, 4, 8))
    assert (finding.code, finding.provision.edition, finding.severity) == ("1.4", 2022, "warning")


def test_2022_logs_the_matter_as_a_complaint_where_the_resident_asks() -> None:
    """1.6 (2022): the issue must be logged as a complaint if the resident asks for that."""
    asked = boiler(D(2024, 3, 1)).express_dissatisfaction(
        D(2024, 4, 4), "I want to make a complaint.", complaint_requested=True
    )
    assert [(f.code, f.provision.edition, f.severity) for f in asked.problems(D(2024, 4, 8))] == [
        ("1.6", 2022, "breach")
    ]
    refused = asked.answer_dissatisfaction(D(2024, 4, 5), "A repair.", choice_offered=False)
    assert [(f.code, f.severity) for f in refused.problems(D(2024, 4, 8))] == [("1.6", "breach")]


def test_2022_asks_for_no_choice_to_be_offered() -> None:
    """1.3 (2022) says only that the word "complaint" is not needed: an answer that did not offer
    the choice to complain is no finding under that edition."""
    r = older().answer_dissatisfaction(D(2024, 4, 5), "Rebooked the visit.", choice_offered=False)
    assert r.problems(D(2024, 12, 31)) == ()


# --- what no record could hold ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: boiler().answer_dissatisfaction(D(2024, 5, 2), "x", choice_offered=True),
            (
                "events[1]: no dissatisfaction expressed since the last answer or conversion is left "
                "to answer"
            ),
        ),
        (
            lambda: (
                dissatisfied()
                .convert(D(2024, 5, 11), "C-1")
                .answer_dissatisfaction(D(2024, 5, 12), "x", choice_offered=True)
            ),
            (
                "events[3]: no dissatisfaction expressed since the last answer or conversion is left "
                "to answer"
            ),
        ),
        (
            lambda: boiler().convert(D(2024, 5, 2), "C-1").convert(D(2024, 5, 3), "C-1"),
            "events[2].complaint_reference: the complaint 'C-1' was made from this request already",
        ),
        (
            lambda: dissatisfied().express_dissatisfaction(D(2024, 5, 9), "earlier"),
            (
                "events[2].on: 2024-05-09 is before the previous event (2024-05-10): dates must not "
                "run backwards"
            ),
        ),
        (
            lambda: boiler().convert(D(2024, 5, 2), " "),
            "complaint_reference: the complaint reference must not be blank",
        ),
        (
            lambda: ServiceRequest.record("  ", raised=D(2024, 5, 1), description="x"),
            "reference: the reference must not be blank",
        ),
        (
            lambda: ServiceRequest.record(
                "SR-1", raised=D(2024, 5, 1), description="x", tenure="owner"
            ),
            "tenure: the tenure is 'low_cost_rental' or 'low_cost_home_ownership', not 'owner'",
        ),
        (
            lambda: ServiceRequest.from_events([]),
            "events: a service request needs at least its raising",
        ),
        (
            lambda: ServiceRequest.from_events(
                [DissatisfactionExpressed(on=D(2024, 5, 1), said="x")]
            ),
            "events[0]: the first event must be the request raised",
        ),
        (
            lambda: ServiceRequest.from_events([*boiler().events, *boiler().events]),
            "events[1]: a service request is raised once, as its first event",
        ),
        (
            lambda: ServiceRequest.from_events([*boiler().events, "converted"]),  # type: ignore[list-item]
            "events[1]: not a service request's event: str",
        ),
        (
            lambda: ServiceRequest.from_events(3),  # type: ignore[arg-type]
            "events: expected the events as a sequence, got int",
        ),
    ],
    ids=[
        "answer with nothing to answer",
        "answer after a conversion",
        "a complaint reference twice",
        "dates backwards",
        "blank complaint reference",
        "blank reference",
        "unknown tenure",
        "no events",
        "not raised first",
        "raised twice",
        "not an event",
        "not a sequence",
    ],
)
def test_what_no_record_could_hold_is_refused(make: Any, message: str) -> None:
    """1.4: a service request's record holds what happened; only what none could hold is refused."""
    with pytest.raises(InvalidRecord) as info:
        make()
    assert str(info.value) == message


# --- the JSON form ---------------------------------------------------------------------------------


def test_the_json_form() -> None:
    """1.4, 1.5: the service request's own format, field by field, valid against its schema."""
    r = (
        dissatisfied(asked=True)
        .answer_dissatisfaction(D(2024, 5, 13), "A repair.", choice_offered=True)
        .express_dissatisfaction(D(2024, 5, 20), "Still cold.")
        .convert(D(2024, 5, 21), "C-5")
    )
    data = r.to_dict()
    assert data == {
        "format": "complaintcode/service_request@1",
        "events": [
            {
                "kind": "raised",
                "on": "2024-05-01",
                "reference": "SR-1",
                "description": "The boiler has stopped working.",
                "resident": "Ms Adeyemi",
                "channel": "phone",
                "categories": ["repairs"],
                "tenure": "low_cost_rental",
            },
            {
                "kind": "dissatisfaction_expressed",
                "on": "2024-05-10",
                "said": "Nobody came on the day you promised.",
                "complaint_requested": True,
            },
            {
                "kind": "dissatisfaction_answered",
                "on": "2024-05-13",
                "reason": "A repair.",
                "choice_offered": True,
            },
            {
                "kind": "dissatisfaction_expressed",
                "on": "2024-05-20",
                "said": "Still cold.",
                "complaint_requested": False,
            },
            {"kind": "converted_to_complaint", "on": "2024-05-21", "complaint_reference": "C-5"},
        ],
    }
    assert data["format"] == SERVICE_REQUEST_JSON_FORMAT
    assert VALIDATOR.is_valid(data)
    assert ServiceRequest.from_dict(data) == r
    assert ServiceRequest.from_json(r.to_json(indent=2)) == r


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected an object, got list"),
        ({"format": SERVICE_REQUEST_JSON_FORMAT, "events": [], "x": 1}, "x: unknown field"),
        (
            {"format": "complaintcode/complaint@1", "events": []},
            (
                "format: expected format 'complaintcode/service_request@1', got "
                "'complaintcode/complaint@1'"
            ),
        ),
        (
            {"format": SERVICE_REQUEST_JSON_FORMAT, "events": {}},
            "events: expected a list of events",
        ),
        (
            {"format": SERVICE_REQUEST_JSON_FORMAT, "events": [{"kind": "received"}]},
            (
                "events[0].kind: unknown event kind 'received' (known: converted_to_complaint, "
                "dissatisfaction_answered, dissatisfaction_expressed, raised)"
            ),
        ),
        (
            {
                "format": SERVICE_REQUEST_JSON_FORMAT,
                "events": [{"kind": "raised", "on": "2024-05-01", "reference": "SR-1"}],
            },
            "events[0].description: missing required field",
        ),
    ],
    ids=[
        "not an object",
        "unknown field",
        "wrong format",
        "events not a list",
        "bad kind",
        "missing",
    ],
)
def test_bad_stored_data_is_refused_with_its_path(data: object, message: str) -> None:
    """1.4: stored service requests are read as strictly as complaints."""
    with pytest.raises(InvalidRecord) as info:
        ServiceRequest.from_dict(data)
    assert str(info.value) == message
    with pytest.raises(InvalidRecord) as info:
        ServiceRequest.from_json("{")
    assert str(info.value).startswith("not JSON: ")


def test_the_schema_describes_every_event_field_by_field() -> None:
    """1.4, 1.5: each kind of event has its schema, with the same fields and required fields."""
    for cls in (
        ServiceRequestRaised,
        DissatisfactionExpressed,
        DissatisfactionAnswered,
        ConvertedToComplaint,
    ):
        schema = SCHEMA["$defs"][cls.kind]
        fields = attrs.fields(cls)
        assert schema["additionalProperties"] is False
        assert set(schema["properties"]) == {f.name for f in fields} | {"kind"}
        assert set(schema["required"]) == {f.name for f in fields if f.default is attrs.NOTHING} | {
            "kind"
        }
        event = next(
            e
            for e in dissatisfied()
            .answer_dissatisfaction(D(2024, 5, 13), "x", choice_offered=True)
            .convert(D(2024, 5, 14), "C-1")
            .events
            if type(e) is cls
        )
        assert request_event_from_dict(event.to_dict()) == event


@given(request=service_requests())
def test_any_service_request_round_trips_and_validates(request: ServiceRequest) -> None:
    """1.4, 1.5: any record reads back unchanged and validates against the schema."""
    data = json.loads(request.to_json())
    assert VALIDATOR.is_valid(data)
    assert ServiceRequest.from_dict(data) == request


@given(request=service_requests())
def test_problems_cite_the_requests_own_edition(request: ServiceRequest) -> None:
    """1.3, 1.5 (2022: 1.4, 1.6): every finding cites the edition of the day the request was
    raised, a "should" as a warning; a request whose last event is a conversion has nothing left
    waiting, and each conversion's complaint is received on or before the day it was made."""
    as_of = request.events[-1].on + dt.timedelta(days=1)
    edition = request.edition
    numbers = {
        edition.cite(k).number: edition.severity(k)
        for k in ("service_request_complaint", "complaint_on_request", "choice_to_complain")
        if edition.in_force(k)
    }
    for finding in request.problems(as_of):
        assert finding.provision.edition == edition.year
        assert finding.severity == numbers[finding.provision.number]
        assert finding.reference == request.reference
    if isinstance(request.events[-1], ConvertedToComplaint):
        assert request.status == "converted"
        assert all("as of" not in f.message for f in request.problems(as_of))
    for conversion in request.conversions:
        received = request.received_on(conversion.complaint_reference)
        assert request.raised <= received <= conversion.on
        assert request.to_complaint(conversion.complaint_reference).received == received


# --- the seeds ---------------------------------------------------------------------------------------


def test_the_2024_seeds_state_1_4_and_1_5_as_the_record_reads_them() -> None:
    """1.4, 1.5: the 2024 text, as landlords' self-assessments quote it, speaks of service
    requests apart from complaints and of dissatisfaction with the response to one."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seeds are not available at {SEEDS}")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[03]_*.txt"))]
    if not texts:
        pytest.skip(f"no 2024 seed in {SEEDS}")
    for text in texts:
        rows = {line.split("\t", 1)[0]: line for line in text.splitlines() if "\t" in line}
        assert "service request" in rows["1.4"]
        assert "dissatisfaction with the response to their service request" in rows["1.5"]
        assert "choice to make complaint" in rows["1.3"]
