"""The checks behind :func:`complaintcode.letters.check_letter`, one function per letter.

Each returns findings in the order of the letter's items. Messages here are the
documented ones: docs/letters.md lists them and the tests assert them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from complaintcode.findings import Finding

if TYPE_CHECKING:
    from complaintcode.calendar import WorkingCalendar
    from complaintcode.definition import ComplaintDefinition
    from complaintcode.editions import Edition
    from complaintcode.letters import (
        Acknowledgement,
        DeclineNotice,
        EscalationRefusal,
        ExtensionNotice,
    )
    from complaintcode.letters._responses import _Response
    from complaintcode.provisions import Provision

#: The letter of each item of 6.9 and 6.19 (2024).
ITEM_LETTERS: Final = {
    "stage": "a",
    "definition": "b",
    "decision": "c",
    "reasons": "d",
    "remedy": "e",
    "outstanding": "f",
    "escalation": "g",
}

#: Items an edition's letter list leaves out: the 2022 stage 1 list (5.8) has
#: no complaint definition.
_NOT_LISTED: Final[dict[tuple[int, int], frozenset[str]]] = {(2022, 1): frozenset({"definition"})}

#: Words that offer a stage after the final response (5.3).
FURTHER_STAGE: Final = re.compile(
    r"\b(?:stage\s*(?:3|three|iii)\b|third\s+stage|further\s+stage|review\s+panel)",
    re.IGNORECASE,
)
_STAGE_2: Final = re.compile(r"\b(?:stage\s*(?:2|two)\b|escalat)", re.IGNORECASE)
_OMBUDSMAN: Final = re.compile(r"\bombudsman", re.IGNORECASE)


def item_listed(edition: Edition, stage: int, name: str) -> bool:
    """Whether the edition's letter list for the stage includes the item."""
    return name not in _NOT_LISTED.get((edition.year, stage), frozenset())


def item_finding(edition: Edition, stage: int, name: str, message: str) -> Finding:
    """A finding on an item of the stage's letter list (6.9 / 6.19, or 5.8 / 5.16)."""
    cited = edition.cite(f"letter_stage_{stage}")
    item = ITEM_LETTERS[name] if cited.edition == 2024 else None
    return Finding(provision=cited, item=item, message=message)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _definition_problems(
    definition: ComplaintDefinition, edition: Edition, stage: int, *, skip_understanding: bool
) -> list[Finding]:
    """The definition's own 5.6 findings, cited through the edition (4.2 or 5.10 in 2022)."""
    if skip_understanding:
        definition = attrs.evolve(definition, understanding="(stated)")
    cited = edition.cite(f"definition_stage_{stage}")
    return [attrs.evolve(f, provision=cited) for f in definition.problems()]


def response(letter: _Response, edition: Edition) -> tuple[Finding, ...]:
    """The findings on a stage 1 or stage 2 response (6.9 or 6.19, 6.7 or 6.18, 7.1, 7.3, 5.3)."""
    stage = int(letter.stage)
    found: list[Finding] = []
    definition = letter.definition
    listed = item_listed(edition, stage, "definition")
    blank = not definition.understanding.strip()
    if blank and listed:
        found.append(
            item_finding(
                edition,
                stage,
                "definition",
                "the letter does not set out the complaint definition "
                "(our understanding of the complaint)",
            )
        )
    found += _definition_problems(definition, edition, stage, skip_understanding=blank and listed)
    found += _decisions(letter, edition, stage)
    if letter.remedies == () and any(d.upholds for d in letter.decisions):
        found.append(
            item_finding(
                edition,
                stage,
                "remedy",
                "the letter upholds the complaint in whole or in part "
                "but offers no remedy to put things right",
            )
        )
    for remedy in letter.remedies:
        found += remedy.problems(edition)
    for action in letter.outstanding_actions:
        if not action.what.strip():
            found.append(
                item_finding(
                    edition,
                    stage,
                    "outstanding",
                    "an outstanding action does not say what will be done",
                )
            )
        elif action.due is None:
            found.append(
                item_finding(
                    edition,
                    stage,
                    "outstanding",
                    f"the outstanding action '{action.what}' has no date for completion",
                )
            )
    found += _escalation(letter, edition, stage)
    return tuple(found)


