"""The example data and the JSON Schema of the complaint format: reproducible, valid, varied."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import pytest

from complaintcode.complaint import DEFAULT_CATEGORIES, Complaint, events
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import ComplaintCodeError
from complaintcode.exclusions import ExclusionDecision, Ground
from complaintcode.letters import LETTER_TYPES
from complaintcode.records import EXAMPLE_HOMES, EXAMPLE_HOMES_BY_TENURE, example_service_requests
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

D = dt.date
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "complaintcode" / "data"
LINES = (DATA / "example_complaints.jsonl").read_text(encoding="utf-8").splitlines()
SCHEMA: dict[str, Any] = json.loads((DATA / "complaint.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
COMPLAINTS = [Complaint.from_json(line) for line in LINES]


def generator() -> ModuleType:
    """examples/make_example_data.py, loaded as a module."""
    path = ROOT / "examples" / "make_example_data.py"
    spec = importlib.util.spec_from_file_location("make_example_data", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- reproducible ----------------------------------------------------------------------


def test_the_generator_rebuilds_the_shipped_file_byte_for_byte() -> None:
    """The seeded generator writes exactly the file shipped in the package."""
    make = generator()
    text: str = make.to_jsonl(make.build_complaints())
    assert text.encode("utf-8") == (DATA / "example_complaints.jsonl").read_bytes()


def test_the_generator_rebuilds_the_service_requests_byte_for_byte() -> None:
    """1.4: the seeded generator writes exactly the service requests shipped in the package."""
    make = generator()
    text: str = make.to_jsonl(make.build_service_requests(make.build_complaints()))
    assert text.encode("utf-8") == (DATA / "example_service_requests.jsonl").read_bytes()


def test_the_generator_script_checks_and_writes(tmp_path: Path) -> None:
    """--check finds the shipped files up to date; --output writes the same bytes elsewhere."""
    make = generator()
    assert make.main(["--check"]) == 0
    out, requests = tmp_path / "out.jsonl", tmp_path / "requests.jsonl"
    written = ["--output", str(out), "--service-requests-output", str(requests)]
    assert make.main(written) == 0
    assert out.read_bytes() == (DATA / "example_complaints.jsonl").read_bytes()
    assert requests.read_bytes() == (DATA / "example_service_requests.jsonl").read_bytes()
    out.write_text("changed\n", encoding="utf-8")
    assert make.main(["--check", *written]) == 1


def test_another_seed_gives_another_year() -> None:
    """The seed decides the data."""
    make = generator()
    assert make.to_jsonl(make.build_complaints(seed=7, count=20)) != make.to_jsonl(
        make.build_complaints(count=20)
    )


def test_every_line_is_exactly_complaint_to_json() -> None:
    """Each line is a complaint's to_json(), and reading it back writes the same line."""
    assert len(LINES) == 300
    assert [c.to_json() for c in COMPLAINTS] == LINES


# --- varied --------------------------------------------------------------------------------


def test_the_year_and_the_extract_date() -> None:
    """Received 1 April 2024 to 31 March 2025, in order; nothing after 30 April 2025."""
    received = [c.received for c in COMPLAINTS]
    assert received == sorted(received)
    assert (received[0], received[-1]) == (D(2024, 4, 1), D(2025, 3, 31))
    assert max(e.on for c in COMPLAINTS for e in c.events) <= D(2025, 4, 30)
    assert [c.reference for c in COMPLAINTS] == [f"RH-{n:04d}" for n in range(1, 301)]


def test_the_mix_of_outcomes() -> None:
    """Closed, withdrawn, not accepted (2.1), escalation refused (5.11), final responses,
    Ombudsman referrals and complaints still open at the extract date."""
    statuses = collections.Counter(c.status for c in COMPLAINTS)
    assert set(statuses) >= {
        "closed",
        "withdrawn",
        "not_accepted",
        "escalation_refused",
        "final_response_given",
        "referred_to_ombudsman",
        "stage_1",
        "stage_1_answered",
    }
    assert statuses["closed"] > 150


