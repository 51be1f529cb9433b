"""What a complaint's record says is due, and what in it breached the Code.

One place computes each stage's deadlines from the replayed record; ``due``,
``audit`` and the checked verbs (:mod:`complaintcode.complaint._recording`) all use it,
so a deadline is never computed two ways.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from complaintcode.complaint import _care, _remedy_tracking
from complaintcode.complaint._letter_fit import Extension, letter_findings
from complaintcode.complaint._views import StageRecord
from complaintcode.complaint.events import Acknowledged, Declined, EscalationRefused
from complaintcode.complaint.lifecycle import same_handler
from complaintcode.deadlines import (
    Deadline,
    acknowledgement_date,
    acknowledgement_due,
    extend_unchecked,
    extension_over_limit,
    response_date,
    response_due,
)
from complaintcode.findings import Finding
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.complaint import Complaint
    from complaintcode.complaint._replay import Replay
    from complaintcode.complaint.events import Extended
    from complaintcode.editions import Edition
    from complaintcode.provisions import Provision

_AWAITING_ACK = {Stage.ONE: "received", Stage.TWO: "escalation_requested"}
_AWAITING_RESPONSE = {Stage.ONE: "stage_1", Stage.TWO: "stage_2"}
_ENDED = {"withdraw": "withdrawn", "decline": "declined", "refuse_escalation": "refused"}


def stage_deadlines(
    complaint: Complaint, replayed: Replay, stage: Stage
) -> tuple[Deadline | None, Deadline]:
    """A stage's acknowledgement deadline and its current response deadline, as values."""
    edition, calendar = replayed.edition, complaint.calendar
    received, requested = replayed.received.on, replayed.escalation_requested
    ack = acknowledgement_due(
        stage, received=received, escalation_requested=requested, edition=edition, calendar=calendar
    )
    response = response_due(
        stage,
        received=received,
        acknowledged=replayed.acknowledged[stage],
        escalation_requested=requested,
        edition=edition,
        calendar=calendar,
    )
    extensions = replayed.extensions[stage]
    if extensions:
        total = sum(e.working_days for e in extensions)
        good = next((e.good_reason for e in reversed(extensions) if e.good_reason), None)
        response = extend_unchecked(response, total, good, calendar)
    return ack, response


def stage_dates(
    complaint: Complaint, replayed: Replay, stage: Stage
) -> tuple[dt.date | None, dt.date, dt.date]:
    """A stage's acknowledgement due date, unextended and current response due dates."""
    edition, calendar = replayed.edition, complaint.calendar
    received, requested = replayed.received.on, replayed.escalation_requested
    ack = acknowledgement_date(stage, received, requested, edition=edition, calendar=calendar)
    base = response_date(
        stage, received, replayed.acknowledged[stage], requested, edition=edition, calendar=calendar
    )
    extensions = replayed.extensions[stage]
    if not extensions:
        return ack, base, base
    total = sum(e.working_days for e in extensions)
    return ack, base, calendar.add_working_days(base, total)


def stage_record(complaint: Complaint, replayed: Replay, stage: Stage) -> StageRecord:
    """The facts of one stage, for reports."""
    ack, base, current = stage_dates(complaint, replayed, stage)
    extensions = replayed.extensions[stage]
    total = 0
    within = True
    for ext in extensions:
        total += ext.working_days
        within = (
            within and extension_over_limit(replayed.edition, stage, total, ext.good_reason) is None
        )
    terminal, ended = replayed.terminal, None
    if terminal is not None and terminal.verb in _ENDED and replayed.responded[stage] is None:
        in_stage = (_AWAITING_ACK[stage], _AWAITING_RESPONSE[stage])
        if replayed.ended_from in in_stage:
            ended = _ENDED[terminal.verb]
    started = replayed.received.on if stage is Stage.ONE else replayed.escalation_requested
    return StageRecord(
        stage=stage,
        started=started or replayed.received.on,
        acknowledged=replayed.acknowledged[stage],
        acknowledgement_due=ack,
        responded=replayed.responded[stage],
        response_due=base,
        extended_due=current if extensions else None,
        extended_by=total,
        extension_within_limit=within,
        handler=replayed.handlers[stage],
        ended=ended,
    )


