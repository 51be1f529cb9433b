"""Tests for complaintcode.deadlines: what is due, by when, under which provision.

Timescales are those of the complaint's edition: under the 2024 edition 6.2 (stage 1
acknowledgement), 6.3 (stage 1 response), 6.4 (stage 1 extension), 6.11 (stage 2
acknowledgement), 6.14 (stage 2 response) and 6.15 (stage 2 extension); under the 2022
edition 4.1, 5.1 (stage 1 response and extension) and 5.13 (stage 2 response and extension).
Every expected date below was counted by hand on the England and Wales calendar.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.calendar import WorkingCalendar, england_and_wales, scotland
from complaintcode.deadlines import (
    Deadline,
    acknowledgement_due,
    extended_due,
    extension_notice_due,
    extension_over_limit,
    response_due,
)
from complaintcode.editions import CODE_2022, CODE_2024, EDITIONS_BY_YEAR, edition_for
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision
from complaintcode.stages import Stage
from strategies import (
    closure_offsets,
    deadline_arguments,
    event_gaps,
    extension_days,
    extension_steps,
    received_dates,
)

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
EW = england_and_wales()
REASON = "a specialist damp survey is needed before we can decide"
PROJECTED = "projected: assumes the acknowledgement on its last permitted day, {}"
NOTICE_NOTE = "the notice must reach the resident by the deadline it extends"
TAIL = "allowed without a good reason, and none was recorded"
CALLS: tuple[Callable[..., object], ...] = (acknowledgement_due, response_due)
#: The dates a deadline is counted from, as keyword arguments.
Dates = dict[str, Any]
#: The calculators, typed loosely so that tests can pass them what the type hints forbid.
ack_any: Callable[..., Any] = acknowledgement_due
respond_any: Callable[..., Any] = response_due

# The bank holidays of England and Wales that the worked examples rely on (GOV.UK):
#   2022: Thu 2 Jun (spring, moved) and Fri 3 Jun (Platinum Jubilee); Mon 30 May 2022 was an
#         ordinary working day; Mon 19 Sep (State Funeral of Queen Elizabeth II);
#         Mon 26 Dec (Boxing Day), Tue 27 Dec (Christmas Day, substitute day).
#   2023: Mon 2 Jan (New Year's Day, substitute day); Mon 1 May (early May);
#         Mon 8 May (coronation of King Charles III); Mon 29 May (spring); Mon 25 Dec, Tue 26 Dec.
#   2024: Mon 1 Jan; Fri 29 Mar (Good Friday), Mon 1 Apr (Easter Monday); Mon 6 May (early May);
#         Mon 27 May (spring); Wed 25 Dec, Thu 26 Dec.
#   2025: Wed 1 Jan; Fri 18 Apr (Good Friday), Mon 21 Apr (Easter Monday); Mon 5 May (early May).
#   2026: Fri 25 Dec, Mon 28 Dec (Boxing Day, substitute day).
#   2027: Fri 1 Jan; Mon 27 Dec (Christmas Day, substitute day), Tue 28 Dec (Boxing Day,
#         substitute day).
#   2028: Mon 3 Jan (New Year's Day, substitute day).
# Christmas 2023/24 and 2024/25 fell on weekdays and had no substitute days; 2022/23, 2026/27
# and 2027/28 cover the substitutes.


def _due(action: str, stage: int, dates: Dates) -> Deadline:
    if action == "acknowledge":
        deadline = acknowledgement_due(stage, **dates)
        assert deadline is not None
        return deadline
    return response_due(stage, **dates)


def _summary(d: Deadline) -> tuple[object, ...]:
    return (
        d.action,
        d.stage,
        d.due,
        d.provision.number,
        d.provision.edition,
        d.edition.year,
        d.counted_from,
        d.counted_from_event,
        d.working_days,
    )


# --- the golden table -------------------------------------------------------------------------

A, R = "acknowledge", "respond"
RCV, ACK, ESC = "received", "acknowledged", "escalation requested"

GOLDEN = [
    # The headline example: Fri 3 May 2024, Mon 6 May a bank holiday.
    pytest.param(A, 1, {"received": D(2024, 5, 3)}, D(2024, 5, 13), "6.2", 2024, D(2024, 5, 3), RCV, 5, id="headline-ack-received-fri-3-may-2024"),
    pytest.param(R, 1, {"received": D(2024, 5, 3), "acknowledged": D(2024, 5, 7)}, D(2024, 5, 21), "6.3", 2024, D(2024, 5, 7), ACK, 10, id="headline-respond-acknowledged-7-may-2024"),
    # Weekend receipt: day 0 is the weekend day, day 1 the next working day.
    pytest.param(A, 1, {"received": D(2024, 6, 8)}, D(2024, 6, 14), "6.2", 2024, D(2024, 6, 8), RCV, 5, id="weekend-saturday-day-1-monday"),
    pytest.param(A, 1, {"received": D(2024, 6, 9)}, D(2024, 6, 14), "6.2", 2024, D(2024, 6, 9), RCV, 5, id="weekend-sunday-day-1-monday"),
    pytest.param(A, 1, {"received": D(2024, 5, 4)}, D(2024, 5, 13), "6.2", 2024, D(2024, 5, 4), RCV, 5, id="weekend-saturday-before-bank-holiday-monday"),
    # Christmas and New Year 2023/24 (2022 edition: received before 1 April 2024).
    pytest.param(A, 1, {"received": D(2023, 12, 20)}, D(2023, 12, 29), "4.1", 2022, D(2023, 12, 20), RCV, 5, id="christmas-2023-ack-wed-20-dec"),
    pytest.param(A, 1, {"received": D(2023, 12, 22)}, D(2024, 1, 3), "4.1", 2022, D(2023, 12, 22), RCV, 5, id="christmas-2023-ack-fri-22-dec-over-new-year"),
    pytest.param(A, 1, {"received": D(2023, 12, 25)}, D(2024, 1, 3), "4.1", 2022, D(2023, 12, 25), RCV, 5, id="christmas-2023-ack-received-on-christmas-day"),
    pytest.param(R, 1, {"received": D(2023, 12, 20), "acknowledged": D(2023, 12, 29)}, D(2024, 1, 15), "5.1", 2022, D(2023, 12, 29), ACK, 10, id="christmas-2023-respond-2022-edition"),
    # Christmas and New Year 2024/25 (2024 edition).
    pytest.param(A, 1, {"received": D(2024, 12, 20)}, D(2024, 12, 31), "6.2", 2024, D(2024, 12, 20), RCV, 5, id="christmas-2024-ack-fri-20-dec"),
    pytest.param(R, 1, {"received": D(2024, 12, 20), "acknowledged": D(2024, 12, 24)}, D(2025, 1, 10), "6.3", 2024, D(2024, 12, 24), ACK, 10, id="christmas-2024-respond-acknowledged-24-dec"),
    pytest.param(A, 2, {"received": D(2024, 11, 1), "escalation_requested": D(2024, 12, 23)}, D(2025, 1, 2), "6.11", 2024, D(2024, 12, 23), ESC, 5, id="christmas-2024-stage-2-ack"),
    pytest.param(R, 2, {"received": D(2024, 11, 1), "escalation_requested": D(2024, 12, 23), "acknowledged": D(2025, 1, 2)}, D(2025, 1, 30), "6.14", 2024, D(2025, 1, 2), ACK, 20, id="christmas-2024-stage-2-respond"),
    # Substitute days: Christmas 2022 (Sun) on Tue 27 Dec, New Year 2023 (Sun) on Mon 2 Jan.
    pytest.param(A, 1, {"received": D(2022, 12, 23)}, D(2023, 1, 4), "4.1", 2022, D(2022, 12, 23), RCV, 5, id="substitute-days-2022-23-ack"),
    pytest.param(R, 2, {"received": D(2022, 11, 1), "escalation_requested": D(2022, 12, 23)}, D(2023, 1, 25), "5.13", 2022, D(2022, 12, 23), ESC, 20, id="substitute-days-2022-23-stage-2-respond-from-escalation"),
    # Boxing Day 2026 (Sat) on Mon 28 Dec; Christmas and Boxing Day 2027 and New Year 2028.
    pytest.param(A, 1, {"received": D(2026, 12, 24)}, D(2027, 1, 5), "6.2", 2024, D(2026, 12, 24), RCV, 5, id="substitute-days-2026-27-ack"),
    pytest.param(A, 1, {"received": D(2027, 12, 24)}, D(2028, 1, 5), "6.2", 2024, D(2027, 12, 24), RCV, 5, id="substitute-days-2027-28-ack"),
    # Easter 2024: received Thu 28 Mar is a 2022 complaint, received Easter Monday a 2024 one.
    pytest.param(A, 1, {"received": D(2024, 3, 28)}, D(2024, 4, 8), "4.1", 2022, D(2024, 3, 28), RCV, 5, id="easter-2024-ack-thu-28-mar-2022-edition"),
    pytest.param(A, 1, {"received": D(2024, 3, 31)}, D(2024, 4, 8), "4.1", 2022, D(2024, 3, 31), RCV, 5, id="easter-2024-ack-sun-31-mar-last-day-of-2022-edition"),
    pytest.param(A, 1, {"received": D(2024, 4, 1)}, D(2024, 4, 8), "6.2", 2024, D(2024, 4, 1), RCV, 5, id="easter-2024-ack-easter-monday-first-day-of-2024-edition"),
    pytest.param(R, 1, {"received": D(2024, 4, 1), "acknowledged": D(2024, 4, 8)}, D(2024, 4, 22), "6.3", 2024, D(2024, 4, 8), ACK, 10, id="easter-2024-respond"),
    # Easter 2025.
    pytest.param(A, 1, {"received": D(2025, 4, 17)}, D(2025, 4, 28), "6.2", 2024, D(2025, 4, 17), RCV, 5, id="easter-2025-ack-maundy-thursday"),
    pytest.param(R, 1, {"received": D(2025, 4, 14), "acknowledged": D(2025, 4, 16)}, D(2025, 5, 2), "6.3", 2024, D(2025, 4, 16), ACK, 10, id="easter-2025-respond-across-easter"),
    pytest.param(A, 2, {"received": D(2025, 3, 3), "escalation_requested": D(2025, 4, 16)}, D(2025, 4, 25), "6.11", 2024, D(2025, 4, 16), ESC, 5, id="easter-2025-stage-2-ack"),
    # Platinum Jubilee 2022: 2 and 3 June off, 30 May an ordinary day.
    pytest.param(A, 1, {"received": D(2022, 6, 1)}, D(2022, 6, 10), "4.1", 2022, D(2022, 6, 1), RCV, 5, id="jubilee-2022-ack-wed-1-jun"),
    pytest.param(A, 1, {"received": D(2022, 5, 27)}, D(2022, 6, 7), "4.1", 2022, D(2022, 5, 27), RCV, 5, id="jubilee-2022-ack-30-may-is-a-working-day"),
    pytest.param(R, 1, {"received": D(2022, 5, 27), "acknowledged": D(2022, 5, 31)}, D(2022, 6, 16), "5.1", 2022, D(2022, 5, 31), ACK, 10, id="jubilee-2022-respond"),
    # State Funeral of Queen Elizabeth II, Mon 19 Sep 2022.
    pytest.param(A, 1, {"received": D(2022, 9, 16)}, D(2022, 9, 26), "4.1", 2022, D(2022, 9, 16), RCV, 5, id="state-funeral-2022-ack"),
    pytest.param(R, 2, {"received": D(2022, 8, 1), "escalation_requested": D(2022, 9, 12)}, D(2022, 10, 11), "5.13", 2022, D(2022, 9, 12), ESC, 20, id="state-funeral-2022-stage-2-respond"),
    # Coronation of King Charles III, Mon 8 May 2023, a week after the early May bank holiday.
    pytest.param(A, 1, {"received": D(2023, 5, 5)}, D(2023, 5, 15), "4.1", 2022, D(2023, 5, 5), RCV, 5, id="coronation-2023-ack-fri-5-may"),
    pytest.param(A, 1, {"received": D(2023, 4, 28)}, D(2023, 5, 9), "4.1", 2022, D(2023, 4, 28), RCV, 5, id="coronation-2023-ack-across-both-may-holidays"),
    pytest.param(R, 1, {"received": D(2023, 4, 28), "acknowledged": D(2023, 5, 2)}, D(2023, 5, 17), "5.1", 2022, D(2023, 5, 2), ACK, 10, id="coronation-2023-respond"),
    # Stage 2 under the 2024 edition: counted from the escalation request, then the acknowledgement.
    pytest.param(A, 2, {"received": D(2024, 5, 3), "escalation_requested": D(2024, 6, 3)}, D(2024, 6, 10), "6.11", 2024, D(2024, 6, 3), ESC, 5, id="stage-2-2024-ack"),
    pytest.param(R, 2, {"received": D(2024, 5, 3), "escalation_requested": D(2024, 6, 3), "acknowledged": D(2024, 6, 5)}, D(2024, 7, 3), "6.14", 2024, D(2024, 6, 5), ACK, 20, id="stage-2-2024-respond"),
    # Stage 2 under the 2022 edition: 20 working days from the escalation request, whatever the
    # acknowledgement date, even when the escalation itself comes after 1 April 2024.
    pytest.param(R, 2, {"received": D(2022, 11, 1), "escalation_requested": D(2022, 12, 23), "acknowledged": D(2023, 1, 5)}, D(2023, 1, 25), "5.13", 2022, D(2022, 12, 23), ESC, 20, id="stage-2-2022-acknowledgement-does-not-move-it"),
    pytest.param(R, 2, {"received": D(2024, 3, 15), "escalation_requested": D(2024, 5, 1)}, D(2024, 5, 31), "5.13", 2022, D(2024, 5, 1), ESC, 20, id="stage-2-2022-escalated-after-2024-edition-began"),
]  # fmt: skip


@pytest.mark.parametrize(
    (
        "action",
        "stage",
        "dates",
        "due",
        "number",
        "edition",
        "counted_from",
        "event",
        "working_days",
    ),
    GOLDEN,
)
def test_golden_deadlines(
    *,
    action: str,
    stage: int,
    dates: Dates,
    due: D,
    number: str,
    edition: int,
    counted_from: D,
    event: str,
    working_days: int,
) -> None:
    """6.2, 6.3, 6.11, 6.14 (2024) and 4.1, 5.1, 5.13 (2022): worked examples, counted by hand."""
    deadline = _due(action, stage, dates)
    assert _summary(deadline) == (
        action,
        Stage(stage),
        due,
        number,
        edition,
        edition,
        counted_from,
        event,
        working_days,
    )
    assert (deadline.projected, deadline.note) == (False, "")
    assert (deadline.original_due, deadline.extended_by, deadline.good_reason) == (None, 0, None)
    assert deadline.provision == provision(number, edition)


# --- projected deadlines ------------------------------------------------------------------------

PROJECTED_CASES = [
    # Headline: acknowledgement due Mon 13 May; Mon 27 May is the spring bank holiday.
    pytest.param(1, {"received": D(2024, 5, 3)}, D(2024, 5, 28), "6.3", 2024, D(2024, 5, 13), id="headline-no-acknowledgement-yet"),
    pytest.param(1, {"received": D(2024, 12, 20)}, D(2025, 1, 15), "6.3", 2024, D(2024, 12, 31), id="christmas-2024"),
    pytest.param(1, {"received": D(2025, 4, 17)}, D(2025, 5, 13), "6.3", 2024, D(2025, 4, 28), id="easter-2025-then-early-may"),
    pytest.param(1, {"received": D(2022, 6, 1)}, D(2022, 6, 24), "5.1", 2022, D(2022, 6, 10), id="jubilee-2022-edition"),
    pytest.param(2, {"received": D(2024, 5, 3), "escalation_requested": D(2024, 6, 3)}, D(2024, 7, 8), "6.14", 2024, D(2024, 6, 10), id="stage-2-2024"),
]  # fmt: skip


@pytest.mark.parametrize(("stage", "dates", "due", "number", "edition", "start"), PROJECTED_CASES)
def test_projected_response(
    *, stage: int, dates: Dates, due: D, number: str, edition: int, start: D
) -> None:
    """6.3, 6.14 (5.1 in 2022): with no acknowledgement yet, the response is projected from the
    acknowledgement's own last permitted day (6.2, 6.11 / 4.1), and says so."""
    deadline = response_due(stage, **dates)
    assert _summary(deadline) == (
        "respond",
        Stage(stage),
        due,
        number,
        edition,
        edition,
        start,
        "acknowledgement due",
        10 if stage == 1 else 20,
    )
    assert deadline.projected is True
    assert deadline.note == PROJECTED.format(start.isoformat())


