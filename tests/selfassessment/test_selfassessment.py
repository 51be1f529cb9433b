"""Tests for complaintcode.selfassessment: the annual self-assessment (2024 Code, section 8)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.editions import CODE_2022
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provision, provisions
from complaintcode.selfassessment import (
    COMPLY_VALUES,
    Answer,
    SelfAssessment,
    SelfAssessmentEntry,
    Unreadable,
    read_comply,
)
from strategies import self_assessments

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# The 2024 Code's self-assessment covers 1.2 to 9.8: the last item of each section.
_LAST_2024 = {1: 6, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}
NUMBERS_2024 = [
    f"{section}.{item}"
    for section, last in _LAST_2024.items()
    for item in range(2 if section == 1 else 1, last + 1)
]


def numbers(sa: SelfAssessment) -> list[str]:
    return [e.provision.number for e in sa.entries]


def lines(*texts: str) -> str:
    """A document of the given lines."""
    return "\n".join(texts)


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix}_ is not available in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


# --- the model -----------------------------------------------------------------------


def test_blank_2024_has_one_unanswered_entry_per_provision_in_code_order() -> None:
    """8.1: the self-assessment answers every provision, 1.2 to 9.8 (72 of them)."""
    sa = SelfAssessment.blank()
    assert len(NUMBERS_2024) == 72
    assert numbers(sa) == NUMBERS_2024
    assert sa.edition == 2024
    assert not any(e.answered for e in sa.entries)
    assert sa.answers == ()
    assert (sa.completed_on, sa.completed_by, sa.approved_by, sa.approved_on) == (None,) * 4


def test_blank_2022_follows_the_2022_catalogue() -> None:
    """2022 edition 8.1: the 2022 self-assessment answers the 2022 provisions."""
    sa = SelfAssessment.blank(2022)
    assert numbers(sa) == [p.number for p in provisions(2022)]
    assert all(e.provision.edition == 2022 for e in sa.entries)


def test_an_edition_object_may_stand_for_its_year() -> None:
    """The edition may be given as an Edition, as elsewhere in the library; its year is kept."""
    assert SelfAssessment.blank(CODE_2022).edition == 2022
    parsed = SelfAssessment.parse("1.9\tExplain a refusal\tYes\t\t", edition=CODE_2022)
    assert (parsed.assessment.edition, parsed.edition_detected_by) == (2022, "given")


def test_blank_refuses_an_unknown_edition() -> None:
    with pytest.raises(
        InvalidRecord, match=r"^unknown edition of the Code 2023 \(known: 2024, 2022\)$"
    ):
        SelfAssessment.blank(2023)


def test_blank_takes_metadata_and_never_fills_a_date() -> None:
    """8.2: the report is approved by the governing body; the dates are the caller's."""
    sa = SelfAssessment.blank(
        completed_on=dt.date(2025, 3, 31),
        completed_by="Complaints team",
        approved_by="Member responsible for complaints",
        approved_on=dt.date(2025, 4, 28),
    )
    assert sa.completed_on == dt.date(2025, 3, 31)
    assert sa.approved_by == "Member responsible for complaints"
    assert SelfAssessment.blank().completed_on is None


def test_answer_returns_a_new_assessment() -> None:
    """6.13 answered: the original value is unchanged."""
    blank = SelfAssessment.blank()
    answered = blank.answer("6.13", "yes", evidence="Policy 9.2", commentary="A manager")
    assert not blank.entry("6.13").answered
    assert answered.entry("6.13").answer == Answer(
        provision=provision("6.13"), comply="yes", evidence="Policy 9.2", commentary="A manager"
    )
    assert answered.answers == (answered.entry("6.13").answer,)


def test_answer_replaces_an_earlier_answer() -> None:
    sa = SelfAssessment.blank().answer("6.2", "no").answer("6.2", "yes", evidence="Log")
    answer = sa.entry("6.2").answer
    assert answer is not None
    assert (answer.comply, answer.evidence) == ("yes", "Log")
    assert sa.summary().answered == 1


def test_answer_names_an_unknown_provision() -> None:
    with pytest.raises(InvalidRecord, match=r"^unknown provision '6\.99' in the 2024 edition"):
        SelfAssessment.blank().answer("6.99", "yes")
    with pytest.raises(InvalidRecord, match=r"^unknown provision '9\.1' in the 2022 edition"):
        SelfAssessment.blank(2022).answer("9.1", "yes")


