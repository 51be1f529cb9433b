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


def test_a_stored_remedy_with_fields_it_does_not_have() -> None:
    """7.1: a stored remedy with fields a remedy does not have is refused, naming one of them,
    whatever their keys are (text or not)."""
    stored = Remedy(kind="financial", what="Compensation", amount="150.00").to_dict()
    for extra, named in (({"zeta": 1, "alpha": 2}, "'alpha'"), ({1: 2, "x": 3}, "'x'")):
        with pytest.raises(InvalidRecord) as caught:
            Remedy.from_dict(stored | extra)
        assert str(caught.value) == f"remedy: unknown field {named}"


def test_a_stored_amount_has_two_decimal_places() -> None:
    """7.1: a financial remedy's stored amount is written with two decimal places; another form
    is refused with its path."""
    stored = Remedy(kind="financial", what="Compensation", amount="150.00").to_dict()
    with pytest.raises(InvalidRecord) as caught:
        Remedy.from_dict(stored | {"amount": "150.5"}, path="remedies[0]")
    assert caught.value.path == "remedies[0].amount"
    assert str(caught.value) == (
        "remedies[0].amount: a stored amount has two decimal places, such as '150.00', not '150.5'"
    )
