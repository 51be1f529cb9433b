"""The lifecycle: exactly two stages (5.2, 5.3), strict moves, a table derived from the machine.

The expected model below is written independently of ``ComplaintLifecycle``: it is the
lifecycle diagram of docs/lifecycle.md, transcribed by hand, so that the machine, the derived table
and the ``Complaint`` record are all checked against it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from statemachine.exceptions import TransitionNotAllowed

from complaintcode import (
    CODE_2022,
    FINAL_STATES,
    LIFECYCLE_EVENTS,
    OPEN_STATES,
    TRANSITIONS,
    ActionNotAllowed,
    Complaint,
    ComplaintDefinition,
    ComplaintLifecycle,
    ExclusionDecision,
    ExclusionFacts,
    InvalidRecord,
    ProvisionViolation,
    allowed_events,
    assess,
    ensure_different_handler,
    lifecycle_mermaid,
    next_state,
    same_handler,
)

if TYPE_CHECKING:
    from collections.abc import Callable

# The documented lifecycle diagram, by hand: (state, event) -> new state.
EXPECTED: dict[tuple[str, str], str] = {
    ("received", "acknowledge"): "stage_1",
    ("received", "respond"): "stage_1_answered",
    ("received", "request_escalation"): "escalation_requested",
    ("received", "decline"): "not_accepted",
    ("received", "withdraw"): "withdrawn",
    ("received", "close"): "closed",
    ("stage_1", "extend"): "stage_1",
    ("stage_1", "respond"): "stage_1_answered",
    ("stage_1", "request_escalation"): "escalation_requested",
    ("stage_1", "withdraw"): "withdrawn",
    ("stage_1", "close"): "closed",
    ("stage_1_answered", "request_escalation"): "escalation_requested",
    ("stage_1_answered", "close"): "closed",
    ("stage_1_answered", "withdraw"): "withdrawn",
    ("escalation_requested", "acknowledge"): "stage_2",
    ("escalation_requested", "respond"): "final_response_given",
    ("escalation_requested", "refuse_escalation"): "escalation_refused",
    ("escalation_requested", "withdraw"): "withdrawn",
    ("escalation_requested", "close"): "closed",
    ("stage_2", "extend"): "stage_2",
    ("stage_2", "respond"): "final_response_given",
    ("stage_2", "withdraw"): "withdrawn",
    ("stage_2", "close"): "closed",
    ("final_response_given", "close"): "closed",
    ("final_response_given", "refer_to_ombudsman"): "referred_to_ombudsman",
    ("not_accepted", "refer_to_ombudsman"): "referred_to_ombudsman",
    ("escalation_refused", "refer_to_ombudsman"): "referred_to_ombudsman",
}
STATES = (
    "received",
    "stage_1",
    "stage_1_answered",
    "escalation_requested",
    "stage_2",
    "final_response_given",
    "closed",
    "not_accepted",
    "escalation_refused",
    "withdrawn",
    "referred_to_ombudsman",
)
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed three times this winter.",
    points=("the boiler repairs",),
    outcomes_sought=("a working boiler",),
    responsible_for=("repairs in the home",),
)


def test_derived_table_is_the_diagram() -> None:
    """The table derived from the machine class is exactly the documented diagram."""
    assert dict(TRANSITIONS) == EXPECTED


def test_final_and_open_states() -> None:
    assert frozenset({"closed", "withdrawn", "referred_to_ombudsman"}) == FINAL_STATES
    assert (
        frozenset({"received", "stage_1", "stage_1_answered", "escalation_requested", "stage_2"})
        == OPEN_STATES
    )


def test_nothing_leaves_a_final_state() -> None:
    for state in FINAL_STATES:
        assert allowed_events(state) == ()


def test_events_are_the_verbs() -> None:
    assert LIFECYCLE_EVENTS == (
        "acknowledge",
        "extend",
        "respond",
        "request_escalation",
        "refuse_escalation",
        "decline",
        "withdraw",
        "close",
        "refer_to_ombudsman",
    )


def test_escalating_after_the_final_response_cites_5_3() -> None:
    """5.3: no third stage: escalation after the stage 2 response is refused."""
    with pytest.raises(ProvisionViolation) as info:
        next_state("final_response_given", "request_escalation")
    assert info.value.provision.number == "5.3"
    assert str(info.value) == (
        "5.3: a complaint cannot be escalated after the stage 2 (final) response: "
        "the Code allows two stages"
    )


def test_a_move_the_state_does_not_allow() -> None:
    with pytest.raises(ActionNotAllowed) as info:
        next_state("withdrawn", "respond")
    assert str(info.value) == (
        "respond is not allowed: the complaint is withdrawn (no action is allowed in 'withdrawn')"
    )
    with pytest.raises(ActionNotAllowed) as info:
        next_state("received", "refer_to_ombudsman")
    assert info.value.allowed == (
        "acknowledge",
        "respond",
        "request_escalation",
        "decline",
        "withdraw",
        "close",
    )


def test_what_happened_can_be_recorded_5_12() -> None:
    """5.12: the record holds what happened. A response without an acknowledgement, and a
    request for stage 2 before the stage 1 response, are moves of the lifecycle."""
    assert next_state("received", "respond") == "stage_1_answered"
    assert next_state("stage_1", "request_escalation") == "escalation_requested"
    assert next_state("received", "request_escalation") == "escalation_requested"
    assert next_state("escalation_requested", "respond") == "final_response_given"
    for state in ("received", "stage_1", "escalation_requested", "stage_2"):
        assert next_state(state, "close") == "closed"


def test_unknown_state_and_event() -> None:
    with pytest.raises(InvalidRecord, match="unknown event 'escalate_to_stage_3'"):
        next_state("stage_1", "escalate_to_stage_3")
    with pytest.raises(InvalidRecord, match="unknown state 'stage_0'"):
        allowed_events("stage_0")


def test_machine_is_strict() -> None:
    """An event with no transition raises instead of being ignored."""
    machine = ComplaintLifecycle()
    with pytest.raises(TransitionNotAllowed):
        machine.send("refer_to_ombudsman")
    assert ComplaintLifecycle.allow_event_without_transition is False
    assert ComplaintLifecycle.catch_errors_as_events is False


def test_machine_validator_enforces_6_13() -> None:
    """6.13: the machine's own validator refuses the stage 1 handler at stage 2."""
    machine = ComplaintLifecycle()
    machine.send("acknowledge", handler="Jo Bell")
    machine.send("respond")
    machine.send("request_escalation")
    with pytest.raises(ProvisionViolation) as info:
        machine.send("acknowledge", handler="jo bell", stage_1_handler="Jo Bell")
    assert info.value.provision.number == "6.13"
    assert machine.current_state_value == "escalation_requested"


