"""Tests for complaintcode.remedies: the remedy types of 7.1 and their tracking under 7.3."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.editions import CODE_2022
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision
from complaintcode.remedies import (
    IN_LETTER_KINDS,
    Remedy,
    RemedyKind,
    outstanding_remedies,
    overdue_remedies,
    overdue_remedy_findings,
)
from strategies import complete_remedies, letter_dates, pounds

P71 = provision("7.1")
P73 = provision("7.3")
JULY_1 = dt.date(2024, 7, 1)


def _fix(**kw: object) -> Remedy:
    fields: dict[str, object] = {
        "kind": RemedyKind.RECORD_AMENDED,
        "what": "We will correct your rent account.",
        "by_when": JULY_1,
    }
    fields.update(kw)
    return Remedy(**fields)  # type: ignore[arg-type]


# --- the kinds of 7.1 ----------------------------------------------------------


def test_the_kinds_are_those_of_7_1() -> None:
    """7.1: the eight kinds of remedy, by their data names."""
    assert [k.value for k in RemedyKind] == [
        "apology",
        "acknowledgement",
        "explanation",
        "action_on_delay",
        "decision_changed",
        "record_amended",
        "financial",
        "policy_change",
    ]


def test_labels_are_plain_words() -> None:
    """7.1: each kind has a label a letter can print."""
    assert RemedyKind.FINANCIAL.label == "Financial remedy"
    assert RemedyKind.EXPLANATION.label == "Explanation, assistance or reasons"
    assert RemedyKind.POLICY_CHANGE.label == "Change to a policy, procedure or practice"
    assert all(k.label for k in RemedyKind)


def test_parse_accepts_value_or_member_and_refuses_others() -> None:
    assert RemedyKind.parse("policy_change") is RemedyKind.POLICY_CHANGE
    assert RemedyKind.parse(RemedyKind.APOLOGY) is RemedyKind.APOLOGY
    with pytest.raises(InvalidRecord) as err:
        RemedyKind.parse("goodwill")
    assert str(err.value).startswith("kind: unknown kind of remedy 'goodwill' (known: apology, ")


def test_in_letter_kinds() -> None:
    """7.3: an apology, an acknowledgement and an explanation can be given by the letter itself."""
    assert (
        frozenset({RemedyKind.APOLOGY, RemedyKind.ACKNOWLEDGEMENT, RemedyKind.EXPLANATION})
        == IN_LETTER_KINDS
    )


# --- amounts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_amount", "held"),
    [
        (Decimal(150), Decimal("150.00")),
        (Decimal("150.5"), Decimal("150.50")),
        (Decimal("0.01"), Decimal("0.01")),
        (Decimal("1.500"), Decimal("1.50")),
        (75, Decimal("75.00")),
        ("12.30", Decimal("12.30")),
        (" 20 ", Decimal("20.00")),
        (Decimal(0), Decimal("0.00")),
    ],
)
def test_amount_is_held_as_pounds_and_pence(given_amount: object, held: Decimal) -> None:
    """7.1: a financial remedy's amount is a Decimal with two places."""
    r = Remedy(kind="financial", what="Pay.", by_when=JULY_1, amount=given_amount)
    assert r.amount == held
    assert r.amount is not None
    assert r.amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            150.0,
            (
                "amount: expected a Decimal or a string such as '150.00', not a float "
                "(a float cannot hold pounds and pence exactly)"
            ),
        ),
        (Decimal(-1), "amount: the amount must not be negative (got -1)"),
        (
            Decimal("1.005"),
            "amount: the amount must be in pounds and pence, at most 2 decimal places (got 1.005)",
        ),
        (Decimal("NaN"), "amount: not an amount of pounds: Decimal('NaN')"),
        (Decimal("Infinity"), "amount: not an amount of pounds: Decimal('Infinity')"),
        ("ten pounds", "amount: not an amount of pounds: 'ten pounds'"),
        (True, "amount: expected a Decimal amount of pounds, not bool"),
        ([1], "amount: expected a Decimal amount of pounds, not list"),
        ("1e30", "amount: the amount is too large: 1E+30"),
    ],
)
def test_bad_amounts_are_refused(bad: object, message: str) -> None:
    """7.1: money is Decimal pounds: floats, negatives and fractions of a penny are refused."""
    with pytest.raises(InvalidRecord) as err:
        Remedy(kind="financial", what="Pay.", amount=bad)
    assert str(err.value) == message


