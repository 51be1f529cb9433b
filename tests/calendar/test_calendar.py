"""Tests for complaintcode.calendar: the working days every timescale counts in.

The Code's timescales (2024 edition: 6.2, 6.3, 6.4, 6.11, 6.14, 6.15; 2022
edition: 4.1, 5.1, 5.13) are all working days, counted from the day after
receipt. These tests pin the bank holidays to GOV.UK's lists and the counting
rule to worked examples, and check the arithmetic with properties.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import holidays as holidays_package
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.calendar import (
    MAX_DATE,
    MIN_DATE,
    WorkingCalendar,
    _bank_holidays,
    calendar_for,
    england_and_wales,
    northern_ireland,
    scotland,
)
from complaintcode.errors import InvalidRecord
from strategies import closure_offsets, dates, regions, working_day_counts

if TYPE_CHECKING:
    from collections.abc import Iterator

D = dt.date
EW = england_and_wales()
RANGE = "the supported range is 1900-01-01 to 2200-12-31"


def _iso(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- GOV.UK's lists -----------------------------------------------------------

# England and Wales, as GOV.UK publishes it (https://www.gov.uk/bank-holidays),
# a substitute day titled with "(substitute day)" as on the page.
GOVUK_ENGLAND_AND_WALES: dict[int, tuple[tuple[str, str], ...]] = {
    2018: (
        ("2018-01-01", "New Year's Day"),
        ("2018-03-30", "Good Friday"),
        ("2018-04-02", "Easter Monday"),
        ("2018-05-07", "Early May bank holiday"),
        ("2018-05-28", "Spring bank holiday"),
        ("2018-08-27", "Summer bank holiday"),
        ("2018-12-25", "Christmas Day"),
        ("2018-12-26", "Boxing Day"),
    ),
    2019: (
        ("2019-01-01", "New Year's Day"),
        ("2019-04-19", "Good Friday"),
        ("2019-04-22", "Easter Monday"),
        ("2019-05-06", "Early May bank holiday"),
        ("2019-05-27", "Spring bank holiday"),
        ("2019-08-26", "Summer bank holiday"),
        ("2019-12-25", "Christmas Day"),
        ("2019-12-26", "Boxing Day"),
    ),
    2020: (
        ("2020-01-01", "New Year's Day"),
        ("2020-04-10", "Good Friday"),
        ("2020-04-13", "Easter Monday"),
        ("2020-05-08", "Early May bank holiday (VE day)"),
        ("2020-05-25", "Spring bank holiday"),
        ("2020-08-31", "Summer bank holiday"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day (substitute day)"),
    ),
    2021: (
        ("2021-01-01", "New Year's Day"),
        ("2021-04-02", "Good Friday"),
        ("2021-04-05", "Easter Monday"),
        ("2021-05-03", "Early May bank holiday"),
        ("2021-05-31", "Spring bank holiday"),
        ("2021-08-30", "Summer bank holiday"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
    ),
    2022: (
        ("2022-01-03", "New Year's Day (substitute day)"),
        ("2022-04-15", "Good Friday"),
        ("2022-04-18", "Easter Monday"),
        ("2022-05-02", "Early May bank holiday"),
        ("2022-06-02", "Spring bank holiday"),
        ("2022-06-03", "Platinum Jubilee bank holiday"),
        ("2022-08-29", "Summer bank holiday"),
        ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        ("2022-12-26", "Boxing Day"),
        ("2022-12-27", "Christmas Day (substitute day)"),
    ),
    2023: (
        ("2023-01-02", "New Year's Day (substitute day)"),
        ("2023-04-07", "Good Friday"),
        ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"),
        ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
    ),
    2024: (
        ("2024-01-01", "New Year's Day"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-08-26", "Summer bank holiday"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
    ),
    2025: (
        ("2025-01-01", "New Year's Day"),
        ("2025-04-18", "Good Friday"),
        ("2025-04-21", "Easter Monday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        ("2025-08-25", "Summer bank holiday"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
    ),
    2026: (
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
    ),
    2027: (
        ("2027-01-01", "New Year's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ),
}

# The dates of GOV.UK's Scotland and Northern Ireland lists ("MM-DD").
GOVUK_SCOTLAND: dict[int, str] = {
    2018: "01-01 01-02 03-30 05-07 05-28 08-06 11-30 12-25 12-26",
    2019: "01-01 01-02 04-19 05-06 05-27 08-05 12-02 12-25 12-26",
    2020: "01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28",
    2021: "01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28",
    2022: "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27",
    2023: "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26",
    2024: "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26",
    2025: "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26",
    2026: "01-01 01-02 04-03 05-04 05-25 06-15 08-03 11-30 12-25 12-28",
    2027: "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28",
}
GOVUK_NORTHERN_IRELAND: dict[int, str] = {
    2018: "01-01 03-19 03-30 04-02 05-07 05-28 07-12 08-27 12-25 12-26",
    2019: "01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26",
    2020: "01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28",
    2021: "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28",
    2022: "01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27",
    2023: "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26",
    2024: "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26",
    2025: "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26",
    2026: "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28",
    2027: "01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28",
}


def _dates_of(year: int, days: str) -> list[dt.date]:
    return [_iso(f"{year}-{md}") for md in days.split()]


def test_england_and_wales_matches_govuk_2018_to_2027() -> None:
    """Working days for every timescale (6.2-6.15): E&W bank holidays are GOV.UK's, exactly."""
    differences = []
    for year, expected in GOVUK_ENGLAND_AND_WALES.items():
        want = [(_iso(day), title) for day, title in expected]
        got = list(EW.holidays(year))
        differences += [("missing", d) for d in want if d not in got]
        differences += [("extra", d) for d in got if d not in want]
    assert differences == []


