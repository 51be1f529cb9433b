"""The annual report's charts, and the HTML document around it (behind ``AnnualReport.to_html``).

The HTML report is a complete document: a doctype, its character set, a title,
and styles for the screen and for print, every rule scoped to the report's own
``<main class="complaintcode-report">`` so that the same HTML can sit inside a
notebook or another page. Its "Stage volumes" and "Timeliness" sections carry
charts of the year month by month (8.1: a quantitative analysis of
performance): stage 1 complaints received and stage 2 escalation requests, and
each stage's responses in time, in time only with a Code-compliant extension,
and late. Each chart is inline SVG with no script, drawn in tones that stay
apart when printed in grey, and has its numbers in a table beside it.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from complaintcode.reporting._blocks import Embedded, html_text
from complaintcode.reporting._months import MonthCounts
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from complaintcode.reporting import AnnualReport
    from complaintcode.reporting._blocks import Block, Section

__all__ = ["TIMELINESS_HEADING", "VOLUMES_HEADING", "document", "with_charts"]

#: The sections the charts join, by their headings.
VOLUMES_HEADING = "Stage volumes"
TIMELINESS_HEADING = "Timeliness"

#: Fill and outline of each series: dark, middle and light tones, apart in colour and in grey.
_DARK, _MIDDLE, _LIGHT, _INK = "#1b4965", "#62b6cb", "#ffffff", "#1a1a1a"

_WIDTH, _HEIGHT = 520, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 12, 34, 28

_STYLE = """\
.complaintcode-report { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial,
  sans-serif; line-height: 1.45; color: #1a1a1a; max-width: 62em; margin: 0 auto; padding: 1em; }
.complaintcode-report h1 { font-size: 1.6em; margin: 0 0 0.3em; }
.complaintcode-report h2 { font-size: 1.25em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #bbb; }
.complaintcode-report table { border-collapse: collapse; margin: 0.4em 0 1em; font-size: 0.92em; }
.complaintcode-report th, .complaintcode-report td { border: 1px solid #999; padding: 0.2em 0.5em;
  text-align: left; vertical-align: top; }
.complaintcode-report thead th { background: #eef2f5; }
.complaintcode-report .complaintcode-chart { display: flex; flex-wrap: wrap; gap: 1.2em;
  align-items: flex-start; margin: 0.6em 0 1.2em; }
.complaintcode-report .complaintcode-chart figure { margin: 0; flex: 1 1 28em; min-width: 18em;
  max-width: 44em; }
.complaintcode-report .complaintcode-chart table { flex: 0 1 auto; margin: 0; }
.complaintcode-report .complaintcode-chart svg { width: 100%; height: auto; display: block; }
.complaintcode-report .complaintcode-chart figcaption { font-size: 0.9em; margin-top: 0.3em; }
.complaintcode-report .complaintcode-chart td + td,
.complaintcode-report .complaintcode-chart th + th { text-align: right; }
.complaintcode-report .complaintcode-chart tfoot td { font-weight: bold; }
@page { margin: 15mm; }
@media print {
  .complaintcode-report { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .complaintcode-report h1, .complaintcode-report h2 { break-after: avoid; page-break-after: avoid; }
  .complaintcode-report table, .complaintcode-report .complaintcode-chart {
    break-inside: avoid; page-break-inside: avoid; }
  .complaintcode-report thead { display: table-header-group; }
  .complaintcode-report thead th { background: none; }
  .complaintcode-report .complaintcode-chart figure { flex-basis: 55%; }
}
"""


def document(title: str, body: str) -> str:
    r"""A complete HTML document around the report's body, with its styles.

    >>> page = document("Report <2024>", "<h1>Report</h1>\n")
    >>> page.splitlines()[:4]
    ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">']
    >>> "<title>Report &lt;2024&gt;</title>" in page, page.endswith("</html>\n")
    (True, True)
    """
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{_STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        '<main class="complaintcode-report">\n'
        f"{body}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def with_charts(report: AnnualReport, sections: list[Section]) -> list[Section]:
    """The sections with the month-by-month charts added to volumes and timeliness.

    Every month of the reporting year is drawn, a month with nothing counted as
    zero.
    """
    months = _year_months(report)
    span = f"{months[0].label} to {months[-1].label}"
    charts: dict[str, list[Block]] = {
        VOLUMES_HEADING: [Embedded("", _volumes(months, span))],
        TIMELINESS_HEADING: [
            Embedded("", _timeliness(months, stage, span)) for stage in (Stage.ONE, Stage.TWO)
        ],
    }
    return [(heading, [*blocks, *charts.get(heading, [])]) for heading, blocks in sections]


def _year_months(report: AnnualReport) -> list[MonthCounts]:
    """Each month of the year and each stage, in order, from the counts or zero."""
    counted = {(m.month, m.stage): m for m in report.counts.months}
    out, month = [], report.year.start
    while month <= report.year.end:
        out += [counted.get((month, s), MonthCounts(month=month, stage=s)) for s in Stage]
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out


# --- drawing ------------------------------------------------------------------------------


def _scale_top(largest: int) -> tuple[int, int]:
    """The top of the axis and the step between its lines: 1, 2 or 5 times a power of ten.

    >>> _scale_top(0), _scale_top(4), _scale_top(23), _scale_top(180)
    ((1, 1), (4, 1), (25, 5), (200, 50))
    """
    steps = (m * 10**k for k in range(12) for m in (1, 2, 5))
    step = next(s for s in steps if largest <= s * 5)
    return max(step, -(-largest // step) * step), step


def _bars_frame(months: Sequence[MonthCounts], top: int, step: int) -> list[str]:
    """The axes, grid lines and month labels of a bar chart."""
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    out = []
    for value in range(0, top + 1, step):
        y = _TOP + plot_h - plot_h * value / top
        out.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_WIDTH - _RIGHT}" y2="{y:.1f}" '
            f'stroke="{"#1a1a1a" if value == 0 else "#c8c8c8"}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="13">{value}</text>'
        )
    band = plot_w / len(months)
    for i, month in enumerate(months):
        x = _LEFT + band * (i + 0.5)
        out.append(
            f'<text x="{x:.1f}" y="{_HEIGHT - _BOTTOM + 16}" text-anchor="middle" '
            f'font-size="13">{month.month.strftime("%b")}</text>'
        )
    return out


def _legend(items: Sequence[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    x = float(_LEFT)
    for name, fill in items:
        out.append(
            f'<rect x="{x:.1f}" y="7" width="13" height="13" fill="{fill}" stroke="{_INK}" '
            'stroke-width="1"/>'
        )
        out.append(f'<text x="{x + 17:.1f}" y="18" font-size="13">{html.escape(name)}</text>')
        x += 32 + 7.5 * len(name)
    return out


def _rect(x: float, y: float, width: float, height: float, *, fill: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}" '
        f'stroke="{_INK}" stroke-width="0.8"><title>{html.escape(tip)}</title></rect>'
    )


def _svg(ident: str, title: str, description: str, parts: list[str]) -> str:
    return "\n".join(
        [
            (
                f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
                f'role="img" aria-labelledby="{ident}-title {ident}-desc" '
                'font-family="system-ui, Arial, sans-serif" fill="#1a1a1a">'
            ),
            f'<title id="{ident}-title">{html.escape(title)}</title>',
            f'<desc id="{ident}-desc">{html.escape(description)}</desc>',
            *parts,
            "</svg>",
        ]
    )


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = [
        "<tr>" + "".join(f"<td>{html_text(str(c))}</td>" for c in row) + "</tr>"
        for row in rows[:-1]
    ]
    total = "<tr>" + "".join(f"<td>{html_text(str(c))}</td>" for c in rows[-1]) + "</tr>"
    return "\n".join(
        [
            "<table>",
            f"<caption>{html_text(caption)}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            f"<tfoot>{total}</tfoot>",
            "</table>",
        ]
    )


def _chart(svg: str, caption: str, table: str) -> str:
    return "\n".join(
        [
            '<div class="complaintcode-chart">',
            "<figure>",
            svg,
            f"<figcaption>{html_text(caption)}</figcaption>",
            "</figure>",
            table,
            "</div>",
        ]
    )


def _of(months: Sequence[MonthCounts], stage: Stage) -> list[MonthCounts]:
    return [m for m in months if m.stage is stage]


def _volumes(months: Sequence[MonthCounts], span: str) -> str:
    one, two = _of(months, Stage.ONE), _of(months, Stage.TWO)
    top, step = _scale_top(max([m.received for m in (*one, *two)] or [0]))
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    band = plot_w / len(one)
    bar = band * 0.34
    parts = _bars_frame(one, top, step)
    for i, (a, b) in enumerate(zip(one, two, strict=True)):
        for offset, month, fill, what in (
            (-bar, a, _DARK, "stage 1"),
            (0.0, b, _MIDDLE, "stage 2"),
        ):
            height = plot_h * month.received / top
            x = _LEFT + band * (i + 0.5) + offset
            y = _TOP + plot_h - height
            parts.append(
                _rect(x, y, bar, height, fill=fill, tip=f"{month.label}, {what}: {month.received}")
            )
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                f'font-size="12">{month.received}</text>'
            )
    parts += _legend((("Stage 1 received", _DARK), ("Stage 2 escalation requests", _MIDDLE)))
    title = "Complaints by month"
    description = (
        f"Bars for each month, {span}: stage 1 complaints received, and stage 2 escalation "
        "requests made. The numbers are in the table beside the chart."
    )
    rows: list[list[object]] = [
        [a.label, a.received, b.received] for a, b in zip(one, two, strict=True)
    ]
    rows.append(["Year", sum(m.received for m in one), sum(m.received for m in two)])
    table = _table(
        "Complaints by month", ("Month", "Stage 1 received", "Stage 2 escalations"), rows
    )
    caption = f"Stage 1 complaints received and stage 2 escalation requests made, by month, {span}."
    return _chart(_svg("complaintcode-chart-volumes", title, description, parts), caption, table)


def _timeliness(months: Sequence[MonthCounts], stage: Stage, span: str) -> str:
    mine = _of(months, stage)
    top, step = _scale_top(max([m.responses for m in mine] or [0]))
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    band = plot_w / len(mine)
    bar = band * 0.56
    parts = _bars_frame(mine, top, step)
    for i, month in enumerate(mine):
        x = _LEFT + band * (i + 0.5) - bar / 2
        y: float = _TOP + plot_h
        extended = month.responses_in_time_with_extension - month.responses_in_time
        for count, fill, what in (
            (month.responses_in_time, _DARK, "in time"),
            (extended, _MIDDLE, "in time with an extension"),
            (month.late_with_extension, _LIGHT, "late"),
        ):
            if not count:
                continue
            height = plot_h * count / top
            y -= height
            parts.append(_rect(x, y, bar, height, fill=fill, tip=f"{month.label}, {what}: {count}"))
        if month.responses:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                f'font-size="12">{month.responses}</text>'
            )
    parts += _legend((("In time", _DARK), ("In time with an extension", _MIDDLE), ("Late", _LIGHT)))
    n = int(stage)
    title = f"Stage {n} responses by month"
    description = (
        f"Stacked bars for each month, {span}: stage {n} responses made in time, in time only "
        "with a Code-compliant extension, and late; the total is above each bar. The numbers "
        "are in the table beside the chart."
    )
    rows: list[list[object]] = [
        [
            m.label,
            m.responses,
            m.responses_in_time,
            m.responses_in_time_with_extension - m.responses_in_time,
            m.late_with_extension,
        ]
        for m in mine
    ]
    rows.append(
        [
            "Year",
            sum(m.responses for m in mine),
            sum(m.responses_in_time for m in mine),
            sum(m.responses_in_time_with_extension - m.responses_in_time for m in mine),
            sum(m.late_with_extension for m in mine),
        ]
    )
    table = _table(
        title,
        ("Month", "Responses", "In time", "With an extension", "Late"),
        rows,
    )
    caption = (
        f"Stage {n} responses made each month, {span}, by whether they were in time, in time "
        "only with a Code-compliant extension, or late."
    )
    return _chart(_svg(f"complaintcode-chart-stage-{n}", title, description, parts), caption, table)
