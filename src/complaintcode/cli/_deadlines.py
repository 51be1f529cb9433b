"""The ``deadlines`` command (behind the CLI): what is due at a stage, by when, under which provision.

A room of its own, so that the command loads the deadlines and the calendar and
nothing else of the library.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from complaintcode.cli._io import Console, UsageError, plural
from complaintcode.deadlines import acknowledgement_due, extended_due, response_due
from complaintcode.editions import edition_by_year, edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from complaintcode.deadlines import Deadline
    from complaintcode.editions import Edition

__all__ = ["run_deadlines"]

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FROM = {
    "received": "receipt",
    "acknowledged": "the acknowledgement",
    "escalation requested": "the escalation request",
    "acknowledgement due": "the acknowledgement's due date",
}


def _day(day: dt.date) -> str:
    return f"{day.isoformat()} ({_DAYS[day.weekday()]})"


def _deadline_line(deadline: Deadline, done: dt.date | None) -> str:
    line = (
        f"{deadline.provision.number}: {deadline.action} at {deadline.stage} by "
        f"{_day(deadline.due)}, {plural(deadline.working_days, 'working day')} from "
        f"{_FROM.get(deadline.counted_from_event, deadline.counted_from_event)} on "
        f"{deadline.counted_from.isoformat()}"
    )
    if done is not None:
        verdict = "in time" if deadline.is_met_by(done) else "late"
        line += f"; done on {done.isoformat()}, {verdict}"
    if deadline.note:
        line += f"\n    {deadline.note}"
    return line


def _deadline_data(deadline: Deadline, done: dt.date | None) -> dict[str, object]:
    return {
        "provision": deadline.provision.number,
        "edition": deadline.edition.year,
        "action": deadline.action,
        "stage": int(deadline.stage),
        "due": deadline.due.isoformat(),
        "working_days": deadline.working_days,
        "counted_from": deadline.counted_from.isoformat(),
        "counted_from_event": deadline.counted_from_event,
        "projected": deadline.projected,
        "note": deadline.note or None,
        "done": None if done is None else done.isoformat(),
        "in_time": None if done is None else deadline.is_met_by(done),
    }


def _deadlines_json(
    args: argparse.Namespace,
    edition: Edition,
    ack: Deadline | None,
    response: Deadline,
    longest: Deadline,
) -> str:
    """The deadlines of ``deadlines --format json``, as documented in ``docs/cli.md``."""
    stage = Stage(args.stage)
    requested = args.escalation_requested
    data = {
        "received": args.received.isoformat(),
        "edition": edition.year,
        "stage": int(stage),
        "escalation_requested": None if requested is None else requested.isoformat(),
        "acknowledge": None if ack is None else _deadline_data(ack, args.acknowledged),
        "respond": _deadline_data(response, None),
        "extension_limit": {
            "provision": edition.cite(f"extend_stage_{int(stage)}").number,
            "working_days": edition.timescales(stage).extension_limit,
            "respond_by": longest.due.isoformat(),
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def run_deadlines(args: argparse.Namespace, console: Console) -> int:
    """Print what is due at a stage, by when, under which provision."""
    stage = Stage(args.stage)
    received, requested, acknowledged = args.received, args.escalation_requested, args.acknowledged
    if stage is Stage.ONE and requested is not None:
        raise UsageError("--escalation-requested is for --stage 2")
    if stage is Stage.TWO and requested is None:
        raise UsageError("--stage 2 needs --escalation-requested DATE")
    edition = edition_for(received) if args.edition is None else edition_by_year(args.edition)
    try:
        ack = acknowledgement_due(
            stage, received=received, escalation_requested=requested, edition=edition
        )
        response = response_due(
            stage,
            received=received,
            acknowledged=acknowledged,
            escalation_requested=requested,
            edition=edition,
        )
        limit = edition.timescales(stage).extension_limit
        longest = extended_due(response, limit)
    except InvalidRecord as err:
        raise UsageError(str(err)) from None
    if getattr(args, "format", "text") == "json":
        console.write(_deadlines_json(args, edition, ack, response, longest))
        return console.exit_code()
    lines = [f"Received on {_day(received)}: the {edition.year} edition applies."]
    if stage is Stage.TWO and requested is not None:
        lines.append(f"Escalation requested on {_day(requested)}.")
    if ack is None:
        lines.append(f"The {edition.year} edition sets no timescale to acknowledge at {stage}.")
    else:
        lines.append(_deadline_line(ack, acknowledged))
    lines.append(_deadline_line(response, None))
    lines.append(
        f"{edition.cite(f'extend_stage_{int(stage)}').number}: an extension of up to "
        f"{limit} working days needs no good reason: respond by {_day(longest.due)} at the latest"
    )
    console.write("\n".join(lines))
    return console.exit_code()
