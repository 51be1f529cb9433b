"""Writing the annual report as Markdown, HTML or JSON-ready data (behind ``AnnualReport.to_*``).

Both text formats are rendered from one list of sections (a heading, then
paragraphs, tables and lists), so they always carry the same content in the
same order, :data:`SECTIONS`. Every text is escaped: for HTML with
:func:`html.escape`; for Markdown also with :func:`html.escape`, with the
characters Markdown reads as emphasis, code, links, headings or table cells
escaped with a backslash, and a line break written as ``<br>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from complaintcode.editions import edition_for
from complaintcode.reporting import _blocks, _charts
from complaintcode.reporting import _sections as _more
from complaintcode.reporting._blocks import NO_RESPONSES as _NO_RESPONSES
from complaintcode.reporting._blocks import Block as _Block
from complaintcode.reporting._blocks import BulletList as _List
from complaintcode.reporting._blocks import Embedded as _Embedded
from complaintcode.reporting._blocks import Section as _Section
from complaintcode.reporting._blocks import Table as _Table
from complaintcode.reporting._blocks import day as _day
from complaintcode.reporting._blocks import percent as _percent

if TYPE_CHECKING:
    from decimal import Decimal

    from complaintcode.reporting import AnnualReport
    from complaintcode.reporting._counts import StageCounts
    from complaintcode.reporting._measures import CH01, CH02
    from complaintcode.reporting._tenure import TenureMeasures

__all__: list[str] = []

#: The format name written into :meth:`AnnualReport.to_dict` output.
FORMAT = "complaintcode/annual-report@1"

#: The section headings, in order; the self-assessment's only when one is attached.
SECTIONS: tuple[str, ...] = (
    "Summary and Tenant Satisfaction Measures",
    "Tenant Satisfaction Measures by tenure",
    "Analysis",
    "Stage volumes",
    "Complaints by category",
    "Outcomes",
    "Timeliness",
    "Extensions",
    "Complaints not accepted and escalations refused",
    "Audit findings by provision",
    "Putting things right",
    "Ombudsman determinations and orders",
    "Service requests",
    "Service improvements",
    "Ombudsman findings of non-compliance",
    "Reports from the Ombudsman",
    "The governing body",
    "Self-assessment",
)

_GROUNDS = {
    "time_limit": ("Made outside the time limit", "exclusion_time_limit"),
    "legal_proceedings": ("Legal proceedings had started", "exclusion_grounds"),
    "previously_considered": ("Already through the complaints process", "exclusion_grounds"),
    "policy": ("A ground set by the landlord's complaints policy", "exclusion_grounds"),
}


def _pair(label: str, s1: StageCounts, s2: StageCounts, field: str) -> tuple[str, ...]:
    return label, str(getattr(s1, field)), str(getattr(s2, field))


_STAGES = ("Stage 1", "Stage 2")


def _summary(report: AnnualReport) -> list[_Block]:
    c1, c2, options = report.ch01, report.ch02, report.options
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    withdrawn = "counted" if options.include_withdrawn else "not counted"
    refused = "counted" if options.include_not_accepted else "not counted"
    table = _Table(
        ("Measure", *_STAGES),
        (
            ("CH01: complaints received per 1,000 homes", str(c1.stage_1), str(c1.stage_2)),
            (
                "CH02: responded to within the Code's timescales, counting Code-compliant extensions",
                _percent(c2.stage_1.with_extensions),
                _percent(c2.stage_2.with_extensions),
            ),
            (
                "CH02: responded to within the Code's timescales, not counting extensions",
                _percent(c2.stage_1.without_extensions),
                _percent(c2.stage_2.without_extensions),
            ),
        ),
    )
    note = (
        f"CH01 counts {c1.stage_1_complaints} stage 1 and {c1.stage_2_complaints} stage 2 "
        f"complaints for {c1.homes:,} homes; withdrawn complaints are {withdrawn}, and "
        f"complaints not accepted and escalations refused are {refused}. CH02 counts the "
        f"{s1.responses} stage 1 and {s2.responses} stage 2 responses made in the year."
    )
    return [table, note]


def _volumes(report: AnnualReport) -> list[_Block]:
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    table = _Table(
        ("Complaints", *_STAGES),
        (
            _pair("Received (stage 2: escalation requested)", s1, s2, "received"),
            _pair("Not accepted (stage 2: escalation refused)", s1, s2, "not_accepted"),
            _pair("Withdrawn before the response", s1, s2, "withdrawn"),
            _pair("Responded to", s1, s2, "responded"),
            _pair("Ended without the response owed", s1, s2, "unanswered"),
            _pair("Still open", s1, s2, "still_open"),
            _pair("Still open and past the response deadline", s1, s2, "overdue"),
        ),
    )
    note = (
        "Stage 1 complaints received in the year and stage 2 escalation requests made in it, "
        f"as they stood on {_day(report.as_of)}."
    )
    return [note, table]


def _timeliness(report: AnnualReport) -> list[_Block]:
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    averages = (report.average_working_days(1), report.average_working_days(2))
    table = _Table(
        ("Acknowledgements and responses", *_STAGES),
        (
            _pair("Acknowledgements made", s1, s2, "acknowledged"),
            _pair("Acknowledged after the deadline", s1, s2, "acknowledged_late"),
            _pair("Responses made", s1, s2, "responses"),
            _pair("In time, not counting extensions", s1, s2, "responses_in_time"),
            _pair(
                "In time, counting Code-compliant extensions",
                s1,
                s2,
                "responses_in_time_with_extension",
            ),
            (
                "Late, not counting extensions",
                str(s1.responses - s1.responses_in_time),
                str(s2.responses - s2.responses_in_time),
            ),
            (
                "Late, counting Code-compliant extensions",
                str(s1.responses - s1.responses_in_time_with_extension),
                str(s2.responses - s2.responses_in_time_with_extension),
            ),
            (
                "Average working days from receipt (stage 2: escalation request) to response",
                *(_NO_RESPONSES if a is None else str(a) for a in averages),
            ),
        ),
    )
    note = (
        "Acknowledgements and responses made during the year, whatever year the complaint "
        "was received in."
    )
    return [note, table]


def _extensions(report: AnnualReport) -> list[_Block]:
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    edition = edition_for(report.year.start)
    table = _Table(
        ("Extensions", *_STAGES),
        (
            _pair("Extended", s1, s2, "extended"),
            _pair("Within the limit", s1, s2, "extended_within_limit"),
            _pair("Beyond the limit, with a good reason", s1, s2, "extended_with_good_reason"),
            _pair(
                "Beyond the limit, without a good reason", s1, s2, "extended_without_good_reason"
            ),
        ),
    )
    note = (
        "The year's complaints given more time to respond "
        f"({edition.cite('extend_stage_1').number} at stage 1, "
        f"{edition.cite('extend_stage_2').number} at stage 2)."
    )
    return [note, table]


def _refusals(report: AnnualReport) -> list[_Block]:
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    edition = edition_for(report.year.start)
    rows = [
        (label, edition.cite(key).number, str(s1.ground(kind)), str(s2.ground(kind)))
        for kind, (label, key) in _GROUNDS.items()
    ]
    rows += _policy_rows(s1, s2, edition.cite("exclusion_grounds").number)
    rows.append(("Complaints in all", "", str(s1.not_accepted), str(s2.not_accepted)))
    table = _Table(
        ("Ground", "Provision", "Not accepted at stage 1", "Escalation refused"), tuple(rows)
    )
    note = (
        f"The kinds of complaints not accepted ({edition.cite('accept').number}) and of "
        f"escalations refused ({edition.cite('refuse_escalation').number}), by the ground "
        "relied on; a decision on two grounds counts under each. A ground set by the "
        "landlord's complaints policy is also listed with the policy's reference."
    )
    return [note, table]


def _policy_rows(s1: StageCounts, s2: StageCounts, number: str) -> list[tuple[str, str, str, str]]:
    """A row for each ground set by the landlord's policy, at either stage, in order."""
    one, two = ({(r, d): n for r, d, n in s.policy_grounds} for s in (s1, s2))
    return [
        (
            f"Complaints policy ({key[0]}): {key[1]}",
            number,
            str(one.get(key, 0)),
            str(two.get(key, 0)),
        )
        for key in sorted(one.keys() | two.keys())
    ]