def test_projection_uses_the_acknowledgement_deadline() -> None:
    """6.2 then 6.3: the projected start is exactly the acknowledgement's due date."""
    received = D(2024, 12, 20)
    ack = acknowledgement_due(Stage.ONE, received=received)
    assert ack is not None
    assert response_due(Stage.ONE, received=received).counted_from == ack.due


def test_stage_2_under_2022_is_never_projected() -> None:
    """5.13 (2022): counted from the escalation request itself, so nothing is assumed."""
    d = response_due(2, received=D(2023, 6, 1), escalation_requested=D(2023, 7, 3))
    assert (d.projected, d.note, d.counted_from_event) == (False, "", ESC)


def test_stage_2_acknowledgement_under_2022_has_no_timescale() -> None:
    """5.10 (2022): the 2022 edition sets no stage 2 acknowledgement timescale."""
    due = acknowledgement_due(2, received=D(2023, 6, 1), escalation_requested=D(2023, 7, 3))
    assert due is None


# --- inputs: stage spellings, editions and calendars -------------------------------------------


@pytest.mark.parametrize("stage", [Stage.ONE, 1, "1", "stage 1", "Stage One", "first"])
def test_stage_spellings(stage: object) -> None:
    """5.2, 5.3: any accepted spelling of stage 1 gives the same deadline (6.2)."""
    d = acknowledgement_due(stage, received=D(2024, 5, 3))  # type: ignore[arg-type]
    assert d is not None
    assert (d.stage, d.due) == (Stage.ONE, D(2024, 5, 13))


