"""Reading published self-assessments (2024 Code 8.1; 2022 edition 8.1).

The annual self-assessment answers each provision once (8.1 in both editions).
These tests cover how a published form is read back: a provision number left
alone on a line inside another row's evidence, a provision given twice, HTML
forms read with a real parser, and the errors for input that cannot be read.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.errors import ComplaintCodeError, InvalidRecord
from complaintcode.provisions import provisions
from complaintcode.selfassessment import (
    ParsedSelfAssessment,
    SelfAssessment,
    SelfAssessmentEntry,
    read_comply,
)
from strategies import sa_lines, self_assessments

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

Read = dict[str, tuple[str, str, str]]


def lines(*texts: str) -> str:
    """A document of the given lines."""
    return "\n".join(texts)


def read(parsed: ParsedSelfAssessment) -> Read:
    """Each answered provision's comply answer, evidence and commentary."""
    return {
        e.provision.number: (e.answer.comply, e.answer.evidence, e.answer.commentary)
        for e in parsed.assessment.entries
        if e.answer is not None
    }


def reported(parsed: ParsedSelfAssessment) -> list[str]:
    return [str(u) for u in parsed.unreadable]


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix}_ is not available in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def without(sa: SelfAssessment, numbers: set[str]) -> SelfAssessment:
    """The same self-assessment with the given provisions unanswered."""
    return attrs.evolve(
        sa,
        entries=tuple(
            SelfAssessmentEntry(provision=e.provision) if e.provision.number in numbers else e
            for e in sa.entries
        ),
    )


# --- a number alone on a line inside another row -------------------------------------


def test_a_policy_paragraph_number_in_evidence_does_not_start_a_row() -> None:
    """2022 edition 8.1: "7.1", a policy's own paragraph, stays in 5.1's evidence.

    Section 7 cannot sit between rows of section 5, and no answer follows it.
    """
    parsed = SelfAssessment.parse(
        lines(
            "5.1",
            "Landlords must respond within ten working days",
            "Yes",
            "Customer Feedback Policy, paragraph",
            "7.1",
            "and the staff guide",
            "5.5",
            "A response is sent when the answer is known",
            "Partially",
            "Template letters",
        ),
        edition=2022,
    )
    assert read(parsed) == {
        "5.1": ("yes", "Customer Feedback Policy, paragraph\n7.1\nand the staff guide", ""),
        "5.5": ("partial", "Template letters", ""),
    }
    assert parsed.unreadable == ()
    assert len(parsed.missing) == len(provisions(2022)) - 2


def test_a_policy_section_reference_on_its_own_line_is_evidence() -> None:
    """2022 edition 8.1: a line "Section 3.4" is evidence, neither a row nor a heading."""
    parsed = SelfAssessment.parse(
        lines("5.1", "Respond in ten days", "Yes", "Policy", "Section 3.4", "5.5", "Known", "No"),
        edition=2022,
    )
    assert read(parsed) == {"5.1": ("yes", "Policy\nSection 3.4", ""), "5.5": ("no", "", "")}
    assert parsed.unreadable == ()


@pytest.mark.parametrize(
    ("stray", "why"),
    [
        ("5.9", "after the next row (5.5) in Code order, with no answer or requirement after it"),
        ("3.25", "no edition of the Code has it"),
        ("4.2", "its section comes before the open row's"),
    ],
)
def test_a_number_the_context_refuses_is_evidence(stray: str, why: str) -> None:
    """2022 edition 8.1: a number inside 5.1's evidence that cannot be a row there."""
    parsed = SelfAssessment.parse(
        lines(
            "5.1",
            "Respond in ten days",
            "Yes",
            "Policy paragraph",
            stray,
            "of the staff guide",
            "5.5",
            "Respond when known",
            "No",
            "Letters",
        ),
        edition=2022,
    )
    assert read(parsed) == {
        "5.1": ("yes", f"Policy paragraph\n{stray}\nof the staff guide", ""),
        "5.5": ("no", "Letters", ""),
    }, why
    assert parsed.unreadable == ()


