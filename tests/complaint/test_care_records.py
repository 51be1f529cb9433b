"""Reasonable adjustments (5.10) and restrictions on contact (5.14, 5.15) on a complaint's record.

5.10: adjustments agreed and disabilities disclosed are recorded, and adjustments are kept under
active review. 5.14: the reasons for a restriction are evidenced and restrictions are reviewed
regularly. 5.15: a restriction is proportionate and shows regard for the Equality Act 2010. The
2022 edition asks only for policies on these (2.5, 4.18), with 4.19 a "should" on restrictions.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint, TrackedAdjustment, TrackedRestriction
from complaintcode.complaint.events import (
    AdjustmentAgreed,
    AdjustmentReviewed,
    RestrictionImposed,
    RestrictionLifted,
    RestrictionReviewed,
    event_from_dict,
)
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from strategies import care_histories

D = dt.date
#: The provisions these records are audited against, in either edition.
CARE = frozenset({"5.10", "5.14", "5.15", "4.19"})
DEFINITION = ComplaintDefinition(
    understanding="Letters about the repair were sent in a print size the resident cannot read.",
    points=("the letters",),
    outcomes_sought=("letters in large print",),
    responsible_for=("letters we send",),
)


def received() -> Complaint:
    """A complaint received on Friday 3 May 2024, under the 2024 edition."""
    return Complaint.receive("C-1", received=D(2024, 5, 3))


def received_2022() -> Complaint:
    """A complaint received on Friday 1 March 2024, under the 2022 edition."""
    return Complaint.receive("C-2", received=D(2024, 3, 1))


def care(c: Complaint, as_of: dt.date) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    """The audit's findings on adjustments and restrictions: text, severity, on and due."""
    return [(str(f), f.severity, f.on, f.due) for f in c.audit(as_of) if f.provision.number in CARE]


#: The review dates of the adjustment and the restriction below.
ADJUSTMENT_REVIEW, RESTRICTION_REVIEW = D(2024, 6, 3), D(2024, 8, 5)


def with_adjustment(review_by: dt.date | None = ADJUSTMENT_REVIEW) -> Complaint:
    return received().agree_adjustment(
        D(2024, 5, 3),
        "A1",
        "Letters in large print",
        review_by=review_by,
        disability="Sight loss",
    )


def with_restriction(
    *,
    reasons: str | None = "Abusive phone calls to staff on 29 April and 2 May.",
    proportionality: str | None = "Email stays open; the resident's hearing loss was considered.",
    review_by: dt.date | None = RESTRICTION_REVIEW,
) -> Complaint:
    return received().restrict_contact(
        D(2024, 5, 7),
        "R1",
        "Contact by email only",
        reasons=reasons,
        proportionality=proportionality,
        review_by=review_by,
    )


# --- 5.10: adjustments recorded ---------------------------------------------------------------


def test_an_adjustment_and_the_disability_disclosed_are_recorded() -> None:
    """5.10: the record keeps the adjustment agreed, the disability disclosed and the review date."""
    c = with_adjustment()
    assert c.events[-1] == AdjustmentAgreed(
        on=D(2024, 5, 3),
        adjustment_id="A1",
        adjustment="Letters in large print",
        disability="Sight loss",
        review_by=D(2024, 6, 3),
    )
    assert c.adjustments == (
        TrackedAdjustment(
            adjustment_id="A1",
            adjustment="Letters in large print",
            disability="Sight loss",
            agreed_on=D(2024, 5, 3),
            review_by=D(2024, 6, 3),
            reviews=(),
            ended_on=None,
        ),
    )
    assert c.status == "received"
    assert care(c, D(2024, 6, 3)) == []


def test_no_adjustments_or_restrictions_by_default() -> None:
    """5.10, 5.14: a complaint with none recorded has none, and nothing to report."""
    c = received()
    assert (c.adjustments, c.restrictions) == ((), ())
    assert care(c, D(2024, 12, 31)) == []


def test_reviews_keep_and_end_an_adjustment() -> None:
    """5.10: each review is kept with its note; the next review date moves; an ended one is done."""
    c = with_adjustment().review_adjustment(
        D(2024, 6, 3), "A1", "Still needed.", next_review=D(2024, 9, 3)
    )
    assert c.adjustments[0].review_by == D(2024, 9, 3)
    c = c.review_adjustment(D(2024, 9, 2), "A1", "The resident has moved.", ended=True)
    assert c.adjustments[0] == TrackedAdjustment(
        adjustment_id="A1",
        adjustment="Letters in large print",
        disability="Sight loss",
        agreed_on=D(2024, 5, 3),
        review_by=None,
        reviews=((D(2024, 6, 3), "Still needed."), (D(2024, 9, 2), "The resident has moved.")),
        ended_on=D(2024, 9, 2),
    )
    assert care(c, D(2025, 12, 31)) == []


