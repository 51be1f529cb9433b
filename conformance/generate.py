"""Write the generated vectors of the conformance kit, and its kit.json.

Run from the repository root, with complaintcode installed (``pip install -e .``):

    python conformance/generate.py          # write the files
    python conformance/generate.py --check  # exit 1 if a file differs from what it would write

Every generated vector's expected output is the library's own answer
(``complaintcode.cli._answers.answer``); the inputs are chosen here, from fixed
lists of days and sums, with no randomness, so that the same library writes the
same bytes. The hand-written files (``vectors/*.hand.json``) are never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from calendar import monthrange
from pathlib import Path
from typing import Any

from complaintcode.calendar import england_and_wales
from complaintcode.cli._answers import answer
from complaintcode.cli._kit import KIT_FILE, KIT_FORMAT
from complaintcode.deadlines import acknowledgement_due, response_due
from complaintcode.editions import CODE_2022, CODE_2024, edition_for
from complaintcode.stages import Stage

Json = dict[str, Any]
D = dt.date
HERE = Path(__file__).resolve().parent
FIRST_YEAR, LAST_YEAR = 2018, 2027
FIRST_DAY, LAST_DAY = D(FIRST_YEAR, 1, 1), D(LAST_YEAR, 12, 31)
CAL = england_and_wales()
GENERATED = ("calendar", "deadlines", "lifecycle", "audit", "exclusions", "letters", "report")
HAND = ("calendar", "deadlines", "lifecycle", "exclusions")
#: Offsets from a boundary: 0 or less is the first side (in time, within the limit), 1 or more the other.
SIDES = (-2, -1, 0, 1, 2, 3)

BOUNDARIES: dict[str, str] = {
    "edition": "the 2024 edition governs complaints received from 1 April 2024 (offset 0: 31 March 2024)",
    "6.2 (2024)": "stage 1 acknowledgement, 5 working days from receipt",
    "6.3 (2024)": "stage 1 response, 10 working days from the acknowledgement",
    "6.4 (2024) limit": "stage 1 extension of up to 10 working days without a good reason",
    "6.4 (2024) notice": "a stage 1 extension notified by the deadline it extends",
    "6.11 (2024)": "stage 2 acknowledgement, 5 working days from the escalation request",
    "6.14 (2024)": "stage 2 response, 20 working days from the stage 2 acknowledgement",
    "6.15 (2024) limit": "stage 2 extension of up to 20 working days without a good reason",
    "6.15 (2024) notice": "a stage 2 extension notified by the deadline it extends",
    "4.1 (2022)": "stage 1 acknowledgement, 5 days from receipt (read as working days)",
    "5.1 (2022)": "stage 1 response, 10 working days from logging",
    "5.1 (2022) limit": "stage 1 extension of a further 10 days (read as working days)",
    "5.13 (2022)": "stage 2 response, 20 working days from the escalation request",
    "5.13 (2022) limit": "stage 2 extension of a further 10 days (read as working days)",
    "2.3 (2024)": "complaints received within 12 months of the issue or of becoming aware of it",
    "1.8 (2022)": "complaints received within 6 months of the issue or of becoming aware of it",
}

DEFINITION: Json = {
    "understanding": "The kitchen ceiling has leaked since January and two repair visits were missed.",
    "points": ["the leak", "the missed visits"],
    "outcomes_sought": ["repair the ceiling", "an apology"],
    "responsible_for": ["repairs to the building"],
}


def iso(day: D) -> str:
    return day.isoformat()


def days(day: D, n: int) -> D:
    return day + dt.timedelta(days=n)


def wd(day: D, n: int) -> D:
    return CAL.add_working_days(day, n)


def vector(
    topic: str,
    ident: str,
    description: str,
    provisions: list[str],
    edition: int | None,
    data: Json,
    boundary: tuple[str, int] | None = None,
) -> Json:
    out: Json = {
        "id": f"{topic}/{ident}",
        "description": description,
        "provisions": provisions,
        "edition": edition,
        "source": "generated",
        "input": data,
        "expected": answer(topic, data),
    }
    if boundary is not None:
        if boundary[0] not in BOUNDARIES:
            raise KeyError(f"no boundary {boundary[0]!r}: add it to BOUNDARIES")
        out["boundary"] = {"id": boundary[0], "offset": boundary[1]}
    return out


# --- calendar -------------------------------------------------------------------


def bank_holidays() -> list[D]:
    return [d for y in range(FIRST_YEAR, LAST_YEAR + 1) for d, _ in CAL.holidays(y)]


def calendar() -> list[Json]:
    out: list[Json] = []
    holidays = bank_holidays()
    checked: set[D] = set()
    for bh in holidays:
        for day in (days(bh, -1), bh, days(bh, 1)):
            if day in checked or not FIRST_DAY <= day <= LAST_DAY:
                continue
            checked.add(day)
            kind = "a bank holiday" if day in holidays else "next to a bank holiday"
            out.append(
                vector(
                    "calendar",
                    f"is-working-day/{iso(day)}",
                    f"{day:%A %d %B %Y}, {kind}: a working day or not",
                    [],
                    None,
                    {"question": "is_working_day", "day": iso(day)},
                )
            )
    for bh in holidays:
        for back, n in ((1, 5), (4, 10), (12, 20)):
            start = days(bh, -back)
            if start < FIRST_DAY or wd(start, n) > LAST_DAY:
                continue
            out.append(
                vector(
                    "calendar",
                    f"add-working-days/{iso(start)}+{n}",
                    f"the {n}th working day after {start:%A %d %B %Y}, across {bh:%d %B %Y}",
                    [],
                    None,
                    {"question": "add_working_days", "start": iso(start), "days": n},
                )
            )
    for bh in holidays:
        start, end = days(bh, -7), days(bh, 7)
        if start < FIRST_DAY or end > LAST_DAY:
            continue
        for a, b in ((start, end), (end, start)):
            out.append(
                vector(
                    "calendar",
                    f"working-days-between/{iso(a)}/{iso(b)}",
                    f"working days after {a:%d %B %Y} up to {b:%d %B %Y}, across {bh:%d %B %Y}",
                    [],
                    None,
                    {"question": "working_days_between", "start": iso(a), "end": iso(b)},
                )
            )
    return out


# --- deadlines ------------------------------------------------------------------

#: Days of receipt: around bank holidays, Easter, Christmas, weekends and the edition's change.
RECEIVED = (
    D(2022, 5, 27),
    D(2022, 6, 1),
    D(2022, 9, 16),
    D(2022, 12, 23),
    D(2023, 4, 6),
    D(2023, 5, 5),
    D(2023, 12, 22),
    D(2024, 3, 28),
    D(2024, 3, 30),
    D(2024, 4, 1),
    D(2024, 5, 3),
    D(2024, 5, 4),
    D(2024, 8, 23),
    D(2024, 12, 20),
    D(2025, 4, 17),
    D(2025, 12, 24),
    D(2026, 4, 2),
    D(2026, 12, 23),
    D(2027, 3, 25),
    D(2027, 5, 28),
)


def _ed(received: D) -> int:
    return edition_for(received).year


def _cite(received: D, key: str) -> str:
    return edition_for(received).citations[key]


def deadlines() -> list[Json]:
    out: list[Json] = []
    change = D(2024, 3, 31)
    for k in (-40, -3, -2, -1, 0, 1, 2, 3, 40):
        day = days(change, k)
        out.append(
            vector(
                "deadlines",
                f"edition/{iso(day)}",
                f"the edition governing a complaint received on {day:%d %B %Y}",
                [],
                None,
                {"question": "edition", "received": iso(day)},
                ("edition", k) if -2 <= k <= 3 else None,
            )
        )
    for i, r in enumerate(RECEIVED):
        ed = _ed(r)
        ack_p, resp_p = _cite(r, "acknowledge_stage_1"), _cite(r, "respond_stage_1")
        ack = {"question": "acknowledgement", "stage": 1, "received": iso(r)}
        out.append(
            vector(
                "deadlines",
                f"acknowledgement/1/{iso(r)}",
                f"stage 1 acknowledgement of a complaint received {r:%a %d %b %Y}",
                [ack_p],
                ed,
                ack,
            )
        )
        due = acknowledgement_due(1, received=r).due  # type: ignore[union-attr]
        for k in SIDES:
            done = days(due, k)
            out.append(
                vector(
                    "deadlines",
                    f"acknowledgement/1/{iso(r)}/done-{iso(done)}",
                    f"stage 1 acknowledged on {done:%a %d %b %Y}, {k:+d} days from the deadline",
                    [ack_p],
                    ed,
                    {**ack, "done": iso(done)},
                    (f"{ack_p} ({ed})", k),
                )
            )
        for acked in (None, wd(r, 1), wd(r, 5), wd(r, 7)):
            data: Json = {"question": "response", "stage": 1, "received": iso(r)}
            name = "projected"
            if acked is not None:
                data["acknowledged"] = iso(acked)
                name = f"acknowledged-{iso(acked)}"
            out.append(
                vector(
                    "deadlines",
                    f"response/1/{iso(r)}/{name}",
                    f"stage 1 response, {name.replace('-', ' on ', 1)}",
                    [resp_p],
                    ed,
                    data,
                )
            )
        acked = wd(r, 2)
        resp = {"question": "response", "stage": 1, "received": iso(r), "acknowledged": iso(acked)}
        rdue = response_due(1, received=r, acknowledged=acked).due
        for k in SIDES:
            done = days(rdue, k)
            out.append(
                vector(
                    "deadlines",
                    f"response/1/{iso(r)}/done-{iso(done)}",
                    f"stage 1 responded on {done:%a %d %b %Y}, {k:+d} days from the deadline",
                    [resp_p],
                    ed,
                    {**resp, "done": iso(done)},
                    (f"{resp_p} ({ed})", k),
                )
            )
        out += _stage_2(r)
        if i % 2 == 0:  # every other day of receipt: the limits do not move with it
            out += _extensions(r, acked)
    out += _readings()
    out += _refusals()
    return out


def _stage_2(r: D) -> list[Json]:
    out: list[Json] = []
    ed = _ed(r)
    ack_p, resp_p = _cite(r, "acknowledge_stage_2"), _cite(r, "respond_stage_2")
    asked = days(r, 30)
    base = {"stage": 2, "received": iso(r), "escalation_requested": iso(asked)}
    ack = {"question": "acknowledgement", **base}
    out.append(
        vector(
            "deadlines",
            f"acknowledgement/2/{iso(r)}",
            f"stage 2 acknowledgement, escalation asked for on {asked:%a %d %b %Y}",
            [ack_p],
            ed,
            ack,
        )
    )
    ack_due = acknowledgement_due(2, received=r, escalation_requested=asked)
    if ack_due is not None:
        for k in SIDES:
            done = days(ack_due.due, k)
            out.append(
                vector(
                    "deadlines",
                    f"acknowledgement/2/{iso(r)}/done-{iso(done)}",
                    f"stage 2 acknowledged on {done:%a %d %b %Y}, {k:+d} days from the deadline",
                    [ack_p],
                    ed,
                    {**ack, "done": iso(done)},
                    (f"{ack_p} ({ed})", k),
                )
            )
    for acked in (None, wd(asked, 2)):
        data = {"question": "response", **base}
        name = "projected"
        if acked is not None:
            data["acknowledged"] = iso(acked)
            name = f"acknowledged-{iso(acked)}"
        out.append(
            vector(
                "deadlines",
                f"response/2/{iso(r)}/{name}",
                f"stage 2 response, escalation asked for on {asked:%d %b %Y}, "
                f"{name.replace('-', ' on ', 1)}",
                [resp_p],
                ed,
                data,
            )
        )
    acked = wd(asked, 2)
    resp = {"question": "response", **base, "acknowledged": iso(acked)}
    rdue = response_due(2, received=r, escalation_requested=asked, acknowledged=acked).due
    for k in SIDES:
        done = days(rdue, k)
        out.append(
            vector(
                "deadlines",
                f"response/2/{iso(r)}/done-{iso(done)}",
                f"stage 2 responded on {done:%a %d %b %Y}, {k:+d} days from the deadline",
                [resp_p],
                ed,
                {**resp, "done": iso(done)},
                (f"{resp_p} ({ed})", k),
            )
        )
    return out


def _extensions(r: D, acked: D) -> list[Json]:
    out: list[Json] = []
    ed = edition_for(r)
    for stage in (1, 2):
        limit = ed.timescales(Stage(stage)).extension_limit
        p = ed.citations[f"extend_stage_{stage}"]
        data: Json = {
            "question": "extension",
            "stage": stage,
            "received": iso(r),
            "acknowledged": iso(acked),
        }
        if stage == 2:
            asked = days(r, 30)
            data.update(escalation_requested=iso(asked), acknowledged=iso(wd(asked, 2)))
        for k in SIDES:
            n = limit + k
            for reason in (None, "A structural survey is needed before we can decide."):
                name = "good-reason" if reason else "no-reason"
                why = "with a good reason" if reason else "without a good reason"
                out.append(
                    vector(
                        "deadlines",
                        f"extension/{stage}/{iso(r)}/{n}/{name}",
                        f"stage {stage} extended by {n} working days {why} (limit {limit})",
                        [p],
                        ed.year,
                        {**data, "extensions": [{"working_days": n, "good_reason": reason}]},
                        None if reason else (f"{p} ({ed.year}) limit", k),
                    )
                )
        twice = [
            {"working_days": limit - 3, "good_reason": None},
            {"working_days": 3, "good_reason": None},
        ]
        out.append(
            vector(
                "deadlines",
                f"extension/{stage}/{iso(r)}/twice",
                f"stage {stage} extended twice, {limit - 3} and 3 working days: extensions add up",
                [p],
                ed.year,
                {**data, "extensions": twice},
            )
        )
        over = [*twice, {"working_days": 1, "good_reason": None}]
        out.append(
            vector(
                "deadlines",
                f"extension/{stage}/{iso(r)}/thrice",
                f"stage {stage} extended three times, {limit + 1} working days in all "
                "without a good reason",
                [p],
                ed.year,
                {**data, "extensions": over},
            )
        )
    return out


def _readings() -> list[Json]:
    """The 2022 edition's bare "days" read as calendar days, on request."""
    out: list[Json] = []
    for r in (D(2022, 12, 23), D(2023, 4, 6), D(2023, 5, 5), D(2024, 3, 28)):
        data: Json = {
            "question": "acknowledgement",
            "stage": 1,
            "received": iso(r),
            "days": "calendar",
        }
        out.append(
            vector(
                "deadlines",
                f"acknowledgement/1/{iso(r)}/calendar-days",
                "stage 1 acknowledgement under 2022, its five days read as calendar days",
                ["4.1"],
                2022,
                data,
            )
        )
        for n in (7, 8, 9, 10):
            ext: Json = {
                "question": "extension",
                "stage": 1,
                "received": iso(r),
                "acknowledged": iso(wd(r, 2)),
                "days": "calendar",
                "extensions": [{"working_days": n, "good_reason": None}],
            }
            out.append(
                vector(
                    "deadlines",
                    f"extension/1/{iso(r)}/{n}/calendar-days",
                    f"a 2022 stage 1 extension of {n} working days, measured in calendar "
                    "days against a further 10 days",
                    ["5.1"],
                    2022,
                    ext,
                )
            )
    return out


