"""Fuzzing the verbs: any arguments give a record that lasts, or a library error (docs/errors.md).

The complaint's and the service request's verbs, the deadlines, the calendar,
the exclusions and the letters are called with arguments drawn from pools of
right and wrong values: dates at and past the supported range, texts with lone
surrogates and formula characters, numbers of thousands of digits, values of
the wrong type. Each call either refuses with a ``ComplaintCodeError`` or
gives a value that can be used without an error; a complaint made so
round-trips and audits identically after reloading. The verbs refuse only what
no record could hold (5.12).
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

import strategies
from complaintcode import (
    Complaint,
    ComplaintDefinition,
    Determination,
    ExclusionDecision,
    ExclusionFacts,
    OmbudsmanOrder,
    ServiceRequest,
    Stage,
    WorkingCalendar,
    acknowledgement_due,
    assess,
    check_letter,
    check_text,
    decide,
    extended_due,
    extension_notice_due,
    letter_from_dict,
    months_after,
    policy_ground,
    reading_ease,
    render_letter,
    response_due,
)
from fuzzing import (
    AWKWARD,
    COMPLAINT_LINES,
    check_complaint_lasts,
    fuzz_settings,
    made,
    only_library_errors,
    python_oddities,
)

#: Days at the edges of what records and calendars hold, and past them.
EDGE_DAYS = (
    dt.date(1899, 12, 31),
    dt.date(1900, 1, 1),
    dt.date(2024, 2, 29),
    dt.date(2199, 12, 31),
    dt.date(2200, 1, 1),
    dt.date(2200, 12, 31),
    dt.date(2201, 1, 1),
    dt.date(9999, 12, 31),
    dt.date(1, 1, 1),
)

#: Values of the wrong type for any argument.
wrong = st.one_of(st.sampled_from(AWKWARD), python_oddities)


def _stored(kind: str, field: str) -> list[Any]:
    """Every value of a field of the events of a kind in the example data."""
    events = (event for line in COMPLAINT_LINES for event in json.loads(line)["events"])
    return [e[field] for e in events if e["kind"] == kind and e.get(field) is not None]


_LETTERS = [
    letter_from_dict(letter)
    for letter in _stored("responded", "letter")[:20] + _stored("extended", "letter")[:10]
]
_DECISIONS = [ExclusionDecision.from_dict(d) for d in _stored("declined", "decision")[:10]]
_DECISIONS += [
    ExclusionDecision.from_dict(d) for d in _stored("escalation_refused", "decision")[:10]
]


def draw(data: st.DataObject, strategy: st.SearchStrategy[Any]) -> Any:
    """Draw a value, and make any :class:`~fuzzing.Oddity` in it (see :func:`fuzzing.made`)."""
    return made(data.draw(strategy))


def days_near(day: dt.date) -> st.SearchStrategy[Any]:
    """A day near ``day``, at an edge, or a value that is not a day."""
    return st.one_of(_near(day), _near(day), _near(day), st.sampled_from(EDGE_DAYS), wrong)


def _near(day: dt.date) -> st.SearchStrategy[dt.date]:
    """A day from three days before ``day`` to three months after, where there is one."""
    first = max(day - dt.timedelta(days=3), dt.date(1, 1, 1)) if day.year > 1 else day
    last = min(day + dt.timedelta(days=90), dt.date(9999, 12, 31)) if day.year < 9999 else day
    return st.dates(min_value=first, max_value=last)


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A good value three times in four, so that a verb with several arguments often records."""
    return st.one_of(good, good, good, bad)


names = st.sampled_from(("A. Khan", "B. Patel", "A1", "A2", "O1", "R1", "RH-0001", "Fix the tap."))
texts = mostly(
    names,
    st.one_of(
        st.sampled_from([v for v in AWKWARD if isinstance(v, str)]),
        st.text(max_size=20),
        st.none(),
        wrong,
    ),
)
counts = mostly(
    st.integers(min_value=1, max_value=25),
    st.one_of(
        st.integers(min_value=-3, max_value=260),
        st.sampled_from((0, 200, 201, 10**30, 10**5000)),
        wrong,
    ),
)
flags = mostly(st.booleans(), wrong)
stages = mostly(
    st.sampled_from((1, 2)), st.one_of(st.sampled_from((Stage.ONE, "1", "stage 2", 3, 0)), wrong)
)
definitions = mostly(strategies.complaint_definitions, wrong)
letters = mostly(
    st.one_of(
        st.sampled_from(_LETTERS),
        strategies.complete_responses(1),
        strategies.complete_responses(2),
        st.none(),
    ),
    wrong,
)
decisions = mostly(st.sampled_from(_DECISIONS), wrong)
determinations = mostly(st.sampled_from(list(Determination)), texts)
outcomes = mostly(st.sampled_from(("upheld", "partly upheld", "not upheld", None)), texts)