def test_financial_needs_an_amount() -> None:
    with pytest.raises(InvalidRecord) as err:
        Remedy(kind="financial", what="Pay.", by_when=JULY_1)
    assert str(err.value) == "amount: a financial remedy needs an amount in pounds"


def test_only_financial_has_an_amount() -> None:
    with pytest.raises(InvalidRecord) as err:
        Remedy(kind="apology", what="Sorry.", amount=Decimal(5))
    assert str(err.value) == "amount: only a financial remedy has an amount (this one is 'apology')"


@given(pounds)
def test_any_two_place_amount_is_kept_exactly(amount: Decimal) -> None:
    r = Remedy(kind="financial", what="Pay.", by_when=JULY_1, amount=amount)
    assert r.amount == amount
    assert r.to_dict()["amount"] == f"{amount:.2f}"


# --- other fields ----------------------------------------------------------------


def test_dates_must_be_dates() -> None:
    with pytest.raises(InvalidRecord) as err:
        _fix(by_when="2024-07-01")
    assert str(err.value) == "by_when: expected a datetime.date, not str"
    with pytest.raises(InvalidRecord) as err:
        _fix(completed_on=dt.datetime(2024, 7, 1, 9, 0, tzinfo=dt.UTC))
    assert str(err.value) == (
        "completed_on: expected a datetime.date, not a datetime (pass its .date())"
    )


def test_what_must_be_text() -> None:
    with pytest.raises(InvalidRecord) as err:
        _fix(what=None)
    assert str(err.value) == "what: expected text, got NoneType"


# --- 7.1 and 7.3: what and by when ---------------------------------------------------


def test_complete_remedy_has_no_problems() -> None:
    """7.3: a remedy that says what will happen and by when is complete."""
    assert _fix().problems() == ()


def test_missing_by_when_is_a_7_3_finding() -> None:
    """7.3: a remedy must say by when it will happen."""
    assert _fix(by_when=None).problems() == (
        Finding(provision=P73, message="the remedy does not say by when it will happen"),
    )


def test_missing_what_is_a_7_3_finding() -> None:
    """7.3: a remedy still to happen must say what will happen."""
    assert _fix(what="  ").problems() == (
        Finding(provision=P73, message="the remedy does not say what will happen"),
    )


def test_missing_what_of_a_remedy_already_given_is_a_7_1_finding() -> None:
    """7.1: a remedy already given must set out what was done to put things right."""
    expected = (
        Finding(
            provision=P71, message="the remedy does not set out what was done to put things right"
        ),
    )
    assert _fix(what="", completed_on=JULY_1).problems() == expected
    assert Remedy(kind="apology", what="").problems() == expected


@pytest.mark.parametrize("kind", sorted(IN_LETTER_KINDS, key=str))
def test_in_letter_kinds_need_no_date(kind: RemedyKind) -> None:
    """7.3: an apology, acknowledgement or explanation given in the letter needs no by_when."""
    r = Remedy(kind=kind, what="We are sorry the repair was late.")
    assert r.given_in_letter
    assert r.problems() == ()
    assert not r.is_outstanding(JULY_1)


@pytest.mark.parametrize(
    "kind", sorted(set(RemedyKind) - IN_LETTER_KINDS - {RemedyKind.FINANCIAL}, key=str)
)
def test_other_kinds_need_a_date(kind: RemedyKind) -> None:
    """7.3: any other remedy not yet completed needs a by_when."""
    r = Remedy(kind=kind, what="We will act.")
    assert not r.given_in_letter
    assert [f.code for f in r.problems()] == ["7.3"]


def test_completed_remedy_needs_no_date() -> None:
    """7.3: a remedy already completed need not say by when."""
    assert _fix(by_when=None, completed_on=JULY_1).problems() == ()


