"""Deadlines for columns of complaints: ``acknowledgement_due_many`` and ``response_due_many``.

For every complaint of a column, the due date is the one the single-complaint
function gives (6.2, 6.3, 6.11, 6.14; 4.1, 5.1 and 5.13 in the 2022 edition), each
complaint under the edition of its own day of receipt, whatever the kind of
column: a list of dates, a numpy ``datetime64`` array, a pandas Series.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import numpy as np
import pandas as pd
import pytest

from complaintcode.calendar import WorkingCalendar, england_and_wales, scotland
from complaintcode.deadlines import (
    acknowledgement_due,
    acknowledgement_due_many,
    response_due,
    response_due_many,
)
from complaintcode.editions import CODE_2022, CODE_2024, Edition
from complaintcode.errors import InvalidRecord, ProvisionViolation

D = dt.date
SAMPLE = 5_000
RANGE = "the supported range is 1900-01-01 to 2200-12-31"


def _columns(seed: int) -> tuple[list[dt.date], list[dt.date], list[dt.date | None]]:
    """Receipts from 2021 to 2027 (both editions), escalations after them, acknowledgements
    after the stage's first day or missing."""
    rng = random.Random(seed)  # noqa: S311  # a seeded sample, not a secret
    lo, hi = D(2021, 1, 1).toordinal(), D(2027, 12, 31).toordinal()
    received = [D.fromordinal(rng.randint(lo, hi)) for _ in range(SAMPLE)]
    requested = [r + dt.timedelta(days=rng.randint(0, 90)) for r in received]
    acknowledged = [
        None if rng.random() < 0.3 else q + dt.timedelta(days=rng.randint(0, 12)) for q in requested
    ]
    return received, requested, acknowledged


def _kinds(days: list[Any]) -> list[Any]:
    """The same column as a list, a ``datetime64[D]`` array and a Series of ``datetime64[s]``."""
    array = np.array(days, dtype="datetime64[D]")
    return [days, array, pd.Series(array.astype("datetime64[s]"))]


def _as_dates(answers: Any) -> list[dt.date | None]:
    if isinstance(answers, pd.Series):
        return [None if pd.isna(t) else t.date() for t in answers]
    if isinstance(answers, np.ndarray):
        return list(answers.astype("datetime64[D]").tolist())
    return list(answers)


SETTINGS = [
    (None, None),
    (CODE_2022.reading_days_as("calendar"), None),
    (CODE_2024, scotland()),
    (None, WorkingCalendar(closures=[D(y, 12, d) for y in range(2020, 2030) for d in (24, 27)])),
]


@pytest.mark.parametrize(("edition", "calendar"), SETTINGS)
@pytest.mark.parametrize("stage", [1, 2])
def test_each_acknowledgement_is_the_single_complaints(
    stage: int, edition: Edition | None, calendar: WorkingCalendar | None
) -> None:
    """6.2 (stage 1, from receipt) and 6.11 (stage 2, from the escalation request); 4.1 under
    2022, read as working or calendar days, and no stage 2 timescale under 2022: each due
    date is ``acknowledgement_due(...).due`` for the complaint alone."""
    received, requested, _ = _columns(seed=stage)
    expected = []
    for r, q in zip(received, requested, strict=True):
        d = acknowledgement_due(
            stage, received=r, escalation_requested=q, edition=edition, calendar=calendar
        )
        expected.append(None if d is None else d.due)
    for got, asked in zip(_kinds(received), _kinds(requested), strict=True):
        answers = acknowledgement_due_many(
            stage, received=got, escalation_requested=asked, edition=edition, calendar=calendar
        )
        assert _as_dates(answers) == expected
    if stage == 2 and edition is None:
        assert None in expected  # the 2022 edition sets no stage 2 acknowledgement timescale