def _decisions(letter: _Response, edition: Edition, stage: int) -> list[Finding]:
    """Items c and d, and every point answered once (6.7, 6.18)."""
    if not letter.decisions:
        return [
            item_finding(
                edition, stage, "decision", "the letter gives no decision on the complaint"
            )
        ]
    answer = edition.cite(f"answer_points_stage_{stage}")
    points = {_norm(p): p for p in letter.definition.points if p.strip()}
    decided: dict[str, int] = {}
    extra: list[Finding] = []
    for d in letter.decisions:
        key = _norm(d.point)
        decided[key] = decided.get(key, 0) + 1
        if key not in points:
            extra.append(
                Finding(
                    provision=answer,
                    message=f"the letter decides a point that is not in the complaint "
                    f"definition: '{d.point}'",
                )
            )
        elif decided[key] == 2:
            extra.append(
                Finding(
                    provision=answer,
                    message=f"the letter gives more than one decision on the point '{d.point}'",
                )
            )
    found = [
        Finding(provision=answer, message=f"the letter gives no decision on the point '{p}'")
        for key, p in points.items()
        if key not in decided
    ]
    found += extra
    found += [
        item_finding(
            edition,
            stage,
            "reasons",
            f"the letter gives no reasons for the decision on the point '{d.point}'",
        )
        for d in letter.decisions
        if not d.reasons.strip()
    ]
    return found


def _escalation(letter: _Response, edition: Edition, stage: int) -> list[Finding]:
    """Item g, and no further stage after stage 2 (5.3)."""
    text = letter.escalation
    found: list[Finding] = []
    if stage == 1:
        if not text.strip():
            message = "the letter does not say how to escalate the complaint to stage 2"
            found.append(item_finding(edition, stage, "escalation", message))
        elif not _STAGE_2.search(text):
            message = "the letter's escalation details do not mention stage 2 or escalating"
            found.append(item_finding(edition, stage, "escalation", message))
        return found
    if not text.strip():
        message = "the letter does not say how to take the complaint to the Housing Ombudsman"
        found.append(item_finding(edition, stage, "escalation", message))
    elif not _OMBUDSMAN.search(text):
        message = "the letter's referral details do not mention the Ombudsman"
        found.append(item_finding(edition, stage, "escalation", message))
    if not edition.in_force("no_third_stage"):
        return found  # the 2022 edition allowed a third stage where justified (its 5.17)
    texts = [text]
    texts += [d.reasons for d in letter.decisions]
    texts += [r.what for r in letter.remedies]
    texts += [a.what for a in letter.outstanding_actions]
    for part in texts:
        match = FURTHER_STAGE.search(part)
        if match:
            found.append(
                Finding(
                    provision=edition.cite("no_third_stage"),
                    message="a stage 2 response is the final response and must not offer "
                    f"a further stage ('{match.group(0)}')",
                )
            )
            break
    return found


def acknowledgement(letter: Acknowledgement, edition: Edition) -> tuple[Finding, ...]:
    """The findings on an acknowledgement (5.6, 5.7)."""
    definition = letter.definition
    found = _definition_problems(definition, edition, int(letter.stage), skip_understanding=False)
    aspects = definition.responsible_for + definition.not_responsible_for
    if edition.in_force("responsibility") and not any(a.strip() for a in aspects):
        found.append(
            Finding(
                provision=edition.cite("responsibility"),
                message="the acknowledgement does not say which aspects of the complaint "
                "we are, and are not, responsible for",
            )
        )
    return tuple(found)


