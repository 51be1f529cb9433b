"""The writing behind :func:`complaintcode.letters.render_letter`.

A letter is first laid out as blocks (headings, paragraphs, bullet lists), then
written as plain text or Markdown. The headings and their order are documented
in docs/letters.md.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.definition import ComplaintDefinition
    from complaintcode.letters import (
        Acknowledgement,
        DeclineNotice,
        EscalationRefusal,
        ExtensionNotice,
    )
    from complaintcode.letters._responses import _Response
    from complaintcode.remedies import Remedy

#: One block of a letter: a heading, a paragraph or a bullet list.
Block = tuple[Literal["heading", "para", "bullets"], tuple[str, ...]]

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_OUTCOME: Final = {
    "upheld": "We uphold your complaint.",
    "partly upheld": "We uphold part of your complaint.",
    "not upheld": "We do not uphold your complaint.",
}


def long_date(day: dt.date) -> str:
    """A date as a letter writes it: ``12 July 2024``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _heading(text: str) -> Block:
    return ("heading", (text,))


def _para(*sentences: str) -> Block:
    return ("para", (" ".join(s for s in sentences if s),))


def _bullets(items: tuple[str, ...] | list[str]) -> Block:
    return ("bullets", tuple(items))


def _ref(reference: str | None) -> str:
    return f"Our reference is {reference}." if reference else ""


def _definition(definition: ComplaintDefinition) -> list[Block]:
    blocks = [_heading("What we understand your complaint to be"), _para(definition.understanding)]
    if definition.points:
        blocks += [_para("The points of your complaint are:"), _bullets(definition.points)]
    if definition.outcomes_sought:
        blocks += [_para("What you would like to happen:"), _bullets(definition.outcomes_sought)]
    return blocks


def _responsibility(definition: ComplaintDefinition) -> list[Block]:
    blocks: list[Block] = []
    if definition.responsible_for:
        blocks += [_para("We are responsible for:"), _bullets(definition.responsible_for)]
    if definition.not_responsible_for:
        blocks += [_para("We are not responsible for:"), _bullets(definition.not_responsible_for)]
    return blocks


def _remedy(remedy: Remedy) -> str:
    parts: list[str] = []
    if remedy.amount is not None:
        parts.append(f"£{remedy.amount:,}")
    if remedy.completed_on is not None:
        parts.append(f"done on {long_date(remedy.completed_on)}")
    elif remedy.by_when is not None:
        parts.append(f"by {long_date(remedy.by_when)}")
    extra = f" ({', '.join(parts)})" if parts else ""
    return f"{remedy.kind.label}: {remedy.what}{extra}"


def response(letter: _Response) -> list[Block]:
    n = int(letter.stage)
    opening = (
        "This is our stage 1 response to your complaint."
        if n == 1
        else "This is our stage 2 response to your complaint. It is our final response."
    )
    blocks = [_heading(f"Your complaint (stage {n})"), _para(opening, _ref(letter.reference))]
    blocks += _definition(letter.definition)
    blocks += _responsibility(letter.definition)
    outcome = letter.outcome
    blocks += [
        _heading("Our decision"),
        _para(_OUTCOME[outcome.value] if outcome else ""),
        _bullets([f"{d.point}: {d.decision.value}" for d in letter.decisions]),
        _heading("Why we decided this"),
    ]
    for d in letter.decisions:
        blocks.append(_para(f"About {d.point} ({d.decision.value}): {d.reasons}"))
        if d.references:
            blocks.append(_para(f"We relied on: {'; '.join(d.references)}."))
    blocks.append(_heading("Putting things right"))
    if letter.remedies:
        blocks += [_para("To put things right:"), _bullets([_remedy(r) for r in letter.remedies])]
    else:
        blocks.append(_para("We did not find that anything went wrong, so we offer no remedy."))
    blocks.append(_heading("What happens next"))
    if letter.outstanding_actions:
        blocks += [
            _para("These actions are still to be done. We will keep you updated on them:"),
            _bullets(
                [
                    f"{a.what} (by {long_date(a.due)})" if a.due else a.what
                    for a in letter.outstanding_actions
                ]
            ),
        ]
    else:
        blocks.append(_para("There are no outstanding actions."))
    blocks += [_heading("If you are not satisfied"), _para(letter.escalation)]
    return blocks


