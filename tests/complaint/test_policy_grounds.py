"""A complaint declined, or its escalation refused, on a ground the landlord's policy sets (2.2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from complaintcode.cli import EXIT_OK, main
from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Declined, EscalationRefused
from complaintcode.definition import ComplaintDefinition
from complaintcode.editions import CODE_2022
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.exclusions import (
    ExclusionDecision,
    ExclusionFacts,
    Ground,
    assess,
    decide,
    policy_ground,
)
from complaintcode.provisions import provision

D = dt.date
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "src/complaintcode/data/complaint.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
DEFINITION = ComplaintDefinition(
    understanding="The rent increase for 2024-25 is too high.",
    points=("the rent increase",),
    outcomes_sought=("a lower rent",),
    responsible_for=("setting the rent",),
)
APPEAL_TEXT = "a matter with a statutory right of appeal"
APPEAL = policy_ground(APPEAL_TEXT, policy_reference="section 4.3")
REASONS = "The First-tier Tribunal decides the rent you pay, and you have appealed to it already."
RECEIVED = D(2024, 5, 1)


def decision(
    on: D, *, refusing: bool = False, ground: Ground = APPEAL, received: D = RECEIVED
) -> ExclusionDecision:
    facts = ExclusionFacts(received=received, issue_occurred=received)
    return decide(
        assess(facts, on=on),
        grounds=[ground],
        reasons=REASONS,
        decided_by="J. Patel",
        refusing_escalation=refusing,
    )


def declined() -> Complaint:
    return Complaint.receive("C-1", received=RECEIVED).decline(
        D(2024, 5, 2), decision(D(2024, 5, 2))
    )


def escalation_requested() -> Complaint:
    c = Complaint.receive("C-2", received=RECEIVED).acknowledge(
        D(2024, 5, 2), "A. Khan", DEFINITION
    )
    return c.respond(D(2024, 5, 10)).request_escalation(D(2024, 5, 20))


def refused() -> Complaint:
    on = D(2024, 5, 21)
    return escalation_requested().refuse_escalation(on, decision(on, refusing=True))


def test_a_complaint_declined_on_a_policy_ground() -> None:
    """2.2, 2.1: a complaint is not accepted on a ground its landlord's policy sets, with reasons."""
    c = declined()
    assert c.status == "not_accepted"
    event = c.events[-1]
    assert isinstance(event, Declined)
    assert event.decision.grounds == (APPEAL,)
    assert event.decision.grounds[0].provision == provision("2.2")
    assert c.audit(D(2024, 6, 1)) == ()


def test_escalation_refused_on_a_policy_ground() -> None:
    """5.11: refusing escalation rests on a section 2 ground, and a policy ground is one under
    2.2; the decision's notice cites 5.11."""
    c = refused()
    assert c.status == "escalation_refused"
    event = c.events[-1]
    assert isinstance(event, EscalationRefused)
    assert event.decision.grounds == (APPEAL,)
    assert event.decision.notice_content().provision == provision("5.11")
    assert c.audit(D(2024, 6, 1)) == ()


def test_a_decision_on_a_policy_ground_without_reasons_is_refused_when_recorded() -> None:
    """2.5: no blanket exclusion; a stored decision with no reasons is not recorded as new."""
    on = D(2024, 5, 2)
    stored = ExclusionDecision.from_dict(decision(on).to_dict() | {"reasons": "  "}, checked=False)
    with pytest.raises(ProvisionViolation) as err:
        Complaint.receive("C-1", received=RECEIVED).decline(on, stored)
    assert str(err.value) == (
        "2.5: each complaint must be considered on its own circumstances, and this decision "
        "gives no reasons for this one"
    )


def test_a_refusal_repeating_the_policy_s_words_is_refused_when_recorded() -> None:
    """5.11: the reasons for refusing escalation are this complaint's, not the policy's words."""
    on = D(2024, 5, 21)
    stored = ExclusionDecision.from_dict(
        decision(on, refusing=True).to_dict() | {"reasons": APPEAL_TEXT}, checked=False
    )
    with pytest.raises(ProvisionViolation) as err:
        escalation_requested().refuse_escalation(on, stored)
    assert str(err.value) == (
        "5.11: the reasons only repeat a ground's text; give reasons about this complaint's own "
        "circumstances"
    )


def test_a_decision_of_the_wrong_kind_is_refused() -> None:
    """5.11: a decision not accepting a complaint cannot refuse its escalation, and the reverse."""
    with pytest.raises(InvalidRecord) as err:
        escalation_requested().refuse_escalation(D(2024, 5, 21), decision(D(2024, 5, 21)))
    assert str(err.value) == "decision: the decision is not one refusing escalation"