@pytest.mark.parametrize(
    ("calendar", "table"),
    [(scotland(), GOVUK_SCOTLAND), (northern_ireland(), GOVUK_NORTHERN_IRELAND)],
    ids=["scotland", "northern-ireland"],
)
def test_other_regions_match_govuk_dates_2018_to_2027(
    calendar: WorkingCalendar, table: dict[int, str]
) -> None:
    """Other UK calendars for reuse by other schemes: dates are GOV.UK's, exactly."""
    for year, days in table.items():
        assert [d for d, _ in calendar.holidays(year)] == _dates_of(year, days), year


def _weekday_holidays(subdiv: str, years: range) -> set[dt.date]:
    found = holidays_package.country_holidays("GB", subdiv=subdiv, years=years)
    return {d for d in found if d.weekday() < 5}


@pytest.mark.parametrize(
    ("calendar", "subdiv"),
    [(EW, "ENG"), (scotland(), "SCT"), (northern_ireland(), "NIR")],
    ids=["england-and-wales", "scotland", "northern-ireland"],
)
def test_agrees_with_holidays_package_2018_to_2030(calendar: WorkingCalendar, subdiv: str) -> None:
    """Working days (6.2-6.15): an independent source gives the same days off, 2018-2030.

    The ``holidays`` package also lists the weekend day a holiday falls on; only
    the weekdays taken off are compared. There is no difference.
    """
    years = range(2018, 2031)
    ours = {d for year in years for d, _ in calendar.holidays(year)}
    theirs = _weekday_holidays(subdiv, years)
    assert ours ^ theirs == set()


# --- one-off days and workalendar's quirks ------------------------------------

ONE_OFF_DAYS = [
    # (year, bank holidays that must be listed, usual days that must not)
    (1995, ["1995-05-08"], ["1995-05-01"]),
    (1999, ["1999-12-27", "1999-12-28", "1999-12-31"], []),
    (2002, ["2002-06-03", "2002-06-04"], ["2002-05-27"]),
    (2011, ["2011-04-29", "2011-12-26", "2011-12-27"], []),
    (2012, ["2012-06-04", "2012-06-05"], ["2012-05-28"]),
    (2020, ["2020-05-08"], ["2020-05-04"]),
    (2022, ["2022-06-02", "2022-06-03", "2022-09-19"], ["2022-05-30"]),
    (2023, ["2023-05-08"], []),
]


