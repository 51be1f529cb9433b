"""The lifecycle's state machine class, declared with python-statemachine.

:class:`ComplaintLifecycle` is the single statement of which moves exist. It is
public as ``complaintcode.complaint.lifecycle.ComplaintLifecycle``, loaded from
here when first asked for, so that the lifecycle's table of moves (generated
from this class, and checked against it by a test) serves every complaint
without importing python-statemachine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from statemachine import State, StateMachine

from complaintcode.complaint.lifecycle import ensure_different_handler
from complaintcode.editions import CODE_2024, Edition

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["ComplaintLifecycle"]


class ComplaintLifecycle(StateMachine):
    """The states and moves of a complaint under the Code.

    Strict: an event with no transition from the current state raises, and an
    error in a callback propagates (python-statemachine's lenient defaults are
    switched off explicitly).
    """

    __module__ = "complaintcode.complaint.lifecycle"  # its public home

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