def acknowledgement(letter: Acknowledgement) -> list[Block]:
    n = int(letter.stage)
    opening = (
        "We have received your complaint and logged it at stage 1 of our complaints process."
        if n == 1
        else "We have received your request to take your complaint to stage 2 of our "
        "complaints process, and logged it at stage 2."
    )
    blocks = [_heading(f"Your complaint (stage {n})"), _para(opening, _ref(letter.reference))]
    blocks += _definition(letter.definition)
    blocks.append(_heading("What we are responsible for"))
    blocks += _responsibility(letter.definition)
    if letter.definition.clarification_sought:
        blocks += [
            _heading("What we need from you"),
            _para("Please help us with these questions:"),
            _bullets(letter.definition.clarification_sought),
        ]
    blocks.append(_heading("What happens next"))
    if letter.respond_by is not None:
        blocks.append(_para(f"We will send you our response by {long_date(letter.respond_by)}."))
    else:
        blocks.append(_para("We will send you our response within the time our policy sets."))
    return blocks


def extension(letter: ExtensionNotice) -> list[Block]:
    n = int(letter.stage)
    blocks = [
        _heading(f"Your complaint (stage {n})"),
        _para(
            f"We need more time to send our stage {n} response to your complaint.",
            _ref(letter.reference),
        ),
        _heading("Why we need more time"),
        _para(letter.reason),
    ]
    if letter.good_reason.strip():
        blocks.append(_para(letter.good_reason))
    when = [f"We will now send our response by {long_date(letter.new_date)}."]
    if letter.original_due is not None:
        when.append(f"It was due by {long_date(letter.original_due)}.")
    if letter.extension_days is not None:
        when.append(f"This adds {letter.extension_days} working days.")
    blocks += [
        _heading("When you will hear from us"),
        _para(*when),
        _heading("If you are not satisfied"),
        _para("If you are unhappy about this delay, you can contact the Ombudsman:"),
        _para(letter.ombudsman_contact),
    ]
    return blocks


def _notice(letter: DeclineNotice | EscalationRefusal, heading: str, opening: str) -> list[Block]:
    blocks = [
        _heading(heading),
        _para(opening, _ref(letter.reference)),
        _heading("Why we decided this"),
        _para(letter.reasons),
    ]
    if letter.grounds:
        blocks += [_para("Our decision rests on:"), _bullets(letter.grounds)]
    blocks += [_heading("If you are not satisfied"), _para(letter.ombudsman_right)]
    return blocks


def decline(letter: DeclineNotice) -> list[Block]:
    """The blocks of a notice not accepting a complaint."""
    return _notice(
        letter,
        "Your complaint",
        "We have decided not to accept your complaint into our complaints process.",
    )


def refusal(letter: EscalationRefusal) -> list[Block]:
    """The blocks of a refusal to escalate."""
    return _notice(
        letter,
        "Your complaint (stage 2)",
        "We have decided not to take your complaint to stage 2 of our complaints process.",
    )


def write(blocks: list[Block], *, markdown: bool, width: int | None) -> str:
    """Write a letter's blocks as text or Markdown."""
    out: list[str] = []
    for kind, texts in blocks:
        if kind == "heading":
            title = texts[0]
            out.append(f"## {title}" if markdown else f"{title}\n{'-' * len(title)}")
        elif kind == "para":
            if texts[0]:
                out.append(_wrap(texts[0], "", "", markdown=markdown, width=width))
        elif texts:
            out.append(
                "\n".join(_wrap(t, "- ", "  ", markdown=markdown, width=width) for t in texts)
            )
    return "\n\n".join(out) + "\n"


def _wrap(text: str, first: str, rest: str, *, markdown: bool, width: int | None) -> str:
    flat = " ".join(text.split())
    if markdown or width is None:
        return first + flat
    return textwrap.fill(
        flat,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