def test_machine_validator_counts_everyone_who_handled_stage_1() -> None:
    """6.13: the person who wrote the stage 1 response may not give the final response,
    even with no stage 2 acknowledgement between them."""
    machine = ComplaintLifecycle()
    machine.send("acknowledge", handler="Jo Bell")
    machine.send("respond")
    machine.send("request_escalation")
    with pytest.raises(ProvisionViolation) as info:
        machine.send("respond", handler="Sam Lee", stage_1_handlers=("Jo Bell", "sam lee"))
    assert str(info.value) == (
        "6.13: the stage 2 handler must differ from the stage 1 handler "
        "('Sam Lee' handled stage 1, recorded as 'sam lee')"
    )
    machine.send("respond", handler="Ana Roy", stage_1_handlers=("Jo Bell", "Sam Lee"))
    assert machine.current_state_value == "final_response_given"


def test_handlers_compared_without_case_or_spacing() -> None:
    assert same_handler("Jo  Bell", "jo bell")
    assert not same_handler("Jo Bell", "Jo Bello")
    assert not same_handler(None, None)
    ensure_different_handler(None, "Jo Bell")


def test_mermaid_diagram_is_generated_from_the_machine() -> None:
    text = lifecycle_mermaid()
    assert text.splitlines()[0] == "stateDiagram-v2"
    for (state, event), target in EXPECTED.items():
        label = event.replace("_", " ").capitalize()
        assert f"{state} --> {target} : {label}" in text
    # The moves that stay in their state are drawn too, once each.
    assert text.count("stage_1 --> stage_1 : Extend") == 1
    assert text.count("stage_2 --> stage_2 : Extend") == 1


def _decision(received: dt.date, *, refusing: bool) -> ExclusionDecision:
    facts = ExclusionFacts(received=received, issue_occurred=dt.date(2020, 1, 6))
    assessment = assess(facts)
    return ExclusionDecision.decide(
        assessment,
        grounds=assessment.grounds,
        reasons="The repair complained of was completed in 2020 and nothing suggests a reason "
        "for the delay in complaining.",
        discretion_considered="No good reason for the delay was given.",
        decided_by="T. Lane",
        decided_on=received,
        refusing_escalation=refusing,
    )


