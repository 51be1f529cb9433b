"""The Housing Ombudsman's determination of a complaint referred to it, and its orders.

9.7: the Member Responsible for Complaints and the governing body receive the Ombudsman's
investigation outcomes and any orders. After ``refer_to_ombudsman`` the record holds the
determination (no maladministration, service failure, maladministration, severe
maladministration, partial maladministration, reasonable redress, mediation, outside jurisdiction,
withdrawn: the findings the Housing Ombudsman lists), its date and its orders, each tracked to
completion. The determination does not move the lifecycle, and the Code has no provision on
complying with the orders, so the audit reports none of them; the reports list them (9.7).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from complaintcode.complaint import Complaint, OmbudsmanRecord, TrackedOrder
from complaintcode.complaint.events import (
    Determination,
    OmbudsmanDetermined,
    OmbudsmanOrder,
    OrderCompleted,
    event_from_dict,
)
from complaintcode.errors import InvalidRecord
from strategies import ombudsman_histories

D = dt.date
DATA = Path(__file__).resolve().parents[2] / "src" / "complaintcode" / "data"
VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((DATA / "complaint.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)
PAY = OmbudsmanOrder(order_id="O1", description="Pay the resident £400", due=D(2025, 3, 3))
APOLOGISE = OmbudsmanOrder(order_id="O2", description="Apologise in writing", due=D(2025, 2, 17))


def final_response() -> Complaint:
    """Received Friday 3 May 2024; stage 1 answered, escalated, final response on 7 June."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3))
    c = c.respond(D(2024, 5, 10), handler="A. Khan").request_escalation(D(2024, 5, 13))
    return c.respond(D(2024, 6, 7), handler="B. Osei")


def referred() -> Complaint:
    return final_response().refer_to_ombudsman(D(2024, 7, 1))


def determined() -> Complaint:
    return referred().record_determination(
        D(2025, 2, 3), Determination.MALADMINISTRATION, orders=[PAY, APOLOGISE]
    )


# --- recording the determination -------------------------------------------------------------------


def test_the_determination_and_its_orders_are_recorded_after_the_referral() -> None:
    """9.7: the Ombudsman's outcome and orders are on the record, with their dates; the
    complaint stays referred to the Ombudsman."""
    c = determined()
    assert c.status == "referred_to_ombudsman"
    assert c.is_final
    assert c.ombudsman == OmbudsmanRecord(
        referred_on=D(2024, 7, 1),
        determined_on=D(2025, 2, 3),
        determination=Determination.MALADMINISTRATION,
        orders=(
            TrackedOrder(
                order_id="O1",
                description="Pay the resident £400",
                due=D(2025, 3, 3),
                completed_on=None,
                ordered_on=D(2025, 2, 3),
            ),
            TrackedOrder(
                order_id="O2",
                description="Apologise in writing",
                due=D(2025, 2, 17),
                completed_on=None,
                ordered_on=D(2025, 2, 3),
            ),
        ),
        determinations=((D(2025, 2, 3), Determination.MALADMINISTRATION),),
    )


def test_nothing_is_shown_before_a_determination() -> None:
    """9.7: a complaint never referred, or referred and awaiting the Ombudsman, has no record."""
    assert final_response().ombudsman is None
    assert referred().ombudsman is None


@pytest.mark.parametrize(
    ("state", "complaint"),
    [
        ("received", lambda: Complaint.receive("C-1", received=D(2024, 5, 3))),
        ("final response given", final_response),
        ("closed", lambda: final_response().close(D(2024, 6, 10))),
    ],
    ids=["received", "final response", "closed"],
)
def test_a_determination_before_the_referral_is_refused(state: str, complaint: Any) -> None:
    """9.7: a determination follows a referral to the Ombudsman; none could come before it."""
    with pytest.raises(InvalidRecord) as info:
        complaint().record_determination(D(2025, 2, 3), "service failure")
    assert str(info.value) == (
        "the Ombudsman's determination and orders are recorded once the complaint is referred "
        f"to the Ombudsman; it is {state}"
    )


def test_a_stored_determination_before_the_referral_names_its_event() -> None:
    """9.7: a stored history whose determination comes before any referral is refused, the
    error naming the event, not a field of it."""
    determination = referred().record_determination(D(2025, 2, 3), "service failure").events[-1]
    receipt = Complaint.receive("C-1", received=D(2024, 5, 3)).events[0]
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_events((receipt, determination))
    assert info.value.path == "events[1]"
    assert str(info.value) == (
        "events[1]: the Ombudsman's determination and orders are recorded once the complaint is "
        "referred to the Ombudsman; it is received"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no_maladministration", Determination.NO_MALADMINISTRATION),
        ("Service failure", Determination.SERVICE_FAILURE),
        ("severe-maladministration", Determination.SEVERE_MALADMINISTRATION),
        (" reasonable  redress ", Determination.REASONABLE_REDRESS),
        ("OUTSIDE_JURISDICTION", Determination.OUTSIDE_JURISDICTION),
    ],
    ids=repr,
)
def test_a_determination_is_read_from_its_text(text: str, expected: Determination) -> None:
    """9.7: the Ombudsman's findings are read in any case, with spaces, hyphens or underscores."""
    c = referred().record_determination(D(2025, 2, 3), text)
    assert c.ombudsman.determination is expected  # type: ignore[union-attr]
    assert expected == expected.value


