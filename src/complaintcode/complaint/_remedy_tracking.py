"""Remedies offered in a complaint's responses, followed through to completion (7.3).

The remedies of a recorded response letter (a stage 1 or stage 2 response's
``remedies``) are tracked on the complaint: each is named by the stage whose
response offered it and its position in that letter's remedies, from 0. A
:class:`~complaintcode.complaint.events.RemedyCompleted` event records one as
done; the replay refuses one that names no remedy, or a remedy already done
(marked done before, completed before the letter, or given by the letter
itself, as an apology is). :func:`findings` reports a remedy still to be done
after its date (a breach) and one done after it (a warning, as for an
outstanding action completed late).

A stage 2 response that offers again a remedy of stage 1 offers it in a letter
of its own, so it is tracked twice; the record cannot tell a repeated offer
from a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from complaintcode._codec import shown
from complaintcode.complaint._views import RemedyState, TrackedRemedy
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.letters import Stage1Response, Stage2Response
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from complaintcode.complaint.events import RemedyCompleted, Responded
    from complaintcode.editions import Edition
    from complaintcode.remedies import Remedy

_STAGES = (Stage.ONE, Stage.TWO)

#: The remedies marked done, by (stage, position).
Done = dict[tuple[Stage, int], "RemedyCompleted"]


def _name(stage: Stage, index: int) -> str:
    return f"stage {int(stage)} response, remedies[{index}]"


def _offered(response: Responded | None) -> tuple[Remedy, ...] | None:
    """The remedies a recorded response offers; ``None`` where its letter is not recorded."""
    if response is None:
        return None
    letter = response.letter
    if isinstance(letter, (Stage1Response, Stage2Response)):
        return letter.remedies
    return None


def check_done(responses: list[Responded | None], done: Done, event: RemedyCompleted) -> None:
    """Refuse a completion that names no remedy, or a remedy done already.

    Raises:
        InvalidRecord: With the path of the field at fault (``stage`` or ``index``).
    """
    stage, index = event.stage, event.index
    response = responses[stage]
    if response is None:
        raise InvalidRecord(
            f"no stage {int(stage)} response is recorded, so it offers no remedy", path="stage"
        )
    remedies = _offered(response)
    if remedies is None:
        raise InvalidRecord(
            f"the stage {int(stage)} response was recorded without its letter, so the "
            "remedies it offers are not known",
            path="stage",
        )
    if index >= len(remedies):
        if not remedies:
            offers = "offers no remedies"
        elif len(remedies) == 1:
            offers = "offers 1 remedy (remedies[0])"
        else:
            offers = (
                f"offers {len(remedies)} remedies (remedies[0] to remedies[{len(remedies) - 1}])"
            )
        raise InvalidRecord(
            f"the stage {int(stage)} response {offers}: there is no remedies[{shown(index)}]",
            path="index",
        )
    remedy = remedies[index]
    what = f"the remedy '{remedy.what}' ({_name(stage, index)})"
    earlier = done.get((stage, index))
    if earlier is not None:
        raise InvalidRecord(
            f"{what} was recorded as done already, on {earlier.on.isoformat()}", path="index"
        )
    if remedy.completed_on is not None:
        raise InvalidRecord(
            f"{what} was done already: the letter gives it as completed on "
            f"{remedy.completed_on.isoformat()}",
            path="index",
        )
    if remedy.given_in_letter:
        raise InvalidRecord(f"{what} was given by the letter itself", path="index")


def _tracked(responses: list[Responded | None], done: Done) -> Iterator[TrackedRemedy]:
    for stage in _STAGES:
        response = responses[stage]
        remedies = _offered(response)
        if response is None or not remedies:
            continue
        for index, remedy in enumerate(remedies):
            completed = done.get((stage, index))
            note: str | None = None
            state: RemedyState
            if completed is not None:
                kept = attrs.evolve(remedy, completed_on=completed.on)
                state, done_on, note = "done", completed.on, completed.note
            elif remedy.completed_on is not None:
                kept, state, done_on = remedy, "done", remedy.completed_on
            elif remedy.given_in_letter:
                kept, state, done_on = remedy, "given_in_letter", response.on
            else:
                kept, state, done_on = remedy, "outstanding", None
            yield TrackedRemedy(
                stage=stage,
                index=index,
                remedy=kept,
                offered_on=response.on,
                state=state,
                done_on=done_on,
                note=note,
            )


def tracked(responses: list[Responded | None], done: Done) -> tuple[TrackedRemedy, ...]:
    """The remedies of the recorded responses, stage 1's first, each in its letter's order."""
    return tuple(_tracked(responses, done))


def findings(
    responses: list[Responded | None], done: Done, edition: Edition, as_of: dt.date
) -> list[Finding]:
    """Remedies not done by their date, as of the end of ``as_of``, and those done late (7.3).

    A remedy is due on its ``by_when`` date and overdue from the next day.
    """
    # A complaint escalated before its stage 1 response still has the final response's remedies.
    if not edition.in_force("remedy_by_when"):
        return []
    found: list[Finding] = []
    for item in _tracked(responses, done):
        remedy, by_when = item.remedy, item.remedy.by_when
        if by_when is None:
            continue
        what = f"the remedy '{remedy.what}' ({_name(item.stage, item.index)})"
        if item.done_on is None or item.done_on > as_of:
            if as_of > by_when:
                found.append(
                    Finding(
                        provision=edition.cite("remedy_by_when"),
                        message=f"{what} was due by {by_when.isoformat()} and is not done "
                        f"(as of {as_of.isoformat()})",
                        severity=edition.severity("remedy_by_when"),
                        on=as_of,
                        due=by_when,
                    )
                )
        elif item.done_on > by_when:
            found.append(
                Finding(
                    provision=edition.cite("remedy_by_when"),
                    message=f"{what} was done on {item.done_on.isoformat()}, after its date "
                    f"of {by_when.isoformat()}",
                    severity="warning",
                    on=item.done_on,
                    due=by_when,
                )
            )
    return found