@pytest.mark.parametrize(("edition", "calendar"), SETTINGS)
@pytest.mark.parametrize("stage", [1, 2])
def test_each_response_is_the_single_complaints(
    stage: int, edition: Edition | None, calendar: WorkingCalendar | None
) -> None:
    """6.3 and 6.14 (from the acknowledgement, projected from its due date where it is
    missing); 5.1 and 5.13 under 2022 (stage 2 from the escalation request): each due date
    is ``response_due(...).due`` for the complaint alone."""
    received, requested, acknowledged = _columns(seed=10 + stage)
    expected = [
        response_due(
            stage,
            received=r,
            acknowledged=a,
            escalation_requested=q,
            edition=edition,
            calendar=calendar,
        ).due
        for r, q, a in zip(received, requested, acknowledged, strict=True)
    ]
    columns = zip(_kinds(received), _kinds(requested), _kinds(acknowledged), strict=True)
    for got, asked, acked in columns:
        answers = response_due_many(
            stage,
            received=got,
            acknowledged=acked,
            escalation_requested=asked,
            edition=edition,
            calendar=calendar,
        )
        assert _as_dates(answers) == expected


def test_responses_projected_when_no_acknowledgement_is_given() -> None:
    """6.3: with no acknowledgement column, every response is projected from the
    acknowledgement's due date, as ``response_due`` projects it."""
    received, _, _ = _columns(seed=3)
    expected = [response_due(1, received=r).due for r in received]
    for column in _kinds(received):
        assert _as_dates(response_due_many(1, received=column)) == expected


def test_the_kinds_of_answer() -> None:
    """6.2 and 6.3: the answers come in the kind of ``received``: a list, an array of its
    ``dtype``, a Series on its index; ``None`` or ``NaT`` where the 2022 edition sets no
    stage 2 acknowledgement timescale."""
    received = [D(2024, 5, 3), D(2024, 3, 28)]
    assert acknowledgement_due_many(1, received=received) == [D(2024, 5, 13), D(2024, 4, 8)]
    array = np.array(received, dtype="datetime64[ns]")
    answers = acknowledgement_due_many(2, received=array, escalation_requested=array)
    assert answers.dtype == np.dtype("datetime64[ns]")
    assert str(answers[0])[:10] == "2024-05-13"
    assert np.isnat(answers[1])
    series = pd.Series(received, index=[7, 9])
    due = response_due_many(1, received=series, acknowledged=[D(2024, 5, 7), None])
    assert due.to_dict() == {7: D(2024, 5, 21), 9: D(2024, 4, 22)}
    listed = acknowledgement_due_many(2, received=received, escalation_requested=received)
    assert listed == [D(2024, 5, 13), None]
    assert acknowledgement_due_many(1, received=[]) == []


def test_the_edition_of_each_complaint_changes_on_1_april_2024() -> None:
    """6.2 and 4.1: the day before 1 April 2024 is under 2022, the day itself under 2024,
    in a numpy column as for one complaint (the 2022 reading in calendar days shows it)."""
    days = [D(2024, 3, 31), D(2024, 4, 1)]
    strict = CODE_2022.reading_days_as("calendar")
    one = [acknowledgement_due(1, received=d) for d in days]
    assert [d.edition if d else None for d in one] == [CODE_2022, CODE_2024]
    # Both editions count five working days by default: the boundary shows in 2022's reading.
    answers = acknowledgement_due_many(1, received=np.array(days, "datetime64[D]"), edition=strict)
    assert answers.tolist() == [D(2024, 4, 5), D(2024, 4, 6)]
    assert acknowledgement_due_many(1, received=np.array(days, "datetime64[D]")).tolist() == [
        d.due if d else None for d in one
    ]


