"""What the remedy functions refuse: each names the argument and says what it expected.

7.3: a remedy is followed to completion by a date, so the day asked about must be a date, and
the remedies asked about an iterable of remedies.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from complaintcode import InvalidRecord
from complaintcode.remedies import Remedy, overdue_remedies

D = dt.date
APOLOGY = Remedy(kind="apology", what="We apologise for the missed visits.")


def test_the_day_asked_about_is_a_date() -> None:
    """7.3: is_outstanding and overdue_remedies refuse a day that is not a date, naming as_of."""
    for call in (
        lambda: APOLOGY.is_outstanding("2024-07-02"),  # type: ignore[arg-type]
        lambda: overdue_remedies([APOLOGY], "2024-07-02"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidRecord) as caught:
            call()
        assert caught.value.path == "as_of"
        assert str(caught.value) == "as_of: expected a datetime.date, not str"


@pytest.mark.parametrize(
    ("remedies", "name"), [("apology", "str"), (5, "int"), (APOLOGY, "Remedy"), (b"x", "bytes")]
)
def test_the_remedies_are_an_iterable_of_remedies(remedies: Any, name: str) -> None:
    """7.3: overdue_remedies takes an iterable of remedies; a lone remedy, text or a number is
    refused."""
    with pytest.raises(InvalidRecord) as caught:
        overdue_remedies(remedies, D(2024, 7, 2))
    assert str(caught.value) == f"remedies: expected an iterable of remedies, got {name}"
