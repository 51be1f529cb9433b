"""How the complaint part's messages read: names as written, articles that fit.

A stage 2 handler who handled stage 1 is refused citing 6.13 (5.12 in the 2022
edition) with the names as the user wrote them, and a history that cannot be
replayed (5.12: the record holds what happened, and only what could happen) is
refused in plain English.
"""

from __future__ import annotations

import datetime as dt

import pytest

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Acknowledged, Received, Responded
from complaintcode.complaint.lifecycle import ensure_different_handler
from complaintcode.definition import ComplaintDefinition
from complaintcode.editions import CODE_2022
from complaintcode.errors import InvalidRecord, ProvisionViolation

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The repair was late.",
    points=("the repair",),
    outcomes_sought=("a date",),
    responsible_for=("repairs",),
)


def test_the_same_handler_is_named_as_written() -> None:
    """6.13: the refusal names the stage 2 handler as written, not lower-cased."""
    with pytest.raises(ProvisionViolation) as info:
        ensure_different_handler("A. Khan", "A. Khan")
    assert str(info.value) == (
        "6.13: the stage 2 handler must differ from the stage 1 handler ('A. Khan' handled stage 1)"
    )


def test_a_differently_spelled_match_names_both_spellings() -> None:
    """6.13: names match ignoring case and spacing; the message shows both as written."""
    with pytest.raises(ProvisionViolation) as info:
        ensure_different_handler(("Jo Bell", "MARY O'NEIL"), "  Mary O'Neil ")
    assert str(info.value) == (
        "6.13: the stage 2 handler must differ from the stage 1 handler "
        '("Mary O\'Neil" handled stage 1, recorded as "MARY O\'NEIL")'
    )


def test_the_2022_edition_cites_its_own_number_with_the_names_as_written() -> None:
    """5.12 (2022): the same message under the 2022 edition's number."""
    with pytest.raises(ProvisionViolation) as info:
        ensure_different_handler("Sam Lee", "sam lee", edition=CODE_2022)
    assert str(info.value) == (
        "5.12: the stage 2 handler must differ from the stage 1 handler "
        "('sam lee' handled stage 1, recorded as 'Sam Lee')"
    )


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            Acknowledged(on=D(2024, 5, 7), stage=2, handler="A. Khan", definition=DEFINITION),
            "an acknowledged event for stage 2 cannot follow a complaint that is received",
        ),
        (
            Responded(on=D(2024, 5, 7), stage=2, handler="A. Khan"),
            "a responded event for stage 2 cannot follow a complaint that is received",
        ),
    ],
)
def test_an_event_for_the_wrong_stage_reads_with_its_article(
    event: Acknowledged | Responded, expected: str
) -> None:
    """5.12: a history no complaint could have is refused, the event's kind with "a" or "an"."""
    received = Received(on=D(2024, 5, 3), reference="C-1")
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_events((received, event))
    assert info.value.message == expected