# --- 5.10: kept under review ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "overdue"),
    [(D(2024, 6, 2), False), (D(2024, 6, 3), False), (D(2024, 6, 4), True)],
    ids=["the day before", "due on the day", "the next day"],
)
def test_an_adjustment_review_is_overdue_from_the_day_after_its_date(
    as_of: dt.date, *, overdue: bool
) -> None:
    """5.10: kept under active review: a review due on 3 June is overdue from 4 June."""
    expected = [
        (
            (
                "5.10: the adjustment 'A1' (Letters in large print) was due for review on 2024-06-03 "
                f"and has not been reviewed (as of {as_of.isoformat()})"
            ),
            "breach",
            as_of,
            D(2024, 6, 3),
        )
    ]
    assert care(with_adjustment(), as_of) == (expected if overdue else [])


@pytest.mark.parametrize(
    ("reviewed", "late"),
    [(D(2024, 6, 3), False), (D(2024, 6, 4), True)],
    ids=["on the day", "the next day"],
)
def test_an_adjustment_reviewed_after_its_date_is_reported(
    reviewed: dt.date, *, late: bool
) -> None:
    """5.10: a review on its date is in time; the next day it came late, and the record says so."""
    c = with_adjustment().review_adjustment(
        reviewed, "A1", "Still needed.", next_review=D(2024, 12, 2)
    )
    expected = [
        (
            (
                "5.10: the adjustment 'A1' (Letters in large print) was reviewed on 2024-06-04, "
                "after its review date of 2024-06-03"
            ),
            "breach",
            D(2024, 6, 4),
            D(2024, 6, 3),
        )
    ]
    assert care(c, D(2024, 12, 2)) == (expected if late else [])


def test_an_adjustment_with_no_review_date_is_reported() -> None:
    """5.10: an adjustment left with no date for its review is not kept under review."""
    c = with_adjustment(review_by=None)
    assert care(c, D(2024, 5, 3)) == [
        (
            (
                "5.10: the adjustment 'A1' (Letters in large print) was recorded with no date for "
                "its review"
            ),
            "breach",
            D(2024, 5, 3),
            None,
        )
    ]


def test_a_review_that_keeps_an_adjustment_without_a_next_date_is_reported() -> None:
    """5.10: a review that keeps the adjustment but sets no next review leaves it unreviewed."""
    c = with_adjustment().review_adjustment(D(2024, 6, 3), "A1", "Still needed.")
    assert care(c, D(2025, 1, 1)) == [
        (
            (
                "5.10: the adjustment 'A1' (Letters in large print) was reviewed on 2024-06-03 "
                "with no date for its next review"
            ),
            "breach",
            D(2024, 6, 3),
            None,
        )
    ]


def test_an_adjustment_that_does_not_say_what_was_agreed_is_reported() -> None:
    """5.10: a record of an adjustment that does not say what it is keeps no record of it."""
    c = received().agree_adjustment(D(2024, 5, 3), "A1", "  ", review_by=D(2024, 6, 3))
    assert care(c, D(2024, 5, 3)) == [
        ("5.10: the adjustment 'A1' does not say what was agreed", "breach", D(2024, 5, 3), None)
    ]


def test_the_audit_reads_the_record_as_it_stood() -> None:
    """5.10: a review recorded after ``as_of`` does not count; one before it does."""
    c = with_adjustment().review_adjustment(
        D(2024, 6, 10), "A1", "Still needed.", next_review=D(2024, 9, 10)
    )
    assert [text for text, *_ in care(c, D(2024, 6, 5))] == [
        (
            "5.10: the adjustment 'A1' (Letters in large print) was due for review on 2024-06-03 "
            "and has not been reviewed (as of 2024-06-05)"
        )
    ]
    assert [text for text, *_ in care(c, D(2024, 9, 10))] == [
        (
            "5.10: the adjustment 'A1' (Letters in large print) was reviewed on 2024-06-10, after "
            "its review date of 2024-06-03"
        )
    ]


# --- 5.14 and 5.15: restrictions on contact -------------------------------------------------