@pytest.mark.parametrize(
    ("stage", "number", "message"),
    [
        (0, "5.2", "there is no stage before stage 1 ('stage 0', 'informal' or similar) (got 0)"),
        (
            "informal",
            "5.2",
            "there is no stage before stage 1 ('stage 0', 'informal' or similar) (got 'informal')",
        ),
        (3, "5.3", "a complaints process may not have more than two stages (got 3)"),
    ],
)
def test_forbidden_stage(stage: object, number: str, message: str) -> None:
    """5.2 / 5.3: no deadline exists for a stage the Code forbids."""
    for call in CALLS:
        with pytest.raises(ProvisionViolation) as info:
            call(stage, received=D(2024, 5, 3), escalation_requested=D(2024, 6, 3))
        assert info.value.provision == provision(number)
        assert str(info.value) == f"{number}: {message}"


def test_explicit_edition_overrides_the_receipt_date() -> None:
    """4.1 (2022): an edition passed in is used whatever the receipt date."""
    d = acknowledgement_due(1, received=D(2024, 5, 3), edition=CODE_2022)
    assert d is not None
    assert (d.due, d.provision.number, d.provision.edition, d.edition.year) == (
        D(2024, 5, 13),
        "4.1",
        2022,
        2022,
    )
    later = response_due(
        2, received=D(2024, 5, 3), escalation_requested=D(2024, 6, 3), edition=CODE_2022
    )
    # 20 working days from Mon 3 June 2024, with no bank holiday in between.
    assert (later.due, later.provision.number, later.counted_from) == (
        D(2024, 7, 1),
        "5.13",
        D(2024, 6, 3),
    )


