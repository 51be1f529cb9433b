"""Deadlines of a column under an edition given for all: each complaint's is its single one.

6.2, 6.3, 6.11 and 6.14 (2024), 4.1, 5.1 and 5.13 (2022): an edition is data, so a column is
also counted under a reading of an edition (2022 with its bare days read as calendar days) or a
scheme whose timescales differ (no stage 2 or no stage 1 acknowledgement timescale, responses
counted from the acknowledgement, a stage 1 response counted from an escalation request).
Whatever the edition and the kind of column, each complaint's due date is the one the
single-complaint function gives it.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pytest

from complaintcode.deadlines import (
    acknowledgement_due,
    acknowledgement_due_many,
    response_due,
    response_due_many,
)
from complaintcode.editions import CODE_2022, CODE_2024, Edition, StageTimescales
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Sequence

D = dt.date
#: A scheme with no timescale to acknowledge stage 2, whose stage 2 response is counted from
#: the acknowledgement (or, before one, from the escalation request).
SCHEME = attrs.evolve(
    CODE_2024,
    stage_two=StageTimescales(
        stage=Stage.TWO,
        acknowledge=None,
        respond=20,
        respond_from="acknowledged",
        extension_limit=20,
    ),
)
#: A scheme with no timescale to acknowledge stage 1: its response is counted from receipt until
#: the stage is acknowledged.
NO_STAGE_1_ACKNOWLEDGEMENT = attrs.evolve(
    CODE_2024,
    stage_one=StageTimescales(
        stage=Stage.ONE,
        acknowledge=None,
        respond=10,
        respond_from="acknowledged",
        extension_limit=10,
    ),
)
#: A scheme whose stage 1 response is counted from an escalation request where one is given.
STAGE_1_FROM_REQUEST = attrs.evolve(
    CODE_2024, stage_one=attrs.evolve(CODE_2024.stage_one, respond_from="escalation_requested")
)
EDITIONS = {
    "2024": CODE_2024,
    "2022 in calendar days": CODE_2022.reading_days_as("calendar"),
    "no stage 2 acknowledgement": SCHEME,
    "no stage 1 acknowledgement": NO_STAGE_1_ACKNOWLEDGEMENT,
    "stage 1 counted from the request": STAGE_1_FROM_REQUEST,
}


def _sample(seed: int) -> tuple[list[dt.date], list[dt.date], list[dt.date | None]]:
    rng = random.Random(seed)  # noqa: S311  # a seeded sample, not a secret
    lo = D(2023, 1, 2).toordinal()
    received = [D.fromordinal(lo + rng.randint(0, 900)) for _ in range(60)]
    requested = [r + dt.timedelta(days=rng.randint(0, 40)) for r in received]
    acknowledged = [
        None if rng.random() < 0.4 else q + dt.timedelta(days=rng.randint(0, 9)) for q in requested
    ]
    return received, requested, acknowledged


def _days(values: Sequence[dt.date | None]) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


def _dates(answers: object) -> list[dt.date | None]:
    if isinstance(answers, np.ndarray):
        return list(answers.astype("datetime64[D]").tolist())
    assert isinstance(answers, list)
    return answers


@pytest.mark.parametrize("stage", [Stage.ONE, Stage.TWO])
@pytest.mark.parametrize("name", list(EDITIONS))
def test_each_response_of_a_column_is_its_single_one(name: str, stage: Stage) -> None:
    """6.3 and 6.14 (5.1 and 5.13): under any edition given for all, each response due date of a
    column, acknowledged or not, is the single complaint's."""
    edition: Edition = EDITIONS[name]
    received, requested, acknowledged = _sample(7 + int(stage))
    expected = [
        response_due(stage, received=r, escalation_requested=q, acknowledged=a, edition=edition).due
        for r, q, a in zip(received, requested, acknowledged, strict=True)
    ]
    for column in (
        (received, requested, acknowledged),
        (_days(received), _days(requested), _days(acknowledged)),
    ):
        got = response_due_many(
            stage,
            received=column[0],
            escalation_requested=column[1],
            acknowledged=column[2],
            edition=edition,
        )
        assert _dates(got) == expected, name


