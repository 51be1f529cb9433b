"""Service requests: not complaints (1.4), until the resident is dissatisfied with the response (1.5).

A :class:`ServiceRequest` is an immutable, append-only record of one request:
raised, then any dissatisfaction the resident expressed with the response to
it, the landlord's answer that it is not a complaint, and its conversion into a
complaint. The record refuses only what none could hold (dates running
backwards, an answer with no dissatisfaction to answer, a complaint reference
used twice); :meth:`ServiceRequest.problems` reports the rest.

The dissatisfaction is grouped into episodes: each runs from the first
dissatisfaction expressed after the last answer or conversion to the next
answer or conversion, which closes it. A conversion makes the complaint
received on the day its episode began: the day the resident first expressed
the dissatisfaction it logs (1.5 says the complaint is raised then). A
conversion that closes no episode (the landlord logging the matter of its own
accord) makes it received on the day of the conversion.

A request is judged by the edition of the day it was raised, with that
edition's numbers: 2024's 1.5 and 1.3, or 2022's 1.4 (a "should", so a
warning) and 1.6.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Literal

import attrs

from complaintcode import _codec
from complaintcode.complaint._request_events import (
    ConvertedToComplaint,
    DissatisfactionAnswered,
    DissatisfactionExpressed,
    RequestEvent,
    ServiceRequestRaised,
    request_event_from_dict,
)
from complaintcode.editions import edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding

if TYPE_CHECKING:
    from collections.abc import Iterable

    from complaintcode.calendar import WorkingCalendar
    from complaintcode.complaint import Complaint
    from complaintcode.editions import Edition

__all__ = ["SERVICE_REQUEST_JSON_FORMAT", "ServiceRequest", "ServiceRequestStatus"]

#: The name and version written into every service request's JSON.
SERVICE_REQUEST_JSON_FORMAT = "complaintcode/service_request@1"
#: The keys of a stored service request: its format and its events.
_ENVELOPE = frozenset({"format", "events"})

#: Where a service request stands: no dissatisfaction recorded (``"raised"``),
#: dissatisfaction awaiting an answer or a conversion (``"dissatisfied"``), the
#: last dissatisfaction answered as not a complaint (``"answered"``), or
#: converted into a complaint (``"converted"``).
ServiceRequestStatus = Literal["raised", "dissatisfied", "answered", "converted"]

Closing = DissatisfactionAnswered | ConvertedToComplaint


@attrs.frozen
class _Episode:
    """Dissatisfaction expressed, and the answer or conversion that closed it, if any."""

    expressed: tuple[DissatisfactionExpressed, ...]
    closed_by: Closing | None


@attrs.frozen
class _Replayed:
    raised: ServiceRequestRaised
    episodes: tuple[_Episode, ...]
    #: Each conversion with the day the complaint it makes is received.
    conversions: tuple[tuple[ConvertedToComplaint, dt.date], ...]


class _Episodes:
    """The episodes and conversions found so far, while a record is replayed."""

    __slots__ = ("conversions", "episodes", "open")

    def __init__(self) -> None:
        self.episodes: list[_Episode] = []
        self.open: list[DissatisfactionExpressed] = []
        self.conversions: list[tuple[ConvertedToComplaint, dt.date]] = []

    def apply(self, event: RequestEvent) -> None:
        """Add one later event; paths in errors are relative to the event."""
        if isinstance(event, DissatisfactionExpressed):
            self.open.append(event)
        elif isinstance(event, DissatisfactionAnswered):
            if not self.open:
                raise InvalidRecord(
                    "no dissatisfaction expressed since the last answer or conversion is "
                    "left to answer"
                )
            self._close(event)
        elif isinstance(event, ConvertedToComplaint):
            taken = event.complaint_reference
            if any(c.complaint_reference == taken for c, _ in self.conversions):
                raise InvalidRecord(
                    f"the complaint {taken!r} was made from this request already",
                    path="complaint_reference",
                )
            self.conversions.append((event, self.open[0].on if self.open else event.on))
            if self.open:
                self._close(event)
        else:
            raise InvalidRecord("a service request is raised once, as its first event")

    def _close(self, event: Closing) -> None:
        self.episodes.append(_Episode(tuple(self.open), event))
        self.open = []

    def done(self, raised: ServiceRequestRaised) -> _Replayed:
        """The replayed record, with any dissatisfaction still open as its last episode."""
        episodes = list(self.episodes)
        if self.open:
            episodes.append(_Episode(tuple(self.open), None))
        return _Replayed(raised, tuple(episodes), tuple(self.conversions))


def _replay(events: tuple[RequestEvent, ...]) -> _Replayed:
    """Check a service request's record and group its dissatisfaction into episodes.

    Raises:
        InvalidRecord: With the path of the event at fault (``events[2]``).
    """
    if not events:
        raise InvalidRecord("a service request needs at least its raising", path="events")
    first = events[0]
    if not isinstance(first, ServiceRequestRaised):
        raise InvalidRecord("the first event must be the request raised", path="events[0]")
    found = _Episodes()
    last = first.on
    for index in range(1, len(events)):
        event = events[index]
        path = f"events[{index}]"
        if not isinstance(event, RequestEvent):
            raise InvalidRecord(f"not a service request's event: {type(event).__name__}", path=path)
        if event.on < last:
            raise InvalidRecord(
                f"{event.on.isoformat()} is before the previous event ({last.isoformat()}): "
                "dates must not run backwards",
                path=f"{path}.on",
            )
        last = event.on
        try:
            found.apply(event)
        except InvalidRecord as err:
            raise InvalidRecord(
                err.message, path=f"{path}.{err.path}" if err.path else path
            ) from None
    return found.done(first)


def _to_events(value: Iterable[RequestEvent]) -> tuple[RequestEvent, ...]:
    try:
        return tuple(value)
    except TypeError:
        raise InvalidRecord(
            f"expected the events as a sequence, got {type(value).__name__}", path="events"
        ) from None


@attrs.frozen(kw_only=True)
class ServiceRequest:
    """A service request: its events, and what they say (1.4, 1.5, 1.3).

    Build one with :meth:`record` or :meth:`from_events`; extend it with
    :meth:`express_dissatisfaction`, :meth:`answer_dissatisfaction` and
    :meth:`convert`, each returning a new :class:`ServiceRequest`. Two
    service requests are equal when their events are.

    >>> import datetime as dt
    >>> r = ServiceRequest.record(
    ...     "SR-1", raised=dt.date(2024, 5, 1), description="The boiler is broken."
    ... )
    >>> r = r.express_dissatisfaction(dt.date(2024, 5, 20), "Nobody has come to fix it.")
    >>> [str(f) for f in r.problems(as_of=dt.date(2024, 5, 21))]
    ['1.5: the dissatisfaction with the response to the service request expressed on 2024-05-20 was neither logged as a complaint nor answered with a reason why it is not one (as of 2024-05-21)']
    >>> r = r.convert(dt.date(2024, 5, 22), "C-77")
    >>> r.problems(as_of=dt.date(2024, 5, 22)), r.to_complaint().received
    ((), datetime.date(2024, 5, 20))

    Attributes:
        events: The append-only history; the first event is the request raised.
    """

    events: tuple[RequestEvent, ...] = attrs.field(converter=_to_events)
    _replayed: _Replayed = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_replayed", _replay(self.events))

    # --- building ---------------------------------------------------------------

    @classmethod
    def record(
        cls,
        reference: str,
        *,
        raised: dt.date,
        description: str,
        resident: str | None = None,
        channel: str | None = None,
        categories: tuple[str, ...] | list[str] | str = (),
        tenure: str | None = None,
    ) -> ServiceRequest:
        """Record a new service request (1.4: recorded, monitored and reviewed).

        Raises:
            InvalidRecord: For a blank reference, a wrong type, a blank
                category or an unknown tenure.
        """
        event = ServiceRequestRaised(
            on=raised,
            reference=reference,
            description=description,
            resident=resident,
            channel=channel,
            categories=categories,
            tenure=tenure,
        )
        return cls(events=(event,))

    @classmethod
    def from_events(cls, events: Iterable[RequestEvent]) -> ServiceRequest:
        """Rebuild a service request from its events, as stored.

        Raises:
            InvalidRecord: With the path of the event at fault (``events[2]``).
        """
        return cls(events=_to_events(events))

    def _with(self, event: RequestEvent) -> ServiceRequest:
        return ServiceRequest(events=(*self.events, event))

    def express_dissatisfaction(
        self, on: dt.date, said: str, *, complaint_requested: bool = False
    ) -> ServiceRequest:
        """Record dissatisfaction the resident expressed with the response to the request (1.5).

        Args:
            on: The day it was expressed.
            said: What the resident said.
            complaint_requested: Whether the resident asked to make a complaint.
        """
        return self._with(
            DissatisfactionExpressed(on=on, said=said, complaint_requested=complaint_requested)
        )

    def answer_dissatisfaction(
        self, on: dt.date, reason: str, *, choice_offered: bool
    ) -> ServiceRequest:
        """Record the answer that the dissatisfaction is not a complaint, and why.

        It answers every dissatisfaction expressed since the last answer or
        conversion. Recorded as it happened; :meth:`problems` reports an answer
        without a reason, one to a resident who asked to complain, and one
        that did not give the choice to complain (1.3; 2022: 1.6).

        Args:
            on: The day of the answer.
            reason: Why it is not taken as a complaint.
            choice_offered: Whether the resident was given the choice to make
                a complaint (1.3).

        Raises:
            InvalidRecord: With no dissatisfaction left to answer.
        """
        return self._with(
            DissatisfactionAnswered(on=on, reason=reason, choice_offered=choice_offered)
        )

    def convert(self, on: dt.date, complaint_reference: str) -> ServiceRequest:
        """Record the dissatisfaction logged as a complaint, under the complaint's reference (1.5).

        :meth:`to_complaint` then gives the complaint, received on the day the
        dissatisfaction was first expressed.

        Raises:
            InvalidRecord: For a blank reference, or one an earlier conversion used.
        """
        return self._with(ConvertedToComplaint(on=on, complaint_reference=complaint_reference))

    # --- what a caller asks -----------------------------------------------------

    @property
    def raising(self) -> ServiceRequestRaised:
        """The first event: who asked, for what, and when."""
        return self._replayed.raised

    @property
    def reference(self) -> str:
        """The landlord's reference for the request."""
        return self._replayed.raised.reference

    @property
    def raised(self) -> dt.date:
        """The day the request was raised."""
        return self._replayed.raised.on

    @property
    def categories(self) -> tuple[str, ...]:
        """What the request is about, from the landlord's own list."""
        return self._replayed.raised.categories

    @property
    def tenure(self) -> str | None:
        """The tenure of the home, or ``None``."""
        return self._replayed.raised.tenure

    @property
    def edition(self) -> Edition:
        """The edition that governs the request, chosen by the day it was raised."""
        return edition_for(self.raised)

    @property
    def dissatisfaction(self) -> tuple[DissatisfactionExpressed, ...]:
        """Every dissatisfaction the resident expressed, in order."""
        return tuple(e for e in self.events if isinstance(e, DissatisfactionExpressed))

    @property
    def conversions(self) -> tuple[ConvertedToComplaint, ...]:
        """Every conversion into a complaint, in order."""
        return tuple(c for c, _ in self._replayed.conversions)

    @property
    def complaint_references(self) -> tuple[str, ...]:
        """The references of the complaints made from the request, in order."""
        return tuple(c.complaint_reference for c, _ in self._replayed.conversions)

    @property
    def status(self) -> ServiceRequestStatus:
        """Where the request stands (see :data:`ServiceRequestStatus`)."""
        episodes = self._replayed.episodes
        if episodes and episodes[-1].closed_by is None:
            return "dissatisfied"
        last = next(
            (
                e
                for e in reversed(self.events)
                if isinstance(e, (DissatisfactionAnswered, ConvertedToComplaint))
            ),
            None,
        )
        if isinstance(last, ConvertedToComplaint):
            return "converted"
        return "answered" if last is not None else "raised"

    def received_on(self, complaint_reference: str | None = None) -> dt.date:
        """The day the complaint made by a conversion is received: its dissatisfaction's first day.

        Args:
            complaint_reference: The conversion's complaint reference; the
                last conversion by default.

        Raises:
            InvalidRecord: If the request was not converted, or not into that complaint.
        """
        return self._conversion(complaint_reference)[1]

    def _conversion(self, complaint_reference: str | None) -> tuple[ConvertedToComplaint, dt.date]:
        conversions = self._replayed.conversions
        if not conversions:
            raise InvalidRecord(
                f"the service request {self.reference!r} was not converted into a complaint",
                path="complaint_reference",
            )
        if complaint_reference is None:
            return conversions[-1]
        for conversion in conversions:
            if conversion[0].complaint_reference == complaint_reference:
                return conversion
        known = ", ".join(repr(c.complaint_reference) for c, _ in conversions)
        raise InvalidRecord(
            f"the service request {self.reference!r} was not converted into the complaint "
            f"{_codec.shown(complaint_reference)} (converted into: {known})",
            path="complaint_reference",
        )

    def to_complaint(
        self,
        complaint_reference: str | None = None,
        *,
        calendar: WorkingCalendar | None = None,
        edition: Edition | None = None,
    ) -> Complaint:
        """The complaint a conversion made, received on the day its dissatisfaction was expressed.

        The complaint is received on :meth:`received_on`, from the request's
        resident, with the first dissatisfaction it logs as its summary, and
        the request's categories and tenure. Its timescales run from that day
        (6.2: acknowledged and logged within 5 working days of receipt).

        Args:
            complaint_reference: Which conversion; the last by default.
            calendar: The complaint's working-day calendar.
            edition: The reading of its edition (see :class:`Complaint`).

        Raises:
            InvalidRecord: If the request was not converted, or not into that complaint.
        """
        # The complaint record sits in the part's face, which imports this room.
        from complaintcode.complaint import Complaint  # noqa: PLC0415

        conversion, received = self._conversion(complaint_reference)
        summary = next(
            (ep.expressed[0].said for ep in self._replayed.episodes if ep.closed_by is conversion),
            None,
        )
        raised = self._replayed.raised
        return Complaint.receive(
            conversion.complaint_reference,
            received=received,
            complainant=raised.resident,
            summary=summary,
            categories=raised.categories,
            tenure=raised.tenure,
            calendar=calendar,
            edition=edition,
        )

    def problems(self, as_of: dt.date) -> tuple[Finding, ...]:
        """What the record shows against the Code, as things stood at the end of ``as_of``.

        - dissatisfaction expressed, by the day before ``as_of``, and neither
          logged as a complaint nor answered (1.5; 2022: 1.4, a warning), or,
          where the resident asked to complain, not logged (1.3; 2022: 1.6);
        - an answer that it is not a complaint given to a resident who asked to
          complain (1.3; 2022: 1.6), without a reason (1.5; 2022: 1.4), or
          without the choice to complain (1.3; not in the 2022 edition).

        Each finding names the request's reference and cites the edition of
        the day it was raised.

        Raises:
            InvalidRecord: If ``as_of`` is not a date, or is before the request was raised.
        """
        if type(as_of) is not dt.date:
            raise InvalidRecord(f"expected a date, got {type(as_of).__name__}", path="as_of")
        if as_of < self.raised:
            raise InvalidRecord(
                f"{as_of.isoformat()} is before the service request was raised "
                f"({self.raised.isoformat()})",
                path="as_of",
            )
        cut = bisect.bisect_right([e.on for e in self.events], as_of)
        replayed = self._replayed if cut == len(self.events) else _replay(self.events[:cut])
        edition = self.edition
        found: list[Finding] = []
        for episode in replayed.episodes:
            found.extend(_episode_findings(edition, episode, as_of))
        reference = self.reference
        return tuple(attrs.evolve(f, reference=reference) for f in found)

    # --- persistence --------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The service request as JSON-ready data: the format, then its events in order."""
        return {"format": SERVICE_REQUEST_JSON_FORMAT, "events": [e.to_dict() for e in self.events]}

    def to_json(self, *, indent: int | None = None) -> str:
        """The service request as JSON (ISO dates; field names documented in the docs)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: object) -> ServiceRequest:
        """Rebuild a service request from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field (``events[1].on``).
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}")
        if not _ENVELOPE.issuperset(data):
            raise _codec.unknown_field(data, _ENVELOPE, "")
        if data.get("format") != SERVICE_REQUEST_JSON_FORMAT:
            raise InvalidRecord(
                f"expected format {SERVICE_REQUEST_JSON_FORMAT!r}, "
                f"got {_codec.shown(data.get('format'))}",
                path="format",
            )
        raw = data.get("events")
        if not isinstance(raw, list):
            raise InvalidRecord("expected a list of events", path="events")
        return cls.from_events(
            request_event_from_dict(e, path=f"events[{i}]") for i, e in enumerate(raw)
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> ServiceRequest:
        """Rebuild a service request from :meth:`to_json` output.

        Raises:
            InvalidRecord: For text that is not JSON, or a bad field (with its path).
        """
        data = _codec.loads(text, what="a service request")
        return cls.from_dict(data)


def _episode_findings(edition: Edition, episode: _Episode, as_of: dt.date) -> list[Finding]:
    """What one episode of dissatisfaction shows against the Code, on ``as_of``."""
    closed = episode.closed_by
    if isinstance(closed, ConvertedToComplaint):
        return []
    first = episode.expressed[0]
    asked = next((e for e in episode.expressed if e.complaint_requested), None)
    said_on = first.on.isoformat()
    if closed is None:
        if as_of <= first.on:
            return []
        if asked is not None:
            return [
                _finding(
                    edition,
                    "complaint_on_request",
                    f"the resident asked on {asked.on.isoformat()} to complain about the "
                    f"response to the service request, and it was not logged as a complaint "
                    f"(as of {as_of.isoformat()})",
                    as_of,
                )
            ]
        return [
            _finding(
                edition,
                "service_request_complaint",
                f"the dissatisfaction with the response to the service request expressed on "
                f"{said_on} was neither logged as a complaint nor answered with a reason why it "
                f"is not one (as of {as_of.isoformat()})",
                as_of,
            )
        ]
    answered_on = closed.on.isoformat()
    found: list[Finding] = []
    if asked is not None:
        found.append(
            _finding(
                edition,
                "complaint_on_request",
                f"the resident asked on {asked.on.isoformat()} to complain about the response "
                f"to the service request, and was answered on {answered_on} that it is not a "
                "complaint",
                closed.on,
            )
        )
    if not closed.reason.strip():
        found.append(
            _finding(
                edition,
                "service_request_complaint",
                f"the dissatisfaction expressed on {said_on} was answered on {answered_on} as "
                "not a complaint without a reason why",
                closed.on,
            )
        )
    if asked is None and not closed.choice_offered and edition.in_force("choice_to_complain"):
        found.append(
            _finding(
                edition,
                "choice_to_complain",
                f"the dissatisfaction expressed on {said_on} was answered on {answered_on} as "
                "not a complaint without giving the resident the choice to make one",
                closed.on,
            )
        )
    return found


def _finding(edition: Edition, key: str, message: str, on: dt.date) -> Finding:
    return Finding(
        provision=edition.cite(key), message=message, severity=edition.severity(key), on=on
    )