def _findings(report: AnnualReport) -> list[_Block]:
    return _more.findings(report.counts, _day(report.as_of))


def _remedies(report: AnnualReport) -> list[_Block]:
    counted = report.counts.remedies
    edition = edition_for(report.year.start)
    number = edition.cite("remedy_by_when").number
    table = _Table(
        ("Remedies", "In the year"),
        (
            ("Remedies offered in responses", str(counted.offered)),
            ("Remedies done", str(counted.done)),
            ("Compensation offered", f"£{counted.compensation_offered:,}"),
            ("Compensation paid", f"£{counted.compensation_paid:,}"),
            (
                f"Remedies overdue on {_day(min(report.as_of, report.year.end))}",
                str(report.counts.remedies_overdue),
            ),
        ),
    )
    note = (
        f"Remedies offered in the responses made in the year, and remedies done in the year "
        f"whatever year they were offered in ({number}); compensation is the amount of the "
        "financial remedies among them. A remedy is overdue when it is still to be done after "
        "the date its letter gave."
    )
    kinds = report.counts.remedy_kinds
    if not kinds:
        return [note, table]
    by_kind = _Table(
        (f"Kind of remedy ({edition.cite('remedy').number})", "Offered", "Done", "Overdue"),
        tuple((k.kind.label, str(k.offered), str(k.done), str(k.overdue)) for k in kinds),
    )
    return [note, table, by_kind]