def test_answer_lists_the_accepted_comply_values() -> None:
    """The comply value is checked against the four accepted answers, naming the provision."""
    with pytest.raises(InvalidRecord) as err:
        SelfAssessment.blank().answer("6.13", "Yes")  # type: ignore[arg-type]
    assert str(err.value) == "6.13: comply must be one of 'yes', 'no', 'partial', 'n/a', not 'Yes'"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("evidence", 3, "6.13: evidence must be a str, not int"),
        ("comply_by", dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC), "6.13: comply_by must be a"),
        ("comply_by", "2025-01-01", "6.13: comply_by must be a datetime.date or None"),
    ],
)
def test_answer_refuses_values_of_the_wrong_type(field: str, value: object, message: str) -> None:
    with pytest.raises(InvalidRecord, match="^" + re.escape(message)):
        SelfAssessment.blank().answer("6.13", "no", **{field: value})  # type: ignore[arg-type]


def test_entries_must_follow_the_catalogue() -> None:
    sa = SelfAssessment.blank()
    with pytest.raises(InvalidRecord, match=r"in Code order \(1\.2 to 9\.8\)$"):
        attrs.evolve(sa, entries=sa.entries[1:])
    with pytest.raises(InvalidRecord, match=r"^edition must be a year such as 2024, not True$"):
        attrs.evolve(sa, edition=True)


def test_an_entry_holds_only_its_own_provisions_answer() -> None:
    answer = Answer(provision=provision("6.13"), comply="yes")
    with pytest.raises(InvalidRecord, match=r"^6\.12: the answer is for 6\.13, not 6\.12$"):
        SelfAssessmentEntry(provision=provision("6.12"), answer=answer)


def test_summary_counts_each_answer() -> None:
    sa = (
        SelfAssessment.blank()
        .answer("1.2", "yes")
        .answer("1.3", "yes")
        .answer("6.2", "no")
        .answer("6.3", "partial")
        .answer("8.4", "n/a")
    )
    s = sa.summary()
    assert (s.total, s.answered, s.unanswered) == (72, 5, 67)
    assert (s.yes, s.no, s.partial, s.not_applicable) == (2, 1, 1, 1)


# --- problems ------------------------------------------------------------------------


def test_problems_of_a_blank_assessment_are_every_provision_unanswered() -> None:
    """8.1: every provision is answered; an unanswered one is a warning citing it."""
    found = SelfAssessment.blank().problems()
    assert [str(f) for f in found] == [f"{n}: not answered" for n in NUMBERS_2024]
    assert {f.severity for f in found} == {"warning"}
    assert found[0].provision == provision("1.2")


def test_problems_name_each_gap_with_its_severity() -> None:
    """A 'no' on a must-provision without explanation or date is a breach; other gaps warn."""
    sa = SelfAssessment.blank()
    for number in NUMBERS_2024:
        sa = sa.answer(
            number, "yes", evidence="Policy", explanation="Why", comply_by=dt.date(2025, 9, 30)
        )
    assert sa.problems() == ()
    sa = (
        sa.answer("1.2", "yes")  # no evidence
        .answer("1.3", "yes", evidence="   ")  # blank evidence
        .answer("6.2", "no")  # must: nothing given
        .answer("6.3", "partial", explanation="Backlog")  # must: no date
        .answer("6.4", "no", comply_by=dt.date(2025, 6, 30))  # must: no explanation
        .answer("8.4", "no")  # should (8.4 is not a "must"): warnings only
        .answer("5.2", "n/a")  # n/a needs nothing more
        .answer("6.13", "no", explanation="x", comply_by=dt.date(2025, 6, 30))  # complete
    )
    sa = attrs.evolve(
        sa,
        entries=tuple(
            SelfAssessmentEntry(provision=e.provision) if e.provision.number == "9.8" else e
            for e in sa.entries
        ),
    )
    got = [(f.code, f.message, f.severity) for f in sa.problems()]
    assert got == [
        ("1.2", "answered 'yes' without evidence", "warning"),
        ("1.3", "answered 'yes' without evidence", "warning"),
        ("6.2", "answered 'no' without an explanation", "breach"),
        ("6.2", "answered 'no' without a date by which it will comply", "breach"),
        ("6.3", "answered 'partial' without a date by which it will comply", "breach"),
        ("6.4", "answered 'no' without an explanation", "breach"),
        ("8.4", "answered 'no' without an explanation", "warning"),
        ("8.4", "answered 'no' without a date by which it will comply", "warning"),
        ("9.8", "not answered", "warning"),
    ]
    assert [f.provision for f in sa.problems()][2] == provision("6.2")


