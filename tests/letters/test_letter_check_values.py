"""Letter checks asserted whole: each finding's provision, item, severity, dates and message, on
both sides of each boundary.

6.4, 6.5, 6.15, 6.16 (extension notices), 2.1, 2.4 and 5.11 (notices declining a complaint or
refusing escalation), 6.9 and 6.19 (responses), 5.6 and 5.7 (acknowledgements).
"""

from __future__ import annotations

import datetime as dt

from complaintcode import Finding, Stage, provision
from complaintcode.letters import DeclineNotice, EscalationRefusal, ExtensionNotice, check_letter

D = dt.date


def test_an_extension_notice_sent_on_the_original_due_date_is_in_time() -> None:
    """6.4: a notice may be sent on the due date it extends; the day after is too late, a
    breach dated on the day sent with the date it was due."""
    on_the_day = ExtensionNotice(
        stage=Stage.ONE,
        reason="A survey is needed",
        new_date=D(2024, 7, 8),
        original_due=D(2024, 7, 1),
        sent_on=D(2024, 7, 1),
    )
    assert check_letter(on_the_day) == ()
    late = ExtensionNotice(
        stage=Stage.ONE,
        reason="A survey is needed",
        new_date=D(2024, 7, 8),
        original_due=D(2024, 7, 1),
        sent_on=D(2024, 7, 2),
    )
    assert check_letter(late) == (
        Finding(
            provision=provision("6.4", 2024),
            message="the extension notice was sent on 2024-07-02, after the original due date "
            "2024-07-01",
            on=D(2024, 7, 2),
            due=D(2024, 7, 1),
        ),
    )


def test_notices_whose_grounds_are_all_blank_name_no_ground() -> None:
    """2.1 and 5.11: a notice whose grounds are all blank names no ground, however many blank
    entries it has."""
    assert check_letter(DeclineNotice(reasons="Legal proceedings.", grounds=("", " "))) == (
        Finding(
            provision=provision("2.1", 2024),
            message="the notice names no ground for not accepting the complaint",
        ),
    )
    assert check_letter(EscalationRefusal(reasons="Legal proceedings.", grounds=(" ", ""))) == (
        Finding(
            provision=provision("5.11", 2024),
            message="the refusal names no exclusion ground for refusing to escalate",
        ),
    )