def _sections(report: AnnualReport) -> list[_Section]:
    """The report's sections, each a heading and its blocks, in the order of SECTIONS."""
    edition = edition_for(report.year.start)
    counted = report.counts
    as_of = _day(min(report.as_of, report.year.end))
    texts = (report.improvements, report.ombudsman_findings, report.ombudsman_reports)
    listed: list[list[_Block]] = [[_List(items) if items else "None recorded."] for items in texts]
    blocks: list[list[_Block]] = [
        _summary(report),
        _more.tenure(report),
        _more.analysis(report),
        _volumes(report),
        _more.categories(counted.outcomes, "year"),
        _more.outcomes(counted.outcomes, "year", edition.cite("full_record").number),
        _timeliness(report),
        _extensions(report),
        _refusals(report),
        _findings(report),
        _remedies(report),
        _more.ombudsman(counted.ombudsman, "year", as_of),
        _more.service_requests(report.service_requests, "year"),
        *listed,
        _more.governing_body(report),
    ]
    out = list(zip(SECTIONS, blocks, strict=False))
    sa = report.self_assessment
    if sa is not None:
        note = "The self-assessment against the Code, which 8.1 requires the report to include."
        out.append((SECTIONS[-1], [note, _Embedded(sa.to_markdown(), sa.to_html())]))
    return out


def _title(report: AnnualReport) -> tuple[str, str]:
    year = report.year
    line = (
        f"Reporting year {_day(year.start)} to {_day(year.end)}, with the records as they "
        f"stood on {_day(report.as_of)}."
    )
    return f"Complaints performance and service improvement report {year}", line


def to_markdown(report: AnnualReport) -> str:
    """The Markdown layout described in the docs."""
    return _blocks.to_markdown(*_title(report), _sections(report))


def to_html(report: AnnualReport) -> str:
    """The HTML layout described in the docs: a complete document with its charts, values escaped."""
    title, line = _title(report)
    return _charts.document(
        title, _blocks.to_html(title, line, _charts.with_charts(report, _sections(report)))
    )


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON-ready form described in the docs."""
    c1, c2 = report.ch01, report.ch02
    sa = report.self_assessment
    return {
        "format": FORMAT,
        "year": report.year.year,
        "label": str(report.year),
        "start": report.year.start.isoformat(),
        "end": report.year.end.isoformat(),
        "as_of": report.as_of.isoformat(),
        "homes": report.homes,
        "options": {
            "include_withdrawn": report.options.include_withdrawn,
            "include_not_accepted": report.options.include_not_accepted,
        },
        "ch01": _ch01(c1),
        "ch02": _ch02(c2),
        "average_working_days": {
            "stage_1": _decimal(report.average_working_days(1)),
            "stage_2": _decimal(report.average_working_days(2)),
        },
        "counts": report.counts.to_dict(),
        "findings": [f.to_dict() for f in report.findings],
        "improvements": list(report.improvements),
        "ombudsman_findings": list(report.ombudsman_findings),
        "ombudsman_reports": list(report.ombudsman_reports),
        "self_assessment": None
        if sa is None
        else {"edition": sa.edition, **_answers(sa.summary())},
        "qualitative_analysis": report.qualitative_analysis,
        "governing_body": report.governing_body.to_dict(),
        "homes_by_tenure": dict(report.homes_by_tenure),
        "tenure_measures": [_tenure_measure(m) for m in report.tenure_measures],
        "service_requests": None
        if report.service_requests is None
        else report.service_requests.to_dict(),
        "problems": [f.to_dict() for f in report.problems()],
    }


def _ch01(c1: CH01) -> dict[str, Any]:
    return {
        "stage_1": str(c1.stage_1),
        "stage_2": str(c1.stage_2),
        "stage_1_complaints": c1.stage_1_complaints,
        "stage_2_complaints": c1.stage_2_complaints,
    }


def _ch02(c2: CH02) -> dict[str, Any]:
    return {
        name: {
            "responses": t.responses,
            "in_time": t.in_time,
            "in_time_with_extension": t.in_time_with_extension,
            "with_extensions": _decimal(t.with_extensions),
            "without_extensions": _decimal(t.without_extensions),
        }
        for name, t in (("stage_1", c2.stage_1), ("stage_2", c2.stage_2))
    }


def _tenure_measure(m: TenureMeasures) -> dict[str, Any]:
    c1, c2 = m.ch01, m.ch02
    return {
        "tenure": m.tenure,
        "homes": m.homes,
        "ch01": None if c1 is None else _ch01(c1),
        "ch02": _ch02(c2),
    }


def _answers(summary: object) -> dict[str, int]:
    names = ("total", "answered", "yes", "no", "partial", "not_applicable")
    return {name: getattr(summary, name) for name in names}
