"""What a complaint's record shows its readers: a stage's facts, and an action's progress.

Values derived from the events by :class:`~complaintcode.complaint.Complaint`
(:meth:`~complaintcode.complaint.Complaint.stage_record`,
:attr:`~complaintcode.complaint.Complaint.actions`, its adjustments,
restrictions and remedies, and :attr:`~complaintcode.complaint.Complaint.ombudsman`)
and counted by reports.
Re-exported by :mod:`complaintcode.complaint`, which documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from complaintcode.complaint.events import Determination
from complaintcode.letters import Outcome
from complaintcode.remedies import Remedy
from complaintcode.stages import Stage


@attrs.frozen(kw_only=True)
class TrackedAction:
    """An outstanding action, as the record tracks it (6.6, 6.17).

    Attributes:
        action_id: The landlord's identifier for the action.
        description: What will be done.
        stage: The stage whose response promised it.
        added_on: When it was recorded.
        due: When it is due now (an update may have moved it).
        updates: The updates given to the resident, as (date, note) pairs.
        completed_on: When it was completed, or ``None`` while outstanding.
    """

    action_id: str
    description: str
    stage: Stage
    added_on: dt.date
    due: dt.date
    updates: tuple[tuple[dt.date, str], ...]
    completed_on: dt.date | None


@attrs.frozen(kw_only=True)
class StageRecord:
    """What happened at one stage of a complaint, with its deadlines: the facts reports count.

    Attributes:
        stage: The stage.
        started: The day the stage began: receipt for stage 1, the escalation
            request for stage 2.
        acknowledged: The day it was acknowledged, if it was.
        acknowledgement_due: The acknowledgement deadline, where the edition sets one.
        responded: The day of the response, if there was one.
        response_due: The response deadline without any extension.
        extended_due: The response deadline with every extension, or ``None``
            if the response was never extended.
        extended_by: Working days of extension in all.
        extension_within_limit: Whether every extension kept within the
            edition's limit or recorded a good reason (6.4, 6.15).
        handler: Who handled the stage: who acknowledged it, or, where it
            was answered without an acknowledgement, who wrote the response.
        ended: How the stage ended without a response, if it did:
            ``"withdrawn"``, ``"declined"``, ``"refused"`` (escalation),
            ``"escalated"`` (stage 2 asked for before the stage 1 response) or
            ``"closed"`` (closed without the response); ``None`` otherwise.
        outcome: The decision on the complaint at this stage (6.9(c),
            6.19(c)): the outcome recorded with the response, or else the one
            its recorded letter's point decisions give (every point upheld:
            upheld; none upheld in whole or part: not upheld; otherwise partly
            upheld); ``None`` with no response, or a response that records
            neither.
    """

    stage: Stage
    started: dt.date
    acknowledged: dt.date | None
    acknowledgement_due: dt.date | None
    responded: dt.date | None
    response_due: dt.date
    extended_due: dt.date | None
    extended_by: int
    extension_within_limit: bool
    handler: str | None
    ended: str | None
    outcome: Outcome | None = None

    @property
    def final_due(self) -> dt.date:
        """The response deadline with extensions, or without where there were none."""
        return self.extended_due or self.response_due


@attrs.frozen(kw_only=True)
class TrackedAdjustment:
    """A reasonable adjustment agreed with the resident, as the record tracks it (5.10).

    Attributes:
        adjustment_id: The landlord's identifier for the adjustment.
        adjustment: What was agreed.
        disability: Any disability the resident disclosed, or ``None``.
        agreed_on: When it was agreed.
        review_by: When it is next to be reviewed; ``None`` once it ended, or
            where no date was set (which the audit reports).
        reviews: The reviews, as (date, note) pairs.
        ended_on: When a review ended it, or ``None`` while it is in place.
    """

    adjustment_id: str
    adjustment: str
    disability: str | None
    agreed_on: dt.date
    review_by: dt.date | None
    reviews: tuple[tuple[dt.date, str], ...]
    ended_on: dt.date | None


@attrs.frozen(kw_only=True)
class TrackedRestriction:
    """A restriction on contact for unacceptable behaviour, as the record tracks it (5.14, 5.15).

    Attributes:
        restriction_id: The landlord's identifier for the restriction.
        restriction: What contact it restricts.
        reasons: The reasons recorded for it (5.14), or ``None``.
        proportionality: Why it is proportionate, with its regard for the
            Equality Act 2010 (5.15), or ``None``.
        imposed_on: When it was put in place.
        review_by: When it is next to be reviewed; ``None`` once it was lifted,
            or where no date was set (which the audit reports).
        reviews: The reviews, as (date, note) pairs.
        lifted_on: When it was lifted, or ``None`` while it is in place.
    """

    restriction_id: str
    restriction: str
    reasons: str | None
    proportionality: str | None
    imposed_on: dt.date
    review_by: dt.date | None
    reviews: tuple[tuple[dt.date, str], ...]
    lifted_on: dt.date | None


#: Where a remedy offered in a response stands: given by the letter itself (an
#: apology, say), done, or still to be done.
RemedyState = Literal["given_in_letter", "done", "outstanding"]


@attrs.frozen(kw_only=True)
class TrackedRemedy:
    """A remedy offered in a recorded response letter, followed through (7.3).

    Attributes:
        stage: The stage whose response offered it.
        index: Its position in that letter's ``remedies``, from 0.
        remedy: The remedy as the letter offered it, with ``completed_on`` set
            to the day the record says it was done.
        offered_on: The day of the response that offered it.
        state: ``"given_in_letter"``, ``"done"`` or ``"outstanding"``.
        done_on: The day it was done: the day recorded, the letter's own
            ``completed_on``, or for a remedy the letter itself gives, the day
            of the response; ``None`` while outstanding.
        note: The note recorded with its completion, if any.
    """

    stage: Stage
    index: int
    remedy: Remedy
    offered_on: dt.date
    state: RemedyState
    done_on: dt.date | None
    note: str | None

    def is_overdue(self, as_of: dt.date) -> bool:
        """Whether the remedy was still to be done after its ``by_when`` date, on ``as_of``.

        Due on its date, overdue from the next day (7.3).
        """
        return self.remedy.is_overdue(as_of)


@attrs.frozen(kw_only=True)
class TrackedOrder:
    """An order of the Housing Ombudsman, followed to completion.

    Attributes:
        order_id: The identifier its determination gives it.
        description: What the landlord was ordered to do.
        due: The day it must be done by.
        completed_on: The day it was done, or ``None`` while outstanding.
        note: The note recorded with its completion, if any.
        ordered_on: The day of the determination that made it.
    """

    order_id: str
    description: str
    due: dt.date
    completed_on: dt.date | None
    note: str | None = None
    ordered_on: dt.date | None = None

    def is_outstanding(self, as_of: dt.date) -> bool:
        """Whether the order was still to be done at the end of ``as_of``."""
        return self.completed_on is None or self.completed_on > as_of

    def is_overdue(self, as_of: dt.date) -> bool:
        """Whether the order was still to be done after its due date, on ``as_of``.

        Due on its date, overdue from the next day.

        >>> o = TrackedOrder(
        ...     order_id="O1", description="Pay", due=dt.date(2025, 3, 3), completed_on=None
        ... )
        >>> o.is_overdue(dt.date(2025, 3, 3)), o.is_overdue(dt.date(2025, 3, 4))
        (False, True)
        """
        return self.is_outstanding(as_of) and as_of > self.due


@attrs.frozen(kw_only=True)
class OmbudsmanRecord:
    """What the Housing Ombudsman decided on a complaint referred to it, and its orders.

    Attributes:
        referred_on: The day the complaint went to the Ombudsman.
        determined_on: The day of the determination in force (the latest).
        determination: The determination in force.
        orders: Every order of every determination recorded, in order.
        determinations: Each determination recorded, as (date, determination)
            pairs, the first first.
    """

    referred_on: dt.date
    determined_on: dt.date
    determination: Determination
    orders: tuple[TrackedOrder, ...]
    determinations: tuple[tuple[dt.date, Determination], ...] = ()

    def outstanding(self, as_of: dt.date) -> tuple[TrackedOrder, ...]:
        """The orders still to be done at the end of ``as_of``, overdue or not."""
        return tuple(o for o in self.orders if o.is_outstanding(as_of))

    def overdue(self, as_of: dt.date) -> tuple[TrackedOrder, ...]:
        """The orders still to be done after their due date, on ``as_of``."""
        return tuple(o for o in self.orders if o.is_overdue(as_of))
