"""The UK bank holidays, from workalendar, corrected to match GOV.UK.

This is the only module that imports workalendar, and only when a year is
computed. It turns workalendar's holiday lists into the lists GOV.UK publishes
at https://www.gov.uk/bank-holidays and fixes workalendar's quirks in one place.
It is the source of the table the calendar reads, ``_holiday_table``: the table
is generated from :func:`bank_holidays` for every region and every year the
calendar answers for, and a test regenerates it and fails if the two differ, so
that a calendar never needs workalendar (nor its import time) to answer. The
corrections:

* Only the days actually taken off are listed. workalendar also lists the
  weekend day on which a holiday "falls" (Easter Sunday, a Saturday Christmas)
  next to its substitute; those weekend entries carry no meaning for counting
  working days and are dropped.
* Substitute days follow one rule for every region: a fixed-date holiday that
  falls on a Saturday or Sunday moves to the next weekday that is not already a
  bank holiday. workalendar 17.0.0 gets the dates right for England and Wales
  and Northern Ireland but names them inconsistently (in 2022 its "Christmas
  Shift" sits on Boxing Day), and its Scotland calendar has no substitutes.
* workalendar's Scotland models local holidays and lacks Good Friday, the
  spring and summer bank holidays, St Andrew's Day and the UK-wide one-off
  days. The Scottish list is built from its Scotland class (1 and 2 January,
  Good Friday, St Andrew's Day, Christmas, Boxing Day) and the UK-wide days
  of its UnitedKingdom class (early May, spring and the one-off days), plus
  the first Monday of August.
* Names follow GOV.UK's titles, written with a straight apostrophe.
* :data:`ONE_OFFS` adds the one-off changes that workalendar 17.0.0 lacks.

>>> from complaintcode.calendar._bank_holidays import bank_holidays
>>> bank_holidays("england-and-wales", 2023)[4]
(datetime.date(2023, 5, 8), 'Bank holiday for the coronation of King Charles III')
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from typing import Any, Final

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord

__all__ = ["ONE_OFFS", "REGIONS", "OneOff", "bank_holidays"]

#: The regions this module knows, as GOV.UK names its lists.
REGIONS: Final[tuple[str, ...]] = ("england-and-wales", "scotland", "northern-ireland")

_UK_WIDE: Final = frozenset(REGIONS)

_GOVUK: Final = "GOV.UK bank holidays list, https://www.gov.uk/bank-holidays"


class OneOff:
    """A one-off change to a region's bank holidays, with its source.

    Attributes:
        on: The day that is a bank holiday.
        name: Its title on GOV.UK.
        replaces: The usual bank holiday it replaces, if it was moved.
        regions: The regions it applies to.
        source: Where the change is published.
    """

    __slots__ = ("name", "on", "regions", "replaces", "source")

    def __init__(
        self,
        on: dt.date,
        name: str,
        *,
        regions: frozenset[str],
        source: str,
        replaces: dt.date | None = None,
    ) -> None:
        self.on = on
        self.name = name
        self.replaces = replaces
        self.regions = regions
        self.source = source

    def __repr__(self) -> str:
        return f"OneOff({self.on.isoformat()}, {self.name!r})"


#: The one-off changes that workalendar 17.0.0 lacks. The other one-off days
#: (1973, 1977, 1981, 1999, 2002, 2011, 2012, 2020 and 2022) are right in
#: workalendar and are checked by the tests.
ONE_OFFS: Final[tuple[OneOff, ...]] = (
    OneOff(
        dt.date(1995, 5, 8),
        "Early May bank holiday (VE day)",
        replaces=dt.date(1995, 5, 1),
        regions=_UK_WIDE,
        source="Royal Proclamation for the 50th anniversary of VE day (1995)",
    ),
    OneOff(
        dt.date(2023, 5, 8),
        "Bank holiday for the coronation of King Charles III",
        regions=_UK_WIDE,
        source=_GOVUK,
    ),
    OneOff(
        dt.date(2026, 6, 15),
        "World Cup bank holiday",
        regions=frozenset({"scotland"}),
        source=_GOVUK + " (Scotland); Privy Council proclamation of February 2026",
    ),
)

# workalendar's names and GOV.UK's titles for them.
_TITLES: Final[dict[str, str]] = {
    "New year": "New Year's Day",
    "New Year Holiday": "2nd January",
    "Early May Bank Holiday": "Early May bank holiday",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Saint Andrew's Day": "St Andrew's Day",
    "Saint Patrick's Day": "St Patrick's Day",
    "Battle of the Boyne": "Battle of the Boyne (Orangemen's Day)",
    "New Year's Eve": "Millennium celebrations",
    "Royal Wedding": "Royal wedding",
    "Queen's Platinum Jubilee bank holiday": "Platinum Jubilee bank holiday",
    "State Funeral of Queen Elizabeth II": (
        "Bank Holiday for the State Funeral of Queen Elizabeth II"
    ),
}

# workalendar's own substitute days: recomputed here by the one rule above.
_SHIFTS: Final = frozenset(
    {
        "New Year shift",
        "Christmas Shift",
        "Boxing Day Shift",
        "Saint Patrick substitute",
        "Battle of the Boyne substitute",
    }
)

# The fixed-date holidays that get a substitute day when they fall at a weekend.
_SUBSTITUTED: Final = frozenset(
    {
        "New Year's Day",
        "2nd January",
        "St Patrick's Day",
        "Battle of the Boyne (Orangemen's Day)",
        "St Andrew's Day",
        "Christmas Day",
        "Boxing Day",
    }
)

_SATURDAY: Final = 5
_MONDAY: Final = 0  # workalendar's MON

# workalendar is imported when a year is first computed, never by importing the calendar.


@functools.cache
def _united_kingdom() -> Any:  # noqa: ANN401 - workalendar has no types
    from workalendar.europe import UnitedKingdom  # noqa: PLC0415  # loaded when first used

    return UnitedKingdom()


@functools.cache
def _northern_ireland() -> Any:  # noqa: ANN401 - workalendar has no types
    from workalendar.europe import UnitedKingdomNorthernIreland  # noqa: PLC0415  # when first used

    return UnitedKingdomNorthernIreland()


@functools.cache
def _scotland() -> Any:  # noqa: ANN401 - workalendar has no types
    from workalendar.europe import Scotland  # noqa: PLC0415  # loaded when first used

    with warnings.catch_warnings():
        # Its constructor warns that the Scottish local calendars are experimental;
        # only the national days are used here.
        warnings.simplefilter("ignore", UserWarning)
        calendar = Scotland()
    calendar.include_good_friday = True
    calendar.include_saint_andrew = True
    return calendar


def _raw(region: str, year: int) -> list[tuple[dt.date, str]]:
    """The (date, name) pairs workalendar gives, Scotland assembled as described."""
    if region == "england-and-wales":
        return list(_united_kingdom().holidays(year))
    if region == "northern-ireland":
        return list(_northern_ireland().holidays(year))
    uk = _united_kingdom()
    days = [(d, n) for d, n in _scotland().holidays(year) if n != "May Day"]
    days.append(uk.get_early_may_bank_holiday(year))
    days.append(uk.get_spring_bank_holiday(year))
    days.append((uk.get_nth_weekday_in_month(year, 8, _MONDAY), "Summer bank holiday"))
    days.extend(uk.non_computable_holiday(year) or ())
    return days


def _title(name: str) -> str:
    plain = name.replace("\u2019", "'")
    return _TITLES.get(plain, plain)


def _observed(days: list[tuple[dt.date, str]]) -> list[tuple[dt.date, str]]:
    """Drop weekend entries, moving fixed-date holidays to substitute weekdays."""
    kept: dict[dt.date, str] = {}
    moving: list[tuple[dt.date, str]] = []
    for day, name in sorted(days):
        if day.weekday() < _SATURDAY:
            kept.setdefault(day, name)
        elif name in _SUBSTITUTED:
            moving.append((day, name))
    for day, name in moving:
        substitute = day
        while substitute.weekday() >= _SATURDAY or substitute in kept:
            substitute += dt.timedelta(days=1)
        kept[substitute] = f"{name} (substitute day)"
    return sorted(kept.items())


def _check(region: str, year: int) -> None:
    if region not in REGIONS:
        known = ", ".join(REGIONS)
        raise InvalidRecord(f"unknown region {shown(region)} (known: {known})", path="region")
    if type(year) is not int:
        raise InvalidRecord(f"expected a year as an int, not {type(year).__name__}", path="year")


@functools.cache
def bank_holidays(region: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    """The bank holidays of a region for a year, as GOV.UK lists them.

    Args:
        region: ``"england-and-wales"``, ``"scotland"`` or ``"northern-ireland"``.
        year: The year.

    Returns:
        The (date, title) pairs in date order; every date is a weekday.

    Raises:
        InvalidRecord: If the region is unknown, the year is not an int, or
            workalendar cannot compute the year.

    >>> bank_holidays("scotland", 2024)[-3]
    (datetime.date(2024, 12, 2), "St Andrew's Day (substitute day)")
    """
    _check(region, year)
    try:
        raw = _raw(region, year)
    except Exception as exc:
        raise InvalidRecord(
            f"the {region} bank holidays for {year} could not be computed: {exc}", path="year"
        ) from exc
    days = [(day, _title(str(name))) for day, name in raw if str(name) not in _SHIFTS]
    for change in ONE_OFFS:
        if change.on.year == year and region in change.regions:
            days = [(d, n) for d, n in days if d not in {change.replaces, change.on}]
            days.append((change.on, change.name))
    return tuple(_observed(days))
