"""The ``report``, ``self-assessment`` and ``demo`` commands (behind the CLI)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from complaintcode.cli import _reports
from complaintcode.cli._io import (
    Console,
    UsageError,
    findings_csv,
    plural,
    read_text,
)
from complaintcode.cli._reading import each_complaint
from complaintcode.errors import InvalidRecord
from complaintcode.records import (
    EXAMPLE_HOMES,
    BadRecord,
    example_complaints,
    example_service_requests,
)
from complaintcode.reporting import AnnualReport, annual_report
from complaintcode.selfassessment import ParsedSelfAssessment, SelfAssessment

if TYPE_CHECKING:
    import argparse

    from complaintcode.findings import Finding

# --- self-assessment -------------------------------------------------------------


def _parse_self_assessment(
    console: Console, path: str, edition: int | None
) -> tuple[str, ParsedSelfAssessment]:
    name, text = read_text(path)
    try:
        parsed = SelfAssessment.parse(text, edition)
    except InvalidRecord as err:
        raise UsageError(f"{name}: {err}") from None
    for row in parsed.unreadable:
        console.bad_record(name, BadRecord(line=row.line, path=row.number, message=row.reason))
    return name, parsed


def _check_text(name: str, parsed: ParsedSelfAssessment, problems: tuple[Finding, ...]) -> str:
    sa = parsed.assessment
    s = sa.summary()
    lines = [
        f"{name}: the {sa.edition} edition ({parsed.edition_detected_by})",
        (
            f"{s.total} provisions, {s.answered} answered: {s.yes} yes, {s.no} no, "
            f"{s.partial} partial, {s.not_applicable} not applicable"
        ),
    ]
    lines.extend(
        f"{f.code}: {f.message}"
        if f.severity == "breach"
        else f"{f.code} ({f.severity}): {f.message}"
        for f in problems
    )
    breaches = sum(1 for f in problems if f.severity == "breach")
    lines.append(
        f"{plural(len(problems), 'problem')} ({plural(breaches, 'breach', 'breaches')}, "
        f"{plural(len(problems) - breaches, 'warning')})"
    )
    return "\n".join(lines)


def run_self_assessment_check(args: argparse.Namespace, console: Console) -> int:
    """Print what a self-assessment lacks, provision by provision."""
    name, parsed = _parse_self_assessment(console, args.file, args.edition)
    problems = parsed.assessment.problems()
    if args.format == "json":
        s = parsed.assessment.summary()
        data = {
            "edition": parsed.assessment.edition,
            "edition_detected_by": parsed.edition_detected_by,
            "summary": {
                "total": s.total,
                "answered": s.answered,
                "yes": s.yes,
                "no": s.no,
                "partial": s.partial,
                "not_applicable": s.not_applicable,
            },
            "problems": [f.to_dict() for f in problems],
            "missing": list(parsed.missing),
            "bad_records": [b.to_dict() for b in console.bad],
        }
        console.write(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        console.write(findings_csv(problems))
    else:
        console.write(_check_text(name, parsed, problems))
    return console.exit_code(findings=bool(problems))


def run_self_assessment_render(args: argparse.Namespace, console: Console) -> int:
    """Print a self-assessment as Markdown, CSV or HTML."""
    _, parsed = _parse_self_assessment(console, args.file, args.edition)
    sa = parsed.assessment
    renderers = {"markdown": sa.to_markdown, "csv": sa.to_csv, "html": sa.to_html}
    console.write(renderers[args.format]())
    return console.exit_code()


# --- report and demo -------------------------------------------------------------


def _render(report: AnnualReport, fmt: str) -> str:
    if fmt == "html":
        return report.to_html()
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    return report.to_markdown()


def run_report(args: argparse.Namespace, console: Console) -> int:
    """Print the annual complaints performance report, with CH01 and CH02."""
    with each_complaint(console, args.file) as complaints:
        assessment = None
        if args.self_assessment is not None:
            assessment = _parse_self_assessment(console, args.self_assessment, None)[1].assessment
        try:
            report = annual_report(
                complaints,
                homes=args.homes,
                year=args.year,
                as_of=args.as_of,
                self_assessment=assessment,
                **_reports.report_inputs(args, console),
            )
        except InvalidRecord as err:
            raise UsageError(str(err)) from None
    console.write(_render(report, args.format))
    return console.exit_code()


def demo_report() -> AnnualReport:
    """The annual report for 2024-25 on the example data, with the example landlord's homes.

    The example year's service requests and the report's details (the analysis, the
    improvements, the governing body's part and the homes of each tenure) come with it.
    """
    return annual_report(
        example_complaints(),
        homes=EXAMPLE_HOMES,
        year=2024,
        service_requests=example_service_requests(),
        **_reports.example_details(),
    )


def run_demo(args: argparse.Namespace, console: Console) -> int:
    """Print the annual report for 2024-25 on the example data shipped with the package."""
    console.write(_render(demo_report(), args.format))
    return console.exit_code()
