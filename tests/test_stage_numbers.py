"""Stage names written with leading zeros: only a number above 2 is a stage after stage 2.

5.3: a complaints process has two stages; "stage 03" and "stage 0010" name a third or later
stage and are refused citing 5.3. A name whose number is 2 or less with leading zeros ("stage
002", "stage 00") is not taken for a later stage: it is refused as not a stage.
"""

from __future__ import annotations

import pytest

from complaintcode import InvalidRecord, ProvisionViolation, Stage, provision


@pytest.mark.parametrize("value", ["stage 03", "stage 0010", "stage 10", "stage 003"])
def test_a_number_above_2_with_leading_zeros_is_a_later_stage(value: str) -> None:
    """5.3: leading zeros do not hide a stage after stage 2."""
    with pytest.raises(ProvisionViolation) as caught:
        Stage.parse(value)
    assert caught.value.provision == provision("5.3")
    assert str(caught.value) == (
        f"5.3: a complaints process may not have more than two stages (got {value!r})"
    )


@pytest.mark.parametrize("value", ["stage 002", "stage02", "stage 00", "stage 000", "stage 01"])
def test_a_number_of_2_or_less_with_leading_zeros_is_not_a_later_stage(value: str) -> None:
    """5.3: a name whose number, without its leading zeros, is 2 or less is never refused as a
    stage after stage 2."""
    with pytest.raises(InvalidRecord) as caught:
        Stage.parse(value)
    assert str(caught.value) == f"not a stage: {value!r} (the stages are 1 and 2)"
