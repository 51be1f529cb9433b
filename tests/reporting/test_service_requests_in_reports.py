"""Service requests in the annual report (1.4, 1.5, 1.3; 8.1).

1.4: a service request is not a complaint; 1.5: dissatisfaction with the response to one is, and
is logged as a complaint or answered with the reason it is not one. When the year's service
requests are given, the report counts them, the dissatisfaction and what became of it, and keeps
the findings on their handling with the audit findings.
"""

from __future__ import annotations

import datetime as dt

import pytest

from complaintcode.complaint import ServiceRequest
from complaintcode.errors import InvalidRecord
from complaintcode.reporting import ServiceRequestCounts, annual_report

D = dt.date


MAY_1 = D(2024, 5, 1)


def raised(reference: str, on: dt.date = MAY_1) -> ServiceRequest:
    return ServiceRequest.record(reference, raised=on, description="The boiler is broken.")


def requests() -> list[ServiceRequest]:
    quiet = raised("SR-1")
    converted = raised("SR-2").express_dissatisfaction(D(2024, 5, 20), "Nobody came.")
    converted = converted.convert(D(2024, 5, 21), "C-77")
    answered = raised("SR-3").express_dissatisfaction(D(2024, 6, 3), "It is still cold.")
    answered = answered.answer_dissatisfaction(
        D(2024, 6, 4), "The engineer is booked for tomorrow.", choice_offered=True
    )
    waiting = raised("SR-4").express_dissatisfaction(D(2025, 3, 20), "Still nothing.")
    next_year = raised("SR-5", D(2025, 4, 2))
    return [quiet, converted, answered, waiting, next_year]


def test_the_years_service_requests_are_counted() -> None:
    """1.4, 1.5: requests raised, dissatisfaction expressed, logged as a complaint, answered,
    and awaiting on the year's last day; the one left waiting is a finding of 1.5."""
    report = annual_report([], homes=1_000, year=2024, service_requests=requests())
    assert report.service_requests == ServiceRequestCounts(
        requests=4, dissatisfied=3, answered=1, converted=1, awaiting=1, breaches=1
    )
    assert [str(f) for f in report.findings] == [
        (
            "1.5: the dissatisfaction with the response to the service request expressed on "
            "2025-03-20 was neither logged as a complaint nor answered with a reason why it is not "
            "one (as of 2025-03-31)"
        )
    ]
    assert [(f.provision.number, f.breaches) for f in report.counts.findings] == [("1.5", 1)]


def test_without_service_requests_the_section_says_so() -> None:
    """1.4: the report counts service requests only when they are given."""
    report = annual_report([], homes=1_000, year=2024)
    assert report.service_requests is None
    section = report.to_markdown().split("## Service requests\n", 1)[1].split("\n## ")[0]
    assert section.strip() == "No service requests were given to the report."
    assert report.to_dict()["service_requests"] is None


def test_the_rendered_section() -> None:
    """1.4, 1.5: the section on service requests, which the report monitors and reviews (1.4)."""
    report = annual_report([], homes=1_000, year=2024, service_requests=requests())
    section = report.to_markdown().split("## Service requests\n", 1)[1].split("\n## ")[0]
    assert section.strip().splitlines()[0] == (
        "A service request is not a complaint, and the requests are recorded, monitored and "
        "reviewed (1.4); dissatisfaction with the response to one is a complaint (1.5): it is "
        "logged as one, or answered with the reason it is not one."
    )
    assert section.strip().splitlines()[2:] == [
        "| Service requests | In the year |",
        "| --- | --- |",
        "| Service requests raised | 4 |",
        "| Requests with dissatisfaction expressed | 3 |",
        "| Dissatisfaction logged as a complaint | 1 |",
        "| Dissatisfaction answered with the reason it is not a complaint | 1 |",
        "| Dissatisfaction awaiting an answer or a complaint | 1 |",
        "| Findings on their handling: breaches | 1 |",
        "| Findings on their handling: warnings | 0 |",
    ]
    assert report.to_dict()["service_requests"] == {
        "requests": 4,
        "dissatisfied": 3,
        "answered": 1,
        "converted": 1,
        "awaiting": 1,
        "breaches": 1,
        "warnings": 0,
    }


def test_a_request_read_as_it_stood_on_the_day() -> None:
    """1.5: read up to 20 May 2024, the dissatisfaction of that day awaits an answer; it is not
    yet a finding, since it was expressed on the day itself."""
    report = annual_report(
        [], homes=1_000, year=2024, as_of=D(2024, 5, 20), service_requests=requests()
    )
    assert report.service_requests == ServiceRequestCounts(requests=4, dissatisfied=1, awaiting=1)


def test_bad_service_requests_are_refused() -> None:
    """1.4: each service request is counted once, and only service requests are."""
    with pytest.raises(
        InvalidRecord, match=r"^service_requests\[1\]: the service request 'SR-1' appears twice"
    ):
        annual_report([], homes=1_000, year=2024, service_requests=[raised("SR-1")] * 2)
    with pytest.raises(
        InvalidRecord, match=r"^service_requests\[0\]: expected a ServiceRequest, got str"
    ):
        annual_report([], homes=1_000, year=2024, service_requests=["SR-1"])  # type: ignore[list-item]
    assert (ServiceRequestCounts(requests=1) + ServiceRequestCounts(warnings=2)).findings == 2
