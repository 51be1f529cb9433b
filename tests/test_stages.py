"""Tests for complaintcode.stages: exactly two stages (5.2, 5.3), and nothing else."""

from __future__ import annotations

import enum

import pytest
from hypothesis import given

from complaintcode.errors import ComplaintCodeError, InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision
from complaintcode.stages import Stage
from strategies import non_stage_ints

BEFORE = "5.2: there is no stage before stage 1 ('stage 0', 'informal' or similar) (got {!r})"
AFTER = "5.3: a complaints process may not have more than two stages (got {!r})"


def test_exactly_two_members() -> None:
    """5.3: the enumeration has stage 1 and stage 2 and nothing else."""
    assert [(s.name, s.value) for s in Stage] == [("ONE", 1), ("TWO", 2)]
    assert issubclass(Stage, enum.IntEnum)
    assert (int(Stage.ONE), int(Stage.TWO)) == (1, 2)
    assert sorted([2, Stage.ONE]) == [Stage.ONE, 2]
    assert Stage.ONE < Stage.TWO


def test_str() -> None:
    assert (str(Stage.ONE), str(Stage.TWO)) == ("stage 1", "stage 2")
    assert f"respond at {Stage.TWO}" == "respond at stage 2"


# Every spelling the parser reads, grouped by the canonical key it squashes to.
STAGE_ONE_SPELLINGS = [
    Stage.ONE, 1,
    "1", " 1 ", "one", "One", "ONE",
    "stage1", "stage 1", "Stage 1", "STAGE 1", "stage_1", "stage-1", "  stage   1  ",
    "stageone", "stage one", "Stage One", "stage_one", "stage-one",
    "first", "First", "i", "I",
]  # fmt: skip
STAGE_TWO_SPELLINGS = [
    Stage.TWO, 2,
    "2", "two", "Two",
    "stage2", "stage 2", "Stage 2", "stage_2", "stage-2",
    "stagetwo", "stage two", "Stage Two", "stage-two",
    "second", "Second", "final", "Final", "FINAL", "ii", "II",
]  # fmt: skip


@pytest.mark.parametrize("value", STAGE_ONE_SPELLINGS, ids=repr)
def test_parse_stage_one(value: object) -> None:
    """5.2: stage 1 is the first stage, however it is spelt."""
    assert Stage.parse(value) is Stage.ONE


@pytest.mark.parametrize("value", STAGE_TWO_SPELLINGS, ids=repr)
def test_parse_stage_two(value: object) -> None:
    """6.10: stage 2 is the final stage, however it is spelt."""
    assert Stage.parse(value) is Stage.TWO


BEFORE_SPELLINGS = [
    0, -1, -2, -10**12,
    "0", "zero", "Zero",
    "stage0", "stage 0", "Stage 0", "stage_0", "stage-0",
    "stagezero", "stage zero",
    "informal", "Informal", "INFORMAL",
    "informalcomplaint", "informal complaint", "Informal Complaint",
    "informalstage", "informal stage", "informal-stage",
    "prestage", "pre-stage", "Pre Stage",
    "precomplaint", "pre-complaint",
    "prestage1", "pre-stage 1", "pre stage 1",
    "frontline", "front-line", "front line",
    "frontlineresolution", "front line resolution", "Front-line resolution",
    "earlyresolution", "early resolution", "Early_Resolution",
    "quickfix", "quick fix", "quick-fix",
]  # fmt: skip


@pytest.mark.parametrize("value", BEFORE_SPELLINGS, ids=repr)
def test_parse_refuses_a_stage_before_stage_1(value: object) -> None:
    """5.2: no stage 0, informal stage or similar named stage before stage 1."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse(value)
    assert info.value.provision == provision("5.2", 2024)
    assert str(info.value) == BEFORE.format(value)
    assert info.value.message == BEFORE.format(value).removeprefix("5.2: ")


AFTER_SPELLINGS = [
    3, 4, 10**12,
    "3", "three", "Three",
    "stage3", "stage 3", "Stage 3", "stage_3", "stage-3",
    "stagethree", "stage three", "Stage Three",
    "third", "Third", "iii", "III",
    "review", "Review", "panel", "Panel",
    "stage 4", "stage 10", "Stage 99", "stage 04", "4", "12",
]  # fmt: skip


@pytest.mark.parametrize("value", AFTER_SPELLINGS, ids=repr)
def test_parse_refuses_a_third_stage(value: object) -> None:
    """5.3: never more than two stages."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse(value)
    assert info.value.provision == provision("5.3", 2024)
    assert str(info.value) == AFTER.format(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "not a stage: True"),
        (False, "not a stage: False"),
        (None, "not a stage: None (the stages are 1 and 2)"),
        (1.0, "not a stage: 1.0 (the stages are 1 and 2)"),
        (2.0, "not a stage: 2.0 (the stages are 1 and 2)"),
        (1.5, "not a stage: 1.5 (the stages are 1 and 2)"),
        (b"1", "not a stage: b'1' (the stages are 1 and 2)"),
        ([1], "not a stage: [1] (the stages are 1 and 2)"),
        ("", "not a stage: '' (the stages are 1 and 2)"),
        ("stage", "not a stage: 'stage' (the stages are 1 and 2)"),
        ("1.0", "not a stage: '1.0' (the stages are 1 and 2)"),
        ("complaint", "not a stage: 'complaint' (the stages are 1 and 2)"),
        ("stage one and a half", "not a stage: 'stage one and a half' (the stages are 1 and 2)"),
    ],
    ids=repr,
)
def test_parse_refuses_what_is_not_a_stage(value: object, message: str) -> None:
    """Anything that is not a stage at all is an InvalidRecord (no provision to cite)."""
    with pytest.raises(InvalidRecord) as info:
        Stage.parse(value)
    assert not isinstance(info.value, ProvisionViolation)
    assert str(info.value) == message
    assert info.value.path is None


