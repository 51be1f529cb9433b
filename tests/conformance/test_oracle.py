"""The kit's calendar and deadline vectors, checked against an oracle independent of the library.

The oracle is numpy's business-day arithmetic over GOV.UK's bank holidays for
England and Wales, typed out by hand in ``govuk_bank_holidays.json`` (one-off
days included), and the timescales of the Code's two editions as the Code states
them. Nothing here calls complaintcode: every expected value in the kit's
``calendar`` and ``deadlines`` files, hand-written or generated, must agree.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOVUK = json.loads((Path(__file__).parent / "govuk_bank_holidays.json").read_text("utf-8"))
HOLIDAYS = np.array(
    sorted(day for year in GOVUK["dates"].values() for day in year), dtype="datetime64[D]"
)
FIRST = dt.date(GOVUK["first_year"], 1, 1)
LAST = dt.date(GOVUK["last_year"], 12, 31)

#: Each edition's provisions and timescales, as the Code states them (working days).
CODE: dict[int, dict[str, Any]] = {
    2024: {
        "ack": {1: ("6.2", 5), 2: ("6.11", 5)},
        "respond": {1: ("6.3", 10), 2: ("6.14", 20)},
        "extend": {1: ("6.4", 10), 2: ("6.15", 20)},
        "limit_is_a_must": True,
    },
    2022: {
        "ack": {1: ("4.1", 5), 2: (None, None)},
        "respond": {1: ("5.1", 10), 2: ("5.13", 20)},
        "extend": {1: ("5.1", 10), 2: ("5.13", 10)},
        "limit_is_a_must": False,
    },
}
BEFORE_STAGE_1 = {"0", "stage 0", "informal"}
AFTER_STAGE_2 = {"3", "stage 3", "third"}


class Refused(Exception):  # an answer of the kit, not an error of the test
    def __init__(self, provision: str | None) -> None:
        self.provision = provision


def day(text: str) -> dt.date:
    value = dt.date.fromisoformat(text)
    assert FIRST <= value <= LAST, f"{value} is outside the bank holidays typed out"
    return value


def add(start: dt.date, n: int) -> dt.date:
    """The nth working day after ``start`` (day 0, never counted)."""
    if n == 0:
        return start
    found = np.busday_offset(np.datetime64(start), n, roll="backward", holidays=HOLIDAYS)
    result: dt.date = found.astype(dt.date)
    assert result <= LAST
    return result


def between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``; negative backwards."""
    if end < start:
        return -between(end, start)
    one = np.timedelta64(1, "D")
    return int(
        np.busday_count(np.datetime64(start) + one, np.datetime64(end) + one, holidays=HOLIDAYS)
    )


def calendar(data: dict[str, Any]) -> dict[str, Any]:
    if data["question"] == "is_working_day":
        return {
            "working_day": bool(np.is_busday(np.datetime64(day(data["day"])), holidays=HOLIDAYS))
        }
    if data["question"] == "add_working_days":
        return {"day": add(day(data["start"]), data["days"]).isoformat()}
    return {"working_days": between(day(data["start"]), day(data["end"]))}


def _stage(value: object) -> int:
    text = str(value).strip().lower()
    if text in BEFORE_STAGE_1:
        raise Refused("5.2")
    if text in AFTER_STAGE_2:
        raise Refused("5.3")
    if text not in ("1", "2"):
        raise Refused(None)
    return int(text)


def _optional(data: dict[str, Any], name: str) -> dt.date | None:
    return day(data[name]) if data.get(name) else None