def test_calendar_of_another_region() -> None:
    """6.2 on the Scottish calendar: St Andrew's Day 2024 (Sat 30 Nov) is taken on Mon 2 Dec."""
    received = D(2024, 11, 29)
    ew = acknowledgement_due(1, received=received)
    sc = acknowledgement_due(1, received=received, calendar=scotland())
    assert ew is not None
    assert sc is not None
    assert (ew.due, sc.due) == (D(2024, 12, 6), D(2024, 12, 9))


def test_landlord_closures_move_the_deadline() -> None:
    """6.2 with a Christmas shutdown on 27, 30 and 31 December 2024."""
    shut = EW.with_closures([D(2024, 12, 27), D(2024, 12, 30), D(2024, 12, 31)])
    d = acknowledgement_due(1, received=D(2024, 12, 20), calendar=shut)
    assert d is not None
    assert d.due == D(2025, 1, 6)  # 23, 24 Dec; 2, 3, 6 Jan


# --- the Deadline value ---------------------------------------------------------------------------


def test_str_and_is_met_by() -> None:
    """6.2: the deadline reads as its provision, action, stage and date; the due day itself meets it."""
    d = acknowledgement_due(1, received=D(2024, 5, 3))
    assert d is not None
    assert str(d) == "6.2: acknowledge at stage 1 by 2024-05-13"
    assert [d.is_met_by(D(2024, 5, day)) for day in (3, 12, 13, 14)] == [True, True, True, False]


@pytest.mark.parametrize(
    ("done", "message"),
    [
        ("2024-05-13", "done: expected a date, got str"),
        (
            dt.datetime(2024, 5, 13, 9, 0, tzinfo=dt.UTC),
            "done: expected a date, got a datetime (pass its .date())",
        ),
    ],
)
def test_is_met_by_refuses_non_dates(done: object, message: str) -> None:
    d = acknowledgement_due(1, received=D(2024, 5, 3))
    assert d is not None
    with pytest.raises(InvalidRecord) as info:
        d.is_met_by(done)  # type: ignore[arg-type]
    assert (str(info.value), info.value.path) == (message, "done")


def test_to_dict_exact() -> None:
    """6.3: the JSON form of the headline response deadline, field by field."""
    d = response_due(1, received=D(2024, 5, 3), acknowledged=D(2024, 5, 7))
    assert d.to_dict() == {
        "action": "respond",
        "stage": 1,
        "due": "2024-05-21",
        "provision": "6.3",
        "edition": 2024,
        "counted_from": "2024-05-07",
        "counted_from_event": "acknowledged",
        "working_days": 10,
        "projected": False,
        "note": "",
        "original_due": None,
        "extended_by": 0,
        "good_reason": None,
    }
    extended = extended_due(d, 12, good_reason=REASON).to_dict()
    assert (extended["due"], extended["original_due"], extended["extended_by"]) == (
        "2024-06-07",
        "2024-05-21",
        12,
    )
    assert extended["good_reason"] == REASON


# --- extensions ------------------------------------------------------------------------------------

# The responses extended below: headline (due Tue 21 May 2024), stage 2 under 2024 (due Wed
# 3 Jul 2024), stage 1 under 2022 (due Wed 17 May 2023), stage 2 under 2022 (due Wed 25 Jan 2023).
HEADLINE: Dates = {"received": D(2024, 5, 3), "acknowledged": D(2024, 5, 7)}
STAGE2_2024: Dates = {
    "received": D(2024, 5, 3),
    "escalation_requested": D(2024, 6, 3),
    "acknowledged": D(2024, 6, 5),
}
STAGE1_2022: Dates = {"received": D(2023, 4, 28), "acknowledged": D(2023, 5, 2)}
STAGE2_2022: Dates = {"received": D(2022, 11, 1), "escalation_requested": D(2022, 12, 23)}