def extension(
    letter: ExtensionNotice, edition: Edition, calendar: WorkingCalendar
) -> tuple[Finding, ...]:
    """The findings on an extension notice (6.4, 6.5 or 6.15, 6.16).

    Under the 2022 edition these are "should" rules (5.1, 5.3, 5.13, 5.15): warnings.
    """
    stage = int(letter.stage)
    notice_key = f"extension_notice_stage_{stage}"
    severity = {
        edition.cite(notice_key): edition.severity(notice_key),
        edition.cite(f"extend_stage_{stage}"): edition.severity(f"extend_stage_{stage}"),
    }
    return tuple(
        attrs.evolve(f, severity=severity[f.provision])
        for f in _extension_findings(letter, edition, calendar, stage)
    )


def _extension_findings(
    letter: ExtensionNotice, edition: Edition, calendar: WorkingCalendar, stage: int
) -> list[Finding]:
    extend = edition.cite(f"extend_stage_{stage}")
    found: list[Finding] = []
    if not letter.reason.strip():
        found.append(
            Finding(
                provision=extend, message="the extension notice gives no reason for the extension"
            )
        )
    days = letter.extension_days
    if letter.original_due is not None:
        days = calendar.working_days_between(letter.original_due, letter.new_date)
        stated = letter.extension_days
        if stated is not None and stated != days:
            found.append(
                Finding(
                    provision=extend,
                    message=f"the notice states {stated} working days, but "
                    f"{letter.new_date.isoformat()} is {days} working days after the original "
                    f"due date {letter.original_due.isoformat()}",
                )
            )
    limit = edition.timescales(letter.stage).extension_limit
    if days is not None and days > limit and not letter.good_reason.strip():
        found.append(
            Finding(
                provision=extend,
                message=f"the extension is {days} working days, more than the {limit} allowed "
                "without a good reason, and no good reason is given",
            )
        )
    if (
        letter.sent_on is not None
        and letter.original_due is not None
        and letter.sent_on > letter.original_due
    ):
        found.append(
            Finding(
                provision=extend,
                message=f"the extension notice was sent on {letter.sent_on.isoformat()}, after "
                f"the original due date {letter.original_due.isoformat()}",
                on=letter.sent_on,
                due=letter.original_due,
            )
        )
    contact = letter.ombudsman_contact
    if not contact.strip() or not _OMBUDSMAN.search(contact):
        found.append(
            Finding(
                provision=edition.cite(f"extension_notice_stage_{stage}"),
                message="the extension notice does not give the Ombudsman's contact details"
                + (
                    f" ({contact.strip()!r} does not name the Ombudsman)" if contact.strip() else ""
                ),
            )
        )
    return found


def decline(letter: DeclineNotice, edition: Edition) -> tuple[Finding, ...]:
    """The findings on a notice not accepting a complaint (2.4, 2.1)."""
    return _refusal_notice(
        letter,
        notice=edition.cite("decline_notice"),
        grounds=edition.cite("accept"),
        what="notice",
        why="not accepting the complaint",
        no_ground="ground for not accepting the complaint",
    )


def refusal(letter: EscalationRefusal, edition: Edition) -> tuple[Finding, ...]:
    """The findings on a refusal to escalate (5.11)."""
    refuse = edition.cite("refuse_escalation")
    return _refusal_notice(
        letter,
        notice=refuse,
        grounds=refuse,
        what="refusal",
        why="not escalating the complaint",
        no_ground="exclusion ground for refusing to escalate",
    )


def _refusal_notice(
    letter: DeclineNotice | EscalationRefusal,
    *,
    notice: Provision,
    grounds: Provision,
    what: str,
    why: str,
    no_ground: str,
) -> tuple[Finding, ...]:
    """Reasons, the right to go to the Ombudsman, and a ground: what both notices must carry."""
    checks = (
        (letter.reasons, notice, f"the {what} gives no reasons for {why}"),
        (
            letter.ombudsman_right,
            notice,
            (
                f"the {what} does not tell the resident of their right to take the decision to "
                "the Ombudsman"
            ),
        ),
        ("".join(letter.grounds), grounds, f"the {what} names no {no_ground}"),
    )
    return tuple(
        Finding(provision=cited, message=message)
        for text, cited, message in checks
        if not text.strip()
    )