def test_an_apology_with_a_date_is_tracked() -> None:
    """7.3: an apology promised for later (a visit to apologise, say) is an outstanding remedy."""
    r = Remedy(kind="apology", what="Our manager will visit to apologise.", by_when=JULY_1)
    assert not r.given_in_letter
    assert r.is_outstanding(JULY_1)


def test_2022_complaint_cites_its_own_6_5() -> None:
    """6.5 (2022), 7.3's counterpart: a 2022 remedy without a date cites the 2022 number."""
    (finding,) = _fix(by_when=None).problems(CODE_2022)
    assert finding.provision == provision("6.5", 2022)


# --- 7.3: followed through to completion ------------------------------------------------


def test_complete_returns_a_new_value() -> None:
    r = _fix()
    done = r.complete(dt.date(2024, 6, 28))
    assert done.completed_on == dt.date(2024, 6, 28)
    assert r.completed_on is None


def test_complete_twice_is_refused() -> None:
    done = _fix().complete(dt.date(2024, 6, 28))
    with pytest.raises(InvalidRecord) as err:
        done.complete(dt.date(2024, 6, 29))
    assert str(err.value) == "on: the remedy was already completed on 2024-06-28"


def test_complete_needs_a_date() -> None:
    with pytest.raises(InvalidRecord) as err:
        _fix().complete("2024-06-28")  # type: ignore[arg-type]
    assert str(err.value) == "on: expected a datetime.date, not str"


def test_outstanding_until_completed() -> None:
    """7.3: a remedy is outstanding until the day it is completed."""
    done = _fix(completed_on=dt.date(2024, 6, 28))
    assert done.is_outstanding(dt.date(2024, 6, 27))
    assert not done.is_outstanding(dt.date(2024, 6, 28))


def test_overdue_only_after_by_when() -> None:
    """7.3: a remedy is overdue the day after its by_when while still outstanding."""
    r = _fix()
    assert not r.is_overdue(JULY_1)
    assert r.is_overdue(dt.date(2024, 7, 2))
    assert not r.complete(dt.date(2024, 7, 2)).is_overdue(dt.date(2024, 7, 3))
    assert not _fix(by_when=None).is_overdue(dt.date(2030, 1, 1))


def test_outstanding_and_overdue_keep_order() -> None:
    a = _fix(what="first")
    b = _fix(what="second", by_when=dt.date(2024, 8, 1))
    c = _fix(what="third", completed_on=dt.date(2024, 6, 1))
    sorry = Remedy(kind="apology", what="Sorry.")
    as_of = dt.date(2024, 7, 15)
    assert outstanding_remedies([a, b, c, sorry], as_of) == (a, b)
    assert overdue_remedies([a, b, c, sorry], as_of) == (a,)


def test_overdue_findings() -> None:
    """7.3: each remedy not followed through by its date is a finding with its due date."""
    as_of = dt.date(2024, 7, 15)
    assert overdue_remedy_findings([_fix(), _fix(by_when=dt.date(2024, 8, 1))], as_of) == (
        Finding(
            provision=P73,
            message="the remedy 'We will correct your rent account.' was due by 2024-07-01 "
            "and is not complete",
            on=as_of,
            due=JULY_1,
        ),
    )


def test_tracking_refuses_bad_input() -> None:
    with pytest.raises(InvalidRecord) as err:
        outstanding_remedies(_fix(), JULY_1)  # type: ignore[arg-type]
    assert str(err.value) == "remedies: expected an iterable of remedies, got Remedy"
    with pytest.raises(InvalidRecord) as err:
        overdue_remedies([_fix(), "pay"], JULY_1)  # type: ignore[list-item]
    assert str(err.value) == "remedies[1]: expected a Remedy, got str"
    with pytest.raises(InvalidRecord) as err:
        outstanding_remedies([], "today")  # type: ignore[arg-type]
    assert str(err.value) == "as_of: expected a datetime.date, not str"


@given(complete_remedies(), letter_dates)
def test_overdue_is_outstanding_and_past_its_date(r: Remedy, as_of: dt.date) -> None:
    """7.3: overdue implies outstanding, and a remedy given in the letter is never either."""
    if r.is_overdue(as_of):
        assert r.is_outstanding(as_of)
        assert r.by_when is not None
        assert as_of > r.by_when
    if r.given_in_letter:
        assert not r.is_outstanding(as_of)