def _refusals() -> list[Json]:
    out: list[Json] = []
    r = D(2024, 5, 3)
    for stage, p in (
        (0, "5.2"),
        ("informal", "5.2"),
        ("stage 0", "5.2"),
        (3, "5.3"),
        ("stage 3", "5.3"),
        ("third", "5.3"),
    ):
        for question in ("acknowledgement", "response"):
            data = {"question": question, "stage": stage, "received": iso(r)}
            out.append(
                vector(
                    "deadlines",
                    f"{question}/stage-{stage}".replace(" ", "-"),
                    f"a {question} at stage {stage!r} is refused: the Code has two stages",
                    [p],
                    2024,
                    data,
                )
            )
    backwards: tuple[tuple[str, int, Json], ...] = (
        ("response/1/acknowledged-before-receipt", 1, {"acknowledged": "2024-05-02"}),
        ("response/2/escalation-before-receipt", 2, {"escalation_requested": "2024-05-01"}),
        ("acknowledgement/2/no-escalation", 2, {}),
    )
    for name, stage, extra in backwards:
        data = {
            "question": "acknowledgement" if "acknowledgement" in name else "response",
            "stage": stage,
            "received": iso(r),
            **extra,
        }
        out.append(
            vector(
                "deadlines",
                name,
                "dates that run backwards, or a missing date, are refused as invalid",
                [],
                2024,
                data,
            )
        )
    return out