def test_a_restriction_with_reasons_proportionality_and_a_review_date_is_clean() -> None:
    """5.14, 5.15: reasons, a statement of proportionality and a review date: nothing to report."""
    c = with_restriction()
    assert c.restrictions == (
        TrackedRestriction(
            restriction_id="R1",
            restriction="Contact by email only",
            reasons="Abusive phone calls to staff on 29 April and 2 May.",
            proportionality="Email stays open; the resident's hearing loss was considered.",
            imposed_on=D(2024, 5, 7),
            review_by=D(2024, 8, 5),
            reviews=(),
            lifted_on=None,
        ),
    )
    assert care(c, D(2024, 8, 5)) == []


@pytest.mark.parametrize("reasons", [None, "", "   "], ids=repr)
def test_a_restriction_without_reasons_is_recorded_and_reported(reasons: str | None) -> None:
    """5.14: the reasons for a restriction must be evidenced; a record without them still holds
    what happened (5.12), and the audit reports it."""
    c = with_restriction(reasons=reasons)
    assert c.restrictions[0].reasons == reasons
    assert care(c, D(2024, 5, 7)) == [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) records no reasons for putting "
                "it in place"
            ),
            "breach",
            D(2024, 5, 7),
            None,
        )
    ]


def test_a_restriction_without_reasons_loads_from_json_and_is_reported() -> None:
    """5.14: a stored restriction with blank reasons loads, and the audit reports it."""
    data = json.loads(with_restriction().to_json())
    data["events"][-1]["reasons"] = ""
    c = Complaint.from_dict(data)
    assert [f.code for f in c.audit(D(2024, 5, 7)) if f.provision.number in CARE] == ["5.14"]


@pytest.mark.parametrize("proportionality", [None, "", " "], ids=repr)
def test_a_restriction_with_no_statement_of_proportionality_is_a_breach(
    proportionality: str | None,
) -> None:
    """5.15: a restriction must be proportionate and show regard for the Equality Act 2010."""
    assert care(with_restriction(proportionality=proportionality), D(2024, 5, 7)) == [
        (
            (
                "5.15: the restriction 'R1' (Contact by email only) records no statement of why it "
                "is proportionate and of its regard for the Equality Act 2010"
            ),
            "breach",
            D(2024, 5, 7),
            None,
        )
    ]


def test_a_restriction_that_does_not_say_what_it_restricts_is_reported() -> None:
    """5.14: reasons can be evidenced only for a restriction the record names."""
    c = received().restrict_contact(
        D(2024, 5, 7),
        "R1",
        "",
        reasons="Abusive calls.",
        proportionality="Email stays open.",
        review_by=D(2024, 8, 5),
    )
    assert care(c, D(2024, 5, 7)) == [
        (
            "5.14: the restriction 'R1' does not say what contact it restricts",
            "breach",
            D(2024, 5, 7),
            None,
        )
    ]


def test_a_restriction_with_no_review_date_is_reported() -> None:
    """5.14: restrictions are kept under regular review: one with no review date is not."""
    assert care(with_restriction(review_by=None), D(2024, 5, 7)) == [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) was recorded with no date for "
                "its review"
            ),
            "breach",
            D(2024, 5, 7),
            None,
        )
    ]


@pytest.mark.parametrize(
    ("as_of", "overdue"),
    [(D(2024, 8, 5), False), (D(2024, 8, 6), True)],
    ids=["due on the day", "the next day"],
)
def test_a_restriction_review_is_overdue_from_the_day_after_its_date(
    as_of: dt.date, *, overdue: bool
) -> None:
    """5.14: kept under regular review: a review due on 5 August is overdue from 6 August."""
    expected = [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) was due for review on "
                f"2024-08-05 and has not been reviewed (as of {as_of.isoformat()})"
            ),
            "breach",
            as_of,
            D(2024, 8, 5),
        )
    ]
    assert care(with_restriction(), as_of) == (expected if overdue else [])


@pytest.mark.parametrize(
    ("reviewed", "late"),
    [(D(2024, 8, 5), False), (D(2024, 8, 6), True)],
    ids=["on the day", "the next day"],
)
def test_a_restriction_reviewed_after_its_date_is_reported(
    reviewed: dt.date, *, late: bool
) -> None:
    """5.14: a review on its date is in time; a day later it came late."""
    c = with_restriction().review_restriction(
        reviewed, "R1", "Calls still abusive.", next_review=D(2024, 11, 5)
    )
    assert c.restrictions[0].review_by == D(2024, 11, 5)
    expected = [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) was reviewed on 2024-08-06, "
                "after its review date of 2024-08-05"
            ),
            "breach",
            D(2024, 8, 6),
            D(2024, 8, 5),
        )
    ]
    assert care(c, D(2024, 11, 5)) == (expected if late else [])


