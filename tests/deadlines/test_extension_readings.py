"""An extension measured in calendar days, under a reading that makes its limit a "must".

5.1 (2022) allows "a further 10 days": under the reading of the 2022 edition that counts bare
days as calendar days, an extension is measured from the deadline it extends to the extended
one, on the deadline's own calendar. The 2022 edition states the limit as a "should", so a
scheme that makes it a "must" (the same edition with no best-practice rules) is used here to
see the measure in the refusal it causes.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from complaintcode import CODE_2022, ProvisionViolation, provision
from complaintcode.calendar import WorkingCalendar, england_and_wales, scotland
from complaintcode.deadlines import extended_due, response_due

D = dt.date
#: The 2022 edition, bare days read as calendar days, every rule a "must".
STRICT = attrs.evolve(CODE_2022.reading_days_as("calendar"), best_practice=frozenset())


@pytest.mark.parametrize(
    ("calendar", "span"), [(england_and_wales(), 12), (scotland(), 13)], ids=["E&W", "Scotland"]
)
def test_an_extension_is_measured_in_calendar_days_on_the_deadlines_calendar(
    calendar: WorkingCalendar, span: int
) -> None:
    """5.1 (2022), calendar days: 5 working days from Friday 22 December 2023 run 12 calendar
    days in England and Wales and 13 in Scotland (2 January is a Scottish bank holiday): more
    than the further 10 days; 3 working days (7 calendar days) are within them."""
    d = response_due(
        1, received=D(2023, 12, 6), acknowledged=D(2023, 12, 8), edition=STRICT, calendar=calendar
    )
    assert d.due == D(2023, 12, 22)
    assert extended_due(d, 3).due == D(2023, 12, 29)
    message = (
        f"5.1: an extension of 5 working days at stage 1 runs {span} days past the deadline it "
        "extends, longer than the further 10 days allowed without a good reason, and none was "
        "recorded"
    )
    with pytest.raises(ProvisionViolation) as caught:
        extended_due(d, 5)
    assert caught.value.provision == provision("5.1", 2022)
    assert str(caught.value) == message
    with pytest.raises(ProvisionViolation) as caught:
        extended_due(extended_due(d, 2), 3)
    assert str(caught.value) == message


def test_an_extension_of_exactly_the_further_10_days() -> None:
    """5.1 (2022), calendar days: 8 working days from Monday 20 November 2023 run exactly 10
    calendar days, within the further 10 days; 9 run 11, beyond them."""
    d = response_due(1, received=D(2023, 11, 6), acknowledged=D(2023, 11, 6), edition=STRICT)
    assert d.due == D(2023, 11, 20)
    assert extended_due(d, 8).due == D(2023, 11, 30)
    with pytest.raises(ProvisionViolation) as caught:
        extended_due(d, 9)
    assert str(caught.value) == (
        "5.1: an extension of 9 working days at stage 1 runs 11 days past the deadline it "
        "extends, longer than the further 10 days allowed without a good reason, and none was "
        "recorded"
    )