def test_a_number_answered_elsewhere_is_a_reference_in_evidence() -> None:
    """2022 edition 8.1: "5.5" in 5.1's evidence, with no answer after it, is not a row.

    5.5 has its own row, with its requirement and an answer, further on.
    """
    parsed = SelfAssessment.parse(
        lines(
            "5.1",
            "Respond in ten days",
            "Yes",
            "Policy section",
            "5.5",
            "says staff must reply",
            "5.5",
            "Send the response when the answer is known",
            "Partially",
            "Templates",
        ),
        edition=2022,
    )
    assert read(parsed) == {
        "5.1": ("yes", "Policy section\n5.5\nsays staff must reply", ""),
        "5.5": ("partial", "Templates", ""),
    }
    assert parsed.unreadable == ()


def test_a_row_without_an_answer_in_code_order_is_still_a_row() -> None:
    """2022 edition 8.1: 1.8 between 1.3 and 1.9 is a row, reported as unanswered.

    The same lines numbered 7.1 are read as 1.3's evidence instead.
    """
    row = lines(
        "1.3",
        "The word complaint is not needed",
        "Yes",
        "Policy 3.3",
        "{}",
        "The circumstances for not accepting",
        "Policy 2.2",
        "1.9",
        "Explain a refusal",
        "Yes",
        "Guidance",
    )
    parsed = SelfAssessment.parse(row.format("1.8"), edition=2022)
    assert read(parsed) == {"1.3": ("yes", "Policy 3.3", ""), "1.9": ("yes", "Guidance", "")}
    assert reported(parsed) == ["line 5: 1.8: no comply answer"]
    stray = SelfAssessment.parse(row.format("7.1"), edition=2022)
    assert read(stray) == {
        "1.3": ("yes", "Policy 3.3\n7.1\nThe circumstances for not accepting\nPolicy 2.2", ""),
        "1.9": ("yes", "Guidance", ""),
    }
    assert stray.unreadable == ()


def test_a_row_with_its_answer_may_go_back_within_a_section() -> None:
    """2022 edition 8.1: best-practice rows (1.4) may follow the mandatory ones (1.9)."""
    parsed = SelfAssessment.parse(
        lines(
            "1.9",
            "Explain a refusal",
            "Yes",
            "Guidance",
            "1.4",
            "Landlords should recognise service requests",
            "Yes",
            "Policy 2.2",
        ),
        edition=2022,
    )
    assert read(parsed) == {"1.9": ("yes", "Guidance", ""), "1.4": ("yes", "Policy 2.2", "")}


def test_a_number_on_a_continuation_line_of_a_tab_table_is_a_cell() -> None:
    """8.1: "7.1" in the evidence column of a continuation line stays in 6.1's evidence."""
    parsed = SelfAssessment.parse(
        lines(
            "6.1\tTriage\tYes\tPolicy\tChecked",
            "\t\t\t7.1\tthe remedies policy",
            "6.2\tAcknowledge\tYes\tLog\t",
        ),
        edition=2024,
    )
    assert read(parsed) == {
        "6.1": ("yes", "Policy\n7.1", "Checked\nthe remedies policy"),
        "6.2": ("yes", "Log", ""),
    }
    assert parsed.unreadable == ()


def test_a_lone_number_between_tab_rows_is_not_a_row() -> None:
    """8.1: a line "6.9" between the rows of 6.1 and 6.2 has no answer: it is no row."""
    parsed = SelfAssessment.parse(
        lines("6.1\tTriage\tYes\tPolicy\t", "6.9", "6.2\tAcknowledge\tYes\tLog\t"), edition=2024
    )
    assert read(parsed) == {"6.1": ("yes", "Policy", ""), "6.2": ("yes", "Log", "")}
    assert parsed.unreadable == ()
    assert "6.9" in parsed.missing


