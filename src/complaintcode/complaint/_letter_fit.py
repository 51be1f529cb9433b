"""Whether a letter recorded with an event is that event's letter (6.5, 6.9, 6.16, 6.19).

Used by the audit of stored history and by the verbs that record a letter, so
that both apply the same checks, on the complaint's own calendar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from complaintcode.findings import Finding
from complaintcode.letters import (
    ExtensionNotice,
    Letter,
    Stage1Response,
    Stage2Response,
    check_letter,
)
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint import Complaint

__all__: list[str] = []


class Extension(NamedTuple):
    """An extension as recorded: its stage, the due date it extends, the new one, its length."""

    stage: Stage
    extended: dt.date
    new_due: dt.date
    working_days: int


_RESPONSES: dict[Stage, type[Stage1Response | Stage2Response]] = {
    Stage.ONE: Stage1Response,
    Stage.TWO: Stage2Response,
}


def letter_findings(
    letter: Letter, complaint: Complaint, stage: Stage, extension: Extension | None = None
) -> list[Finding]:
    """A recorded letter's gaps, on the complaint's own calendar, and whether it fits its event.

    A response must be the response of its stage (6.9, 6.19); an extension
    notice must be for the extension's stage, and its dates and length must be
    the record's (6.5, 6.16).
    """
    edition = complaint.edition
    found = list(check_letter(letter, edition, calendar=complaint.calendar))
    kind = type(letter).json_tag.replace("_", " ")
    if extension is None:
        if not isinstance(letter, _RESPONSES[stage]):
            found.append(
                Finding(
                    provision=edition.cite(f"letter_stage_{int(stage)}"),
                    message=f"the letter recorded with the stage {int(stage)} response is a "
                    f"{kind}, not a stage {int(stage)} response",
                )
            )
        return found
    notice_p = edition.cite(f"extension_notice_stage_{int(stage)}")
    if not isinstance(letter, ExtensionNotice):
        message = f"the letter recorded with the extension is a {kind}, not an extension notice"
        return [*found, Finding(provision=notice_p, message=message)]
    checks = (
        (
            letter.stage is stage,
            (
                f"the extension notice is for stage {int(letter.stage)}, but the extension is at "
                f"stage {int(stage)}"
            ),
        ),
        (
            letter.original_due in (None, extension.extended),
            (
                f"the extension notice gives {_iso(letter.original_due)} as the deadline extended; "
                f"it is {extension.extended.isoformat()}"
            ),
        ),
        (
            letter.extension_days in (None, extension.working_days),
            (
                f"the extension notice gives {letter.extension_days} working days; the extension "
                f"recorded is {extension.working_days}"
            ),
        ),
        (
            letter.new_date == extension.new_due,
            (
                f"the extension notice gives the new date as {letter.new_date.isoformat()}; the "
                f"extension recorded makes it {extension.new_due.isoformat()}"
            ),
        ),
    )
    found.extend(Finding(provision=notice_p, message=m) for ok, m in checks if not ok)
    return found


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "no date"
