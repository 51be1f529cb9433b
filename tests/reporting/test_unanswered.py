"""Stages that ended without the response they owed, in the annual report (6.3, 6.14; 8.1)."""

from __future__ import annotations

import datetime as dt

from complaintcode import Complaint, ComplaintDefinition, annual_report

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the tap repair",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)


def _acknowledged(reference: str) -> Complaint:
    return Complaint.receive(reference, received=D(2024, 5, 3)).acknowledge(
        D(2024, 5, 7), "A. Khan", DEFINITION
    )


def test_a_stage_ended_without_its_response_is_neither_open_nor_answered() -> None:
    """6.3, 6.14: a complaint closed without its response, or taken to stage 2 before it, is
    counted apart: not still open, not overdue, not responded to."""
    complaints = [
        _acknowledged("C-1").close(D(2024, 5, 10)),
        _acknowledged("C-2").request_escalation(D(2024, 5, 24)),
        _acknowledged("C-3"),
        _acknowledged("C-4").respond(D(2024, 5, 20)),
    ]
    report = annual_report(complaints, homes=1000, year=2024, as_of=D(2025, 3, 31))
    one = report.counts.stage_1
    assert (one.received, one.responded, one.unanswered, one.still_open, one.overdue) == (
        4,
        1,
        2,
        1,
        1,
    )
    assert report.counts.stage_2.still_open == 1
    assert report.to_dict()["counts"]["stage_1"]["unanswered"] == 2