_WORD = st.from_regex(r"[a-z]{1,8}", fullmatch=True).filter(
    lambda w: read_comply(w) is None and w not in {"must", "should"}
)
_EVIDENCE = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_2022 = [p.number for p in provisions(2022)]


@given(
    st.sampled_from(_2022),
    st.data(),
    _EVIDENCE,
    _EVIDENCE,
    st.sampled_from(["Yes", "No", "Partially"]),
)
def test_property_a_stray_number_out_of_section_order_stays_in_the_evidence(
    first: str, data: st.DataObject, before: str, after: str, answer: str
) -> None:
    """2022 edition 8.1: a number from a later section, or one no edition has, never starts
    a row inside another row's evidence; it stays there, and both rows read as written."""
    section = int(first.partition(".")[0])
    second = data.draw(
        st.sampled_from([n for n in _2022 if int(n.partition(".")[0]) == section and n != first])
    )
    later = [f"{s}.{i}" for s in range(section + 1, 10) for i in (1, 2, 3)]
    stray = data.draw(st.sampled_from([*later, "3.25", "12.1", "0.5"]))
    parsed = SelfAssessment.parse(
        lines(first, "A requirement", "Yes", before, stray, after, second, "Another", answer),
        edition=2022,
    )
    assert read(parsed) == {
        first: ("yes", f"{before}\n{stray}\n{after}", ""),
        second: (read_comply(answer), "", ""),
    }
    assert parsed.unreadable == ()


# --- a provision given twice ----------------------------------------------------------


def test_a_duplicate_without_the_requirement_loses_and_is_reported() -> None:
    """8.1: of two 6.2 rows, the one with the requirement and an answer is read."""
    parsed = SelfAssessment.parse(
        lines("6.2\t\tYes\tLog\t", "6.2\tAcknowledge in five days\tYes\tPolicy 4\t"),
        edition=2024,
    )
    assert read(parsed) == {"6.2": ("yes", "Policy 4", "")}
    assert reported(parsed) == [
        (
            "line 1: 6.2: given again on line 2, where the row has the requirement and an answer; "
            "this row is not read"
        )
    ]


def test_a_duplicate_without_an_answer_loses_and_is_reported() -> None:
    """8.1: the row of 6.2 without an answer is reported twice: unanswered, and not read."""
    parsed = SelfAssessment.parse(
        lines(
            "6.2\tAcknowledge in five days\t\tSee log\t",
            "6.2\tAcknowledge in five days\tNo\tLog\tBacklog",
        ),
        edition=2024,
    )
    assert read(parsed) == {"6.2": ("no", "Log", "Backlog")}
    assert reported(parsed) == [
        "line 1: 6.2: no comply answer",
        (
            "line 1: 6.2: given again on line 2, where the row has the requirement and an answer; "
            "this row is not read"
        ),
    ]


def test_a_later_duplicate_lacking_the_answer_is_reported_after_the_first() -> None:
    """8.1: the first row of 6.13 is complete; the second, without an answer, is reported."""
    parsed = SelfAssessment.parse(
        lines("6.13\tA different handler\tYes\tPolicy 9\t", "6.13\tA different handler\t\t\t"),
        edition=2024,
    )
    assert read(parsed) == {"6.13": ("yes", "Policy 9", "")}
    assert reported(parsed) == [
        (
            "line 2: 6.13: given again (first on line 1, where the row has the requirement and an "
            "answer); this row is not read"
        )
    ]


def test_of_two_complete_duplicates_the_one_in_code_order_is_read() -> None:
    """8.1: 6.3 given between 6.1 and 6.2, and again between 6.2 and 6.4: the second is read."""
    parsed = SelfAssessment.parse(
        lines(
            "6.1\tTriage\tYes\tPolicy\t",
            "6.3\tRespond\tYes\tDraft\t",
            "6.2\tAcknowledge\tYes\tLog\t",
            "6.3\tRespond in ten days\tYes\tReport\t",
            "6.4\tExtend\tYes\tLog\t",
        ),
        edition=2024,
    )
    assert read(parsed)["6.3"] == ("yes", "Report", "")
    assert reported(parsed) == [
        "line 2: 6.3: given again on line 4, where the row is in Code order; this row is not read"
    ]


