"""The year month by month: each stage's volumes and timeliness (behind ``reporting``).

The annual report's charts (8.1: a quantitative analysis of performance) show,
for each month of the reporting year, the stage 1 complaints received and the
stage 2 escalation requests made, and the responses made at each stage and how
many of them were in time. The counting rules are the year's own
(``docs/reporting.md``), applied to each month: a stage counts in the month it
started (receipt, or the escalation request), a response in the month it was
made. So the months add up to the year's counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode import _fields
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.complaint import StageRecord

__all__ = ["MonthCounts", "MonthTally", "month_counts"]

_COUNTS = ("received", "responses", "responses_in_time", "responses_in_time_with_extension")


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _first_day(_instance: object, _attribute: object, value: dt.date) -> None:
    if type(value) is not dt.date or value.day != 1:
        raise InvalidRecord(f"expected the first day of a month, got {value!r}", path="month")


@attrs.frozen(kw_only=True)
class MonthCounts:
    """One stage in one month of the year: complaints received, and responses made and in time.

    Attributes:
        month: The month's first day.
        stage: The stage.
        received: Stage 1 complaints received in the month (stage 2: escalation
            requests made in it).
        responses: Responses made at the stage in the month.
        responses_in_time: Of those, by the unextended deadline.
        responses_in_time_with_extension: By the unextended deadline, or by the
            extended one where the extension kept within the limit or had a good
            reason.

    Raises:
        InvalidRecord: For a month that is not a first day, a negative count, or
            in-time counts above the responses.

    >>> m = MonthCounts(month=dt.date(2024, 4, 1), stage=1, received=3, responses=2)
    >>> m.label, m.late, m.late_with_extension
    ('April 2024', 2, 2)
    """

    month: dt.date = attrs.field(validator=_first_day)
    stage: Stage = attrs.field(converter=_fields.stage)
    received: int = attrs.field(default=0, validator=_whole)
    responses: int = attrs.field(default=0, validator=_whole)
    responses_in_time: int = attrs.field(default=0, validator=_whole)
    responses_in_time_with_extension: int = attrs.field(default=0, validator=_whole)

    def __attrs_post_init__(self) -> None:
        if not (self.responses_in_time <= self.responses_in_time_with_extension <= self.responses):
            raise InvalidRecord(
                "the counts do not add up: expected responses_in_time <= "
                "responses_in_time_with_extension <= responses",
                path="responses_in_time",
            )

    @property
    def label(self) -> str:
        """The month as words, such as ``April 2024``."""
        return self.month.strftime("%B %Y")

    @property
    def late(self) -> int:
        """Responses after the unextended deadline."""
        return self.responses - self.responses_in_time

    @property
    def late_with_extension(self) -> int:
        """Responses late even counting Code-compliant extensions."""
        return self.responses - self.responses_in_time_with_extension

    def to_dict(self) -> dict[str, Any]:
        """The month as JSON-ready data: ``month`` as ``YYYY-MM``, ``stage`` a number, the counts."""
        return {
            "month": self.month.strftime("%Y-%m"),
            "stage": int(self.stage),
            **{name: getattr(self, name) for name in _COUNTS},
        }


def month_counts(value: Iterable[MonthCounts]) -> tuple[MonthCounts, ...]:
    """Months merged by (month, stage), their counts added, in order; months of zeros left out.

    Raises:
        InvalidRecord: For anything that is not a :class:`MonthCounts`.
    """
    merged: dict[tuple[dt.date, Stage], Counter[str]] = {}
    for item in value:
        if not isinstance(item, MonthCounts):
            raise InvalidRecord(f"expected MonthCounts, got {type(item).__name__}", path="months")
        totals = merged.setdefault((item.month, item.stage), Counter())
        totals.update({name: getattr(item, name) for name in _COUNTS})
    return tuple(
        MonthCounts(month=month, stage=stage, **{name: totals[name] for name in _COUNTS})
        for (month, stage), totals in sorted(merged.items())
        if any(totals.values())
    )


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, month = [], _month(start)
    while month <= end:
        out.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out


class MonthTally:
    """Running monthly totals of the year's stages, by the year's counting rules.

    Args:
        start: The year's first day.
        end: The year's last day; a stage started up to it counts.
        last: The last day counted for responses (the report's date, if earlier).
    """

    def __init__(self, start: dt.date, end: dt.date, last: dt.date) -> None:
        self.start, self.end, self.last = start, end, last
        self.counts: dict[tuple[dt.date, Stage], Counter[str]] = {
            (month, stage): Counter() for month in _months(start, end) for stage in Stage
        }

    def add(self, records: Iterable[StageRecord | None]) -> None:
        """Count one complaint's stage records (as they stood on the report's date) in."""
        for stage, record in zip(Stage, records, strict=True):
            if record is None:
                continue
            if self.start <= record.started <= self.end:
                self.counts[(_month(record.started), stage)]["received"] += 1
            responded = record.responded
            if responded is None or not self.start <= responded <= self.last:
                continue
            counter = self.counts[(_month(responded), stage)]
            in_time = responded <= record.response_due
            extended = record.extended_due
            within = (
                record.extension_within_limit and extended is not None and responded <= extended
            )
            counter["responses"] += 1
            counter["responses_in_time"] += in_time
            counter["responses_in_time_with_extension"] += in_time or within

    def result(self) -> tuple[MonthCounts, ...]:
        """The months and stages with something counted, in order."""
        return month_counts(
            MonthCounts(month=month, stage=stage, **{name: c[name] for name in _COUNTS})
            for (month, stage), c in self.counts.items()
        )
