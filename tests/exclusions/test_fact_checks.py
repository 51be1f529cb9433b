"""The checks on the facts an exclusion rests on: each names the field and says what it expected.

2.2 (previously considered: a previous complaint's status is one of three) and the record's
types (a previous complaint is a PreviousComplaint).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode import InvalidRecord, Stage
from complaintcode.exclusions import ExclusionFacts, PreviousComplaint

D = dt.date


@pytest.mark.parametrize("status", ["done", "", None, 1])
def test_a_previous_complaints_status_is_one_of_three(status: Any) -> None:
    """2.2: a previous complaint is completed, open or withdrawn; anything else is refused with
    the value shown."""
    with pytest.raises(InvalidRecord) as caught:
        PreviousComplaint(reference="C-7", completed_stage=Stage.ONE, status=status)
    assert caught.value.path == "status"
    assert str(caught.value) == (
        f"status: expected one of completed, open, withdrawn, got {status!r}"
    )


@pytest.mark.parametrize(("value", "name"), [("C-7", "str"), (7, "int"), ({}, "dict")])
def test_a_previous_complaint_is_a_previous_complaint(value: Any, name: str) -> None:
    """2.2: the complaint previously considered is given as a PreviousComplaint, or not at all."""
    with pytest.raises(InvalidRecord) as caught:
        ExclusionFacts(
            received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), previously_considered=value
        )
    assert str(caught.value) == f"previously_considered: expected PreviousComplaint, got {name}"
    facts = ExclusionFacts(
        received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6), previously_considered=None
    )
    assert facts.previously_considered is None


def test_a_stored_date_outside_the_records_range() -> None:
    """2.3: a stored date of receipt outside the dates a record may hold is refused with its
    path."""
    stored = ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2025, 1, 6)).to_dict()
    with pytest.raises(InvalidRecord) as caught:
        ExclusionFacts.from_dict(stored | {"received": "1850-01-01"})
    assert caught.value.path == "facts.received"
    assert str(caught.value) == (
        "facts.received: 1850-01-01 is outside the dates a record may hold: the supported range "
        "is 1900-01-01 to 2199-12-31"
    )