# --- lifecycle ------------------------------------------------------------------


def received(on: D, ref: str) -> Json:
    return {"kind": "received", "on": iso(on), "reference": ref}


def acknowledged(on: D, stage: object, handler: str, definition: Json | None = None) -> Json:
    return {
        "kind": "acknowledged",
        "on": iso(on),
        "stage": stage,
        "handler": handler,
        "definition": definition or DEFINITION,
    }


def responded(on: D, stage: object, handler: str | None) -> Json:
    return {"kind": "responded", "on": iso(on), "stage": stage, "handler": handler}


def extended(
    on: D,
    stage: int,
    n: int,
    *,
    details: bool = True,
    reason: str = "We need a survey.",
    good: str | None = None,
) -> Json:
    return {
        "kind": "extended",
        "on": iso(on),
        "stage": stage,
        "working_days": n,
        "reason": reason,
        "ombudsman_details_given": details,
        "good_reason": good,
    }


def simple(kind: str, on: D) -> Json:
    return {"kind": kind, "on": iso(on)}


LIFE_DAYS = (
    D(2023, 1, 9),
    D(2023, 11, 22),
    D(2024, 3, 27),
    D(2024, 4, 2),
    D(2024, 11, 20),
    D(2025, 12, 17),
)


def _life(r: D) -> dict[str, tuple[str, list[str], list[Json]]]:
    """Named histories from a day of receipt: (description, provisions, events)."""
    ref = f"L-{r:%Y%m%d}"
    a1, s1 = wd(r, 2), wd(r, 9)
    esc = wd(s1, 5)
    a2, s2 = wd(esc, 3), wd(esc, 15)
    diff = _cite(r, "different_handler")
    third = "5.3"
    base = [received(r, ref), acknowledged(a1, 1, "A. Khan"), responded(s1, 1, "A. Khan")]
    two = [*base, simple("escalation_requested", esc), acknowledged(a2, 2, "B. Osei")]
    return {
        "stage-1-closed": (
            "answered at stage 1 and closed",
            [],
            [*base, simple("closed", wd(s1, 10))],
        ),
        "two-stages-closed": (
            "both stages, different handlers, then closed",
            [diff],
            [*two, responded(s2, 2, "B. Osei"), simple("closed", wd(s2, 5))],
        ),
        "two-stages-ombudsman": (
            "the final response, then referred to the Ombudsman",
            [],
            [*two, responded(s2, 2, "B. Osei"), simple("referred_to_ombudsman", wd(s2, 20))],
        ),
        "same-handler-acknowledges-stage-2": (
            "the stage 1 handler acknowledges stage 2",
            [diff],
            [*base, simple("escalation_requested", esc), acknowledged(a2, 2, "A. Khan")],
        ),
        "same-handler-other-spelling": (
            "the stage 1 handler, spelt in other case and spacing, acknowledges stage 2",
            [diff],
            [*base, simple("escalation_requested", esc), acknowledged(a2, 2, "  a.  KHAN ")],
        ),
        "stage-1-responder-acknowledges-stage-2": (
            "whoever wrote the stage 1 response may not handle stage 2",
            [diff],
            [
                received(r, ref),
                acknowledged(a1, 1, "A. Khan"),
                responded(s1, 1, "C. Morgan"),
                simple("escalation_requested", esc),
                acknowledged(a2, 2, "C. Morgan"),
            ],
        ),
        "same-handler-final-response": (
            "the stage 1 handler writes the final response",
            [diff],
            [*two, responded(s2, 2, "A. Khan")],
        ),
        "escalation-after-final-response": (
            "asking for a third stage after the final response",
            [third],
            [*two, responded(s2, 2, "B. Osei"), simple("escalation_requested", wd(s2, 3))],
        ),
        "escalation-before-stage-1-response": (
            "stage 2 asked for before the stage 1 response",
            [],
            [
                received(r, ref),
                acknowledged(a1, 1, "A. Khan"),
                simple("escalation_requested", wd(a1, 12)),
            ],
        ),
        "response-without-acknowledgement": (
            "a stage 1 response with no acknowledgement",
            [],
            [received(r, ref), responded(s1, 1, "A. Khan")],
        ),
        "dates-backwards": (
            "an acknowledgement dated before the receipt",
            [],
            [received(r, ref), acknowledged(days(r, -1), 1, "A. Khan")],
        ),
        "response-before-acknowledgement-date": (
            "a response dated before the acknowledgement",
            [],
            [
                received(r, ref),
                acknowledged(a1, 1, "A. Khan"),
                responded(days(a1, -1), 1, "A. Khan"),
            ],
        ),
        "withdrawn-then-answered": (
            "a response after the complaint was withdrawn",
            [],
            [
                received(r, ref),
                acknowledged(a1, 1, "A. Khan"),
                simple("withdrawn", wd(a1, 2)),
                responded(s1, 1, "A. Khan"),
            ],
        ),
        "withdrawn-at-receipt": (
            "withdrawn before the acknowledgement",
            [],
            [received(r, ref), simple("withdrawn", days(r, 1))],
        ),
        "withdrawn-at-stage-2": (
            "withdrawn during stage 2",
            [],
            [*two, simple("withdrawn", wd(a2, 4))],
        ),
        "closed-unanswered": (
            "closing a complaint still awaiting its stage 1 response",
            [],
            [received(r, ref), acknowledged(a1, 1, "A. Khan"), simple("closed", wd(a1, 4))],
        ),
        "closed-then-escalated": (
            "asking for stage 2 of a closed complaint",
            [],
            [*base, simple("closed", wd(s1, 10)), simple("escalation_requested", wd(s1, 12))],
        ),
        "acknowledged-stage-0": (
            "an acknowledgement at stage 0",
            ["5.2"],
            [received(r, ref), acknowledged(a1, 0, "A. Khan")],
        ),
        "acknowledged-informal": (
            "an acknowledgement at an informal stage",
            ["5.2"],
            [received(r, ref), acknowledged(a1, "informal", "A. Khan")],
        ),
        "responded-stage-3": (
            "a response at stage 3",
            [third],
            [*two, responded(s2, 3, "B. Osei")],
        ),
        "acknowledged-wrong-stage": (
            "a stage 2 acknowledgement of a complaint never escalated",
            [],
            [received(r, ref), acknowledged(a1, 2, "A. Khan")],
        ),
        "definition-without-points": (
            "an acknowledgement whose complaint definition lists no points",
            [_cite(r, "definition_stage_1")],
            [received(r, ref), acknowledged(a1, 1, "A. Khan", {**DEFINITION, "points": []})],
        ),
    }


