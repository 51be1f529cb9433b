"""The landlord's reporting year, and the quarters of it (behind ``reporting``).

A reporting year runs from 1 April to 31 March and is named by the calendar
year it starts in. Its quarters are those of the financial year: the first
is April to June, the fourth January to March of the next calendar year.
:mod:`complaintcode.reporting` exports these names.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord

__all__: list[str] = []


@attrs.frozen(kw_only=True)
class ReportingYear:
    """A landlord's reporting year: 1 April to 31 March, named by the year it starts in.

    Attributes:
        year: The calendar year of its first day; 2024 is 1 April 2024 to 31 March 2025.

    Raises:
        InvalidRecord: For a year that is not a whole number from 1 to 9998.

    >>> y = ReportingYear(year=2024)
    >>> y.start, y.end, str(y)
    (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), '2024-25')
    >>> (
    ...     ReportingYear.containing(dt.date(2025, 3, 31)).year,
    ...     ReportingYear.containing(dt.date(2025, 4, 1)).year,
    ... )
    (2024, 2025)
    """

    year: int = attrs.field()

    @year.validator
    def _check(self, _attribute: object, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9998:
            raise InvalidRecord(f"expected a year from 1 to 9998, got {shown(value)}", path="year")

    @classmethod
    def containing(cls, day: dt.date) -> ReportingYear:
        """The reporting year a day falls in.

        Raises:
            InvalidRecord: If ``day`` is not a date.
        """
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise InvalidRecord(f"expected a date, got {type(day).__name__}", path="day")
        return cls(year=day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> dt.date:
        """Its first day, 1 April."""
        return dt.date(self.year, 4, 1)

    @property
    def end(self) -> dt.date:
        """Its last day, 31 March of the next calendar year."""
        return dt.date(self.year + 1, 3, 31)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"


def reporting_year(year: int) -> ReportingYear:
    """The reporting year that starts on 1 April of ``year``.

    Args:
        year: The calendar year the reporting year starts in.

    Returns:
        The :class:`ReportingYear`, 1 April ``year`` to 31 March ``year + 1``.

    Raises:
        InvalidRecord: For a year that is not a whole number from 1 to 9998.

    >>> dt.date(2025, 3, 31) in reporting_year(2024), dt.date(2025, 4, 1) in reporting_year(2024)
    (True, False)
    """
    return ReportingYear(year=year)


_QUARTER = re.compile(r"\s*(\d{4})-(\d{2})\s*Q([1-4])\s*", re.IGNORECASE)


@attrs.frozen(kw_only=True, order=True)
class Quarter:
    """A quarter of a reporting year: Q1 is April to June, Q4 January to March.

    Attributes:
        year: The calendar year the reporting year starts in (2024 for 2024-25).
        number: 1, 2, 3 or 4.

    Raises:
        InvalidRecord: For a year that is not a whole number from 1 to 9998, or
            a quarter number other than 1 to 4.

    >>> q = Quarter(year=2024, number=4)
    >>> str(q), q.start, q.end
    ('2024-25 Q4', datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    >>> str(q.previous()), str(Quarter(year=2024, number=1).previous())
    ('2024-25 Q3', '2023-24 Q4')
    >>> Quarter.parse("2024-25 Q3") == Quarter.containing(dt.date(2024, 12, 31))
    True
    """

    year: int = attrs.field()
    number: int = attrs.field()

    @year.validator
    def _check_year(self, _attribute: object, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9998:
            raise InvalidRecord(f"expected a year from 1 to 9998, got {shown(value)}", path="year")

    @number.validator
    def _check_number(self, _attribute: object, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 4:
            raise InvalidRecord(
                f"expected a quarter from 1 to 4, got {shown(value)}", path="number"
            )

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        """The quarter a day falls in.

        Raises:
            InvalidRecord: If ``day`` is not a date.
        """
        year = ReportingYear.containing(day)
        return cls(year=year.year, number=(day.month - 4) % 12 // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read a quarter written as its ``str``: ``"2024-25 Q3"`` (any case, spaces around).

        Raises:
            InvalidRecord: For anything else, or years that do not follow on.

        >>> Quarter.parse("2024-26 Q1")
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: quarter: expected a quarter such as '2024-25 Q3', got '2024-26 Q1'
        """
        found = _QUARTER.fullmatch(text) if isinstance(text, str) else None
        if found is None or (int(found[1]) + 1) % 100 != int(found[2]):
            raise InvalidRecord(
                f"expected a quarter such as '2024-25 Q3', got {shown(text)}", path="quarter"
            )
        return cls(year=int(found[1]), number=int(found[3]))

    @property
    def reporting_year(self) -> ReportingYear:
        """The reporting year the quarter belongs to."""
        return ReportingYear(year=self.year)

    @property
    def start(self) -> dt.date:
        """Its first day."""
        return dt.date(self.year + (self.number == 4), (1, 4, 7, 10)[self.number % 4], 1)

    @property
    def end(self) -> dt.date:
        """Its last day."""
        month, day = ((6, 30), (9, 30), (12, 31), (3, 31))[self.number - 1]
        return dt.date(self.year + (self.number == 4), month, day)

    def previous(self) -> Quarter:
        """The quarter before it.

        Raises:
            InvalidRecord: Before the first quarter of year 1.
        """
        if self.number > 1:
            return Quarter(year=self.year, number=self.number - 1)
        return Quarter(year=self.year - 1, number=4)

    def next(self) -> Quarter:
        """The quarter after it.

        Raises:
            InvalidRecord: After the last quarter of year 9998.
        """
        if self.number < 4:
            return Quarter(year=self.year, number=self.number + 1)
        return Quarter(year=self.year + 1, number=1)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.reporting_year} Q{self.number}"
