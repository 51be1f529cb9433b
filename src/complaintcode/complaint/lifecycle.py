"""The complaint lifecycle: a two-stage state machine, and nothing else.

:class:`ComplaintLifecycle` declares, with python-statemachine, every state a
complaint can be in and every move between them. It is the single source of
truth: the frozen table :data:`TRANSITIONS` that the fast path uses is generated
from it (a test regenerates the table from the class and fails if they differ),
and the diagram in the docs is drawn from it. The class, and python-statemachine
with it, is loaded when first asked for: replaying and auditing complaints
needs only the table.

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

from complaintcode._codec import shown
from complaintcode.complaint import _lifecycle_table
from complaintcode.editions import CODE_2024, Edition
from complaintcode.errors import ActionNotAllowed, InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from complaintcode.complaint._machine import ComplaintLifecycle

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


#: Every move of :class:`ComplaintLifecycle`: ``(state, event) -> new state``.
TRANSITIONS: Final[Mapping[tuple[str, str], str]] = MappingProxyType(_lifecycle_table.MOVES)

#: The states nothing leaves.
FINAL_STATES: Final[frozenset[str]] = frozenset(_lifecycle_table.FINAL)

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
        state: tuple(e for e in LIFECYCLE_EVENTS if (state, e) in TRANSITIONS)
        for state in _lifecycle_table.STATES
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
    except (KeyError, TypeError):  # TypeError: a value no state could be (a list, say)
        raise InvalidRecord(f"unknown state {shown(state)}") from None


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
    try:
        target = TRANSITIONS.get((state, event))
    except TypeError:  # a value no state or event could be (a list, say): refused below
        target = None
    if target is not None:
        return target
    if event not in LIFECYCLE_EVENTS:
        known = ", ".join(LIFECYCLE_EVENTS)
        raise InvalidRecord(f"unknown event {shown(event)} (known: {known})")
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
    from statemachine.contrib.diagram import MermaidGraphMachine  # noqa: PLC0415  # drawn when asked

    from complaintcode.complaint._machine import ComplaintLifecycle  # noqa: PLC0415  # likewise

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


def __getattr__(name: str) -> type[ComplaintLifecycle]:
    """:class:`ComplaintLifecycle`, loaded with python-statemachine when first asked for."""
    if name == "ComplaintLifecycle":
        from complaintcode.complaint._machine import ComplaintLifecycle  # noqa: PLC0415  # lazily

        globals()[name] = ComplaintLifecycle
        return ComplaintLifecycle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
