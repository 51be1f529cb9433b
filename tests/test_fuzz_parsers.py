"""Fuzzing the parsers: any text or value is read or refused with a library error (docs/errors.md).

The parsers of the Code's vocabulary (stages, outcomes, remedies, determinations,
provisions, editions, calendars, quarters, comply answers) and of published
self-assessments are given values of every kind: the spellings a person types,
awkward text, numbers of thousands of digits, objects whose ``repr`` fails. Each
either reads the value or refuses it with a ``ComplaintCodeError``; a
self-assessment that is read is written out in each of its forms and read back
the same (8.1).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from complaintcode import (
    Determination,
    Outcome,
    Quarter,
    RemedyKind,
    SelfAssessment,
    Stage,
    calendar_for,
    edition_by_year,
    edition_for,
    next_state,
    provision,
    provisions,
    read_comply,
    reporting_year,
    section_title,
)
from fuzzing import AWKWARD, documents, fuzz_settings, made, only_library_errors, python_oddities

#: Any value a parser might be given.
values: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(AWKWARD),
    python_oddities,
    st.text(max_size=30),
    st.integers(),
    st.sampled_from(
        (
            "Stage One",
            "stage-2",
            "Partly Upheld",
            "severe maladministration",
            "2024-25 Q3",
            "2024-25Q5",
            "6.13",
            "9.99",
            "Yes",
            "No (see note)",
            "n/a",
            "england-and-wales",
            "received",
            "acknowledge",
        )
    ),
)

_PARSERS = (
    Stage.parse,
    Stage,
    Outcome.parse,
    RemedyKind.parse,
    Determination.parse,
    Quarter.parse,
    read_comply,
    calendar_for,
    edition_by_year,
    edition_for,
    reporting_year,
    provision,
    provisions,
    section_title,
)


@fuzz_settings()
@given(first=values, second=values)
def test_every_parser_reads_a_value_or_refuses_it(first: Any, second: Any) -> None:
    """5.2, 5.3: each parser of the Code's vocabulary reads any value or refuses it."""
    first, second = made(first), made(second)
    for parse in _PARSERS:
        only_library_errors(parse, first)
    only_library_errors(provision, first, second)
    only_library_errors(section_title, first, second)
    only_library_errors(next_state, first, second)


@fuzz_settings()
@given(text=documents(), edition=st.sampled_from((None, 2022, 2024, 2023, "2024")))
def test_a_self_assessment_is_read_and_written_back_or_refused(text: str, edition: Any) -> None:
    """8.1: a self-assessment read from any text is written out in every form and read back."""
    parsed, ok = only_library_errors(SelfAssessment.parse, text, edition)
    if not ok:
        return
    sa = parsed.assessment  # type: ignore[union-attr]  # read just above
    # CSV keeps every character of every answer.
    again = SelfAssessment.parse(sa.to_csv(), sa.edition).assessment
    assert again.answers == sa.answers
    # Markdown and HTML tables trim the white space at the ends of a cell, as the reader
    # reads a published table: read back once, an answer then stays as it is.
    for render in (SelfAssessment.to_markdown, SelfAssessment.to_html):
        once = SelfAssessment.parse(render(sa), sa.edition).assessment
        twice = SelfAssessment.parse(render(once), sa.edition).assessment
        assert twice.answers == once.answers
        assert [a.comply for a in once.answers] == [a.comply for a in sa.answers]
    sa.to_html().encode("utf-8")
    sa.problems()
    sa.summary()
