"""The library's own answer to a conformance vector's input (behind ``complaintcode conformance``).

:func:`answer` takes a topic and a vector's input, both as JSON values, asks the
parts of the library the question they put, and returns the answer in the
kit's terms (``docs/conformance.md`` describes each topic's input and answer):
plain JSON values, dates as ISO text, provisions by number. Where the library
refuses, the answer is a refusal naming the provision, if the Code is the
reason. The generator of the kit's vectors writes these answers as their
expected outputs; the command compares them with the vectors' own. The
lifecycle and audit topics, which build a complaint record, are answered in
:mod:`complaintcode.cli._record_answers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from complaintcode.calendar import england_and_wales
from complaintcode.cli._record_answers import audit, finding_key, lifecycle
from complaintcode.cli._vector_input import (
    Json,
    edition_asked,
    optional_date,
    read_date,
    read_object,
    refusal,
    whole,
)
from complaintcode.complaint import Complaint
from complaintcode.deadlines import (
    Deadline,
    acknowledgement_due,
    extended_due,
    extension_over_limit,
    response_due,
)
from complaintcode.editions import CODE_2024, Edition, edition_by_year, edition_for
from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.exclusions import ExclusionFacts, assess
from complaintcode.letters import check_letter, letter_from_dict
from complaintcode.reporting import ReportOptions, annual_report
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Callable


# --- calendar -------------------------------------------------------------------


def _calendar(data: Json) -> Json:
    cal = england_and_wales()
    question = data.get("question")
    if question == "is_working_day":
        return {"working_day": cal.is_working_day(read_date(data.get("day"), "day"))}
    if question == "add_working_days":
        start = read_date(data.get("start"), "start")
        return {"day": cal.add_working_days(start, whole(data.get("days"), "days")).isoformat()}
    if question == "working_days_between":
        start, end = read_date(data.get("start"), "start"), read_date(data.get("end"), "end")
        return {"working_days": cal.working_days_between(start, end)}
    raise InvalidRecord(f"unknown calendar question {question!r}", path="question")


# --- deadlines ------------------------------------------------------------------


def _in_time(deadline: Deadline | None, data: Json) -> bool | None:
    done = optional_date(data, "done")
    if done is None or deadline is None:
        return None
    return deadline.is_met_by(done)


def _deadlines(data: Json) -> Json:
    question = data.get("question")
    received = read_date(data.get("received"), "received")
    if question == "edition":
        return {"edition": edition_for(received).year}
    edition = edition_asked(data, received)
    stage = Stage.parse(data.get("stage"))
    requested = optional_date(data, "escalation_requested")
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
        acknowledged=optional_date(data, "acknowledged"),
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
        ext = read_object(item, f"extensions[{i}]")
        days = whole(ext.get("working_days"), f"extensions[{i}].working_days")
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


# --- exclusions, letters, report ------------------------------------------------------


def _exclusions(data: Json) -> Json:
    facts = ExclusionFacts.from_dict(data.get("facts"))
    year = data.get("edition")
    edition = None if year is None else edition_by_year(year)
    a = assess(facts, optional_date(data, "on"), edition)
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
    options = read_object(data.get("options", {}), "options")
    unknown = sorted(set(options) - {"include_withdrawn", "include_not_accepted"})
    if unknown:
        raise InvalidRecord("unknown option", path=f"options.{unknown[0]}")
    report = annual_report(
        complaints,
        homes=data.get("homes"),  # type: ignore[arg-type]  # checked by annual_report
        year=whole(data.get("year"), "year"),
        as_of=optional_date(data, "as_of"),
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
    "lifecycle": lifecycle,
    "audit": audit,
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
        return run(read_object(data, "input"))
    except ComplaintCodeError as err:
        return {"refused": refusal(err)}