def test_declined_on_every_ground() -> None:
    """2.2 and 2.3: complaints not accepted on each ground, by a person with reasons."""
    decisions = [e.decision for c in COMPLAINTS for e in c.events if isinstance(e, events.Declined)]
    kinds = {g.kind for d in decisions for g in d.grounds}
    assert kinds == {"time_limit", "legal_proceedings", "previously_considered"}
    late = [d for d in decisions if d.grounds[0].kind == "time_limit"]
    assert all(d.discretion_considered for d in late)


def test_extensions_within_and_beyond_the_limit() -> None:
    """6.4: extensions within 10 working days, and longer ones with a good reason."""
    records = [c.stage_record(1) for c in COMPLAINTS]
    extended = [r for r in records if r is not None and r.extended_by]
    assert any(r.extended_by <= 10 for r in extended)
    beyond = [r for r in extended if r.extended_by > 10]
    assert beyond
    assert all(r.extension_within_limit for r in extended)


def test_stage_2_always_has_another_handler() -> None:
    """6.13: every stage 2 is handled by someone other than the stage 1 handler."""
    pairs = [(c.handler(1), c.handler(2)) for c in COMPLAINTS if c.handler(2) is not None]
    assert len(pairs) > 20
    assert all(one != two for one, two in pairs)


def test_the_audit_finds_each_kind_of_breach() -> None:
    """Late acknowledgements and responses at both stages (6.2, 6.3, 6.11, 6.14), no updates
    agreed (5.9), outstanding actions overdue or late (6.6, 6.17) and remedies not done by their
    date (7.3)."""
    codes = {f.code for c in COMPLAINTS for f in c.audit(D(2025, 4, 30))}
    assert codes == {"5.9", "6.2", "6.3", "6.6", "6.11", "6.14", "6.17", "7.3"}


def test_categories_and_tenure() -> None:
    """9.7: most complaints carry categories from the landlord's list, a few none; most homes
    are for low-cost rental, some for low-cost home ownership, a few unrecorded."""
    assert all(set(c.categories) <= set(DEFAULT_CATEGORIES) for c in COMPLAINTS)
    assert 0 < sum(1 for c in COMPLAINTS if not c.categories) < 20
    tenures = collections.Counter(c.tenure for c in COMPLAINTS)
    assert set(tenures) == {"low_cost_rental", "low_cost_home_ownership", None}
    assert tenures["low_cost_rental"] > tenures["low_cost_home_ownership"] > tenures[None]
    assert sum(EXAMPLE_HOMES_BY_TENURE.values()) == EXAMPLE_HOMES


def test_outcomes_recorded_with_letters_alone_or_not_at_all() -> None:
    """5.12: responses whose letter decides each point, responses with the outcome recorded
    alone, and a few with neither; every outcome of the three kinds appears."""
    responses = [e for c in COMPLAINTS for e in c.events if isinstance(e, events.Responded)]
    with_letter = [e for e in responses if e.letter is not None]
    alone = [e for e in responses if e.letter is None and e.outcome is not None]
    neither = [e for e in responses if e.letter is None and e.outcome is None]
    assert len(with_letter) > len(alone) > len(neither) > 5
    outcomes = {r.outcome for c in COMPLAINTS for n in (1, 2) for r in [c.stage_record(n)] if r}
    assert {o.value for o in outcomes if o is not None} == {
        "upheld",
        "partly upheld",
        "not upheld",
    }


def test_remedies_offered_done_and_outstanding() -> None:
    """7.1, 7.3: apologies given in the letters, and dated remedies done on time, late or not
    yet, of four kinds."""
    remedies = [r for c in COMPLAINTS for r in c.remedies]
    assert {r.remedy.kind.value for r in remedies} == {
        "apology",
        "financial",
        "record_amended",
        "action_on_delay",
    }
    assert {r.state for r in remedies} == {"given_in_letter", "done", "outstanding"}
    late = [r for r in remedies if r.done_on and r.remedy.by_when and r.done_on > r.remedy.by_when]
    assert late


def test_the_ombudsmans_determinations_and_orders() -> None:
    """9.7: complaints referred to the Ombudsman, determined with orders done and outstanding."""
    records = [c.ombudsman for c in COMPLAINTS if c.ombudsman is not None]
    assert len(records) >= 3
    orders = [o for r in records for o in r.orders]
    assert any(o.completed_on is not None for o in orders)
    assert any(o.completed_on is None for o in orders)