def test_an_unknown_determination_is_refused_with_the_known_ones() -> None:
    """9.7: only the Housing Ombudsman's own findings are determinations."""
    with pytest.raises(InvalidRecord) as info:
        referred().record_determination(D(2025, 2, 3), "upheld")
    assert str(info.value) == (
        "determination: unknown determination 'upheld' (known: 'no_maladministration', "
        "'service_failure', 'maladministration', 'severe_maladministration', "
        "'partial_maladministration', 'reasonable_redress', 'mediation', 'outside_jurisdiction', "
        "'withdrawn')"
    )


@pytest.mark.parametrize(
    ("determination", "finds"),
    [
        ("no_maladministration", False),
        ("service_failure", True),
        ("maladministration", True),
        ("severe_maladministration", True),
        ("partial_maladministration", True),
        ("reasonable_redress", False),
        ("mediation", False),
        ("outside_jurisdiction", False),
        ("withdrawn", False),
    ],
)
def test_which_determinations_find_maladministration(determination: str, finds: bool) -> None:
    """9.7: service failure is a form of maladministration; reasonable redress is not a finding
    of it (the landlord had put things right)."""
    assert Determination(determination).finds_maladministration is finds
    assert len(Determination) == 9


def test_a_later_determination_is_the_one_in_force_and_every_order_is_kept() -> None:
    """9.7: a determination reviewed later is replaced by the new one; all orders are tracked."""
    later = OmbudsmanOrder(
        order_id="O3", description="Review the repairs policy", due=D(2025, 6, 2)
    )
    c = determined().record_determination(
        D(2025, 4, 1), "severe maladministration", orders=(later,)
    )
    record = c.ombudsman
    assert record is not None
    assert (record.determined_on, record.determination) == (
        D(2025, 4, 1),
        Determination.SEVERE_MALADMINISTRATION,
    )
    assert record.determinations == (
        (D(2025, 2, 3), Determination.MALADMINISTRATION),
        (D(2025, 4, 1), Determination.SEVERE_MALADMINISTRATION),
    )
    assert [(o.order_id, o.ordered_on) for o in record.orders] == [
        ("O1", D(2025, 2, 3)),
        ("O2", D(2025, 2, 3)),
        ("O3", D(2025, 4, 1)),
    ]


# --- orders ----------------------------------------------------------------------------------------


def test_orders_are_completed_and_overdue_from_the_day_after_their_date() -> None:
    """9.7: the orders outstanding and overdue; an order is due on its date, overdue the next day."""
    c = determined().complete_order(D(2025, 2, 14), "O2", note="Letter sent")
    record = c.ombudsman
    assert record is not None
    pay, apologise = record.orders
    assert (apologise.completed_on, apologise.note) == (D(2025, 2, 14), "Letter sent")
    assert [o.order_id for o in record.outstanding(D(2025, 2, 13))] == ["O1", "O2"]
    assert [o.order_id for o in record.outstanding(D(2025, 2, 14))] == ["O1"]
    assert (pay.is_overdue(D(2025, 3, 3)), pay.is_overdue(D(2025, 3, 4))) == (False, True)
    assert [o.order_id for o in record.overdue(D(2025, 3, 4))] == ["O1"]
    assert apologise.is_overdue(D(2025, 3, 4)) is False
    done_late = c.complete_order(D(2025, 3, 10), "O1").ombudsman
    assert done_late is not None
    assert done_late.overdue(D(2025, 3, 5))[0].order_id == "O1"
    assert done_late.overdue(D(2025, 3, 10)) == ()


