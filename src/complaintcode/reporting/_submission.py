"""The Housing Ombudsman's annual submission: the answers and links it asks for, and when.

Since the Code became statutory on 1 April 2024, landlords show the Ombudsman
each year how they comply through an annual submission on its electronic form.
Its first section asks about the organisation, with links to the documents that
are part of complying with the Code: the complaints policy (3.4), the
self-assessment, the annual complaints performance and service improvement
report and the governing body's response to it (8.1, 8.2). Its second section
lists the Code's provisions: the landlord says whether it complies with each,
and where it does not, what it is doing and by when. No evidence or commentary
is asked for there; the Ombudsman reads the published self-assessment.

:class:`AnnualSubmission` gathers those answers from a
:class:`~complaintcode.selfassessment.SelfAssessment` and the links given, and
writes them as JSON-ready data or CSV. When it is due is a rule of the
Ombudsman's, not of the Code, so it is data (:class:`SubmissionDeadline`),
with its source, and a parameter: :data:`SUBMISSION_DEADLINE` is the rule the
Ombudsman published when this library was written.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from complaintcode import _fields
from complaintcode._codec import shown, write_csv
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import Provision, provision
from complaintcode.reporting._measures import check_homes
from complaintcode.reporting._year import ReportingYear
from complaintcode.selfassessment import SelfAssessment

if TYPE_CHECKING:
    from complaintcode.reporting import AnnualReport

__all__: list[str] = []

#: How a provision is answered in the submission.
Complies = Literal["yes", "no", "n/a"]

#: The columns of :meth:`AnnualSubmission.to_csv`.
SUBMISSION_COLUMNS = ("section", "question", "answer", "action", "comply_by")

_SOURCE = (
    "https://www.housing-ombudsman.org.uk/centre-for-learning/key-topics/complaint-handling/"
    "chc-annual-submissions/"
)


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(f"expected a whole number, got {shown(value)}", path=attribute.name)


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecord(f"expected a non-empty text, got {shown(value)}", path=attribute.name)


def months_after(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months after ``day``, or the month's last day if it is shorter.

    >>> months_after(dt.date(2025, 3, 31), 6), months_after(dt.date(2024, 8, 31), 6)
    (datetime.date(2025, 9, 30), datetime.date(2025, 2, 28))
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@attrs.frozen(kw_only=True)
class SubmissionDeadline:
    """When the annual submission is due, as the Ombudsman's published rule states it.

    A landlord with more than ``threshold`` homes submits by ``larger_by``
    (month, day): the first such day after its financial year ends. A landlord
    with fewer submits within ``smaller_months`` months of its financial
    year-end. The rule is silent on a landlord with exactly ``threshold``
    homes; the library takes the earlier of the two dates, the reading that is
    never late.

    Attributes:
        threshold: The number of homes that splits the two rules.
        larger_by: The (month, day) the larger landlords submit by.
        smaller_months: The months after the year-end the smaller landlords have.
        source: Where the rule is published.
        source_title: The title of that page.

    >>> rule = SubmissionDeadline()
    >>> rule.due(homes=4_800, year_end=dt.date(2025, 3, 31))
    datetime.date(2025, 9, 30)
    >>> rule.due(homes=600, year_end=dt.date(2024, 12, 31))
    datetime.date(2025, 6, 30)
    >>> rule.due(homes=1_000, year_end=dt.date(2024, 12, 31))
    datetime.date(2025, 6, 30)
    """

    threshold: int = attrs.field(default=1_000, validator=_whole)
    larger_by: tuple[int, int] = attrs.field(default=(9, 30))
    smaller_months: int = attrs.field(default=6, validator=_whole)
    source: str = attrs.field(default=_SOURCE, validator=_text)
    source_title: str = attrs.field(
        default="Housing Ombudsman Service: Annual submissions form, submission dates and key "
        "information",
        validator=_text,
    )

    @larger_by.validator
    def _check_day(self, _attribute: object, value: object) -> None:
        ok = isinstance(value, tuple) and len(value) == 2
        try:
            ok = ok and bool(dt.date(2001, *value))  # type: ignore[misc]
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise InvalidRecord(
                f"expected a (month, day) pair, got {shown(value)}", path="larger_by"
            )

    def due(self, *, homes: int, year_end: dt.date) -> dt.date:
        """The day the submission for a financial year is due.

        Args:
            homes: The homes the landlord owns.
            year_end: The last day of the landlord's financial year.

        Raises:
            InvalidRecord: For homes not above 0, or a ``year_end`` that is not a date.
        """
        homes = check_homes(homes)
        _fields.check_date(year_end, "year_end")
        month, day = self.larger_by
        larger = dt.date(year_end.year, month, day)
        if larger <= year_end:
            larger = dt.date(year_end.year + 1, month, day)
        smaller = months_after(year_end, self.smaller_months)
        if homes > self.threshold:
            return larger
        if homes < self.threshold:
            return smaller
        return min(larger, smaller)


#: The rule the Ombudsman published for the submissions from 2025: more than
#: 1,000 homes by 30 September; fewer within 6 months of the financial year-end.
SUBMISSION_DEADLINE = SubmissionDeadline()


def _link(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise InvalidRecord(
            f"expected a web address starting https:// or http://, got {shown(value)}",
            path=attribute.name,
        )


def _year(value: object) -> ReportingYear:
    if isinstance(value, ReportingYear):
        return value
    return ReportingYear(year=value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class SubmissionAnswer:
    """One provision's line in the submission's second section.

    Attributes:
        provision: The provision.
        complies: ``"yes"``, ``"no"`` (a self-assessment's ``"partial"`` too:
            it does not comply in full), ``"n/a"``, or ``None`` if not answered.
        action: For a ``"no"``: what is being done to comply.
        comply_by: For a ``"no"``: the date by which it will comply.
    """

    provision: Provision
    complies: Complies | None
    action: str = ""
    comply_by: dt.date | None = None


@attrs.frozen(kw_only=True)
class AnnualSubmission:
    """The Housing Ombudsman's annual submission: the organisation, its links and its answers.

    Attributes:
        organisation: The landlord's name.
        year: The financial year the submission is for (a :class:`ReportingYear`
            or the year it starts in).
        homes: The homes the landlord owns.
        self_assessment: The self-assessment whose answers the submission gives;
            of the 2024 edition.
        complaints_policy: The web address of the published complaints policy (3.4).
        self_assessment_link: The web address of the published self-assessment (8.1).
        annual_report: The web address of the published annual report (8.2).
        governing_body_response: The web address of the governing body's
            published response to it (8.2).
        member_responsible: The Member Responsible for Complaints (9.5).
        year_end: The last day of the financial year; the reporting year's by default.
        deadline: The rule for when the submission is due.

    Raises:
        InvalidRecord: For a wrong type, a blank name, homes not above 0, or a
            link that is not a web address.

    >>> sa = SelfAssessment.blank().answer(
    ...     "6.2", "partial", explanation="New system", comply_by=dt.date(2025, 6, 30)
    ... )
    >>> sub = AnnualSubmission(
    ...     organisation="Riverside Homes", year=2024, homes=4_800, self_assessment=sa
    ... )
    >>> sub.due, sub.answer("6.2").complies, sub.answer("6.2").action
    (datetime.date(2025, 9, 30), 'no', 'New system')
    """

    organisation: str = attrs.field(validator=_text)
    year: ReportingYear = attrs.field(converter=_year)
    homes: int = attrs.field(converter=check_homes)
    self_assessment: SelfAssessment = attrs.field(
        validator=_fields.instance_of(SelfAssessment, "a SelfAssessment")
    )
    complaints_policy: str | None = attrs.field(default=None, validator=_link)
    self_assessment_link: str | None = attrs.field(default=None, validator=_link)
    annual_report: str | None = attrs.field(default=None, validator=_link)
    governing_body_response: str | None = attrs.field(default=None, validator=_link)
    member_responsible: str | None = attrs.field(default=None, validator=_fields.optional_text)
    year_end: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    deadline: SubmissionDeadline = attrs.field(default=SUBMISSION_DEADLINE)

    @deadline.validator
    def _check_deadline(self, _attribute: object, value: object) -> None:
        if not isinstance(value, SubmissionDeadline):
            raise InvalidRecord(
                f"expected a SubmissionDeadline, got {type(value).__name__}", path="deadline"
            )

    @classmethod
    def from_report(
        cls,
        report: AnnualReport,
        *,
        organisation: str,
        complaints_policy: str | None = None,
        self_assessment_link: str | None = None,
        annual_report: str | None = None,
        governing_body_response: str | None = None,
        deadline: SubmissionDeadline = SUBMISSION_DEADLINE,
    ) -> AnnualSubmission:
        """The submission for an annual report's year: its homes, self-assessment and MRC.

        Args:
            report: The annual report, with its self-assessment attached.
            organisation: The landlord's name.
            complaints_policy: The web address of the published complaints policy.
            self_assessment_link: The web address of the published self-assessment.
            annual_report: The web address of the published annual report.
            governing_body_response: The web address of the governing body's response.
            deadline: The rule for when the submission is due.

        Raises:
            InvalidRecord: If the report has no self-assessment, or as the class does.
        """
        if report.self_assessment is None:
            raise InvalidRecord(
                "the annual report has no self-assessment to submit", path="self_assessment"
            )
        return cls(
            organisation=organisation,
            year=report.year,
            homes=report.homes,
            self_assessment=report.self_assessment,
            member_responsible=report.governing_body.member_responsible,
            complaints_policy=complaints_policy,
            self_assessment_link=self_assessment_link,
            annual_report=annual_report,
            governing_body_response=governing_body_response,
            deadline=deadline,
        )

    @property
    def due(self) -> dt.date:
        """The day the submission is due, by :attr:`deadline`."""
        end = self.year.end if self.year_end is None else self.year_end
        return self.deadline.due(homes=self.homes, year_end=end)

    @property
    def answers(self) -> tuple[SubmissionAnswer, ...]:
        """Each provision's answer, in Code order."""
        out = []
        for entry in self.self_assessment.entries:
            given = entry.answer
            if given is None:
                out.append(SubmissionAnswer(provision=entry.provision, complies=None))
            elif given.comply in ("no", "partial"):
                out.append(
                    SubmissionAnswer(
                        provision=entry.provision,
                        complies="no",
                        action=given.explanation,
                        comply_by=given.comply_by,
                    )
                )
            else:
                complies: Complies = "yes" if given.comply == "yes" else "n/a"
                out.append(SubmissionAnswer(provision=entry.provision, complies=complies))
        return tuple(out)

    def answer(self, number: str) -> SubmissionAnswer:
        """The answer for one provision number.

        Raises:
            InvalidRecord: If the number is not a provision of the edition.
        """
        wanted = provision(number, self.self_assessment.edition)
        return next(a for a in self.answers if a.provision == wanted)

    def problems(self) -> tuple[Finding, ...]:
        """What the submission lacks, each citing its provision.

        A missing link: the complaints policy (3.4), the self-assessment, the
        annual report or the governing body's response (8.2, which has them
        published); a self-assessment of the 2022 edition (8.1); and per
        provision, no answer, a ``"no"`` without the action or the date, or an
        ``"n/a"`` (the form asks yes or no: a warning).
        """
        found: list[Finding] = []
        if self.complaints_policy is None:
            found.append(
                Finding(
                    provision=provision("3.4"), message="no link to the published complaints policy"
                )
            )
        published = provision("8.2")
        for value, what in (
            (self.self_assessment_link, "the published self-assessment"),
            (self.annual_report, "the published annual report"),
            (self.governing_body_response, "the governing body's published response"),
        ):
            if value is None:
                found.append(Finding(provision=published, message=f"no link to {what}"))
        if self.self_assessment.edition != 2024:
            found.append(
                Finding(
                    provision=provision("8.1"),
                    message=f"the self-assessment answers the {self.self_assessment.edition} "
                    "edition; the submission asks about the 2024 Code",
                )
            )
            return tuple(found)
        for a in self.answers:
            severity: Literal["breach", "warning"] = "breach" if a.provision.must else "warning"
            if a.complies is None:
                found.append(
                    Finding(provision=a.provision, message="not answered", severity=severity)
                )
            elif a.complies == "n/a":
                found.append(
                    Finding(
                        provision=a.provision,
                        message="answered 'n/a': the submission asks whether the landlord "
                        "complies, yes or no",
                        severity="warning",
                    )
                )
            elif a.complies == "no":
                if not a.action.strip():
                    found.append(
                        Finding(
                            provision=a.provision,
                            message="answered 'no' without the action being taken",
                            severity=severity,
                        )
                    )
                if a.comply_by is None:
                    found.append(
                        Finding(
                            provision=a.provision,
                            message="answered 'no' without a date by which it will comply",
                            severity=severity,
                        )
                    )
        return tuple(found)

    def _section_1(self) -> list[tuple[str, str]]:
        return [
            ("organisation", self.organisation),
            ("financial_year", str(self.year)),
            ("homes", str(self.homes)),
            ("member_responsible", self.member_responsible or ""),
            ("complaints_policy", self.complaints_policy or ""),
            ("self_assessment", self.self_assessment_link or ""),
            ("annual_report", self.annual_report or ""),
            ("governing_body_response", self.governing_body_response or ""),
            ("due", self.due.isoformat()),
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the organisation and links (section 1), each provision's answer (section 2).

        Dates are ISO text; a link or answer not given is ``None``; ``deadline``
        gives the rule's source.
        """
        return {
            "format": "complaintcode/annual-submission@1",
            "organisation": self.organisation,
            "financial_year": str(self.year),
            "homes": self.homes,
            "member_responsible": self.member_responsible,
            "links": {
                "complaints_policy": self.complaints_policy,
                "self_assessment": self.self_assessment_link,
                "annual_report": self.annual_report,
                "governing_body_response": self.governing_body_response,
            },
            "due": self.due.isoformat(),
            "deadline": {"source": self.deadline.source, "title": self.deadline.source_title},
            "answers": [
                {
                    "provision": a.provision.number,
                    "complies": a.complies,
                    "action": a.action or None,
                    "comply_by": None if a.comply_by is None else a.comply_by.isoformat(),
                }
                for a in self.answers
            ],
        }

    def to_csv(self) -> str:
        """CSV with the columns of ``SUBMISSION_COLUMNS``: section 1's fields, then each provision.

        Section 1 rows give a field and its value; section 2 rows give a
        provision, ``yes``, ``no`` or ``n/a`` (empty if not answered), and for a
        ``no`` the action and the ISO date. A cell a spreadsheet would run as a
        formula is written after a single quote, as in every CSV the library writes.
        """
        rows: list[tuple[str, ...]] = [SUBMISSION_COLUMNS]
        rows += [("1", key, value, "", "") for key, value in self._section_1()]
        rows += [
            (
                "2",
                a.provision.number,
                a.complies or "",
                a.action,
                "" if a.comply_by is None else a.comply_by.isoformat(),
            )
            for a in self.answers
        ]
        return write_csv(rows)