def test_a_2022_complaint_declined_on_a_policy_ground_cites_1_8() -> None:
    """1.8 (2022): a complaint received before 1 April 2024 cites the 2022 provision on
    exclusions, and its notice cites 1.9."""
    received, on = D(2024, 3, 4), D(2024, 3, 5)
    c = Complaint.receive("C-3", received=received)
    assert c.edition is CODE_2022
    c = c.decline(on, decision(on, received=received))
    event = c.events[-1]
    assert isinstance(event, Declined)
    ground = event.decision.grounds[0]
    assert (ground.provision.number, ground.provision.edition) == ("1.8", 2022)
    assert ground.reason.startswith("1.8: a ground set by the landlord's complaints policy")
    assert event.decision.notice_content().provision == provision("1.9", 2022)
    assert c.audit(D(2024, 4, 30)) == ()


def test_a_2022_complaint_refuses_a_decision_made_under_2024() -> None:
    """1.8 (2022): a decision under the 2024 edition does not fit a 2022 complaint."""
    received, on = D(2024, 3, 4), D(2024, 4, 2)
    later = ExclusionFacts(received=D(2024, 4, 2), issue_occurred=D(2024, 4, 1))
    d = decide(assess(later), grounds=[APPEAL], reasons=REASONS, decided_by="J. Patel")
    with pytest.raises(InvalidRecord) as err:
        Complaint.receive("C-4", received=received).decline(on, d)
    assert str(err.value) == (
        "decision.edition: the decision was made under the 2024 edition, but the complaint falls "
        "under the 2022 edition"
    )


@pytest.mark.parametrize("make", [declined, refused], ids=["declined", "escalation refused"])
def test_the_complaint_round_trips_through_json_exactly(make: Any) -> None:
    """2.2, 5.12: the record keeps the policy ground's wording and reference; the JSON reads back
    equal and writes the same text, and it validates against the schema."""
    c = make()
    text = c.to_json()
    assert Complaint.from_json(text) == c
    assert Complaint.from_json(text).to_json() == text
    stored = json.loads(text)["events"][-1]["decision"]["grounds"]
    assert stored == [
        {
            "kind": "policy",
            "provision": "2.2",
            "edition": 2024,
            "discretionary": False,
            "reason": (
                "2.2: a ground set by the landlord's complaints policy (section 4.3): "
                f"{APPEAL_TEXT}"
            ),
            "limit_runs_from": None,
            "limit_ends": None,
            "claim_filed": None,
            "previous_reference": None,
            "description": APPEAL_TEXT,
            "policy_reference": "section 4.3",
        }
    ]
    jsonschema.validate(json.loads(text), SCHEMA)


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (lambda g: g, True),
        (lambda g: g.pop("description"), False),
        (lambda g: g.update(policy_reference=" "), False),
        (lambda g: g.update(policy_reference=None), False),
        (lambda g: g.update(discretionary=True), False),
        (lambda g: g.update(kind="legal_proceedings"), False),
    ],
)
def test_the_schema_holds_a_policy_ground_to_its_fields(change: Any, valid: bool) -> None:
    """2.2: the schema asks a policy ground for its wording and reference, and no other kind."""
    data = declined().to_dict()
    change(data["events"][-1]["decision"]["grounds"][0])
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert validator.is_valid(data) is valid
    if not valid:
        with pytest.raises(InvalidRecord):
            Complaint.from_dict(data)


def test_a_stored_policy_decision_without_reasons_loads_and_is_audited() -> None:
    """2.5: history is kept as it happened: the stored breach loads, and the audit reports it."""
    data = declined().to_dict()
    data["events"][-1]["decision"]["reasons"] = ""
    c = Complaint.from_dict(data)
    assert [str(f) for f in c.audit(D(2024, 6, 1))] == [
        (
            "2.5: each complaint must be considered on its own circumstances, and this decision "
            "gives no reasons for this one"
        )
    ]


def test_the_audit_command_reads_a_file_holding_policy_grounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2.2: ``complaintcode audit`` reads complaints declined and refused on policy grounds and
    finds nothing wrong with them."""
    path = tmp_path / "complaints.jsonl"
    path.write_text(f"{declined().to_json()}\n{refused().to_json()}\n", encoding="utf-8")
    assert main(["audit", str(path), "--as-of", "2024-06-01"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        "Summary as of 2024-06-01",
        "  complaints audited: 2",
        "  complaints with findings: 0",
        "  findings: 0 (0 breaches, 0 warnings)",
    ]