def test_problems_on_a_2022_should_provision_warn() -> None:
    """2022 edition 1.4 is best practice ("should"): a bare 'no' warns, never breaches."""
    found = [
        f for f in SelfAssessment.blank(2022).answer("1.4", "no").problems() if f.code == "1.4"
    ]
    assert [(str(f), f.severity) for f in found] == [
        ("1.4: answered 'no' without an explanation", "warning"),
        ("1.4: answered 'no' without a date by which it will comply", "warning"),
    ]
    assert found[0].provision.edition == 2022


def _expected_problems(sa: SelfAssessment) -> list[tuple[str, str, str]]:
    """The rules restated: which provisions a published assessment leaves incomplete."""
    out = []
    for e in sa.entries:
        n, a, must = e.provision.number, e.answer, e.provision.must
        if a is None:
            out.append((n, "not answered", "warning"))
            continue
        gaps = []
        if a.comply in {"no", "partial"}:
            gaps += ["an explanation"] if a.explanation.strip() == "" else []
            gaps += ["a date by which it will comply"] if a.comply_by is None else []
        out += [
            (n, f"answered '{a.comply}' without {gap}", "breach" if must else "warning")
            for gap in gaps
        ]
        if a.comply == "yes" and a.evidence.strip() == "":
            out.append((n, "answered 'yes' without evidence", "warning"))
    return out


@given(self_assessments())
def test_problems_list_exactly_the_unanswered_and_incomplete(sa: SelfAssessment) -> None:
    """Property: problems() names exactly the gaps, in Code order, with their severity."""
    assert [(f.code, f.message, f.severity) for f in sa.problems()] == _expected_problems(sa)


# --- exports -------------------------------------------------------------------------


def _example() -> SelfAssessment:
    return (
        SelfAssessment.blank(completed_on=dt.date(2025, 3, 31), completed_by="Complaints team")
        .answer("1.2", "yes", evidence="Complaints policy, section 2")
        .answer(
            "1.3",
            "partial",
            evidence="Policy 2.3",
            commentary="Logged | tracked",
            explanation="Guidance being rewritten",
            comply_by=dt.date(2025, 6, 30),
        )
    )


def test_markdown_layout() -> None:
    """The published layout: title, metadata, then a heading and a table per section."""
    md = _example().to_markdown()
    p = {n: provision(n).summary for n in ("1.2", "1.3", "1.4")}
    assert md.splitlines()[:11] == [
        "# Complaint Handling Code self-assessment (2024 edition)",
        "",
        "- Completed on: 2025-03-31",
        "- Completed by: Complaints team",
        "",
        "## Section 1: Definition of a complaint",
        "",
        "| Provision | Requirement (summary) | Comply | Evidence | Commentary |",
        "| --- | --- | --- | --- | --- |",
        f"| 1.2 | {p['1.2']} | Yes | Complaints policy, section 2 |  |",
        (
            f"| 1.3 | {p['1.3']} | Partial | Policy 2.3 | Logged \\| tracked"
            "<br>Explanation: Guidance being rewritten<br>Comply by: 2025-06-30 |"
        ),
    ]
    assert md.splitlines()[11] == f"| 1.4 | {p['1.4']} |  |  |  |"
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        f"## Section {s}: {provisions()[i].section_title}"
        for s, i in ((s, NUMBERS_2024.index(f"{s}.{1 if s > 1 else 2}")) for s in range(1, 10))
    ]


def test_markdown_escapes_what_markdown_would_read_as_markup() -> None:
    md = SelfAssessment.blank().answer("1.2", "yes", evidence="a|b *c* <d> & e\\").to_markdown()
    assert "| a\\|b \\*c\\* &lt;d&gt; &amp; e\\\\ |" in md


def test_html_escapes_every_value() -> None:
    """Evidence is escaped with html.escape: no markup from an answer reaches the page."""
    out = SelfAssessment.blank().answer("1.2", "yes", evidence='<script>"x" & y</script>').to_html()
    assert "<script>" not in out
    assert "<td>&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;</td>" in out
    assert out.startswith("<h1>Complaint Handling Code self-assessment (2024 edition)</h1>\n")
    assert out.count("<table>") == 9
    assert "<h2>Section 6: Complaints stages</h2>" in out