EXTENSIONS = [
    # Headline: 10 more working days from Tue 21 May 2024, over the spring bank holiday (27 May).
    pytest.param(1, HEADLINE, [(10, None)], D(2024, 5, 21), D(2024, 6, 5), 10, None, id="2024-stage-1-at-the-limit"),
    pytest.param(1, HEADLINE, [(11, REASON)], D(2024, 5, 21), D(2024, 6, 6), 11, REASON, id="2024-stage-1-beyond-the-limit-with-good-reason"),
    pytest.param(1, HEADLINE, [(6, None), (4, None)], D(2024, 5, 21), D(2024, 6, 5), 10, None, id="2024-stage-1-cumulative-at-the-limit"),
    pytest.param(1, HEADLINE, [(6, None), (9, REASON)], D(2024, 5, 21), D(2024, 6, 12), 15, REASON, id="2024-stage-1-cumulative-with-good-reason"),
    pytest.param(2, STAGE2_2024, [(20, None)], D(2024, 7, 3), D(2024, 7, 31), 20, None, id="2024-stage-2-at-the-limit"),
    pytest.param(1, STAGE1_2022, [(10, None)], D(2023, 5, 17), D(2023, 6, 1), 10, None, id="2022-stage-1-at-the-limit-over-spring-holiday"),
    pytest.param(2, STAGE2_2022, [(10, None)], D(2023, 1, 25), D(2023, 2, 8), 10, None, id="2022-stage-2-at-the-limit"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("stage", "dates", "steps", "original", "due", "total", "reason"), EXTENSIONS
)
def test_extensions(
    *,
    stage: int,
    dates: Dates,
    steps: list[tuple[int, str | None]],
    original: D,
    due: D,
    total: int,
    reason: str | None,
) -> None:
    """6.4, 6.15 (5.1, 5.13 in 2022): extensions add up from the original due date."""
    base = response_due(stage, **dates)
    assert base.due == original
    d = base
    for days, good_reason in steps:
        d = extended_due(d, days, good_reason=good_reason)
    assert (d.due, d.original_due, d.extended_by, d.good_reason) == (due, original, total, reason)
    assert d.note == f"extended by {total} working days from {original.isoformat()}"
    # Everything else is the base deadline's: the timescale, its start and its provision.
    assert (
        attrs.evolve(d, due=base.due, original_due=None, extended_by=0, good_reason=None, note="")
        == base
    )
    assert EW.working_days_between(d.counted_from, d.due) == d.working_days + d.extended_by


def test_a_recorded_reason_stays_on_the_record() -> None:
    """6.4: a reason given for one extension is kept when a later one within the limit has none,
    and replaced by a later step's own reason."""
    d = extended_due(response_due(1, **HEADLINE), 3, good_reason=REASON)
    assert extended_due(d, 2).good_reason == REASON
    assert extended_due(d, 2, good_reason="   ").good_reason == REASON
    assert extended_due(d, 2, good_reason="the contractor is ill").good_reason == (
        "the contractor is ill"
    )


@pytest.mark.parametrize(
    ("stage", "dates", "steps", "number", "edition", "message"),
    [
        pytest.param(1, HEADLINE, [11], "6.4", 2024, f"an extension of 11 working days at stage 1 is longer than the 10 {TAIL}", id="2024-stage-1"),
        pytest.param(2, STAGE2_2024, [21], "6.15", 2024, f"an extension of 21 working days at stage 2 is longer than the 20 {TAIL}", id="2024-stage-2"),
        pytest.param(1, STAGE1_2022, [11], "5.1", 2022, f"an extension of 11 working days at stage 1 is longer than the 10 {TAIL}", id="2022-stage-1"),
        pytest.param(2, STAGE2_2022, [11], "5.13", 2022, f"an extension of 11 working days at stage 2 is longer than the 10 {TAIL}", id="2022-stage-2-limit-is-10"),
        pytest.param(1, HEADLINE, [6, 5], "6.4", 2024, f"an extension of 11 working days at stage 1 is longer than the 10 {TAIL}", id="2024-stage-1-cumulative"),
        pytest.param(2, STAGE2_2024, [10, 10, 1], "6.15", 2024, f"an extension of 21 working days at stage 2 is longer than the 20 {TAIL}", id="2024-stage-2-cumulative"),
        pytest.param(2, STAGE2_2022, [5, 6], "5.13", 2022, f"an extension of 11 working days at stage 2 is longer than the 10 {TAIL}", id="2022-stage-2-cumulative"),
    ],
)  # fmt: skip
def test_extension_beyond_the_limit_needs_a_good_reason(
    *, stage: int, dates: Dates, steps: list[int], number: str, edition: int, message: str
) -> None:
    """6.4 / 6.15: past the limit, no good reason means a violation. 5.1 / 5.13 (2022) say an
    extension *should* not exceed a further 10 days: a warning, and the deadline is extended."""
    d = response_due(stage, **dates)
    *allowed, last = steps
    for days in allowed:
        d = extended_due(d, days)
    total = sum(steps)
    for blank in (None, "", "   "):
        over = extension_over_limit(d.edition, d.stage, total, blank)
        assert over is not None
        assert (over.provision, over.message) == (provision(number, edition), message)
        if edition == 2024:
            assert over.severity == "breach"
            with pytest.raises(ProvisionViolation) as info:
                extended_due(d, last, good_reason=blank)
            assert info.value.provision == provision(number, edition)
            assert info.value.message == message
            assert str(info.value) == f"{number}: {message}"
        else:
            assert over.severity == "warning"
            extended = extended_due(d, last, good_reason=blank)
            assert (extended.extended_by, extended.due) == (
                total,
                d.calendar.add_working_days(d.original_due or d.due, total),
            )


def test_each_step_past_the_limit_needs_its_own_good_reason() -> None:
    """6.4: a reason recorded for one extension does not cover a further one past the limit."""
    d = extended_due(response_due(1, **HEADLINE), 11, good_reason=REASON)
    with pytest.raises(ProvisionViolation) as info:
        extended_due(d, 1)
    assert (
        str(info.value)
        == f"6.4: an extension of 12 working days at stage 1 is longer than the 10 {TAIL}"
    )


def test_extension_counts_on_the_calendar_given() -> None:
    """6.4: the extension is counted on the calendar passed in (a landlord's closures)."""
    d = response_due(1, **HEADLINE)
    shut = EW.with_closures([D(2024, 5, 22)])
    assert extended_due(d, 1).due == D(2024, 5, 22)
    assert extended_due(d, 1, calendar=shut).due == D(2024, 5, 23)


@pytest.mark.parametrize(
    "days", [0, -1, -10, 1.5, 2.0, True, "5", None], ids=lambda v: f"{type(v).__name__}-{v}"
)
def test_extension_must_be_a_positive_whole_number(days: object) -> None:
    """6.4: an extension is one or more whole working days."""
    d = response_due(1, **HEADLINE)
    with pytest.raises(InvalidRecord) as info:
        extended_due(d, days)  # type: ignore[arg-type]
    assert info.value.path == "working_days"
    assert str(info.value) == (
        f"working_days: an extension is a positive whole number of working days, not {days!r}"
    )


def test_only_a_response_can_be_extended() -> None:
    """6.4, 6.15: extensions apply to the response; the acknowledgement has none."""
    ack = acknowledgement_due(1, received=D(2024, 5, 3))
    assert ack is not None
    notice = extension_notice_due(response_due(1, **HEADLINE))
    for deadline, action in ((ack, "acknowledge"), (notice, "send extension notice")):
        for call in (lambda d: extended_due(d, 1), extension_notice_due):
            with pytest.raises(InvalidRecord) as info:
                call(deadline)
            assert str(info.value) == f"only a response deadline can be extended, not {action!r}"
            assert info.value.path is None


# --- the extension notice -------------------------------------------------------------------------

NOTICES = [
    pytest.param(1, HEADLINE, 0, D(2024, 5, 21), "6.4", 2024, id="2024-stage-1"),
    pytest.param(1, HEADLINE, 10, D(2024, 6, 5), "6.4", 2024, id="2024-stage-1-already-extended"),
    pytest.param(2, STAGE2_2024, 0, D(2024, 7, 3), "6.15", 2024, id="2024-stage-2"),
    pytest.param(1, STAGE1_2022, 0, D(2023, 5, 17), "5.1", 2022, id="2022-stage-1"),
    pytest.param(2, STAGE2_2022, 0, D(2023, 1, 25), "5.13", 2022, id="2022-stage-2"),
]  # fmt: skip


@pytest.mark.parametrize(("stage", "dates", "extended", "due", "number", "edition"), NOTICES)
def test_extension_notice_due(
    *, stage: int, dates: Dates, extended: int, due: D, number: str, edition: int
) -> None:
    """6.4 / 6.15 (5.1 / 5.13): the notice is due on or before the deadline it extends."""
    response = response_due(stage, **dates)
    if extended:
        response = extended_due(response, extended)
    notice = extension_notice_due(response)
    assert notice == Deadline(
        action="send extension notice",
        stage=Stage(stage),
        due=due,
        provision=provision(number, edition),
        edition=EDITIONS_BY_YEAR[edition],
        counted_from=due,
        counted_from_event="response due",
        working_days=0,
        projected=False,
        note=NOTICE_NOTE,
    )
    assert notice.due == response.due


def test_headline_extension_notice() -> None:
    """6.4: the headline response (21 May 2024) can be extended by a notice sent by 21 May."""
    notice = extension_notice_due(response_due(1, **HEADLINE))
    assert str(notice) == "6.4: send extension notice at stage 1 by 2024-05-21"


def test_extension_notice_of_a_projected_response_is_projected() -> None:
    """6.4: a notice for a projected response is itself projected."""
    notice = extension_notice_due(response_due(1, received=D(2024, 5, 3)))
    assert (notice.due, notice.projected) == (D(2024, 5, 28), True)


# --- bad input --------------------------------------------------------------------------------------

WHEN = dt.datetime(2024, 5, 3, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("call", "path", "message"),
    [
        pytest.param(lambda: ack_any(1, received="2024-05-03"), "received", "expected a date, got str", id="ack-received-str"),
        pytest.param(lambda: ack_any(1, received=None), "received", "expected a date, got NoneType", id="ack-received-none"),
        pytest.param(lambda: ack_any(1, received=WHEN), "received", "expected a date, got a datetime (pass its .date())", id="ack-received-datetime"),
        pytest.param(lambda: respond_any(1, received=WHEN), "received", "expected a date, got a datetime (pass its .date())", id="respond-received-datetime"),
        pytest.param(lambda: respond_any(1, received=D(2024, 5, 3), acknowledged=WHEN), "acknowledged", "expected a date, got a datetime (pass its .date())", id="respond-acknowledged-datetime"),
        pytest.param(lambda: respond_any(1, received=D(2024, 5, 3), acknowledged=20240507), "acknowledged", "expected a date, got int", id="respond-acknowledged-int"),
        pytest.param(lambda: ack_any(2, received=D(2024, 5, 3), escalation_requested="2024-06-03"), "escalation_requested", "expected a date, got str", id="ack-escalation-str"),
        pytest.param(lambda: respond_any(2, received=D(2024, 5, 3), escalation_requested=WHEN), "escalation_requested", "expected a date, got a datetime (pass its .date())", id="respond-escalation-datetime"),
        pytest.param(lambda: ack_any(2, received=D(2024, 5, 3)), "escalation_requested", "the stage 2 acknowledgement is counted from the escalation request", id="ack-stage-2-no-escalation"),
        pytest.param(lambda: ack_any(2, received=D(2023, 5, 3)), "escalation_requested", "the stage 2 acknowledgement is counted from the escalation request", id="ack-stage-2-no-escalation-2022"),
        pytest.param(lambda: respond_any(2, received=D(2024, 5, 3), acknowledged=D(2024, 6, 5)), "escalation_requested", "a stage 2 response is counted from the escalation request or its acknowledgement", id="respond-stage-2-no-escalation"),
        pytest.param(lambda: respond_any(2, received=D(2023, 5, 3)), "escalation_requested", "a stage 2 response is counted from the escalation request or its acknowledgement", id="respond-stage-2-no-escalation-2022"),
        pytest.param(lambda: respond_any(1, received=D(2024, 5, 3), acknowledged=D(2024, 5, 2)), "acknowledged", "2024-05-02 is before the day of receipt (2024-05-03): dates must not run backwards", id="acknowledged-before-receipt"),
        pytest.param(lambda: ack_any(2, received=D(2024, 5, 3), escalation_requested=D(2024, 5, 2)), "escalation_requested", "2024-05-02 is before the day of receipt (2024-05-03): dates must not run backwards", id="ack-escalation-before-receipt"),
        pytest.param(lambda: respond_any(2, received=D(2024, 5, 3), escalation_requested=D(2024, 5, 2)), "escalation_requested", "2024-05-02 is before the day of receipt (2024-05-03): dates must not run backwards", id="respond-projected-escalation-before-receipt"),
        pytest.param(lambda: respond_any(2, received=D(2024, 5, 3), escalation_requested=D(2024, 6, 3), acknowledged=D(2024, 6, 1)), "acknowledged", "2024-06-01 is before the escalation request (2024-06-03): dates must not run backwards", id="stage-2-acknowledged-before-escalation"),
        pytest.param(lambda: respond_any(2, received=D(2023, 5, 3), escalation_requested=D(2023, 6, 5), acknowledged=D(2023, 6, 2)), "acknowledged", "2023-06-02 is before the escalation request (2023-06-05): dates must not run backwards", id="stage-2-2022-acknowledged-before-escalation"),
        pytest.param(lambda: ack_any(1, received=D(1899, 12, 29)), "start", "1899-12-29 is out of range: the supported range is 1900-01-01 to 2200-12-31", id="received-out-of-range"),
    ],
)  # fmt: skip
def test_bad_dates(call: Any, path: str, message: str) -> None:
    """Dates must be dates (not datetimes), present where counted from, and not run backwards."""
    with pytest.raises(InvalidRecord) as info:
        call()
    assert (info.value.path, info.value.message) == (path, message)
    assert str(info.value) == f"{path}: {message}"


def test_stage_2_escalation_before_receipt_is_refused_with_an_acknowledgement() -> None:
    """Dates must not run backwards: an escalation request before receipt is refused by
    response_due as it is by acknowledgement_due, whether the response is projected or not."""
    cases: tuple[Dates, ...] = (
        {"received": D(2024, 5, 10), "escalation_requested": D(2024, 5, 1), "acknowledged": D(2024, 5, 15)},
        {"received": D(2023, 5, 10), "escalation_requested": D(2023, 5, 1)},
    )  # fmt: skip
    for dates in cases:
        with pytest.raises(InvalidRecord) as info:
            response_due(2, **dates)
        received, requested = dates["received"], dates["escalation_requested"]
        assert str(info.value) == (
            f"escalation_requested: {requested.isoformat()} is before the day of receipt "
            f"({received.isoformat()}): dates must not run backwards"
        )


def test_stage_1_acknowledged_before_receipt_names_the_receipt() -> None:
    """Dates must not run backwards: at stage 1 the acknowledgement is compared with receipt,
    and the message says so even when an escalation date is passed along."""
    with pytest.raises(InvalidRecord) as info:
        response_due(
            1,
            received=D(2024, 5, 10),
            acknowledged=D(2024, 5, 9),
            escalation_requested=D(2024, 6, 3),
        )
    assert str(info.value) == (
        "acknowledged: 2024-05-09 is before the day of receipt (2024-05-10): dates must not run backwards"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"edition": "2024"}, "edition: expected an Edition, got str"),
        ({"edition": 2022}, "edition: expected an Edition, got int"),
        ({"calendar": "england-and-wales"}, "calendar: expected a WorkingCalendar, got str"),
    ],
)
def test_edition_and_calendar_must_have_their_types(
    kwargs: dict[str, object], message: str
) -> None:
    """Bad input gets an InvalidRecord naming the argument, never an AttributeError."""
    for call in CALLS:
        with pytest.raises(InvalidRecord) as info:
            call(1, received=D(2024, 5, 3), **kwargs)
        assert str(info.value) == message


