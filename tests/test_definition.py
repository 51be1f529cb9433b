"""Tests for complaintcode.definition: the complaint definition of 5.6 and 5.7."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given

from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision
from strategies import complaint_definitions

P56 = provision("5.6", 2024)
NO_UNDERSTANDING = "the complaint definition does not set out our understanding of the complaint"
NO_POINTS = "the complaint definition lists no point of complaint"
NO_OUTCOME = "the complaint definition states no outcome sought and asks no clarification"


def full(**changes: Any) -> ComplaintDefinition:
    values: dict[str, Any] = {
        "understanding": "The kitchen tap has leaked since March; two repair visits were missed.",
        "points": ("the leaking tap", "the missed appointments"),
        "outcomes_sought": ("repair the tap", "compensation for the missed visits"),
        "responsible_for": ("repairs to the tap",),
        "not_responsible_for": ("the water supply, which is the water company's",),
        "clarification_sought": ("Which days were you at home?",),
    }
    values.update(changes)
    return ComplaintDefinition(**values)


# --- problems (5.6) -----------------------------------------------------------------------------


def test_complete_definition_has_no_problems() -> None:
    assert full().problems() == ()


def test_minimal_complete_definitions() -> None:
    """5.6: an outcome sought, or a clarification asked, is enough for the third part."""
    assert ComplaintDefinition(understanding="u", points="p", outcomes_sought="o").problems() == ()
    assert (
        ComplaintDefinition(understanding="u", points="p", clarification_sought="c?").problems()
        == ()
    )


@pytest.mark.parametrize(
    ("changes", "messages"),
    [
        pytest.param({"understanding": ""}, [NO_UNDERSTANDING], id="no-understanding"),
        pytest.param({"understanding": " \n\t "}, [NO_UNDERSTANDING], id="blank-understanding"),
        pytest.param({"points": ()}, [NO_POINTS], id="no-points"),
        pytest.param({"points": ("", "  ")}, [NO_POINTS], id="blank-points"),
        pytest.param({"outcomes_sought": (), "clarification_sought": ()}, [NO_OUTCOME], id="no-outcome-no-clarification"),
        pytest.param({"outcomes_sought": (" ",), "clarification_sought": ("",)}, [NO_OUTCOME], id="blank-outcome-and-clarification"),
        pytest.param({"outcomes_sought": ()}, [], id="clarification-without-outcome"),
        pytest.param({"clarification_sought": ()}, [], id="outcome-without-clarification"),
        pytest.param({"responsible_for": (), "not_responsible_for": ()}, [], id="responsibility-is-not-checked"),
        pytest.param({"points": ("", "the tap")}, [], id="one-real-point-is-enough"),
        pytest.param({"understanding": "", "points": (), "outcomes_sought": (), "clarification_sought": ()}, [NO_UNDERSTANDING, NO_POINTS, NO_OUTCOME], id="empty"),
    ],
)  # fmt: skip
def test_problems(changes: dict[str, Any], messages: list[str]) -> None:
    """5.6: each missing part of the definition is one breach finding, in a fixed order."""
    found = full(**changes).problems()
    assert found == tuple(Finding(provision=P56, message=m) for m in messages)
    assert [str(f) for f in found] == [f"5.6: {m}" for m in messages]
    assert all(f.severity == "breach" and f.item is None for f in found)


# --- converters and validators --------------------------------------------------------------------


@pytest.mark.parametrize(
    "field", ["points", "outcomes_sought", "responsible_for", "not_responsible_for", "clarification_sought"]
)  # fmt: skip
def test_a_single_text_becomes_a_one_tuple(field: str) -> None:
    d = full(**{field: "the leaking tap"})
    assert getattr(d, field) == ("the leaking tap",)


def test_lists_become_tuples() -> None:
    d = ComplaintDefinition(understanding="u", points=["a", "b"], outcomes_sought=["o"])
    assert (d.points, d.outcomes_sought) == (("a", "b"), ("o",))
    assert d == ComplaintDefinition(understanding="u", points=("a", "b"), outcomes_sought=("o",))


def test_defaults() -> None:
    d = ComplaintDefinition(understanding="u", points=("p",))
    assert (
        d.outcomes_sought,
        d.responsible_for,
        d.not_responsible_for,
        d.clarification_sought,
    ) == ((), (), (), ())


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        (["a", 1], "[1]", "expected text, got int"),
        (("a", "b", None), "[2]", "expected text, got NoneType"),
        ([b"a"], "[0]", "expected text, got bytes"),
        (5, "", "expected a list of texts, got int"),
        (None, "", "expected a list of texts, got NoneType"),
        ({"a"}, "", "expected a list of texts, got set"),
        ({"a": "b"}, "", "expected a list of texts, got dict"),
    ],
)
def test_bad_texts(value: object, path: str, message: str) -> None:
    """5.6 and 5.7: every list of texts of a definition (points, outcomes sought, clarification
    sought, what the landlord is and is not responsible for) holds only text; the path names the
    field and the bad item's index."""
    for field in (
        "points",
        "outcomes_sought",
        "clarification_sought",
        "responsible_for",
        "not_responsible_for",
    ):
        with pytest.raises(InvalidRecord) as info:
            full(**{field: value})
        assert (info.value.path, info.value.message) == (field + path, message)


