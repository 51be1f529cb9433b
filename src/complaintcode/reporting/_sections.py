"""The report's sections on tenure, outcomes, categories, the Ombudsman and the governing body.

Each function gives a section's blocks (behind ``AnnualReport.to_*``); ``_render``
puts them in the order of its ``SECTIONS``, with those on service requests. The quarterly pack for the Member Responsible for Complaints
draws its categories, outcomes and Ombudsman sections with the same functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode.provisions import provision
from complaintcode.reporting._blocks import (
    Block,
    BulletList,
    Table,
    day,
    percent,
)
from complaintcode.reporting._outcomes import OUTCOME_FIELDS

if TYPE_CHECKING:
    from complaintcode.reporting import AnnualReport
    from complaintcode.reporting._counts import Counts
    from complaintcode.reporting._ombudsman import OmbudsmanCounts
    from complaintcode.reporting._outcomes import OutcomeCounts, StageOutcomes
    from complaintcode.reporting._service_requests import ServiceRequestCounts

__all__: list[str] = []

_OUTCOME_LABELS = ("Upheld", "Partly upheld", "Not upheld", "No outcome recorded")
_DETERMINATIONS = {
    "no_maladministration": "No maladministration",
    "service_failure": "Service failure",
    "maladministration": "Maladministration",
    "severe_maladministration": "Severe maladministration",
    "partial_maladministration": "Partial maladministration",
    "reasonable_redress": "Reasonable redress",
    "mediation": "Mediation",
    "outside_jurisdiction": "Outside the Ombudsman's jurisdiction",
    "withdrawn": "Withdrawn",
}


def determination_label(value: str) -> str:
    """A determination in plain words: ``"Severe maladministration"``."""
    return _DETERMINATIONS.get(value, value.replace("_", " ").capitalize())


def tenure(report: AnnualReport) -> list[Block]:
    """CH01 and CH02 for each tenure and together, with the homes of each."""
    rows = []
    for m in report.tenure_measures:
        c1, c2 = m.ch01, m.ch02
        rows.append(
            (
                m.label,
                "not given" if m.homes is None else f"{m.homes:,}",
                "no homes given" if c1 is None else str(c1.stage_1),
                "no homes given" if c1 is None else str(c1.stage_2),
                percent(c2.stage_1.with_extensions),
                percent(c2.stage_2.with_extensions),
                percent(c2.stage_1.without_extensions),
                percent(c2.stage_2.without_extensions),
            )
        )
    header = (
        "Tenure",
        "Homes",
        "CH01 stage 1",
        "CH01 stage 2",
        "CH02 stage 1, counting extensions",
        "CH02 stage 2, counting extensions",
        "CH02 stage 1, not counting extensions",
        "CH02 stage 2, not counting extensions",
    )
    counted = report.counts
    with_tenure = sum(t.stage_1.received for t in counted.tenures)
    unknown = counted.stage_1.received - with_tenure
    note = (
        "The Tenant Satisfaction Measures for low-cost rental and low-cost home ownership apart, "
        "each per 1,000 of its own homes, and for both together. "
        f"{unknown} of the {counted.stage_1.received} stage 1 complaints received in the year "
        "have no tenure recorded and count only together."
    )
    return [note, Table(header, tuple(rows))]


def analysis(report: AnnualReport) -> list[Block]:
    """The qualitative analysis (8.1)."""
    text = report.qualitative_analysis
    return ["Not written yet." if text is None else text]


def _outcome_cells(outcomes: StageOutcomes) -> tuple[str, ...]:
    return tuple(str(getattr(outcomes, f)) for f in OUTCOME_FIELDS)


def outcomes(counted: OutcomeCounts, period: str, full_record: str) -> list[Block]:
    """The outcomes of the period's responses by stage, then by category (5.12, 9.7)."""
    rows = [
        (label, str(getattr(counted.stage_1, f)), str(getattr(counted.stage_2, f)))
        for label, f in zip(_OUTCOME_LABELS, OUTCOME_FIELDS, strict=True)
    ]
    rows.append(
        ("Responses in all", str(counted.stage_1.responses), str(counted.stage_2.responses))
    )
    by_stage = Table(("Responses", "Stage 1", "Stage 2"), tuple(rows))
    note = (
        f"The outcome of each response made in the {period}, as recorded with the response or "
        "given by its letter's decisions on each point; the record keeps each stage's outcome "
        f"({full_record})."
    )
    blocks: list[Block] = [note, by_stage]
    by_category = tuple(
        (c.category, *_outcome_cells(c.stage_1), *_outcome_cells(c.stage_2))
        for c in counted.categories
        if c.stage_1.responses or c.stage_2.responses
    )
    if by_category:
        header = (
            "Category",
            *(f"Stage 1: {label.lower()}" for label in _OUTCOME_LABELS),
            *(f"Stage 2: {label.lower()}" for label in _OUTCOME_LABELS),
        )
        blocks += [
            "By category (a complaint counts under each of its categories):",
            Table(header, by_category),
        ]
    return blocks


