"""The Housing Ombudsman's determinations and orders in the reports (9.7).

The governing body and the Member Responsible for Complaints receive the
Ombudsman's outcomes and the orders made (9.7). :class:`OmbudsmanCounts`
gathers, for a period:

- the complaints **referred** to the Ombudsman in the period;
- the **determinations made** in the period (a complaint determined twice, after
  a review say, has both), each with its complaint and date;
- the **orders made** in the period, and those **done** in it;
- the orders **outstanding** on the period's last day counted, whatever period
  they were made in, each marked **overdue** when it was still to be done after
  its due date (due on its date, overdue from the next day).

They add up with ``+`` as the other counts do.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode import _fields
from complaintcode.complaint.events import Determination, ReferredToOmbudsman
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from complaintcode.complaint import Complaint

__all__: list[str] = []


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidRecord(f"expected True or False, got {value!r}", path=attribute.name)


def _determination(value: object) -> Determination:
    return Determination.parse(value)


@attrs.frozen(kw_only=True)
class ReportedDetermination:
    """A determination of the Ombudsman made in the period, on one complaint.

    Attributes:
        reference: The complaint's reference.
        on: The day of the determination.
        determination: The Ombudsman's finding (a ``Determination``, or its text).

    >>> import datetime as dt
    >>> ReportedDetermination(
    ...     reference="C-1", on=dt.date(2024, 9, 2), determination="Severe maladministration"
    ... ).determination.value
    'severe_maladministration'
    """

    reference: str = attrs.field(validator=_fields.text)
    on: dt.date = attrs.field(validator=_fields.date)
    determination: Determination = attrs.field(converter=_determination)

    def to_dict(self) -> dict[str, str]:
        """JSON-ready: the reference, the ISO date and the determination's text."""
        return {
            "reference": self.reference,
            "on": self.on.isoformat(),
            "determination": self.determination.value,
        }


@attrs.frozen(kw_only=True)
class ReportedOrder:
    """An order of the Ombudsman still to be done on the period's last day counted.

    Attributes:
        reference: The complaint's reference.
        order_id: The order's identifier.
        description: What the landlord was ordered to do.
        due: The day it must be done by.
        overdue: Whether it was still to be done after ``due``.
    """

    reference: str = attrs.field(validator=_fields.text)
    order_id: str = attrs.field(validator=_fields.text)
    description: str = attrs.field(validator=_fields.text)
    due: dt.date = attrs.field(validator=_fields.date)
    overdue: bool = attrs.field(default=False, validator=_flag)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fields, the due date as ISO text."""
        return {
            "reference": self.reference,
            "order_id": self.order_id,
            "description": self.description,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
        }


def _items(value: object, kind: type, path: str) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InvalidRecord(f"expected a list of {kind.__name__}", path=path)
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            raise InvalidRecord(
                f"expected {kind.__name__}, got {type(item).__name__}", path=f"{path}[{index}]"
            )
    return tuple(value)


def _determinations(value: object) -> tuple[ReportedDetermination, ...]:
    items: tuple[ReportedDetermination, ...] = _items(
        value, ReportedDetermination, "determinations"
    )
    return tuple(sorted(items, key=lambda d: (d.on, d.reference, d.determination.value)))


def _orders(value: object) -> tuple[ReportedOrder, ...]:
    items: tuple[ReportedOrder, ...] = _items(value, ReportedOrder, "outstanding")
    return tuple(sorted(items, key=lambda o: (o.due, o.reference, o.order_id)))


@attrs.frozen(kw_only=True)
class OmbudsmanCounts:
    """The Ombudsman's involvement in a period: referrals, determinations and orders (9.7).

    Attributes:
        referred: Complaints referred to the Ombudsman in the period.
        determinations: The determinations made in the period, by date.
        orders_made: Orders made by those determinations.
        orders_completed: Orders done in the period, whatever period they were made in.
        outstanding: The orders still to be done on the last day counted, by due date.

    >>> import datetime as dt
    >>> made = ReportedDetermination(
    ...     reference="C-1", on=dt.date(2024, 9, 2), determination="maladministration"
    ... )
    >>> counts = OmbudsmanCounts(referred=1, determinations=[made], orders_made=1)
    >>> (counts + counts).by_determination()
    (('maladministration', 2),)
    """

    referred: int = attrs.field(default=0, validator=_whole)
    determinations: tuple[ReportedDetermination, ...] = attrs.field(
        default=(), converter=_determinations
    )
    orders_made: int = attrs.field(default=0, validator=_whole)
    orders_completed: int = attrs.field(default=0, validator=_whole)
    outstanding: tuple[ReportedOrder, ...] = attrs.field(default=(), converter=_orders)

    @property
    def overdue(self) -> tuple[ReportedOrder, ...]:
        """The outstanding orders past their due date."""
        return tuple(o for o in self.outstanding if o.overdue)

    def by_determination(self) -> tuple[tuple[str, int], ...]:
        """How many determinations of each kind, in the order of ``Determination``."""
        counted = Counter(d.determination for d in self.determinations)
        return tuple((kind.value, counted[kind]) for kind in Determination if counted[kind])

    def __add__(self, other: object) -> OmbudsmanCounts:
        if not isinstance(other, OmbudsmanCounts):
            return NotImplemented
        return OmbudsmanCounts(
            referred=self.referred + other.referred,
            determinations=(*self.determinations, *other.determinations),
            orders_made=self.orders_made + other.orders_made,
            orders_completed=self.orders_completed + other.orders_completed,
            outstanding=(*self.outstanding, *other.outstanding),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the counts, each determination and each outstanding order."""
        return {
            "referred": self.referred,
            "determinations": [d.to_dict() for d in self.determinations],
            "by_determination": dict(self.by_determination()),
            "orders_made": self.orders_made,
            "orders_completed": self.orders_completed,
            "outstanding": [o.to_dict() for o in self.outstanding],
            "overdue": len(self.overdue),
        }


class OmbudsmanTally:
    """Running totals of the Ombudsman's involvement, one complaint at a time."""

    __slots__ = ("completed", "determinations", "first", "last", "made", "outstanding", "referred")

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        self.referred = self.made = self.completed = 0
        self.determinations: list[ReportedDetermination] = []
        self.outstanding: list[ReportedOrder] = []

    def add(self, complaint: Complaint) -> None:
        """Count one complaint's referral, determinations and orders, as its record stands."""
        first, last = self.first, self.last
        if complaint.status != "referred_to_ombudsman":
            return
        referral = next(e for e in complaint.events if isinstance(e, ReferredToOmbudsman))
        self.referred += first <= referral.on <= last
        record = complaint.ombudsman
        if record is None:
            return
        reference = complaint.reference
        self.determinations += [
            ReportedDetermination(reference=reference, on=on, determination=kind)
            for on, kind in record.determinations
            if first <= on <= last
        ]
        for order in record.orders:
            ordered = order.ordered_on
            self.made += ordered is not None and first <= ordered <= last
            done = order.completed_on
            self.completed += done is not None and first <= done <= last
            if order.is_outstanding(last):
                self.outstanding.append(
                    ReportedOrder(
                        reference=reference,
                        order_id=order.order_id,
                        description=order.description,
                        due=order.due,
                        overdue=order.is_overdue(last),
                    )
                )

    def counts(self) -> OmbudsmanCounts:
        """The totals as :class:`OmbudsmanCounts`."""
        return OmbudsmanCounts(
            referred=self.referred,
            determinations=self.determinations,
            orders_made=self.made,
            orders_completed=self.completed,
            outstanding=self.outstanding,
        )