def test_the_audit_reports_nothing_of_the_ombudsmans_orders() -> None:
    """9.7: the Code has no provision on complying with the Ombudsman's orders, so an overdue
    order is for the reports, not a finding of the audit."""
    assert determined().audit(D(2025, 6, 1)) == final_response().audit(D(2025, 6, 1))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda c: c.record_determination(D(2025, 2, 3), "maladministration", orders=[PAY, PAY]),
            "orders[1].order_id: the order 'O1' is given twice",
        ),
        (
            lambda c: c.record_determination(
                D(2025, 2, 3),
                "maladministration",
                orders=[OmbudsmanOrder(order_id="O9", description="Pay", due=D(2025, 2, 2))],
            ),
            (
                "orders[0].due: the order 'O9' is due on 2025-02-02, before the determination "
                "(2025-02-03)"
            ),
        ),
        (
            lambda c: c.record_determination(
                D(2025, 2, 3), "maladministration", orders=[PAY]
            ).record_determination(D(2025, 3, 3), "maladministration", orders=[PAY]),
            "orders[0].order_id: an order 'O1' was made by an earlier determination",
        ),
        (
            lambda c: c.record_determination(D(2025, 2, 3), "maladministration").complete_order(
                D(2025, 2, 4), "O1"
            ),
            "order_id: the Ombudsman made no order 'O1'",
        ),
        (
            lambda c: (
                c.record_determination(D(2025, 2, 3), "maladministration", orders=[PAY])
                .complete_order(D(2025, 2, 4), "O1")
                .complete_order(D(2025, 2, 5), "O1")
            ),
            "order_id: the order 'O1' was done on 2025-02-04",
        ),
        (
            lambda c: c.record_determination(D(2025, 2, 3), "maladministration", orders="O1"),
            "orders: expected a tuple of an OmbudsmanOrder, got str",
        ),
        (
            lambda c: c.record_determination(
                D(2025, 2, 3),
                "maladministration",
                orders=[OmbudsmanOrder(order_id=" ", description="Pay", due=D(2025, 3, 3))],
            ),
            "order_id: an identifier must not be blank",
        ),
    ],
    ids=[
        "an order twice",
        "due before the determination",
        "an order again",
        "no such order",
        "done twice",
        "not a list",
        "blank identifier",
    ],
)
def test_what_no_record_could_hold_is_refused(make: Any, message: str) -> None:
    """9.7: orders are named once, due on or after their determination, and done once."""
    with pytest.raises(InvalidRecord) as info:
        make(referred())
    assert str(info.value) == message


def test_a_stored_history_with_a_bad_order_names_the_event() -> None:
    """9.7: loading names the event at fault, like any other record."""
    events = (*referred().events, OrderCompleted(on=D(2025, 2, 4), order_id="O7"))
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_events(events)
    assert str(info.value) == "events[5].order_id: the Ombudsman made no order 'O7'"


# --- the JSON form ---------------------------------------------------------------------------------


def test_the_json_form_of_a_determination_and_a_completed_order() -> None:
    """9.7: the fields of the JSON form, as documented, valid against the schema."""
    c = determined().complete_order(D(2025, 2, 14), "O2")
    assert c.events[-2].to_dict() == {
        "kind": "ombudsman_determined",
        "on": "2025-02-03",
        "determination": "maladministration",
        "orders": [
            {"order_id": "O1", "description": "Pay the resident £400", "due": "2025-03-03"},
            {"order_id": "O2", "description": "Apologise in writing", "due": "2025-02-17"},
        ],
    }
    assert c.events[-1].to_dict() == {
        "kind": "order_completed",
        "on": "2025-02-14",
        "order_id": "O2",
        "note": None,
    }
    assert VALIDATOR.is_valid(c.to_dict())
    assert Complaint.from_json(c.to_json()) == c
    assert OmbudsmanDetermined(on=D(2025, 2, 3), determination="mediation").to_dict() == {
        "kind": "ombudsman_determined",
        "on": "2025-02-03",
        "determination": "mediation",
        "orders": [],
    }


def test_a_stored_determination_may_leave_out_its_orders_and_a_bad_one_names_its_path() -> None:
    """9.7: orders may be left out; an unknown determination names its field."""
    event = event_from_dict(
        {"kind": "ombudsman_determined", "on": "2025-02-03", "determination": "withdrawn"}
    )
    assert event == OmbudsmanDetermined(on=D(2025, 2, 3), determination=Determination.WITHDRAWN)
    with pytest.raises(InvalidRecord) as info:
        event_from_dict(
            {"kind": "ombudsman_determined", "on": "2025-02-03", "determination": "fine"},
            path="events[6]",
        )
    assert str(info.value).startswith("events[6].determination: unknown determination 'fine'")


@given(complaint=ombudsman_histories())
def test_any_determinations_and_orders_round_trip(complaint: Complaint) -> None:
    """9.7: any history of determinations and orders validates and reads back unchanged."""
    data = json.loads(complaint.to_json())
    assert VALIDATOR.is_valid(data)
    back = Complaint.from_dict(data)
    assert back == complaint
    assert back.ombudsman == complaint.ombudsman
    assert back.categories == complaint.categories
    assert back.tenure == complaint.tenure
    record = complaint.ombudsman
    if record is not None:
        made = [o.order_id for o in record.orders]
        assert len(made) == len(set(made))
        assert all(o.due >= o.ordered_on for o in record.orders)  # type: ignore[operator]
        assert record.determination is record.determinations[-1][1]


def test_the_notebook_view_shows_the_determination_and_its_orders() -> None:
    """9.7: the complaint's HTML lists the determination with each order and its due date."""
    shown = determined().complete_order(D(2025, 2, 14), "O2", note="Sent")._repr_html_()
    assert (
        "<tr><td>2025-02-03</td><td>ombudsman determined</td><td>determination: "
        "maladministration; orders: O1 (Pay the resident £400, due 2025-03-03), O2 (Apologise "
        "in writing, due 2025-02-17)</td></tr>"
    ) in shown
    assert (
        "<tr><td>2025-02-14</td><td>order completed</td><td>order id: O2; note: Sent</td></tr>"
        in shown
    )
