"""The duties around a self-assessment (2024 Code, 8.1 to 8.5; 2022 edition, 8.1 to 8.3).

``SelfAssessment.problems(as_of=...)`` adds, after the findings on the answers, the duties the
form itself is under on that day: its age, its approval, a fresh assessment after a change or a
request of the Ombudsman, and the gaps of recorded exceptional circumstances.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provision, provisions
from complaintcode.selfassessment import (
    CHANGE_KINDS,
    ExceptionalCircumstances,
    OmbudsmanRequest,
    OrganisationalChange,
    SelfAssessment,
)

D = dt.date


def answered(
    edition: int = 2024,
    *,
    completed_on: dt.date | None = None,
    approved_by: str | None = None,
    approved_on: dt.date | None = None,
) -> SelfAssessment:
    """A self-assessment answering every provision with evidence, so only the duties show."""
    sa = SelfAssessment.blank(edition)
    for p in provisions(edition):
        sa = sa.answer(p.number, "yes", evidence="Complaints policy")
    return attrs.evolve(
        sa, completed_on=completed_on, approved_by=approved_by, approved_on=approved_on
    )


MAY_1, MAY_20 = D(2024, 5, 1), D(2024, 5, 20)


def approved(completed_on: dt.date = MAY_1, approved_on: dt.date = MAY_20) -> SelfAssessment:
    """Answered, completed on 1 May 2024 and approved by the board on 20 May."""
    return answered(completed_on=completed_on, approved_by="The Board", approved_on=approved_on)


def duties(sa: SelfAssessment, as_of: dt.date) -> list[tuple[str, str, str]]:
    return [(f.code, f.message, f.severity) for f in sa.problems(as_of=as_of)]


def test_without_as_of_only_the_answers_are_checked() -> None:
    """8.1: problems() without a day checks the answers, as it always has."""
    assert answered().problems() == ()
    assert approved().problems(as_of=D(2024, 6, 1)) == ()


def test_a_form_more_than_a_year_old() -> None:
    """8.1: completed on 1 May 2024, the form is a year old on 1 May 2025 and too old the day
    after; the finding's due date is the anniversary."""
    sa = approved()
    assert sa.problems(as_of=D(2025, 5, 1)) == ()
    (found,) = sa.problems(as_of=D(2025, 5, 2))
    assert (found.code, found.severity, found.due) == ("8.1", "breach", D(2025, 5, 1))
    assert found.message == (
        "the self-assessment was completed on 2024-05-01, more than a year before 2025-05-02"
    )


def test_a_form_completed_on_29_february_is_a_year_old_on_28_february() -> None:
    """8.1: a year after 29 February 2024 is 28 February 2025."""
    sa = approved(D(2024, 2, 29), D(2024, 3, 1))
    assert sa.problems(as_of=D(2025, 2, 28)) == ()
    assert [f.due for f in sa.problems(as_of=D(2025, 3, 1))] == [D(2025, 2, 28)]


def test_a_form_with_no_completion_date() -> None:
    """8.1: with no completion date, the form's age cannot be judged."""
    sa = answered(approved_by="The Board", approved_on=D(2024, 5, 20))
    assert duties(sa, D(2024, 6, 1)) == [
        ("8.1", "the self-assessment has no completion date", "breach")
    ]


