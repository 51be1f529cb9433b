"""The library's own answer to a conformance vector's input (behind ``complaintcode conformance``).

:func:`answer` takes a topic and a vector's input, both as JSON values, asks the
parts of the library the question they put, and returns the answer in the
kit's terms (``docs/conformance.md`` describes each topic's input and answer):
plain JSON values, dates as ISO text, provisions by number. Where the library
refuses, the answer is a refusal naming the provision, if the Code is the
reason. The generator of the kit's vectors writes these answers as their
expected outputs; the command compares them with the vectors' own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Final

from complaintcode.calendar import england_and_wales
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
from complaintcode.deadlines import (
    Deadline,
    acknowledgement_due,
    extended_due,
    extension_over_limit,
    response_due,
)
from complaintcode.editions import CITATION_KEYS, CODE_2024, Edition, edition_by_year, edition_for
from complaintcode.errors import (
    ActionNotAllowed,
    ComplaintCodeError,
    IncompleteLetter,
    InvalidRecord,
    ProvisionViolation,
)
from complaintcode.exclusions import ExclusionFacts, assess
from complaintcode.letters import check_letter, letter_from_dict
from complaintcode.reporting import ReportOptions, annual_report
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable

    from complaintcode.complaint.events import Event
    from complaintcode.findings import Finding


#: A JSON object, as the kit writes inputs and answers.
Json = dict[str, Any]


def _object(value: object, path: str) -> Json:
    if not isinstance(value, dict):
        raise InvalidRecord(f"expected an object, got {type(value).__name__}", path=path)
    return value


def _date(value: object, path: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidRecord(f"expected an ISO date (YYYY-MM-DD), got {value!r}", path=path)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(f"not a date: {value!r}", path=path) from None


def _optional_date(data: Json, name: str) -> dt.date | None:
    value = data.get(name)
    return None if value is None else _date(value, name)


def _whole(value: object, path: str) -> int:
    if type(value) is not int:
        raise InvalidRecord(f"expected a whole number, got {value!r}", path=path)
    return value


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _edition(data: Json, received: dt.date) -> Edition:
    """The edition a question names (by default the one of the day received), read as asked."""
    year = data.get("edition")
    edition = edition_for(received) if year is None else edition_by_year(year)
    days = data.get("days", "working")
    return edition.reading_days_as(days)


def refusal(err: ComplaintCodeError) -> Json:
    """A refusal in the kit's terms: why (``breach``, ``not_allowed``, ``invalid``) and the provision.

    >>> from complaintcode.provisions import provision
    >>> refusal(ProvisionViolation(provision("6.13"), "the same handler"))
    {'reason': 'breach', 'provision': '6.13'}
    """
    if isinstance(err, ProvisionViolation):
        return {"reason": "breach", "provision": err.provision.number}
    if isinstance(err, IncompleteLetter):
        return {"reason": "breach", "provision": err.findings[0].provision.number}
    if isinstance(err, ActionNotAllowed):
        return {"reason": "not_allowed", "provision": None}
    return {"reason": "invalid", "provision": None}


# --- calendar -------------------------------------------------------------------


def _calendar(data: Json) -> Json:
    cal = england_and_wales()
    question = data.get("question")
    if question == "is_working_day":
        return {"working_day": cal.is_working_day(_date(data.get("day"), "day"))}
    if question == "add_working_days":
        start = _date(data.get("start"), "start")
        return {"day": cal.add_working_days(start, _whole(data.get("days"), "days")).isoformat()}
    if question == "working_days_between":
        start, end = _date(data.get("start"), "start"), _date(data.get("end"), "end")
        return {"working_days": cal.working_days_between(start, end)}
    raise InvalidRecord(f"unknown calendar question {question!r}", path="question")


# --- deadlines ------------------------------------------------------------------


def _in_time(deadline: Deadline | None, data: Json) -> bool | None:
    done = _optional_date(data, "done")
    if done is None or deadline is None:
        return None
    return deadline.is_met_by(done)


def _deadlines(data: Json) -> Json:
    question = data.get("question")
    received = _date(data.get("received"), "received")
    if question == "edition":
        return {"edition": edition_for(received).year}
    edition = _edition(data, received)
    stage = Stage.parse(data.get("stage"))
    requested = _optional_date(data, "escalation_requested")
    if question == "acknowledgement":
        ack = acknowledgement_due(
            stage, received=received, escalation_requested=requested, edition=edition
        )
        return {
            "edition": edition.year,
            "provision": None if ack is None else ack.provision.number,
            "due": None if ack is None else ack.due.isoformat(),
            "in_time": _in_time(ack, data),
        }
    response = response_due(
        stage,
        received=received,
        acknowledged=_optional_date(data, "acknowledged"),
        escalation_requested=requested,
        edition=edition,
    )
    if question == "response":
        return {
            "edition": edition.year,
            "provision": response.provision.number,
            "due": response.due.isoformat(),
            "counted_from": response.counted_from.isoformat(),
            "projected": response.projected,
            "in_time": _in_time(response, data),
        }
    if question == "extension":
        return _extension(data, edition, response)
    raise InvalidRecord(f"unknown deadlines question {question!r}", path="question")


def _extension(data: Json, edition: Edition, response: Deadline) -> Json:
    extensions = data.get("extensions")
    if not isinstance(extensions, list) or not extensions:
        raise InvalidRecord("expected a list of one or more extensions", path="extensions")
    extended, within = response, True
    for i, item in enumerate(extensions):
        ext = _object(item, f"extensions[{i}]")
        days = _whole(ext.get("working_days"), f"extensions[{i}].working_days")
        reason = ext.get("good_reason")
        extended = extended_due(extended, days, good_reason=reason)
        over = extension_over_limit(
            edition,
            response.stage,
            extended.extended_by,
            reason,
            base=response.due,
            calendar=response.calendar,
        )
        within = within and over is None
    return {
        "edition": edition.year,
        "provision": edition.cite(f"extend_stage_{int(response.stage)}").number,
        "original_due": response.due.isoformat(),
        "due": extended.due.isoformat(),
        "extended_by": extended.extended_by,
        "within_limit": within,
        "in_time": _in_time(extended, data),
    }


# --- lifecycle ------------------------------------------------------------------


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


def _lifecycle(data: Json) -> Json:
    events = data.get("events")
    if not isinstance(events, list) or not events:
        raise InvalidRecord("expected a list of events, the receipt first", path="events")
    complaint: Complaint | None = None
    for at, raw in enumerate(events):
        try:
            step = _object(raw, f"events[{at}]")
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


def _audit(data: Json) -> Json:
    complaint = Complaint.from_dict(_object(data.get("complaint"), "complaint"))
    if data.get("days", "working") != "working":
        complaint = Complaint.from_events(
            complaint.events, edition=_edition(data, complaint.received)
        )
    as_of = _date(data.get("as_of"), "as_of")
    found = [
        {
            "provision": f.provision.number,
            "item": f.item,
            "stage": finding_stage(f, complaint),
            "severity": f.severity,
            "on": _iso(f.on),
            "due": _iso(f.due),
        }
        for f in complaint.audit(as_of)
    ]
    return {"findings": sorted(found, key=finding_key)}


# --- exclusions, letters, report ------------------------------------------------------


def _exclusions(data: Json) -> Json:
    facts = ExclusionFacts.from_dict(data.get("facts"))
    year = data.get("edition")
    edition = None if year is None else edition_by_year(year)
    a = assess(facts, _optional_date(data, "on"), edition)
    return {
        "edition": a.edition.year,
        "limit_runs_from": facts.limit_runs_from.isoformat(),
        "limit_ends": a.limit_ends.isoformat(),
        "in_time": a.in_time,
        "grounds": [
            {"kind": g.kind, "provision": g.provision.number, "discretionary": g.discretionary}
            for g in a.grounds
        ],
    }


def _letters(data: Json) -> Json:
    letter = letter_from_dict(data.get("letter"))
    year = data.get("edition")
    edition = CODE_2024 if year is None else edition_by_year(year)
    found = [
        {"provision": f.provision.number, "item": f.item, "severity": f.severity}
        for f in check_letter(letter, edition)
    ]
    return {"findings": sorted(found, key=finding_key)}


def _decimal(value: object) -> str | None:
    return None if value is None else str(value)


def _report(data: Json) -> Json:
    raw = data.get("complaints")
    if not isinstance(raw, list):
        raise InvalidRecord("expected a list of complaints", path="complaints")
    complaints = [Complaint.from_dict(c) for c in raw]
    options = _object(data.get("options", {}), "options")
    unknown = sorted(set(options) - {"include_withdrawn", "include_not_accepted"})
    if unknown:
        raise InvalidRecord("unknown option", path=f"options.{unknown[0]}")
    report = annual_report(
        complaints,
        homes=data.get("homes"),  # type: ignore[arg-type]  # checked by annual_report
        year=_whole(data.get("year"), "year"),
        as_of=_optional_date(data, "as_of"),
        options=ReportOptions(**options),
    )
    ch01, ch02 = report.ch01, report.ch02
    return {
        "ch01": {
            "stage_1_complaints": ch01.stage_1_complaints,
            "stage_2_complaints": ch01.stage_2_complaints,
            "stage_1": _decimal(ch01.stage_1),
            "stage_2": _decimal(ch01.stage_2),
        },
        "ch02": {
            f"stage_{n}": {
                "responses": s.responses,
                "in_time": s.in_time,
                "in_time_with_extension": s.in_time_with_extension,
                "without_extensions": _decimal(s.without_extensions),
                "with_extensions": _decimal(s.with_extensions),
            }
            for n, s in ((1, ch02.stage_1), (2, ch02.stage_2))
        },
    }


_TOPICS: Final[dict[str, Callable[[Json], Json]]] = {
    "calendar": _calendar,
    "deadlines": _deadlines,
    "lifecycle": _lifecycle,
    "audit": _audit,
    "exclusions": _exclusions,
    "letters": _letters,
    "report": _report,
}

#: The topics of the kit, in the order the command reports them.
TOPICS: Final[tuple[str, ...]] = tuple(_TOPICS)


def answer(topic: str, data: object) -> Json:
    """The library's answer to a vector's input, or its refusal, as JSON values.

    Args:
        topic: One of :data:`TOPICS`.
        data: The vector's input.

    Returns:
        The answer, or ``{"refused": {"reason": ..., "provision": ...}}``.

    Raises:
        InvalidRecord: For an unknown topic.

    >>> answer("calendar", {"question": "add_working_days", "start": "2024-05-03", "days": 5})
    {'day': '2024-05-13'}
    >>> answer("deadlines", {"question": "acknowledgement", "stage": 3, "received": "2024-05-03"})
    {'refused': {'reason': 'breach', 'provision': '5.3'}}
    """
    run = _TOPICS.get(topic)
    if run is None:
        raise InvalidRecord(f"unknown topic {topic!r} (known: {', '.join(TOPICS)})")
    try:
        return run(_object(data, "input"))
    except ComplaintCodeError as err:
        return {"refused": refusal(err)}