@pytest.mark.parametrize(
    "calendar",
    [EW, scotland(), northern_ireland()],
    ids=["england-and-wales", "scotland", "northern-ireland"],
)
@pytest.mark.parametrize(("year", "present", "absent"), ONE_OFF_DAYS)
def test_uk_wide_one_off_days(
    calendar: WorkingCalendar, year: int, present: list[str], absent: list[str]
) -> None:
    """Working days (6.2-6.15): UK-wide one-off and moved bank holidays, in every region."""
    days = {d for d, _ in calendar.holidays(year)}
    assert {_iso(p) for p in present} <= days
    assert not {_iso(a) for a in absent} & days


def test_one_off_titles() -> None:
    """Working days (6.2-6.15): the one-off days carry GOV.UK's titles."""
    titles = {d: t for y in (1995, 1999, 2011, 2012) for d, t in EW.holidays(y)}
    assert titles[D(1995, 5, 8)] == "Early May bank holiday (VE day)"
    assert titles[D(1999, 12, 31)] == "Millennium celebrations"
    assert titles[D(2011, 4, 29)] == "Royal wedding"
    assert titles[D(2012, 6, 5)] == "Queen's Diamond Jubilee"
    assert titles[D(2012, 6, 4)] == "Spring bank holiday"


def test_scotland_world_cup_bank_holiday_is_scottish_only() -> None:
    """Other UK calendars: 15 June 2026 is a bank holiday in Scotland alone."""
    assert not scotland().is_working_day(D(2026, 6, 15))
    assert EW.is_working_day(D(2026, 6, 15))
    assert northern_ireland().is_working_day(D(2026, 6, 15))


def test_one_offs_table_is_what_workalendar_lacks() -> None:
    """Working days (6.2-6.15): each correction is needed; workalendar 17.0.0 lacks it."""
    raw = {(c.on, r) for c in _bank_holidays.ONE_OFFS for r in c.regions}
    for on, region in raw:
        assert on not in {d for d, _ in _bank_holidays._raw(region, on.year)}
    assert [repr(c) for c in _bank_holidays.ONE_OFFS] == [
        "OneOff(1995-05-08, 'Early May bank holiday (VE day)')",
        "OneOff(2023-05-08, 'Bank holiday for the coronation of King Charles III')",
        "OneOff(2026-06-15, 'World Cup bank holiday')",
    ]


def test_every_listed_day_is_a_weekday_once() -> None:
    """Working days (6.2-6.15): only days taken off are listed, each once, in order."""
    for calendar in (EW, scotland(), northern_ireland()):
        for year in range(1900, 2201):
            days = [d for d, _ in calendar.holidays(year)]
            assert days == sorted(set(days))
            assert all(d.weekday() < 5 and d.year == year for d in days)


@pytest.mark.parametrize(
    ("calendar", "year", "expected"),
    [
        (
            EW,
            2022,
            [
                ("2022-12-26", "Boxing Day"),
                ("2022-12-27", "Christmas Day (substitute day)"),
            ],
        ),
        (
            scotland(),
            2022,
            [
                ("2022-01-03", "New Year's Day (substitute day)"),
                ("2022-01-04", "2nd January (substitute day)"),
            ],
        ),
        (scotland(), 2019, [("2019-12-02", "St Andrew's Day (substitute day)")]),
        (scotland(), 2025, [("2025-12-01", "St Andrew's Day (substitute day)")]),
        (northern_ireland(), 2024, [("2024-03-18", "St Patrick's Day (substitute day)")]),
        (
            northern_ireland(),
            2025,
            [("2025-07-14", "Battle of the Boyne (Orangemen's Day) (substitute day)")],
        ),
    ],
)
def test_substitute_days(
    calendar: WorkingCalendar, year: int, expected: list[tuple[str, str]]
) -> None:
    """Working days (6.2-6.15): a holiday at a weekend moves to the next free weekday."""
    listed = calendar.holidays(year)
    for day, title in expected:
        assert (_iso(day), title) in listed