def orders(day: dt.date) -> st.SearchStrategy[Any]:
    """The orders of a determination made on ``day``: due on or after it, or wrong."""
    last = min(day + dt.timedelta(days=90), dt.date(2199, 12, 31))
    order = st.builds(
        lambda order_id, due: OmbudsmanOrder(order_id=order_id, description="Pay.", due=due),
        order_id=st.sampled_from(("O1", "O2")),
        due=st.dates(min_value=min(day, last), max_value=last),
    )
    return mostly(st.lists(order, max_size=2, unique_by=lambda o: o.order_id).map(tuple), wrong)


def argument(name: str, day: dt.date) -> st.SearchStrategy[Any]:
    """A value for an argument of a verb, chosen by its name."""
    if name in {"on", "due", "new_due", "review_by", "next_review", "raised", "received"}:
        return days_near(day)
    named: dict[str, st.SearchStrategy[Any]] = {
        "working_days": counts,
        "every_working_days": counts,
        "index": mostly(st.integers(min_value=0, max_value=2), counts),
        "stage": stages,
        "definition": definitions,
        "letter": letters,
        "decision": decisions,
        "determination": determinations,
        "orders": orders(day),
        "outcome": outcomes,
    }
    if name in named:
        return named[name]
    if name in {
        "related",
        "ombudsman_details_given",
        "ended",
        "record_breach",
        "choice_offered",
        "complaint_requested",
    }:
        return flags
    return texts


#: The verbs of a complaint that record an event, with their parameters' names.
COMPLAINT_VERBS = {
    name: [p for p in inspect.signature(getattr(Complaint, name)).parameters if p != "self"]
    for name in (
        "acknowledge",
        "add_action",
        "agree_adjustment",
        "agree_updates",
        "close",
        "complete_action",
        "complete_order",
        "complete_remedy",
        "decline",
        "extend",
        "lift_restriction",
        "raise_issue",
        "record_determination",
        "refer_to_ombudsman",
        "refuse_escalation",
        "request_escalation",
        "respond",
        "restrict_contact",
        "review_adjustment",
        "review_restriction",
        "update_action",
        "withdraw",
    )
}


@fuzz_settings()
@given(data=st.data(), day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_the_verbs_of_a_complaint_give_a_record_that_lasts_or_refuse(
    data: st.DataObject, day: dt.date
) -> None:
    """5.12: each verb records what happened, or refuses with a library error; the record lasts."""
    received = draw(data, days_near(day))
    complaint, ok = only_library_errors(
        lambda: Complaint.receive(
            draw(data, texts),
            received=received,
            categories=draw(data, st.one_of(st.just(()), wrong)),
        )
    )
    if not ok:
        complaint = draw(data, st.one_of(strategies.complaints(), strategies.care_histories()))
    assert isinstance(complaint, Complaint)
    for _ in range(draw(data, st.integers(min_value=1, max_value=8))):
        verb = draw(data, st.sampled_from(sorted(COMPLAINT_VERBS)))
        last = complaint.events[-1].on
        kwargs = {name: draw(data, argument(name, last)) for name in COMPLAINT_VERBS[verb]}
        if not draw(data, st.booleans()):  # leave out what has a default
            defaults = inspect.signature(getattr(Complaint, verb)).parameters
            kwargs = {
                k: v for k, v in kwargs.items() if defaults[k].default is inspect.Parameter.empty
            }
        result, ok = only_library_errors(getattr(complaint, verb), **kwargs)
        event(f"{verb}: {'recorded' if ok else 'refused'}")
        if ok:
            assert isinstance(result, Complaint)
            complaint = result
    check_complaint_lasts(complaint, day)


@fuzz_settings()
@given(data=st.data(), day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 6, 30)))
def test_the_verbs_of_a_service_request_give_a_record_that_lasts_or_refuse(
    data: st.DataObject, day: dt.date
) -> None:
    """1.4, 1.5: a service request's verbs record what happened, or refuse; the record lasts."""
    request, ok = only_library_errors(
        lambda: ServiceRequest.record(
            draw(data, texts),
            raised=draw(data, days_near(day)),
            description=draw(data, texts),
            categories=draw(data, st.one_of(st.just(()), wrong)),
            tenure=draw(data, st.one_of(st.none(), st.just("low_cost_rental"), wrong)),
        )
    )
    if not ok:
        return
    assert isinstance(request, ServiceRequest)
    for _ in range(draw(data, st.integers(min_value=1, max_value=5))):
        verb = draw(
            data, st.sampled_from(("express_dissatisfaction", "answer_dissatisfaction", "convert"))
        )
        names = list(inspect.signature(getattr(ServiceRequest, verb)).parameters)
        kwargs = {n: draw(data, argument(n, request.events[-1].on)) for n in names if n != "self"}
        result, ok = only_library_errors(getattr(request, verb), **kwargs)
        if ok:
            assert isinstance(result, ServiceRequest)
            request = result
    text = request.to_json()
    text.encode("utf-8")
    again = ServiceRequest.from_json(text)
    assert again == request
    as_of = min(max(day, request.events[-1].on), dt.date(2199, 12, 31))
    assert again.problems(as_of) == request.problems(as_of)
    only_library_errors(lambda: request.to_complaint(draw(data, texts)))