def test_a_form_not_approved_by_the_governing_body() -> None:
    """8.2: the form goes to the governing body with the annual report; no approval, an
    approval after the day looked from, or an approval that does not say who gave it."""
    sa = answered(completed_on=D(2024, 5, 1))
    expected = ("8.2", "the self-assessment has not been approved by the governing body", "breach")
    assert duties(sa, D(2024, 6, 1)) == [expected]
    later = attrs.evolve(sa, approved_by="The Board", approved_on=D(2024, 7, 1))
    assert duties(later, D(2024, 6, 1)) == [expected]
    assert duties(later, D(2024, 7, 1)) == []
    nameless = attrs.evolve(sa, approved_on=D(2024, 5, 20))
    assert duties(nameless, D(2024, 6, 1)) == [
        (
            "8.2",
            "the self-assessment does not say who approved it for the governing body",
            "breach",
        )
    ]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("restructure", "a significant restructure"),
        ("merger", "a merger"),
        ("procedures", "a significant change in procedures"),
    ],
)
def test_a_form_not_done_again_after_a_change(kind: str, words: str) -> None:
    """8.3: after a significant restructure, merger or change in procedures the landlord
    assesses itself again; the finding is dated the day of the change."""
    sa = approved().record_change(D(2024, 10, 1), kind, "Two teams became one")  # type: ignore[arg-type]
    assert sa.problems(as_of=D(2024, 9, 30)) == ()
    (found,) = sa.problems(as_of=D(2024, 10, 1))
    assert (str(found), found.severity, found.on) == (
        f"8.3: not assessed again after {words} on 2024-10-01 (Two teams became one)",
        "breach",
        D(2024, 10, 1),
    )
    redone = attrs.evolve(sa, completed_on=D(2024, 11, 4), approved_on=D(2024, 11, 20))
    assert redone.problems(as_of=D(2024, 12, 1)) == ()


def test_a_change_on_the_day_the_form_was_completed_is_in_it() -> None:
    """8.3: a form completed on the day of the change is taken to reflect it."""
    sa = approved().record_change(D(2024, 5, 1), "merger", "Merged")
    assert sa.problems(as_of=D(2024, 6, 1)) == ()


def test_a_form_not_revisited_after_the_ombudsman_asked() -> None:
    """8.4: the Ombudsman may ask for the self-assessment to be revisited after an
    investigation; 8.4 is a should, so a form not revisited is a warning."""
    sa = approved().record_ombudsman_request(D(2024, 11, 5), "202412345")
    assert duties(sa, D(2024, 12, 1)) == [
        (
            "8.4",
            "not revisited after the Ombudsman asked on 2024-11-05 (investigation 202412345)",
            "warning",
        )
    ]
    assert provision("8.4").must is False
    plain = approved().record_ombudsman_request(D(2024, 11, 5))
    assert [f.message for f in plain.problems(as_of=D(2024, 12, 1))] == [
        "not revisited after the Ombudsman asked on 2024-11-05"
    ]


CYBER = ExceptionalCircumstances(
    what="A cyber attack took the housing system offline.", began_on=D(2024, 9, 2)
)


def test_every_gap_of_exceptional_circumstances() -> None:
    """8.5: the Ombudsman and the residents told, the fact published, a date for complying
    again: each missing one is reported, dated the day the circumstances began."""
    sa = approved().record_exceptional_circumstances(CYBER)
    found = sa.problems(as_of=D(2024, 9, 10))
    assert [str(f) for f in found] == [
        "8.5: exceptional circumstances since 2024-09-02: the Ombudsman has not been told",
        (
            "8.5: exceptional circumstances since 2024-09-02: the residents who may be affected "
            "have not been told"
        ),
        "8.5: exceptional circumstances since 2024-09-02: it has not been published",
        "8.5: exceptional circumstances since 2024-09-02: no date is given for complying again",
    ]
    assert {(f.severity, f.on) for f in found} == {("breach", D(2024, 9, 2))}
    assert approved().record_exceptional_circumstances(CYBER).problems(as_of=D(2024, 9, 1)) == ()


def test_exceptional_circumstances_past_their_date_for_complying_again() -> None:
    """8.5: once told and published, the circumstances are reported only when the date given
    for complying again has passed without the landlord complying again."""
    told = attrs.evolve(
        CYBER,
        ombudsman_told_on=D(2024, 9, 3),
        residents_told_on=D(2024, 9, 4),
        published_on=D(2024, 9, 4),
        compliance_by=D(2024, 10, 31),
    )
    sa = approved().record_exceptional_circumstances(CYBER)
    sa = sa.record_exceptional_circumstances(told)
    assert sa.exceptional_circumstances == (told,)
    assert sa.problems(as_of=D(2024, 10, 31)) == ()
    (late,) = sa.problems(as_of=D(2024, 11, 1))
    assert (str(late), late.due) == (
        (
            "8.5: exceptional circumstances since 2024-09-02: not complying again by 2024-10-31 "
            "(as of 2024-11-01)"
        ),
        D(2024, 10, 31),
    )
    over = sa.record_exceptional_circumstances(
        attrs.evolve(told, complied_again_on=D(2024, 10, 30))
    )
    assert over.problems(as_of=D(2024, 11, 1)) == ()


