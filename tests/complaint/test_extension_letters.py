"""Extensions recorded by the verb: the notice sent with one, and the limit measured under a
reading of the edition.

6.4 and 6.5: a notice that matches the extension recorded is accepted, one for another stage
is refused; 5.1 (2022): under the reading that counts bare days as calendar days, an extension
is measured in calendar days from the deadline it extends, on the complaint's calendar (a
scheme that makes the limit a "must" shows the measure in the refusal).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from complaintcode import (
    CODE_2022,
    Complaint,
    ComplaintDefinition,
    IncompleteLetter,
    ProvisionViolation,
    provision,
)
from complaintcode.calendar import WorkingCalendar, england_and_wales, scotland
from complaintcode.letters import ExtensionNotice

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the leaking tap",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)
STRICT = attrs.evolve(CODE_2022.reading_days_as("calendar"), best_practice=frozenset())


def at_stage_1() -> Complaint:
    """Acknowledged on Tuesday 7 May 2024: the response is due on 21 May."""
    return Complaint.receive("C-1", received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )


def _notice(stage: int) -> ExtensionNotice:
    # 5 working days after 21 May 2024 is 29 May (27 May is a bank holiday).
    return ExtensionNotice(
        stage=stage,
        reason="A survey is needed",
        new_date=D(2024, 5, 29),
        original_due=D(2024, 5, 21),
        extension_days=5,
        sent_on=D(2024, 5, 20),
    )


def test_a_notice_that_matches_the_extension_is_accepted() -> None:
    """6.4 and 6.5: a notice for the stage extended, with the deadline, length and new date the
    extension records, is accepted and leaves nothing to report."""
    c = at_stage_1().extend(
        D(2024, 5, 20), 5, "A survey is needed", ombudsman_details_given=True, letter=_notice(1)
    )
    assert [str(d) for d in c.due(D(2024, 5, 20))] == ["6.3: respond at stage 1 by 2024-05-29"]
    assert c.audit(D(2024, 5, 20)) == ()


def test_a_notice_for_the_other_stage_is_refused() -> None:
    """6.5: a notice for stage 2 sent with a stage 1 extension is refused."""
    with pytest.raises(IncompleteLetter) as caught:
        at_stage_1().extend(
            D(2024, 5, 20), 5, "A survey is needed", ombudsman_details_given=True, letter=_notice(2)
        )
    assert str(caught.value) == (
        "the letter is incomplete: 6.5: the extension notice is for stage 2, but the extension "
        "is at stage 1"
    )


@pytest.mark.parametrize(
    ("calendar", "span"), [(england_and_wales(), 12), (scotland(), 13)], ids=["E&W", "Scotland"]
)
def test_an_extension_is_measured_on_the_complaints_calendar(
    calendar: WorkingCalendar, span: int
) -> None:
    """5.1 (2022), calendar days: 5 working days from Friday 22 December 2023 run 12 calendar
    days in England and Wales and 13 in Scotland, more than the further 10 days; 3 working
    days are within them."""
    c = Complaint.receive("C-22", received=D(2023, 12, 6), edition=STRICT, calendar=calendar)
    c = c.acknowledge(D(2023, 12, 8), "A. Khan", DEFINITION)
    assert [str(d) for d in c.due(D(2023, 12, 8))] == ["5.1: respond at stage 1 by 2023-12-22"]
    assert c.extend(D(2023, 12, 20), 3, "Survey", ombudsman_details_given=True).status == "stage_1"
    with pytest.raises(ProvisionViolation) as caught:
        c.extend(D(2023, 12, 20), 5, "Survey", ombudsman_details_given=True)
    assert caught.value.provision == provision("5.1", 2022)
    assert str(caught.value) == (
        f"5.1: an extension of 5 working days at stage 1 runs {span} days past the deadline it "
        "extends, longer than the further 10 days allowed without a good reason, and none was "
        "recorded"
    )


@pytest.mark.parametrize(
    ("calendar", "span"), [(england_and_wales(), 12), (scotland(), 13)], ids=["E&W", "Scotland"]
)
def test_an_extension_recorded_as_given_is_measured_on_the_complaints_calendar(
    calendar: WorkingCalendar, span: int
) -> None:
    """5.1 (2022), calendar days: the same extension, recorded as it was given, is reported by
    the audit with the days it ran on the complaint's own calendar."""
    c = Complaint.receive("C-22", received=D(2023, 12, 6), edition=STRICT, calendar=calendar)
    c = c.acknowledge(D(2023, 12, 8), "A. Khan", DEFINITION)
    c = c.extend(D(2023, 12, 20), 5, "Survey", ombudsman_details_given=True, record_breach=True)
    assert [(f.code, f.severity, f.on, f.message) for f in c.audit(D(2023, 12, 21))] == [
        (
            "5.1",
            "breach",
            D(2023, 12, 20),
            (
                f"an extension of 5 working days at stage 1 runs {span} days past the deadline it "
                "extends, longer than the further 10 days allowed without a good reason, and none "
                "was recorded"
            ),
        )
    ]