def test_complete_duplicates_that_disagree_are_not_read() -> None:
    """8.1: three complete rows of 6.3 answering 'yes', 'no', 'yes': nothing is guessed."""
    parsed = SelfAssessment.parse(
        lines("6.3\tRespond\tYes\tA\t", "6.3\tRespond\tNo\tB\t", "6.3\tRespond\tYes\tC\t"),
        edition=2024,
    )
    assert read(parsed) == {}
    assert reported(parsed) == [
        (
            "line 2: 6.3: given again (first on line 1) with a different answer, "
            "so none of its 3 rows is read"
        ),
        "line 3: 6.3: given again (first on line 1); this row is not read",
    ]


def test_equal_duplicates_keep_the_first() -> None:
    """8.1: two complete rows of 6.3 with the same answer: the first is read."""
    parsed = SelfAssessment.parse(
        lines("6.3\tRespond\tYes\tA\t", "6.3\tRespond\tYes\tB\t"), edition=2024
    )
    assert read(parsed) == {"6.3": ("yes", "A", "")}
    assert reported(parsed) == ["line 2: 6.3: given again (first on line 1); this row is not read"]


# --- HTML ---------------------------------------------------------------------------------

OMITTED_END_TAGS = lines(
    "<!doctype html>",
    "<title>Self-assessment (2024 edition)</title>",
    "<p>Completed on: 3 April 2025",
    "<p>Completed by: Complaints team",
    "<table>",
    "<thead><tr><th>Provision<th>Requirement<th>Comply<th>Evidence<th>Commentary",
    "<tbody>",
    "<tr><td>6.1<td>Triage<td>Yes<td>Policy, section 4<br>Staff guide<td>Checked",
    "<tr><td>6.2<td>Acknowledge<td><p>No<td><ul><li>Log<li>Report</ul><td>Backlog",
    "    <p>Explanation: too few staff<p>Comply by: 2025-06-30",
    "<tr><td>6.3<td>Respond<td>Yes<td>Report",
    "</table>",
    "<ul><li>Approved by: The Board<li>Approved on: 30/04/2025</ul>",
)


def test_html_without_optional_end_tags() -> None:
    """8.1: a valid HTML5 form leaving out </td>, </tr>, </p>, </li> and </tbody> is read."""
    parsed = SelfAssessment.parse(OMITTED_END_TAGS)
    assert parsed.edition_detected_by == "line 2 names the 2024 edition"
    assert read(parsed) == {
        "6.1": ("yes", "Policy, section 4\nStaff guide", "Checked"),
        "6.2": ("no", "Log\nReport", "Backlog"),
        "6.3": ("yes", "Report", ""),
    }
    second = parsed.assessment.entry("6.2").answer
    assert second is not None
    assert (second.explanation, str(second.comply_by)) == ("too few staff", "2025-06-30")
    sa = parsed.assessment
    assert (str(sa.completed_on), sa.completed_by) == ("2025-04-03", "Complaints team")
    assert (sa.approved_by, str(sa.approved_on)) == ("The Board", "2025-04-30")
    assert parsed.unreadable == ()


HIDDEN_ROWS = lines(
    "<table>",
    "<tr><th>Provision<th>Requirement<th>Comply<th>Evidence<th>Commentary",
    "<tr><td>6.1<td>Triage<td>Yes<td>Policy<td>",
    "<!-- an earlier draft:",
    "<tr><td>6.2<td>Acknowledge<td>No<td>Log<td>",
    "-->",
    "<script>document.write('<tr><td>6.3<td>Respond<td>No<td>x<td>')</script>",
    "<style>td:before { content: '<tr><td>6.4<td>Extend<td>No' }</style>",
    "<template><tr><td>6.5<td>Details<td>No<td>y<td></template>",
    "<tr><td>6.6<td>Respond when known<td>Partially<td>Report<td>",
    "</table>",
)