class LifecycleModel(RuleBasedStateMachine):
    """Random verbs on a ``Complaint``, the machine class and the expected model, in step."""

    def __init__(self) -> None:
        super().__init__()
        self.complaint = Complaint.receive("S-1", received=dt.date(2024, 5, 3))
        self.machine = ComplaintLifecycle()
        self.state = "received"
        self.day = dt.date(2024, 5, 3)
        self.stage_1_responded = False
        self.escalation_requested = False

    @initialize()
    def start(self) -> None:
        assert self.complaint.status == "received"

    def _fire(self, event: str, act: Callable[[], Complaint], handler: str | None = None) -> None:
        expected = EXPECTED.get((self.state, event))
        if expected is None:
            refusal = (
                ProvisionViolation
                if (self.state, event) == ("final_response_given", "request_escalation")
                else ActionNotAllowed
            )
            with pytest.raises(refusal) as info:
                act()
            if refusal is ProvisionViolation:
                assert info.value.provision.number == "5.3"  # type: ignore[attr-defined]
            return
        new = act()
        self.machine.send(event, handler=handler, stage_1_handler="Stage One")
        self.complaint = new
        if (self.state, event) in (("stage_1", "respond"), ("received", "respond")):
            self.stage_1_responded = True
        if event == "request_escalation":
            self.escalation_requested = True
        self.state = expected

    @rule(days=st.integers(min_value=0, max_value=15))
    def advance(self, days: int) -> None:
        self.day += dt.timedelta(days=days)

    @rule()
    def acknowledge(self) -> None:
        handler = "Stage Two" if self.state == "escalation_requested" else "Stage One"
        self._fire(
            "acknowledge",
            lambda: self.complaint.acknowledge(self.day, handler, DEFINITION),
            handler=handler,
        )

    @rule(working_days=st.integers(min_value=1, max_value=5))
    def extend(self, working_days: int) -> None:
        due = [d for d in self.complaint.due(self.day) if d.action == "respond"]
        if due and (self.day > due[0].due or due[0].extended_by + working_days > 10):
            return  # late or over-limit extensions are refused (6.4, 6.15); tested elsewhere
        self._fire(
            "extend",
            lambda: self.complaint.extend(
                self.day, working_days, "more time", ombudsman_details_given=True
            ),
        )

    @rule()
    def respond(self) -> None:
        self._fire("respond", lambda: self.complaint.respond(self.day))

    @rule()
    def request_escalation(self) -> None:
        self._fire("request_escalation", lambda: self.complaint.request_escalation(self.day))

    @rule()
    def refuse_escalation(self) -> None:
        decision = _decision(self.complaint.received, refusing=True)
        self._fire(
            "refuse_escalation", lambda: self.complaint.refuse_escalation(self.day, decision)
        )

    @rule()
    def decline(self) -> None:
        decision = _decision(self.complaint.received, refusing=False)
        self._fire("decline", lambda: self.complaint.decline(self.day, decision))

    @rule()
    def withdraw(self) -> None:
        self._fire("withdraw", lambda: self.complaint.withdraw(self.day))

    @rule()
    def close(self) -> None:
        self._fire("close", lambda: self.complaint.close(self.day))

    @rule()
    def refer(self) -> None:
        self._fire("refer_to_ombudsman", lambda: self.complaint.refer_to_ombudsman(self.day))

    @invariant()
    def all_three_agree(self) -> None:
        assert self.complaint.status == self.state
        assert self.machine.current_state_value == self.state

    @invariant()
    def never_a_third_stage(self) -> None:
        stage = self.complaint.stage
        assert stage is None or int(stage) in (1, 2)

    @invariant()
    def stage_2_only_after_a_request(self) -> None:
        """Stage 2 follows the resident's request, with or without a stage 1 answer (5.12)."""
        if self.state in ("stage_2", "final_response_given"):
            assert self.escalation_requested

    @invariant()
    def no_stage_1_answer_after_the_request(self) -> None:
        """Once stage 2 is asked for, stage 1 can no longer be answered."""
        one = self.complaint.stage_record(1)
        assert one is not None
        assert self.stage_1_responded is (one.responded is not None)
        if self.escalation_requested:
            two = self.complaint.stage_record(2)
            assert two is not None
            assert one.responded is None or one.responded <= two.started

    @invariant()
    def replay_rebuilds_the_same_complaint(self) -> None:
        assert Complaint.from_events(self.complaint.events) == self.complaint
        assert Complaint.from_json(self.complaint.to_json()) == self.complaint


TestLifecycleModel = LifecycleModel.TestCase


def test_docs_diagram_is_the_generated_one() -> None:
    """The diagram in docs/lifecycle.md is exactly what the machine class generates."""
    from pathlib import Path  # noqa: PLC0415  # only this test reads the docs

    page = (Path(__file__).resolve().parents[2] / "docs" / "lifecycle.md").read_text()
    block = page.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert block == lifecycle_mermaid().rstrip("\n")


def test_the_2022_edition_cites_its_own_different_handler_provision() -> None:
    """5.12 (2022): a 2022 complaint's same-handler refusal cites the 2022 edition's number."""
    with pytest.raises(ProvisionViolation) as err:
        ensure_different_handler("A. Khan", "a. khan", edition=CODE_2022)
    assert err.value.provision.number == "5.12"
    assert err.value.provision.edition == 2022
