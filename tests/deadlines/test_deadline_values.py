"""Deadlines asserted whole: every field of the value, and the calendar it was counted on.

6.2, 6.3, 6.4, 6.11 (2024) and 4.1, 5.1 (2022): a deadline says what is due, by when, under
which provision of which edition, counted from what, and on which working-day calendar; an
extension keeps the calendar it was counted on.
"""

from __future__ import annotations

import datetime as dt

from complaintcode import CODE_2022, CODE_2024, Deadline, Stage, provision
from complaintcode.calendar import scotland
from complaintcode.deadlines import acknowledgement_due, extended_due, response_due

D = dt.date


def test_an_extension_keeps_the_calendar_it_was_counted_on() -> None:
    """6.4: extending on the Scottish calendar and then again without naming one keeps counting
    in Scotland, where 2 January is a bank holiday (7 January, not 6)."""
    base = response_due(Stage.ONE, received=D(2024, 12, 10), acknowledged=D(2024, 12, 11))
    assert base.due == D(2024, 12, 27)
    first = extended_due(base, 2, calendar=scotland())
    assert first.due == D(2024, 12, 31)
    assert first.calendar is scotland()
    second = extended_due(first, 3)
    assert second == Deadline(
        action="respond",
        stage=Stage.ONE,
        due=D(2025, 1, 7),
        provision=provision("6.3", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 12, 11),
        counted_from_event="acknowledged",
        working_days=10,
        note="extended by 5 working days from 2024-12-27",
        original_due=D(2024, 12, 27),
        extended_by=5,
    )
    assert second.calendar is scotland()


def test_acknowledgement_deadlines_carry_their_calendar() -> None:
    """6.2 and 6.11: acknowledgement deadlines counted on the Scottish calendar say so."""
    first = acknowledgement_due(1, received=D(2024, 12, 23), calendar=scotland())
    assert first == Deadline(
        action="acknowledge",
        stage=Stage.ONE,
        due=D(2025, 1, 3),
        provision=provision("6.2", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 12, 23),
        counted_from_event="received",
        working_days=5,
    )
    assert first.calendar is scotland()
    second = acknowledgement_due(
        2, received=D(2024, 12, 2), escalation_requested=D(2024, 12, 23), calendar=scotland()
    )
    assert second == Deadline(
        action="acknowledge",
        stage=Stage.TWO,
        due=D(2025, 1, 3),
        provision=provision("6.11", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 12, 23),
        counted_from_event="escalation requested",
        working_days=5,
    )
    assert second.calendar is scotland()


def test_stage_1_response_ignores_an_escalation_date() -> None:
    """6.3: the stage 1 response is counted from the acknowledgement (projected here), whatever
    escalation date is passed, even one before receipt."""
    d = response_due(Stage.ONE, received=D(2024, 5, 3), escalation_requested=D(2024, 5, 1))
    assert d == Deadline(
        action="respond",
        stage=Stage.ONE,
        due=D(2024, 5, 28),
        provision=provision("6.3", 2024),
        edition=CODE_2024,
        counted_from=D(2024, 5, 13),
        counted_from_event="acknowledgement due",
        working_days=10,
        projected=True,
        note="projected: assumes the acknowledgement on its last permitted day, 2024-05-13",
    )


def test_2022_stage_1_response_is_counted_from_logging_not_escalation() -> None:
    """5.1 (2022): a stage 1 response is counted from logging, even when the resident has asked
    for stage 2 (stage 2 alone counts from the request, 5.13)."""
    d = response_due(
        Stage.ONE,
        received=D(2024, 3, 4),
        acknowledged=D(2024, 3, 5),
        escalation_requested=D(2024, 3, 25),
    )
    assert d == Deadline(
        action="respond",
        stage=Stage.ONE,
        due=D(2024, 3, 19),
        provision=provision("5.1", 2022),
        edition=CODE_2022,
        counted_from=D(2024, 3, 5),
        counted_from_event="acknowledged",
        working_days=10,
    )
    two = response_due(
        Stage.TWO,
        received=D(2024, 3, 4),
        acknowledged=D(2024, 3, 26),
        escalation_requested=D(2024, 3, 25),
    )
    assert (two.due, two.counted_from, two.counted_from_event, two.provision) == (
        D(2024, 4, 24),
        D(2024, 3, 25),
        "escalation requested",
        provision("5.13", 2022),
    )