def test_html_rows_in_a_comment_a_script_a_style_or_a_template_are_not_read() -> None:
    """8.1: only the rows a reader of the page sees are answers (6.1 and 6.6 here)."""
    parsed = SelfAssessment.parse(HIDDEN_ROWS, edition=2024)
    assert read(parsed) == {"6.1": ("yes", "Policy", ""), "6.6": ("partial", "Report", "")}
    assert parsed.unreadable == ()
    assert {"6.2", "6.3", "6.4", "6.5"} <= set(parsed.missing)


def test_html_entities_are_decoded_once() -> None:
    """8.1: named, decimal and hex references decode; "&amp;lt;" stays the text "&lt;"."""
    parsed = SelfAssessment.parse(
        "<table><tr><td>6.1<td>Triage<td>Yes"
        "<td>Landlord&#8217;s policy &amp; guide&nbsp;&#x2013; &pound;50"
        "<td>Written &amp;lt;b&amp;gt; means bold</table>",
        edition=2024,
    )
    assert read(parsed) == {
        "6.1": (
            "yes",
            "Landlord\u2019s policy & guide \u2013 \u00a350",
            "Written &lt;b&gt; means bold",
        )
    }


def test_html_tables_inside_a_cell_and_spanning_cells() -> None:
    """8.1: a table nested in a cell is that cell's text; colspan keeps the columns in place."""
    parsed = SelfAssessment.parse(
        lines(
            "<table>",
            "<tr><td>6.1<td colspan=2>Yes<td>Policy<td>",
            "<tr><td>6.2<td>Acknowledge<td>Yes",
            "  <td><table><tr><td>Log<td>2024</tr><tr><td>Report</tr></table><td>Fine",
            "</table>",
        ),
        edition=2024,
    )
    # 6.1's "Yes" spans the requirement and comply columns: its comply cell is empty.
    assert read(parsed) == {"6.2": ("yes", "Log 2024\nReport", "Fine")}
    assert [str(u) for u in parsed.unreadable] == ["line 2: 6.1: no comply answer"]


def test_html_marked_sections_are_comments() -> None:
    """8.1: word processors' "<![if ...]>" markers, and a stray "<![...", hide nothing else."""
    parsed = SelfAssessment.parse(
        "<table><tr><td>6.1<td>Triage<td><![if !supportLists]>Yes<![endif]>"
        "<td>Policy <![bogus stuff]>4.2</table>",
        edition=2024,
    )
    assert read(parsed) == {"6.1": ("yes", "Policy 4.2", "")}


def test_markup_in_a_tab_separated_cell_is_read_with_the_same_parser() -> None:
    """8.1: a comment or a script inside a cell of a text table is not its text."""
    parsed = SelfAssessment.parse(
        "6.1\tTriage\tYes\tPolicy<!-- draft: see 6.9 -->, <b>section</b> 4\t"
        "<script>track()</script>Checked &amp; signed",
        edition=2024,
    )
    assert read(parsed) == {"6.1": ("yes", "Policy, section 4", "Checked & signed")}


@given(self_assessments(), st.data(), st.sampled_from(["comment", "script", "style"]))
def test_property_wrapping_rows_in_a_comment_removes_exactly_them(
    sa: SelfAssessment, data: st.DataObject, wrapper: str
) -> None:
    """8.1: rows of a published table hidden in a comment, script or style are not read,
    and every other row reads as before; the hidden provisions are listed as missing."""
    numbers = [e.provision.number for e in sa.entries]
    hidden = data.draw(st.sets(st.sampled_from(numbers)))
    start, end = {
        "comment": ("<!--", "-->"),
        "script": ("<script>", "</script>"),
        "style": ("<style>", "</style>"),
    }[wrapper]
    page = sa.to_html().splitlines()
    at_row = [re.match(r"<tr><td>(\d+\.\d+)</td>", line) for line in page]
    hide = [m is not None and m[1] in hidden for m in at_row]
    for i, line in enumerate(page):
        opens = hide[i] and not (i and hide[i - 1])
        closes = hide[i] and not (i + 1 < len(page) and hide[i + 1])
        page[i] = (start if opens else "") + line + (end if closes else "")
    parsed = SelfAssessment.parse("\n".join(page))
    assert parsed.assessment == without(sa, hidden)
    assert parsed.missing == tuple(n for n in numbers if n in hidden)
    assert parsed.unreadable == ()