def _extension_steps(r: D) -> list[Json]:
    out: list[Json] = []
    ref = f"X-{r:%Y%m%d}"
    ed = edition_for(r)
    a1 = wd(r, 2)
    due1 = response_due(1, received=r, acknowledged=a1).due
    esc = wd(due1, 3)
    a2 = wd(esc, 2)
    due2 = response_due(2, received=r, acknowledged=a2, escalation_requested=esc).due
    s1 = [received(r, ref), acknowledged(a1, 1, "A. Khan")]
    s2 = [
        *s1,
        responded(due1, 1, "A. Khan"),
        simple("escalation_requested", esc),
        acknowledged(a2, 2, "B. Osei"),
    ]
    for stage, start, due in ((1, s1, due1), (2, s2, due2)):
        limit = ed.timescales(Stage(stage)).extension_limit
        p = ed.citations[f"extend_stage_{stage}"]
        notice = ed.citations[f"extension_notice_stage_{stage}"]
        for k in SIDES:
            n = limit + k
            out.append(
                vector(
                    "lifecycle",
                    f"extension-limit/{iso(r)}/stage-{stage}/{n}",
                    f"stage {stage} extended by {n} working days without a good reason "
                    f"(limit {limit})",
                    [p],
                    ed.year,
                    {"events": [*start, extended(days(due, -1), stage, n)]},
                    (f"{p} ({ed.year}) limit", k) if ed.year == 2024 else None,
                )
            )
            on = days(due, k)
            out.append(
                vector(
                    "lifecycle",
                    f"extension-notice/{iso(r)}/stage-{stage}/{iso(on)}",
                    f"a stage {stage} extension notified {k:+d} days from the deadline it extends",
                    [p],
                    ed.year,
                    {"events": [*start, extended(on, stage, 5)]},
                    (f"{p} ({ed.year}) notice", k) if ed.year == 2024 else None,
                )
            )
        out.append(
            vector(
                "lifecycle",
                f"extension-good-reason/{iso(r)}/stage-{stage}",
                f"stage {stage} extended beyond the limit with a good reason",
                [p],
                ed.year,
                {
                    "events": [
                        *start,
                        extended(
                            days(due, -1),
                            stage,
                            limit + 5,
                            good="The contractor's report is awaited.",
                        ),
                    ]
                },
            )
        )
        out.append(
            vector(
                "lifecycle",
                f"extension-no-ombudsman/{iso(r)}/stage-{stage}",
                f"a stage {stage} extension notice without the Ombudsman's details",
                [notice],
                ed.year,
                {"events": [*start, extended(days(due, -1), stage, 5, details=False)]},
            )
        )
        out.append(
            vector(
                "lifecycle",
                f"extension-no-reason/{iso(r)}/stage-{stage}",
                f"a stage {stage} extension that gives no reason",
                [p],
                ed.year,
                {"events": [*start, extended(days(due, -1), stage, 5, reason=" ")]},
            )
        )
    return out


def lifecycle() -> list[Json]:
    out: list[Json] = []
    for r in LIFE_DAYS:
        for name, (description, provisions, events) in _life(r).items():
            # 5.2 and 5.3 (no stage before stage 1, none after stage 2) are cited by their
            # 2024 numbers, whatever the complaint's edition.
            edition = 2024 if set(provisions) & {"5.2", "5.3"} else _ed(r)
            out.append(
                vector(
                    "lifecycle",
                    f"{name}/{iso(r)}",
                    description,
                    provisions,
                    edition,
                    {"events": events},
                )
            )
        out += _extension_steps(r)
    return out


# --- audit ----------------------------------------------------------------------

AUDIT_DAYS = (
    D(2022, 12, 21),
    D(2023, 5, 26),
    D(2024, 3, 28),
    D(2024, 5, 3),
    D(2024, 12, 18),
    D(2025, 8, 22),
    D(2026, 3, 31),
)


def complaint(events: list[Json]) -> Json:
    return {"format": "complaintcode/complaint@1", "events": events}


def audit_vector(
    ident: str,
    description: str,
    provisions: list[str],
    r: D,
    events: list[Json],
    as_of: D,
    boundary: tuple[str, int] | None = None,
) -> Json:
    return vector(
        "audit",
        ident,
        description,
        provisions,
        _ed(r),
        {"complaint": complaint(events), "as_of": iso(as_of)},
        boundary,
    )


