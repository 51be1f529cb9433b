"""The year's remedies in the annual report: offered, done, and the compensation (7.3).

A remedy is counted as **offered** in the year when the response letter that
offered it was sent in the year, and as **done** in the year when it was done
in the year, whatever year it was offered in (as responses are counted when
made). A remedy the letter itself gives (an apology, say) is done on the day
of the letter. **Compensation offered** and **compensation paid** are the
amounts of the financial remedies among those offered and those done.
:class:`RemedyCounts` adds up with ``+``, as the other counts do.

:class:`RemedyKindCount` splits the same counts by the kind of remedy 7.1
names, and adds the remedies **overdue** on the last day counted: still to be
done after their ``by_when`` date, whatever year they were offered in (7.3).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.errors import InvalidRecord
from complaintcode.remedies import RemedyKind

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint import Complaint

__all__: list[str] = []

_NONE = Decimal("0.00")


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _pounds(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise InvalidRecord(
            f"expected an amount of pounds and pence, 0 or more, got {value!r}",
            path="compensation",
        )
    try:
        amount = Decimal(value)
        pounds = amount.quantize(_NONE)
    except ArithmeticError:  # not a number, or too large to hold to the penny
        pounds = None
    if pounds is None or pounds != amount or pounds < 0:
        raise InvalidRecord(
            f"expected an amount of pounds and pence, 0 or more, got {value!r}",
            path="compensation",
        )
    return pounds


@attrs.frozen(kw_only=True)
class RemedyCounts:
    """The year's remedies (7.3): offered and done, and the compensation offered and paid.

    Attributes:
        offered: Remedies offered in the responses made in the year.
        done: Remedies done in the year, whatever year they were offered in.
        compensation_offered: The amounts of the financial remedies offered, in pounds.
        compensation_paid: The amounts of the financial remedies done, in pounds.

    Raises:
        InvalidRecord: For a negative count, or an amount that is not pounds
            and pence, 0 or more.

    >>> a = RemedyCounts(offered=2, done=1, compensation_offered="150", compensation_paid="50")
    >>> (a + a).offered, (a + a).compensation_paid
    (4, Decimal('100.00'))
    """

    offered: int = attrs.field(default=0, validator=_whole)
    done: int = attrs.field(default=0, validator=_whole)
    compensation_offered: Decimal = attrs.field(default=_NONE, converter=_pounds)
    compensation_paid: Decimal = attrs.field(default=_NONE, converter=_pounds)

    def __add__(self, other: object) -> RemedyCounts:
        if not isinstance(other, RemedyCounts):
            return NotImplemented
        return RemedyCounts(
            offered=self.offered + other.offered,
            done=self.done + other.done,
            compensation_offered=self.compensation_offered + other.compensation_offered,
            compensation_paid=self.compensation_paid + other.compensation_paid,
        )

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data; the amounts as decimal text such as ``"150.00"``."""
        return {
            "offered": self.offered,
            "done": self.done,
            "compensation_offered": str(self.compensation_offered),
            "compensation_paid": str(self.compensation_paid),
        }


def _kind(value: object) -> RemedyKind:
    return RemedyKind.parse(value)


@attrs.frozen(kw_only=True)
class RemedyKindCount:
    """The year's remedies of one kind (7.1): offered, done and overdue (7.3).

    Attributes:
        kind: The kind of remedy (a ``RemedyKind``, or its value).
        offered: Remedies of the kind offered in the responses made in the year.
        done: Remedies of the kind done in the year.
        overdue: Remedies of the kind still to be done after their date, on the
            last day counted.

    >>> RemedyKindCount(kind="financial", offered=2, done=1).kind.label
    'Financial remedy'
    """

    kind: RemedyKind = attrs.field(converter=_kind)
    offered: int = attrs.field(default=0, validator=_whole)
    done: int = attrs.field(default=0, validator=_whole)
    overdue: int = attrs.field(default=0, validator=_whole)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the kind's value and the counts."""
        return {
            "kind": self.kind.value,
            "offered": self.offered,
            "done": self.done,
            "overdue": self.overdue,
        }


def remedy_kinds(value: object) -> tuple[RemedyKindCount, ...]:
    """Counts of remedies by kind, merged per kind and in the order of ``RemedyKind``."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InvalidRecord("expected a list of RemedyKindCount", path="remedy_kinds")
    merged: dict[RemedyKind, list[int]] = {}
    for index, item in enumerate(value):
        if not isinstance(item, RemedyKindCount):
            raise InvalidRecord(
                f"expected RemedyKindCount, got {type(item).__name__}",
                path=f"remedy_kinds[{index}]",
            )
        totals = merged.setdefault(item.kind, [0, 0, 0])
        totals[0] += item.offered
        totals[1] += item.done
        totals[2] += item.overdue
    return tuple(
        RemedyKindCount(kind=kind, offered=o, done=d, overdue=late)
        for kind in RemedyKind
        if kind in merged
        for o, d, late in (merged[kind],)
        if o or d or late
    )


class RemedyTally:
    """Running totals of the year's remedies, one complaint at a time."""

    __slots__ = (
        "by_kind",
        "compensation_offered",
        "compensation_paid",
        "done",
        "first",
        "last",
        "offered",
    )

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        self.offered = self.done = 0
        self.compensation_offered = self.compensation_paid = _NONE
        #: For each kind: offered, done and overdue.
        self.by_kind: dict[RemedyKind, list[int]] = {}

    def add(self, complaint: Complaint) -> None:
        """Count the remedies of one complaint, as its record stands."""
        first, last = self.first, self.last
        for tracked in complaint.remedies:
            remedy = tracked.remedy
            amount = remedy.amount if remedy.kind is RemedyKind.FINANCIAL else None
            kind = self.by_kind.setdefault(remedy.kind, [0, 0, 0])
            if first <= tracked.offered_on <= last:
                self.offered += 1
                kind[0] += 1
                self.compensation_offered += amount or _NONE
            done = tracked.done_on
            if done is not None and first <= done <= last:
                self.done += 1
                kind[1] += 1
                self.compensation_paid += amount or _NONE
            kind[2] += tracked.is_overdue(last)

    def counts(self) -> RemedyCounts:
        """The totals as :class:`RemedyCounts`."""
        return RemedyCounts(
            offered=self.offered,
            done=self.done,
            compensation_offered=self.compensation_offered,
            compensation_paid=self.compensation_paid,
        )

    def kinds(self) -> tuple[RemedyKindCount, ...]:
        """The totals by kind, in the order of ``RemedyKind``."""
        return remedy_kinds(
            [
                RemedyKindCount(kind=kind, offered=o, done=d, overdue=late)
                for kind, (o, d, late) in self.by_kind.items()
            ]
        )