def test_the_service_requests() -> None:
    """1.4, 1.5, 1.3: requests met with no dissatisfaction, dissatisfaction logged as one of the
    example complaints on the day it was expressed, answered as not a complaint, left waiting,
    and answered once without the choice to complain."""
    requests = example_service_requests()
    assert [r.reference for r in requests] == [f"SR-{n:04d}" for n in range(1, 158)]
    assert {r.status for r in requests} == {"raised", "answered", "converted", "dissatisfied"}
    by_reference = {c.reference: c for c in COMPLAINTS}
    for request in (r for r in requests if r.status == "converted"):
        (reference,) = request.complaint_references
        assert by_reference[reference].received == request.received_on(reference)
    codes = collections.Counter(f.code for r in requests for f in r.problems(D(2025, 4, 30)))
    assert set(codes) == {"1.3", "1.5"}


@pytest.mark.parametrize("holiday", [D(2024, 12, 25), D(2025, 1, 1), D(2025, 4, 18)])
def test_stage_1_timescales_run_across_bank_holidays(holiday: dt.date) -> None:
    """Christmas 2024, New Year 2025 and Easter 2025 fall inside some stage 1 timescales."""
    records = [c.stage_record(Stage.ONE) for c in COMPLAINTS]
    assert any(r is not None and r.started < holiday < r.final_due for r in records)


# --- the JSON Schema -----------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself is valid under its metaschema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_example_line_is_valid() -> None:
    """Every line of the example data validates against the schema."""
    for number, line in enumerate(LINES, start=1):
        errors = list(VALIDATOR.iter_errors(json.loads(line)))
        assert errors == [], f"line {number}: {errors[0].message}"


def _event(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(e for e in data["events"] if e["kind"] == kind)


def _set(path: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: object) -> Any:
    def change(data: dict[str, Any]) -> None:
        path(data)[key] = value

    return change


def _declined() -> dict[str, Any]:
    line = next(line for line in LINES if '"kind": "declined"' in line)
    data: dict[str, Any] = json.loads(line)
    return data


def _escalated() -> dict[str, Any]:
    line = next(line for line in LINES if '"escalation_requested"' in line)
    data: dict[str, Any] = json.loads(line)
    return data


MALFORMED: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown top-level field": _set(lambda d: d, "extra", 1),
    "another format": _set(lambda d: d, "format", "complaintcode/complaint@2"),
    "no events": _set(lambda d: d, "events", []),
    "receipt not first": lambda d: d["events"].pop(0),
    "a second receipt": lambda d: d["events"].append(copy.deepcopy(d["events"][0])),
    "a date not in ISO form": _set(lambda d: d["events"][0], "on", "3/5/2024"),
    "an impossible date": _set(lambda d: d["events"][0], "on", "2024-05-32"),
    "stage 3": _set(lambda d: _event(d, "acknowledged"), "stage", 3),
    "stage 0": _set(lambda d: _event(d, "acknowledged"), "stage", 0),
    "an unknown kind": _set(lambda d: d["events"][-1], "kind", "reopened"),
    "no reference": lambda d: d["events"][0].pop("reference"),
    "an unknown event field": _set(lambda d: _event(d, "acknowledged"), "colour", "red"),
    "a definition without points": lambda d: _event(d, "acknowledged")["definition"].pop("points"),
    "a handler that is not text": _set(lambda d: _event(d, "acknowledged"), "handler", 7),
    "a letter of no known type": _set(lambda d: _event(d, "responded"), "letter", {"type": "x"}),
    "a letter that is not an object": _set(lambda d: _event(d, "responded"), "letter", "Dear"),
    "a received_at without an offset": _set(
        lambda d: d["events"][0], "received_at", "2024-05-03T10:00:00"
    ),
}


