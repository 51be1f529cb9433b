"""Tests for complaintcode.editions: the two editions of the Code as data.

The 2024 edition governs complaints received from 1 April 2024 and the 2022 edition those
received before; each holds its timescales (6.2, 6.3, 6.4, 6.11, 6.14, 6.15 / 4.1, 5.1, 5.13),
its exclusion time limit (2.3 / 1.8) and the number under which it states each rule.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from complaintcode.editions import (
    CITATION_KEYS,
    CODE_2022,
    CODE_2024,
    EDITIONS_BY_YEAR,
    Edition,
    StageTimescales,
    edition_by_year,
    edition_for,
)
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.provisions import provision
from complaintcode.stages import Stage

D = dt.date

# --- choosing the edition ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (D(2024, 3, 31), CODE_2022),  # the last day of the 2022 edition
        (D(2024, 4, 1), CODE_2024),  # the first day of the statutory 2024 edition
        (D(2024, 4, 2), CODE_2024),
        (D(2024, 3, 1), CODE_2022),
        (D(2022, 4, 1), CODE_2022),
        (D(1990, 1, 1), CODE_2022),  # no older edition is modelled
        (D(2040, 12, 31), CODE_2024),
    ],
    ids=str,
)
def test_edition_for(received: D, expected: Edition) -> None:
    """The 2024 Code applies to complaints received on or after 1 April 2024."""
    assert edition_for(received) is expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-04-01", "received: expected a date, got str"),
        (None, "received: expected a date, got NoneType"),
        (20240401, "received: expected a date, got int"),
    ],
)
def test_edition_for_refuses_non_dates(value: object, message: str) -> None:
    with pytest.raises(InvalidRecord) as info:
        edition_for(value)  # type: ignore[arg-type]
    assert (str(info.value), info.value.path) == (message, "received")


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2024, 4, 1, 0, 0, tzinfo=dt.UTC),
        dt.datetime(2024, 3, 31, 23, 59, tzinfo=dt.UTC),
    ],
    ids=str,
)
def test_edition_for_refuses_a_datetime(value: dt.datetime) -> None:
    """A datetime is refused as the deadline calculators refuse it, not with a bare TypeError."""
    with pytest.raises(InvalidRecord) as info:
        edition_for(value)
    assert str(info.value) == "received: expected a date, got a datetime (pass its .date())"


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, CODE_2024), (2022, CODE_2022), ("2024", CODE_2024), ("2022", CODE_2022), (" 2022 ", CODE_2022)],
    ids=repr,
)  # fmt: skip
def test_edition_by_year(year: object, expected: Edition) -> None:
    assert edition_by_year(year) is expected


@pytest.mark.parametrize(
    "year", [2023, 2025, 2018, "2023", "", "twenty24", None, True, [2024]], ids=repr
)
def test_edition_by_year_refuses_unknown_editions(year: object) -> None:
    with pytest.raises(InvalidRecord) as info:
        edition_by_year(year)
    assert str(info.value) == f"unknown edition of the Code {year!r} (known: 2024, 2022)"
    assert info.value.path is None


def test_editions_by_year() -> None:
    assert EDITIONS_BY_YEAR == {2024: CODE_2024, 2022: CODE_2022}
    assert list(EDITIONS_BY_YEAR) == [2024, 2022]


# --- the editions' data ------------------------------------------------------------------------


def test_code_2024() -> None:
    """6.2, 6.3, 6.4 (stage 1), 6.11, 6.14, 6.15 (stage 2) and 2.3 (12 months)."""
    assert (CODE_2024.year, CODE_2024.title, CODE_2024.applies_from) == (
        2024,
        "Complaint Handling Code 2024",
        D(2024, 4, 1),
    )
    assert CODE_2024.stage_one == StageTimescales(
        stage=Stage.ONE, acknowledge=5, respond=10, respond_from="acknowledged", extension_limit=10
    )
    assert CODE_2024.stage_two == StageTimescales(
        stage=Stage.TWO, acknowledge=5, respond=20, respond_from="acknowledged", extension_limit=20
    )
    assert CODE_2024.exclusion_months == 12


def test_code_2022() -> None:
    """4.1, 5.1 (stage 1), 5.13 (stage 2: from the escalation request, 10 days' extension),
    no stage 2 acknowledgement timescale (5.10), and 1.8 (6 months)."""
    assert (CODE_2022.year, CODE_2022.title, CODE_2022.applies_from) == (
        2022,
        "Complaint Handling Code 2022",
        None,
    )
    assert CODE_2022.stage_one == StageTimescales(
        stage=Stage.ONE, acknowledge=5, respond=10, respond_from="acknowledged", extension_limit=10
    )
    assert CODE_2022.stage_two == StageTimescales(
        stage=Stage.TWO,
        acknowledge=None,
        respond=20,
        respond_from="escalation_requested",
        extension_limit=10,
    )
    assert CODE_2022.exclusion_months == 6


@pytest.mark.parametrize(
    ("edition", "stage", "acknowledge", "respond", "respond_from", "limit"),
    [
        (CODE_2024, Stage.ONE, 5, 10, "acknowledged", 10),
        (CODE_2024, Stage.TWO, 5, 20, "acknowledged", 20),
        (CODE_2022, Stage.ONE, 5, 10, "acknowledged", 10),
        (CODE_2022, Stage.TWO, None, 20, "escalation_requested", 10),
    ],
    ids=["2024-stage-1", "2024-stage-2", "2022-stage-1", "2022-stage-2"],
)
def test_timescales(
    *,
    edition: Edition,
    stage: Stage,
    acknowledge: int | None,
    respond: int,
    respond_from: str,
    limit: int,
) -> None:
    """Timescales per stage, reachable by any spelling of the stage."""
    for spelling in (stage, int(stage), str(stage)):
        t = edition.timescales(spelling)  # type: ignore[arg-type]
        assert t.stage is stage
        assert (t.acknowledge, t.respond, t.respond_from, t.extension_limit) == (
            acknowledge,
            respond,
            respond_from,
            limit,
        )


@pytest.mark.parametrize(("stage", "number"), [(0, "5.2"), (3, "5.3"), ("informal", "5.2")])
def test_timescales_of_a_forbidden_stage(stage: object, number: str) -> None:
    """5.2, 5.3: there are no timescales for a stage the Code forbids."""
    with pytest.raises(ProvisionViolation) as info:
        CODE_2024.timescales(stage)  # type: ignore[arg-type]
    assert info.value.provision.number == number


def test_str_and_repr() -> None:
    assert (str(CODE_2024), str(CODE_2022)) == (
        "Complaint Handling Code 2024",
        "Complaint Handling Code 2022",
    )
    assert "citations" not in repr(CODE_2024)


def test_editions_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CODE_2024.exclusion_months = 6  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CODE_2024.stage_one.respond = 20  # type: ignore[misc]


# --- citing a rule by the edition's number -----------------------------------------------------

# (2024 number or None, 2022 number or None): None where the edition states no such rule.
CITATIONS: dict[str, tuple[str | None, str | None]] = {
    "acknowledge_stage_1": ("6.2", "4.1"),
    "respond_stage_1": ("6.3", "5.1"),
    "extend_stage_1": ("6.4", "5.1"),
    "extension_notice_stage_1": ("6.5", "5.3"),
    "letter_stage_1": ("6.9", "5.8"),
    "acknowledge_stage_2": ("6.11", "5.10"),
    "respond_stage_2": ("6.14", "5.13"),
    "extend_stage_2": ("6.15", "5.13"),
    "extension_notice_stage_2": ("6.16", "5.15"),
    "letter_stage_2": ("6.19", "5.16"),
    "escalation_no_reason": ("6.12", None),
    "different_handler": ("6.13", "5.12"),
    "answer_points_stage_1": ("6.7", "5.6"),
    "answer_points_stage_2": ("6.18", "5.6"),
    "outstanding_actions_stage_1": ("6.6", "5.5"),
    "outstanding_actions_stage_2": ("6.17", "5.5"),
    "additional_issues": ("6.8", "5.7"),
    "keep_informed": ("5.9", None),
    "definition_stage_1": ("5.6", "4.2"),
    "definition_stage_2": ("5.6", "5.10"),
    "responsibility": ("5.7", None),
    "full_record": ("5.12", "4.15"),
    "accept": ("2.1", "1.7"),
    "exclusion_grounds": ("2.2", "1.8"),
    "exclusion_time_limit": ("2.3", "1.8"),
    "decline_notice": ("2.4", "1.9"),
    "no_blanket_exclusion": ("2.5", None),
    "refuse_escalation": ("5.11", "4.14"),
    "escalate_after_stage_1": (None, "5.11"),
    "no_third_stage": ("5.3", None),
    "remedy": ("7.1", "6.1"),
    "remedy_any_stage": ("5.13", None),
    "remedy_by_when": ("7.3", "6.5"),
    "reasonable_adjustments": ("5.10", None),
    "restrictions": ("5.14", None),
    "restriction_proportionate": ("5.15", "4.19"),
    "service_request_complaint": ("1.5", "1.4"),
    "complaint_on_request": ("1.3", "1.6"),
    "choice_to_complain": ("1.3", None),
}


def test_citation_keys_are_the_table_above() -> None:
    """Every rule key has an expected citation here, so a new key cannot go untested."""
    assert list(CITATION_KEYS) == list(CITATIONS)


@pytest.mark.parametrize(("edition", "column"), [(CODE_2024, 0), (CODE_2022, 1)])
@pytest.mark.parametrize("key", CITATION_KEYS)
def test_each_rule_cites_its_own_editions_provision(
    key: str, edition: Edition, column: int
) -> None:
    """A complaint is judged by its own edition: each rule cites that edition's number, or is not
    in force there (and citing it is refused, so no finding can name a provision not in force).
    A copy of the edition made afresh (as a reading of it is) cites the same provisions, of its
    own year, the first time it is asked and after."""
    number = CITATIONS[key][column]
    assert edition.in_force(key) is (number is not None)
    if number is None:
        with pytest.raises(InvalidRecord) as info:
            edition.cite(key)
        assert str(info.value) == f"the {edition.title} has no provision for the rule {key!r}"
    else:
        assert edition.cite(key) == provision(number, edition.year)
        assert edition.cite(key).edition == edition.year
        fresh = attrs.evolve(edition)
        for _ in range(2):
            cited = fresh.cite(key)
            assert (cited.number, cited.edition) == (number, edition.year)


def test_rules_the_2022_edition_does_not_state() -> None:
    """5.9, 5.7, 6.12, 2.5, 5.3 and 5.13 have no counterpart in 2022 (it allowed a justified
    third stage, its 5.17), nor the records of 5.10 and 5.14 (2022's 2.5 and 4.18 ask only for
    policies), nor 1.3's choice to complain offered on any dissatisfaction (2022's 1.3 says only
    that the word "complaint" is not needed); 2022's 5.11 has none in 2024."""
    assert [k for k in CITATION_KEYS if not CODE_2022.in_force(k)] == [
        "escalation_no_reason",
        "keep_informed",
        "responsibility",
        "no_blanket_exclusion",
        "no_third_stage",
        "remedy_any_stage",
        "reasonable_adjustments",
        "restrictions",
        "choice_to_complain",
    ]
    assert [k for k in CITATION_KEYS if not CODE_2024.in_force(k)] == ["escalate_after_stage_1"]


