"""The lifecycle module's faces: the machine class loaded when asked for, its picture, and the
provision its guard cites under each edition.

5.3 (two stages, drawn with the moves that stay in their state) and 6.13 (2024) / 5.12 (2022):
the stage 2 handler.
"""

from __future__ import annotations

import pytest

from complaintcode import CODE_2022, ProvisionViolation, provision
from complaintcode.complaint import _machine, lifecycle


def test_the_picture_draws_the_extensions() -> None:
    """5.3: the Mermaid picture of the two stages draws the extension that keeps each stage
    where it is, labelled as the other moves are."""
    lines = lifecycle.lifecycle_mermaid().splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert [line for line in lines if line.endswith(": Extend")] == [
        "    stage_1 --> stage_1 : Extend",
        "    stage_2 --> stage_2 : Extend",
    ]
    assert "    stage_1 --> escalation_requested : Request escalation" in lines


def test_the_machine_class_is_loaded_when_asked_for() -> None:
    """5.3: the machine class is the module's ComplaintLifecycle, loaded on first use and kept;
    any other name is an AttributeError naming the module."""
    assert lifecycle.__getattr__("ComplaintLifecycle") is _machine.ComplaintLifecycle
    assert vars(lifecycle)["ComplaintLifecycle"] is _machine.ComplaintLifecycle
    with pytest.raises(AttributeError) as caught:
        lifecycle.__getattr__("Lifecycle")
    assert str(caught.value) == (
        "module 'complaintcode.complaint.lifecycle' has no attribute 'Lifecycle'"
    )


def test_dir_lists_the_public_names() -> None:
    """5.3: the module lists its public names, the lazily loaded class among them, in order."""
    names = dir(lifecycle)
    assert names == sorted(names)
    assert set(lifecycle.__all__) <= set(names)
    assert "ComplaintLifecycle" in names


def test_the_machine_cites_5_12_for_a_2022_complaint() -> None:
    """5.12 (2022): the machine's guard on the stage 2 handler cites the edition sent with the
    event."""
    machine = lifecycle.ComplaintLifecycle()
    machine.send("acknowledge", handler="Jo Bell")
    machine.send("respond")
    machine.send("request_escalation")
    with pytest.raises(ProvisionViolation) as caught:
        machine.send("acknowledge", handler="jo bell", stage_1_handler="Jo Bell", edition=CODE_2022)
    assert caught.value.provision == provision("5.12", 2022)
    assert str(caught.value) == (
        "5.12: the stage 2 handler must differ from the stage 1 handler ('jo bell' handled "
        "stage 1, recorded as 'Jo Bell')"
    )
