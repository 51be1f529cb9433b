"""The receipt keeps what was given: who complained and for whom, when the issue arose and
came to light, and the time of receipt.

5.12: the record holds the original complaint and the date it was received; 1.3: a complaint
may be made by a representative; 2.3: the time limit runs from the issue or from when the
resident became aware of it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from complaintcode import Complaint, InvalidRecord
from complaintcode.complaint.events import Received

D = dt.date


def test_the_receipt_keeps_every_field_given() -> None:
    """5.12, 1.3 and 2.3: every field given at receipt is recorded as given, and read back."""
    at = dt.datetime(2024, 5, 3, 9, 30, tzinfo=dt.UTC)
    c = Complaint.receive(
        "C-1",
        received=D(2024, 5, 3),
        channel="phone",
        complainant="Zoë Brontë",
        representative="J. Smith (advocate)",
        issue_occurred=D(2024, 4, 1),
        became_aware=D(2024, 4, 20),
        received_at=at,
        summary="The kitchen tap leaks.",
        categories=("Repairs",),
        tenure="low_cost_rental",
    )
    expected = Received(
        on=D(2024, 5, 3),
        reference="C-1",
        channel="phone",
        complainant="Zoë Brontë",
        representative="J. Smith (advocate)",
        issue_occurred=D(2024, 4, 1),
        became_aware=D(2024, 4, 20),
        received_at=at,
        summary="The kitchen tap leaks.",
        categories=("Repairs",),
        tenure="low_cost_rental",
    )
    assert c.receipt == expected
    assert Complaint.from_json(c.to_json()).receipt == expected


@pytest.mark.parametrize(
    ("received_at", "kind"),
    [
        (dt.datetime(2024, 5, 3, 9, 30), "datetime"),  # noqa: DTZ001  # naive on purpose
        (D(2024, 5, 3), "date"),
        ("2024-05-03T09:30:00+00:00", "str"),
    ],
    ids=["naive", "a date", "text"],
)
def test_the_time_of_receipt_is_an_aware_datetime(received_at: object, kind: str) -> None:
    """5.12: the record holds when the complaint was received; a time of receipt is an aware
    datetime (a naive one names no moment), and anything else is refused with the field's
    name."""
    with pytest.raises(InvalidRecord) as caught:
        Complaint.receive("C-1", received=D(2024, 5, 3), received_at=received_at)  # type: ignore[arg-type]
    assert str(caught.value) == f"received_at: expected an aware datetime, got {kind}"
    assert caught.value.path == "received_at"
