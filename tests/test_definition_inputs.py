"""The complaint definition's inputs: each refusal names the field at fault, and what the
definition lacks is read as 5.6 reads it.

5.6: a complaint definition sets out the landlord's understanding, the points of the complaint
and the outcomes the resident seeks, or the clarification asked for where they are unclear.
"""

from __future__ import annotations

from typing import Any

import pytest

from complaintcode import ComplaintDefinition, InvalidRecord


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"points": ["the tap", 5]}, "points[1]: expected text, got int"),
        ({"points": 5}, "points: expected a list of texts, got int"),
        (
            {"outcomes_sought": ["repair \ud800"]},
            (
                "outcomes_sought[0]: the text holds a lone surrogate ('\\ud800'), which cannot be "
                "written as UTF-8"
            ),
        ),
        (
            {"responsible_for": "repairs \udc00"},
            (
                "responsible_for: the text holds a lone surrogate ('\\udc00'), which cannot be "
                "written as UTF-8"
            ),
        ),
        (
            {"understanding": "The tap \ud800"},
            (
                "understanding: the text holds a lone surrogate ('\\ud800'), which cannot be "
                "written as UTF-8"
            ),
        ),
    ],
)
def test_a_bad_field_is_named(fields: dict[str, Any], message: str) -> None:
    """5.6: a definition made with a text that is not one, or that no file can hold, is
    refused naming the field (and the position in a list)."""
    with pytest.raises(InvalidRecord) as caught:
        ComplaintDefinition(
            **({"understanding": "The tap leaks.", "points": ("the tap",)} | fields)
        )
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("outcomes", "clarification", "problem"),
    [
        (("repair the tap",), (), False),
        ((), ("Which tap do you mean?",), False),
        (("repair the tap",), ("Which tap do you mean?",), False),
        ((" ",), ("",), True),
    ],
)
def test_outcomes_or_clarification(
    outcomes: tuple[str, ...], clarification: tuple[str, ...], problem: bool
) -> None:
    """5.6: a definition needs the outcomes sought or, where they are unclear, the
    clarification asked for; either one is enough."""
    definition = ComplaintDefinition(
        understanding="The tap leaks.",
        points=("the tap",),
        outcomes_sought=outcomes,
        clarification_sought=clarification,
    )
    expected = ["the complaint definition states no outcome sought and asks no clarification"]
    assert [p.message for p in definition.problems()] == (expected if problem else [])
