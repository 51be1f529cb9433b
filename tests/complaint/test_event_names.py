"""The Housing Ombudsman's determinations read from their names, however they are spaced.

9.7 (2024): a determination recorded after a referral is read from its name with any mix of
spaces, hyphens and underscores between its words.
"""

from __future__ import annotations

import pytest

from complaintcode.complaint.events import Determination


@pytest.mark.parametrize(
    "name",
    [
        "severe_maladministration",
        "Severe maladministration",
        "severe-maladministration",
        "Severe _maladministration",
        "severe__maladministration",
        " severe - maladministration ",
    ],
)
def test_a_determination_however_spaced(name: str) -> None:
    """9.7: the words of a determination's name may be joined by spaces, hyphens or
    underscores, one or several."""
    assert Determination.parse(name) is Determination.SEVERE_MALADMINISTRATION