# --- worked examples ------------------------------------------------------------

# (received, working days, deadline) in England and Wales.
WORKED_EXAMPLES = [
    # Early May 2024: Monday 6 May is a bank holiday.
    ("2024-05-03", 5, "2024-05-13"),
    ("2024-05-03", 1, "2024-05-07"),
    # A Saturday or Sunday receipt: day 1 is the next working day.
    ("2024-05-04", 1, "2024-05-07"),
    ("2024-05-04", 5, "2024-05-13"),
    ("2024-06-01", 1, "2024-06-03"),
    ("2024-06-02", 1, "2024-06-03"),
    ("2024-06-02", 5, "2024-06-07"),
    # n == 0 is the day itself, working day or not.
    ("2024-05-04", 0, "2024-05-04"),
    # Christmas 2021 on Saturday and Sunday, New Year 2022 on Saturday.
    ("2021-12-23", 1, "2021-12-24"),
    ("2021-12-24", 1, "2021-12-29"),
    ("2021-12-24", 5, "2022-01-05"),
    ("2021-12-20", 10, "2022-01-06"),
    # Christmas 2022 on Sunday, Boxing Day Monday, New Year 2023 on Sunday.
    ("2022-12-23", 1, "2022-12-28"),
    ("2022-12-23", 5, "2023-01-04"),
    ("2022-12-16", 10, "2023-01-04"),
    # A stage 2 response over Christmas 2024 (6.14: 20 working days).
    ("2024-12-02", 20, "2025-01-02"),
    # Easter 2024 and 2025.
    ("2024-03-28", 1, "2024-04-02"),
    ("2024-03-22", 10, "2024-04-09"),
    ("2025-04-17", 1, "2025-04-22"),
    ("2025-04-14", 5, "2025-04-23"),
    ("2025-04-14", 10, "2025-04-30"),
    # 2020: VE day on Friday 8 May; Monday 4 May was a normal working day.
    ("2020-05-07", 1, "2020-05-11"),
    ("2020-05-01", 1, "2020-05-04"),
    # 2022: spring holiday moved to Thursday 2 June, Jubilee Friday 3 June;
    # Monday 30 May was a normal working day. State Funeral on 19 September.
    ("2022-05-27", 1, "2022-05-30"),
    ("2022-06-01", 1, "2022-06-06"),
    ("2022-05-27", 5, "2022-06-07"),
    ("2022-09-16", 1, "2022-09-20"),
    # 2023: the Coronation on Monday 8 May.
    ("2023-05-05", 1, "2023-05-09"),
    ("2023-04-28", 5, "2023-05-09"),
]


@pytest.mark.parametrize(("received", "n", "due"), WORKED_EXAMPLES)
def test_worked_examples(received: str, n: int, due: str) -> None:
    """Counting rule for 6.2-6.15: day 0 is receipt; the deadline is the nth working day after."""
    start, end = _iso(received), _iso(due)
    assert EW.add_working_days(start, n) == end
    assert EW.working_days_between(start, end) == n


def test_the_may_day_2024_example() -> None:
    """6.2: five working days from Friday 3 May 2024 skip the 6 May bank holiday."""
    assert england_and_wales().add_working_days(D(2024, 5, 3), 5) == D(2024, 5, 13)