def _audit_timescales(r: D) -> list[Json]:
    out: list[Json] = []
    ed = _ed(r)
    ref = f"A-{r:%Y%m%d}"
    ack_p, resp_p = _cite(r, "acknowledge_stage_1"), _cite(r, "respond_stage_1")
    ack_due = acknowledgement_due(1, received=r).due  # type: ignore[union-attr]
    for k in SIDES:
        on = days(ack_due, k)
        events = [received(r, ref), acknowledged(on, 1, "A. Khan")]
        out.append(
            audit_vector(
                f"acknowledged/{iso(r)}/{iso(on)}",
                f"stage 1 acknowledged {k:+d} days from its deadline",
                [ack_p],
                r,
                events,
                on,
                (f"{ack_p} ({ed})", k),
            )
        )
    a1 = wd(r, 3)
    due1 = response_due(1, received=r, acknowledged=a1).due
    for k in SIDES:
        on = days(due1, k)
        events = [received(r, ref), acknowledged(a1, 1, "A. Khan"), responded(on, 1, "A. Khan")]
        out.append(
            audit_vector(
                f"responded/{iso(r)}/{iso(on)}",
                f"stage 1 responded to {k:+d} days from its deadline",
                [resp_p],
                r,
                events,
                on,
                (f"{resp_p} ({ed})", k),
            )
        )
    for k in (-1, 0, 1, 15):
        as_of = days(ack_due, k)
        out.append(
            audit_vector(
                f"open/{iso(r)}/as-of-{iso(as_of)}",
                f"received and not yet acknowledged, as of {k:+d} days from the deadline",
                [ack_p],
                r,
                [received(r, ref)],
                as_of,
            )
        )
    esc = wd(due1, 4)
    base2 = [
        received(r, ref),
        acknowledged(a1, 1, "A. Khan"),
        responded(due1, 1, "A. Khan"),
        simple("escalation_requested", esc),
    ]
    ack2_p, resp2_p = _cite(r, "acknowledge_stage_2"), _cite(r, "respond_stage_2")
    ack2 = acknowledgement_due(2, received=r, escalation_requested=esc)
    if ack2 is not None:
        for k in SIDES:
            on = days(ack2.due, k)
            out.append(
                audit_vector(
                    f"acknowledged-2/{iso(r)}/{iso(on)}",
                    f"stage 2 acknowledged {k:+d} days from its deadline",
                    [ack2_p],
                    r,
                    [*base2, acknowledged(on, 2, "B. Osei")],
                    on,
                    (f"{ack2_p} ({ed})", k),
                )
            )
    a2 = wd(esc, 3)
    due2 = response_due(2, received=r, acknowledged=a2, escalation_requested=esc).due
    for k in SIDES:
        on = days(due2, k)
        events = [*base2, acknowledged(a2, 2, "B. Osei"), responded(on, 2, "B. Osei")]
        out.append(
            audit_vector(
                f"responded-2/{iso(r)}/{iso(on)}",
                f"the final response {k:+d} days from its deadline",
                [resp2_p],
                r,
                events,
                on,
                (f"{resp2_p} ({ed})", k),
            )
        )
    return out


def _audit_conduct(r: D) -> list[Json]:
    out: list[Json] = []
    ref = f"B-{r:%Y%m%d}"
    a1 = wd(r, 2)
    due1 = response_due(1, received=r, acknowledged=a1).due
    esc = wd(due1, 2)
    a2 = wd(esc, 2)
    head = [received(r, ref), acknowledged(a1, 1, "A. Khan")]
    answered = [*head, responded(due1, 1, "A. Khan")]
    late = wd(due1, 4)
    cases: list[tuple[str, str, list[str], list[Json], D]] = [
        (
            "same-handler",
            "the stage 1 handler acknowledged stage 2",
            [_cite(r, "different_handler")],
            [*answered, simple("escalation_requested", esc), acknowledged(a2, 2, "a. khan")],
            a2,
        ),
        (
            "stage-1-responder-final",
            "the stage 1 responder wrote the final response",
            [_cite(r, "different_handler")],
            [
                *answered,
                simple("escalation_requested", esc),
                acknowledged(a2, 2, "B. Osei"),
                responded(wd(a2, 10), 2, "a. khan"),
            ],
            wd(a2, 10),
        ),
        (
            "escalated-early",
            "stage 2 asked for and run before any stage 1 response",
            [_cite(r, "respond_stage_1")],
            [
                *head,
                simple("escalation_requested", wd(a1, 3)),
                acknowledged(wd(a1, 5), 2, "B. Osei"),
            ],
            wd(a1, 5),
        ),
        (
            "late-no-updates",
            "a late stage 1 response with no intervals for updates agreed",
            [_cite(r, "respond_stage_1")],
            [*head, responded(late, 1, "A. Khan")],
            late,
        ),
        (
            "late-updates-agreed",
            "a late stage 1 response with intervals for updates agreed",
            [_cite(r, "respond_stage_1")],
            [
                *head,
                {"kind": "updates_agreed", "on": iso(days(due1, -1)), "every_working_days": 5},
                responded(late, 1, "A. Khan"),
            ],
            late,
        ),
        (
            "no-responsibility",
            "an acknowledgement that does not say what the landlord is responsible for",
            [],
            [
                received(r, ref),
                acknowledged(
                    a1,
                    1,
                    "A. Khan",
                    {k: v for k, v in DEFINITION.items() if k != "responsible_for"},
                ),
            ],
            a1,
        ),
        (
            "no-outcomes",
            "a complaint definition with no outcomes sought and no clarification",
            [_cite(r, "definition_stage_1")],
            [
                received(r, ref),
                acknowledged(a1, 1, "A. Khan", {**DEFINITION, "outcomes_sought": []}),
            ],
            a1,
        ),
        (
            "issue-not-folded",
            "a related issue raised before the stage 1 response, not folded in",
            [_cite(r, "additional_issues")],
            [
                *head,
                {
                    "kind": "issue_raised",
                    "on": iso(wd(a1, 1)),
                    "description": "the damp",
                    "related": True,
                    "folded": False,
                },
                responded(due1, 1, "A. Khan"),
            ],
            due1,
        ),
        (
            "issue-folded-unrelated",
            "an unrelated issue folded into the stage 1 response",
            [_cite(r, "additional_issues")],
            [
                *head,
                {
                    "kind": "issue_raised",
                    "on": iso(wd(a1, 1)),
                    "description": "parking",
                    "related": False,
                    "folded": True,
                },
                responded(due1, 1, "A. Khan"),
            ],
            due1,
        ),
        (
            "issue-delay-reason",
            "a related issue kept apart for a reason recorded",
            [],
            [
                *head,
                {
                    "kind": "issue_raised",
                    "on": iso(wd(a1, 1)),
                    "description": "the damp",
                    "related": True,
                    "folded": False,
                    "delay_reason": "It needs a survey.",
                },
                responded(due1, 1, "A. Khan"),
            ],
            due1,
        ),
        (
            "action-overdue",
            "an outstanding action not complete by its date",
            [_cite(r, "outstanding_actions_stage_1")],
            [
                *answered,
                {
                    "kind": "action_added",
                    "on": iso(due1),
                    "action_id": "A1",
                    "description": "replace the ceiling",
                    "due": iso(wd(due1, 10)),
                    "stage": 1,
                },
            ],
            wd(due1, 12),
        ),
        (
            "action-completed-late",
            "an outstanding action completed after its date",
            [_cite(r, "outstanding_actions_stage_1")],
            [
                *answered,
                {
                    "kind": "action_added",
                    "on": iso(due1),
                    "action_id": "A1",
                    "description": "replace the ceiling",
                    "due": iso(wd(due1, 10)),
                    "stage": 1,
                },
                {"kind": "action_completed", "on": iso(wd(due1, 11)), "action_id": "A1"},
            ],
            wd(due1, 11),
        ),
        (
            "extension-over-limit",
            "a stage 1 extension beyond the limit without a good reason",
            [_cite(r, "extend_stage_1")],
            [*head, extended(days(due1, -1), 1, 12), responded(wd(due1, 12), 1, "A. Khan")],
            wd(due1, 12),
        ),
        (
            "extension-late-notice",
            "a stage 1 extension notified after the deadline it extends",
            [_cite(r, "extend_stage_1")],
            [*head, extended(days(due1, 2), 1, 5), responded(wd(due1, 5), 1, "A. Khan")],
            wd(due1, 5),
        ),
        (
            "extension-no-details",
            "a stage 1 extension notice without the Ombudsman's details",
            [_cite(r, "extension_notice_stage_1")],
            [
                *head,
                extended(days(due1, -1), 1, 5, details=False),
                responded(wd(due1, 5), 1, "A. Khan"),
            ],
            wd(due1, 5),
        ),
        (
            "withdrawn",
            "withdrawn before the stage 1 response was due",
            [],
            [*head, simple("withdrawn", wd(a1, 3))],
            wd(due1, 10),
        ),
        (
            "withdrawn-late",
            "withdrawn after the stage 1 response was due and not sent",
            [_cite(r, "respond_stage_1")],
            [*head, simple("withdrawn", wd(due1, 3))],
            wd(due1, 10),
        ),
    ]
    for name, description, provisions, events, as_of in cases:
        out.append(audit_vector(f"{name}/{iso(r)}", description, provisions, r, events, as_of))
    return out