@pytest.mark.parametrize("stage", [Stage.ONE, Stage.TWO])
@pytest.mark.parametrize("name", list(EDITIONS))
def test_each_acknowledgement_of_a_column_is_its_single_one(name: str, stage: Stage) -> None:
    """6.2 and 6.11 (4.1): under any edition given for all, each acknowledgement due date of a
    column is the single complaint's, and none where the edition sets no timescale."""
    edition = EDITIONS[name]
    received, requested, _ = _sample(11 + int(stage))
    singles = [
        acknowledgement_due(stage, received=r, escalation_requested=q, edition=edition)
        for r, q in zip(received, requested, strict=True)
    ]
    expected = [None if d is None else d.due for d in singles]
    for column in ((received, requested), (_days(received), _days(requested))):
        got = acknowledgement_due_many(
            stage, received=column[0], escalation_requested=column[1], edition=edition
        )
        assert _dates(got) == expected, name


def test_an_unacknowledged_stage_2_under_the_scheme() -> None:
    """6.14 read under a scheme with no stage 2 acknowledgement timescale: before an
    acknowledgement the response is counted from the escalation request, not from receipt."""
    got = response_due_many(
        2,
        received=_days([D(2024, 5, 3), D(2024, 6, 3)]),
        escalation_requested=_days([D(2024, 6, 3), D(2024, 7, 1)]),
        acknowledged=_days([None, D(2024, 7, 3)]),
        edition=SCHEME,
    )
    assert _dates(got) == [D(2024, 7, 1), D(2024, 7, 31)]


def test_an_unacknowledged_stage_1_under_a_scheme_without_its_timescale() -> None:
    """6.3 read under a scheme with no stage 1 acknowledgement timescale: before an
    acknowledgement the response is counted from receipt, never from an escalation date given
    beside it; after one, from the acknowledgement."""
    received = [D(2024, 5, 3), D(2024, 5, 3)]
    requested = [D(2024, 5, 20), D(2024, 5, 20)]
    acknowledged = [None, D(2024, 5, 7)]
    expected = [D(2024, 5, 20), D(2024, 5, 21)]
    for column in (
        (received, requested, acknowledged),
        (_days(received), _days(requested), _days(acknowledged)),
    ):
        got = response_due_many(
            1,
            received=column[0],
            escalation_requested=column[1],
            acknowledged=column[2],
            edition=NO_STAGE_1_ACKNOWLEDGEMENT,
        )
        assert _dates(got) == expected
    singles = [
        response_due(
            1,
            received=r,
            escalation_requested=q,
            acknowledged=a,
            edition=NO_STAGE_1_ACKNOWLEDGEMENT,
        ).due
        for r, q, a in zip(received, requested, acknowledged, strict=True)
    ]
    assert singles == expected


def test_a_stage_1_counted_from_the_request_where_one_is_given() -> None:
    """6.3 read under a scheme counting the stage 1 response from an escalation request: counted
    from the request where the column gives one, and from the acknowledgement where it is
    missing."""
    received = [D(2024, 5, 3), D(2024, 5, 3)]
    requested = [D(2024, 5, 20), None]
    acknowledged = [None, D(2024, 5, 7)]
    expected = [D(2024, 6, 4), D(2024, 5, 21)]
    for column in (
        (received, requested, acknowledged),
        (_days(received), _days(requested), _days(acknowledged)),
    ):
        got = response_due_many(
            1,
            received=column[0],
            escalation_requested=column[1],
            acknowledged=column[2],
            edition=STAGE_1_FROM_REQUEST,
        )
        assert _dates(got) == expected
    singles = [
        response_due(
            1, received=r, escalation_requested=q, acknowledged=a, edition=STAGE_1_FROM_REQUEST
        ).due
        for r, q, a in zip(received, requested, acknowledged, strict=True)
    ]
    assert singles == expected