@pytest.mark.parametrize(("value", "name"), [(None, "NoneType"), (5, "int"), (["u"], "list")])
def test_understanding_must_be_text(value: object, name: str) -> None:
    with pytest.raises(InvalidRecord) as info:
        full(understanding=value)
    assert str(info.value) == f"understanding: expected text, got {name}"


def test_frozen() -> None:
    d = full()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.points = ()  # type: ignore[misc]


# --- to_dict / from_dict -------------------------------------------------------------------------


def test_to_dict() -> None:
    assert full().to_dict() == {
        "understanding": "The kitchen tap has leaked since March; two repair visits were missed.",
        "points": ["the leaking tap", "the missed appointments"],
        "outcomes_sought": ["repair the tap", "compensation for the missed visits"],
        "responsible_for": ["repairs to the tap"],
        "not_responsible_for": ["the water supply, which is the water company's"],
        "clarification_sought": ["Which days were you at home?"],
    }


def test_from_dict_needs_only_understanding_and_points() -> None:
    d = ComplaintDefinition.from_dict({"understanding": "u", "points": ["p"]})
    assert d == ComplaintDefinition(understanding="u", points=("p",))


def test_from_dict_reads_a_stored_definition_strictly() -> None:
    """5.6: a stored list of points is a list, even of one; a single text is how a person
    types it to the constructor, not how ``to_dict`` writes it."""
    with pytest.raises(InvalidRecord) as err:
        ComplaintDefinition.from_dict({"understanding": "u", "points": "p"})
    assert str(err.value) == "definition.points: expected a list of texts, got str"
    assert ComplaintDefinition(understanding="u", points="p").points == ("p",)


@given(complaint_definitions)
def test_round_trip(d: ComplaintDefinition) -> None:
    """to_dict() is JSON, and from_dict() rebuilds the same definition from it."""
    data = d.to_dict()
    assert ComplaintDefinition.from_dict(data) == d
    assert ComplaintDefinition.from_dict(json.loads(json.dumps(data))) == d


@given(complaint_definitions)
def test_problems_are_all_5_6(d: ComplaintDefinition) -> None:
    """5.6: a definition's problems all cite 5.6, one for each missing part."""
    expected = [
        not d.understanding.strip(),
        not any(p.strip() for p in d.points),
        not any(t.strip() for t in d.outcomes_sought + d.clarification_sought),
    ]
    assert [f.provision for f in d.problems()] == [P56] * sum(expected)


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        pytest.param(None, "definition", "expected an object, got NoneType", id="none"),
        pytest.param(["u", "p"], "definition", "expected an object, got list", id="list"),
        pytest.param("u", "definition", "expected an object, got str", id="str"),
        pytest.param({"points": ["p"]}, "definition.understanding", "missing required field", id="missing-understanding"),
        pytest.param({"understanding": "u"}, "definition.points", "missing required field", id="missing-points"),
        pytest.param({"understanding": "u", "points": [], "summary": "s"}, "definition", "unknown field 'summary'", id="unknown-field"),
        pytest.param({"understanding": "u", "points": [], "zz": 1, "aa": 2}, "definition", "unknown field 'aa'", id="first-unknown-field"),
        pytest.param({"understanding": 5, "points": []}, "definition.understanding", "expected text, got int", id="understanding-int"),
        pytest.param({"understanding": "u", "points": ["a", 2]}, "definition.points[1]", "expected text, got int", id="points-item"),
        pytest.param({"understanding": "u", "points": 7}, "definition.points", "expected a list of texts, got int", id="points-int"),
        pytest.param({"understanding": "u", "points": [], "outcomes_sought": [None]}, "definition.outcomes_sought[0]", "expected text, got NoneType", id="outcomes-item"),
        pytest.param({"understanding": "u", "points": [], "clarification_sought": {"q": 1}}, "definition.clarification_sought", "expected a list of texts, got dict", id="clarification-dict"),
    ],
)  # fmt: skip
def test_from_dict_bad_input(data: object, path: str, message: str) -> None:
    """Bad input names the field at fault, under the path given."""
    with pytest.raises(InvalidRecord) as info:
        ComplaintDefinition.from_dict(data)
    assert (info.value.path, info.value.message) == (path, message)
    with pytest.raises(InvalidRecord) as info:
        ComplaintDefinition.from_dict(data, path="events[3].definition")
    assert info.value.path == "events[3].definition" + path.removeprefix("definition")


def test_from_dict_with_keys_that_are_not_text() -> None:
    """A non-text field name is an unknown field, reported as an InvalidRecord (never a
    TypeError from sorting names of mixed types)."""
    with pytest.raises(InvalidRecord) as info:
        ComplaintDefinition.from_dict({"understanding": "u", "points": [], 1: "x"})
    assert (info.value.path, info.value.message) == ("definition", "unknown field 1")
    with pytest.raises(InvalidRecord) as info:
        ComplaintDefinition.from_dict({"understanding": "u", "points": [], 1: "x", "zz": "y"})
    assert info.value.path == "definition"
    assert info.value.message.startswith("unknown field ")
