"""The self-assessment reader on the project's own forms, one in each layout it reads (8.1).

8.1 (both editions) asks a landlord to publish a self-assessment against the
Code with its annual report. The forms in ``tests/selfassessment/fixtures/`` were
written for these tests: a fictional landlord, Brookside Housing, answering the
2024 edition as a Markdown page, an HTML page (with the end tags HTML5 lets a
page leave out, and a draft row hidden in a comment), a CSV export, and
tab-separated text from a word processor (markup in cells, requirements split
over continuation rows, metadata lines), and the 2022 edition laid out one cell
per line with separate tables of "must" requirements. They need nothing outside
the repository, so they always run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from complaintcode.selfassessment import ParsedSelfAssessment, SelfAssessment

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LAYOUTS_2024 = (
    "brookside_2024.md",
    "brookside_2024.html",
    "brookside_2024.csv",
    "brookside_2024_tabs.txt",
)
D = dt.date


def read(name: str) -> ParsedSelfAssessment:
    return SelfAssessment.parse((FIXTURES / name).read_text(encoding="utf-8"))


def comply(parsed: ParsedSelfAssessment) -> dict[str, str]:
    return {e.provision.number: e.answer.comply for e in parsed.assessment.entries if e.answer}


@pytest.mark.parametrize("name", LAYOUTS_2024)
def test_every_2024_layout_is_read_whole(name: str) -> None:
    """8.1: every provision of the 2024 edition is found and answered, in each layout."""
    parsed = read(name)
    assert parsed.assessment.edition == 2024
    assert (parsed.missing, parsed.unreadable, parsed.fully_read) == ((), (), True)
    s = parsed.assessment.summary()
    assert (s.total, s.answered, s.yes, s.no, s.partial, s.not_applicable) == (72, 72, 67, 2, 2, 1)


def test_the_layouts_agree_on_every_answer() -> None:
    """8.1: the four 2024 layouts of one form give the same comply answer for every provision."""
    answers = [comply(read(name)) for name in LAYOUTS_2024]
    assert all(a == answers[0] for a in answers)
    assert {n: c for n, c in answers[0].items() if c != "yes"} == {
        "3.3": "partial",
        "5.5": "n/a",
        "5.9": "no",
        "6.11": "no",
        "9.7": "partial",
    }


@pytest.mark.parametrize(
    ("name", "detected_by"),
    [
        ("brookside_2024.md", "line 3 names the 2024 edition"),
        ("brookside_2024.html", "line 3 names the 2024 edition"),
        (
            "brookside_2024.csv",
            "provision numbers: 0 not in the 2024 edition, 29 not in the 2022 edition (such as 3.4)",
        ),
        (
            "brookside_2024_tabs.txt",
            "provision numbers: 0 not in the 2024 edition, 29 not in the 2022 edition (such as 3.4)",
        ),
        (
            "brookside_2022_cells.txt",
            "provision numbers: 0 not in the 2022 edition, 29 not in the 2024 edition (such as 1.7)",
        ),
    ],
)
def test_the_edition_is_detected(name: str, detected_by: str) -> None:
    """8.1: the edition answered is named in the text, or told from its provision numbers."""
    assert read(name).edition_detected_by == detected_by


def test_markdown_labelled_lines_give_the_explanation_and_date() -> None:
    """8.1: a 'no' explained in the combined column, its date on a labelled line of the cell."""
    sa = read("brookside_2024.md").assessment
    late = sa.entry("5.9").answer
    assert late is not None
    assert (late.explanation, late.comply_by, late.commentary) == (
        "Not yet met.",
        D(2025, 9, 30),
        "",
    )
    assert [str(p) for p in sa.problems()] == [
        "3.3: answered 'partial' without a date by which it will comply",
        "6.11: answered 'no' without a date by which it will comply",
        "9.7: answered 'partial' without a date by which it will comply",
    ]
    assert (sa.completed_on, sa.completed_by, sa.approved_by, sa.approved_on) == (
        D(2025, 4, 14),
        "R. Adeyemi (Complaints Lead)",
        "the Board",
        D(2025, 4, 29),
    )


def test_html_reads_cells_without_end_tags_and_skips_a_commented_row() -> None:
    """8.1: a 'Commentary' column holds commentary; a row inside a comment is not read."""
    parsed = read("brookside_2024.html")
    sa = parsed.assessment
    respond = sa.entry("6.3").answer
    assert respond is not None
    assert (respond.comply, respond.evidence) == ("yes", "Complaints procedure, part 6")
    late = sa.entry("5.9").answer
    assert late is not None
    assert (late.commentary, late.explanation, late.comply_by) == (
        "Not yet met.",
        "",
        D(2025, 9, 30),
    )
    assert [str(p) for p in sa.problems()] == [
        "3.3: answered 'partial' without a date by which it will comply",
        "5.9: answered 'no' without an explanation",
        "6.11: answered 'no' without an explanation",
        "6.11: answered 'no' without a date by which it will comply",
        "9.7: answered 'partial' without a date by which it will comply",
    ]
    assert (sa.completed_on, sa.approved_by) == (D(2025, 4, 14), "the Board")


def test_csv_reads_each_column_as_it_is() -> None:
    """8.1: the CSV's explanation and comply_by columns, and a line break inside a value."""
    sa = read("brookside_2024.csv").assessment
    definition = sa.entry("1.2").answer
    assert definition is not None
    assert definition.evidence == (
        "Complaints procedure, part 1\nDefinition agreed with the tenants' panel, 2024"
    )
    partial = sa.entry("3.3").answer
    assert partial is not None
    assert (partial.explanation, partial.comply_by) == (
        "The new reports start in the second quarter.",
        D(2025, 7, 1),
    )
    assert [str(p) for p in sa.problems()] == [
        "6.11: answered 'no' without a date by which it will comply"
    ]


