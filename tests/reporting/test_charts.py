"""The annual report month by month (8.1): monthly counts, the charts, and the HTML document.

8.1 asks for a quantitative analysis of the landlord's complaint handling. The
HTML report shows the year's monthly stage 1 and stage 2 volumes and the
timeliness of each stage's responses as charts, each with its numbers in a table
beside it; the months add up to the year's counts. The HTML is a complete
document that prints well.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given

from complaintcode.complaint import Complaint
from complaintcode.errors import InvalidRecord
from complaintcode.records import EXAMPLE_HOMES, example_complaints
from complaintcode.reporting import Counts, MonthCounts, annual_report
from complaintcode.stages import Stage
from strategies import report_complaint_lists

D = dt.date


def months_of(counts: Counts, stage: Stage) -> list[MonthCounts]:
    return [m for m in counts.months if m.stage is stage]


# --- the months add up to the year ----------------------------------------------------------


def _check_months_add_up(counts: Counts) -> None:
    for stage, year in ((Stage.ONE, counts.stage_1), (Stage.TWO, counts.stage_2)):
        months = months_of(counts, stage)
        assert sum(m.received for m in months) == year.received
        assert sum(m.responses for m in months) == year.responses
        assert sum(m.responses_in_time for m in months) == year.responses_in_time
        assert sum(m.responses_in_time_with_extension for m in months) == (
            year.responses_in_time_with_extension
        )


def test_the_example_years_months_add_up_to_its_counts() -> None:
    """8.1: each stage's months add up to the year's received, responses and in-time counts."""
    report = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024)
    _check_months_add_up(report.counts)
    april = months_of(report.counts, Stage.ONE)[0]
    assert (april.month, april.label, april.received) == (D(2024, 4, 1), "April 2024", 16)


@given(complaints=report_complaint_lists())
def test_months_always_add_up(complaints: list[Complaint]) -> None:
    """8.1: for any complaints, the months count what the year counts, by the same rules."""
    for year in (2023, 2024):
        _check_months_add_up(annual_report(complaints, homes=1_000, year=year).counts)


def test_a_complaint_counts_in_the_month_its_stage_started_and_was_answered() -> None:
    """6.3: received in May, answered late in June: May's volume, June's late response."""
    c = Complaint.receive("C-1", received=D(2024, 5, 31))
    c = c.respond(D(2024, 6, 28))
    months = annual_report([c], homes=10, year=2024).counts.months
    assert [m.to_dict() for m in months] == [
        {
            "month": "2024-05",
            "stage": 1,
            "received": 1,
            "responses": 0,
            "responses_in_time": 0,
            "responses_in_time_with_extension": 0,
        },
        {
            "month": "2024-06",
            "stage": 1,
            "received": 0,
            "responses": 1,
            "responses_in_time": 0,
            "responses_in_time_with_extension": 0,
        },
    ]


def test_months_merge_when_counts_add() -> None:
    """Counts of two sets of complaints add month by month."""
    may = MonthCounts(month=D(2024, 5, 1), stage=1, received=2, responses=1, responses_in_time=1,
                      responses_in_time_with_extension=1)  # fmt: skip
    june = MonthCounts(month=D(2024, 6, 1), stage=2, received=1)
    total = Counts(months=(may,)) + Counts(months=(june, may))
    assert [(m.month, int(m.stage), m.received, m.responses) for m in total.months] == [
        (D(2024, 5, 1), 1, 4, 2),
        (D(2024, 6, 1), 2, 1, 0),
    ]
    assert Counts(months=(MonthCounts(month=D(2024, 7, 1), stage=1),)).months == ()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"month": D(2024, 5, 2)},
            "month: expected the first day of a month, got datetime.date(2024, 5, 2)",
        ),
        ({"received": -1}, "received: expected a whole number, 0 or more, got -1"),
        (
            {"responses": 1, "responses_in_time": 2, "responses_in_time_with_extension": 2},
            (
                "responses_in_time: the counts do not add up: expected responses_in_time <= "
                "responses_in_time_with_extension <= responses"
            ),
        ),
    ],
)
def test_month_counts_are_checked(fields: dict[str, object], message: str) -> None:
    """A month's counts must be a real month's: whole numbers that add up."""
    arguments: dict[str, object] = {"month": D(2024, 5, 1), "stage": 1, **fields}
    with pytest.raises(InvalidRecord) as info:
        MonthCounts(**arguments)  # type: ignore[arg-type]  # wrong values are the point
    assert str(info.value) == message


# --- the HTML document ----------------------------------------------------------------------


def test_the_html_report_is_a_complete_document() -> None:
    """8.1: the published report is a document with its doctype, charset, title and print styles."""
    page = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024).to_html()
    lines = page.splitlines()
    assert lines[:4] == [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
    ]
    assert "<title>Complaints performance and service improvement report 2024-25</title>" in lines
    assert "@media print {" in page
    assert '<main class="complaintcode-report">' in lines
    assert page.endswith("</main>\n</body>\n</html>\n")
    assert "<script" not in page
    # Every style rule is scoped to the report, so that the HTML can sit inside another page.
    style = page.split("<style>\n", 1)[1].split("</style>", 1)[0]
    selectors = [s.strip() for s in re.findall(r"^([^@{}\s][^{]*)\{", style, flags=re.MULTILINE)]
    assert selectors
    assert all(s.startswith(".complaintcode-report") for s in selectors), selectors


def test_a_title_is_escaped_in_the_head() -> None:
    """The document's title is escaped like every other text."""
    page = annual_report([], homes=1_000, year=2024).to_html()
    assert "<title>Complaints performance and service improvement report 2024-25</title>" in page