@pytest.mark.parametrize("deadline", ["2024-05-21", None, D(2024, 5, 21)])
def test_extension_needs_a_deadline(deadline: object) -> None:
    """6.4: extending something that is not a Deadline is an InvalidRecord, not an AttributeError."""
    message = f"deadline: expected a Deadline, got {type(deadline).__name__}"
    with pytest.raises(InvalidRecord) as info:
        extended_due(deadline, 5)  # type: ignore[arg-type]
    assert str(info.value) == message
    with pytest.raises(InvalidRecord) as info:
        extension_notice_due(deadline)  # type: ignore[arg-type]
    assert str(info.value) == message


@pytest.mark.parametrize("reason", [5, ["a survey"], b"a survey"])
def test_good_reason_must_be_text(reason: object) -> None:
    """6.4: the good reason is text; anything else is an InvalidRecord naming it."""
    d = response_due(1, **HEADLINE)
    for days in (5, 11):
        with pytest.raises(InvalidRecord) as info:
            extended_due(d, days, good_reason=reason)  # type: ignore[arg-type]
        assert str(info.value) == f"good_reason: expected text, got {type(reason).__name__}"


def test_extension_limit_comes_from_the_deadlines_edition() -> None:
    """6.4: the limit is the edition's data, so an edition with a shorter limit is honoured."""
    strict = attrs.evolve(CODE_2024, stage_one=attrs.evolve(CODE_2024.stage_one, extension_limit=5))
    d = response_due(1, edition=strict, **HEADLINE)
    assert extended_due(d, 5).due == D(2024, 5, 29)
    with pytest.raises(ProvisionViolation) as info:
        extended_due(d, 6)
    assert (
        str(info.value)
        == f"6.4: an extension of 6 working days at stage 1 is longer than the 5 {TAIL}"
    )


