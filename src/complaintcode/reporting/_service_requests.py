"""Service requests in the reports: how many, how many led to dissatisfaction, and what became of it.

A service request is not a complaint (1.4), but dissatisfaction with the
response to one is (1.5). When the caller passes the year's service requests,
the report counts, as their records stood on the last day counted:

- **requests**: the requests raised in the period;
- **dissatisfied**: the requests on which the resident expressed dissatisfaction
  in the period (a request counts once, however often);
- **answered**: the landlord's answers in the period that the dissatisfaction
  was not a complaint, with the reason;
- **converted**: the conversions into a complaint in the period;
- **awaiting**: the requests whose dissatisfaction was awaiting an answer or a
  conversion on the last day counted, whatever period it was expressed in;
- the **findings** of :meth:`~complaintcode.complaint.ServiceRequest.problems`
  (1.5, 1.3; the 2022 edition's 1.4 and 1.6) that fall in the period, by the
  day each concerns. They are kept with the complaints' audit findings too.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.complaint import ServiceRequest
from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from complaintcode.findings import Finding

__all__: list[str] = []

_FIELDS = ("requests", "dissatisfied", "answered", "converted", "awaiting", "breaches", "warnings")


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _count() -> Any:  # noqa: ANN401  # an attrs field, typed Any upstream
    return attrs.field(default=0, validator=_whole)


@attrs.frozen(kw_only=True)
class ServiceRequestCounts:
    """The period's service requests (1.4), the dissatisfaction with them and its handling (1.5).

    Attributes:
        requests: Requests raised in the period.
        dissatisfied: Requests on which dissatisfaction was expressed in the period.
        answered: Answers in the period that the dissatisfaction was not a complaint.
        converted: Conversions into a complaint in the period.
        awaiting: Requests whose dissatisfaction awaited an answer or a conversion
            on the last day counted.
        breaches: Findings of the period that are breaches (1.5, 1.3).
        warnings: Findings of the period that are warnings.

    >>> a = ServiceRequestCounts(requests=10, dissatisfied=2, converted=1)
    >>> (a + a).converted, a.findings
    (2, 0)
    """

    requests: int = _count()
    dissatisfied: int = _count()
    answered: int = _count()
    converted: int = _count()
    awaiting: int = _count()
    breaches: int = _count()
    warnings: int = _count()

    @property
    def findings(self) -> int:
        """The findings of the period, breaches and warnings."""
        return self.breaches + self.warnings

    def __add__(self, other: object) -> ServiceRequestCounts:
        if not isinstance(other, ServiceRequestCounts):
            return NotImplemented
        return ServiceRequestCounts(**{f: getattr(self, f) + getattr(other, f) for f in _FIELDS})

    def to_dict(self) -> dict[str, int]:
        """The counts as JSON-ready data."""
        return {f: getattr(self, f) for f in _FIELDS}


def count_service_requests(
    requests: Iterable[object], first: dt.date, last: dt.date, as_of: dt.date
) -> tuple[ServiceRequestCounts, tuple[Finding, ...]]:
    """Count the service requests of a period, and keep their findings that belong to it.

    Args:
        requests: The service requests; each reference once.
        first: The period's first day.
        last: The last day counted: the period's last day, or ``as_of`` if earlier.
        as_of: The day the records are read up to.

    Raises:
        InvalidRecord: For something that is not a ``ServiceRequest``, or a
            reference given twice.
    """
    counted: Counter[str] = Counter()
    kept: list[Finding] = []
    seen: set[str] = set()
    if isinstance(requests, (str, bytes)) or not hasattr(requests, "__iter__"):
        raise InvalidRecord(
            f"expected a list of service requests, got {type(requests).__name__}",
            path="service_requests",
        )
    for index, request in enumerate(requests):
        if not isinstance(request, ServiceRequest):
            raise InvalidRecord(
                f"expected a ServiceRequest, got {type(request).__name__}",
                path=f"service_requests[{index}]",
            )
        if request.reference in seen:
            raise InvalidRecord(
                f"the service request {request.reference!r} appears twice: each is counted once",
                path=f"service_requests[{index}]",
            )
        seen.add(request.reference)
        if request.raised <= last:
            _count_events(request, first, last, counted)
            for finding in request.problems(as_of):
                day = finding.due or finding.on
                if day is None or first <= day <= last:
                    kept.append(finding)
                    counted["breaches" if finding.severity == "breach" else "warnings"] += 1
    return ServiceRequestCounts(**counted), tuple(kept)


#: The counter each kind of event adds to, when it falls in the period.
_COUNTED = {
    "raised": "requests",
    "dissatisfaction_answered": "answered",
    "converted_to_complaint": "converted",
}


def _count_events(
    request: ServiceRequest, first: dt.date, last: dt.date, counted: Counter[str]
) -> None:
    """Count one request's events of the period, and whether it awaits an answer on ``last``."""
    dissatisfied = False
    for event in request.events:
        if first <= event.on <= last:
            if event.kind == "dissatisfaction_expressed":
                dissatisfied = True
            elif event.kind in _COUNTED:
                counted[_COUNTED[event.kind]] += 1
    counted["dissatisfied"] += dissatisfied
    standing = request
    if request.events[-1].on > last:
        standing = ServiceRequest.from_events(e for e in request.events if e.on <= last)
    counted["awaiting"] += standing.status == "dissatisfied"
