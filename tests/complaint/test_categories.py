"""What a complaint is about, and the tenure of the home: the facts reports count by.

9.7: the Member Responsible for Complaints and the governing body receive regular information on
the volume, categories and outcomes of complaints. A complaint carries categories from the
landlord's own list (``DEFAULT_CATEGORIES`` is a starting list). The Tenant Satisfaction Measures
CH01 and CH02 are published for low-cost rental and low-cost home ownership apart, so a complaint
may carry its tenure.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from complaintcode.complaint import DEFAULT_CATEGORIES, TENURES, Complaint
from complaintcode.complaint._categories import categories
from complaintcode.complaint.events import Received, event_from_dict
from complaintcode.errors import InvalidRecord
from strategies import category_lists, tenures

D = dt.date
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "src" / "complaintcode" / "data"
SCHEMA: dict[str, Any] = json.loads(
    (SCHEMA_PATH / "complaint.schema.json").read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def receive(**fields: Any) -> Complaint:
    return Complaint.receive("C-1", received=D(2024, 5, 3), **fields)


# --- categories ------------------------------------------------------------------------------------


def test_categories_are_trimmed_and_kept_once_in_their_first_spelling() -> None:
    """9.7: categories count complaints by what they are about, so each is kept once (compared
    without case), trimmed, in the order given."""
    c = receive(categories=[" repairs", "Damp and mould ", "REPAIRS", "damp AND mould", "noise"])
    assert c.categories == ("repairs", "Damp and mould", "noise")
    assert c.receipt.categories == c.categories


def test_one_category_may_be_given_as_text_and_none_is_the_default() -> None:
    """9.7: a single category is one text; a complaint without categories has none."""
    assert receive(categories="anti-social behaviour").categories == ("anti-social behaviour",)
    assert receive().categories == ()
    assert receive().tenure is None


@pytest.mark.parametrize(
    ("categories", "path", "message"),
    [
        (["repairs", "  "], "categories[1]", "a category must not be blank"),
        ([""], "categories[0]", "a category must not be blank"),
        (["repairs", 3], "categories[1]", "expected a category as text, got int"),
        (
            ["repairs", "damp \ud800"],
            "categories[1]",
            "the text holds a lone surrogate ('\\ud800'), which cannot be written as UTF-8",
        ),
        (7, "categories", "expected the categories as a list of text, got int"),
        ({"repairs"}, "categories", "expected the categories as a list of text, got set"),
    ],
    ids=["blank", "empty", "a number", "a lone surrogate", "not a list", "a set"],
)
def test_a_category_that_is_not_text_or_is_blank_is_refused(
    categories: object, path: str, message: str
) -> None:
    """9.7: a category is text naming what the complaint is about; the error names its place."""
    with pytest.raises(InvalidRecord) as info:
        receive(categories=categories)
    assert (info.value.path, info.value.message) == (path, message)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ((), ()),
        (("repairs",), ("repairs",)),
        ((" repairs",), ("repairs",)),
        (("repairs\t",), ("repairs",)),
        (("répairs ",), ("répairs",)),
        (("répairs",), ("répairs",)),
        (("\u00a0repairs",), ("repairs",)),
        (["repairs"], ("repairs",)),
        (("repairs", "Repairs"), ("repairs",)),
    ],
    ids=[
        "none",
        "one",
        "led by a space",
        "ending in a tab",
        "not ASCII, trimmed",
        "not ASCII",
        "a no-break space",
        "a list",
        "two",
    ],
)
def test_one_category_or_none_is_read_as_any_list_is(given: Any, kept: tuple[str, ...]) -> None:
    """9.7: a tuple of one category already trimmed is kept as it is; any other is trimmed."""
    assert categories(given) == kept
    assert type(categories(given)) is tuple
    # Only a tuple of none, or of one category trimmed and in ASCII, is given back as it is.
    assert (categories(given) is given) == (type(given) is tuple and given in ((), ("repairs",)))


@pytest.mark.parametrize(
    "given", [("",), (" ",), (7,), ("\ud800",)], ids=["empty", "blank", "a number", "a surrogate"]
)
def test_one_category_that_is_blank_or_not_text_is_refused(given: tuple[object, ...]) -> None:
    """9.7: the single category's own checks are those of any list."""
    with pytest.raises(InvalidRecord) as info:
        categories(given)
    assert info.value.path == "categories[0]"