def audit() -> list[Json]:
    out: list[Json] = []
    for r in AUDIT_DAYS:
        out += _audit_timescales(r)
        out += _audit_conduct(r)
    return out


# --- exclusions -----------------------------------------------------------------

ISSUES = (
    D(2023, 1, 31),
    D(2023, 8, 31),
    D(2024, 2, 29),
    D(2024, 3, 31),
    D(2024, 10, 15),
    D(2025, 1, 31),
)


def exclusions() -> list[Json]:
    out: list[Json] = []
    for issue in ISSUES:
        for aware in (None, days(issue, 45)):
            start = aware or issue
            for edition in (CODE_2022, CODE_2024):
                months = edition.exclusion_months
                ends = _months(start, months)
                p = edition.citations["exclusion_time_limit"]
                for k in SIDES:
                    got = days(ends, k)
                    if edition_for(got) is not edition:
                        continue
                    facts: Json = {"received": iso(got), "issue_occurred": iso(issue)}
                    if aware:
                        facts["became_aware"] = iso(aware)
                    from_ = "becoming aware" if aware else "the issue"
                    out.append(
                        vector(
                            "exclusions",
                            f"time-limit/{iso(issue)}/"
                            f"{'aware-' + iso(aware) + '/' if aware else ''}{iso(got)}",
                            f"received {k:+d} days from the end of {months} months after {from_}",
                            [p],
                            edition.year,
                            {"facts": facts},
                            (f"{p} ({edition.year})", k),
                        )
                    )
    r = D(2025, 3, 3)
    issue = D(2025, 1, 6)
    proceedings = (
        (
            "claim-filed-before",
            "a claim filed at court before the decision",
            {"claim_filed_at_court": "2025-02-20"},
            None,
        ),
        (
            "claim-filed-on-decision-day",
            "a claim filed at court on the day of the decision",
            {"claim_filed_at_court": "2025-03-10"},
            "2025-03-10",
        ),
        (
            "claim-filed-after",
            "a claim filed at court after the decision",
            {"claim_filed_at_court": "2025-03-10"},
            "2025-03-07",
        ),
        (
            "pre-action-letter",
            "a pre-action letter only: proceedings have not started",
            {"pre_action_letter": "2025-02-14"},
            None,
        ),
        (
            "pre-action-then-claim",
            "a pre-action letter, then a claim filed at court",
            {"pre_action_letter": "2025-02-14", "claim_filed_at_court": "2025-02-28"},
            None,
        ),
        (
            "previously-completed-stage-2",
            "the same matter had its final response before",
            {
                "previously_considered": {
                    "reference": "C-7",
                    "completed_stage": 2,
                    "status": "completed",
                }
            },
            None,
        ),
        (
            "previously-completed-stage-1",
            "the same matter was answered at stage 1, not escalated",
            {
                "previously_considered": {
                    "reference": "C-7",
                    "completed_stage": 1,
                    "status": "completed",
                }
            },
            None,
        ),
        (
            "previously-open",
            "the same matter is still open as another complaint",
            {"previously_considered": {"reference": "C-7", "completed_stage": 1, "status": "open"}},
            None,
        ),
        (
            "previously-withdrawn",
            "the same matter was withdrawn before",
            {
                "previously_considered": {
                    "reference": "C-7",
                    "completed_stage": None,
                    "status": "withdrawn",
                }
            },
            None,
        ),
        (
            "late-and-in-court",
            "late and in court: two grounds",
            {"issue_occurred": "2023-06-01", "claim_filed_at_court": "2025-02-20"},
            None,
        ),
    )
    for year in (2022, 2024):
        got = r if year == 2024 else D(2023, 3, 3)
        base_issue = issue if year == 2024 else D(2023, 1, 6)
        for name, description, extra, on in proceedings:
            facts = {"received": iso(got), "issue_occurred": iso(base_issue), **extra}
            if year == 2022:
                facts = {k: _back(v) for k, v in facts.items()}
            data: Json = {"facts": facts}
            if on is not None:
                data["on"] = on if year == 2024 else _back(on)
            p = edition_for(got).citations["exclusion_grounds"]
            out.append(vector("exclusions", f"{name}/{year}", description, [p], year, data))
    invalid = (
        ("issue-after-receipt", {"received": "2025-03-03", "issue_occurred": "2025-03-04"}),
        (
            "aware-before-issue",
            {
                "received": "2025-03-03",
                "issue_occurred": "2025-01-06",
                "became_aware": "2025-01-05",
            },
        ),
        (
            "aware-after-receipt",
            {
                "received": "2025-03-03",
                "issue_occurred": "2025-01-06",
                "became_aware": "2025-03-04",
            },
        ),
    )
    for name, facts in invalid:
        out.append(
            vector(
                "exclusions",
                f"invalid/{name}",
                "facts no complaint could have are refused",
                [],
                2024,
                {"facts": facts},
            )
        )
    out.append(
        vector(
            "exclusions",
            "invalid/decision-before-receipt",
            "a decision dated before the complaint was received is refused",
            [],
            2024,
            {
                "facts": {"received": "2025-03-03", "issue_occurred": "2025-01-06"},
                "on": "2025-03-02",
            },
        )
    )
    return out


