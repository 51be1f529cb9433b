"""A worked example of an adapter: complaintcode's public API behind the kit's protocol.

Run the kit against it with

    complaintcode conformance --adapter "python conformance/adapters/python_adapter.py"

An adapter for another implementation keeps the loop of ``main`` (read a line,
answer it, write a line, flush) and replaces the functions ``calendar`` to
``report`` with calls to that implementation. docs/conformance.md states the
protocol and each topic's input and answer.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from typing import Any

import complaintcode as cc

PROTOCOL = "complaintcode/conformance-protocol@1"
Json = dict[str, Any]


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def maybe(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def edition(data: Json, received: dt.date) -> cc.Edition:
    year = data.get("edition")
    chosen = cc.edition_for(received) if year is None else cc.edition_by_year(year)
    return chosen.reading_days_as(data.get("days", "working"))


def refused(err: cc.ComplaintCodeError, **extra: object) -> Json:
    if isinstance(err, cc.ProvisionViolation):
        why, number = "breach", err.provision.number
    elif isinstance(err, cc.IncompleteLetter):
        why, number = "breach", err.findings[0].provision.number
    elif isinstance(err, cc.ActionNotAllowed):
        why, number = "not_allowed", None
    else:
        why, number = "invalid", None
    return {"refused": {**extra, "reason": why, "provision": number}}


def calendar(data: Json) -> Json:
    cal = cc.england_and_wales()
    if data["question"] == "is_working_day":
        return {"working_day": cal.is_working_day(day(data["day"]))}
    if data["question"] == "add_working_days":
        return {"day": iso(cal.add_working_days(day(data["start"]), data["days"]))}
    return {"working_days": cal.working_days_between(day(data["start"]), day(data["end"]))}


def deadlines(data: Json) -> Json:
    received = day(data["received"])
    if data["question"] == "edition":
        return {"edition": cc.edition_for(received).year}
    ed = edition(data, received)
    stage = cc.Stage.parse(data["stage"])
    asked = maybe(data.get("escalation_requested"))
    done = maybe(data.get("done"))
    if data["question"] == "acknowledgement":
        ack = cc.acknowledgement_due(
            stage, received=received, escalation_requested=asked, edition=ed
        )
        return {
            "edition": ed.year,
            "provision": ack and ack.provision.number,
            "due": ack and iso(ack.due),
            "in_time": None if ack is None or done is None else done <= ack.due,
        }
    response = cc.response_due(
        stage,
        received=received,
        acknowledged=maybe(data.get("acknowledged")),
        escalation_requested=asked,
        edition=ed,
    )
    if data["question"] == "response":
        return {
            "edition": ed.year,
            "provision": response.provision.number,
            "due": iso(response.due),
            "counted_from": iso(response.counted_from),
            "projected": response.projected,
            "in_time": None if done is None else done <= response.due,
        }
    extended, within = response, True
    limit = ed.timescales(stage).extension_limit
    for ext in data["extensions"]:
        extended = cc.extended_due(extended, ext["working_days"], good_reason=ext["good_reason"])
        if ed.days == "calendar" and f"extend_stage_{int(stage)}" in ed.bare_days:
            length = (extended.due - response.due).days  # a further 10 days, read as calendar days
        else:
            length = extended.extended_by
        within = within and (length <= limit or bool((ext["good_reason"] or "").strip()))
    return {
        "edition": ed.year,
        "provision": ed.cite(f"extend_stage_{int(stage)}").number,
        "original_due": iso(response.due),
        "due": iso(extended.due),
        "extended_by": extended.extended_by,
        "within_limit": within,
        "in_time": None if done is None else done <= extended.due,
    }


def record(complaint: cc.Complaint, event: Any) -> cc.Complaint:  # noqa: ANN401, PLR0911
    on = event.on
    if isinstance(event, cc.Acknowledged):
        return complaint.acknowledge(on, event.handler, event.definition)
    if isinstance(event, cc.Extended):
        return complaint.extend(
            on,
            event.working_days,
            event.reason,
            ombudsman_details_given=event.ombudsman_details_given,
            good_reason=event.good_reason,
            letter=event.letter,  # type: ignore[arg-type]  # read as an extension notice
        )
    if isinstance(event, cc.Responded):
        return complaint.respond(on, handler=event.handler, letter=event.letter)  # type: ignore[arg-type]
    if isinstance(event, cc.EscalationRequested):
        return complaint.request_escalation(on, reason=event.reason)
    if isinstance(event, cc.Declined):
        return complaint.decline(on, event.decision)
    if isinstance(event, cc.EscalationRefused):
        return complaint.refuse_escalation(on, event.decision)
    if isinstance(event, cc.Withdrawn):
        return complaint.withdraw(on, reason=event.reason)
    if isinstance(event, cc.Closed):
        return complaint.close(on)
    if isinstance(event, cc.ReferredToOmbudsman):
        return complaint.refer_to_ombudsman(on)
    if isinstance(event, cc.UpdatesAgreed):
        return complaint.agree_updates(on, event.every_working_days, note=event.note or "")
    raise cc.InvalidRecord(f"a lifecycle step cannot be a {event.kind!r} event")


def lifecycle(data: Json) -> Json:
    complaint: cc.Complaint | None = None
    for at, step in enumerate(data["events"]):
        try:
            if "stage" in step:
                cc.Stage.parse(step["stage"])
            event = cc.event_from_dict(step)
            if complaint is None:
                complaint = cc.Complaint.from_events([event])
                continue
            target = cc.TRANSITIONS.get((complaint.status, event.verb or ""))
            stage = getattr(event, "stage", None)
            if target is not None and stage is not None:
                wanted = (
                    cc.STATE_STAGE[target]
                    if event.verb in ("acknowledge", "respond")
                    else complaint.stage
                )
                if stage != wanted:
                    raise cc.InvalidRecord(f"{event.kind} at {stage} does not fit")
            complaint = record(complaint, event)
        except cc.ComplaintCodeError as err:
            return refused(err, at=at)
    if complaint is None:
        raise cc.InvalidRecord("a lifecycle starts with the receipt")
    return {"status": complaint.status, "stage": complaint.stage and int(complaint.stage)}


RULE_STAGE = {
    "different_handler": 2,
    "escalation_no_reason": 2,
    "escalate_after_stage_1": 2,
    "additional_issues": 1,
    "keep_informed": 0,
    "responsibility": 0,
}


def finding_stage(finding: cc.Finding, complaint: cc.Complaint) -> int | None:
    ed = complaint.edition
    stages = {
        int(key[-1]) if key[-2:] in ("_1", "_2") else RULE_STAGE.get(key)
        for key in cc.CITATION_KEYS
        if ed.in_force(key) and ed.citations[key] == finding.provision.number
    }
    if len(stages) == 1 and stages != {0}:
        return stages.pop()
    named = re.search(r"\b(?:at|the) stage ([12])\b", finding.message)
    if named:
        return int(named.group(1))
    action = re.match(r"^outstanding action '(.+?)' \(", finding.message)
    for tracked in complaint.actions:
        if action and tracked.action_id == action.group(1):
            return int(tracked.stage)
    return None


def audit(data: Json) -> Json:
    complaint = cc.Complaint.from_dict(data["complaint"])
    if data.get("days", "working") != "working":
        complaint = cc.Complaint.from_events(
            complaint.events, edition=edition(data, complaint.received)
        )
    findings = [
        {
            "provision": f.provision.number,
            "item": f.item,
            "stage": finding_stage(f, complaint),
            "severity": f.severity,
            "on": iso(f.on),
            "due": iso(f.due),
        }
        for f in complaint.audit(day(data["as_of"]))
    ]
    return {"findings": findings}


def exclusions(data: Json) -> Json:
    facts = cc.ExclusionFacts.from_dict(data["facts"])
    year = data.get("edition")
    a = cc.assess(facts, maybe(data.get("on")), year and cc.edition_by_year(year))
    return {
        "edition": a.edition.year,
        "limit_runs_from": iso(facts.limit_runs_from),
        "limit_ends": iso(a.limit_ends),
        "in_time": a.in_time,
        "grounds": [
            {"kind": g.kind, "provision": g.provision.number, "discretionary": g.discretionary}
            for g in a.grounds
        ],
    }


def letters(data: Json) -> Json:
    letter = cc.letter_from_dict(data["letter"])
    found = cc.check_letter(letter, cc.edition_by_year(data.get("edition", 2024)))
    return {
        "findings": [
            {"provision": f.provision.number, "item": f.item, "severity": f.severity} for f in found
        ]
    }


def report(data: Json) -> Json:
    r = cc.annual_report(
        [cc.Complaint.from_dict(c) for c in data["complaints"]],
        homes=data["homes"],
        year=data["year"],
        as_of=maybe(data.get("as_of")),
        options=cc.ReportOptions(**data.get("options", {})),
    )

    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return {
        "ch01": {
            "stage_1_complaints": r.ch01.stage_1_complaints,
            "stage_2_complaints": r.ch01.stage_2_complaints,
            "stage_1": text(r.ch01.stage_1),
            "stage_2": text(r.ch01.stage_2),
        },
        "ch02": {
            name: {
                "responses": s.responses,
                "in_time": s.in_time,
                "in_time_with_extension": s.in_time_with_extension,
                "without_extensions": text(s.without_extensions),
                "with_extensions": text(s.with_extensions),
            }
            for name, s in (("stage_1", r.ch02.stage_1), ("stage_2", r.ch02.stage_2))
        },
    }


TOPICS = {
    "calendar": calendar,
    "deadlines": deadlines,
    "lifecycle": lifecycle,
    "audit": audit,
    "exclusions": exclusions,
    "letters": letters,
    "report": report,
}


def reply(request: Json) -> Json:
    """One request's reply: its output, a refusal in the output, or an error."""
    topic = TOPICS.get(request.get("topic", ""))
    if topic is None:
        return {"id": request.get("id"), "error": f"unsupported topic {request.get('topic')!r}"}
    try:
        output = topic(request["input"])
    except cc.ComplaintCodeError as err:
        output = refused(err)
    except (KeyError, TypeError, ValueError) as err:
        return {"id": request.get("id"), "error": f"{type(err).__name__}: {err}"}
    return {"id": request["id"], "output": output}


def main() -> int:
    for line in sys.stdin:
        message = json.loads(line)
        if "protocol" in message:  # the hello
            answer: Json = {
                "protocol": PROTOCOL,
                "implementation": "complaintcode (example adapter)",
            }
        else:
            answer = reply(message)
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