@pytest.mark.parametrize(
    ("calendar", "received", "n", "due"),
    [
        # Scotland: 2 January, St Andrew's Day substitute, no Easter Monday.
        (scotland(), "2023-12-29", 1, "2024-01-03"),
        (scotland(), "2024-11-29", 1, "2024-12-03"),
        (scotland(), "2024-03-28", 1, "2024-04-01"),
        (scotland(), "2024-08-02", 1, "2024-08-06"),
        # Northern Ireland: St Patrick's Day substitute, the Twelfth.
        (northern_ireland(), "2024-03-15", 1, "2024-03-19"),
        (northern_ireland(), "2024-07-11", 1, "2024-07-15"),
        (northern_ireland(), "2026-07-10", 1, "2026-07-14"),
    ],
)
def test_other_regions_worked_examples(
    calendar: WorkingCalendar, received: str, n: int, due: str
) -> None:
    """Other UK calendars: regional bank holidays are skipped."""
    assert calendar.add_working_days(_iso(received), n) == _iso(due)


def test_regional_spot_checks() -> None:
    """Other UK calendars: 2 January, St Andrew's Day, St Patrick's Day and 12 July."""
    assert not scotland().is_working_day(D(2024, 1, 2))
    assert EW.is_working_day(D(2024, 1, 2))
    assert not scotland().is_working_day(D(2023, 11, 30))
    assert not scotland().is_working_day(D(2024, 12, 2))
    assert scotland().is_working_day(D(2024, 4, 1))  # no Easter Monday in Scotland
    assert not scotland().is_working_day(D(2024, 8, 5))
    assert scotland().is_working_day(D(2024, 8, 26))
    assert not northern_ireland().is_working_day(D(2025, 3, 17))
    assert not northern_ireland().is_working_day(D(2024, 3, 18))
    assert not northern_ireland().is_working_day(D(2024, 7, 12))
    assert EW.is_working_day(D(2024, 7, 12))


# --- closures ---------------------------------------------------------------------

SHUTDOWN = [D(2024, 12, 23), D(2024, 12, 24), D(2024, 12, 27), D(2024, 12, 30), D(2024, 12, 31)]


def test_christmas_shutdown() -> None:
    """Working days with a landlord's closure days: a Christmas shutdown pushes deadlines out."""
    acme = EW.with_closures(SHUTDOWN, name="Acme Homes")
    assert acme.name == "Acme Homes"
    assert acme.region == "england-and-wales"
    assert acme.closures == frozenset(SHUTDOWN)
    assert acme.add_working_days(D(2024, 12, 20), 1) == D(2025, 1, 2)
    assert acme.add_working_days(D(2024, 12, 2), 20) == D(2025, 1, 9)
    assert EW.add_working_days(D(2024, 12, 2), 20) == D(2025, 1, 2)
    assert acme.holidays(2024) == EW.holidays(2024)


def test_closures_on_weekends_and_bank_holidays_are_harmless() -> None:
    """Working days with closures: closing on a day that is not a working day changes nothing."""
    idle = EW.with_closures([D(2024, 12, 25), D(2024, 12, 28), D(2024, 5, 6)])
    for start in (D(2024, 5, 3), D(2024, 12, 20)):
        for n in range(30):
            assert idle.add_working_days(start, n) == EW.add_working_days(start, n)


def test_with_closures_adds_and_keeps_name() -> None:
    """Working days with closures: closures accumulate; the name stays unless given."""
    one = EW.with_closures([D(2024, 12, 23)])
    two = one.with_closures(iter([D(2024, 12, 24)]))
    assert two.name == "england-and-wales"
    assert two.closures == frozenset({D(2024, 12, 23), D(2024, 12, 24)})
    assert EW.closures == frozenset()


# --- value semantics ----------------------------------------------------------------


def test_equality_and_hash_ignore_caches() -> None:
    """The calendar is a value: equal by name, region and closures, whatever it has cached."""
    fresh = WorkingCalendar()
    assert fresh == EW
    assert hash(fresh) == hash(EW)
    EW.add_working_days(D(2150, 1, 1), 1)
    assert fresh == EW
    assert WorkingCalendar(name="other") != EW
    assert EW.with_closures([D(2024, 1, 2)]) != EW
    assert WorkingCalendar(region="scotland") == scotland()
    assert len({EW, fresh, scotland()}) == 2
    assert repr(fresh) == (
        "WorkingCalendar(region='england-and-wales', name='england-and-wales', "
        "closures=frozenset())"
    )


