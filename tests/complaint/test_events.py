"""The events of a complaint's history: what no record could hold is refused, new or loaded."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import pytest

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Extended, Received
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The boiler has failed twice.", points=("the boiler",), outcomes_sought=("fix",)
)


def stored() -> dict[str, Any]:
    """A complaint received Friday 3 May 2024, acknowledged, then extended by 5 working days."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    c = c.acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    c = c.extend(D(2024, 5, 20), 5, "A survey is needed.", ombudsman_details_given=True)
    data: dict[str, Any] = json.loads(c.to_json())
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["events"][0].update(reference="  "),
            "events[0].reference: a complaint needs a non-empty reference",
        ),
        (
            lambda d: d["events"][0].update(issue_occurred="2024-05-04"),
            "events[0].issue_occurred: 2024-05-04 is after the complaint was received (2024-05-03)",
        ),
        (
            lambda d: d["events"][0].update(became_aware="2024-06-01"),
            "events[0].became_aware: 2024-06-01 is after the complaint was received (2024-05-03)",
        ),
        (
            lambda d: d["events"][0].update(received_at="2024-05-02T23:00:00+00:00"),
            (
                "events[0].received_at: the time of receipt 2024-05-02T23:00:00+00:00 is not on "
                "2024-05-03"
            ),
        ),
        (
            lambda d: d["events"][2].update(working_days=0),
            (
                "events[2].working_days: an extension is a positive whole number of working days, "
                "not 0"
            ),
        ),
        (
            lambda d: d["events"][2].update(working_days=-5),
            (
                "events[2].working_days: an extension is a positive whole number of working days, "
                "not -5"
            ),
        ),
    ],
)
def test_a_stored_record_no_complaint_could_hold_is_refused_with_its_path(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    """What ``Complaint.receive`` and ``extend`` refuse is refused on loading too (6.4, 6.15)."""
    data = stored()
    change(data)
    with pytest.raises(InvalidRecord) as err:
        Complaint.from_dict(data)
    assert str(err.value) == message


def test_the_unchanged_record_loads() -> None:
    """The record the cases above change is itself valid, so each case tests one change."""
    assert Complaint.from_dict(stored()).status == "stage_1"


def test_events_refuse_the_same_when_built_directly() -> None:
    """The checks live on the events, so every way of building one applies them."""
    with pytest.raises(
        InvalidRecord, match=r"^reference: a complaint needs a non-empty reference$"
    ):
        Received(on=D(2024, 5, 3), reference="")
    with pytest.raises(InvalidRecord, match=r"^working_days: an extension is a positive"):
        Extended(
            on=D(2024, 5, 20),
            stage=Stage.ONE,
            working_days=0,
            reason="A survey.",
            ombudsman_details_given=True,
        )