@given(complete_remedies())
def test_complete_remedies_have_no_problems(r: Remedy) -> None:
    """7.3: the strategy's remedies say what and by when."""
    assert r.problems() == ()


# --- serialisation --------------------------------------------------------------------


def test_to_dict() -> None:
    r = Remedy(kind="financial", what="Pay.", by_when=JULY_1, amount=Decimal(150))
    assert r.to_dict() == {
        "kind": "financial",
        "what": "Pay.",
        "by_when": "2024-07-01",
        "amount": "150.00",
        "completed_on": None,
    }


@given(complete_remedies())
def test_round_trip(r: Remedy) -> None:
    assert Remedy.from_dict(r.to_dict()) == r


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "remedy: expected an object, got list"),
        ({"kind": "apology", "what": "x", "colour": 1}, "remedy: unknown field 'colour'"),
        ({"what": "x"}, "remedy.kind: missing required field"),
        ({"kind": "apology"}, "remedy.what: missing required field"),
        (
            {"kind": "financial", "what": "x", "amount": 150.0},
            "remedy.amount: expected the amount as a string such as '150.00', got float",
        ),
        (
            {"kind": "financial", "what": "x", "amount": "1.001"},
            (
                "remedy.amount: the amount must be in pounds and pence, at most 2 decimal places "
                "(got 1.001)"
            ),
        ),
        (
            {"kind": "apology", "what": "x", "by_when": "1 July"},
            "remedy.by_when: not an ISO date: '1 July'",
        ),
        (
            {"kind": "apology", "what": "x", "completed_on": 20240701},
            "remedy.completed_on: expected an ISO date string, got int",
        ),
        (
            {"kind": "gift", "what": "x"},
            (
                "remedy.kind: unknown kind of remedy 'gift' (known: "
                "apology, acknowledgement, explanation, action_on_delay, decision_changed, "
                "record_amended, financial, policy_change)"
            ),
        ),
    ],
)
def test_from_dict_refuses_bad_data(data: object, message: str) -> None:
    with pytest.raises(InvalidRecord) as err:
        Remedy.from_dict(data)
    assert str(err.value) == message


@attrs.frozen(kw_only=True)
class _TaggedRemedy(Remedy):
    """A landlord's remedy record with a field of its own."""

    tag: str = ""


def test_a_class_built_on_remedy_reads_its_own_fields_back() -> None:
    """7.1 and 7.3: a remedy is stored and read back whole; a class built on Remedy with a field
    of its own reads that field back too, and still refuses a field neither has."""
    r = _TaggedRemedy(kind="apology", what="A written apology.", by_when=JULY_1, tag="R-7")
    back = _TaggedRemedy.from_dict({**r.to_dict(), "tag": "R-7"})
    assert isinstance(back, _TaggedRemedy)
    assert (back, back.tag) == (r, "R-7")
    with pytest.raises(InvalidRecord) as err:
        _TaggedRemedy.from_dict({"kind": "apology", "what": "x", "colour": 1})
    assert str(err.value) == "remedy: unknown field 'colour'"
    with pytest.raises(InvalidRecord) as err:
        Remedy.from_dict({"kind": "apology", "what": "x", "tag": "R-7"})
    assert str(err.value) == "remedy: unknown field 'tag'"


@given(st.sampled_from(RemedyKind))
def test_every_kind_round_trips(kind: RemedyKind) -> None:
    amount = Decimal("1.00") if kind is RemedyKind.FINANCIAL else None
    r = Remedy(kind=kind, what="x", by_when=JULY_1, amount=amount)
    assert Remedy.from_dict(r.to_dict()) == r


def test_2022_remedy_done_without_saying_what_cites_6_1() -> None:
    """6.1 (2022), 7.1's counterpart: a remedy done that does not say what was done to put
    things right cites the 2022 number."""
    (finding,) = _fix(what=" ", completed_on=JULY_1).problems(CODE_2022)
    assert (finding.provision, finding.message) == (
        provision("6.1", 2022),
        "the remedy does not set out what was done to put things right",
    )