def test_a_review_that_keeps_a_restriction_without_a_next_date_is_reported() -> None:
    """5.14: a restriction kept with no next review date is not kept under regular review."""
    c = with_restriction().review_restriction(D(2024, 8, 1), "R1", "Kept.", next_review=None)
    assert care(c, D(2025, 1, 1)) == [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) was reviewed on 2024-08-01 with "
                "no date for its next review"
            ),
            "breach",
            D(2024, 8, 1),
            None,
        )
    ]


@pytest.mark.parametrize(
    ("lifted", "late"),
    [(D(2024, 8, 5), False), (D(2024, 8, 6), True)],
    ids=["on the review date", "the day after it"],
)
def test_lifting_a_restriction_ends_its_reviews(lifted: dt.date, *, late: bool) -> None:
    """5.14: a lifted restriction needs no more review; lifted after its review date without the
    review, it went unreviewed for a time, which the audit reports."""
    c = with_restriction().lift_restriction(lifted, "R1", note="Behaviour has improved.")
    assert (c.restrictions[0].lifted_on, c.restrictions[0].review_by) == (lifted, None)
    assert c.events[-1] == RestrictionLifted(
        on=lifted, restriction_id="R1", note="Behaviour has improved."
    )
    expected = [
        (
            (
                "5.14: the restriction 'R1' (Contact by email only) was lifted on 2024-08-06 "
                "without the review due on 2024-08-05"
            ),
            "breach",
            D(2024, 8, 6),
            D(2024, 8, 5),
        )
    ]
    assert care(c, D(2025, 12, 31)) == (expected if late else [])


# --- the 2022 edition ---------------------------------------------------------------------------


def test_a_2022_complaint_gets_no_5_10_or_5_14_finding() -> None:
    """5.10, 5.14: the 2022 edition has no such record duty (its 2.5 and 4.18 ask for policies),
    so an adjustment or restriction never reviewed is not reported against a 2022 complaint."""
    c = received_2022().agree_adjustment(D(2024, 3, 1), "A1", "", review_by=None)
    c = c.agree_adjustment(D(2024, 3, 1), "A2", "Large print", review_by=D(2024, 3, 4))
    c = c.restrict_contact(
        D(2024, 3, 1),
        "R1",
        "",
        reasons=None,
        proportionality="Email stays open.",
        review_by=D(2024, 3, 4),
    )
    assert c.edition.year == 2022
    assert care(c, D(2024, 3, 5)) == []


def test_a_2022_restriction_with_no_statement_of_proportionality_is_a_warning() -> None:
    """4.19 (2022): restrictions *should* suit the resident's needs and respect the Equality Act
    2010: a "should", so a warning citing the 2022 edition's own number, never a breach."""
    c = received_2022().restrict_contact(
        D(2024, 3, 1), "R1", "Email only", reasons=None, proportionality=None, review_by=None
    )
    found = [f for f in c.audit(D(2024, 3, 1)) if f.provision.number in CARE]
    assert [(str(f), f.severity, f.provision.edition) for f in found] == [
        (
            (
                "4.19: the restriction 'R1' (Email only) records no statement of why it is "
                "proportionate and of its regard for the Equality Act 2010"
            ),
            "warning",
            2022,
        )
    ]


# --- what no record could hold ----------------------------------------------------------------


