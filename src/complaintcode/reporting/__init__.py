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

from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.reporting import _governance, _render, _tally
from complaintcode.reporting._counts import Counts, FindingCount, StageCounts, TenureCounts
from complaintcode.reporting._governance import GoverningBody
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
from complaintcode.reporting._months import MonthCounts
from complaintcode.reporting._mrc import MRC_SECTIONS, MRCPack, mrc_pack
from complaintcode.reporting._ombudsman import (
    OmbudsmanCounts,
    ReportedDetermination,
    ReportedOrder,
)
from complaintcode.reporting._outcomes import CategoryCounts, OutcomeCounts, StageOutcomes
from complaintcode.reporting._remedy_counts import RemedyCounts, RemedyKindCount
from complaintcode.reporting._service_requests import ServiceRequestCounts, count_service_requests
from complaintcode.reporting._submission import (
    SUBMISSION_COLUMNS,
    SUBMISSION_DEADLINE,
    AnnualSubmission,
    SubmissionAnswer,
    SubmissionDeadline,
)
from complaintcode.reporting._tenure import TenureMeasures, homes_by_tenure, measures_by_tenure
from complaintcode.reporting._year import Quarter, ReportingYear, reporting_year
from complaintcode.selfassessment import SelfAssessment

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from complaintcode.complaint import Complaint, ServiceRequest
    from complaintcode.stages import Stage

__all__ = [
    "CH01",
    "CH02",
    "MRC_SECTIONS",
    "REPORT_SECTIONS",
    "SUBMISSION_COLUMNS",
    "SUBMISSION_DEADLINE",
    "AnnualReport",
    "AnnualSubmission",
    "CategoryCounts",
    "Counts",
    "FindingCount",
    "GoverningBody",
    "MRCPack",
    "MonthCounts",
    "OmbudsmanCounts",
    "OutcomeCounts",
    "Quarter",
    "RemedyCounts",
    "RemedyKindCount",
    "ReportOptions",
    "ReportedDetermination",
    "ReportedOrder",
    "ReportingYear",
    "ServiceRequestCounts",
    "StageCounts",
    "StageOutcomes",
    "StageTimeliness",
    "SubmissionAnswer",
    "SubmissionDeadline",
    "TenureCounts",
    "TenureMeasures",
    "annual_report",
    "ch01",
    "ch02",
    "mrc_pack",
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


def _analysis(value: object) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidRecord(
            f"expected a non-empty text or None, got {value!r}", path="qualitative_analysis"
        )
    return value


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
        qualitative_analysis: The analysis of the year's complaint handling in
            words, beside the figures (8.1); ``None`` until written.
        governing_body: When the report went to the governing body, its
            response, and the Member Responsible for Complaints (8.2, 9.5).
        homes_by_tenure: The homes of each tenure, as (tenure, homes) pairs,
            for CH01 by tenure; empty if not given.
        service_requests: The year's service requests counted (1.4, 1.5), or
            ``None`` when none were passed.

    Raises:
        InvalidRecord: For a wrong type, ``homes`` not above 0, a blank text,
            or homes by tenure that do not add up to ``homes``.

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
    qualitative_analysis: str | None = attrs.field(default=None, converter=_analysis)
    governing_body: GoverningBody = attrs.field(
        factory=GoverningBody, validator=_instance_of(GoverningBody)
    )
    homes_by_tenure: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=homes_by_tenure
    )
    service_requests: ServiceRequestCounts | None = attrs.field(
        default=None, validator=_instance_of(ServiceRequestCounts, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        given = sum(n for _, n in self.homes_by_tenure)
        if self.homes_by_tenure and given != self.homes:
            shown = ", ".join(f"{t}: {n:,}" for t, n in self.homes_by_tenure)
            raise InvalidRecord(
                f"the homes of each tenure ({shown}) add up to {given:,}, not the {self.homes:,} "
                "homes CH01 is counted for",
                path="homes_by_tenure",
            )

    @property
    def ch01(self) -> CH01:
        """TSM CH01 for the year, counted with the report's options."""
        return ch01(self.counts, homes=self.homes, options=self.options)

    @property
    def ch02(self) -> CH02:
        """TSM CH02 for the year, with and without extensions."""
        return ch02(self.counts)

    @property
    def tenure_measures(self) -> tuple[TenureMeasures, ...]:
        """CH01 and CH02 for each tenure, then for all complaints together.

        CH01 of a tenure needs its homes (``homes_by_tenure``); without them it
        is ``None``. A complaint with no tenure recorded counts only together.
        """
        return measures_by_tenure(self.counts, self.homes, dict(self.homes_by_tenure), self.options)

    def problems(self) -> tuple[Finding, ...]:
        """What the report lacks before it can be published, each citing its provision.

        - responses of the year with no recorded outcome, by stage (5.12, by the
          edition in force on the year's first day);
        - no qualitative analysis, no self-assessment attached, or one with
          problems of its own (8.1); no service improvements named (8.1, a warning);
        - not yet put to the governing body, or its response missing or undated (8.2);
        - the Member Responsible for Complaints not named (9.5).

        >>> report = annual_report([], homes=100, year=2024)
        >>> [str(f) for f in report.problems()][:2]
        ['8.1: the report has no qualitative analysis', '8.1: the report does not include the self-assessment']
        """
        return _governance.report_problems(self)

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
    qualitative_analysis: str | None = None,
    governing_body: GoverningBody | None = None,
    homes_by_tenure: Mapping[str, int] | None = None,
    service_requests: Iterable[ServiceRequest] | None = None,
) -> AnnualReport:
    """Count a year of complaints into the annual report (8.1), with CH01 and CH02.

    Each complaint is read as its record stood at the end of ``as_of`` and
    counted by the rules of ``docs/reporting.md``: a stage 1 complaint belongs
    to the year it was received in, a stage 2 complaint to the year of its
    escalation request, and acknowledgements and responses to the year they
    were made in.

    Args:
        complaints: The complaints; any others (earlier or later years) are
            passed over. Each reference may appear once. Any iterable: each
            complaint is counted as it comes and none is kept, so a generator
            (``read_complaints`` over a file) is read once, one at a time.
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
        qualitative_analysis: The analysis of the year in words (8.1).
        governing_body: When the report went to the governing body, its
            response and the Member Responsible for Complaints (8.2, 9.5).
        homes_by_tenure: The homes of each tenure (``"low_cost_rental"``,
            ``"low_cost_home_ownership"``), for CH01 by tenure; they must add
            up to ``homes``.
        service_requests: The service requests to count (1.4, 1.5); their
            findings (1.5, 1.3) are kept with the audit findings.

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
    tally, kept = _tally.Tally(period.start, period.end, day), list[Finding]()
    for complaint in _tally.checked(complaints):
        kept.extend(tally.add(complaint))
    requests = None
    if service_requests is not None:
        last = min(period.end, day)
        requests, found = count_service_requests(service_requests, period.start, last, day)
        kept.extend(found)
        tally.findings.update((f.provision, f.severity) for f in found)
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
        qualitative_analysis=qualitative_analysis,
        governing_body=GoverningBody() if governing_body is None else governing_body,
        homes_by_tenure=homes_by_tenure or (),
        service_requests=requests,
    )