def test_immutable() -> None:
    """The calendar is a value: its fields cannot be changed."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        EW.region = "scotland"  # type: ignore[misc]


def test_factories_share_instances() -> None:
    """The default calendar is one shared instance; calendar_for looks regions up."""
    assert england_and_wales() is EW
    assert calendar_for("england-and-wales") is EW
    assert calendar_for("scotland") is scotland()
    assert calendar_for("northern-ireland") is northern_ireland()


def test_first_question_of_any_kind_builds_the_working_days() -> None:
    """Each method answers correctly on a fresh calendar, before anything is precomputed."""
    assert WorkingCalendar().working_days_between(D(2024, 5, 3), D(2024, 5, 13)) == 5
    assert WorkingCalendar().is_working_day(D(2024, 5, 6)) is False
    assert WorkingCalendar().next_working_day(D(2024, 5, 3)) == D(2024, 5, 7)
    assert WorkingCalendar().add_working_days(D(2024, 5, 3), 5) == D(2024, 5, 13)


def test_range_edges() -> None:
    """The supported range is 1900-01-01 to 2200-12-31, both ends usable."""
    cal = WorkingCalendar()
    assert (D(1900, 1, 1), D(2200, 12, 31)) == (MIN_DATE, MAX_DATE)
    assert cal.add_working_days(MIN_DATE, 1) == D(1900, 1, 2)
    assert cal.next_working_day(D(2200, 12, 30)) == MAX_DATE
    assert cal.working_days_between(MIN_DATE, MAX_DATE) == sum(
        1
        for o in range(MIN_DATE.toordinal() + 1, MAX_DATE.toordinal() + 1)
        if cal.is_working_day(D.fromordinal(o))
    )
    assert cal.add_working_days(MIN_DATE, cal.working_days_between(MIN_DATE, MAX_DATE)) == MAX_DATE


def test_far_deadlines_extend_the_precomputed_years() -> None:
    """Large n: results far beyond the first precomputed block are still exact."""
    cal = WorkingCalendar()
    start = D(2024, 5, 3)
    assert cal.add_working_days(start, 5) == D(2024, 5, 13)
    far = cal.add_working_days(start, 20_000)
    assert cal.working_days_between(start, far) == 20_000
    for start in (D(2190, 1, 1), D(1901, 1, 1), D(1950, 6, 1)):
        assert cal.add_working_days(start, 7) == _reference_add(cal, start, 7)


# --- errors -------------------------------------------------------------------------

BAD_CALLS: list[tuple[str, Any, str]] = [
    ("add_working_days", (D(1899, 12, 31), 1), f"start: 1899-12-31 is out of range: {RANGE}"),
    ("add_working_days", (D(2201, 1, 1), 0), f"start: 2201-01-01 is out of range: {RANGE}"),
    (
        "add_working_days",
        (D(2200, 12, 30), 5),
        f"working day 5 after 2200-12-30 is out of range: {RANGE}",
    ),
    (
        "add_working_days",
        (D(2024, 5, 3), 100_000),
        f"working day 100000 after 2024-05-03 is out of range: {RANGE}",
    ),
    ("add_working_days", ("2024-05-03", 5), "start: expected a datetime.date, not str"),
    ("add_working_days", (None, 5), "start: expected a datetime.date, not NoneType"),
    (
        "add_working_days",
        (dt.datetime(2024, 5, 3, 9, 0, tzinfo=dt.UTC), 5),
        "start: expected a datetime.date, not a datetime (pass its .date() in local time)",
    ),
    ("add_working_days", (D(2024, 5, 3), -1), "n: expected 0 or more working days, not -1"),
    (
        "add_working_days",
        (D(2024, 5, 3), 1.0),
        "n: expected a whole number of working days, not float",
    ),
    (
        "add_working_days",
        (D(2024, 5, 3), True),
        "n: expected a whole number of working days, not bool",
    ),
    ("next_working_day", ("2024-05-03",), "day: expected a datetime.date, not str"),
    ("next_working_day", (MAX_DATE,), f"working day 1 after 2200-12-31 is out of range: {RANGE}"),
    ("is_working_day", (D(1800, 1, 1),), f"day: 1800-01-01 is out of range: {RANGE}"),
    ("is_working_day", (20240503,), "day: expected a datetime.date, not int"),
    (
        "working_days_between",
        (D(2024, 5, 3), "2024-05-13"),
        "end: expected a datetime.date, not str",
    ),
    (
        "working_days_between",
        (D(1899, 1, 1), D(2024, 5, 13)),
        f"start: 1899-01-01 is out of range: {RANGE}",
    ),
    ("holidays", (1899,), f"year: 1899 is out of range: {RANGE}"),
    ("holidays", ("2024",), "year: expected a year as an int, not str"),
    ("with_closures", (D(2024, 12, 24),), "dates: expected an iterable of dates, not date"),
    ("with_closures", (["2024-12-24"],), "dates: expected a datetime.date, not str"),
]


@pytest.mark.parametrize(("method", "args", "message"), BAD_CALLS)
def test_bad_input_raises_invalid_record(method: str, args: tuple[Any, ...], message: str) -> None:
    """Bad input to the calendar raises InvalidRecord with a message saying what was wrong."""
    calendar = WorkingCalendar()
    with pytest.raises(InvalidRecord) as caught:
        getattr(calendar, method)(*args)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"region": "wales"},
            "region: unknown region 'wales' (known: england-and-wales, scotland, northern-ireland)",
        ),
        ({"name": ""}, "name: expected a non-empty str, not ''"),
        ({"closures": 3}, "closures: expected an iterable of dates, not int"),
        ({"closures": [[2024, 12, 24]]}, "closures: expected a datetime.date, not list"),
        ({"closures": [D(1066, 10, 14)]}, f"closures: 1066-10-14 is out of range: {RANGE}"),
    ],
)
def test_bad_calendar_raises_invalid_record(kwargs: dict[str, Any], message: str) -> None:
    """A calendar with an unknown region, an empty name or bad closures is refused."""
    with pytest.raises(InvalidRecord) as caught:
        WorkingCalendar(**kwargs)
    assert str(caught.value) == message


@pytest.mark.parametrize("name", ["wales", None, 1])
def test_calendar_for_unknown_name(name: Any) -> None:
    """calendar_for lists the known names when given another."""
    with pytest.raises(InvalidRecord) as caught:
        calendar_for(name)
    assert str(caught.value) == (
        f"unknown calendar {name!r} (known: england-and-wales, scotland, northern-ireland)"
    )


def test_workalendar_failure_becomes_invalid_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside workalendar reaches the caller as InvalidRecord, not its own error."""

    class Broken:
        def holidays(self, year: int) -> None:
            raise OverflowError(f"cannot compute {year}")

    monkeypatch.setattr(_bank_holidays, "_united_kingdom", Broken)
    _bank_holidays.bank_holidays.cache_clear()
    try:
        with pytest.raises(InvalidRecord) as caught:
            _bank_holidays.bank_holidays("england-and-wales", 2024)
    finally:
        _bank_holidays.bank_holidays.cache_clear()
    assert str(caught.value) == (
        "year: the england-and-wales bank holidays for 2024 could not be computed: "
        "cannot compute 2024"
    )
    assert isinstance(caught.value.__cause__, OverflowError)