@given(self_assessments())
def test_property_optional_end_tags_change_nothing(sa: SelfAssessment) -> None:
    """8.1: the HTML export read back without its optional end tags is the same assessment."""
    page = re.sub(r"</(td|th|tr|thead|tbody|li)>", "", sa.to_html())
    assert SelfAssessment.parse(page).assessment == sa


@given(sa_lines)
def test_property_character_references_read_as_the_text(text: str) -> None:
    """8.1: evidence written wholly as numeric character references reads as its text."""
    encoded = "".join(f"&#{ord(c)};" for c in text)
    page = f"<table><tr><td>6.1<td>Triage<td>Yes<td>{encoded}<td></table>"
    assert read(SelfAssessment.parse(page, edition=2024)) == {"6.1": ("yes", text, "")}


# --- input that cannot be read -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<table>\n<tr><td>6.1<td>x<td>Yes\n<!-- <tr><td>6.2<td>y<td>No\n",
            (
                "line 3: the HTML comment opened here is never closed, so it would hide the rest "
                "of the text"
            ),
        ),
        (
            "<table><tr><td>6.1<td>x<td>Yes\n\n<script>\nvar row = '<tr><td>6.2</td>'",
            (
                "line 3: the HTML <script> opened here is never closed, so it would hide the rest "
                "of the text"
            ),
        ),
        (
            "<table><tr><td>6.1<td>x<td>Yes<style>",
            (
                "line 1: the HTML <style> opened here is never closed, so it would hide the rest "
                "of the text"
            ),
        ),
        (
            "6.1\tTriage\tYes\tsee <!-- draft\t",
            (
                "line 1: the HTML comment opened here is never closed, so it would hide the rest "
                "of the text"
            ),
        ),
        (
            "6.1\tTriage\tYes\n6.2\tx\u0000y\tNo",
            (
                "line 2: the text contains a NUL character; pass the text extracted from the "
                "document, not the bytes of a PDF or Word file"
            ),
        ),
        (
            'provision,comply,evidence\n6.1,yes,"' + "x" * 200_000 + '"\n',
            "line 2: cannot read the CSV: field larger than field limit (131072)",
        ),
    ],
)
def test_input_that_cannot_be_read_is_refused_naming_what_was_wrong(
    text: str, message: str
) -> None:
    """8.1: a form that cannot be read is refused with an error saying where and why."""
    with pytest.raises(InvalidRecord) as err:
        SelfAssessment.parse(text, edition=2024)
    assert str(err.value) == message
    assert isinstance(err.value, ComplaintCodeError)


@pytest.mark.parametrize(
    ("text", "edition", "message"),
    [
        (
            b"6.1\tTriage\tYes",
            2024,
            (
                "a self-assessment text must be a str, not bytes (decode it first, with "
                ".decode('utf-8') say)"
            ),
        ),
        (None, 2024, "a self-assessment text must be a str, not NoneType"),
        ("6.1\tTriage\tYes", "2024", "unknown edition of the Code '2024' (known: 2024, 2022)"),
    ],
)
def test_arguments_of_the_wrong_kind_are_refused(
    text: object, edition: object, message: str
) -> None:
    """8.1: the text must be a str and the edition one the library knows."""
    with pytest.raises(InvalidRecord) as err:
        SelfAssessment.parse(text, edition)  # type: ignore[arg-type]
    assert str(err.value) == message