def due(complaint: Complaint, replayed: Replay) -> tuple[Deadline, ...]:
    """The open deadlines of a replayed record, earliest first."""
    state = replayed.state
    out: list[Deadline] = []
    for stage in (Stage.ONE, Stage.TWO):
        if state == _AWAITING_ACK[stage]:
            out.extend(d for d in stage_deadlines(complaint, replayed, stage) if d is not None)
        elif state == _AWAITING_RESPONSE[stage]:
            out.append(stage_deadlines(complaint, replayed, stage)[1])
    edition, calendar = replayed.edition, complaint.calendar
    for key, action in replayed.actions.items():
        if action.completed_on is None:
            added = action.added
            out.append(
                Deadline(
                    action="complete action",
                    stage=added.stage,
                    due=action.due,
                    provision=edition.cite(f"outstanding_actions_stage_{int(added.stage)}"),
                    edition=edition,
                    counted_from=added.on,
                    counted_from_event="action added",
                    working_days=calendar.working_days_between(added.on, action.due),
                    note=f"{key}: {added.description}",
                    calendar=calendar,
                )
            )
    out.sort(key=lambda d: d.due)
    return tuple(out)


def _waiting_end(
    replayed: Replay, done: dt.date | None, states: tuple[str, ...], as_of: dt.date
) -> tuple[dt.date | None, str]:
    """When waiting for a step ended without it, and how to say so."""
    if done is not None:
        return None, ""
    if replayed.state in states:
        return as_of, f"(as of {as_of.isoformat()})"
    terminal = replayed.terminal
    if replayed.ended_from in states and terminal is not None and terminal.verb is not None:
        return (
            terminal.on,
            f"(the complaint was {_ENDED[terminal.verb]} on {terminal.on.isoformat()})",
        )
    return None, ""


def _timeliness(
    provision: Provision,
    stage: Stage,
    due: dt.date,
    *,
    done: dt.date | None,
    what: str,
    end: dt.date | None,
    why: str,
) -> Finding | None:
    if done is not None and done > due:
        return Finding(
            provision=provision,
            message=f"{what} at {stage} on {done.isoformat()}, after the deadline "
            f"of {due.isoformat()}",
            on=done,
            due=due,
        )
    if end is not None and end > due:
        return Finding(
            provision=provision,
            message=f"not {what} at {stage} by {due.isoformat()} {why}",
            on=end,
            due=due,
        )
    return None


def _extension_findings(
    complaint: Complaint, edition: Edition, stage: Stage, base: dt.date, extensions: list[Extended]
) -> list[Finding]:
    calendar = complaint.calendar
    extend_p = edition.cite(f"extend_stage_{int(stage)}")
    notice_p = edition.cite(f"extension_notice_stage_{int(stage)}")
    found: list[Finding] = []
    current, total = base, 0
    for ext in extensions:
        if ext.on > current:
            found.append(
                Finding(
                    provision=extend_p,
                    message=f"the extension notified on {ext.on.isoformat()} came after the "
                    f"deadline it extends ({current.isoformat()})",
                    on=ext.on,
                    due=current,
                )
            )
        if not ext.reason.strip():
            found.append(
                Finding(provision=extend_p, message="the extension gives no reason", on=ext.on)
            )
        if not ext.ombudsman_details_given:
            found.append(
                Finding(
                    provision=notice_p,
                    message="the extension notice does not give the Ombudsman's contact details",
                    on=ext.on,
                )
            )
        total += ext.working_days
        over = extension_over_limit(edition, stage, total, ext.good_reason)
        if over is not None:
            found.append(Finding(provision=over.provision, message=over.message, on=ext.on))
        new_due = calendar.add_working_days(base, total)
        if ext.letter is not None:
            fit = Extension(stage, current, new_due, ext.working_days)
            found.extend(letter_findings(ext.letter, complaint, stage, fit))
        current = new_due
    return found


def audit(complaint: Complaint, replayed: Replay, as_of: dt.date) -> tuple[Finding, ...]:
    """Every breach in a replayed record, as findings naming the complaint."""
    edition = replayed.edition
    found: list[Finding] = []
    late: list[tuple[Stage, dt.date]] = []
    for stage in (Stage.ONE, Stage.TWO):
        if replayed.acknowledged[stage] is not None or _AWAITING_ACK[stage] in (
            replayed.state,
            replayed.ended_from,
        ):
            _stage_findings(complaint, replayed, stage, as_of, found=found, late=late)
    final = replayed.responses[2]
    for stage_2_handler, on in (
        (replayed.handlers[2], replayed.acknowledged[2]),
        (final.handler if final is not None else None, replayed.responded[2]),
    ):
        if stage_2_handler is not None and same_handler(replayed.handlers[1], stage_2_handler):
            found.append(
                Finding(
                    provision=edition.cite("different_handler"),
                    message=f"the same person ({stage_2_handler}) handled both stages",
                    on=on,
                )
            )
            break
    if late:
        found.extend(_keep_informed(edition, replayed, late))
    if replayed.actions:
        found.extend(_action_findings(edition, replayed, as_of))
    for event in complaint.events:
        if type(event) is Acknowledged:
            found.extend(_definition_findings(edition, event))
    decided = replayed.terminal
    if isinstance(decided, (Declined, EscalationRefused)):
        found.extend(_decision_findings(decided))
    found += _care.findings(replayed.care, edition, as_of) + _remedy_tracking.findings(
        replayed.responses, replayed.remedies_done, edition, as_of
    )
    if not found:
        return ()
    found.sort(key=_order)
    reference = replayed.received.reference
    return tuple(_with_reference(f, reference) for f in found)