def deadlines(data: dict[str, Any]) -> dict[str, Any]:
    received = day(data["received"])
    edition = 2024 if received >= dt.date(2024, 4, 1) else 2022
    if data["question"] == "edition":
        return {"edition": edition}
    code = CODE[edition]
    calendar_days = data.get("days") == "calendar"
    stage = _stage(data["stage"])
    asked, acked, done = (
        _optional(data, n) for n in ("escalation_requested", "acknowledged", "done")
    )
    if stage == 2 and (asked is None or asked < received):
        raise Refused(None)
    first = received if stage == 1 else asked
    assert first is not None
    if acked is not None and acked < first:
        raise Refused(None)
    provision, days = code["ack"][stage]
    ack_due = None
    if days is not None:
        ack_due = (
            first + dt.timedelta(days=days) if calendar_days and stage == 1 else add(first, days)
        )
    if data["question"] == "acknowledgement":
        return {
            "edition": edition,
            "provision": provision,
            "due": ack_due and ack_due.isoformat(),
            "in_time": None if done is None or ack_due is None else done <= ack_due,
        }
    provision, days = code["respond"][stage]
    if edition == 2022 and stage == 2:
        start, projected = first, False
    elif acked is not None:
        start, projected = acked, False
    else:
        assert ack_due is not None
        start, projected = ack_due, True
    due = add(start, days)
    if data["question"] == "response":
        return {
            "edition": edition,
            "provision": provision,
            "due": due.isoformat(),
            "counted_from": start.isoformat(),
            "projected": projected,
            "in_time": None if done is None else done <= due,
        }
    provision, limit = code["extend"][stage]
    total, within = 0, True
    for ext in data["extensions"]:
        total += ext["working_days"]
        length = (add(due, total) - due).days if calendar_days else total
        ok = length <= limit or bool((ext["good_reason"] or "").strip())
        if not ok and code["limit_is_a_must"]:
            raise Refused(provision)
        within = within and ok
    new_due = add(due, total)
    return {
        "edition": edition,
        "provision": provision,
        "original_due": due.isoformat(),
        "due": new_due.isoformat(),
        "extended_by": total,
        "within_limit": within,
        "in_time": None if done is None else done <= new_due,
    }


def oracle(topic: str, data: dict[str, Any]) -> dict[str, Any]:
    try:
        return calendar(data) if topic == "calendar" else deadlines(data)
    except Refused as refused:
        reason = "invalid" if refused.provision is None else "breach"
        return {"refused": {"reason": reason, "provision": refused.provision}}


def kit(topic: str) -> list[dict[str, Any]]:
    found = []
    for path in sorted((ROOT / "conformance" / "vectors").glob(f"{topic}*.json")):
        found += json.loads(path.read_text("utf-8"))["vectors"]
    return found


def test_the_typed_list_has_every_one_off_day() -> None:
    """GOV.UK's one-off days: 8 May 2020, 2 and 3 June 2022, 19 September 2022, 8 May 2023."""
    typed = {str(d) for d in HOLIDAYS}
    assert set(GOVUK["one_off"]) <= typed
    assert {"2020-05-04", "2022-05-30"}.isdisjoint(typed)
    assert len(typed) == 83


def test_the_typed_list_has_no_weekend_day() -> None:
    """Bank holidays are taken on weekdays: the typed list has no Saturday or Sunday."""
    assert not any(np.is_busday(HOLIDAYS, weekmask="0000011"))


@pytest.mark.parametrize("topic", ["calendar", "deadlines"])
def test_every_vector_agrees_with_the_oracle(topic: str) -> None:
    """6.2, 6.3, 6.4, 6.11, 6.14, 6.15 (and 4.1, 5.1, 5.13 of 2022), counted on GOV.UK's days."""
    vectors = kit(topic)
    assert len(vectors) > 500
    disagree = [v["id"] for v in vectors if oracle(topic, v["input"]) != v["expected"]]
    assert disagree == []


def test_the_hand_vectors_are_checked_too() -> None:
    """The vectors written by hand pass the oracle, as the generated ones do."""
    hand = [v for t in ("calendar", "deadlines") for v in kit(t) if v["source"] == "hand"]
    assert len(hand) >= 100
    assert all(oracle(v["id"].split("/")[0], v["input"]) == v["expected"] for v in hand)