@pytest.mark.parametrize(
    ("region", "year", "message"),
    [
        (
            "wales",
            2024,
            "region: unknown region 'wales' (known: england-and-wales, scotland, northern-ireland)",
        ),
        ("scotland", "2024", "year: expected a year as an int, not str"),
    ],
)
def test_bank_holidays_bad_input(region: str, year: Any, message: str) -> None:
    """The workalendar wrapper refuses unknown regions and non-int years."""
    with pytest.raises(InvalidRecord) as caught:
        _bank_holidays.bank_holidays(region, year)
    assert str(caught.value) == message


# --- properties -------------------------------------------------------------------


def _reference_add(calendar: WorkingCalendar, start: dt.date, n: int) -> dt.date:
    """Day-by-day counting from the holiday lists: the rule, written the slow way."""
    off = {d for y in range(start.year, start.year + 3) for d, _ in calendar.holidays(y)}
    off |= calendar.closures
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            counted += 1
    return day


def _calendars() -> Iterator[WorkingCalendar]:
    yield from (EW, scotland(), northern_ireland())


@given(region=regions, start=dates, n=working_day_counts, offsets=closure_offsets)
def test_matches_day_by_day_counting(
    region: str, start: dt.date, n: int, offsets: frozenset[int]
) -> None:
    """Counting rule (6.2-6.15): the fast answer equals counting day by day."""
    closures = [start + dt.timedelta(days=k) for k in offsets]
    calendar = WorkingCalendar(region=region, closures=closures)
    assert calendar.add_working_days(start, n) == _reference_add(calendar, start, n)


