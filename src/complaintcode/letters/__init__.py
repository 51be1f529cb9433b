"""Letters to the resident: what each must contain, checked and rendered.

Each letter the Code requires is an immutable record: :class:`Acknowledgement`
(5.6, 5.7), :class:`Stage1Response` (6.9), :class:`Stage2Response` (6.19),
:class:`ExtensionNotice` (6.4, 6.5, 6.15, 6.16), :class:`DeclineNotice` (2.4)
and :class:`EscalationRefusal` (5.11). :func:`check_letter` lists every gap as a
:class:`~complaintcode.findings.Finding` naming its provision and item;
:func:`render_letter` writes the letter as plain text or Markdown with a fixed order
of headings, and refuses an incomplete letter; :func:`check_text` looks for the
required items in a letter written elsewhere and flags hard reading.

>>> from complaintcode.letters import DeclineNotice, check_letter
>>> notice = DeclineNotice(reasons="", grounds=("Legal proceedings have started.",))
>>> [str(f) for f in check_letter(notice)]
['2.4: the notice gives no reasons for not accepting the complaint']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from complaintcode._codec import record_to_plain, shown, tagged
from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.editions import CODE_2024, Edition
from complaintcode.errors import IncompleteLetter, InvalidRecord
from complaintcode.letters import _checks, _render, _textcheck
from complaintcode.letters._notices import (
    OMBUDSMAN_CONTACT,
    OMBUDSMAN_REFERRAL,
    OMBUDSMAN_RIGHT,
    DeclineNotice,
    EscalationRefusal,
    ExtensionNotice,
)

# Named here for the type hints of _checks and _render, which import it from this module.
from complaintcode.letters._responses import (
    Acknowledgement,
    Outcome,
    OutstandingAction,
    PointDecision,
    Stage1Response,
    Stage2Response,
    _Response,
)
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from complaintcode.findings import Finding

__all__ = [
    "LETTER_TYPES",
    "MAX_SENTENCE_WORDS",
    "MIN_READING_EASE",
    "OMBUDSMAN_CONTACT",
    "OMBUDSMAN_REFERRAL",
    "OMBUDSMAN_RIGHT",
    "Acknowledgement",
    "DeclineNotice",
    "EscalationRefusal",
    "ExtensionNotice",
    "Letter",
    "Outcome",
    "OutstandingAction",
    "PointDecision",
    "Stage1Response",
    "Stage2Response",
    "check_letter",
    "check_text",
    "letter_from_dict",
    "letter_to_dict",
    "reading_ease",
    "render_letter",
]

#: A sentence longer than this many words draws a plain-language warning.
MAX_SENTENCE_WORDS: Final = _textcheck.MAX_SENTENCE_WORDS
#: A Flesch reading ease score below this draws a plain-language warning.
MIN_READING_EASE: Final = _textcheck.MIN_READING_EASE


#: Any letter :func:`check_letter` and :func:`render_letter` accept.
Letter: TypeAlias = (
    Acknowledgement
    | Stage1Response
    | Stage2Response
    | ExtensionNotice
    | DeclineNotice
    | EscalationRefusal
)


def check_letter(
    letter: Letter, edition: Edition = CODE_2024, *, calendar: WorkingCalendar | None = None
) -> tuple[Finding, ...]:
    """Every gap in a letter, as findings naming provision and item.

    See docs/letters.md for the checks, their provisions and messages. The
    stage 1 and stage 2 responses cite the items of 6.9 and 6.19 by letter
    (``6.9(g)``); under the 2022 edition they cite 5.8 and 5.16, whose items
    are unlettered, so ``item`` is ``None`` and the message names the item.

    Args:
        letter: The letter.
        edition: The edition whose provisions apply; the 2024 edition by default.
        calendar: The working-day calendar for an extension notice; England and
            Wales by default.

    Returns:
        The findings in the letter's order; empty for a complete letter.

    Raises:
        InvalidRecord: If ``letter`` is not a letter, ``edition`` not an
            :class:`~complaintcode.editions.Edition`, or ``calendar`` not a
            :class:`~complaintcode.calendar.WorkingCalendar`.

    >>> import datetime as dt
    >>> notice = ExtensionNotice(
    ...     stage=1,
    ...     reason="We need a survey.",
    ...     original_due=dt.date(2024, 7, 1),
    ...     new_date=dt.date(2024, 7, 22),
    ... )
    >>> [str(f) for f in check_letter(notice)]
    ['6.4: the extension is 15 working days, more than the 10 allowed without a good reason, and no good reason is given']
    """
    if not isinstance(edition, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(edition).__name__}", path="edition")
    if isinstance(letter, _Response):
        return _checks.response(letter, edition)
    if isinstance(letter, Acknowledgement):
        return _checks.acknowledgement(letter, edition)
    if isinstance(letter, ExtensionNotice):
        if calendar is None:
            calendar = england_and_wales()
        if not isinstance(calendar, WorkingCalendar):
            raise InvalidRecord(
                f"expected a WorkingCalendar, got {type(calendar).__name__}", path="calendar"
            )
        return _checks.extension(letter, edition, calendar)
    if isinstance(letter, DeclineNotice):
        return _checks.decline(letter, edition)
    if isinstance(letter, EscalationRefusal):
        return _checks.refusal(letter, edition)
    raise InvalidRecord(f"expected a letter, got {type(letter).__name__}", path="letter")


def render_letter(
    letter: Letter,
    format: Literal["text", "markdown"] = "text",  # noqa: A002 - the documented parameter name
    *,
    edition: Edition = CODE_2024,
    calendar: WorkingCalendar | None = None,
    width: int | None = 72,
) -> str:
    """Write a letter in plain words, with its sections in a fixed order.

    The headings, in order, are listed in docs/letters.md; a section with
    nothing to say is left out only where the Code does not require it.

    Args:
        letter: The letter.
        format: ``"text"`` (headings underlined) or ``"markdown"`` (``##`` headings).
        edition: The edition whose provisions :func:`check_letter` applies.
        calendar: The working-day calendar for an extension notice.
        width: For ``"text"``, the width to wrap paragraphs to; ``None`` for no wrapping.

    Returns:
        The letter.

    Raises:
        IncompleteLetter: If :func:`check_letter` finds any breach; it carries the findings.
        InvalidRecord: For an unknown format or width, or what :func:`check_letter` refuses.

    >>> decline = DeclineNotice(reasons="The matter is now in court.", ombudsman_right="")
    >>> render_letter(decline)
    Traceback (most recent call last):
    ...
    complaintcode.errors.IncompleteLetter: the letter is incomplete: 2.4: the notice does not tell the resident of their right to take the decision to the Ombudsman; 2.1: the notice names no ground for not accepting the complaint
    """
    if format not in ("text", "markdown"):
        raise InvalidRecord(
            f"unknown format {shown(format)} (known: 'text', 'markdown')", path="format"
        )
    if width is not None and (type(width) is not int or width < 20):
        raise InvalidRecord(
            f"expected a width of 20 or more, or None, got {shown(width)}", path="width"
        )
    breaches = [
        f for f in check_letter(letter, edition, calendar=calendar) if f.severity == "breach"
    ]
    if breaches:
        raise IncompleteLetter(breaches)
    if isinstance(letter, _Response):
        blocks = _render.response(letter)
    elif isinstance(letter, Acknowledgement):
        blocks = _render.acknowledgement(letter)
    elif isinstance(letter, ExtensionNotice):
        blocks = _render.extension(letter)
    elif isinstance(letter, DeclineNotice):
        blocks = _render.decline(letter)
    else:
        blocks = _render.refusal(letter)
    return _render.write(blocks, markdown=format == "markdown", width=width)


def check_text(
    stage: Stage | int | str, text: str, edition: Edition = CODE_2024
) -> tuple[Finding, ...]:
    """Look for the required items, and for hard reading, in a letter written elsewhere.

    Every finding is a warning: the phrases searched for are listed in
    docs/letters.md, and a letter can meet the Code in other words.

    Args:
        stage: The stage of the response (1 or 2).
        text: The letter's text.
        edition: The edition whose provisions to cite.

    Returns:
        A warning per item not found (6.9 or 6.19, with the item), then for a
        stage 2 letter any mention of a further stage (5.3), then plain-language
        warnings (long sentences, a low reading ease score) citing the letter
        provision without an item.

    Raises:
        InvalidRecord: If ``text`` is not a str or ``edition`` not an Edition.
        ProvisionViolation: For a stage other than 1 or 2 (5.2, 5.3).

    >>> [f.code for f in check_text(1, "We uphold your complaint.")]
    ['6.9(a)', '6.9(b)', '6.9(d)', '6.9(e)', '6.9(f)', '6.9(g)']
    """
    parsed = Stage.parse(stage)
    if not isinstance(text, str):
        raise InvalidRecord(f"expected text, got {type(text).__name__}", path="text")
    if not isinstance(edition, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(edition).__name__}", path="edition")
    return _textcheck.check_text(parsed, text, edition)


def reading_ease(text: str) -> float:
    """The Flesch reading ease score of a text (higher is easier; 60 or more is plain).

    206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word),
    with syllables counted by a simple rule (see docs/letters.md).

    Raises:
        InvalidRecord: If the text is not a str or has no words.

    >>> round(reading_ease("We will fix the tap. We are sorry."), 1)
    107.6
    """
    if not isinstance(text, str):
        raise InvalidRecord(f"expected text, got {type(text).__name__}", path="text")
    return _textcheck.reading_ease(text)


#: Every kind of letter, as a tuple for ``isinstance`` checks.
LETTER_TYPES: tuple[type[Letter], ...] = (
    Acknowledgement,
    Stage1Response,
    Stage2Response,
    ExtensionNotice,
    DeclineNotice,
    EscalationRefusal,
)


def letter_to_dict(letter: Letter) -> dict[str, Any]:
    """A letter as JSON-ready data: its ``type`` first, then its fields (ISO dates).

    >>> from complaintcode.definition import ComplaintDefinition
    >>> d = ComplaintDefinition(understanding="Damp.", points=("damp",), outcomes_sought=("fix",))
    >>> letter_to_dict(Acknowledgement(stage=1, definition=d))["type"]
    'acknowledgement'
    """
    if not isinstance(letter, LETTER_TYPES):
        raise InvalidRecord(f"not a letter: {type(letter).__name__}")
    return record_to_plain(letter)


def letter_from_dict(data: object, *, path: str = "letter") -> Letter:
    """Rebuild a letter from :func:`letter_to_dict` output.

    Raises:
        InvalidRecord: For an unknown ``type`` or a bad field, with its path.

    >>> from complaintcode.definition import ComplaintDefinition
    >>> d = ComplaintDefinition(understanding="Damp.", points=("damp",), outcomes_sought=("fix",))
    >>> ack = Acknowledgement(stage=1, definition=d)
    >>> letter_from_dict(letter_to_dict(ack)) == ack
    True
    """
    letter: Letter = tagged(LETTER_TYPES, data, path)
    return letter
