"""The Housing Ombudsman's determination of a complaint referred to it, and its orders.

After the referral (the final state ``referred_to_ombudsman``) the record may
hold the Ombudsman's determination
(:class:`~complaintcode.complaint.events.OmbudsmanDetermined`) and the orders
done (:class:`~complaintcode.complaint.events.OrderCompleted`); neither moves
the complaint. :class:`OmbudsmanState` refuses only what no record could hold:
a determination before the referral, an order identifier used twice, the
completion of an order never made or already done.

The Code has no provision on complying with the Ombudsman's orders, so the
audit reports none; the reports to the governing body and the Member
Responsible for Complaints list the determinations and the orders outstanding
or overdue (9.7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaintcode.complaint._views import OmbudsmanRecord, TrackedOrder
from complaintcode.complaint.events import OmbudsmanDetermined, OrderCompleted
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint.events import Event, OmbudsmanOrder

#: The events this module tracks.
OMBUDSMAN_EVENTS: tuple[type[Event], ...] = (OmbudsmanDetermined, OrderCompleted)


def track(
    tracked: OmbudsmanState | None,
    state: str,
    moves: list[tuple[str, str, dt.date]],
    event: Event,
) -> OmbudsmanState:
    """Track one event of :data:`OMBUDSMAN_EVENTS` on a complaint in lifecycle ``state``.

    Raises:
        InvalidRecord: Before the referral, or as :meth:`OmbudsmanState.apply` does.
    """
    if state != "referred_to_ombudsman":
        raise InvalidRecord(
            "the Ombudsman's determination and orders are recorded once the complaint is "
            f"referred to the Ombudsman; it is {state.replace('_', ' ')}"
        )
    if tracked is None:
        referred = next(on for _, verb, on in moves if verb == "refer_to_ombudsman")
        tracked = OmbudsmanState(referred)
    tracked.apply(event)
    return tracked


class OmbudsmanState:
    """The determinations and orders of a replayed record, in order."""

    __slots__ = ("completed", "determinations", "orders", "referred_on")

    def __init__(self, referred_on: dt.date) -> None:
        self.referred_on = referred_on
        self.determinations: list[OmbudsmanDetermined] = []
        #: Each order by identifier, with the day of the determination that made it.
        self.orders: dict[str, tuple[OmbudsmanOrder, dt.date]] = {}
        self.completed: dict[str, OrderCompleted] = {}

    def copy(self) -> OmbudsmanState:
        """A copy that can be advanced without touching this one."""
        new = OmbudsmanState(self.referred_on)
        new.determinations = self.determinations.copy()
        new.orders = self.orders.copy()
        new.completed = self.completed.copy()
        return new

    def apply(self, event: Event) -> None:
        """Track one event of :data:`OMBUDSMAN_EVENTS`.

        Raises:
            InvalidRecord: For an order identifier used by an earlier
                determination, or the completion of an order never made or
                already done.
        """
        if isinstance(event, OmbudsmanDetermined):
            for index, order in enumerate(event.orders):
                if order.order_id in self.orders:
                    raise InvalidRecord(
                        f"an order {order.order_id!r} was made by an earlier determination",
                        path=f"orders[{index}].order_id",
                    )
            self.determinations.append(event)
            for order in event.orders:
                self.orders[order.order_id] = (order, event.on)
        elif isinstance(event, OrderCompleted):
            if event.order_id not in self.orders:
                raise InvalidRecord(
                    f"the Ombudsman made no order {event.order_id!r}", path="order_id"
                )
            done = self.completed.get(event.order_id)
            if done is not None:
                raise InvalidRecord(
                    f"the order {event.order_id!r} was done on {done.on.isoformat()}",
                    path="order_id",
                )
            self.completed[event.order_id] = event
        else:  # pragma: no cover  # the replay hands over only OMBUDSMAN_EVENTS
            raise InvalidRecord(f"unknown event {type(event).__name__}", path="kind")

    def view(self) -> OmbudsmanRecord | None:
        """The record of the determination in force and every order, or ``None`` before one."""
        if not self.determinations:
            return None
        latest = self.determinations[-1]
        orders = []
        for key, (order, ordered_on) in self.orders.items():
            done = self.completed.get(key)
            orders.append(
                TrackedOrder(
                    order_id=key,
                    description=order.description,
                    due=order.due,
                    completed_on=None if done is None else done.on,
                    note=None if done is None else done.note,
                    ordered_on=ordered_on,
                )
            )
        return OmbudsmanRecord(
            referred_on=self.referred_on,
            determined_on=latest.on,
            determination=latest.determination,
            orders=tuple(orders),
            determinations=tuple((d.on, d.determination) for d in self.determinations),
        )