def test_csv_layout() -> None:
    lines = _example().to_csv().splitlines()
    assert (
        lines[0] == "provision,section,requirement,comply,evidence,commentary,explanation,comply_by"
    )
    assert len(lines) == 73
    summary = provision("1.3").summary
    quoted = f'"{summary}"' if "," in summary else summary
    assert lines[2] == (
        f"1.3,1,{quoted},partial,Policy 2.3,Logged | tracked,Guidance being rewritten,2025-06-30"
    )
    assert lines[3].endswith(",,,,,")


@given(self_assessments())
def test_every_export_has_one_row_per_provision(sa: SelfAssessment) -> None:
    """Property: each provision number starts exactly one table row in each export."""
    md, html_text, csv_text = sa.to_markdown(), sa.to_html(), sa.to_csv()
    for number in numbers(sa):
        n = re.escape(number)
        assert len(re.findall(rf"^\| {n} \|", md, re.MULTILINE)) == 1
        assert html_text.count(f"<tr><td>{number}</td>") == 1
        assert len(re.findall(rf"^{n},", csv_text, re.MULTILINE)) == 1
    assert len(re.findall(r"^\| \d+\.\d+ \|", md, re.MULTILINE)) == len(sa.entries)
    assert html_text.count("<tr><td>") == len(sa.entries)


# --- round trips ---------------------------------------------------------------------


@given(self_assessments())
def test_csv_round_trip(sa: SelfAssessment) -> None:
    """Property: to_csv then parse gives the same answers and edition (CSV has no metadata)."""
    parsed = SelfAssessment.parse(sa.to_csv())
    assert parsed.assessment.entries == sa.entries
    assert parsed.assessment.edition == sa.edition
    assert (parsed.unreadable, parsed.missing, parsed.fully_read) == ((), (), True)


@given(self_assessments(), st.sampled_from(["to_markdown", "to_html"]))
def test_markdown_and_html_round_trip(sa: SelfAssessment, export: str) -> None:
    """Property: to_markdown or to_html then parse gives the same assessment, metadata too."""
    parsed = SelfAssessment.parse(getattr(sa, export)())
    assert parsed.assessment == sa
    assert parsed.edition_detected_by == f"line 1 names the {sa.edition} edition"
    assert parsed.unreadable == ()


# --- reading comply answers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes", "yes"),
        ("Yes ", "yes"),
        ("YES.", "yes"),
        ("y", "yes"),
        ("Complies", "yes"),
        ("Compliant", "yes"),
        ("Yes - see policy 4.2", "yes"),
        ("Yes (from April)", "yes"),
        ("No", "no"),
        ("N", "no"),
        ("Not compliant", "no"),
        ("Non-compliant", "no"),
        ("No \u2013 action plan agreed", "no"),
        ("Partially", "partial"),
        ("Partial", "partial"),
        ("partly", "partial"),
        ("Partially compliant", "partial"),
        ("N/A", "n/a"),
        ("n / a", "n/a"),
        ("NA", "n/a"),
        ("Not applicable", "n/a"),
        ("N/a: no stage three", "n/a"),
        ("Yes/No", None),
        ("Comply: Yes / No", None),
        ("No stage 0 is used", None),
        ("Maybe", None),
        ("", None),
    ],
)
def test_read_comply_spellings(text: str, expected: str | None) -> None:
    assert read_comply(text) == expected


def test_comply_values_are_the_four_answers() -> None:
    assert COMPLY_VALUES == ("yes", "no", "partial", "n/a")


# --- parsing: tab-separated tables ---------------------------------------------------

TABBED = lines(
    "## Section 6: Complaints stages",
    "",
    (
        "<b>Code provision</b>\t<b>Code requirement</b>\t<b>Comply</b>\t<b>Evidence</b>\t"
        "<b>Commentary</b>"
    ),
    '6.1\t<p>Triage complaints</p>\tYes\tPolicy, section 4.2 <a href="#">link</a>\tWe &amp; they',
    "6.2\tAcknowledge in five days\tNo\t\tAbout 80% on time.",
    "\tsecond half of the requirement\t\t\tMore commentary",
    "6.3\tRespond in ten days\tPartially - under review\tReport\t",
    "6.4\tExtensions\tMostly\tReport\tSee note",
    "6.5\tOmbudsman details\t\tTemplate letters\tIn every letter",
    "6.6\tRespond when the answer is known\t\t\t",
    "6.2\tAcknowledge again\tNo\t\t",
    "6.3\tRespond again\tYes\t\t",
    "\t6.7\tAddress every point\tY\tTemplates\tChecked monthly\textra cell",
    "9.9\tNot a provision\tYes\t\t",
    "Evidence 6.8 is not a row",
    "6.9\tConfirm in writing\tYes\tNo\tExplanation: no template yet\tComply by: 30/06/2025",
)


