"""The annual self-assessment against the Complaint Handling Code.

Each year a landlord assesses itself against every provision of the Code and
publishes the result as part of its annual complaints performance and service
improvement report (2024 Code, 8.1 and 8.2); it assesses itself again after a
significant restructure, merger or change in procedures (8.3). A
:class:`SelfAssessment` holds one entry per provision of an edition, in Code
order, each answered with an :class:`Answer` or not yet answered.

>>> from complaintcode.selfassessment import SelfAssessment
>>> sa = SelfAssessment.blank(2024).answer("6.13", "yes", evidence="Policy, section 9")
>>> sa = sa.answer("6.2", "no", explanation="Acknowledgements take seven days")
>>> sa.summary().answered, len(sa.entries), len(sa.problems())
(2, 72, 71)
>>> [str(f) for f in sa.problems() if f.provision.number in ("6.2", "6.13")]
["6.2: answered 'no' without a date by which it will comply"]
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol, TypeVar

import attrs

from complaintcode import _fields
from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provision, provisions
from complaintcode.selfassessment import _export
from complaintcode.selfassessment._answer import (
    Answer,
    SelfAssessmentEntry,
    SelfAssessmentSummary,
    check_date,
    check_optional_text,
    entry_problems,
)
from complaintcode.selfassessment._cells import (
    COMPLY_VALUES,
    Comply,
    Unreadable,
    read_comply_and_rest,
)
from complaintcode.selfassessment._duties import (
    CHANGE_KINDS,
    ChangeKind,
    ExceptionalCircumstances,
    OmbudsmanRequest,
    OrganisationalChange,
    duty_problems,
)
from complaintcode.selfassessment._parse import read

if TYPE_CHECKING:
    from complaintcode.findings import Finding
    from complaintcode.provisions import Provision

_T = TypeVar("_T")


class _HasYear(Protocol):
    @property
    def year(self) -> int: ...


__all__ = [
    "CHANGE_KINDS",
    "COMPLY_VALUES",
    "Answer",
    "ChangeKind",
    "Comply",
    "ExceptionalCircumstances",
    "OmbudsmanRequest",
    "OrganisationalChange",
    "ParsedSelfAssessment",
    "SelfAssessment",
    "SelfAssessmentEntry",
    "SelfAssessmentSummary",
    "Unreadable",
    "read_comply",
]


def read_comply(text: str) -> Comply | None:
    """Read a comply answer written the way landlords write it.

    The accepted spellings are listed in the docs (``Yes``, ``Y``, ``Complies``,
    ``No``, ``Partially``, ``N/A``, ``Not applicable`` and more, in any case); an
    answer may be followed by a note after a dash, colon, comma or bracket
    (``Yes - see policy``).

    Args:
        text: The text of a comply cell.

    Returns:
        ``"yes"``, ``"no"``, ``"partial"`` or ``"n/a"``, or ``None`` if the text
        is not a comply answer.

    >>> read_comply("Partially"), read_comply("Yes - see policy"), read_comply("Maybe")
    ('partial', 'yes', None)
    """
    read = read_comply_and_rest(text) if isinstance(text, str) else None
    return read[0] if read else None


def _check_edition(_instance: object, _attribute: attrs.Attribute[_T], value: _T) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidRecord(f"edition must be a year such as 2024, not {shown(value)}")
    provisions(value)  # raises InvalidRecord for an unknown edition


def _check_entries(instance: object, _attribute: attrs.Attribute[_T], value: _T) -> None:
    edition = getattr(instance, "edition", 2024)
    expected = provisions(edition)
    if (
        not isinstance(value, tuple)
        or not all(isinstance(e, SelfAssessmentEntry) for e in value)
        or tuple(e.provision for e in value) != expected
    ):
        span = f"{expected[0].number} to {expected[-1].number}"
        raise InvalidRecord(
            f"entries must be a tuple of one SelfAssessmentEntry per provision of the {edition} "
            f"edition, in Code order ({span})"
        )


@attrs.frozen(kw_only=True)
class SelfAssessment:
    """A landlord's self-assessment against one edition of the Code.

    Build one with :meth:`blank` and :meth:`answer`, check it with
    :meth:`problems`, publish it with :meth:`to_markdown`, :meth:`to_html` or
    :meth:`to_csv`, and read a published one with :meth:`parse`. Change the
    metadata with ``attrs.evolve``. The library never fills in a date itself.

    Attributes:
        edition: The year of the edition assessed against (2024 or 2022).
        entries: One :class:`SelfAssessmentEntry` per provision, in Code order.
        completed_on: The date the assessment was completed.
        completed_by: Who completed it.
        approved_by: Who reviewed and approved it (the governing body's lead, say).
        approved_on: The date it was approved.
        changes: Significant restructures, mergers and changes in procedures
            recorded, after which the landlord assesses itself again (8.3).
        ombudsman_requests: The Ombudsman's requests to revisit the
            self-assessment after an investigation (8.4).
        exceptional_circumstances: Exceptional circumstances that stopped the
            landlord complying, with what was done about them (8.5).

    The three records are kept beside the form, not printed in it: carry them
    over to the next year's form with ``attrs.evolve`` or the ``record_`` methods.
    """

    edition: int = attrs.field(validator=_check_edition)
    entries: tuple[SelfAssessmentEntry, ...] = attrs.field(validator=_check_entries)
    completed_on: dt.date | None = attrs.field(default=None, validator=check_date)
    completed_by: str | None = attrs.field(default=None, validator=check_optional_text)
    approved_by: str | None = attrs.field(default=None, validator=check_optional_text)
    approved_on: dt.date | None = attrs.field(default=None, validator=check_date)
    changes: tuple[OrganisationalChange, ...] = attrs.field(
        default=(),
        converter=_fields.to_tuple,
        validator=_fields.tuple_of(OrganisationalChange, "an OrganisationalChange"),
    )
    ombudsman_requests: tuple[OmbudsmanRequest, ...] = attrs.field(
        default=(),
        converter=_fields.to_tuple,
        validator=_fields.tuple_of(OmbudsmanRequest, "an OmbudsmanRequest"),
    )
    exceptional_circumstances: tuple[ExceptionalCircumstances, ...] = attrs.field(
        default=(),
        converter=_fields.to_tuple,
        validator=_fields.tuple_of(ExceptionalCircumstances, "an ExceptionalCircumstances"),
    )

    @classmethod
    def blank(
        cls,
        edition: int | _HasYear = 2024,
        *,
        completed_on: dt.date | None = None,
        completed_by: str | None = None,
        approved_by: str | None = None,
        approved_on: dt.date | None = None,
    ) -> SelfAssessment:
        """A self-assessment with every provision of an edition unanswered.

        Args:
            edition: The edition's year, 2024 (the default) or 2022, or an
                :class:`~complaintcode.editions.Edition`.
            completed_on: The date it was completed, if known.
            completed_by: Who completed it.
            approved_by: Who approved it.
            approved_on: The date it was approved.

        Returns:
            One unanswered entry per provision, in Code order.

        Raises:
            InvalidRecord: If the edition is unknown or a value has the wrong type.

        >>> sa = SelfAssessment.blank()
        >>> len(sa.entries), sa.entries[0].provision.number, sa.entries[-1].provision.number
        (72, '1.2', '9.8')
        """
        catalogue = provisions(edition)
        return cls(
            edition=catalogue[0].edition,
            entries=tuple(SelfAssessmentEntry(provision=p) for p in catalogue),
            completed_on=completed_on,
            completed_by=completed_by,
            approved_by=approved_by,
            approved_on=approved_on,
        )

    def entry(self, number: str) -> SelfAssessmentEntry:
        """The entry for a provision number.

        Raises:
            InvalidRecord: If the number is not a provision of the edition.

        >>> SelfAssessment.blank().entry("9.8").provision.section
        9
        """
        wanted = provision(number, self.edition)
        return next(e for e in self.entries if e.provision == wanted)

    @property
    def answers(self) -> tuple[Answer, ...]:
        """The answers given so far, in Code order."""
        return tuple(e.answer for e in self.entries if e.answer is not None)

    def answer(
        self,
        number: str,
        comply: Comply,
        *,
        evidence: str = "",
        commentary: str = "",
        explanation: str = "",
        comply_by: dt.date | None = None,
    ) -> SelfAssessment:
        """A copy with one provision answered (replacing any earlier answer).

        Args:
            number: The provision number, such as ``"6.13"``.
            comply: ``"yes"``, ``"no"``, ``"partial"`` or ``"n/a"``.
            evidence: Where the compliance is shown.
            commentary: Any commentary.
            explanation: For ``"no"`` or ``"partial"``: why, and what is being done.
            comply_by: For ``"no"`` or ``"partial"``: when it will comply.

        Returns:
            A new :class:`SelfAssessment`; this one is unchanged.

        Raises:
            InvalidRecord: If the number is not a provision of the edition, or a
                value is not accepted (the message lists the accepted comply values).

        >>> SelfAssessment.blank().answer("6.13", "maybe")
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: 6.13: comply must be one of 'yes', 'no', 'partial', 'n/a', not 'maybe'
        """
        given = Answer(
            provision=provision(number, self.edition),
            comply=comply,
            evidence=evidence,
            commentary=commentary,
            explanation=explanation,
            comply_by=comply_by,
        )
        entries = tuple(
            SelfAssessmentEntry(provision=e.provision, answer=given)
            if e.provision == given.provision
            else e
            for e in self.entries
        )
        return attrs.evolve(self, entries=entries)

    def problems(self, as_of: dt.date | None = None) -> tuple[Finding, ...]:
        """What a published self-assessment would lack, provision by provision.

        Each finding cites the provision assessed. An unanswered provision, a
        ``"yes"`` without evidence and a ``"no"`` or ``"partial"`` without an
        explanation or a comply-by date are reported. The severity is
        ``"breach"`` where a mandatory ("must") provision is answered ``"no"`` or
        ``"partial"`` without an explanation or a date, and ``"warning"`` otherwise.

        With ``as_of``, the duties around the form follow, as they stood at the
        end of that day, each citing the form's own edition: a form with no
        completion date, or completed more than a year before (8.1); not
        approved by the governing body, or not saying who approved it (8.2;
        2022's 8.3); not done again after a change recorded in ``changes``
        (8.3; 2022's 8.2); not revisited after a request of the Ombudsman
        (8.4, a should: a warning); and each gap of recorded exceptional
        circumstances (8.5): the Ombudsman, the residents not told, not
        published, no date for complying again, or that date passed.

        Args:
            as_of: The day to judge the duties on; without it, only the answers
                are checked.

        Returns:
            The findings on the answers in Code order (for one provision:
            explanation before date), then those on the duties.

        Raises:
            InvalidRecord: If ``as_of`` is not a date.

        >>> sa = SelfAssessment.blank().answer("6.13", "no", explanation="Too few staff")
        >>> f = [f for f in sa.problems() if f.provision.number == "6.13"][0]
        >>> str(f), f.severity
        ("6.13: answered 'no' without a date by which it will comply", 'breach')
        >>> sa = attrs.evolve(sa, completed_on=dt.date(2024, 5, 1))
        >>> sa = sa.record_change(dt.date(2024, 10, 1), "merger", "Merged with Northside Homes")
        >>> [str(f) for f in sa.problems(as_of=dt.date(2025, 6, 2))[-3:]]
        ['8.1: the self-assessment was completed on 2024-05-01, more than a year before 2025-06-02', '8.2: the self-assessment has not been approved by the governing body', '8.3: not assessed again after a merger on 2024-10-01 (Merged with Northside Homes)']
        """
        answers = tuple(finding for e in self.entries for finding in entry_problems(e))
        if as_of is None:
            return answers
        _fields.check_date(as_of, "as_of")
        return (*answers, *duty_problems(self, as_of))

    def record_change(self, on: dt.date, kind: ChangeKind, description: str) -> SelfAssessment:
        """A copy with a significant restructure, merger or change in procedures recorded (8.3).

        Raises:
            InvalidRecord: As :class:`OrganisationalChange` does.
        """
        change = OrganisationalChange(on=on, kind=kind, description=description)
        return attrs.evolve(self, changes=(*self.changes, change))

    def record_ombudsman_request(
        self, on: dt.date, investigation: str | None = None
    ) -> SelfAssessment:
        """A copy with the Ombudsman's request to revisit the self-assessment recorded (8.4).

        Raises:
            InvalidRecord: As :class:`OmbudsmanRequest` does.
        """
        request = OmbudsmanRequest(on=on, investigation=investigation)
        return attrs.evolve(self, ombudsman_requests=(*self.ombudsman_requests, request))

    def record_exceptional_circumstances(
        self, circumstances: ExceptionalCircumstances
    ) -> SelfAssessment:
        """A copy with exceptional circumstances recorded, or updated (8.5).

        A record that began on the same day with the same ``what`` is replaced,
        so that the dates the landlord fills in later can be added.

        Raises:
            InvalidRecord: For anything that is not :class:`ExceptionalCircumstances`.
        """
        if not isinstance(circumstances, ExceptionalCircumstances):
            raise InvalidRecord(
                f"expected ExceptionalCircumstances, got {type(circumstances).__name__}",
                path="circumstances",
            )
        kept = tuple(
            c
            for c in self.exceptional_circumstances
            if (c.what, c.began_on) != (circumstances.what, circumstances.began_on)
        )
        return attrs.evolve(self, exceptional_circumstances=(*kept, circumstances))

    def summary(self) -> SelfAssessmentSummary:
        """Counts of the answers.

        >>> s = SelfAssessment.blank().answer("1.2", "yes").answer("1.3", "n/a").summary()
        >>> s.total, s.answered, s.yes, s.no, s.partial, s.not_applicable
        (72, 2, 1, 0, 0, 1)
        """
        given = [a.comply for a in self.answers]
        return SelfAssessmentSummary(
            total=len(self.entries),
            answered=len(given),
            yes=given.count("yes"),
            no=given.count("no"),
            partial=given.count("partial"),
            not_applicable=given.count("n/a"),
        )

    def to_markdown(self) -> str:
        """The self-assessment as Markdown: a heading and a table per section.

        The layout is fixed and described in the docs; :meth:`parse` reads it back.

        >>> md = SelfAssessment.blank().answer("1.2", "yes", evidence="Policy 2").to_markdown()
        >>> print(md.splitlines()[0])
        # Complaint Handling Code self-assessment (2024 edition)
        """
        return _export.to_markdown(self)

    def to_html(self) -> str:
        """The self-assessment as an HTML fragment: a heading and a table per section.

        Every value is escaped with :func:`html.escape`; :meth:`parse` reads it back.

        >>> "<td>1.2</td>" in SelfAssessment.blank().to_html()
        True
        """
        return _export.to_html(self)

    def _repr_html_(self) -> str:
        """The self-assessment as HTML for notebooks, as :meth:`to_html` gives it."""
        return self.to_html()

    def to_csv(self) -> str:
        """The self-assessment as CSV, one row per provision after a header row.

        The columns are provision, section, requirement, comply, evidence,
        commentary, explanation and comply_by (an ISO date); :meth:`parse` reads it back.

        >>> print(SelfAssessment.blank().to_csv().splitlines()[0])
        provision,section,requirement,comply,evidence,commentary,explanation,comply_by
        """
        return _export.to_csv(self)

    @staticmethod
    def parse(text: str, edition: int | _HasYear | None = None) -> ParsedSelfAssessment:
        r"""Read a self-assessment published as text, Markdown, HTML or CSV.

        Nothing is guessed: a row whose comply answer cannot be read is left
        unanswered and listed in ``unreadable``; provisions with no row are
        listed in ``missing``. A provision number alone on a line inside
        another row's evidence (a policy's own paragraph number) starts a row
        only when the context says so; a provision given twice is read from the
        row that carries the Code's requirement and an answer, and the other
        occurrence is listed in ``unreadable``. HTML is read with the standard
        library's parser, following the HTML5 rules for omitted end tags; rows
        in comments, scripts and styles are not read. The reading rules are
        described in the docs.

        Args:
            text: The text of the self-assessment.
            edition: The edition's year or :class:`~complaintcode.editions.Edition`;
                detected from the text when ``None``.

        Returns:
            A :class:`ParsedSelfAssessment`.

        Raises:
            InvalidRecord: If the text is not a str or cannot be read at all (a
                NUL character, a CSV the ``csv`` module refuses, an HTML comment,
                script or style never closed: the message names the line), the
                edition is unknown, or it is not given and the text does not show
                which edition it answers.

        >>> parsed = SelfAssessment.parse("6.13\tA different handler at stage 2\tYes\tPolicy 9.2\t")
        >>> parsed.assessment.entry("6.13").answer.comply, parsed.edition_detected_by
        ('yes', 'provision numbers: 0 not in the 2024 edition, 1 not in the 2022 edition (such as 6.13)')
        >>> twice = "6.2\t\tYes\tLog\t\n6.2\tAcknowledge\tYes\tPolicy 4\t"
        >>> parsed = SelfAssessment.parse(twice, edition=2024)
        >>> parsed.assessment.entry("6.2").answer.evidence
        'Policy 4'
        >>> print(parsed.unreadable[0])
        line 1: 6.2: given again on line 2, where the row has the requirement and an answer; this row is not read
        """
        reading = read(text, None if edition is None else provisions(edition)[0].edition)
        rows = {row.number: row for row in reading.rows if row.comply is not None}

        def entry(p: Provision) -> SelfAssessmentEntry:
            row = rows.get(p.number)
            if row is None or row.comply is None:
                return SelfAssessmentEntry(provision=p)
            answer = Answer(
                provision=p,
                comply=row.comply,
                evidence=row.evidence,
                commentary=row.commentary,
                explanation=row.explanation,
                comply_by=row.comply_by,
            )
            return SelfAssessmentEntry(provision=p, answer=answer)

        assessment = SelfAssessment(
            edition=reading.edition,
            entries=tuple(entry(p) for p in provisions(reading.edition)),
            completed_on=reading.completed_on,
            completed_by=reading.completed_by,
            approved_by=reading.approved_by,
            approved_on=reading.approved_on,
        )
        return ParsedSelfAssessment(
            assessment=assessment,
            unreadable=reading.unreadable,
            missing=reading.missing,
            edition_detected_by=reading.edition_detected_by,
        )


@attrs.frozen(kw_only=True)
class ParsedSelfAssessment:
    r"""A self-assessment read from text, with everything that could not be read.

    Attributes:
        assessment: The :class:`SelfAssessment` read; rows that could not be read
            are left unanswered.
        unreadable: What could not be read, each with its line and reason,
            and every row not read because its provision is given again.
        missing: Provision numbers of the edition with no row in the text.
        edition_detected_by: Why the edition was chosen (``"given"`` if passed).

    >>> SelfAssessment.parse("9.6\tThe MRC's role\t\tAs above\tSee 9.5").unreadable[0]
    Unreadable(line=1, number='9.6', reason='no comply answer')
    """

    assessment: SelfAssessment
    unreadable: tuple[Unreadable, ...]
    missing: tuple[str, ...]
    edition_detected_by: str

    @property
    def fully_read(self) -> bool:
        """Whether every provision of the edition was found and read."""
        return not self.unreadable and not self.missing
