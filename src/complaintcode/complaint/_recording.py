"""The checks made when a verb records a new step: extensions, responses, decisions.

A step that breaches the Code is refused here, with the provision it breaches;
the same step found in stored history is reported by :func:`complaintcode.complaint._audit.audit`
instead, so that no fact is lost.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from complaintcode.complaint._audit import stage_dates
from complaintcode.complaint._letter_fit import Extension, letter_findings
from complaintcode.complaint.lifecycle import ensure_different_handler
from complaintcode.deadlines import extension_over_limit
from complaintcode.errors import IncompleteLetter, InvalidRecord, ProvisionViolation
from complaintcode.exclusions import ExclusionDecision
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.complaint import Complaint
    from complaintcode.complaint.events import Extended, Responded
    from complaintcode.editions import Edition
    from complaintcode.findings import Finding

__all__: list[str] = []


def record_extension(
    complaint: Complaint, event: Extended, *, record_breach: bool = False
) -> Complaint:
    """Record an extension, refusing one that breaches 6.4/6.5 or 6.15/6.16.

    Only a "must" of the complaint's edition is refused: under the 2022 edition
    the extension rules are "should" provisions, recorded and reported by the
    audit as warnings. With ``record_breach`` nothing of the Code is refused.
    """
    replayed = complaint._replay  # noqa: SLF001  # the record's own replay, read-only here
    if record_breach or replayed.state not in ("stage_1", "stage_2") or event.on < replayed.last:
        return complaint._with(event)  # noqa: SLF001  # raises the state's or the date's error
    edition = replayed.edition
    _, base, current = stage_dates(complaint, replayed, event.stage)
    stage = int(event.stage)
    extend_key, notice_key = f"extend_stage_{stage}", f"extension_notice_stage_{stage}"
    extend_p = edition.cite(extend_key)
    extend_refused = edition.severity(extend_key) == "breach"
    if extend_refused and not event.reason.strip():
        raise ProvisionViolation(extend_p, "the reason for an extension must be explained")
    if edition.severity(notice_key) == "breach" and not event.ombudsman_details_given:
        raise ProvisionViolation(
            edition.cite(notice_key),
            "an extension notice must give the Ombudsman's contact details",
        )
    if extend_refused and event.on > current:
        raise ProvisionViolation(
            extend_p,
            f"an extension must be notified by the deadline it extends "
            f"({current.isoformat()}), not on {event.on.isoformat()}",
        )
    total = sum(e.working_days for e in replayed.extensions[stage]) + event.working_days
    over = extension_over_limit(
        edition, event.stage, total, event.good_reason, base=base, calendar=complaint.calendar
    )
    if over is not None and extend_refused:
        raise ProvisionViolation(over.provision, over.message)
    if event.letter is not None:
        new_due = complaint.calendar.add_working_days(base, total)
        fit = Extension(event.stage, current, new_due, event.working_days)
        _refuse_incomplete(letter_findings(event.letter, complaint, event.stage, fit))
    return complaint._with(event)  # noqa: SLF001  # appending is the record's own business


def stage_1_handlers(complaint: Complaint) -> tuple[str | None, str | None]:
    """Everyone recorded as handling stage 1: who acknowledged it, and who responded (6.13)."""
    replayed = complaint._replay  # noqa: SLF001  # the record's own replay, read-only here
    answer = replayed.responses[1]
    return replayed.handlers[1], answer.handler if answer is not None else None


def check_stage_2_handler(complaint: Complaint, handler: str | None) -> None:
    """Refuse a stage 2 handler who acknowledged or answered stage 1 (6.13).

    Only under an edition that makes it a "must": a "should" is recorded, and the
    audit warns of it.
    """
    if complaint.edition.severity("different_handler") == "breach":
        ensure_different_handler(stage_1_handlers(complaint), handler, edition=complaint.edition)


def record_letter(
    complaint: Complaint, event: Responded, *, record_breach: bool = False
) -> Complaint:
    """Record a response, refusing a letter that lacks what the Code requires.

    The final response, like the stage 2 acknowledgement, may not come from
    anyone who handled stage 1 (6.13). With ``record_breach`` nothing of the
    Code is refused.
    """
    status = complaint.status
    if record_breach or status not in _AWAITING_RESPONSE:
        return complaint._with(event)  # noqa: SLF001  # raises the state's error, if any
    if event.stage is Stage.TWO:
        check_stage_2_handler(complaint, event.handler)
    if event.letter is not None:
        _refuse_incomplete(letter_findings(event.letter, complaint, event.stage))
    return complaint._with(event)  # noqa: SLF001  # appending is the record's own business


#: The states in which a response can be recorded: each stage, acknowledged or not.
_AWAITING_RESPONSE = frozenset({"received", "stage_1", "escalation_requested", "stage_2"})


def _refuse_incomplete(findings: list[Finding]) -> None:
    breaches = [f for f in findings if f.severity == "breach"]
    if breaches:
        raise IncompleteLetter(breaches)


def check_decision(
    decision: ExclusionDecision,
    *,
    refusing_escalation: bool,
    edition: Edition,
    on: object,
    record_breach: bool = False,
) -> None:
    """Refuse anything but a person's decision of the right kind that meets the Code (2.1-2.5, 5.11).

    The decision must be made under the complaint's edition, and on or before
    the day it is recorded. With ``record_breach`` a decision that breaches the
    Code is recorded as it was taken; the other checks still hold.
    """
    if not isinstance(decision, ExclusionDecision):
        raise InvalidRecord(
            f"expected an ExclusionDecision, got {type(decision).__name__}", path="decision"
        )
    if decision.refusing_escalation is not refusing_escalation:
        kind = "refusing escalation" if refusing_escalation else "not accepting a complaint"
        raise InvalidRecord(f"the decision is not one {kind}", path="decision")
    breaches = () if record_breach else decision.problems()  # one read unchecked may
    if breaches:
        raise ProvisionViolation(breaches[0].provision, breaches[0].message)
    if decision.edition.year != edition.year:
        raise InvalidRecord(
            f"the decision was made under the {decision.edition.year} edition, but the "
            f"complaint falls under the {edition.year} edition",
            path="decision.edition",
        )
    if type(on) is dt.date and decision.decided_on > on:
        raise InvalidRecord(
            f"the decision is dated {decision.decided_on.isoformat()}, after the day it is "
            f"recorded on ({on.isoformat()})",
            path="decision.decided_on",
        )
