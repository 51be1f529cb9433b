"""The quarterly pack for the Member Responsible for Complaints (9.6, 9.7).

The Member Responsible for Complaints (9.5) keeps the governing body informed
(9.6), and with it receives regular information on complaints: at least their
volumes, categories and outcomes, how quickly they were answered, the trends
against earlier periods, and the Ombudsman's investigations and orders (9.7).
:func:`mrc_pack` counts a quarter of complaints into an :class:`MRCPack`, with
the same counting rules as the annual report (``docs/reporting.md``) applied to
the quarter, and the same figures for the quarters before it for the trends.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.editions import edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision
from complaintcode.reporting import _blocks, _sections, _tally
from complaintcode.reporting._blocks import Block, Table, day, percent, pounds
from complaintcode.reporting._counts import Counts
from complaintcode.reporting._measures import ch02, one_place
from complaintcode.reporting._service_requests import ServiceRequestCounts, count_service_requests
from complaintcode.reporting._year import Quarter

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from complaintcode.complaint import Complaint, ServiceRequest
    from complaintcode.reporting._blocks import Section

__all__: list[str] = []

#: The format name written into :meth:`MRCPack.to_dict` output.
FORMAT = "complaintcode/mrc-pack@1"

#: The headings of the rendered pack, in their fixed order.
MRC_SECTIONS: tuple[str, ...] = (
    "Volumes",
    "Categories",
    "Outcomes",
    "Timeliness",
    "Trends",
    "Putting things right",
    "Ombudsman determinations and orders",
    "Service requests",
    "Audit findings by provision",
)


def _quarter(value: object) -> Quarter:
    if isinstance(value, Quarter):
        return value
    if isinstance(value, str):
        return Quarter.parse(value)
    raise InvalidRecord(
        f"expected a Quarter or text such as '2024-25 Q3', got {type(value).__name__}",
        path="quarter",
    )


def _trend(value: object) -> tuple[tuple[Quarter, Counts], ...]:
    if not isinstance(value, tuple) or not all(
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], Quarter)
        and isinstance(item[1], Counts)
        for item in value
    ):
        raise InvalidRecord("expected (Quarter, Counts) pairs", path="trend")
    return value


def _findings(value: object) -> tuple[Finding, ...]:
    if not isinstance(value, tuple) or not all(isinstance(f, Finding) for f in value):
        raise InvalidRecord("expected a tuple of Finding", path="findings")
    return value


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidRecord(
            f"expected a non-empty text or None, got {value!r}", path=attribute.name
        )


def _day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not dt.date:
        raise InvalidRecord(f"expected a date, got {type(value).__name__}", path=attribute.name)


@attrs.frozen(kw_only=True)
class MRCPack:
    """A quarter's complaints for the Member Responsible for Complaints (9.6, 9.7).

    Build it with :func:`mrc_pack`. It renders as Markdown, HTML or JSON-ready
    data, its sections in the order of :data:`MRC_SECTIONS`.

    Attributes:
        quarter: The quarter.
        as_of: The day the records were read up to.
        counts: The quarter's counts.
        findings: The audit findings of the quarter, in date order.
        trend: The counts of the quarters before it and of the quarter itself,
            the oldest first, as (quarter, counts) pairs.
        member_responsible: The Member Responsible for Complaints' name (9.5), if given.
        service_requests: The quarter's service requests counted, or ``None``.
    """

    quarter: Quarter = attrs.field(converter=_quarter)
    as_of: dt.date = attrs.field(validator=_day)
    counts: Counts = attrs.field()
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    trend: tuple[tuple[Quarter, Counts], ...] = attrs.field(default=(), converter=_trend)
    member_responsible: str | None = attrs.field(default=None, validator=_optional_text)
    service_requests: ServiceRequestCounts | None = attrs.field(default=None)

    @counts.validator
    def _check_counts(self, _attribute: object, value: object) -> None:
        if not isinstance(value, Counts):
            raise InvalidRecord(f"expected Counts, got {type(value).__name__}", path="counts")

    @service_requests.validator
    def _check_requests(self, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, ServiceRequestCounts):
            raise InvalidRecord(
                f"expected ServiceRequestCounts, got {type(value).__name__}",
                path="service_requests",
            )

    def average_working_days(self, stage: int) -> Decimal | None:
        """Average working days from a stage's start to its response, for the quarter's responses."""
        counts = self.counts.stage(stage)
        return one_place(counts.working_days, counts.responses) if counts.responses else None

    def to_markdown(self) -> str:
        """The pack as Markdown, its sections in the order of :data:`MRC_SECTIONS`."""
        return _blocks.to_markdown(*_title(self), _pack_sections(self))

    def to_html(self) -> str:
        """The pack as an HTML fragment, every value escaped."""
        return _blocks.to_html(*_title(self), _pack_sections(self))

    def _repr_html_(self) -> str:
        """The pack as HTML for notebooks, as :meth:`to_html` gives it."""
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        """The pack as JSON-ready data: dates as ISO text, measures as decimal text."""
        return _to_dict(self)


def mrc_pack(
    complaints: Iterable[Complaint],
    *,
    quarter: Quarter | str,
    as_of: dt.date | None = None,
    previous: int = 4,
    member_responsible: str | None = None,
    service_requests: Iterable[ServiceRequest] | None = None,
) -> MRCPack:
    """Count a quarter of complaints into the pack for the Member Responsible for Complaints (9.7).

    The quarter is counted by the rules of the annual report, with the quarter
    in place of the year: a stage 1 complaint belongs to the quarter it was
    received in, a stage 2 complaint to the quarter of its escalation request,
    and responses, outcomes, remedies and the Ombudsman's determinations to the
    quarter they were made in. The quarters before it are counted by the same
    rules, with the records read up to the same day, for the trends.

    Args:
        complaints: The complaints; each reference once. Any iterable, read
            once: each complaint is counted as it comes and none is kept.
        quarter: The quarter (a :class:`Quarter`, or text such as ``"2024-25 Q3"``).
        as_of: The day to read the records up to; the quarter's last day by
            default. It may not be before the quarter's first day.
        previous: How many quarters before it to show in the trends (0 to 8).
        member_responsible: The Member Responsible for Complaints' name (9.5).
        service_requests: The service requests to count (1.4, 1.5).

    Returns:
        The :class:`MRCPack`.

    Raises:
        InvalidRecord: For a bad quarter, something that is not a complaint, a
            reference given twice, an ``as_of`` before the quarter, or
            ``previous`` outside 0 to 8.

    >>> pack = mrc_pack([], quarter="2024-25 Q3")
    >>> str(pack.quarter), pack.as_of, [str(q) for q, _ in pack.trend][:2]
    ('2024-25 Q3', datetime.date(2024, 12, 31), ['2023-24 Q3', '2023-24 Q4'])
    """
    period = _quarter(quarter)
    day = period.end if as_of is None else as_of
    _day(None, attrs.fields(MRCPack).as_of, day)
    if day < period.start:
        raise InvalidRecord(
            f"{day.isoformat()} is before the quarter {period} starts ({period.start.isoformat()})",
            path="as_of",
        )
    if not isinstance(previous, int) or isinstance(previous, bool) or not 0 <= previous <= 8:
        raise InvalidRecord(f"expected 0 to 8 quarters, got {previous!r}", path="previous")
    earlier = [period]
    for _ in range(previous):
        earlier.insert(0, earlier[0].previous())
    tallies = [_tally.Tally(q.start, q.end, day, audit=q == period) for q in earlier]
    kept: list[Finding] = []
    for complaint in _tally.checked(complaints):
        for tally in tallies:
            kept.extend(tally.add(complaint))
    requests = None
    if service_requests is not None:
        requests, found = count_service_requests(
            service_requests, period.start, min(period.end, day), day
        )
        kept.extend(found)
        tallies[-1].findings.update((f.provision, f.severity) for f in found)
    kept.sort(key=lambda f: (f.due or f.on or period.start, f.reference or "", f.code, f.message))
    trend = tuple((q, t.counts()) for q, t in zip(earlier, tallies, strict=True))
    return MRCPack(
        quarter=period,
        as_of=day,
        counts=trend[-1][1],
        findings=tuple(kept),
        trend=trend,
        member_responsible=member_responsible,
        service_requests=requests,
    )


def _title(pack: MRCPack) -> tuple[str, str]:
    q = pack.quarter
    who = pack.member_responsible or "the Member Responsible for Complaints"
    line = (
        f"Quarter {day(q.start)} to {day(q.end)}, with the records as they stood on "
        f"{day(pack.as_of)}: the regular information on complaints for {who} and the "
        f"governing body ({provision('9.7').number}), so that the governing body is kept "
        f"informed ({provision('9.6').number})."
    )
    return f"Complaints for the Member Responsible for Complaints, {q}", line


def _pair(label: str, counts: Counts, field: str) -> tuple[str, str, str]:
    return label, str(getattr(counts.stage_1, field)), str(getattr(counts.stage_2, field))


def _volumes(pack: MRCPack) -> list[Block]:
    c = pack.counts
    rows = (
        _pair("Received (stage 2: escalation requested)", c, "received"),
        _pair("Not accepted (stage 2: escalation refused)", c, "not_accepted"),
        _pair("Withdrawn before the response", c, "withdrawn"),
        _pair("Responded to", c, "responded"),
        _pair("Ended without the response owed", c, "unanswered"),
        _pair("Still open", c, "still_open"),
        _pair("Still open and past the response deadline", c, "overdue"),
    )
    note = (
        "Stage 1 complaints received in the quarter and escalation requests made in it, as "
        f"they stood on {day(pack.as_of)}."
    )
    return [note, Table(("Complaints", "Stage 1", "Stage 2"), rows)]


def _timeliness(pack: MRCPack) -> list[Block]:
    c, t = pack.counts, ch02(pack.counts)
    averages = (pack.average_working_days(1), pack.average_working_days(2))
    rows = (
        _pair("Acknowledgements made", c, "acknowledged"),
        _pair("Acknowledged after the deadline", c, "acknowledged_late"),
        _pair("Responses made", c, "responses"),
        (
            "In time, counting Code-compliant extensions",
            percent(t.stage_1.with_extensions),
            percent(t.stage_2.with_extensions),
        ),
        (
            "In time, not counting extensions",
            percent(t.stage_1.without_extensions),
            percent(t.stage_2.without_extensions),
        ),
        (
            "Average working days from receipt (stage 2: escalation request) to response",
            *(_blocks.NO_RESPONSES if a is None else str(a) for a in averages),
        ),
    )
    note = "Acknowledgements and responses made in the quarter, judged by the Code's timescales."
    return [note, Table(("Timeliness", "Stage 1", "Stage 2"), rows)]


def _upheld(counts: Counts) -> str:
    one = counts.outcomes.stage_1
    return str(one.upheld + one.partly_upheld)


def _trends(pack: MRCPack) -> list[Block]:
    columns = [(str(q), c, ch02(c)) for q, c in pack.trend]
    rows: list[tuple[str, ...]] = [
        ("Stage 1 complaints received", *(str(c.stage_1.received) for _, c, _ in columns)),
        ("Escalation requests", *(str(c.stage_2.received) for _, c, _ in columns)),
        ("Stage 1 responses", *(str(c.stage_1.responses) for _, c, _ in columns)),
        (
            "Stage 1 in time, counting extensions",
            *(percent(t.stage_1.with_extensions) for _, _, t in columns),
        ),
        ("Stage 2 responses", *(str(c.stage_2.responses) for _, c, _ in columns)),
        (
            "Stage 2 in time, counting extensions",
            *(percent(t.stage_2.with_extensions) for _, _, t in columns),
        ),
        ("Stage 1 upheld in whole or part", *(_upheld(c) for _, c, _ in columns)),
        ("Remedies offered", *(str(c.remedies.offered) for _, c, _ in columns)),
        ("Compensation paid", *(pounds(c.remedies.compensation_paid) for _, c, _ in columns)),
        (
            "Ombudsman determinations",
            *(str(len(c.ombudsman.determinations)) for _, c, _ in columns),
        ),
    ]
    note = (
        "The quarter against the quarters before it, each counted by the same rules with the "
        f"records as they stood on {day(pack.as_of)}."
    )
    return [note, Table(("Measure", *(label for label, _, _ in columns)), tuple(rows))]


def _remedies(pack: MRCPack) -> list[Block]:
    r = pack.counts.remedies
    number = edition_for(pack.quarter.start).cite("remedy_by_when").number
    rows = (
        ("Remedies offered in responses", str(r.offered)),
        ("Remedies done", str(r.done)),
        ("Compensation offered", pounds(r.compensation_offered)),
        ("Compensation paid", pounds(r.compensation_paid)),
        (
            f"Remedies overdue on {day(min(pack.as_of, pack.quarter.end))}",
            str(pack.counts.remedies_overdue),
        ),
    )
    note = f"Remedies offered and done in the quarter, and those overdue ({number})."
    return [note, Table(("Remedies", "In the quarter"), rows)]


def _pack_sections(pack: MRCPack) -> list[Section]:
    counted = pack.counts
    full_record = edition_for(pack.quarter.start).cite("full_record").number
    blocks = [
        _volumes(pack),
        _sections.categories(counted.outcomes, "quarter"),
        _sections.outcomes(counted.outcomes, "quarter", full_record),
        _timeliness(pack),
        _trends(pack),
        _remedies(pack),
        _sections.ombudsman(counted.ombudsman, "quarter", day(min(pack.as_of, pack.quarter.end))),
        _sections.service_requests(pack.service_requests, "quarter"),
        _sections.findings(counted, day(pack.as_of)),
    ]
    return list(zip(MRC_SECTIONS, blocks, strict=True))


def _to_dict(pack: MRCPack) -> dict[str, Any]:
    t = ch02(pack.counts)

    def share(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {
        "format": FORMAT,
        "quarter": str(pack.quarter),
        "start": pack.quarter.start.isoformat(),
        "end": pack.quarter.end.isoformat(),
        "as_of": pack.as_of.isoformat(),
        "member_responsible": pack.member_responsible,
        "counts": pack.counts.to_dict(),
        "in_time": {
            "stage_1": {
                "with_extensions": share(t.stage_1.with_extensions),
                "without_extensions": share(t.stage_1.without_extensions),
            },
            "stage_2": {
                "with_extensions": share(t.stage_2.with_extensions),
                "without_extensions": share(t.stage_2.without_extensions),
            },
        },
        "average_working_days": {
            "stage_1": share(pack.average_working_days(1)),
            "stage_2": share(pack.average_working_days(2)),
        },
        "trend": [
            {
                "quarter": str(q),
                "start": q.start.isoformat(),
                "end": q.end.isoformat(),
                "counts": c.to_dict(),
            }
            for q, c in pack.trend
        ],
        "findings": [f.to_dict() for f in pack.findings],
        "service_requests": None
        if pack.service_requests is None
        else pack.service_requests.to_dict(),
    }