def test_parse_tab_rows_with_markup() -> None:
    """Rows begin a line with a number; numbers inside evidence never start a row."""
    parsed = SelfAssessment.parse(TABBED)
    sa = parsed.assessment
    assert parsed.edition_detected_by == (
        "provision numbers: 1 not in the 2024 edition, 3 not in the 2022 edition (such as 6.4)"
    )
    first = sa.entry("6.1").answer
    assert first == Answer(
        provision=provision("6.1"),
        comply="yes",
        evidence="Policy, section 4.2 link",
        commentary="We & they",
    )
    second = sa.entry("6.2").answer
    assert second is not None
    assert (second.comply, second.commentary) == ("no", "About 80% on time.\nMore commentary")
    assert not sa.entry("6.3").answered  # its two rows disagree
    assert not sa.entry("6.4").answered
    assert not sa.entry("6.5").answered
    assert not sa.entry("6.6").answered
    assert sa.entry("6.7").answer == Answer(
        provision=provision("6.7"), comply="yes", evidence="Templates", commentary="Checked monthly"
    )
    assert not sa.entry("6.8").answered
    assert [str(u) for u in parsed.unreadable] == [
        "line 8: 6.4: cannot read the comply answer 'Mostly'",
        "line 9: 6.5: no comply answer",
        "line 11: 6.2: given again (first on line 5); this row is not read",
        "line 12: 6.3: given again (first on line 7) with a different answer, so neither row is read",
        "line 13: 6.7: a cell outside the table's columns was not read: 'extra cell'",
        "line 14: 9.9: not a provision of the 2024 edition",
        "line 16: 6.9: a cell outside the table's columns was not read: 'Comply by: 30/06/2025'",
    ]
    assert len(parsed.missing) == 72 - 8
    partly = SelfAssessment.parse(
        "6.3\tRespond in ten days\tPartially - under review\tReport\t", edition=2024
    )
    third = partly.assessment.entry("6.3").answer
    assert third is not None
    assert (third.comply, third.evidence, third.commentary) == ("partial", "Report", "under review")
    assert "6.8" in parsed.missing
    assert not parsed.fully_read


def test_parse_a_tab_row_of_empty_cells_is_a_blank_table_row() -> None:
    """A number followed by empty tab-separated cells is an unanswered table row, not an error."""
    parsed = SelfAssessment.parse(
        "6.20\t\t\t\t\n\tSecond part of the requirement\t\t\t", edition=2024
    )
    assert not parsed.assessment.entry("6.20").answered
    assert parsed.unreadable == ()


def test_parse_reads_explanation_and_date_from_labelled_commentary_lines() -> None:
    """A "no" row's commentary lines 'Explanation:' and 'Comply by:' give those fields."""
    text = "6.2\tAcknowledge\tNo\tLog\tBacklog<br>Explanation: staff shortage<br>Comply by: 3rd June 2025"
    answer = SelfAssessment.parse(text, edition=2024).assessment.entry("6.2").answer
    assert answer == Answer(
        provision=provision("6.2"),
        comply="no",
        evidence="Log",
        commentary="Backlog",
        explanation="staff shortage",
        comply_by=dt.date(2025, 6, 3),
    )
    bad = SelfAssessment.parse("6.2\tAcknowledge\tNo\tLog\tComply by: soon", edition=2024)
    assert [str(u) for u in bad.unreadable] == [
        "line 1: 6.2: cannot read the comply-by date 'soon'"
    ]
    assert bad.assessment.entry("6.2").answer is not None