@pytest.mark.parametrize("value", ["-1", "-2", " -1", "stage -1", "stage -2", "Stage - 2"])
def test_parse_reads_a_minus_sign_as_a_stage_before_stage_1(value: str) -> None:
    """5.2: a negative stage number as text is refused as the integer is, not read as its digits."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse(value)
    assert str(info.value) == BEFORE.format(value)


@pytest.mark.parametrize("value", ["\u00b2", "stage \u00b2", "stage \u2463"])
def test_parse_of_a_digit_like_character_is_an_invalid_record(value: str) -> None:
    """Characters that look like digits but are not decimal digits (², ④) are not stages;
    the error is the library's InvalidRecord, not a bare ValueError from int()."""
    with pytest.raises(ComplaintCodeError) as info:
        Stage.parse(value)
    assert str(info.value) == f"not a stage: {value!r} (the stages are 1 and 2)"


def test_parse_reads_decimal_digits_of_other_scripts() -> None:
    """5.3: a third stage written in Arabic-Indic digits is still a third stage."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse("stage \u0663")
    assert info.value.provision.number == "5.3"


@given(non_stage_ints)
def test_every_other_integer_is_refused(n: int) -> None:
    """5.2 for any integer below 1, 5.3 for any above 2."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse(n)
    expected = BEFORE.format(n) if n < 1 else AFTER.format(n)
    assert str(info.value) == expected
    assert info.value.provision.number == ("5.2" if n < 1 else "5.3")


@given(non_stage_ints)
def test_every_other_integer_as_text_is_refused_alike(n: int) -> None:
    """5.2 / 5.3: "stage N" as text is refused under the same provision as N."""
    with pytest.raises(ProvisionViolation) as info:
        Stage.parse(f"stage {n}")
    assert info.value.provision.number == ("5.2" if n < 1 else "5.3")


@given(non_stage_ints)
def test_calling_the_enumeration_refuses_other_stages_as_parse_does(n: int) -> None:
    """5.2 / 5.3: ``Stage(n)`` is refused with the provision, never a bare ValueError."""
    with pytest.raises(ProvisionViolation) as info:
        Stage(n)
    assert str(info.value) == (BEFORE.format(n) if n < 1 else AFTER.format(n))


def test_calling_the_enumeration_reads_what_parse_reads() -> None:
    """5.2, 5.3: ``Stage(value)`` accepts exactly what :meth:`Stage.parse` accepts."""
    assert (Stage(1), Stage(2)) == (Stage.ONE, Stage.TWO)
    assert Stage("stage 2") is Stage.TWO  # type: ignore[arg-type]  # text, read as parse reads it
    with pytest.raises(InvalidRecord) as info:
        Stage("tier one")  # type: ignore[arg-type]  # the wrong input is the point
    assert str(info.value) == "not a stage: 'tier one' (the stages are 1 and 2)"


def test_calling_the_enumeration_by_keyword_refuses_as_parse_does() -> None:
    """5.2, 5.3: ``Stage(value=n)``, which the enumeration's own lookup reads, refuses a stage
    before stage 1 or a third stage with the provision and the value given, as ``Stage(n)``
    does."""
    assert Stage(value=2) is Stage.TWO
    with pytest.raises(ProvisionViolation) as info:
        Stage(value=3)
    assert str(info.value) == AFTER.format(3)
    with pytest.raises(ProvisionViolation) as info:
        Stage(value=0)
    assert str(info.value) == BEFORE.format(0)
    with pytest.raises(InvalidRecord) as invalid:
        Stage(value="tier one")  # type: ignore[arg-type]  # the wrong input is the point
    assert str(invalid.value) == "not a stage: 'tier one' (the stages are 1 and 2)"


def test_calling_the_enumeration_with_no_value_or_with_names() -> None:
    """5.3: only the two stages exist. ``Stage()`` names no stage and is refused as any call
    missing its argument is; ``Stage(3, "a b")`` asks the enumeration module to make new members,
    which it refuses for an enumeration that has members, before any stage is read."""
    with pytest.raises(TypeError, match=r"missing 1 required positional argument: 'value'"):
        Stage()  # type: ignore[call-arg]  # the missing value is the point
    with pytest.raises(TypeError, match=r"cannot extend <enum 'Stage'>"):
        Stage(3, "a b")  # type: ignore[call-arg]  # the wrong call is the point
