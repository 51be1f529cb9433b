"""The library's answers to the lifecycle and audit vectors (behind ``complaintcode conformance``).

A lifecycle vector's events are recorded one by one through the complaint's
verbs, with the checks a new step meets (6.13, 6.4, 6.5, 6.15, 6.16, 5.6); an
audit vector's complaint is read whole, breaches and all (5.12), and audited as
of a day, each finding given the stage it is about.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from complaintcode.cli._vector_input import (
    Json,
    edition_asked,
    iso,
    read_date,
    read_object,
    refusal,
)
from complaintcode.complaint import Complaint
from complaintcode.complaint.events import (
    Acknowledged,
    Closed,
    Declined,
    EscalationRefused,
    EscalationRequested,
    Extended,
    ReferredToOmbudsman,
    Responded,
    UpdatesAgreed,
    Withdrawn,
    event_from_dict,
)
from complaintcode.complaint.lifecycle import STATE_STAGE, TRANSITIONS
from complaintcode.editions import CITATION_KEYS
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.complaint.events import Event
    from complaintcode.editions import Edition
    from complaintcode.findings import Finding


def _record(complaint: Complaint, event: Event) -> Complaint:  # noqa: PLR0911  # one verb per kind
    """Record an event through the verb that makes it, with the checks a new step meets."""
    on = event.on
    if isinstance(event, Acknowledged):
        return complaint.acknowledge(on, event.handler, event.definition)
    if isinstance(event, Extended):
        return complaint.extend(
            on,
            event.working_days,
            event.reason,
            ombudsman_details_given=event.ombudsman_details_given,
            good_reason=event.good_reason,
            letter=event.letter,  # type: ignore[arg-type]  # as the event holds it
        )
    if isinstance(event, Responded):
        letter = event.letter  # any kind of letter, as the event holds it
        return complaint.respond(on, handler=event.handler, letter=letter)  # type: ignore[arg-type]
    if isinstance(event, EscalationRequested):
        return complaint.request_escalation(on, reason=event.reason)
    if isinstance(event, (Declined, EscalationRefused)):
        verb = complaint.decline if isinstance(event, Declined) else complaint.refuse_escalation
        return verb(on, event.decision)
    if isinstance(event, Withdrawn):
        return complaint.withdraw(on, reason=event.reason)
    if isinstance(event, Closed):
        return complaint.close(on)
    if isinstance(event, ReferredToOmbudsman):
        return complaint.refer_to_ombudsman(on)
    if isinstance(event, UpdatesAgreed):
        return complaint.agree_updates(on, event.every_working_days, note=event.note or "")
    raise InvalidRecord(f"a lifecycle step cannot be a {event.kind!r} event", path="kind")


def _check_stage(complaint: Complaint, event: Event) -> None:
    """Refuse a step for a stage other than the one the complaint is at, or moves to."""
    stage = getattr(event, "stage", None)
    verb = event.verb
    target = TRANSITIONS.get((complaint.status, verb or ""))
    if stage is None or verb is None or target is None:
        return
    expected = STATE_STAGE[target] if verb in ("acknowledge", "respond") else complaint.stage
    if stage != expected:
        raise InvalidRecord(
            f"a {event.kind} event for stage {int(stage)} cannot follow a complaint that is "
            f"{complaint.status.replace('_', ' ')}",
            path="stage",
        )


def lifecycle(data: Json) -> Json:
    events = data.get("events")
    if not isinstance(events, list) or not events:
        raise InvalidRecord("expected a list of events, the receipt first", path="events")
    complaint: Complaint | None = None
    for at, raw in enumerate(events):
        try:
            step = read_object(raw, f"events[{at}]")
            if "stage" in step:
                Stage.parse(step["stage"])  # a stage the Code forbids is refused (5.2, 5.3)
            event = event_from_dict(step, path=f"events[{at}]")
            if complaint is None:
                complaint = Complaint.from_events([event])
                continue
            _check_stage(complaint, event)
            complaint = _record(complaint, event)
        except ComplaintCodeError as err:
            return {"refused": {"at": at, **refusal(err)}}
    assert complaint is not None  # noqa: S101  # the list has at least the receipt
    stage = complaint.stage
    return {"status": complaint.status, "stage": None if stage is None else int(stage)}


# --- audit ----------------------------------------------------------------------

#: The stage of the rules whose key does not end with it; ``0`` where the finding
#: names the stage (the updates agreed for a late response of either stage, 5.9;
#: what an acknowledgement of either stage says the landlord is responsible for, 5.7).
_RULE_STAGE: Final = {
    "different_handler": 2,
    "escalation_no_reason": 2,
    "escalate_after_stage_1": 2,
    "additional_issues": 1,
    "keep_informed": 0,
    "responsibility": 0,
}
_STAGE_WORDS: Final = re.compile(r"\b(?:at|the) stage ([12])\b")
_ACTION: Final = re.compile(r"^outstanding action '(.+?)' \(")


def _rule_stages(edition: Edition, number: str) -> set[int | None]:
    stages: set[int | None] = set()
    for key in CITATION_KEYS:
        if edition.in_force(key) and edition.citations[key] == number:
            stages.add(int(key[-1]) if key[-2:] in ("_1", "_2") else _RULE_STAGE.get(key))
    return stages


def finding_stage(finding: Finding, complaint: Complaint) -> int | None:
    """The stage a finding is about, or ``None`` for one about the complaint as a whole.

    The stage of the rules its provision states in the complaint's edition, where
    they are rules of one stage. Where they are rules of both stages (5.6's
    complaint definition; 2022's 5.5 on outstanding actions) or of a late
    response of either stage (5.9), the stage the finding names, or for an
    outstanding action the stage of the response that promised it.
    """
    stages = _rule_stages(complaint.edition, finding.provision.number)
    if len(stages) == 1 and stages != {0}:
        return stages.pop()
    named = _STAGE_WORDS.search(finding.message)
    if named:
        return int(named.group(1))
    action = _ACTION.match(finding.message)
    for tracked in complaint.actions:
        if action and tracked.action_id == action.group(1):
            return int(tracked.stage)
    return None


def finding_key(finding: Json) -> tuple[str, tuple[int, ...], str, str]:
    """The order findings are written in: by day, provision (as numbers), item, then the rest."""
    number = tuple(int(part) for part in str(finding.get("provision")).split(".") if part.isdigit())
    rest = repr(sorted(finding.items()))
    return (str(finding.get("on") or ""), number, str(finding.get("item") or ""), rest)


def audit(data: Json) -> Json:
    complaint = Complaint.from_dict(read_object(data.get("complaint"), "complaint"))
    if data.get("days", "working") != "working":
        complaint = Complaint.from_events(
            complaint.events, edition=edition_asked(data, complaint.received)
        )
    as_of = read_date(data.get("as_of"), "as_of")
    found = [
        {
            "provision": f.provision.number,
            "item": f.item,
            "stage": finding_stage(f, complaint),
            "severity": f.severity,
            "on": iso(f.on),
            "due": iso(f.due),
        }
        for f in complaint.audit(as_of)
    ]
    return {"findings": sorted(found, key=finding_key)}