def test_parse_reads_the_metadata_lines() -> None:
    """8.2: who completed and approved the assessment, and when (UK dates are day first)."""
    text = lines(
        "Self-Assessment Completed on:\t03/04/2024",
        "Self-Assessment Completed by:\tA. Officer",
        "Self-Assessment Reviewed and Approved by:\tB. Member",
        "Self-Assessment Reviewed and Approved on:\t29 th April 2024",
        "Completed on: next week",
        "1.2\tDefinition\tYes\tPolicy\t",
    )
    parsed = SelfAssessment.parse(text, edition=2024)
    sa = parsed.assessment
    assert (sa.completed_on, sa.completed_by) == (dt.date(2024, 4, 3), "A. Officer")
    assert (sa.approved_by, sa.approved_on) == ("B. Member", dt.date(2024, 4, 29))
    assert [str(u) for u in parsed.unreadable] == [
        "line 5: completed on given again; only the first is read"
    ]
    late = SelfAssessment.parse("Approved on: 31/02/2024\n1.2\tDefinition\tYes\t\t", edition=2024)
    assert [str(u) for u in late.unreadable] == [
        "line 1: cannot read the approved on date '31/02/2024'"
    ]


# --- parsing: one cell per line ------------------------------------------------------

ONE_PER_LINE = lines(
    "[bookmark: s1]Section 1 - Definition of a complaint Mandatory 'must' requirementsCode section",
    "Code requirement",
    "Comply:",
    "Yes/No",
    "Evidence, commentary and any",
    "1.2",
    "What a complaint is",
    " Yes",
    "Customer policy 3.3",
    "1.3",
    "The word complaint is not needed",
    "No",
    "",
    "Yes ",
    "ACTION",
    " \t1.8",
    "\tThe circumstances for not accepting",
    "\tSection 2.2 of the policy",
    "",
    "\t1.9",
    "\tExplain a refusal",
    "\tPartially ",
    "\tStaff guidance",
    "  2.5",
    "\tEquality Act duties",
    "\t No",
    "",
    "No",
    "\tACTION",
    "Best practice 'should' requirements",
    "\tCode section",
    "\t5.3.",
    "\tOmbudsman details when no agreement",
    "\t N/a ",
    "\t No stage three",
    "Stage 2",
    "\tYes",
)


def test_parse_one_cell_per_line() -> None:
    """The 2022 form's layout: the number alone, the requirement, the answer, the evidence."""
    parsed = SelfAssessment.parse(ONE_PER_LINE, edition=2022)
    sa = parsed.assessment
    got = {e.provision.number: (e.answer.comply, e.answer.evidence) for e in sa.entries if e.answer}
    assert got == {
        "1.2": ("yes", "Customer policy 3.3"),
        "1.9": ("partial", "Staff guidance"),
        "2.5": ("no", "ACTION"),
        "5.3": ("n/a", "No stage three"),
    }
    assert [str(u) for u in parsed.unreadable] == [
        "line 10: 1.3: conflicting comply answers 'no' and 'yes'",
        "line 16: 1.8: no comply answer",
    ]


def test_parse_detects_the_2022_edition_by_its_numbers() -> None:
    """2022 has provisions such as 1.9 and 5.20 that 2024 has not, and no section 9."""
    parsed = SelfAssessment.parse(ONE_PER_LINE)
    assert parsed.assessment.edition == 2022
    assert parsed.edition_detected_by == (
        "provision numbers: 0 not in the 2022 edition, 2 not in the 2024 edition (such as 1.8)"
    )


def test_parse_detects_the_edition_by_section_headings() -> None:
    """Rows whose numbers both editions have: the section titles decide (2024 section 2)."""
    text = "Section 2: Exclusions\n2.1\tAccept unless a valid reason\tYes\tPolicy\t"
    parsed = SelfAssessment.parse(text)
    assert parsed.assessment.edition == 2024
    assert parsed.edition_detected_by == "section headings: 1 match the 2024 edition's titles"
    old = SelfAssessment.parse("Section 2 - Accessibility and awareness\n2.1\tChannels\tYes\t\t")
    assert old.assessment.edition == 2022


def test_parse_detects_the_edition_named_in_a_title() -> None:
    parsed = SelfAssessment.parse(
        "Self-assessment against the 2022 edition\n1.2\tDefinition\tYes\t\t"
    )
    assert parsed.assessment.edition == 2022
    assert parsed.edition_detected_by == "line 1 names the 2022 edition"


def test_parse_refuses_to_guess_the_edition() -> None:
    with pytest.raises(
        InvalidRecord, match=r"^cannot tell which edition of the Code the text answers"
    ):
        SelfAssessment.parse("1.2\tDefinition\tYes\t\t")
    with pytest.raises(InvalidRecord, match=r"^cannot tell which edition"):
        SelfAssessment.parse("")