@pytest.mark.parametrize(
    ("stage", "arguments", "message"),
    [
        (
            2,
            {
                "received": [D(2024, 5, 3), D(2024, 5, 3)],
                "escalation_requested": [D(2024, 6, 3), D(2024, 5, 1)],
            },
            (
                "escalation_requested[1]: 2024-05-01 is before the day of receipt (2024-05-03): "
                "dates must not run backwards"
            ),
        ),
        (
            2,
            {
                "received": [D(2024, 5, 3)],
                "escalation_requested": [D(2024, 6, 3)],
                "acknowledged": [D(2024, 6, 1)],
            },
            (
                "acknowledged[0]: 2024-06-01 is before the escalation request (2024-06-03): dates "
                "must not run backwards"
            ),
        ),
        (
            1,
            {"received": [D(2024, 5, 3), D(2024, 5, 3)], "acknowledged": [None, D(2024, 5, 1)]},
            (
                "acknowledged[1]: 2024-05-01 is before the day of receipt (2024-05-03): dates must "
                "not run backwards"
            ),
        ),
    ],
)
def test_a_list_whose_dates_run_backwards_is_refused_at_the_first(
    stage: int, arguments: dict[str, Any], message: str
) -> None:
    """6.14 and 6.3: a column given as a list is refused at the first complaint whose dates run
    backwards (an escalation before receipt; a stage 2 acknowledgement before the escalation
    request; a stage 1 acknowledgement before receipt), naming its position."""
    with pytest.raises(InvalidRecord) as caught:
        response_due_many(stage, **arguments)
    assert str(caught.value) == message


def test_an_array_column_is_checked_as_each_complaint_would_be() -> None:
    """6.3: an array column is refused where a single complaint would be (a stage 1
    acknowledgement before receipt, named as such), and not where it would not be (an
    escalation date, which stage 1 does not count from, before receipt)."""
    with pytest.raises(InvalidRecord) as caught:
        response_due_many(1, received=_days([D(2024, 5, 3)]), acknowledged=_days([D(2024, 5, 1)]))
    assert str(caught.value) == (
        "acknowledged[0]: 2024-05-01 is before the day of receipt (2024-05-03): dates must not "
        "run backwards"
    )
    got = response_due_many(
        1, received=_days([D(2024, 5, 3)]), escalation_requested=_days([D(2024, 5, 1)])
    )
    assert _dates(got) == [
        response_due(1, received=D(2024, 5, 3), escalation_requested=D(2024, 5, 1)).due
    ]
    assert _dates(got) == [D(2024, 5, 28)]


def test_a_list_column_with_array_columns_beside_it() -> None:
    """6.3: a column of receipts given as a list may come with acknowledgements and escalation
    dates given as arrays; each complaint's deadline is still its single one, and a stage 1
    escalation date before receipt is not refused, as a single complaint's is not."""
    received = [D(2024, 5, 3), D(2024, 5, 10)]
    acknowledged = [D(2024, 5, 7), None]
    requested = [D(2024, 5, 1), D(2024, 5, 20)]
    got = response_due_many(
        1,
        received=received,
        acknowledged=_days(acknowledged),
        escalation_requested=_days(requested),
    )
    assert got == [
        response_due(1, received=r, acknowledged=a, escalation_requested=q).due
        for r, a, q in zip(received, acknowledged, requested, strict=True)
    ]
    assert got == [D(2024, 5, 21), D(2024, 6, 3)]


def test_stage_1_escalation_dates_may_be_missing() -> None:
    """6.3: for stage 1 an escalation date is not needed, so a column of them may miss some."""
    got = response_due_many(1, received=[D(2024, 5, 3)], escalation_requested=[None])
    assert got == [D(2024, 5, 28)]


def test_acknowledgements_missing_from_a_column_of_objects() -> None:
    """6.3: acknowledgements may be missing from an array of date objects as from a list; a
    value that is not a date is refused at its position, a missing one never."""
    got = response_due_many(
        1,
        received=[D(2024, 5, 3), D(2024, 5, 3)],
        acknowledged=np.array([None, D(2024, 5, 7)], dtype=object),
    )
    assert got == [D(2024, 5, 28), D(2024, 5, 21)]
    bad: list[tuple[list[Any], int]] = [([None, "2024-05-07"], 1), (["2024-05-07"], 0)]
    for acknowledged, at in bad:
        with pytest.raises(InvalidRecord) as caught:
            response_due_many(
                1, received=[D(2024, 5, 3)] * len(acknowledged), acknowledged=acknowledged
            )
        assert str(caught.value) == f"acknowledged[{at}]: expected a datetime.date, not str"


def test_an_empty_array_column_gives_an_empty_array_of_days() -> None:
    """6.2: no complaints, no deadlines: an empty array of days."""
    got = acknowledgement_due_many(1, received=_days([]))
    assert isinstance(got, np.ndarray)
    assert (got.dtype, got.tolist()) == (np.dtype("datetime64[D]"), [])
