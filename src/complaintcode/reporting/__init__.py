"""The annual complaints performance and service improvement report, with CH01 and CH02.

Every year a landlord publishes a report on its complaint handling (2024 Code,
8.1): the self-assessment, an analysis of performance, a summary of the
complaints it refused, the Ombudsman's findings of non-compliance and the
service improvements made; it goes to the governing body and is published
(8.2). The Regulator of Social Housing's Tenant Satisfaction Measures CH01
(complaints received per 1,000 homes) and CH02 (the share answered within the
Code's timescales) come from the same records. :func:`annual_report` counts a
year of :class:`~complaintcode.complaint.Complaint` records into an
:class:`AnnualReport`; the counting rules are in ``docs/reporting.md``. The
remedies offered and done in the year, with the compensation offered and paid,
are counted too (:class:`RemedyCounts`; 7.3).

>>> import datetime as dt
>>> from complaintcode.complaint import Complaint
>>> from complaintcode.definition import ComplaintDefinition
>>> definition = ComplaintDefinition(
...     understanding="The boiler is broken.", points=("boiler",), outcomes_sought=("repair",)
... )
>>> c = Complaint.receive("C-1", received=dt.date(2024, 5, 1))
>>> c = c.acknowledge(dt.date(2024, 5, 2), "A. Khan", definition).respond(dt.date(2024, 5, 17))
>>> report = annual_report([c], homes=2_000, year=2024)
>>> report.ch01.stage_1, report.ch02.stage_1.with_extensions
(Decimal('0.5'), Decimal('100.0'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.complaint import Complaint
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.reporting import _render, _tally
from complaintcode.reporting._counts import Counts, FindingCount, StageCounts
from complaintcode.reporting._measures import (
    CH01,
    CH02,
    ReportOptions,
    StageTimeliness,
    ch01,
    ch02,
    check_homes,
    one_place,
)
from complaintcode.reporting._remedy_counts import RemedyCounts
from complaintcode.selfassessment import SelfAssessment

if TYPE_CHECKING:
    from decimal import Decimal

    from complaintcode.stages import Stage

__all__ = [
    "CH01",
    "CH02",
    "REPORT_SECTIONS",
    "AnnualReport",
    "Counts",
    "FindingCount",
    "RemedyCounts",
    "ReportOptions",
    "ReportingYear",
    "StageCounts",
    "StageTimeliness",
    "annual_report",
    "ch01",
    "ch02",
    "reporting_year",
]

#: The headings of the rendered report, in their fixed order. The last,
#: ``"Self-assessment"``, appears only when a self-assessment is attached.
REPORT_SECTIONS: tuple[str, ...] = _render.SECTIONS


def _items(value: object, path: str) -> tuple[Any, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidRecord(f"expected a list, got {type(value).__name__}", path=path)
    return tuple(value)


def _texts(value: object, path: str) -> tuple[str, ...]:
    items = _items(value, path)
    for i, text in enumerate(items):
        if not isinstance(text, str) or not text.strip():
            raise InvalidRecord(f"expected a non-empty text, got {text!r}", path=f"{path}[{i}]")
    return items


def _improvements(value: object) -> tuple[str, ...]:
    return _texts(value, "improvements")


def _ombudsman_findings(value: object) -> tuple[str, ...]:
    return _texts(value, "ombudsman_findings")


def _ombudsman_reports(value: object) -> tuple[str, ...]:
    return _texts(value, "ombudsman_reports")


def _day(_instance: object, _attribute: object, value: dt.date) -> None:
    if type(value) is not dt.date:
        raise InvalidRecord(f"expected a date, got {type(value).__name__}", path="as_of")


def _findings(value: object) -> tuple[Finding, ...]:
    items = _items(value, "findings")
    for i, item in enumerate(items):
        if not isinstance(item, Finding):
            raise InvalidRecord(
                f"expected Finding, got {type(item).__name__}", path=f"findings[{i}]"
            )
    return items


@attrs.frozen(kw_only=True)
class ReportingYear:
    """A landlord's reporting year: 1 April to 31 March, named by the year it starts in.

    Attributes:
        year: The calendar year of its first day; 2024 is 1 April 2024 to 31 March 2025.

    Raises:
        InvalidRecord: For a year that is not a whole number from 1 to 9998.

    >>> y = ReportingYear(year=2024)
    >>> y.start, y.end, str(y)
    (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), '2024-25')
    >>> (
    ...     ReportingYear.containing(dt.date(2025, 3, 31)).year,
    ...     ReportingYear.containing(dt.date(2025, 4, 1)).year,
    ... )
    (2024, 2025)
    """

    year: int = attrs.field()

    @year.validator
    def _check(self, _attribute: object, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9998:
            raise InvalidRecord(f"expected a year from 1 to 9998, got {value!r}", path="year")

    @classmethod
    def containing(cls, day: dt.date) -> ReportingYear:
        """The reporting year a day falls in.

        Raises:
            InvalidRecord: If ``day`` is not a date.
        """
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise InvalidRecord(f"expected a date, got {type(day).__name__}", path="day")
        return cls(year=day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> dt.date:
        """Its first day, 1 April."""
        return dt.date(self.year, 4, 1)

    @property
    def end(self) -> dt.date:
        """Its last day, 31 March of the next calendar year."""
        return dt.date(self.year + 1, 3, 31)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"


def reporting_year(year: int) -> ReportingYear:
    """The reporting year that starts on 1 April of ``year``.

    Args:
        year: The calendar year the reporting year starts in.

    Returns:
        The :class:`ReportingYear`, 1 April ``year`` to 31 March ``year + 1``.

    Raises:
        InvalidRecord: For a year that is not a whole number from 1 to 9998.

    >>> dt.date(2025, 3, 31) in reporting_year(2024), dt.date(2025, 4, 1) in reporting_year(2024)
    (True, False)
    """
    return ReportingYear(year=year)


def _instance_of(kind: type, *, optional: bool = False) -> Any:  # noqa: ANN401  # an attrs validator
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) and not (optional and value is None):
            raise InvalidRecord(
                f"expected {kind.__name__}, got {type(value).__name__}", path=attribute.name
            )

    return check


@attrs.frozen(kw_only=True)
class AnnualReport:
    """The annual complaints performance and service improvement report (8.1), with CH01 and CH02.

    Build it with :func:`annual_report`. It renders as Markdown, HTML or
    JSON-ready data, with its sections in the order of :data:`REPORT_SECTIONS`.

    Attributes:
        year: The reporting year.
        as_of: The day the records were read up to.
        homes: The homes the landlord owns, for CH01.
        options: The CH01 switches.
        counts: Everything counted.
        findings: The audit findings kept for the year, in date order.
        self_assessment: The self-assessment against the Code (8.1), if attached.
        improvements: The service improvements made from complaints (8.1, 9.1).
        ombudsman_findings: The Ombudsman's findings of non-compliance with the Code (8.1).
        ombudsman_reports: The Ombudsman's annual report on the landlord and its
            other reports or publications about the landlord (8.1).

    Raises:
        InvalidRecord: For a wrong type, ``homes`` not above 0, or a blank text.

    >>> report = AnnualReport(
    ...     year=reporting_year(2024),
    ...     as_of=dt.date(2025, 3, 31),
    ...     homes=500,
    ...     counts=Counts(stage_1=StageCounts(received=2, still_open=2)),
    ... )
    >>> report.ch01.stage_1, report.average_working_days(1) is None
    (Decimal('4.0'), True)
    """

    year: ReportingYear = attrs.field(validator=_instance_of(ReportingYear))
    as_of: dt.date = attrs.field(validator=_day)
    homes: int = attrs.field(converter=check_homes)
    options: ReportOptions = attrs.field(
        factory=ReportOptions, validator=_instance_of(ReportOptions)
    )
    counts: Counts = attrs.field(validator=_instance_of(Counts))
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    self_assessment: SelfAssessment | None = attrs.field(
        default=None, validator=_instance_of(SelfAssessment, optional=True)
    )
    improvements: tuple[str, ...] = attrs.field(default=(), converter=_improvements)
    ombudsman_findings: tuple[str, ...] = attrs.field(default=(), converter=_ombudsman_findings)
    ombudsman_reports: tuple[str, ...] = attrs.field(default=(), converter=_ombudsman_reports)

    @property
    def ch01(self) -> CH01:
        """TSM CH01 for the year, counted with the report's options."""
        return ch01(self.counts, homes=self.homes, options=self.options)

    @property
    def ch02(self) -> CH02:
        """TSM CH02 for the year, with and without extensions."""
        return ch02(self.counts)

    def average_working_days(self, stage: Stage | int) -> Decimal | None:
        """Average working days from a stage's start to its response, for the year's responses.

        The start is the day of receipt at stage 1 and the escalation request
        at stage 2; the result has one decimal place, halves rounded up, and is
        ``None`` when the stage has no responses in the year.
        """
        counts = self.counts.stage(stage)
        return one_place(counts.working_days, counts.responses) if counts.responses else None

    def to_markdown(self) -> str:
        """The report as Markdown, its sections in the order of :data:`REPORT_SECTIONS`.

        Every text given by the caller is escaped for HTML and for Markdown; an
        attached self-assessment follows, its headings moved two levels down.
        """
        return _render.to_markdown(self)

    def to_html(self) -> str:
        """The report as an HTML fragment, every value escaped with :func:`html.escape`."""
        return _render.to_html(self)

    def _repr_html_(self) -> str:
        """The report as HTML for notebooks, as :meth:`to_html` gives it."""
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: dates as ISO text, measures as decimal text."""
        return _render.to_dict(self)


def annual_report(
    complaints: Iterable[Complaint],
    *,
    homes: int,
    year: int | ReportingYear,
    as_of: dt.date | None = None,
    options: ReportOptions | None = None,
    self_assessment: SelfAssessment | None = None,
    improvements: Iterable[str] = (),
    ombudsman_findings: Iterable[str] = (),
    ombudsman_reports: Iterable[str] = (),
) -> AnnualReport:
    """Count a year of complaints into the annual report (8.1), with CH01 and CH02.

    Each complaint is read as its record stood at the end of ``as_of`` and
    counted by the rules of ``docs/reporting.md``: a stage 1 complaint belongs
    to the year it was received in, a stage 2 complaint to the year of its
    escalation request, and acknowledgements and responses to the year they
    were made in.

    Args:
        complaints: The complaints; any others (earlier or later years) are
            passed over. Each reference may appear once.
        homes: The homes the landlord owns, for CH01; more than 0.
        year: The reporting year, or the calendar year it starts in (2024 for
            1 April 2024 to 31 March 2025).
        as_of: The day to read the records up to; the year's last day by
            default. It may not be before the year's first day.
        options: The CH01 switches; :class:`ReportOptions` defaults if ``None``.
        self_assessment: The self-assessment to attach (8.1).
        improvements: The service improvements made from complaints (8.1, 9.1).
        ombudsman_findings: The Ombudsman's findings of non-compliance (8.1).
        ombudsman_reports: The Ombudsman's reports about the landlord (8.1).

    Returns:
        The :class:`AnnualReport`.

    Raises:
        InvalidRecord: For something that is not a complaint, a reference given
            twice, ``homes`` not above 0, an ``as_of`` before the year, or a
            blank text.

    >>> annual_report([], homes=0, year=2024)
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: homes: CH01 is per 1,000 homes: expected a whole number of homes above 0, got 0
    """
    period = year if isinstance(year, ReportingYear) else reporting_year(year)
    day = period.end if as_of is None else as_of
    _day(None, None, day)
    if day < period.start:
        raise InvalidRecord(
            f"{day.isoformat()} is before the reporting year {period} starts "
            f"({period.start.isoformat()})",
            path="as_of",
        )
    homes = check_homes(homes)
    tally, kept, seen = (
        _tally.Tally(period.start, period.end, day),
        list[Finding](),
        set[str](),
    )
    for i, complaint in enumerate(_items(complaints, "complaints")):
        if not isinstance(complaint, Complaint):
            raise InvalidRecord(
                f"expected a Complaint, got {type(complaint).__name__}", path=f"complaints[{i}]"
            )
        if complaint.reference in seen:
            raise InvalidRecord(
                f"the reference {complaint.reference!r} appears twice: each complaint is "
                "counted once",
                path=f"complaints[{i}]",
            )
        seen.add(complaint.reference)
        kept.extend(tally.add(complaint))
    kept.sort(key=lambda f: (f.due or f.on or period.start, f.reference or "", f.code, f.message))
    return AnnualReport(
        year=period,
        as_of=day,
        homes=homes,
        options=options if options is not None else ReportOptions(),
        counts=tally.counts(),
        findings=tuple(kept),
        self_assessment=self_assessment,
        improvements=improvements,
        ombudsman_findings=ombudsman_findings,
        ombudsman_reports=ombudsman_reports,
    )