@pytest.mark.parametrize("change", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_records_fail_the_schema_and_the_loader(
    change: Callable[[dict[str, Any]], None],
) -> None:
    """Each malformed record fails validation, and Complaint.from_dict refuses it too."""
    data = _escalated()
    change(data)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(ComplaintCodeError):
        Complaint.from_dict(data)


DECISION_MALFORMED: dict[str, Callable[[dict[str, Any]], None]] = {
    "an unknown ground": _set(
        lambda d: _event(d, "declined")["decision"]["grounds"][0], "kind", "too_hard"
    ),
    "no decider": lambda d: _event(d, "declined")["decision"].pop("decided_by"),
    "an unknown decision field": _set(lambda d: _event(d, "declined")["decision"], "x", 1),
}


@pytest.mark.parametrize("change", DECISION_MALFORMED.values(), ids=DECISION_MALFORMED.keys())
def test_malformed_decisions_fail_the_schema_and_the_loader(
    change: Callable[[dict[str, Any]], None],
) -> None:
    """2.4: a malformed decision fails both the schema and the loader."""
    data = _declined()
    assert VALIDATOR.is_valid(data)
    change(data)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(ComplaintCodeError):
        Complaint.from_dict(data)


def test_a_stored_decision_naming_no_ground_validates_loads_and_is_audited() -> None:
    """2.1: history that breached the Code is kept: it validates, loads, and the audit says so."""
    data = _declined()
    _event(data, "declined")["decision"]["grounds"] = []
    assert VALIDATOR.is_valid(data)
    complaint = Complaint.from_dict(data)
    assert [f.code for f in complaint.audit(complaint.events[-1].on)] == ["2.1"]


def test_optional_fields_may_be_null_or_left_out() -> None:
    """Optional fields may be null or absent; both validate and load."""
    data = _escalated()
    receipt = data["events"][0]
    for name in ("channel", "complainant", "representative", "became_aware", "summary"):
        receipt.pop(name)
    receipt["received_at"] = f"{receipt['on']}T09:30:00+01:00"
    _event(data, "responded")["letter"] = None
    assert VALIDATOR.is_valid(data)
    assert Complaint.from_dict(data).receipt.channel is None


def _properties(name: str) -> tuple[set[str], set[str]]:
    schema = SCHEMA["$defs"][name]
    assert schema["additionalProperties"] is False
    return set(schema["properties"]), set(schema["required"])


def _fields(cls: type) -> tuple[set[str], set[str]]:
    fields = attrs.fields(cls)
    return {f.name for f in fields}, {f.name for f in fields if f.default is attrs.NOTHING}


def test_the_schema_describes_every_event_field_by_field() -> None:
    """Each event kind of the format has its schema, with the same fields and required fields."""
    kinds = events._KINDS
    assert set(kinds) | {"later_event"} <= set(SCHEMA["$defs"])
    for kind, cls in kinds.items():
        names, required = _fields(cls)
        assert _properties(kind) == (names | {"kind"}, required | {"kind"}), kind
    later = [ref["$ref"].rsplit("/", 1)[1] for ref in SCHEMA["$defs"]["later_event"]["oneOf"]]
    assert sorted(later) == sorted(set(kinds) - {"received"})


def test_the_schema_describes_definitions_decisions_and_grounds() -> None:
    """The nested objects have the fields their from_dict reads."""
    assert _properties("definition") == (
        _fields(ComplaintDefinition)[0],
        {"understanding", "points"},
    )
    assert _properties("decision") == (
        _fields(ExclusionDecision)[0],
        {"edition", "grounds", "reasons", "decided_by", "decided_on"},
    )
    assert _properties("ground") == (
        _fields(Ground)[0] | {"edition"},
        {"kind", "provision", "edition", "discretionary", "reason"},
    )


def test_the_schema_names_every_kind_of_letter() -> None:
    """A recorded letter names its kind under "type": the schema lists every kind."""
    kinds = [
        SCHEMA["$defs"][ref["$ref"].split("/")[-1]]
        for ref in SCHEMA["$defs"]["letter"]["anyOf"][1:]
    ]
    assert all(kind["required"][0] == "type" for kind in kinds)
    assert {kind["properties"]["type"]["const"] for kind in kinds} == {
        cls.json_tag for cls in LETTER_TYPES
    }