# --- the seeds ------------------------------------------------------------------------------


def test_seed_001_reads_5_6_from_the_row_in_code_order() -> None:
    """2022 edition 8.1: 5.6 is printed twice, both with the requirement and 'Partially'.

    The second row, between 5.5 and 5.8, is read; the first, between 5.1 and 5.5,
    is reported. Every other number of the form starts exactly one row.
    """
    parsed = SelfAssessment.parse(seed("001"))
    answers = {n: a[0] for n, a in read(parsed).items()}
    assert len(answers) == 68
    assert {n: answers[n] for n in ("1.2", "2.5", "4.12", "5.5", "5.6", "5.18", "8.3")} == {
        "1.2": "yes",
        "2.5": "no",
        "4.12": "partial",
        "5.5": "partial",
        "5.6": "partial",
        "5.18": "n/a",
        "8.3": "yes",
    }
    assert read(parsed)["5.6"][1] == (
        "Template letters to be reviewed to ensure they cover all of these points"
    )
    assert "line 464: 5.6: given again on line 482, where the row is in Code order; " in (
        "\n".join(reported(parsed)) + " "
    )


def test_seed_001_a_stray_number_in_evidence_changes_only_that_evidence() -> None:
    """2022 edition 8.1: "7.1" put on a line of 5.1's evidence joins that evidence."""
    text = seed("001").split("\n")
    at = text.index("Section 3.4 of the Customer Feedback policy  ")
    assert text[at - 4] == "5.1"
    stray = "\n".join([*text[: at + 1], "7.1", *text[at + 1 :]])
    before, after = SelfAssessment.parse(seed("001")), SelfAssessment.parse(stray)
    changed = {n for n in read(before) if read(before)[n] != read(after)[n]}
    assert changed == {"5.1"}
    assert read(after)["5.1"][1] == "Section 3.4 of the Customer Feedback policy\n7.1"
    assert after.missing == before.missing == ("3.2",)
    shifted = [u.line + (u.line > at + 1) for u in before.unreadable]
    assert [u.line for u in after.unreadable] == shifted


def test_seed_003_a_number_on_a_continuation_line_stays_in_its_row() -> None:
    """8.1: a continuation line holding "7.1" in 1.5's evidence column adds to that evidence."""
    text = seed("003").split("\n")
    at = next(i for i, line in enumerate(text) if line.startswith("1.5\t"))
    stray = "\n".join([*text[: at + 1], "\t\t\t7.1\t", *text[at + 1 :]])
    before, after = SelfAssessment.parse(seed("003")), SelfAssessment.parse(stray)
    assert read(after)["1.5"][1] == "Complaints Policy 3.3\n7.1"
    assert {n for n in read(before) if read(before)[n] != read(after)[n]} == {"1.5"}
    assert after.missing == ()


def test_seed_000_as_an_html_table_without_end_tags_reads_the_same() -> None:
    """8.1: the 2024 form, each tab row made an HTML row with no end tags, reads the same.

    A heading between the rows closes the table first: inside an open cell, HTML5
    would read it as the end of that cell's text.
    """
    text = seed("000")
    page = ["<table>"]
    for line in text.split("\n"):
        if "\t" in line:
            page.append("<tr>" + "".join(f"<td>{cell}" for cell in line.split("\t")))
        else:
            page.append(f"</table><p>{line}<table>")
    page.append("</table>")
    as_text, as_html = SelfAssessment.parse(text), SelfAssessment.parse("\n".join(page))
    assert as_html.assessment == as_text.assessment
    assert (as_html.unreadable, as_html.missing) == ((), ())
    assert as_html.assessment.entry("6.13").answer == as_text.assessment.entry("6.13").answer
    assert {
        n: a[0] for n, a in read(as_html).items() if n in ("1.2", "5.9", "6.13", "8.2", "9.8")
    } == {"1.2": "yes", "5.9": "no", "6.13": "yes", "8.2": "no", "9.8": "no"}
