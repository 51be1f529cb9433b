"""Deadlines: what is due, by when, under which provision.

Pure functions from dates to :class:`Deadline` values. Every timescale comes
from the complaint's :class:`~complaintcode.editions.Edition` and is counted in
working days on a :class:`~complaintcode.calendar.WorkingCalendar`: the day an
event happens is day 0 and never counts, and a deadline of N working days is the
Nth working day after it.

The part covers the acknowledgement and response timescales and the extension
limits of both stages: 6.2, 6.3, 6.4, 6.11, 6.14 and 6.15 in the 2024 edition,
4.1, 5.1, 5.10 and 5.13 in the 2022 edition, each deadline citing the provision
of its own edition.

>>> import datetime as dt
>>> from complaintcode import Stage, acknowledgement_due, response_due
>>> received = dt.date(2024, 5, 3)  # a Friday; Monday 6 May is a bank holiday
>>> acknowledgement_due(Stage.ONE, received=received).due
datetime.date(2024, 5, 13)
>>> response_due(Stage.ONE, received=received, acknowledged=dt.date(2024, 5, 7)).due
datetime.date(2024, 5, 21)

Where an earlier step has not happened yet, the deadline is projected on the
assumption that the step happens on its own last permitted day, and says so:

>>> d = response_due(Stage.ONE, received=received)
>>> d.due, d.projected
(datetime.date(2024, 5, 28), True)
>>> d.note
'projected: assumes the acknowledgement on its last permitted day, 2024-05-13'

The complaint record counts the same deadlines for every complaint it audits,
on inputs it has checked already, so four rules are named here for it without
the checks: :func:`acknowledgement_date`, :func:`response_date`,
:func:`extension_over_limit` and :func:`extend_unchecked`. They are this part's
face for the parts above it, not exported from the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from complaintcode._codec import shown
from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.deadlines._counting import acknowledgement_date as acknowledgement_date
from complaintcode.deadlines._counting import not_before, response_start, timescales
from complaintcode.deadlines._counting import response_date as response_date
from complaintcode.deadlines._deadline import Action, Deadline, checked_date
from complaintcode.deadlines._many import acknowledgement_due_many, response_due_many
from complaintcode.editions import Edition, edition_for
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.findings import Finding
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "Action",
    "Deadline",
    "acknowledgement_due",
    "acknowledgement_due_many",
    "extended_due",
    "extension_notice_due",
    "response_due",
    "response_due_many",
]


def _check_extension(deadline: object) -> None:
    if not isinstance(deadline, Deadline):
        raise InvalidRecord(f"expected a Deadline, got {type(deadline).__name__}", path="deadline")


def _optional_date(value: object, name: str) -> dt.date | None:
    return None if value is None else checked_date(value, name)


def _resolve(
    received: object, edition: Edition | None, calendar: WorkingCalendar | None
) -> tuple[dt.date, Edition, WorkingCalendar]:
    day = checked_date(received, "received")
    if edition is not None and not isinstance(edition, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(edition).__name__}", path="edition")
    if calendar is not None and not isinstance(calendar, WorkingCalendar):
        raise InvalidRecord(
            f"expected a WorkingCalendar, got {type(calendar).__name__}", path="calendar"
        )
    return day, edition or edition_for(day), calendar or england_and_wales()


def acknowledgement_due(
    stage: Stage | int | str,
    *,
    received: dt.date,
    escalation_requested: dt.date | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> Deadline | None:
    """When a complaint must be acknowledged, defined and logged at a stage.

    Stage 1 is counted from receipt (6.2); stage 2 from the escalation request
    (6.11).

    Args:
        stage: The stage.
        received: The day the complaint was received (it decides the edition).
        escalation_requested: For stage 2, the day the resident asked to escalate.
        edition: The edition; by default the one for ``received``.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The deadline, or ``None`` where the edition sets no timescale (stage 2
        under the 2022 edition).

    Raises:
        InvalidRecord: For a missing or malformed date, or dates that run backwards.

    >>> import datetime as dt
    >>> acknowledgement_due(
    ...     2, received=dt.date(2024, 5, 3), escalation_requested=dt.date(2024, 6, 3)
    ... ).due
    datetime.date(2024, 6, 10)
    """
    stage = Stage.parse(stage)
    day, edition, calendar = _resolve(received, edition, calendar)
    requested = _optional_date(escalation_requested, "escalation_requested")
    if stage is Stage.ONE:
        start, event = day, "received"
    else:
        if requested is None:
            raise InvalidRecord(
                "the stage 2 acknowledgement is counted from the escalation request",
                path="escalation_requested",
            )
        not_before(requested, day, "escalation_requested", "received")
        start, event = requested, "escalation requested"
    due = acknowledgement_date(stage, day, requested, edition=edition, calendar=calendar)
    if due is None:
        return None
    key = f"acknowledge_stage_{int(stage)}"
    days = timescales(edition, stage).acknowledge or 0
    calendar_days = edition.counts_calendar_days(key)
    return Deadline(
        action="acknowledge",
        stage=stage,
        due=due,
        provision=edition.cite(key),
        edition=edition,
        counted_from=start,
        counted_from_event=event,
        working_days=calendar.working_days_between(start, due) if calendar_days else days,
        note=f"{days} days counted as calendar days" if calendar_days else "",
        calendar=calendar,
    )


def response_due(
    stage: Stage | int | str,
    *,
    received: dt.date,
    acknowledged: dt.date | None = None,
    escalation_requested: dt.date | None = None,
    edition: Edition | None = None,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """When the response at a stage is due.

    Under the 2024 edition, stage 1 is counted from the acknowledgement (6.3)
    and stage 2 from the stage 2 acknowledgement (6.14). Under the 2022 edition,
    stage 1 is counted from logging (5.1), taken to be the acknowledgement, and
    stage 2 from the escalation request (5.13). If the acknowledgement has not
    happened yet, the deadline is projected from the acknowledgement's own due
    date and marked ``projected``.

    Args:
        stage: The stage.
        received: The day the complaint was received (it decides the edition).
        acknowledged: The day the stage was acknowledged, if it has been.
        escalation_requested: For stage 2, the day the resident asked to escalate.
        edition: The edition; by default the one for ``received``.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The deadline.

    Raises:
        InvalidRecord: For a missing or malformed date, or dates that run backwards.

    >>> import datetime as dt
    >>> response_due(
    ...     Stage.TWO,
    ...     received=dt.date(2024, 5, 3),
    ...     escalation_requested=dt.date(2024, 6, 3),
    ...     acknowledged=dt.date(2024, 6, 5),
    ... ).due
    datetime.date(2024, 7, 3)
    """
    stage = Stage.parse(stage)
    day, edition, calendar = _resolve(received, edition, calendar)
    timescales = edition.timescales(stage)
    acked = _optional_date(acknowledged, "acknowledged")
    requested = _optional_date(escalation_requested, "escalation_requested")
    if stage is Stage.TWO and requested is None:
        raise InvalidRecord(
            "a stage 2 response is counted from the escalation request or its acknowledgement",
            path="escalation_requested",
        )
    if stage is Stage.TWO and requested is not None:
        not_before(requested, day, "escalation_requested", "received")
    first = requested if stage is Stage.TWO and requested is not None else day
    if acked is not None:
        not_before(
            acked,
            first,
            "acknowledged",
            "escalation_requested" if stage is Stage.TWO else "received",
        )

    start, event, projected = response_start(
        stage, day, acked, requested, edition=edition, calendar=calendar
    )
    note = (
        f"projected: assumes the acknowledgement on its last permitted day, {start.isoformat()}"
        if projected
        else ""
    )
    return Deadline(
        action="respond",
        stage=stage,
        due=calendar.add_working_days(start, timescales.respond),
        provision=edition.cite(f"respond_stage_{int(stage)}"),
        edition=edition,
        counted_from=start,
        counted_from_event=event,
        working_days=timescales.respond,
        projected=projected,
        note=note,
        calendar=calendar,
    )


def extension_over_limit(
    edition: Edition,
    stage: Stage,
    total: int,
    good_reason: str | None,
    *,
    base: dt.date | None = None,
    calendar: WorkingCalendar | None = None,
) -> Finding | None:
    """A finding if ``total`` working days of extension exceed the limit without a good reason.

    The finding is a breach of a "must" and a warning under an edition that
    states the limit as a "should" (2022's 5.1 and 5.13). Where the edition's
    reading counts the limit in calendar days (:meth:`~complaintcode.editions.Edition.reading_days_as`),
    the extension is measured from ``base`` (the unextended due date) to the
    extended due date on ``calendar``.
    """
    key = f"extend_stage_{int(stage)}"
    limit = timescales(edition, stage).extension_limit
    if good_reason is not None and good_reason.strip():
        return None
    if edition.counts_calendar_days(key) and base is not None:
        span = ((calendar or england_and_wales()).add_working_days(base, total) - base).days
        if span <= limit:
            return None
        message = (
            f"an extension of {shown(total)} working days at {stage} runs {span} days past the "
            f"deadline it extends, longer than the further {limit} days allowed without a "
            "good reason, and none was recorded"
        )
    elif total <= limit:
        return None
    else:
        message = (
            f"an extension of {shown(total)} working days at {stage} is longer than the "
            f"{limit} allowed without a good reason, and none was recorded"
        )
    return Finding(provision=edition.cite(key), message=message, severity=edition.severity(key))


def extended_due(
    deadline: Deadline,
    working_days: int,
    *,
    good_reason: str | None = None,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """A response deadline extended by some working days (6.4, 6.15).

    Extensions add up: the limit the edition allows without a good reason
    applies to the total beyond the original due date.

    Args:
        deadline: The response deadline to extend (possibly extended already).
        working_days: Working days to add (at least 1).
        good_reason: The reason recorded for an extension beyond the limit.
        calendar: The working-day calendar; by default the one the deadline
            was counted on.

    Returns:
        The extended deadline.

    Raises:
        ProvisionViolation: If the total extension exceeds the edition's limit
            and no good reason is recorded (6.4 at stage 1, 6.15 at stage 2).
            Under the 2022 edition the limit is a "should" (5.1, 5.13): the
            deadline is extended, and the complaint's audit warns.
        InvalidRecord: If ``working_days`` is not a positive whole number, or
            the deadline is not a response deadline.

    >>> import datetime as dt
    >>> d = response_due(Stage.ONE, received=dt.date(2024, 5, 3), acknowledged=dt.date(2024, 5, 7))
    >>> extended_due(d, 10).due
    datetime.date(2024, 6, 5)
    >>> extended_due(d, 11)
    Traceback (most recent call last):
    ...
    complaintcode.errors.ProvisionViolation: 6.4: an extension of 11 working days at stage 1 is longer than the 10 allowed without a good reason, and none was recorded
    """
    _check_extension(deadline)
    if deadline.action != "respond":
        raise InvalidRecord(f"only a response deadline can be extended, not {deadline.action!r}")
    if type(working_days) is not int or working_days < 1:
        raise InvalidRecord(
            f"an extension is a positive whole number of working days, not {shown(working_days)}",
            path="working_days",
        )
    if good_reason is not None and not isinstance(good_reason, str):
        raise InvalidRecord(f"expected text, got {type(good_reason).__name__}", path="good_reason")
    total = deadline.extended_by + working_days
    calendar = calendar or deadline.calendar
    finding = extension_over_limit(
        deadline.edition,
        deadline.stage,
        total,
        good_reason,
        base=deadline.original_due or deadline.due,
        calendar=calendar,
    )
    if finding is not None and finding.severity == "breach":
        raise ProvisionViolation(finding.provision, finding.message)
    return extend_unchecked(deadline, total, good_reason, calendar)


def extend_unchecked(
    deadline: Deadline, total: int, good_reason: str | None, calendar: WorkingCalendar
) -> Deadline:
    """The deadline extended to ``total`` working days beyond its original due date, unchecked."""
    original = deadline.original_due or deadline.due
    reason = good_reason if good_reason and good_reason.strip() else deadline.good_reason
    return attrs.evolve(
        deadline,
        due=calendar.add_working_days(original, total),
        original_due=original,
        extended_by=total,
        good_reason=reason,
        note=f"extended by {total} working days from {original.isoformat()}",
        calendar=calendar,
    )


def extension_notice_due(deadline: Deadline) -> Deadline:
    """The last day a notice extending a response deadline may be sent.

    The resident must be told of an extension before the deadline it extends
    passes, so the notice is due on or before the deadline's current due date
    (6.4 at stage 1, 6.15 at stage 2); it must give the Ombudsman's contact
    details (6.5, 6.16).

    >>> import datetime as dt
    >>> d = response_due(Stage.ONE, received=dt.date(2024, 5, 3), acknowledged=dt.date(2024, 5, 7))
    >>> str(extension_notice_due(d))
    '6.4: send extension notice at stage 1 by 2024-05-21'
    """
    _check_extension(deadline)
    if deadline.action != "respond":
        raise InvalidRecord(f"only a response deadline can be extended, not {deadline.action!r}")
    edition = deadline.edition
    return Deadline(
        action="send extension notice",
        stage=deadline.stage,
        due=deadline.due,
        provision=edition.cite(f"extend_stage_{int(deadline.stage)}"),
        edition=edition,
        counted_from=deadline.due,
        counted_from_event="response due",
        working_days=0,
        projected=deadline.projected,
        note="the notice must reach the resident by the deadline it extends",
        calendar=deadline.calendar,
    )