def test_an_identifier_is_used_once() -> None:
    """5.10, 5.14: each adjustment and restriction is named once, so its reviews are unambiguous."""
    with pytest.raises(InvalidRecord) as info:
        with_adjustment().agree_adjustment(D(2024, 5, 4), "A1", "Phone calls", review_by=None)
    assert str(info.value) == "adjustment_id: an adjustment 'A1' is recorded already"
    with pytest.raises(InvalidRecord) as info:
        with_restriction().restrict_contact(
            D(2024, 5, 8), "R1", "x", reasons=None, proportionality=None, review_by=None
        )
    assert str(info.value) == "restriction_id: a restriction 'R1' is recorded already"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda c: c.review_adjustment(D(2024, 6, 1), "A9", "x"),
            "adjustment_id: no adjustment 'A9' is recorded",
        ),
        (
            lambda c: c.review_restriction(D(2024, 6, 1), "R9", "x", next_review=None),
            "restriction_id: no restriction 'R9' is recorded",
        ),
        (
            lambda c: c.lift_restriction(D(2024, 6, 1), "R9"),
            "restriction_id: no restriction 'R9' is recorded",
        ),
        (
            lambda c: c.review_adjustment(D(2024, 6, 1), "A1", "x", ended=True).review_adjustment(
                D(2024, 6, 2), "A1", "y"
            ),
            "adjustment_id: the adjustment 'A1' was ended on 2024-06-01",
        ),
        (
            lambda c: c.lift_restriction(D(2024, 6, 1), "R1").lift_restriction(D(2024, 6, 2), "R1"),
            "restriction_id: the restriction 'R1' was lifted on 2024-06-01",
        ),
        (
            lambda c: c.lift_restriction(D(2024, 6, 1), "R1").review_restriction(
                D(2024, 6, 2), "R1", "x", next_review=None
            ),
            "restriction_id: the restriction 'R1' was lifted on 2024-06-01",
        ),
        (
            lambda c: c.review_adjustment(
                D(2024, 6, 1), "A1", "x", ended=True, next_review=D(2024, 9, 1)
            ),
            "next_review: an adjustment the review ended has no next review",
        ),
        (
            lambda c: c.agree_adjustment(D(2024, 6, 1), " ", "x", review_by=None),
            "adjustment_id: an identifier must not be blank",
        ),
        (
            lambda c: c.restrict_contact(
                D(2024, 6, 1), "", "x", reasons=None, proportionality=None, review_by=None
            ),
            "restriction_id: an identifier must not be blank",
        ),
        (
            lambda c: c.agree_adjustment(D(2024, 6, 1), "A2", None, review_by=None),
            "adjustment: expected text, got NoneType",
        ),
        (
            lambda c: c.agree_adjustment(D(2024, 6, 1), "A2", "x", review_by="2024-07-01"),
            "review_by: expected a datetime.date, not str",
        ),
        (
            lambda c: c.review_adjustment(D(2024, 6, 1), "A1", "x", ended="yes"),
            "ended: expected true or false, got str",
        ),
        (
            lambda c: c.review_restriction(D(2024, 5, 1), "R1", "x", next_review=None),
            (
                "on: 2024-05-01 is before the previous event (2024-05-07): dates must not run "
                "backwards"
            ),
        ),
    ],
    ids=[
        "review of an unknown adjustment",
        "review of an unknown restriction",
        "lifting an unknown restriction",
        "review after the adjustment ended",
        "lifting twice",
        "review after lifting",
        "ended with a next review",
        "blank adjustment identifier",
        "blank restriction identifier",
        "no adjustment text",
        "a review date that is not a date",
        "ended that is not a boolean",
        "a date running backwards",
    ],
)
def test_what_no_record_could_hold_is_refused(change: object, message: str) -> None:
    """5.10, 5.14: only a history no complaint could have is refused, with a clear error."""
    c = with_adjustment().restrict_contact(
        D(2024, 5, 7), "R1", "Email only", reasons=None, proportionality=None, review_by=None
    )
    with pytest.raises(InvalidRecord) as info:
        change(c)  # type: ignore[operator]
    assert str(info.value) == message


def test_a_stored_review_of_an_unknown_adjustment_names_the_event() -> None:
    """5.10: loading refuses a review of an adjustment never agreed, naming the event at fault."""
    data = json.loads(with_adjustment().review_adjustment(D(2024, 6, 3), "A1", "ok").to_json())
    data["events"][-1]["adjustment_id"] = "A2"
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_dict(data)
    assert str(info.value) == "events[2].adjustment_id: no adjustment 'A2' is recorded"


def test_adjustments_and_restrictions_can_be_recorded_in_any_state() -> None:
    """5.10, 5.14: they belong to the resident's contact with the landlord, not to one stage: they
    are recorded and reviewed after the complaint is closed, and stay in place until ended."""
    c = received().acknowledge(D(2024, 5, 7), "A. Khan", DEFINITION)
    c = c.respond(D(2024, 5, 20)).close(D(2024, 5, 21))
    c = c.agree_adjustment(D(2024, 5, 22), "A1", "Large print", review_by=D(2024, 6, 3))
    c = c.restrict_contact(
        D(2024, 5, 22),
        "R1",
        "Email only",
        reasons="Abusive calls.",
        proportionality="Email stays open.",
        review_by=D(2024, 6, 3),
    )
    assert c.status == "closed"
    assert [text for text, *_ in care(c, D(2024, 6, 4))] == [
        (
            "5.10: the adjustment 'A1' (Large print) was due for review on 2024-06-03 and has not "
            "been reviewed (as of 2024-06-04)"
        ),
        (
            "5.14: the restriction 'R1' (Email only) was due for review on 2024-06-03 and has not "
            "been reviewed (as of 2024-06-04)"
        ),
    ]