def test_the_default_list_starts_with_the_common_five() -> None:
    """9.7: the documented starting list names the categories most reports use first."""
    assert DEFAULT_CATEGORIES[:5] == (
        "repairs",
        "damp and mould",
        "anti-social behaviour",
        "staff conduct",
        "communication",
    )
    assert len(DEFAULT_CATEGORIES) == len({c.casefold() for c in DEFAULT_CATEGORIES}) == 12
    assert receive(categories=list(DEFAULT_CATEGORIES)).categories == DEFAULT_CATEGORIES


# --- tenure ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("tenure", TENURES)
def test_the_two_tenures_of_the_measures(tenure: str) -> None:
    """CH01 and CH02 by tenure: low-cost rental and low-cost home ownership."""
    assert TENURES == ("low_cost_rental", "low_cost_home_ownership")
    assert receive(tenure=tenure).tenure == tenure


@pytest.mark.parametrize(
    "tenure", ["Low cost rental", "shared ownership", "", 1, "low_cost_rental "], ids=repr
)
def test_any_other_tenure_is_refused(tenure: object) -> None:
    """CH01 and CH02 are reported for the two tenures only; anything else is refused, clearly."""
    with pytest.raises(InvalidRecord) as info:
        receive(tenure=tenure)
    assert str(info.value) == (
        f"tenure: the tenure is 'low_cost_rental' or 'low_cost_home_ownership', not {tenure!r}"
    )


# --- the JSON form ---------------------------------------------------------------------------------


def test_the_fields_are_written_only_when_set() -> None:
    """9.7: a receipt with categories and a tenure writes both; one without them is written
    exactly as before the fields existed."""
    c = receive(categories=["repairs", "communication"], tenure="low_cost_home_ownership")
    data = c.to_dict()
    assert data["events"][0]["categories"] == ["repairs", "communication"]
    assert data["events"][0]["tenure"] == "low_cost_home_ownership"
    assert VALIDATOR.is_valid(data)
    assert Complaint.from_dict(data) == c
    plain = receive().to_dict()["events"][0]
    assert "categories" not in plain
    assert "tenure" not in plain
    assert list(plain) == [
        "kind",
        "on",
        "reference",
        "channel",
        "complainant",
        "representative",
        "issue_occurred",
        "became_aware",
        "received_at",
        "summary",
    ]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        (
            "tenure",
            "leasehold",
            (
                "events[0].tenure: the tenure is 'low_cost_rental' or "
                "'low_cost_home_ownership', not 'leasehold'"
            ),
        ),
        ("categories", ["repairs", " "], "events[0].categories[1]: a category must not be blank"),
        ("categories", "repairs", "events[0].categories: expected an array, got str"),
    ],
    ids=["tenure", "blank category", "not an array"],
)
def test_bad_stored_fields_fail_the_schema_and_the_loader(
    field: str, value: object, error: str
) -> None:
    """9.7: stored data is checked as new data is, and the error names the field's path."""
    data = receive().to_dict()
    data["events"][0][field] = value
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(InvalidRecord) as info:
        Complaint.from_dict(data)
    assert str(info.value) == error


@given(categories=category_lists, tenure=tenures)
def test_any_categories_and_tenure_round_trip(categories: list[str], tenure: str | None) -> None:
    """9.7: categories are kept once each, none blank, and the receipt reads back unchanged."""
    c = Complaint.receive("C-1", received=D(2024, 5, 3), categories=categories, tenure=tenure)
    kept = c.categories
    assert all(k == k.strip() and k for k in kept)
    assert len({k.casefold() for k in kept}) == len(kept)
    assert {k.casefold() for k in kept} == {g.strip().casefold() for g in categories}
    assert Received(on=c.received, reference="C-1", categories=kept).categories == kept
    event = c.events[0]
    assert event_from_dict(json.loads(json.dumps(event.to_dict()))) == event
    assert VALIDATOR.is_valid(c.to_dict())
    assert Complaint.from_json(c.to_json()) == c


def test_the_notebook_view_lists_the_categories_and_the_tenure() -> None:
    """9.7: the complaint's HTML shows its categories as a list of words, and its tenure."""
    c = receive(categories=["repairs", "communication"], tenure="low_cost_rental")
    assert (
        "<td>reference: C-1; categories: repairs, communication; tenure: low_cost_rental</td>"
        in c._repr_html_()
    )
