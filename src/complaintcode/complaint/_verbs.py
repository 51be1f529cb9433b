"""The verbs that extend a complaint's history, each checked against the Code.

:class:`Verbs` is mixed into :class:`~complaintcode.complaint.Complaint`, which
documents them. Each verb builds one event and appends it through the
complaint's ``_with`` (or through the checks of ``_recording`` first), so it returns
a new complaint or raises: a breach of the Code raises
:class:`~complaintcode.errors.ProvisionViolation`, a move the state does not
allow :class:`~complaintcode.errors.ActionNotAllowed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from complaintcode.complaint import _recording, events
from complaintcode.complaint._replay import FOLDING_STATES
from complaintcode.complaint.events import (
    Acknowledged,
    ActionAdded,
    ActionCompleted,
    ActionUpdated,
    Closed,
    Declined,
    EscalationRefused,
    EscalationRequested,
    Extended,
    IssueRaised,
    ReferredToOmbudsman,
    Responded,
    UpdatesAgreed,
    Withdrawn,
)
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint import Complaint
    from complaintcode.complaint._replay import Replay
    from complaintcode.complaint.events import Event
    from complaintcode.editions import Edition
    from complaintcode.exclusions import ExclusionDecision
    from complaintcode.letters import ExtensionNotice, Outcome, Stage1Response, Stage2Response


class Verbs:
    """The verbs of a complaint; :class:`~complaintcode.complaint.Complaint` supplies the record."""

    __slots__ = ()

    if TYPE_CHECKING:
        # Supplied by Complaint, the one class these verbs are mixed into.
        _replay: Replay

        @property
        def edition(self) -> Edition: ...

        @property
        def stage(self) -> Stage | None: ...

        def _with(self, event: Event) -> Complaint: ...

    def acknowledge(
        self,
        on: dt.date,
        handler: str,
        definition: ComplaintDefinition,
        *,
        record_breach: bool = False,
    ) -> Complaint:
        """Acknowledge, define and log the complaint at stage 1, or at stage 2 after escalation.

        A definition that does not say which aspects the landlord is and is not
        responsible for is recorded; :meth:`audit` reports it (5.7).

        Args:
            on: The day of the acknowledgement.
            handler: Who handles the stage.
            definition: The complaint definition (5.6, 5.7).
            record_breach: Record the acknowledgement as it happened even if it
                breaches the Code (5.12); :meth:`audit` then reports the breach.

        Raises:
            ProvisionViolation: For an incomplete definition (5.6), or a stage 2
                handler who acknowledged or answered stage 1 (6.13), where the
                complaint's edition makes the rule a "must", unless ``record_breach``.
            ActionNotAllowed: If the complaint is not awaiting an acknowledgement.
            InvalidRecord: For malformed input or a date before the last event.
        """
        if not isinstance(definition, ComplaintDefinition):
            raise InvalidRecord(
                f"expected a ComplaintDefinition, got {type(definition).__name__}",
                path="definition",
            )
        if not isinstance(handler, str) or not handler.strip():
            raise InvalidRecord("the acknowledgement needs the handler's name", path="handler")
        stage = Stage.TWO if self._replay.state == "escalation_requested" else Stage.ONE
        if not record_breach:
            key = f"definition_stage_{int(stage)}"
            problems = definition.problems()
            # Only a "must" is refused; a "should" is recorded and the audit warns of it.
            if problems and self.edition.severity(key) == "breach":
                raise ProvisionViolation(self.edition.cite(key), problems[0].message)
            if stage is Stage.TWO:
                _recording.check_stage_2_handler(cast("Complaint", self), handler)
        return self._with(Acknowledged(on=on, stage=stage, handler=handler, definition=definition))

    def extend(
        self,
        on: dt.date,
        working_days: int,
        reason: str,
        *,
        ombudsman_details_given: bool,
        good_reason: str | None = None,
        letter: ExtensionNotice | None = None,
        record_breach: bool = False,
    ) -> Complaint:
        """Extend the response deadline at the current stage (6.4, 6.5; 6.15, 6.16).

        Under the 2022 edition these are "should" provisions (5.1, 5.3, 5.13,
        5.15): an extension that departs from them is recorded, and
        :meth:`audit` reports a warning.

        Args:
            on: The day the resident was told.
            working_days: Working days to add.
            reason: The reason explained to the resident.
            ombudsman_details_given: Whether the notice gave the Ombudsman's details.
            good_reason: The good reason for going beyond the edition's limit.
            letter: The extension notice, checked before it is recorded.
            record_breach: Record the extension as it happened even if it
                breaches the Code (5.12); :meth:`audit` then reports the breach.

        Raises:
            ProvisionViolation: For no reason, no Ombudsman details, a notice
                after the deadline it extends, or an extension beyond the limit
                without a good reason, unless ``record_breach``.
            IncompleteLetter: For a notice that lacks what the Code requires,
                unless ``record_breach``.
        """
        return _recording.record_extension(
            cast("Complaint", self),
            Extended(
                on=on,
                stage=self._replay.stage or Stage.ONE,
                working_days=working_days,
                reason=reason,
                ombudsman_details_given=ombudsman_details_given,
                good_reason=good_reason,
                letter=letter,
            ),
            record_breach=record_breach,
        )

    def respond(
        self,
        on: dt.date,
        *,
        handler: str | None = None,
        letter: Stage1Response | Stage2Response | None = None,
        outcome: Outcome | str | None = None,
        record_breach: bool = False,
    ) -> Complaint:
        """Record the response at the current stage: stage 1's, or the final response.

        A response is due when the answer is known, even if actions remain
        (6.6, 6.17): record those with :meth:`add_action`. A response sent
        without the stage's acknowledgement is recorded as it happened; the
        audit reports the acknowledgement missing (6.2, 6.11).

        Args:
            on: The day the response was sent.
            handler: Who wrote it.
            letter: The response letter, checked before it is recorded.
            outcome: The decision on the complaint as a whole (6.9(c),
                6.19(c)): an :class:`~complaintcode.letters.Outcome` or its
                text (``"upheld"``, ``"partly upheld"``, ``"not upheld"``), for
                a response recorded without its letter, or to record it apart.
                One that is not the decision the letter gives is recorded, and
                :meth:`audit` warns of it.
            record_breach: Record the response as it happened even if it
                breaches the Code (5.12); :meth:`audit` then reports the breach.

        Raises:
            IncompleteLetter: If the letter lacks what the Code requires, unless
                ``record_breach``.
            InvalidRecord: For an outcome that is none of the three.
            ProvisionViolation: For a final response written by a person who
                handled stage 1 (6.13), where the complaint's edition makes the rule
                a "must", unless ``record_breach``.
            ActionNotAllowed: If no stage is awaiting a response.
        """
        state = self._replay.state
        stage = Stage.TWO if state in ("escalation_requested", "stage_2") else Stage.ONE
        event = Responded(on=on, stage=stage, handler=handler, letter=letter, outcome=outcome)
        return _recording.record_letter(cast("Complaint", self), event, record_breach=record_breach)

    def request_escalation(self, on: dt.date, *, reason: str | None = None) -> Complaint:
        """The resident asks for stage 2. No reason is required of them (6.12).

        The request may come before the stage 1 response, when it is overdue for
        example, and landlords do then run stage 2 without one: the record holds
        it, and :meth:`audit` reports the stage 1 response never sent (6.3).

        Raises:
            ProvisionViolation: After the stage 2 (final) response (5.3).
            ActionNotAllowed: Once the complaint is closed, not accepted or withdrawn.
        """
        return self._with(EscalationRequested(on=on, reason=reason))

    def refuse_escalation(
        self, on: dt.date, decision: ExclusionDecision, *, record_breach: bool = False
    ) -> Complaint:
        """Refuse to escalate, on a section 2 ground with the reasons (5.11).

        Args:
            on: The day of the decision.
            decision: The :class:`~complaintcode.exclusions.ExclusionDecision`,
                made with ``refusing_escalation=True``.
            record_breach: Record a decision that breaches the Code (one read
                unchecked from storage) as it was taken (5.12); :meth:`audit`
                then reports the breach.

        Raises:
            ProvisionViolation: For a decision that breaches the Code, unless
                ``record_breach``.
            InvalidRecord: For a decision of the wrong kind, edition or date.
        """
        _recording.check_decision(
            decision,
            refusing_escalation=True,
            edition=self.edition,
            on=on,
            record_breach=record_breach,
        )
        return self._with(EscalationRefused(on=on, decision=decision))

    def decline(
        self, on: dt.date, decision: ExclusionDecision, *, record_breach: bool = False
    ) -> Complaint:
        """Do not accept the complaint, on a section 2 ground with the reasons (2.1, 2.4).

        Args:
            on: The day of the decision.
            decision: The :class:`~complaintcode.exclusions.ExclusionDecision`.
            record_breach: Record a decision that breaches the Code (one read
                unchecked from storage) as it was taken (5.12); :meth:`audit`
                then reports the breach.

        Raises:
            ProvisionViolation: For a decision that breaches the Code, unless
                ``record_breach``.
            InvalidRecord: For a decision of the wrong kind, edition or date.
        """
        _recording.check_decision(
            decision,
            refusing_escalation=False,
            edition=self.edition,
            on=on,
            record_breach=record_breach,
        )
        return self._with(Declined(on=on, decision=decision))

    def withdraw(self, on: dt.date, *, reason: str | None = None) -> Complaint:
        """The resident withdraws the complaint; allowed at any open point."""
        return self._with(Withdrawn(on=on, reason=reason))

    def close(self, on: dt.date) -> Complaint:
        """Close the complaint after stage 1 (no escalation) or after the final response."""
        return self._with(Closed(on=on))

    def refer_to_ombudsman(self, on: dt.date) -> Complaint:
        """Record that the complaint, or a decision on it, went to the Ombudsman."""
        return self._with(ReferredToOmbudsman(on=on))

    def add_action(self, on: dt.date, action_id: str, description: str, due: dt.date) -> Complaint:
        """Track an outstanding action promised in a response (6.6, 6.17)."""
        stage = self.stage or Stage.ONE
        return self._with(
            ActionAdded(on=on, action_id=action_id, description=description, due=due, stage=stage)
        )

    def update_action(
        self, on: dt.date, action_id: str, note: str, *, new_due: dt.date | None = None
    ) -> Complaint:
        """Record an update given to the resident on an outstanding action."""
        return self._with(ActionUpdated(on=on, action_id=action_id, note=note, new_due=new_due))

    def complete_action(self, on: dt.date, action_id: str) -> Complaint:
        """Record that an outstanding action was completed."""
        return self._with(ActionCompleted(on=on, action_id=action_id))

    def raise_issue(
        self, on: dt.date, description: str, *, related: bool, delay_reason: str | None = None
    ) -> Complaint:
        """Record a further issue raised during the complaint (6.8).

        A related issue raised while the stage 1 response is still to be issued
        (acknowledged or not) is folded into it, unless folding it in would
        unreasonably delay the response: give ``delay_reason`` and it becomes a
        new complaint with the reason recorded. An unrelated issue, or one
        raised after the stage 1 response (or once stage 2 was asked for),
        becomes a new complaint. The event's ``folded`` says which.

        Args:
            on: The day it was raised.
            description: The issue.
            related: Whether it relates to the complaint under investigation.
            delay_reason: Why folding it in would unreasonably delay the
                stage 1 response.

        >>> import datetime as dt
        >>> from complaintcode.complaint import Complaint
        >>> c = Complaint.receive("C-4", received=dt.date(2024, 5, 3))
        >>> c.raise_issue(dt.date(2024, 5, 4), "the bathroom fan too", related=True).issues[
        ...     0
        ... ].folded
        True
        >>> later = c.raise_issue(
        ...     dt.date(2024, 5, 4), "the roof", related=True, delay_reason="needs a survey"
        ... )
        >>> later.issues[0].folded, later.issues[0].delay_reason
        (False, 'needs a survey')
        """
        folded = related is True and self._replay.state in FOLDING_STATES and delay_reason is None
        return self._with(
            IssueRaised(
                on=on,
                description=description,
                related=related,
                folded=folded,
                delay_reason=delay_reason,
            )
        )

    def agree_updates(self, on: dt.date, every_working_days: int, *, note: str = "") -> Complaint:
        """Record the intervals agreed for updates while a response will be late (5.9)."""
        return self._with(UpdatesAgreed(on=on, every_working_days=every_working_days, note=note))

    def agree_adjustment(
        self,
        on: dt.date,
        adjustment_id: str,
        adjustment: str,
        *,
        review_by: dt.date | None,
        disability: str | None = None,
    ) -> Complaint:
        """Record a reasonable adjustment agreed, and any disability disclosed (5.10).

        Allowed in any state. It stays in place, to be reviewed by each date
        set, until a review ends it (:meth:`review_adjustment`); an adjustment
        with no review date is recorded, and :meth:`audit` reports it.

        Args:
            on: The day it was agreed.
            adjustment_id: The landlord's identifier for it, not blank and not
                used by another adjustment of this complaint.
            adjustment: What was agreed.
            review_by: The day it is next to be reviewed.
            disability: Any disability the resident disclosed.

        Raises:
            InvalidRecord: For a blank or repeated identifier, a wrong type, or
                a date before the last event.

        >>> import datetime as dt
        >>> from complaintcode.complaint import Complaint
        >>> c = Complaint.receive("C-7", received=dt.date(2024, 5, 3))
        >>> c = c.agree_adjustment(
        ...     dt.date(2024, 5, 3), "A1", "Letters in large print", review_by=dt.date(2024, 6, 3)
        ... )
        >>> [str(f) for f in c.audit(as_of=dt.date(2024, 6, 4)) if f.code == "5.10"]
        ["5.10: the adjustment 'A1' (Letters in large print) was due for review on 2024-06-03 and has not been reviewed (as of 2024-06-04)"]
        """
        return self._with(
            events.AdjustmentAgreed(
                on=on,
                adjustment_id=adjustment_id,
                adjustment=adjustment,
                disability=disability,
                review_by=review_by,
            )
        )

    def review_adjustment(
        self,
        on: dt.date,
        adjustment_id: str,
        note: str,
        *,
        next_review: dt.date | None = None,
        ended: bool = False,
    ) -> Complaint:
        """Record a review of a reasonable adjustment: kept until a next review, or ended (5.10).

        Raises:
            InvalidRecord: For an adjustment not recorded or already ended, or
                one both ended and given a next review.
        """
        return self._with(
            events.AdjustmentReviewed(
                on=on, adjustment_id=adjustment_id, note=note, next_review=next_review, ended=ended
            )
        )

    def restrict_contact(
        self,
        on: dt.date,
        restriction_id: str,
        restriction: str,
        *,
        reasons: str | None,
        proportionality: str | None,
        review_by: dt.date | None,
    ) -> Complaint:
        """Record a restriction on contact for unacceptable behaviour (5.14, 5.15).

        Allowed in any state. The record holds what happened (5.12): a
        restriction without reasons, without a statement of why it is
        proportionate and of its regard for the Equality Act 2010, or without
        a review date is recorded, and :meth:`audit` reports it.

        Args:
            on: The day it was put in place.
            restriction_id: The landlord's identifier for it, not blank and not
                used by another restriction of this complaint.
            restriction: What contact it restricts, and how.
            reasons: The evidenced reasons for it (5.14).
            proportionality: Why it is proportionate, with its regard for the
                Equality Act 2010 (5.15).
            review_by: The day it is next to be reviewed (5.14).

        Raises:
            InvalidRecord: For a blank or repeated identifier, a wrong type, or
                a date before the last event.

        >>> import datetime as dt
        >>> from complaintcode.complaint import Complaint
        >>> c = Complaint.receive("C-8", received=dt.date(2024, 5, 3))
        >>> c = c.restrict_contact(
        ...     dt.date(2024, 5, 10),
        ...     "R1",
        ...     "Contact by email only",
        ...     reasons=" ",
        ...     proportionality=None,
        ...     review_by=dt.date(2024, 8, 10),
        ... )
        >>> for finding in c.audit(as_of=dt.date(2024, 5, 10)):
        ...     print(finding)
        5.14: the restriction 'R1' (Contact by email only) records no reasons for putting it in place
        5.15: the restriction 'R1' (Contact by email only) records no statement of why it is proportionate and of its regard for the Equality Act 2010
        """
        return self._with(
            events.RestrictionImposed(
                on=on,
                restriction_id=restriction_id,
                restriction=restriction,
                reasons=reasons,
                proportionality=proportionality,
                review_by=review_by,
            )
        )

    def review_restriction(
        self, on: dt.date, restriction_id: str, note: str, *, next_review: dt.date | None
    ) -> Complaint:
        """Record a review of a restriction on contact that keeps it, until a next review (5.14).

        Raises:
            InvalidRecord: For a restriction not recorded or already lifted.
        """
        return self._with(
            events.RestrictionReviewed(
                on=on, restriction_id=restriction_id, note=note, next_review=next_review
            )
        )

    def lift_restriction(
        self, on: dt.date, restriction_id: str, *, note: str | None = None
    ) -> Complaint:
        """Record that a restriction on contact was lifted; it needs no further review (5.14).

        Raises:
            InvalidRecord: For a restriction not recorded or already lifted.
        """
        return self._with(events.RestrictionLifted(on=on, restriction_id=restriction_id, note=note))

    def complete_remedy(
        self, on: dt.date, stage: Stage | int, index: int, *, note: str | None = None
    ) -> Complaint:
        """Record that a remedy offered in a response was done (7.3).

        The remedy is the one at position ``index`` (from 0) of the
        ``remedies`` of the recorded response at ``stage``. Allowed in any
        state after that response; :attr:`remedies` lists them with their
        state, and :meth:`audit` reports one not done by its date.

        Args:
            on: The day it was done.
            stage: The stage whose response offered it.
            index: Its position in that response letter's ``remedies``, from 0.
            note: What was done, such as a payment's reference.

        Raises:
            InvalidRecord: For a stage with no recorded response or a response
                recorded without its letter, a position the letter's remedies
                do not have, or a remedy done already (marked done before,
                completed before the letter, or given by the letter itself).
        """
        return self._with(events.RemedyCompleted(on=on, stage=stage, index=index, note=note))

    def record_determination(
        self,
        on: dt.date,
        determination: events.Determination | str,
        orders: tuple[events.OmbudsmanOrder, ...] | list[events.OmbudsmanOrder] = (),
    ) -> Complaint:
        """Record the Housing Ombudsman's determination of the complaint referred to it.

        Allowed once the complaint is referred (:meth:`refer_to_ombudsman`);
        the complaint stays in its final state. A later determination (after
        a review) is recorded too and is the one in force; the orders of every
        determination are tracked until done (:meth:`complete_order`).
        :attr:`ombudsman` shows them; the Code has no provision on complying
        with the Ombudsman's orders, so :meth:`audit` reports none, and the
        reports list them (9.7).

        Args:
            on: The day of the determination.
            determination: A :class:`~complaintcode.complaint.events.Determination`
                or its text, such as ``"service_failure"``.
            orders: The orders made, each with an identifier and a due date.

        Raises:
            InvalidRecord: Before the referral; for an unknown determination,
                an order identifier used twice (here or by an earlier
                determination), or an order due before the determination.

        >>> import datetime as dt
        >>> from complaintcode.complaint import Complaint
        >>> from complaintcode.complaint.events import OmbudsmanOrder
        >>> c = Complaint.receive("C-10", received=dt.date(2024, 5, 3))
        >>> c = c.respond(dt.date(2024, 5, 10)).request_escalation(dt.date(2024, 5, 13))
        >>> c = c.respond(dt.date(2024, 6, 7), handler="B. Osei")
        >>> c = c.refer_to_ombudsman(dt.date(2024, 7, 1))
        >>> c = c.record_determination(
        ...     dt.date(2025, 2, 3),
        ...     "maladministration",
        ...     orders=[
        ...         OmbudsmanOrder(order_id="O1", description="Pay £300", due=dt.date(2025, 3, 3))
        ...     ],
        ... )
        >>> (
        ...     c.status,
        ...     c.ombudsman.determination,
        ...     c.ombudsman.orders[0].is_overdue(dt.date(2025, 3, 4)),
        ... )
        ('referred_to_ombudsman', <Determination.MALADMINISTRATION: 'maladministration'>, True)
        """
        return self._with(
            events.OmbudsmanDetermined(on=on, determination=determination, orders=orders)
        )

    def complete_order(self, on: dt.date, order_id: str, *, note: str | None = None) -> Complaint:
        """Record that an order of the Ombudsman was done.

        Raises:
            InvalidRecord: For an order no determination made, or one done already.
        """
        return self._with(events.OrderCompleted(on=on, order_id=order_id, note=note))