def test_a_should_is_a_warning_and_a_must_a_breach() -> None:
    """5.1 and 5.13 (2022) say an extension *should* not exceed 10 more days; 5.3, 5.7, 5.15,
    4.19 and 1.4 (2022) are "should" provisions, while 1.6 (2022) is a "must". Every rule of the
    2024 edition is a "must"."""
    assert {k: CODE_2024.severity(k) for k in CITATION_KEYS if CODE_2024.in_force(k)} == {
        k: "breach" for k in CITATION_KEYS if k != "escalate_after_stage_1"
    }
    warnings = [
        k for k in CITATION_KEYS if CODE_2022.in_force(k) and CODE_2022.severity(k) == "warning"
    ]
    assert warnings == [
        "extend_stage_1",
        "extension_notice_stage_1",
        "extend_stage_2",
        "extension_notice_stage_2",
        "additional_issues",
        "restriction_proportionate",
        "service_request_complaint",
    ]
    assert CODE_2022.severity("respond_stage_1") == "breach"
    assert CODE_2022.severity("complaint_on_request") == "breach"
    with pytest.raises(InvalidRecord):
        CODE_2022.severity("keep_informed")


@pytest.mark.parametrize("key", ["nope", "", "6.13", "Different_Handler", None])
def test_in_force_refuses_unknown_keys(key: object) -> None:
    for edition in (CODE_2024, CODE_2022):
        with pytest.raises(InvalidRecord) as info:
            edition.in_force(key)  # type: ignore[arg-type]
        assert str(info.value) == f"unknown rule {key!r}"