def categories(counted: OutcomeCounts, period: str) -> list[Block]:
    """The period's complaints by category (9.7)."""
    rows = tuple((c.category, str(c.received), str(c.escalated)) for c in counted.categories)
    rows += (("No category recorded", str(counted.uncategorised), ""),)
    note = (
        f"Stage 1 complaints received and escalation requests made in the {period}, by "
        "category; a complaint with several categories counts under each."
    )
    return [note, Table(("Category", "Stage 1 received", "Escalation requested"), rows)]


def ombudsman(counted: OmbudsmanCounts, period: str, as_of: str) -> list[Block]:
    """The Ombudsman's determinations and orders (9.7)."""
    summary = Table(
        ("The Ombudsman", f"In the {period}"),
        (
            ("Complaints referred to the Ombudsman", str(counted.referred)),
            ("Determinations made", str(len(counted.determinations))),
            *((f"  {determination_label(kind)}", str(n)) for kind, n in counted.by_determination()),
            ("Orders made", str(counted.orders_made)),
            ("Orders done", str(counted.orders_completed)),
            (f"Orders outstanding on {as_of}", str(len(counted.outstanding))),
            (f"Of those, overdue on {as_of}", str(len(counted.overdue))),
        ),
    )
    blocks: list[Block] = [summary]
    if counted.determinations:
        blocks.append(
            Table(
                ("Complaint", "Determined on", "Determination"),
                tuple(
                    (d.reference, day(d.on), determination_label(d.determination.value))
                    for d in counted.determinations
                ),
            )
        )
    if counted.outstanding:
        blocks.append(
            Table(
                ("Complaint", "Order", "What was ordered", "Due", "Overdue"),
                tuple(
                    (
                        o.reference,
                        o.order_id,
                        o.description,
                        day(o.due),
                        "yes" if o.overdue else "no",
                    )
                    for o in counted.outstanding
                ),
            )
        )
    return blocks


def service_requests(counted: ServiceRequestCounts | None, period: str) -> list[Block]:
    """The period's service requests (1.4) and the dissatisfaction with them (1.5)."""
    if counted is None:
        return ["No service requests were given to the report."]
    table = Table(
        ("Service requests", f"In the {period}"),
        (
            ("Service requests raised", str(counted.requests)),
            ("Requests with dissatisfaction expressed", str(counted.dissatisfied)),
            ("Dissatisfaction logged as a complaint", str(counted.converted)),
            (
                "Dissatisfaction answered with the reason it is not a complaint",
                str(counted.answered),
            ),
            ("Dissatisfaction awaiting an answer or a complaint", str(counted.awaiting)),
            ("Findings on their handling: breaches", str(counted.breaches)),
            ("Findings on their handling: warnings", str(counted.warnings)),
        ),
    )
    note = (
        f"A service request is not a complaint, and the requests are recorded, monitored and "
        f"reviewed ({provision('1.4').number}); dissatisfaction with the response to one is a "
        f"complaint ({provision('1.5').number}): it is logged as one, or answered with the "
        "reason it is not one."
    )
    return [note, table]


def findings(counted: Counts, as_of: str) -> list[Block]:
    """The audit findings by provision, breaches and warnings apart."""
    note = f"What the audit found in the records as at {as_of}, by the provision cited."
    if not counted.findings:
        return [note, "No findings."]
    rows = tuple(
        (
            f.provision.number,
            str(f.provision.edition),
            f.provision.summary,
            str(f.breaches),
            str(f.warnings),
        )
        for f in counted.findings
    )
    header = ("Provision", "Edition", "Requirement (summary)", "Breaches", "Warnings")
    return [note, Table(header, rows)]


def governing_body(report: AnnualReport) -> list[Block]:
    """The governing body: when it had the report, its response, the MRC (8.2, 9.5)."""
    body = report.governing_body
    rows = (
        ("Governing body", body.name or "not named"),
        ("Member Responsible for Complaints (9.5)", body.member_responsible or "not named"),
        (
            "Report put to the governing body (8.2)",
            "not yet" if body.reported_on is None else day(body.reported_on),
        ),
        (
            "Governing body's response (8.2)",
            "not yet" if body.responded_on is None else day(body.responded_on),
        ),
    )
    blocks: list[Block] = [Table(("The governing body", ""), rows)]
    if body.response is not None:
        blocks.append(body.response)
    problems = report.problems()
    if problems:
        blocks += [
            "Still to do before the report is published:",
            BulletList(tuple(str(f) for f in problems)),
        ]
    return blocks