# --- JSON -----------------------------------------------------------------------------------


EVENTS = [
    AdjustmentAgreed(
        on=D(2024, 5, 3),
        adjustment_id="A1",
        adjustment="Large print",
        disability="Sight loss",
        review_by=D(2024, 6, 3),
    ),
    AdjustmentReviewed(on=D(2024, 6, 3), adjustment_id="A1", note="ok", ended=True),
    RestrictionImposed(
        on=D(2024, 5, 7),
        restriction_id="R1",
        restriction="Email only",
        reasons="",
        proportionality=None,
        review_by=None,
    ),
    RestrictionReviewed(
        on=D(2024, 8, 5), restriction_id="R1", note="kept", next_review=D(2024, 11, 5)
    ),
    RestrictionLifted(on=D(2024, 9, 1), restriction_id="R1", note=None),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.kind)
def test_each_event_round_trips_through_its_json_form(event: object) -> None:
    """5.12: each event is written and read back unchanged, its kind first."""
    data = event.to_dict()  # type: ignore[attr-defined]
    assert next(iter(data)) == "kind"
    assert event_from_dict(json.loads(json.dumps(data))) == event


def test_the_json_form_of_an_adjustment() -> None:
    """5.10: the fields of the JSON form, as documented."""
    assert EVENTS[0].to_dict() == {
        "kind": "adjustment_agreed",
        "on": "2024-05-03",
        "adjustment_id": "A1",
        "adjustment": "Large print",
        "disability": "Sight loss",
        "review_by": "2024-06-03",
    }
    assert RestrictionImposed(
        on=D(2024, 5, 7), restriction_id="R1", restriction="Email only"
    ).to_dict() == {
        "kind": "restriction_imposed",
        "on": "2024-05-07",
        "restriction_id": "R1",
        "restriction": "Email only",
        "reasons": None,
        "proportionality": None,
        "review_by": None,
    }


def test_a_stored_review_ended_with_a_next_review_is_refused() -> None:
    """5.10: an adjustment ended by a review has no next review; loading says which field."""
    with pytest.raises(InvalidRecord) as info:
        event_from_dict(
            {
                "kind": "adjustment_reviewed",
                "on": "2024-06-03",
                "adjustment_id": "A1",
                "note": "",
                "ended": True,
                "next_review": "2024-09-03",
            },
            path="events[4]",
        )
    assert (
        str(info.value)
        == "events[4].next_review: an adjustment the review ended has no next review"
    )


@given(care_histories())
def test_a_history_of_adjustments_and_restrictions_round_trips(c: Complaint) -> None:
    """5.10, 5.14, 5.15: any such history is written and read back losslessly, with the same
    derived records and the same findings."""
    back = Complaint.from_json(c.to_json())
    assert back == c
    assert (back.adjustments, back.restrictions) == (c.adjustments, c.restrictions)
    as_of = c.events[-1].on + dt.timedelta(days=30)
    assert back.audit(as_of) == c.audit(as_of)


@given(care_histories(), st.integers(min_value=0, max_value=200))
def test_a_review_is_overdue_exactly_when_its_date_has_passed(c: Complaint, days: int) -> None:
    """5.10, 5.14: for every adjustment and restriction still in place with a review date, the audit
    reports an overdue review exactly when ``as_of`` is after that date (under the 2024 edition;
    never under 2022's, which has no such duty)."""
    as_of = c.events[-1].on + dt.timedelta(days=days)
    texts = [str(f) for f in c.audit(as_of)]
    kept = [
        ("adjustment", "reasonable_adjustments", a.adjustment_id, a.review_by)
        for a in c.adjustments
    ] + [("restriction", "restrictions", r.restriction_id, r.review_by) for r in c.restrictions]
    for kind, rule, key, due in kept:
        reported = any(f"the {kind} {key!r}" in t and "has not been reviewed" in t for t in texts)
        in_force = c.edition.in_force(rule)
        assert reported is (in_force and due is not None and as_of > due)