def test_parse_with_a_given_edition_reports_numbers_outside_it() -> None:
    parsed = SelfAssessment.parse("9.1\tLearning\tYes\tMinutes\t", edition=2022)
    assert parsed.unreadable == (
        Unreadable(line=1, number="9.1", reason="not a provision of the 2022 edition"),
    )
    assert parsed.edition_detected_by == "given"
    assert parsed.missing == tuple(p.number for p in provisions(2022))


def test_parse_refuses_bad_arguments() -> None:
    with pytest.raises(
        InvalidRecord,
        match=r"^a self-assessment text must be a str, not bytes \(decode it first, with "
        r"\.decode\('utf-8'\) say\)$",
    ):
        SelfAssessment.parse(b"1.2\tx\tYes")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord, match=r"^unknown edition of the Code 2019"):
        SelfAssessment.parse("1.2\tx\tYes", edition=2019)


def test_parse_markdown_table_with_escapes() -> None:
    text = lines(
        "| Provision | Requirement | Comply | Evidence | Commentary |",
        "|---|---|---|---|---|",
        "| 6.13 | Different handler | Yes | Policy 9\\|2 &amp; 9\\\\3 | Checked |",
    )
    answer = SelfAssessment.parse(text, edition=2024).assessment.entry("6.13").answer
    assert answer is not None
    assert (answer.evidence, answer.commentary) == ("Policy 9|2 & 9\\3", "Checked")


# --- the seeds: landlords' published self-assessments ----------------------------------


def test_seed_000_2024_tab_separated_with_html() -> None:
    """2024 form with HTML markup: all 72 provisions found and answered, nine of them 'no'."""
    parsed = SelfAssessment.parse(seed("000"))
    sa = parsed.assessment
    assert sa.edition == 2024
    assert (parsed.missing, parsed.unreadable) == ((), ())
    assert all(e.answered for e in sa.entries)
    noes = [e.provision.number for e in sa.entries if e.answer and e.answer.comply == "no"]
    assert noes == ["5.9", "6.1", "6.2", "6.3", "6.11", "6.14", "8.2", "9.7", "9.8"]
    assert sa.summary().yes == 63
    first = sa.entry("1.2").answer
    assert first is not None
    assert first.evidence == "Complaints policy, section 2, para 1 Corporate complaints policy"
    third_parties = sa.entry("5.5").answer
    assert third_parties is not None
    assert (third_parties.comply, third_parties.evidence) == ("yes", "N/A")
    handler = sa.entry("6.13").answer
    assert handler is not None
    assert (handler.comply, handler.evidence) == (
        "yes",
        "Complaints policy, section 9.2, para 3 Corporate complaints policy",
    )
    # 8.1: its "Commentary / explanation" column explains each 'no', so only the dates are lacking.
    informed = sa.entry("5.9").answer
    assert informed is not None
    assert informed.explanation.startswith("We do not routinely keep residents informed")
    assert informed.commentary == ""
    assert first.commentary.startswith("We have adopted this definition")
    assert first.explanation == ""
    assert [str(f) for f in sa.problems()] == [
        f"{number}: answered 'no' without a date by which it will comply" for number in noes
    ]


def test_seed_003_2024_with_continuation_rows_and_metadata() -> None:
    """2024 form: 72 rows found; 9.6 has an empty comply cell and is reported, not guessed."""
    parsed = SelfAssessment.parse(seed("003"))
    sa = parsed.assessment
    assert sa.edition == 2024
    assert parsed.missing == ()
    assert parsed.unreadable == (Unreadable(line=137, number="9.6", reason="no comply answer"),)
    answered = {e.provision.number: e.answer.comply for e in sa.entries if e.answer}
    assert answered == {n: "yes" for n in NUMBERS_2024 if n != "9.6"}
    assert (sa.completed_on, sa.approved_on) == (dt.date(2024, 4, 3), dt.date(2024, 4, 29))
    assert sa.completed_by == "Sue Davies (Complaints Officer)"
    continued = sa.entry("2.4").answer
    assert continued is not None
    assert continued.evidence == "Complaints Policy 4.3"
    assert len(continued.commentary.split("\n")) == 2
    evidence = {n: a.evidence for n in ("1.5", "3.5") if (a := sa.entry(n).answer)}
    assert evidence == {"1.5": "Complaints Policy 3.3", "3.5": "Complaints Policy 5.5, 5.6 & 5.7"}


