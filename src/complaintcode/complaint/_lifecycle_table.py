"""The lifecycle's moves, as data: generated from the state machine class, not edited.

Made from the states and transitions of ``ComplaintLifecycle`` by ``python
tests/complaint/test_lifecycle_table.py --write``; a test regenerates it from the
class and fails if this file differs, so that the class stays the one statement of
which moves exist. The lifecycle reads this table, so that replaying and auditing
complaints never needs python-statemachine.
"""

from __future__ import annotations

from typing import Final

#: The states, in the order the machine declares them.
STATES: Final = (
    "received",
    "stage_1",
    "stage_1_answered",
    "escalation_requested",
    "stage_2",
    "final_response_given",
    "not_accepted",
    "escalation_refused",
    "closed",
    "withdrawn",
    "referred_to_ombudsman",
)

#: The states nothing leaves.
FINAL: Final = (
    "closed",
    "withdrawn",
    "referred_to_ombudsman",
)

#: Every move, ``(state, event): new state``, in the order the machine declares them.
MOVES: Final[dict[tuple[str, str], str]] = {
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
    ("stage_1_answered", "withdraw"): "withdrawn",
    ("stage_1_answered", "close"): "closed",
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
