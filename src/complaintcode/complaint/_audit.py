"""What a complaint's record says is due, and what in it breached the Code.

One place computes each stage's deadlines from the replayed record; ``due``,
``audit`` and the checked verbs (:mod:`complaintcode.complaint._recording`) all use it,
so a deadline is never computed two ways. The audit judges the timescales here
(6.2 to 6.5, 6.11, 6.14 to 6.16, 5.9) and gathers the findings on how the
complaint was handled from :mod:`complaintcode.complaint._conduct`, and those on
its care and remedy records.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from complaintcode.complaint import _care, _conduct, _outcomes, _remedy_tracking
from complaintcode.complaint._letter_fit import Extension, letter_findings
from complaintcode.complaint._views import StageRecord
from complaintcode.complaint.events import Acknowledged, Declined, EscalationRefused
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
    ended = None
    if replayed.responded[stage] is None:
        in_stage = (_AWAITING_ACK[stage], _AWAITING_RESPONSE[stage])
        ended = next(
            (_ENDED_AS[v] for s, v, _ in replayed.moves if s in in_stage and v in _ENDED_AS), None
        )
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
        handler=replayed.handlers[stage] or _responder(replayed, stage),
        ended=ended,
        outcome=_outcomes.outcome_of(replayed.responses[stage]),
    )


def _responder(replayed: Replay, stage: Stage) -> str | None:
    """Who wrote a stage's response: the stage's handler where it was never acknowledged."""
    answer = replayed.responses[stage]
    return answer.handler if answer is not None else None


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


#: How a complaint left the states awaiting a step without taking it, for messages.
_LEFT = {
    **{verb: f"the complaint was {ended}" for verb, ended in _ENDED.items()},
    "respond": "it was answered without an acknowledgement",
    "request_escalation": "stage 2 was asked for",
    "close": "the complaint was closed",
}

#: How a stage ended without its response, for its record: every way of leaving
#: the stage but the response itself.
_ENDED_AS = {**_ENDED, "request_escalation": "escalated", "close": "closed"}

#: The moves after which the response a stage owed can never be sent.
_NEVER_SENT = frozenset({"request_escalation", "close"})


def _waiting_end(
    replayed: Replay, done: dt.date | None, states: tuple[str, ...], as_of: dt.date
) -> tuple[dt.date | None, str, str | None]:
    """When waiting for a step ended without it, how to say so, and the verb that ended it."""
    if done is not None:
        return None, "", None
    if replayed.state in states:
        return as_of, f"(as of {as_of.isoformat()})", None
    for state, verb, on in replayed.moves:
        if state in states and verb in _LEFT:
            return on, f"({_LEFT[verb]} on {on.isoformat()})", verb
    return None, "", None


def _timeliness(
    edition: Edition,
    key: str,
    stage: Stage,
    due: dt.date,
    *,
    done: dt.date | None,
    what: str,
    end: dt.date | None,
    why: str,
) -> Finding | None:
    provision, severity = edition.cite(key), edition.severity(key)
    if done is not None and done > due:
        return Finding(
            provision=provision,
            message=f"{what} at {stage} on {done.isoformat()}, after the deadline "
            f"of {due.isoformat()}",
            severity=severity,
            on=done,
            due=due,
        )
    if end is not None and end > due:
        return Finding(
            provision=provision,
            message=f"not {what} at {stage} by {due.isoformat()} {why}",
            severity=severity,
            on=end,
            due=due,
        )
    return None


def _extension_findings(
    complaint: Complaint, edition: Edition, stage: Stage, base: dt.date, extensions: list[Extended]
) -> list[Finding]:
    calendar = complaint.calendar
    extend_key = f"extend_stage_{int(stage)}"
    notice_key = f"extension_notice_stage_{int(stage)}"
    extend_p, extend_s = edition.cite(extend_key), edition.severity(extend_key)
    notice_p, notice_s = edition.cite(notice_key), edition.severity(notice_key)
    found: list[Finding] = []
    current, total = base, 0
    for ext in extensions:
        if ext.on > current:
            found.append(
                Finding(
                    provision=extend_p,
                    message=f"the extension notified on {ext.on.isoformat()} came after the "
                    f"deadline it extends ({current.isoformat()})",
                    severity=extend_s,
                    on=ext.on,
                    due=current,
                )
            )
        if not ext.reason.strip():
            found.append(
                Finding(
                    provision=extend_p,
                    message="the extension gives no reason",
                    severity=extend_s,
                    on=ext.on,
                )
            )
        if not ext.ombudsman_details_given:
            found.append(
                Finding(
                    provision=notice_p,
                    message="the extension notice does not give the Ombudsman's contact details",
                    severity=notice_s,
                    on=ext.on,
                )
            )
        total += ext.working_days
        over = extension_over_limit(
            edition, stage, total, ext.good_reason, base=base, calendar=calendar
        )
        if over is not None:
            found.append(
                Finding(
                    provision=over.provision,
                    message=over.message,
                    severity=over.severity,
                    on=ext.on,
                )
            )
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
    # Stage 1 is reached by every complaint received; stage 2 by every escalation request.
    _stage_findings(complaint, replayed, Stage.ONE, as_of, found=found, late=late)
    if replayed.escalation_requested is not None:
        _stage_findings(complaint, replayed, Stage.TWO, as_of, found=found, late=late)
        found.extend(_conduct.stage_2_findings(edition, replayed))
        found.extend(_conduct.remedy_waited_findings(edition, replayed))
    if late and edition.in_force("keep_informed"):
        found.extend(_keep_informed(edition, replayed, late))
    if replayed.actions:
        found.extend(_conduct.action_findings(edition, replayed, as_of))
    for event in complaint.events:
        if type(event) is Acknowledged:
            found.extend(_conduct.definition_findings(edition, event))
    if replayed.issues:
        found.extend(_conduct.issue_findings(edition, replayed))
    decided = replayed.terminal
    if isinstance(decided, (Declined, EscalationRefused)):
        found.extend(_conduct.decision_findings(decided))
    found += _care.findings(replayed.care, edition, as_of) + _remedy_tracking.findings(
        replayed.responses, replayed.remedies_done, edition, as_of
    )
    if not found:
        return ()
    found.sort(key=_order)
    reference = replayed.received.reference
    return tuple(_with_reference(f, reference) for f in found)


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
        end, why, _ = _waiting_end(replayed, acked, (ack_state,), as_of)
        finding = _timeliness(
            edition,
            f"acknowledge_stage_{int(stage)}",
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
        end, why, verb = _waiting_end(replayed, responded, (ack_state, response_state), as_of)
        key = f"respond_stage_{int(stage)}"
        finding = _timeliness(
            edition, key, stage, response, done=responded, what="responded to", end=end, why=why
        )
        if finding is not None:
            found.append(finding)
            late.append((stage, response))
        elif verb in _NEVER_SENT and end is not None:
            # Stage 2 was asked for, or the complaint closed, before the response was
            # due, and it was never sent: not late, but missing (6.3, 6.14).
            found.append(
                Finding(
                    provision=edition.cite(key),
                    message=f"no response was sent at {stage}: {_LEFT[verb]} on "
                    f"{end.isoformat()}, and it was due by {response.isoformat()}",
                    severity=edition.severity(key),
                    on=end,
                    due=response,
                )
            )
    if replayed.extensions[stage]:
        found.extend(
            _extension_findings(complaint, edition, stage, base, replayed.extensions[stage])
        )
    answer = replayed.responses[stage]
    if answer is not None and answer.letter is not None:
        found.extend(letter_findings(answer.letter, complaint, stage))
        found.extend(_outcomes.findings(edition, answer))


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
            severity=edition.severity("keep_informed"),
            on=due,
        )
        for stage, due in late
        if not any(u.on <= due for u in replayed.updates)
    ]