BAD: list[tuple[str, dict[str, Any], str]] = [
    (
        "ack",
        {"stage": 2, "received": [D(2024, 5, 3)]},
        "escalation_requested: the stage 2 acknowledgement is counted from the escalation request",
    ),
    (
        "respond",
        {"stage": 2, "received": [D(2024, 5, 3)]},
        (
            "escalation_requested: a stage 2 response is counted from the escalation request or "
            "its acknowledgement"
        ),
    ),
    (
        "ack",
        {"stage": 2, "received": [D(2024, 5, 3)], "escalation_requested": [D(2024, 5, 2)]},
        (
            "escalation_requested[0]: 2024-05-02 is before the day of receipt (2024-05-03): "
            "dates must not run backwards"
        ),
    ),
    (
        "ack",
        {
            "stage": 2,
            "received": np.array(["2024-05-03", "2024-05-03"], "datetime64[D]"),
            "escalation_requested": np.array(["2024-05-03", "2024-05-02"], "datetime64[D]"),
        },
        (
            "escalation_requested[1]: 2024-05-02 is before the day of receipt (2024-05-03): "
            "dates must not run backwards"
        ),
    ),
    (
        "respond",
        {"stage": 1, "received": [D(2024, 5, 3)], "acknowledged": [D(2024, 5, 1)]},
        (
            "acknowledged[0]: 2024-05-01 is before the day of receipt (2024-05-03): "
            "dates must not run backwards"
        ),
    ),
    (
        "respond",
        {
            "stage": 2,
            "received": np.array(["2024-05-03"], "datetime64[D]"),
            "escalation_requested": np.array(["2024-06-03"], "datetime64[D]"),
            "acknowledged": np.array(["2024-06-01"], "datetime64[D]"),
        },
        (
            "acknowledged[0]: 2024-06-01 is before the escalation request (2024-06-03): "
            "dates must not run backwards"
        ),
    ),
    (
        "respond",
        {"stage": 1, "received": [D(2024, 5, 3)], "acknowledged": [None, None]},
        "acknowledged: expected a day for each of the 1 received, not 2",
    ),
    (
        "ack",
        {"stage": 1, "received": [D(2024, 5, 3), None]},
        "received[1]: expected a datetime.date, not NoneType",
    ),
    (
        "ack",
        {"stage": 2, "received": [D(2024, 5, 3)], "escalation_requested": [None]},
        "escalation_requested[0]: expected a datetime.date, not NoneType",
    ),
    (
        "ack",
        {"stage": 1, "received": [D(2024, 5, 3)], "edition": 2024},
        "edition: expected an Edition, got int",
    ),
    (
        "respond",
        {"stage": 1, "received": [D(2024, 5, 3)], "calendar": "england-and-wales"},
        "calendar: expected a WorkingCalendar, got str",
    ),
]


@pytest.mark.parametrize(("which", "arguments", "message"), BAD)
def test_bad_columns_are_refused_as_one_complaint_would_be(
    which: str, arguments: dict[str, Any], message: str
) -> None:
    """6.11 and 6.14 count stage 2 from the escalation request, which is needed and must not
    come before receipt; an acknowledgement must not come before the stage's first day: a
    column is refused as its first bad complaint would be, naming its position."""
    function = acknowledgement_due_many if which == "ack" else response_due_many
    arguments = dict(arguments)  # the table's own dict stays whole for the next run
    stage = arguments.pop("stage")
    with pytest.raises(InvalidRecord) as caught:
        function(stage, **arguments)
    assert str(caught.value) == message


def test_there_is_no_third_stage_for_a_column_either() -> None:
    """5.3: a column of deadlines at a third stage is refused as one deadline is."""
    with pytest.raises(ProvisionViolation) as caught:
        response_due_many(3, received=[D(2024, 5, 3)])
    assert (
        str(caught.value) == "5.3: a complaints process may not have more than two stages (got 3)"
    )


def test_the_default_calendar_is_england_and_wales() -> None:
    """6.2: without a calendar, the column is counted on England and Wales's working days."""
    days = [D(2023, 5, 5)]  # the Coronation bank holiday, 8 May 2023, falls in the count
    assert acknowledgement_due_many(1, received=days) == [
        england_and_wales().add_working_days(D(2023, 5, 5), 5)
    ]
    assert acknowledgement_due_many(1, received=days) == [D(2023, 5, 15)]