@given(region=regions, start=dates, n=st.integers(min_value=1, max_value=300))
def test_deadline_is_a_working_day(region: str, start: dt.date, n: int) -> None:
    """Counting rule (6.2-6.15): a deadline of one or more working days is a working day."""
    calendar = calendar_for(region)
    due = calendar.add_working_days(start, n)
    assert calendar.is_working_day(due)
    assert due > start


@given(region=regions, start=dates, n=working_day_counts)
def test_between_inverts_add(region: str, start: dt.date, n: int) -> None:
    """Counting rule (6.2-6.15): exactly n working days lie after receipt up to the deadline."""
    calendar = calendar_for(region)
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@given(a=dates, b=dates, c=dates)
def test_between_is_signed_and_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    """working_days_between is antisymmetric and adds up across an intermediate day."""
    assert EW.working_days_between(a, b) == -EW.working_days_between(b, a)
    assert EW.working_days_between(a, b) + EW.working_days_between(b, c) == (
        EW.working_days_between(a, c)
    )
    assert EW.working_days_between(a, a) == 0


@given(first=dates, second=dates, n=working_day_counts)
def test_later_receipt_never_earlier_deadline(first: dt.date, second: dt.date, n: int) -> None:
    """Counting rule (6.2-6.15): a later receipt never gives an earlier deadline."""
    early, late = sorted((first, second))
    assert EW.add_working_days(early, n) <= EW.add_working_days(late, n)


@given(start=dates, n=working_day_counts, offsets=closure_offsets)
def test_closures_never_bring_a_deadline_forward(
    start: dt.date, n: int, offsets: frozenset[int]
) -> None:
    """Closure days can only push a deadline later, never earlier."""
    shut = EW.with_closures(start + dt.timedelta(days=k) for k in offsets)
    assert shut.add_working_days(start, n) >= EW.add_working_days(start, n)


@given(day=dates)
def test_next_working_day_is_one_working_day(day: dt.date) -> None:
    """next_working_day(d) is add_working_days(d, 1) in every region."""
    for calendar in _calendars():
        assert calendar.next_working_day(day) == calendar.add_working_days(day, 1)


@given(day=dates)
def test_is_working_day_follows_the_definition(day: dt.date) -> None:
    """A working day is Monday to Friday and not a bank holiday of the region."""
    for calendar in _calendars():
        listed = {d for d, _ in calendar.holidays(day.year)}
        assert calendar.is_working_day(day) == (day.weekday() < 5 and day not in listed)