def _definition_findings(edition: Edition, acknowledged: Acknowledged) -> list[Finding]:
    """What a recorded acknowledgement's complaint definition lacks (5.6), as the verb refuses."""
    problems = acknowledged.definition.problems()
    if not problems:
        return []
    cited = edition.cite(f"definition_stage_{int(acknowledged.stage)}")
    return [
        Finding(
            provision=cited, message=f"at {acknowledged.stage}: {p.message}", on=acknowledged.on
        )
        for p in problems
    ]


def _stage_findings(  # the audit's running state, passed explicitly
    complaint: Complaint,
    replayed: Replay,
    stage: Stage,
    as_of: dt.date,
    *,
    found: list[Finding],
    late: list[tuple[Stage, dt.date]],
) -> None:
    """Add one stage's findings to ``found`` and its late response to ``late``."""
    edition = replayed.edition
    ack_state, response_state = _AWAITING_ACK[stage], _AWAITING_RESPONSE[stage]
    ack, base, response = stage_dates(complaint, replayed, stage)
    acked = replayed.acknowledged[stage]
    if ack is not None and (acked is None or acked > ack):
        end, why = _waiting_end(replayed, acked, (ack_state,), as_of)
        finding = _timeliness(
            edition.cite(f"acknowledge_stage_{int(stage)}"),
            stage,
            ack,
            done=acked,
            what="acknowledged",
            end=end,
            why=why,
        )
        if finding is not None:
            found.append(finding)
    responded = replayed.responded[stage]
    if responded is None or responded > response:
        end, why = _waiting_end(replayed, responded, (ack_state, response_state), as_of)
        finding = _timeliness(
            edition.cite(f"respond_stage_{int(stage)}"),
            stage,
            response,
            done=responded,
            what="responded to",
            end=end,
            why=why,
        )
        if finding is not None:
            found.append(finding)
            late.append((stage, response))
    if replayed.extensions[stage]:
        found.extend(
            _extension_findings(complaint, edition, stage, base, replayed.extensions[stage])
        )
    answer = replayed.responses[stage]
    if answer is not None and answer.letter is not None:
        found.extend(letter_findings(answer.letter, complaint, stage))


def _order(finding: Finding) -> tuple[dt.date, tuple[int, int]]:
    return finding.on or dt.date.min, finding.provision.sort_key


def _with_reference(finding: Finding, reference: str) -> Finding:
    return Finding(  # attrs.evolve is several times slower on this hot path
        provision=finding.provision,
        message=finding.message,
        item=finding.item,
        severity=finding.severity,
        reference=reference,
        on=finding.on,
        due=finding.due,
    )


def _keep_informed(
    edition: Edition, replayed: Replay, late: list[tuple[Stage, dt.date]]
) -> list[Finding]:
    return [
        Finding(
            provision=edition.cite("keep_informed"),
            message=f"the {stage} response was late and no intervals for "
            f"updates were agreed with the resident by {due.isoformat()}",
            on=due,
        )
        for stage, due in late
        if not any(u.on <= due for u in replayed.updates)
    ]


def _decision_findings(event: Declined | EscalationRefused) -> list[Finding]:
    """A recorded decision's breaches of the Code (2.1, 2.3, 2.5; 5.11), dated by its event."""
    return [
        Finding(provision=p.provision, message=p.message, on=event.on)
        for p in event.decision.problems()
    ]


def _action_findings(edition: Edition, replayed: Replay, as_of: dt.date) -> list[Finding]:
    found = []
    for key, action in replayed.actions.items():
        provision = edition.cite(f"outstanding_actions_stage_{int(action.added.stage)}")
        what = f"outstanding action {key!r} ({action.added.description})"
        if action.completed_on is None and as_of > action.due:
            found.append(
                Finding(
                    provision=provision,
                    message=f"{what} was due on {action.due.isoformat()} and is not complete "
                    f"(as of {as_of.isoformat()})",
                    on=as_of,
                    due=action.due,
                )
            )
        elif action.completed_on is not None and action.completed_on > action.due:
            found.append(
                Finding(
                    provision=provision,
                    message=f"{what} was completed on {action.completed_on.isoformat()}, after "
                    f"its due date of {action.due.isoformat()}",
                    severity="warning",
                    on=action.completed_on,
                    due=action.due,
                )
            )
    return found
