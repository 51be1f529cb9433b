"""What a complaint's record shows its readers: a stage's facts, and an action's progress.

Values derived from the events by :class:`~complaintcode.complaint.Complaint`
(:meth:`~complaintcode.complaint.Complaint.stage_record` and
:attr:`~complaintcode.complaint.Complaint.actions`) and counted by reports.
Re-exported by :mod:`complaintcode.complaint`, which documents them.
"""

from __future__ import annotations

import datetime as dt

import attrs

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
        handler: Who handled the stage.
        ended: How the stage ended without a response, if it did:
            ``"withdrawn"``, ``"declined"`` or ``"refused"``; ``None`` otherwise.
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

    @property
    def final_due(self) -> dt.date:
        """The response deadline with extensions, or without where there were none."""
        return self.extended_due or self.response_due