# --- properties -----------------------------------------------------------------------------------


def _deadlines(args: dict[str, Any], calendar: WorkingCalendar | None = None) -> list[Deadline]:
    kwargs = dict(args)
    stage = kwargs.pop("stage")
    found = [response_due(stage, calendar=calendar, **kwargs)]
    kwargs.pop("acknowledged", None)
    ack = acknowledgement_due(stage, calendar=calendar, **kwargs)
    if ack is not None:
        found.append(ack)
    return found


@given(deadline_arguments())
def test_every_due_date_is_a_working_day(args: dict[str, Any]) -> None:
    """6.2, 6.3, 6.11, 6.14 (4.1, 5.1, 5.13): a deadline never falls on a weekend or holiday."""
    for d in _deadlines(args):
        assert EW.is_working_day(d.due), d


@given(deadline_arguments())
def test_exactly_the_timescale_lies_between_start_and_due(args: dict[str, Any]) -> None:
    """Day 0 never counts: working_days_between(counted_from, due) is the timescale exactly."""
    edition = edition_for(args["received"])
    for d in _deadlines(args):
        assert EW.working_days_between(d.counted_from, d.due) == d.working_days
        timescales = edition.timescales(d.stage)
        expected = timescales.acknowledge if d.action == "acknowledge" else timescales.respond
        assert d.working_days == expected
        assert d.edition is edition