# The 2022 seed's answers, read by hand from the document (one cell per line).
SEED_001_ANSWERS = {
    **dict.fromkeys(
        [
            "1.2",
            "1.4",
            "1.5",
            "1.6",
            "1.7",
            "1.9",
            "2.1",
            "2.3",
            "2.4",
            "2.8",
            "3.1",
            "3.3",
            "4.1",
            "4.2",
            "4.4",
            "4.5",
            "4.6",
            "4.7",
            "4.8",
            "4.10",
            "4.11",
            "4.13",
            "4.14",
            "4.15",
            "4.16",
            "4.17",
            "4.18",
            "5.1",
            "5.4",
            "5.7",
            "5.8",
            "5.9",
            "5.10",
            "5.11",
            "5.12",
            "5.16",
            "5.17",
            "6.1",
            "6.2",
            "6.3",
            "6.5",
            "6.6",
            "6.7",
            "7.2",
            "7.3",
            "7.5",
            "8.1",
            "8.2",
            "8.3",
        ],
        "yes",
    ),
    **dict.fromkeys(["2.5", "2.7", "4.3", "5.2", "5.3", "5.15", "7.6"], "no"),
    **dict.fromkeys(["2.2", "2.6", "4.9", "4.12", "4.19", "5.5", "5.6", "5.13", "5.14"], "partial"),
    **dict.fromkeys(["5.18", "5.19", "5.20"], "n/a"),
}


def test_seed_001_2022_one_cell_per_line() -> None:
    """2022 form: detected as 2022; every row but 3.2 (printed without its number) is found.

    1.3 gives both 'No' and 'Yes', 1.8 and 7.4 give no answer, and 5.6 is printed
    twice, both times with a requirement and the answer 'Partially': the second
    row, which sits in Code order (after 5.5, before 5.8), is read and the first
    reported. Each is reported, none is guessed.
    """
    parsed = SelfAssessment.parse(seed("001"))
    sa = parsed.assessment
    assert sa.edition == 2022
    assert parsed.edition_detected_by.startswith("provision numbers: 0 not in the 2022 edition")
    assert parsed.missing == ("3.2",)
    assert [str(u) for u in parsed.unreadable] == [
        "line 18: 1.3: conflicting comply answers 'no' and 'yes'",
        "line 43: 1.8: no comply answer",
        (
            "line 464: 5.6: given again on line 482, where the row is in Code order; "
            "this row is not read"
        ),
        "line 772: 7.4: no comply answer",
    ]
    answered = {e.provision.number: e.answer.comply for e in sa.entries if e.answer}
    assert answered == SEED_001_ANSWERS
    assert len(answered) == 68
    na = sa.entry("5.18").answer
    assert na is not None
    assert na.evidence == "No stage three"
    points = sa.entry("5.6").answer
    assert points is not None
    assert (points.comply, points.evidence) == (
        "partial",
        "Template letters to be reviewed to ensure they cover all of these points",
    )


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seeds_survive_a_round_trip(prefix: str) -> None:
    """What was read from a seed is written and read back unchanged in every format."""
    sa = SelfAssessment.parse(seed(prefix)).assessment
    for text in (sa.to_markdown(), sa.to_html()):
        assert SelfAssessment.parse(text).assessment == sa
    assert SelfAssessment.parse(sa.to_csv()).assessment.entries == sa.entries


def test_a_commentary_explanation_column_explains_a_no_but_comments_on_a_yes() -> None:
    """8.1: in the template's combined column, the text of a 'no' or 'partial' is its explanation."""
    text = (
        "| Code provision | Code requirement | Comply | Evidence | Commentary / explanation |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 6.2 | Acknowledge | Partial | Log | A handler is assigned first. |\n"
        "| 6.3 | Respond | Yes | Log | All on time this year. |\n"
        "| 6.4 | Extend | No | Log | Seen by the board.<br>Explanation: Not yet in policy. |\n"
    )
    sa = SelfAssessment.parse(text).assessment
    partial, yes, no = (sa.entry(n).answer for n in ("6.2", "6.3", "6.4"))
    assert partial is not None
    assert yes is not None
    assert no is not None
    assert (partial.commentary, partial.explanation) == ("", "A handler is assigned first.")
    assert (yes.commentary, yes.explanation) == ("All on time this year.", "")
    # A labelled explanation is the explanation; the rest stays commentary.
    assert (no.commentary, no.explanation) == ("Seen by the board.", "Not yet in policy.")