def _back(value: object) -> object:
    """A 2025 date of the proceedings cases moved two years back, into the 2022 edition."""
    if isinstance(value, str) and value.startswith("2025-"):
        return "2023-" + value[5:]
    if isinstance(value, str) and value.startswith("2023-"):
        return "2021-" + value[5:]
    return value


def _months(start: D, months: int) -> D:
    """The same day ``months`` calendar months on, or the month's last day where it is shorter."""
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    return D(year, month0 + 1, min(start.day, monthrange(year, month0 + 1)[1]))


# --- letters --------------------------------------------------------------------

OMBUDSMAN = (
    "Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET. Telephone: "
    "0300 111 3000. Website: www.housing-ombudsman.org.uk"
)
RIGHT = (
    "You have the right to ask the Housing Ombudsman Service to look at this decision. "
    f"You can contact the Ombudsman here: {OMBUDSMAN}."
)
DECISION = {
    "point": "the leak",
    "decision": "upheld",
    "reasons": "The leak was reported in January and the visits were missed.",
}
REMEDY = {"kind": "apology", "what": "We are sorry that the repair visits were missed."}
ACTION = {"what": "Replace the ceiling boards.", "due": "2024-07-01"}


def _response(stage: int) -> Json:
    return {
        "type": f"stage_{stage}_response",
        "definition": DEFINITION,
        "decisions": [DECISION, {**DECISION, "point": "the missed visits"}],
        "remedies": [REMEDY],
        "outstanding_actions": [ACTION],
        "escalation": (
            "If you are unhappy with this answer, reply to ask for stage 2 of our process."
            if stage == 1
            else "If you remain unhappy you can refer your complaint to the Housing Ombudsman: "
            + OMBUDSMAN
        ),
    }


def letters() -> list[Json]:
    out: list[Json] = []
    cases: list[tuple[str, str, Json]] = []
    for stage in (1, 2):
        full = _response(stage)
        cases += [
            (f"stage-{stage}/complete", f"a complete stage {stage} response", full),
            (
                f"stage-{stage}/no-definition",
                "no complaint definition set out",
                {**full, "definition": {**DEFINITION, "understanding": " "}},
            ),
            (f"stage-{stage}/no-decisions", "no decision on any point", {**full, "decisions": []}),
            (
                f"stage-{stage}/one-point-undecided",
                "a point of the definition left undecided",
                {**full, "decisions": [DECISION]},
            ),
            (
                f"stage-{stage}/no-reasons",
                "a decision without reasons",
                {
                    **full,
                    "decisions": [
                        {**DECISION, "reasons": " "},
                        {**DECISION, "point": "the missed visits"},
                    ],
                },
            ),
            (f"stage-{stage}/no-remedy", "upheld with no remedy offered", {**full, "remedies": []}),
            (
                f"stage-{stage}/action-no-date",
                "an outstanding action without a date",
                {**full, "outstanding_actions": [{"what": "Replace the ceiling boards."}]},
            ),
            (
                f"stage-{stage}/no-escalation",
                "nothing on what to do next",
                {**full, "escalation": " "},
            ),
            (
                f"stage-{stage}/financial-no-date",
                "a financial remedy with no date for payment",
                {
                    **full,
                    "remedies": [
                        REMEDY,
                        {"kind": "financial", "what": "We will pay you.", "amount": "75.00"},
                    ],
                },
            ),
        ]
    ack = {"type": "acknowledgement", "stage": 1, "definition": DEFINITION}
    no_aspects = {k: v for k, v in DEFINITION.items() if k != "responsible_for"}
    cases += [
        ("acknowledgement/complete", "a complete acknowledgement", ack),
        (
            "acknowledgement/no-aspects",
            "an acknowledgement silent on what the landlord is, and is not, responsible for",
            {**ack, "definition": no_aspects},
        ),
        (
            "acknowledgement/no-points",
            "an acknowledgement whose definition has no points",
            {**ack, "definition": {**DEFINITION, "points": []}},
        ),
        (
            "acknowledgement/no-outcomes",
            "an acknowledgement with no outcomes and no clarification",
            {**ack, "definition": {**DEFINITION, "outcomes_sought": []}},
        ),
        (
            "acknowledgement/clarification",
            "no outcomes, but clarification asked for",
            {
                **ack,
                "definition": {
                    **DEFINITION,
                    "outcomes_sought": [],
                    "clarification_sought": ["Which rooms are affected?"],
                },
            },
        ),
        ("acknowledgement/stage-2", "a stage 2 acknowledgement", {**ack, "stage": 2}),
    ]
    for stage in (1, 2):
        notice = {
            "type": "extension_notice",
            "stage": stage,
            "reason": "We need a survey.",
            "original_due": "2024-07-01",
            "new_date": "2024-07-08",
            "ombudsman_contact": OMBUDSMAN,
        }
        cases += [
            (f"extension-{stage}/complete", f"a stage {stage} extension notice", notice),
            (
                f"extension-{stage}/no-ombudsman",
                "without the Ombudsman's contact details",
                {**notice, "ombudsman_contact": ""},
            ),
            (f"extension-{stage}/no-reason", "without a reason", {**notice, "reason": " "}),
            (
                f"extension-{stage}/no-new-date",
                "without the new date",
                {**notice, "new_date": None},
            ),
            (
                f"extension-{stage}/long",
                "longer than the limit without a good reason",
                {**notice, "new_date": "2024-08-30"},
            ),
            (
                f"extension-{stage}/long-good-reason",
                "longer than the limit with a good reason",
                {
                    **notice,
                    "new_date": "2024-08-30",
                    "good_reason": "The contractor's report is late.",
                },
            ),
        ]
    for kind, p in (("decline_notice", "decline"), ("escalation_refusal", "refusal")):
        notice = {
            "type": kind,
            "reasons": "The matter is before the court.",
            "grounds": ["A claim was filed at court on 20 February 2025."],
            "ombudsman_right": RIGHT,
        }
        cases += [
            (f"{p}/complete", f"a complete {kind.replace('_', ' ')}", notice),
            (f"{p}/no-reasons", "without reasons", {**notice, "reasons": " "}),
            (f"{p}/no-grounds", "naming no ground", {**notice, "grounds": []}),
            (
                f"{p}/no-right",
                "without the right to go to the Ombudsman",
                {**notice, "ombudsman_right": ""},
            ),
        ]
    for name, description, letter in cases:
        kind = str(letter["type"])
        for edition in (CODE_2024, CODE_2022):
            provisions = sorted({_letter_provision(kind, letter, edition)})
            out.append(
                vector(
                    "letters",
                    f"{name}/{edition.year}",
                    description,
                    provisions,
                    edition.year,
                    {"letter": letter, "edition": edition.year},
                )
            )
    return out