@fuzz_settings()
@given(data=st.data(), day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_deadlines_and_working_days_are_counted_or_refused(
    data: st.DataObject, day: dt.date
) -> None:
    """6.2, 6.3, 6.4, 6.11, 6.14: any arguments give a deadline or a library error."""
    stage, near = draw(data, stages), draw(data, days_near(day))
    only_library_errors(
        lambda: acknowledgement_due(
            stage, received=near, escalation_requested=draw(data, days_near(day))
        )
    )
    response, ok = only_library_errors(
        lambda: response_due(
            stage,
            received=near,
            acknowledged=draw(data, days_near(day)),
            escalation_requested=draw(data, days_near(day)),
        )
    )
    if ok:
        only_library_errors(
            lambda: extended_due(response, draw(data, counts), good_reason=draw(data, texts))  # type: ignore[arg-type]  # the response read above
        )
        only_library_errors(lambda: extension_notice_due(response))  # type: ignore[arg-type]  # likewise
    closures = draw(data, st.one_of(st.lists(days_near(day), max_size=5), wrong))
    calendar, ok = only_library_errors(
        lambda: WorkingCalendar(
            region=draw(data, st.sampled_from(("england-and-wales", "scotland", "wales"))),
            closures=closures,
        )
    )
    if ok:
        assert isinstance(calendar, WorkingCalendar)
        only_library_errors(lambda: calendar.add_working_days(near, draw(data, counts)))
        only_library_errors(lambda: calendar.working_days_between(near, draw(data, days_near(day))))
        only_library_errors(lambda: calendar.is_working_day(near))
        only_library_errors(lambda: calendar.next_working_day(near))
        only_library_errors(lambda: calendar.holidays(draw(data, st.one_of(counts, st.integers()))))
        only_library_errors(
            lambda: calendar.with_closures(
                draw(data, st.one_of(st.lists(days_near(day), max_size=3), wrong))
            )
        )


@fuzz_settings()
@given(data=st.data(), day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_exclusions_are_assessed_and_decided_or_refused(data: st.DataObject, day: dt.date) -> None:
    """2.1 to 2.5: facts, assessments, grounds and decisions, from any arguments."""
    only_library_errors(lambda: months_after(draw(data, days_near(day)), draw(data, counts)))
    facts, ok = only_library_errors(
        lambda: ExclusionFacts(
            received=draw(data, days_near(day)),
            issue_occurred=draw(data, days_near(day - dt.timedelta(days=400))),
            became_aware=draw(data, days_near(day - dt.timedelta(days=100))),
            claim_filed_at_court=draw(data, days_near(day)),
        )
    )
    if not ok:
        return
    assert isinstance(facts, ExclusionFacts)
    assessment, ok = only_library_errors(lambda: assess(facts, draw(data, days_near(day))))
    if ok:
        grounds = draw(
            data,
            st.one_of(
                st.sampled_from(("time_limit", "legal_proceedings", "previously_considered")),
                st.lists(st.sampled_from(("time_limit", "policy")), max_size=2),
                wrong,
            ),
        )
        only_library_errors(
            lambda: decide(
                assessment,  # type: ignore[arg-type]  # the assessment read above
                grounds=grounds,
                reasons=draw(data, texts),
                decided_by=draw(data, texts),
                decided_on=draw(data, days_near(day)),
            )
        )
    only_library_errors(
        lambda: policy_ground(draw(data, texts), policy_reference=draw(data, texts))
    )


@fuzz_settings()
@given(data=st.data())
def test_letters_are_checked_and_rendered_or_refused(data: st.DataObject) -> None:
    """6.9, 6.19, 5.3: a letter is checked and rendered, and any text checked, or refused."""
    letter = draw(data, letters)
    only_library_errors(lambda: check_letter(letter))
    only_library_errors(
        lambda: render_letter(
            letter,
            draw(data, st.sampled_from(("text", "markdown", "html"))),
            width=draw(data, st.one_of(st.none(), counts)),
        )
    )
    text = draw(data, st.one_of(st.text(max_size=200), texts))
    only_library_errors(lambda: check_text(draw(data, stages), text))
    only_library_errors(lambda: reading_ease(text))
    only_library_errors(
        lambda: ComplaintDefinition(
            understanding=text, points=draw(data, st.one_of(st.lists(texts, max_size=3), texts))
        )
    )