def test_tab_separated_text_joins_continuation_rows_and_reads_markup() -> None:
    """8.1: a requirement split over two rows is one row; <br> and <p> end lines of a cell."""
    sa = read("brookside_2024_tabs.txt").assessment
    late = sa.entry("5.9").answer
    assert late is not None
    assert late.evidence == "Complaints procedure, part 4\nIntranet page\nupdated yearly"
    assert (late.explanation, late.comply_by) == ("Not yet met.", D(2025, 9, 30))
    assert (sa.completed_on, sa.completed_by, sa.approved_by, sa.approved_on) == (
        D(2025, 4, 14),
        "R. Adeyemi (Complaints Lead)",
        "the Board",
        D(2025, 4, 29),
    )


def test_the_2022_form_laid_out_one_cell_per_line() -> None:
    """8.1 (2022): every provision of the 2022 edition found, the cells after the answer kept."""
    parsed = read("brookside_2022_cells.txt")
    sa = parsed.assessment
    assert sa.edition == 2022
    assert (parsed.missing, parsed.unreadable) == ((), ())
    s = sa.summary()
    assert (s.total, s.answered, s.yes, s.no, s.partial) == (72, 72, 70, 1, 1)
    third_stage = sa.entry("5.14").answer
    assert third_stage is not None
    assert (third_stage.comply, third_stage.evidence) == (
        "no",
        "A third stage is still offered; it will end in the new policy.",
    )
    assert [str(p) for p in sa.problems()] == [
        "3.2: answered 'partial' without an explanation",
        "3.2: answered 'partial' without a date by which it will comply",
        "5.14: answered 'no' without an explanation",
        "5.14: answered 'no' without a date by which it will comply",
    ]


@pytest.mark.parametrize("name", [*LAYOUTS_2024, "brookside_2022_cells.txt"])
def test_what_is_read_survives_a_round_trip(name: str) -> None:
    """8.1: what was read from each form is written and read back unchanged."""
    sa = read(name).assessment
    for text in (sa.to_markdown(), sa.to_html()):
        assert SelfAssessment.parse(text).assessment == sa
    assert SelfAssessment.parse(sa.to_csv()).assessment.entries == sa.entries