def _letter_provision(kind: str, letter: Json, edition: Any) -> str:  # noqa: ANN401
    stage = letter.get("stage", 1)
    key = {
        "stage_1_response": "letter_stage_1",
        "stage_2_response": "letter_stage_2",
        "acknowledgement": f"definition_stage_{stage}",
        "extension_notice": f"extension_notice_stage_{stage}",
        "decline_notice": "decline_notice",
        "escalation_refusal": "refuse_escalation",
    }[kind]
    return str(edition.citations[key])


# --- report ---------------------------------------------------------------------


def _answered(
    ref: str,
    r: D,
    ack_k: int,
    resp_k: int,
    *,
    escalate: bool = False,
    ext: int | None = None,
    close: bool = True,
) -> list[Json]:
    """A complaint acknowledged and answered some working days off its deadlines."""
    ack_due = acknowledgement_due(1, received=r).due  # type: ignore[union-attr]
    a1 = wd(ack_due, ack_k) if ack_k > 0 else days(ack_due, ack_k)
    due = response_due(1, received=r, acknowledged=a1).due
    events = [received(r, ref), acknowledged(a1, 1, "A. Khan")]
    if ext is not None:
        events.append(extended(days(due, -1), 1, ext))
        due = wd(due, ext)
    s1 = wd(due, resp_k) if resp_k > 0 else days(due, resp_k)
    events.append(responded(s1, 1, "A. Khan"))
    if escalate:
        esc = wd(s1, 5)
        a2 = wd(esc, 3)
        due2 = response_due(2, received=r, acknowledged=a2, escalation_requested=esc).due
        events += [
            simple("escalation_requested", esc),
            acknowledged(a2, 2, "B. Osei"),
            responded(wd(due2, resp_k) if resp_k > 0 else days(due2, resp_k), 2, "B. Osei"),
        ]
    elif close:
        events.append(simple("closed", wd(s1, 10)))
    return events


def report() -> list[Json]:
    out: list[Json] = []
    for year in (2023, 2024, 2025):
        start = D(year, 4, 1)
        sets: list[tuple[str, str, list[list[Json]], int, Json]] = [
            (
                "in-time",
                "three complaints answered in time",
                [
                    _answered("R1", days(start, 10), 0, 0),
                    _answered("R2", days(start, 40), -2, -1),
                    _answered("R3", days(start, 100), 0, -3, escalate=True),
                ],
                1000,
                {},
            ),
            (
                "late",
                "one late at stage 1, one late at both stages",
                [
                    _answered("R1", days(start, 10), 0, 1),
                    _answered("R2", days(start, 60), 1, 3, escalate=True),
                    _answered("R3", days(start, 150), 0, 0),
                ],
                2500,
                {},
            ),
            (
                "extended",
                "answered within a Code-compliant extension, and beyond one",
                [
                    _answered("R1", days(start, 20), 0, 0, ext=8),
                    _answered("R2", days(start, 80), 0, 0, ext=14),
                    _answered("R3", days(start, 200), 0, 2, ext=5),
                ],
                4800,
                {},
            ),
            (
                "withdrawn",
                "withdrawn complaints, counted and not",
                [
                    [received(days(start, 5), "R1"), simple("withdrawn", days(start, 7))],
                    _answered("R2", days(start, 30), 0, 0),
                ],
                333,
                {"include_withdrawn": False},
            ),
            (
                "withdrawn-counted",
                "withdrawn complaints counted (the default)",
                [
                    [received(days(start, 5), "R1"), simple("withdrawn", days(start, 7))],
                    _answered("R2", days(start, 30), 0, 0),
                ],
                333,
                {},
            ),
            (
                "outside-year",
                "complaints before and after the year are passed over",
                [
                    _answered("R1", days(start, -30), 0, 0),
                    _answered("R2", days(start, 40), 0, 0),
                    _answered("R3", D(year + 1, 3, 25), 0, 0, close=False),
                ],
                750,
                {},
            ),
            (
                "year-end",
                "received on the year's last day, answered in the next",
                [_answered("R1", D(year + 1, 3, 31), 0, 0)],
                1200,
                {},
            ),
        ]
        for name, description, histories, homes, options in sets:
            data: Json = {
                "complaints": [complaint(h) for h in histories],
                "homes": homes,
                "year": year,
            }
            if options:
                data["options"] = options
            out.append(
                vector(
                    "report",
                    f"{name}/{year}",
                    f"{description} ({year}-{(year + 1) % 100:02d})",
                    ["8.1"],
                    2024,
                    data,
                )
            )
    return out


# --- the kit --------------------------------------------------------------------

MAKERS = {
    "calendar": calendar,
    "deadlines": deadlines,
    "lifecycle": lifecycle,
    "audit": audit,
    "exclusions": exclusions,
    "letters": letters,
    "report": report,
}


def dump(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def metadata() -> Json:
    return {
        "format": KIT_FORMAT,
        "protocol": "complaintcode/conformance-protocol@1",
        "title": "The complaintcode conformance kit: the Housing Ombudsman's Complaint Handling "
        "Code as test vectors",
        "editions": [
            {"year": 2024, "title": CODE_2024.title, "applies_from": "2024-04-01"},
            {"year": 2022, "title": CODE_2022.title, "applies_until": "2024-03-31"},
        ],
        "calendar": {
            "region": "england-and-wales",
            "bank_holidays_from": FIRST_YEAR,
            "bank_holidays_through": LAST_YEAR,
            "source": "https://www.gov.uk/bank-holidays",
        },
        "topics": list(GENERATED),
        "boundaries": [{"id": k, "description": v} for k, v in BOUNDARIES.items()],
        "files": {
            "generated": [f"vectors/{t}.json" for t in GENERATED],
            "hand": [f"vectors/{t}.hand.json" for t in HAND],
        },
    }


def build() -> dict[str, bytes]:
    """Every file the generator writes, by its path in the kit, as bytes."""
    files = {KIT_FILE: dump(metadata())}
    for topic in GENERATED:
        body = {"format": KIT_FORMAT, "topic": topic, "vectors": MAKERS[topic]()}
        files[f"vectors/{topic}.json"] = dump(body)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether files differ")
    args = parser.parse_args(argv)
    stale = []
    for name, data in build().items():
        path = HERE / name
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(name)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for name in stale:
        sys.stdout.write(f"{'differs' if args.check else 'wrote'}: {name}\n")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
