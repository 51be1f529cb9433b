"""What a complaint's record shows of how it was handled, beyond the clock.

The audit's findings on the complaint definition (5.6, 5.7), the stage 2
handler and a stage 2 run early (6.13; 2022's 5.11), a remedy that waited for
stage 2 (5.13), further issues (6.8), a recorded decision (2.1 to 2.5; 5.11) and
outstanding actions (6.6, 6.17). The
timescales are judged in :mod:`complaintcode.complaint._audit`, which gathers
these findings with its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode.complaint._replay import FOLDING_STATES
from complaintcode.complaint.lifecycle import same_handler
from complaintcode.findings import Finding

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint._replay import Replay
    from complaintcode.complaint.events import Acknowledged, Declined, EscalationRefused
    from complaintcode.editions import Edition

__all__: list[str] = []


def definition_findings(edition: Edition, acknowledged: Acknowledged) -> list[Finding]:
    """What a recorded acknowledgement's complaint definition lacks (5.6, 5.7).

    5.6 as the verb refuses it; 5.7 (which aspects the landlord is and is not
    responsible for) as the letter check reports it, for an edition that has it.
    """
    definition, stage = acknowledged.definition, acknowledged.stage
    key = f"definition_stage_{int(stage)}"
    found = [
        Finding(
            provision=edition.cite(key),
            message=f"at {stage}: {p.message}",
            severity=edition.severity(key),
            on=acknowledged.on,
        )
        for p in definition.problems()
    ]
    aspects = definition.responsible_for + definition.not_responsible_for
    if edition.in_force("responsibility") and not any(a.strip() for a in aspects):
        found.append(
            Finding(
                provision=edition.cite("responsibility"),
                message=f"at {stage}: the acknowledgement does not say which aspects of the "
                "complaint we are, and are not, responsible for",
                severity=edition.severity("responsibility"),
                on=acknowledged.on,
            )
        )
    return found


def stage_2_findings(edition: Edition, replayed: Replay) -> list[Finding]:
    """Who handled stage 2 (6.13), and a stage 2 run before stage 1 was complete (2022's 5.11).

    Everyone who considered stage 1 counts: who acknowledged it and who wrote
    its response; at stage 2, who acknowledged it and who wrote the final response.
    """
    found: list[Finding] = []
    first, final = replayed.responses[1], replayed.responses[2]
    stage_1 = (replayed.handlers[1], first.handler if first is not None else None)
    for stage_2_handler, on in (
        (replayed.handlers[2], replayed.acknowledged[2]),
        (final.handler if final is not None else None, replayed.responded[2]),
    ):
        if stage_2_handler is not None and any(same_handler(h, stage_2_handler) for h in stage_1):
            found.append(
                Finding(
                    provision=edition.cite("different_handler"),
                    message=f"the same person ({stage_2_handler}) handled both stages",
                    severity=edition.severity("different_handler"),
                    on=on,
                )
            )
            break
    started = replayed.acknowledged[2] or replayed.responded[2]
    if (
        started is not None
        and replayed.responded[1] is None
        and edition.in_force("escalate_after_stage_1")
    ):
        found.append(
            Finding(
                provision=edition.cite("escalate_after_stage_1"),
                message=f"stage 2 was under way on {started.isoformat()} although stage 1 "
                "was never completed with a response",
                severity=edition.severity("escalate_after_stage_1"),
                on=started,
            )
        )
    return found


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def issue_findings(edition: Edition, replayed: Replay) -> list[Finding]:
    """How further issues were handled (6.8; 2022's 5.7, a "should").

    A related issue raised before the stage 1 response is folded into it,
    unless that would unreasonably delay the response (the reason recorded); an
    unrelated one is a new complaint; and the stage 1 response letter, where
    recorded, decides a point for each issue folded into it. A decision covers
    an issue when, ignoring case and spacing, the point it decides contains the
    issue's description or is contained in it.
    """
    if not edition.in_force("additional_issues"):
        return []
    cited, severity = edition.cite("additional_issues"), edition.severity("additional_issues")
    answer = replayed.responses[1]
    letter = answer.letter if answer is not None else None
    points = [_norm(d.point) for d in getattr(letter, "decisions", ())]
    found: list[Finding] = []
    for issue, state in zip(replayed.issues, replayed.issue_states, strict=True):
        what = f"the issue {issue.description!r} raised on {issue.on.isoformat()}"
        message = None
        if issue.folded and not issue.related:
            message = (
                f"{what} is not related to the complaint but was folded into the stage 1 "
                "response; it should have been logged as a new complaint"
            )
        elif (
            issue.related
            and not issue.folded
            and issue.delay_reason is None
            and state in FOLDING_STATES
        ):
            message = (
                f"{what} is related and came before the stage 1 response, but was not folded "
                "into it, and no reason (an unreasonable delay) was recorded"
            )
        elif issue.folded and answer is not None and letter is not None:
            wanted = _norm(issue.description)
            if not any(wanted in point or point in wanted for point in points):
                message = (
                    f"{what} was folded into the stage 1 response of "
                    f"{answer.on.isoformat()}, which decides no point for it"
                )
        if message is not None:
            found.append(Finding(provision=cited, message=message, severity=severity, on=issue.on))
    return found


def decision_findings(event: Declined | EscalationRefused) -> list[Finding]:
    """A recorded decision's breaches of the Code (2.1, 2.3, 2.5; 5.11), dated by its event."""
    return [
        Finding(provision=p.provision, message=p.message, on=event.on)
        for p in event.decision.problems()
    ]


def action_findings(edition: Edition, replayed: Replay, as_of: dt.date) -> list[Finding]:
    """Outstanding actions measured against the first date promised (6.6, 6.17).

    Moving an action's date does not hide lateness: an action not complete by
    the first date promised is reported against that date (a breach while it is
    outstanding; a warning once it was completed late), and each update that
    moved the date past the first one is reported as a warning.
    """
    found = []
    for key, action in replayed.actions.items():
        rule = f"outstanding_actions_stage_{int(action.added.stage)}"
        provision, severity = edition.cite(rule), edition.severity(rule)
        what = f"outstanding action {key!r} ({action.added.description})"
        first = action.added.due
        promised = f"due on {first.isoformat()}"
        if action.due != first:
            promised = f"first due on {first.isoformat()} (moved to {action.due.isoformat()})"
        if action.completed_on is None and as_of > first:
            found.append(
                Finding(
                    provision=provision,
                    message=f"{what} was {promised} and is not complete "
                    f"(as of {as_of.isoformat()})",
                    severity=severity,
                    on=as_of,
                    due=first,
                )
            )
        elif action.completed_on is not None and action.completed_on > first:
            found.append(
                Finding(
                    provision=provision,
                    message=f"{what} was completed on {action.completed_on.isoformat()}, after "
                    f"its {'first ' if action.due != first else ''}due date of "
                    f"{first.isoformat()}",
                    severity="warning",
                    on=action.completed_on,
                    due=first,
                )
            )
        due = first
        for update in action.updates:
            moved_to = update.new_due
            if moved_to is None:
                continue
            if moved_to > due and moved_to > first:
                found.append(
                    Finding(
                        provision=provision,
                        message=f"{what}: on {update.on.isoformat()} its date was moved from "
                        f"{due.isoformat()} to {moved_to.isoformat()}, past the first date "
                        f"promised ({first.isoformat()})",
                        severity="warning",
                        on=update.on,
                        due=first,
                    )
                )
            due = moved_to
    return found


def remedy_waited_findings(edition: Edition, replayed: Replay) -> list[Finding]:
    """A remedy that waited for escalation (5.13), read from the two recorded response letters.

    5.13 asks that a complaint can be put right at any stage, without the need
    for escalation. Where the stage 1 letter upheld the complaint, in whole or in
    part, and offered no remedy, and the final response then offered one, the
    resident had to escalate to be put right: a finding dated by the final
    response. Only recorded letters can show it.
    """
    if not edition.in_force("remedy_any_stage"):
        return []
    first, final = replayed.responses[1], replayed.responses[2]
    if first is None or final is None:
        return []
    one, two = first.letter, final.letter
    decisions = getattr(one, "decisions", ())
    if not any(d.upholds for d in decisions) or getattr(one, "remedies", ()) != ():
        return []
    if not getattr(two, "remedies", ()):
        return []
    return [
        Finding(
            provision=edition.cite("remedy_any_stage"),
            message=f"the stage 1 response of {first.on.isoformat()} upheld the complaint but "
            f"offered no remedy; the remedy came only with the final response of "
            f"{final.on.isoformat()}, after escalation",
            severity=edition.severity("remedy_any_stage"),
            on=final.on,
        )
    ]