def test_the_2022_edition_cites_its_own_numbers_and_has_no_8_4_or_8_5() -> None:
    """2022 edition, 8.1, 8.2 and 8.3: a 2022 form cites its own yearly assessment (8.1), fresh
    assessment after a change (8.2) and report to the governing body (8.3); the 2022 edition has
    no duty like 2024's 8.4 or 8.5, so none is reported against its form."""
    sa = answered(2022, completed_on=D(2023, 5, 1)).record_change(
        D(2023, 9, 1), "procedures", "New case system"
    )
    sa = sa.record_ombudsman_request(D(2023, 10, 1)).record_exceptional_circumstances(CYBER)
    found = sa.problems(as_of=D(2024, 6, 1))
    assert [(f.provision.number, f.provision.edition, f.severity) for f in found] == [
        ("8.1", 2022, "breach"),
        ("8.3", 2022, "breach"),
        ("8.2", 2022, "breach"),
    ]
    assert [f.message for f in found] == [
        "the self-assessment was completed on 2023-05-01, more than a year before 2024-06-01",
        "the self-assessment has not been approved by the governing body",
        (
            "not assessed again after a significant change in procedures on 2023-09-01 "
            "(New case system)"
        ),
    ]


def test_bad_records_are_refused_with_their_field() -> None:
    """8.3, 8.5: a change of no known kind, a blank description or a date before the
    circumstances began is refused, naming the field; as_of must be a date."""
    with pytest.raises(InvalidRecord, match=r"^kind: unknown kind of change 'rebrand'"):
        OrganisationalChange(on=D(2024, 1, 1), kind="rebrand", description="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord, match=r"^description: expected a non-empty text"):
        OrganisationalChange(on=D(2024, 1, 1), kind="merger", description=" ")
    with pytest.raises(
        InvalidRecord,
        match=r"^published_on: 2024-09-01 is before the circumstances began \(2024-09-02\)$",
    ):
        attrs.evolve(CYBER, published_on=D(2024, 9, 1))
    with pytest.raises(InvalidRecord, match=r"^as_of: expected a datetime.date, not str"):
        answered().problems(as_of="2024-06-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord, match=r"^changes\[0\]: expected an OrganisationalChange"):
        SelfAssessment.blank().__class__(
            edition=2024, entries=SelfAssessment.blank().entries, changes=["merger"]
        )
    with pytest.raises(InvalidRecord, match=r"^circumstances: expected ExceptionalCircumstances"):
        answered().record_exceptional_circumstances("fire")  # type: ignore[arg-type]
    assert OmbudsmanRequest(on=D(2024, 1, 1)).investigation is None
    assert CHANGE_KINDS == ("restructure", "merger", "procedures")


@given(
    completed=st.dates(D(2023, 1, 1), D(2026, 12, 31)),
    change=st.dates(D(2023, 1, 1), D(2026, 12, 31)),
    as_of=st.dates(D(2023, 1, 1), D(2027, 12, 31)),
)
def test_a_change_is_reported_exactly_when_it_came_after_the_form(
    completed: dt.date, change: dt.date, as_of: dt.date
) -> None:
    """8.3: property: a change is reported on a day exactly when it happened by that day and
    after the form was completed."""
    sa = answered(completed_on=completed, approved_by="Board", approved_on=completed)
    sa = sa.record_change(change, "restructure", "Teams merged")
    reported = any(f.code == "8.3" for f in sa.problems(as_of=as_of))
    assert reported == (completed < change <= as_of)
