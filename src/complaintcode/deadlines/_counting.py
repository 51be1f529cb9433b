"""The counting rules of the deadlines, on inputs checked already.

Each deadline of :mod:`complaintcode.deadlines` is counted here, one complaint at
a time (:func:`acknowledgement_date`, :func:`response_date`) or for a column of
complaints by ``_many``; the face checks the inputs of a single deadline and
names two of these rules for the complaint record, which counts the same
deadlines for every complaint it audits.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.calendar import WorkingCalendar
    from complaintcode.editions import Edition, StageTimescales

__all__ = [
    "DAY_OF",
    "acknowledgement_date",
    "not_before",
    "response_date",
    "response_start",
    "timescales",
]

#: The day each date argument names, as the messages say it.
DAY_OF = {
    "received": "the day of receipt",
    "escalation_requested": "the escalation request",
    "acknowledged": "the acknowledgement",
}


def not_before(
    later: dt.date, earlier: dt.date, later_name: str, earlier_name: str, at: str = ""
) -> None:
    """Refuse a date before the one it follows; ``at`` names a position in a column (``[3]``)."""
    if later < earlier:
        raise InvalidRecord(
            f"{later.isoformat()} is before {DAY_OF[earlier_name]} "
            f"({earlier.isoformat()}): dates must not run backwards",
            path=later_name + at,
        )


def timescales(edition: Edition, stage: Stage) -> StageTimescales:
    """The timescales of a stage under an edition."""
    return edition.stage_one if stage is Stage.ONE else edition.stage_two


def acknowledgement_date(  # the checked inputs of a deadline, named at every call
    stage: Stage,
    received: dt.date,
    requested: dt.date | None,
    *,
    edition: Edition,
    calendar: WorkingCalendar,
) -> dt.date | None:
    """The acknowledgement due date from checked inputs; ``None`` where there is no timescale.

    Under a reading of the edition that counts its bare "days" as calendar days
    (2022's 4.1, see :meth:`~complaintcode.editions.Edition.reading_days_as`),
    the days are counted on the calendar, weekends and bank holidays included.
    """
    days = timescales(edition, stage).acknowledge
    if days is None:
        return None
    start = received if stage is Stage.ONE or requested is None else requested
    if edition.counts_calendar_days(f"acknowledge_stage_{int(stage)}"):
        return start + dt.timedelta(days=days)
    return calendar.add_working_days(start, days)


def response_start(  # the checked inputs of a deadline, named at every call
    stage: Stage,
    received: dt.date,
    acknowledged: dt.date | None,
    requested: dt.date | None,
    *,
    edition: Edition,
    calendar: WorkingCalendar,
) -> tuple[dt.date, str, bool]:
    """What a response deadline counts from, from checked inputs: (day, event, projected)."""
    if timescales(edition, stage).respond_from == "escalation_requested" and requested:
        return requested, "escalation requested", False
    if acknowledged is not None:
        return acknowledged, "acknowledged", False
    ack = acknowledgement_date(stage, received, requested, edition=edition, calendar=calendar)
    first = requested if stage is Stage.TWO and requested is not None else received
    return (ack or first), "acknowledgement due", True


def response_date(  # the checked inputs of a deadline, named at every call
    stage: Stage,
    received: dt.date,
    acknowledged: dt.date | None,
    requested: dt.date | None,
    *,
    edition: Edition,
    calendar: WorkingCalendar,
) -> dt.date:
    """The unextended response due date from checked inputs."""
    start = response_start(
        stage, received, acknowledged, requested, edition=edition, calendar=calendar
    )[0]
    return calendar.add_working_days(start, timescales(edition, stage).respond)