@given(received_dates, event_gaps, st.integers(min_value=0, max_value=400))
def test_later_receipt_never_gives_an_earlier_deadline(received: D, gap: int, later: int) -> None:
    """6.2, 6.3, 6.11, 6.14 (4.1, 5.1, 5.13): deadlines never move earlier as receipt (and the
    escalation request, the same gap after it) moves later, across the change of edition."""
    delay, step = dt.timedelta(days=later), dt.timedelta(days=gap)
    early: Dates = {"received": received, "escalation_requested": received + step}
    late: Dates = {"received": received + delay, "escalation_requested": received + delay + step}
    for stage in (1, 2):
        assert response_due(stage, **early).due <= response_due(stage, **late).due
        a = acknowledgement_due(stage, **early)
        b = acknowledgement_due(stage, **late)
        if a is not None and b is not None:
            assert a.due <= b.due


@given(deadline_arguments(), closure_offsets)
def test_closures_never_make_a_deadline_earlier(
    args: dict[str, Any], offsets: frozenset[int]
) -> None:
    """Landlords' closure days can only push a deadline later."""
    shut = EW.with_closures(args["received"] + dt.timedelta(days=o) for o in offsets)
    for plain, closed in zip(_deadlines(args), _deadlines(args, shut), strict=True):
        assert plain.action == closed.action
        assert plain.due <= closed.due
        assert shut.is_working_day(closed.due)


@given(deadline_arguments(), st.data())
def test_an_extension_never_makes_a_deadline_earlier(
    args: dict[str, Any], data: st.DataObject
) -> None:
    """6.4, 6.15: each extension moves the response later; steps add up to one extension."""
    kwargs = dict(args)
    base = response_due(kwargs.pop("stage"), **kwargs)
    limit = edition_for(args["received"]).timescales(base.stage).extension_limit
    steps = data.draw(extension_steps(limit))
    d = base
    for days, reason in steps:
        extended = extended_due(d, days, good_reason=reason)
        assert extended.due > d.due
        assert EW.working_days_between(d.due, extended.due) == days
        d = extended
    total = sum(days for days, _ in steps)
    reason = steps[-1][1] if total > limit else None
    assert extended_due(base, total, good_reason=reason).due == d.due
    assert d.original_due == base.due
    assert d.extended_by == total


@given(deadline_arguments(), extension_days)
def test_to_dict_is_json(args: dict[str, Any], days: int) -> None:
    """Serialisation: to_dict() is JSON, with the due date in ISO form."""
    kwargs = dict(args)
    response = response_due(kwargs.pop("stage"), **kwargs)
    extended = extended_due(response, days, good_reason=REASON)
    for d in (response, extended, extension_notice_due(extended)):
        data = d.to_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["due"] == d.due.isoformat()
        assert dt.date.fromisoformat(str(data["due"])) == d.due
        assert data["provision"] == d.provision.number
        assert data["stage"] == int(d.stage)


def test_an_extension_counts_on_the_calendar_the_deadline_was_counted_on() -> None:
    """6.4: on Scotland's calendar 2 January 2024 is a holiday, so one more day is 3 January."""
    d = response_due(1, received=D(2023, 12, 12), acknowledged=D(2023, 12, 13), calendar=scotland())
    assert d.due == D(2023, 12, 29)
    assert d.calendar is scotland()
    assert extended_due(d, 1).due == D(2024, 1, 3)
    assert extended_due(d, 1, calendar=england_and_wales()).due == D(2024, 1, 2)
    assert extension_notice_due(d).calendar is scotland()
    # The calendar is how the deadline was counted, not part of its value.
    assert d == attrs.evolve(d, calendar=england_and_wales())


def test_2022_acknowledgement_read_as_calendar_days() -> None:
    """4.1 (2022): "within five days of receipt". Received Friday 1 March 2024: Friday 8 March
    counting working days (the default), Wednesday 6 March counting calendar days."""
    strict = CODE_2022.reading_days_as("calendar")
    working = acknowledgement_due(1, received=D(2024, 3, 1))
    calendar = acknowledgement_due(1, received=D(2024, 3, 1), edition=strict)
    assert working is not None
    assert calendar is not None
    assert (working.due, working.working_days, working.note) == (D(2024, 3, 8), 5, "")
    assert (calendar.due, calendar.working_days, calendar.note) == (
        D(2024, 3, 6),
        3,
        "5 days counted as calendar days",
    )
    # Calendar days land on a weekend too: received Monday 4 March, due Saturday 9 March.
    weekend = acknowledgement_due(1, received=D(2024, 3, 4), edition=strict)
    assert weekend is not None
    assert weekend.due == D(2024, 3, 9)


def test_2022_extension_limit_read_as_calendar_days() -> None:
    """5.1 (2022): "a further 10 days". The limit is measured from the deadline extended to the
    new one: 8 working days from Wednesday 24 January 2024 run 12 calendar days, past it."""
    strict = CODE_2022.reading_days_as("calendar")
    base = D(2024, 1, 24)
    assert extension_over_limit(CODE_2022, Stage.ONE, 8, None, base=base) is None
    over = extension_over_limit(strict, Stage.ONE, 8, None, base=base)
    assert over is not None
    assert (str(over), over.severity) == (
        (
            "5.1: an extension of 8 working days at stage 1 runs 12 days past the deadline it "
            "extends, longer than the further 10 days allowed without a good reason, and none was "
            "recorded"
        ),
        "warning",
    )
    assert extension_over_limit(strict, Stage.ONE, 6, None, base=base) is None  # to 1 February
    assert extension_over_limit(strict, Stage.ONE, 8, "a good reason", base=base) is None