def _section(page: str, heading: str) -> str:
    return page.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]


def test_each_chart_sits_in_its_section_with_its_table() -> None:
    """8.1: volumes in "Stage volumes", each stage's timeliness in "Timeliness", tables beside."""
    page = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024).to_html()
    assert page.count("<svg ") == 3
    volumes, timeliness = _section(page, "Stage volumes"), _section(page, "Timeliness")
    assert volumes.count('<div class="complaintcode-chart">') == 1
    assert timeliness.count('<div class="complaintcode-chart">') == 2
    for chart in re.findall(r'<div class="complaintcode-chart">.*?</div>', page, flags=re.DOTALL):
        assert chart.index("<figure>") < chart.index("<table>")
        assert "<figcaption>" in chart


def _svgs(page: str) -> list[ET.Element]:
    return [
        ET.fromstring(svg)  # noqa: S314  # our own output
        for svg in re.findall(r"<svg .*?</svg>", page, flags=re.DOTALL)
    ]


def test_the_charts_are_well_formed_svg_with_titles() -> None:
    """Each chart parses as SVG, has a title and a description, and no script."""
    page = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024).to_html()
    ns = "{http://www.w3.org/2000/svg}"
    titles = []
    for svg in _svgs(page):
        assert svg.get("role") == "img"
        title = svg.find(f"{ns}title")
        assert title is not None
        titles.append(title.text)
        assert svg.find(f"{ns}desc") is not None
        assert svg.find(f".//{ns}script") is None
    assert titles == [
        "Complaints by month",
        "Stage 1 responses by month",
        "Stage 2 responses by month",
    ]


def _table_rows(chart: str) -> list[list[str]]:
    return [
        re.findall(r"<td>(.*?)</td>", row)
        for row in re.findall(r"<tr>(.*?)</tr>", chart.split("<table>", 1)[1])
        if "<td>" in row
    ]


def test_the_tables_hold_the_charts_numbers() -> None:
    """8.1: each table lists every month of the year, and its total row is the year's count."""
    report = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024)
    page = report.to_html()
    charts = re.findall(r'<div class="complaintcode-chart">.*?</div>', page, flags=re.DOTALL)
    volumes = _table_rows(charts[0])
    assert [row[0] for row in volumes][:2] == ["April 2024", "May 2024"]
    assert volumes[-1] == [
        "Year",
        str(report.counts.stage_1.received),
        str(report.counts.stage_2.received),
    ]
    assert len(volumes) == 13
    for chart, year in ((charts[1], report.counts.stage_1), (charts[2], report.counts.stage_2)):
        rows = _table_rows(chart)
        extended = year.responses_in_time_with_extension - year.responses_in_time
        late = year.responses - year.responses_in_time_with_extension
        assert rows[-1] == [
            "Year",
            str(year.responses),
            str(year.responses_in_time),
            str(extended),
            str(late),
        ]
        for row in rows[:-1]:
            assert int(row[1]) == int(row[2]) + int(row[3]) + int(row[4])


def test_a_year_with_nothing_counted_still_draws_its_months() -> None:
    """An empty year shows twelve months of zeros, not a missing chart."""
    page = annual_report([], homes=1_000, year=2024).to_html()
    assert page.count("<svg ") == 3
    charts = re.findall(r'<div class="complaintcode-chart">.*?</div>', page, flags=re.DOTALL)
    rows = _table_rows(charts[0])
    assert rows[0] == ["April 2024", "0", "0"]
    assert rows[-2][0] == "March 2025"


def test_the_markdown_report_has_no_charts() -> None:
    """The charts are for HTML; the Markdown keeps its tables."""
    text = annual_report(example_complaints(), homes=EXAMPLE_HOMES, year=2024).to_markdown()
    assert "<svg" not in text
    assert "complaintcode-chart" not in text
