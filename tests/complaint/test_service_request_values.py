"""Service requests written out and turned into complaints, asserted whole.

1.4 and 1.5 (2024), 1.4 (2022): a service request becomes a complaint, received on the day the
resident's dissatisfaction was first expressed, on the calendar and under the reading of the
edition asked for; the record is written as JSON with its text as given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode import CODE_2022, CODE_2024, InvalidRecord
from complaintcode.calendar import scotland
from complaintcode.complaint import ServiceRequest
from complaintcode.complaint._request_events import request_event_from_dict

D = dt.date
KINDS = "converted_to_complaint, dissatisfaction_answered, dissatisfaction_expressed, raised"


def converted(raised: dt.date, expressed: dt.date) -> ServiceRequest:
    return (
        ServiceRequest.record(
            "SR-1", raised=raised, description="Boiler repair", resident="Zoë Brontë"
        )
        .express_dissatisfaction(expressed, "The boiler is still cold.")
        .convert(expressed, "C-9")
    )


def test_the_complaint_keeps_the_calendar_asked_for() -> None:
    """1.5 and 6.2: converted on 20 December 2024 on the Scottish calendar, the complaint is
    acknowledged by 31 December and answered by 16 January 2025 (2 January is a Scottish bank
    holiday)."""
    c = converted(D(2024, 12, 2), D(2024, 12, 20)).to_complaint(calendar=scotland())
    assert c.calendar is scotland()
    assert (c.received, c.edition) == (D(2024, 12, 20), CODE_2024)
    assert [str(d) for d in c.due(D(2024, 12, 20))] == [
        "6.2: acknowledge at stage 1 by 2024-12-31",
        "6.3: respond at stage 1 by 2025-01-16",
    ]


def test_the_complaint_keeps_the_reading_asked_for() -> None:
    """1.4 and 4.1 (2022): converted on 4 March 2024 under the reading of the 2022 edition that
    counts its bare days as calendar days, the complaint is logged by 9 March."""
    strict = CODE_2022.reading_days_as("calendar")
    c = converted(D(2024, 3, 1), D(2024, 3, 4)).to_complaint(edition=strict)
    assert c.edition == strict
    assert [str(d) for d in c.due(D(2024, 3, 4))] == [
        "4.1: acknowledge at stage 1 by 2024-03-09",
        "5.1: respond at stage 1 by 2024-03-22",
    ]


def test_json_keeps_the_text_as_given_and_indents_when_asked() -> None:
    """1.4: a service request is written as JSON with its text as given (not escaped to ASCII),
    on one line or indented when asked, and read back the same."""
    sr = converted(D(2024, 12, 2), D(2024, 12, 20))
    flat = sr.to_json()
    assert "\n" not in flat
    assert '"resident": "Zoë Brontë"' in flat
    indented = sr.to_json(indent=2)
    assert indented.startswith('{\n  "format": "complaintcode/service_request@1",\n  "events": [\n')
    assert ServiceRequest.from_json(indented) == ServiceRequest.from_json(flat) == sr


def test_json_nested_too_deeply_is_refused() -> None:
    """1.4: text nested too deeply to be a service request is refused, saying what was read."""
    with pytest.raises(InvalidRecord) as caught:
        ServiceRequest.from_json("[" * 100_000)
    assert str(caught.value) == "not JSON that a service request could be: nested too deeply"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (5, "event: expected an object, got int"),
        ({"kind": ["raised"]}, f"event.kind: unknown event kind ['raised'] (known: {KINDS})"),
        ({"kind": "nope"}, f"event.kind: unknown event kind 'nope' (known: {KINDS})"),
    ],
)
def test_a_stored_event_that_is_not_one(data: Any, message: str) -> None:
    """1.4: a stored event of a service request that is not an object of a known kind is
    refused with its path."""
    with pytest.raises(InvalidRecord) as caught:
        request_event_from_dict(data)
    assert str(caught.value) == message
