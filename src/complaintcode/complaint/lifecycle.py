"""The complaint lifecycle: a two-stage state machine, and nothing else.

:class:`ComplaintLifecycle` declares, with python-statemachine, every state a
complaint can be in and every move between them. It is the single source of
truth: the frozen table :data:`TRANSITIONS` that the fast path uses is derived
from it when this module is imported, and the diagram in the docs is generated
from it.

Only two stages exist (5.2, 5.3): there is no state before stage 1 other than
receipt, and no way to escalate after the stage 2 (final) response.

The machine holds what happens, not only what the Code asks for (5.12): a
response may come without an acknowledgement, a resident may ask for stage 2
before the stage 1 response (when it is overdue, say), and a complaint may be
closed without the response it was owed. Those moves exist so that such a
record can be kept; the complaint's audit reports what they breached (6.2, 6.3,
6.11, 6.14).

>>> from complaintcode import ComplaintLifecycle, next_state
>>> next_state("received", "acknowledge")
'stage_1'
>>> machine = ComplaintLifecycle()
>>> machine.send("acknowledge")
>>> machine.current_state_value
'stage_1'
>>> next_state("final_response_given", "request_escalation")
Traceback (most recent call last):
...
complaintcode.errors.ProvisionViolation: 5.3: a complaint cannot be escalated after the stage 2 (final) response: the Code allows two stages
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, get_args

from statemachine import State, StateMachine
from statemachine.contrib.diagram import MermaidGraphMachine

from complaintcode.editions import CODE_2024, Edition
from complaintcode.errors import ActionNotAllowed, InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "FINAL_STATES",
    "LIFECYCLE_EVENTS",
    "OPEN_STATES",
    "STATE_STAGE",
    "TRANSITIONS",
    "ComplaintLifecycle",
    "LifecycleEvent",
    "StateId",
    "allowed_events",
    "ensure_different_handler",
    "lifecycle_mermaid",
    "next_state",
    "same_handler",
]

#: The states of a complaint.
StateId = Literal[
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
]

#: The events that move a complaint between states (verbs).
LifecycleEvent = Literal[
    "acknowledge",
    "extend",
    "respond",
    "request_escalation",
    "refuse_escalation",
    "decline",
    "withdraw",
    "close",
    "refer_to_ombudsman",
]

LIFECYCLE_EVENTS: tuple[str, ...] = get_args(LifecycleEvent)


class ComplaintLifecycle(StateMachine):
    """The states and moves of a complaint under the Code.

    Strict: an event with no transition from the current state raises, and an
    error in a callback propagates (python-statemachine's lenient defaults are
    switched off explicitly).
    """

    allow_event_without_transition = False
    catch_errors_as_events = False

    received = State("Received", initial=True)
    stage_1 = State("Stage 1")
    stage_1_answered = State("Stage 1 answered")
    escalation_requested = State("Escalation requested")
    stage_2 = State("Stage 2")
    final_response_given = State("Final response given")
    not_accepted = State("Not accepted")
    escalation_refused = State("Escalation refused")
    closed = State("Closed", final=True)
    withdrawn = State("Withdrawn", final=True)
    referred_to_ombudsman = State("Referred to the Ombudsman", final=True)

    acknowledge = received.to(stage_1) | escalation_requested.to(
        stage_2, validators="different_handler"
    )
    extend = stage_1.to.itself(internal=True) | stage_2.to.itself(internal=True)  # type: ignore[no-untyped-call]  # python-statemachine leaves `itself` untyped
    # A response may come without the stage's acknowledgement (a breach of 6.2 or
    # 6.11 the audit reports); the final response has the same handler rule (6.13).
    respond = (
        stage_1.to(stage_1_answered)
        | stage_2.to(final_response_given)
        | received.to(stage_1_answered)
        | escalation_requested.to(final_response_given, validators="different_handler")
    )
    # The resident may ask for stage 2 before the stage 1 response; a stage 2 run
    # without one is recorded, and the audit reports the response never sent (6.3).
    request_escalation = (
        stage_1_answered.to(escalation_requested)
        | stage_1.to(escalation_requested)
        | received.to(escalation_requested)
    )
    refuse_escalation = escalation_requested.to(escalation_refused)
    decline = received.to(not_accepted)
    withdraw = (
        received.to(withdrawn)
        | stage_1.to(withdrawn)
        | stage_1_answered.to(withdrawn)
        | escalation_requested.to(withdrawn)
        | stage_2.to(withdrawn)
    )
    # Closing follows the stage's response; a complaint closed without one is recorded
    # too, and the audit reports the response never sent (6.3, 6.14).
    close = (
        stage_1_answered.to(closed)
        | final_response_given.to(closed)
        | received.to(closed)
        | stage_1.to(closed)
        | escalation_requested.to(closed)
        | stage_2.to(closed)
    )
    refer_to_ombudsman = (
        final_response_given.to(referred_to_ombudsman)
        | not_accepted.to(referred_to_ombudsman)
        | escalation_refused.to(referred_to_ombudsman)
    )

    def different_handler(
        self,
        handler: str | None = None,
        stage_1_handler: str | None = None,
        edition: Edition = CODE_2024,
        stage_1_handlers: Iterable[str | None] = (),
    ) -> None:
        """Validate a stage 2 handler: not a person who handled stage 1 (6.13).

        ``stage_1_handlers`` names everyone recorded as handling stage 1 (who
        acknowledged it and who responded); ``stage_1_handler`` names one.
        ``edition`` (sent with the event, the 2024 edition by default) chooses
        the provision cited: 5.12 for a complaint under the 2022 edition.
        """
        ensure_different_handler((stage_1_handler, *stage_1_handlers), handler, edition=edition)


def ensure_different_handler(
    stage_1_handlers: str | Iterable[str | None] | None,
    stage_2_handler: str | None,
    *,
    edition: Edition = CODE_2024,
) -> None:
    """Refuse a stage 2 handler who handled stage 1 (6.13; 5.12 in the 2022 edition).

    Everyone who considered the complaint at stage 1 counts: the person who
    acknowledged it and the person who wrote the stage 1 response. Handlers are
    compared ignoring case and surrounding spaces. Where a name is not
    recorded, nothing can be checked against it and nothing is refused. The
    message shows the names as they were written: the stage 2 handler, and the
    stage 1 name it matched where that is spelled differently.

    Args:
        stage_1_handlers: Who handled stage 1: one name, or every name recorded.
        stage_2_handler: Who is to handle stage 2.
        edition: The edition the complaint falls under, for the provision cited.

    Raises:
        ProvisionViolation: If the stage 2 handler handled stage 1.

    >>> from complaintcode.editions import CODE_2022
    >>> ensure_different_handler("A. Khan", "B. Osei")
    >>> ensure_different_handler(("A. Khan", "C. Morgan"), " c. morgan")
    Traceback (most recent call last):
    ...
    complaintcode.errors.ProvisionViolation: 6.13: the stage 2 handler must differ from the stage 1 handler ('c. morgan' handled stage 1, recorded as 'C. Morgan')
    >>> ensure_different_handler("A. Khan", "A. Khan", edition=CODE_2022)
    Traceback (most recent call last):
    ...
    complaintcode.errors.ProvisionViolation: 5.12: the stage 2 handler must differ from the stage 1 handler ('A. Khan' handled stage 1)
    """
    names = (
        (stage_1_handlers,)
        if stage_1_handlers is None or isinstance(stage_1_handlers, str)
        else stage_1_handlers
    )
    same = next((name for name in names if same_handler(name, stage_2_handler)), None)
    if same is not None:
        given = (stage_2_handler or "").strip()
        recorded = same.strip()
        handled = f"{given!r} handled stage 1"
        if recorded != given:
            handled += f", recorded as {recorded!r}"
        raise ProvisionViolation(
            edition.cite("different_handler"),
            f"the stage 2 handler must differ from the stage 1 handler ({handled})",
        )


def _fold(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def same_handler(first: str | None, second: str | None) -> bool:
    """Whether two recorded handlers are the same person (ignoring case and spacing).

    >>> same_handler("Sam Lee", "sam  lee"), same_handler("Sam Lee", None)
    (True, False)
    """
    a, b = _fold(first), _fold(second)
    return bool(a) and a == b


def _derive_table() -> Mapping[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for state in ComplaintLifecycle.states:
        for transition in state.transitions:
            for event in transition.events:
                table[(state.id, str(event))] = transition.target.id
    return MappingProxyType(table)


#: Every move, derived from :class:`ComplaintLifecycle`: ``(state, event) -> new state``.
TRANSITIONS: Final[Mapping[tuple[str, str], str]] = _derive_table()

#: The states nothing leaves.
FINAL_STATES: Final[frozenset[str]] = frozenset(s.id for s in ComplaintLifecycle.final_states)

#: The states in which the complaint is still being handled (it can be withdrawn).
OPEN_STATES: Final[frozenset[str]] = frozenset(
    state for (state, event) in TRANSITIONS if event == "withdraw"
)

#: The stage each state belongs to; ``None`` before acknowledgement at stage 1 and
#: for states that end the complaint, whose stage depends on its history.
STATE_STAGE: Final[Mapping[str, Stage | None]] = MappingProxyType(
    {
        "received": None,
        "stage_1": Stage.ONE,
        "stage_1_answered": Stage.ONE,
        "escalation_requested": Stage.TWO,
        "stage_2": Stage.TWO,
        "final_response_given": Stage.TWO,
        "closed": None,
        "not_accepted": None,
        "escalation_refused": Stage.TWO,
        "withdrawn": None,
        "referred_to_ombudsman": None,
    }
)

_ALLOWED: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        state.id: tuple(e for e in LIFECYCLE_EVENTS if (state.id, e) in TRANSITIONS)
        for state in ComplaintLifecycle.states
    }
)


def allowed_events(state: str) -> tuple[str, ...]:
    """The events a state allows, in a fixed order.

    Raises:
        InvalidRecord: For an unknown state.

    >>> allowed_events("stage_1_answered")
    ('request_escalation', 'withdraw', 'close')
    """
    try:
        return _ALLOWED[state]
    except KeyError:
        raise InvalidRecord(f"unknown state {state!r}") from None


def next_state(state: str, event: str) -> str:
    """The state a complaint moves to when an event happens in a state.

    Args:
        state: The current state (a :data:`StateId`).
        event: The event (a :data:`LifecycleEvent`).

    Returns:
        The new state.

    Raises:
        ProvisionViolation: For an escalation after the stage 2 response (5.3).
        ActionNotAllowed: For any other event the state does not allow.
        InvalidRecord: For an unknown state or event.
    """
    target = TRANSITIONS.get((state, event))
    if target is not None:
        return target
    if event not in LIFECYCLE_EVENTS:
        known = ", ".join(LIFECYCLE_EVENTS)
        raise InvalidRecord(f"unknown event {event!r} (known: {known})")
    allowed = allowed_events(state)
    if event == "request_escalation" and state == "final_response_given":
        raise ProvisionViolation(
            provision("5.3"),
            "a complaint cannot be escalated after the stage 2 (final) response: "
            "the Code allows two stages",
        )
    raise ActionNotAllowed(state.replace("_", " "), event.replace("_", " "), allowed=allowed)


def lifecycle_mermaid() -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2``, generated from the machine.

    >>> print(lifecycle_mermaid().splitlines()[0])
    stateDiagram-v2
    """
    graph = MermaidGraphMachine(ComplaintLifecycle)  # type: ignore[no-untyped-call]  # untyped upstream
    text: str = graph.get_mermaid()
    # The generator leaves out moves that stay in their state (extend): draw them after the
    # state's other moves, labelled as the generator labels events.
    lines = text.split("\n")
    for (state, event), target in TRANSITIONS.items():
        if state == target:
            at = max(i for i, line in enumerate(lines) if line.startswith(f"    {state} --> "))
            label = event.replace("_", " ").capitalize()
            lines.insert(at + 1, f"    {state} --> {target} : {label}")
    return "\n".join(lines)