@pytest.mark.parametrize("key", ["nope", "", "6.13", "Different_Handler", None])
def test_cite_refuses_unknown_keys(key: object) -> None:
    for edition in (CODE_2024, CODE_2022):
        with pytest.raises(InvalidRecord) as info:
            edition.cite(key)  # type: ignore[arg-type]
        assert str(info.value) == f"unknown rule {key!r}"


# --- the 2022 edition's bare "days" ------------------------------------------------------------


def test_2022_reads_its_bare_days_as_working_days_unless_asked() -> None:
    """4.1, 5.1, 5.13 (2022) say "days" where 5.1 and 5.13 say "working days" for the response:
    working days by default, calendar days as an explicit reading."""
    assert CODE_2022.days == "working"
    assert CODE_2022.bare_days == frozenset(
        {"acknowledge_stage_1", "extend_stage_1", "extend_stage_2"}
    )
    strict = CODE_2022.reading_days_as("calendar")
    assert [k for k in CITATION_KEYS if strict.counts_calendar_days(k)] == [
        "acknowledge_stage_1",
        "extend_stage_1",
        "extend_stage_2",
    ]
    assert not any(CODE_2022.counts_calendar_days(k) for k in CITATION_KEYS)
    assert (strict.year, strict.citations, strict.timescales(Stage.ONE)) == (
        2022,
        CODE_2022.citations,
        CODE_2022.timescales(Stage.ONE),
    )
    assert strict != CODE_2022
    assert strict.reading_days_as("calendar") == strict
    assert strict.reading_days_as("working") == CODE_2022


def test_the_2024_edition_has_no_bare_days() -> None:
    """6.2 to 6.16 (2024) all say "working days": a calendar reading changes nothing but the flag."""
    strict = CODE_2024.reading_days_as("calendar")
    assert strict.title == CODE_2024.title
    assert not any(strict.counts_calendar_days(k) for k in CITATION_KEYS)
