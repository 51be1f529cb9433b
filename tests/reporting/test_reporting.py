"""Tests for complaintcode.reporting: the annual report (8.1) and the TSMs CH01 and CH02.

The worked examples use complaints received in May 2024, under the 2024 edition:
received Wednesday 1 May, acknowledged Thursday 2 May, so the stage 1 response
is due on Friday 17 May (6.3: ten working days after the acknowledgement, with
the early May bank holiday on 6 May not counted).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Extended
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import provision
from complaintcode.reporting import (
    REPORT_SECTIONS,
    AnnualReport,
    Counts,
    FindingCount,
    ReportingYear,
    ReportOptions,
    StageCounts,
    annual_report,
    ch01,
    ch02,
    reporting_year,
)
from complaintcode.selfassessment import SelfAssessment
from complaintcode.stages import Stage
from strategies import exclusion_decision, report_complaint_lists

D = dt.date
DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the tap repair",),
    outcomes_sought=("repair the tap",),
    responsible_for=("repairs in the home",),
)


MAY_1, MAY_2, JUNE_3 = D(2024, 5, 1), D(2024, 5, 2), D(2024, 6, 3)


def acknowledged(reference: str, received: D = MAY_1, on: D = MAY_2) -> Complaint:
    return Complaint.receive(reference, received=received).acknowledge(on, "A. Khan", DEFINITION)


def on_deadline() -> Complaint:
    """Answered on the day the stage 1 response is due: in time."""
    return acknowledged("C-ON").respond(D(2024, 5, 17))


def one_day_late() -> Complaint:
    """Answered on Monday 20 May, one working day after the deadline."""
    return acknowledged("C-LATE").respond(D(2024, 5, 20))


def compliant_extension() -> Complaint:
    """Extended by the 10 working days 6.4 allows (to 3 June), answered on 31 May."""
    c = acknowledged("C-EXT").extend(
        D(2024, 5, 10), 10, "We need a survey.", ombudsman_details_given=True
    )
    return c.respond(D(2024, 5, 31))


def non_compliant_extension() -> Complaint:
    """Extended by 15 working days with no good reason (a stored record), answered on 7 June."""
    extension = Extended(
        on=D(2024, 5, 10),
        stage=Stage.ONE,
        working_days=15,
        reason="We need a survey.",
        ombudsman_details_given=True,
    )
    return Complaint.from_events((*acknowledged("C-BAD").events, extension)).respond(D(2024, 6, 7))


def escalated(reference: str, answered: D, *, requested: D = JUNE_3) -> Complaint:
    """Answered in time at stage 1, escalated on ``requested``, answered at stage 2 on ``answered``.

    With the request on Monday 3 June and the acknowledgement on 4 June, the
    final response is due on 2 July (6.14: twenty working days after it).
    """
    c = acknowledged(reference).respond(D(2024, 5, 17)).request_escalation(requested)
    c = c.acknowledge(requested + dt.timedelta(days=1), "B. Osei", DEFINITION)
    return c.respond(answered)


def declined(reference: str, received: D, *kinds: str) -> Complaint:
    decision = exclusion_decision(received, received, list(kinds), refusing=False)  # type: ignore[arg-type]
    return Complaint.receive(reference, received=received).decline(received, decision)


# --- the reporting year ---------------------------------------------------------------------


def test_reporting_year_runs_from_1_april_to_31_march_named_by_its_start() -> None:
    """8.1: the report covers the landlord's year, 1 April to 31 March."""
    year = reporting_year(2024)
    assert (year.start, year.end, str(year)) == (D(2024, 4, 1), D(2025, 3, 31), "2024-25")
    assert str(reporting_year(1999)) == "1999-00"
    assert D(2024, 4, 1) in year
    assert D(2025, 3, 31) in year
    assert D(2024, 3, 31) not in year
    assert D(2025, 4, 1) not in year
    assert dt.datetime(2024, 5, 1, tzinfo=dt.UTC) not in year
    assert "2024-05-01" not in year
    assert ReportingYear.containing(D(2025, 3, 31)) == year
    assert ReportingYear.containing(D(2025, 4, 1)) == reporting_year(2025)


@pytest.mark.parametrize("bad", ["2024", True, 0, 9999, 2024.0])
def test_reporting_year_refuses_what_is_not_a_year(bad: object) -> None:
    """A year is a whole number; anything else is refused with a clear message."""
    with pytest.raises(InvalidRecord) as err:
        reporting_year(bad)  # type: ignore[arg-type]
    assert str(err.value) == f"year: expected a year from 1 to 9998, got {bad!r}"


# --- CH01 ---------------------------------------------------------------------------------


def test_ch01_counts_stage_1_and_stage_2_complaints_per_1000_homes() -> None:
    """CH01: 4 stage 1 complaints and 2 escalations for 4,000 homes are 1.0 and 0.5."""
    complaints = [
        non_compliant_extension(),
        compliant_extension(),
        escalated("C-S2A", D(2024, 7, 2)),
        escalated("C-S2B", D(2024, 7, 3)),
    ]
    measure = annual_report(complaints, homes=4_000, year=2024).ch01
    assert (measure.stage_1_complaints, measure.stage_2_complaints) == (4, 2)
    assert (measure.stage_1, measure.stage_2) == (Decimal("1.0"), Decimal("0.5"))


@pytest.mark.parametrize(
    ("received", "homes", "expected"),
    [
        (1, 20_000, Decimal("0.1")),  # 0.05 exactly: half rounds up, not to even
        (3, 8_000, Decimal("0.4")),  # 0.375
        (1, 3, Decimal("333.3")),  # 333.33...
        (2, 3, Decimal("666.7")),  # 666.66...
        (0, 1, Decimal("0.0")),
    ],
)
def test_ch01_rounds_to_one_place_with_halves_up(
    received: int, homes: int, expected: Decimal
) -> None:
    """CH01 is given to one decimal place, ROUND_HALF_UP."""
    counts = Counts(stage_1=StageCounts(received=received, still_open=received))
    assert ch01(counts, homes=homes).stage_1 == expected


@pytest.mark.parametrize("homes", [0, -5, True, 1.5, "1000", None])
def test_ch01_needs_a_positive_whole_number_of_homes(homes: object) -> None:
    """CH01 is relative to the homes owned; 0 or a non-number is refused, never divided by."""
    message = (
        f"homes: CH01 is per 1,000 homes: expected a whole number of homes above 0, got {homes!r}"
    )
    with pytest.raises(InvalidRecord) as err:
        ch01(Counts(), homes=homes)  # type: ignore[arg-type]
    assert str(err.value) == message
    with pytest.raises(InvalidRecord) as err:
        annual_report([], homes=homes, year=2024)  # type: ignore[arg-type]
    assert str(err.value) == message


def test_withdrawn_complaints_count_in_ch01_unless_switched_off() -> None:
    """CH01 switch include_withdrawn (default True): a withdrawal does not undo receipt."""
    complaints = [on_deadline(), acknowledged("C-W").withdraw(D(2024, 5, 8))]
    counted = annual_report(complaints, homes=1_000, year=2024)
    assert counted.counts.stage_1.withdrawn == 1
    assert (counted.ch01.stage_1_complaints, counted.ch01.stage_1) == (2, Decimal("2.0"))
    left_out = annual_report(
        complaints, homes=1_000, year=2024, options=ReportOptions(include_withdrawn=False)
    )
    assert (left_out.ch01.stage_1_complaints, left_out.ch01.stage_1) == (1, Decimal("1.0"))


def test_complaints_not_accepted_are_left_out_of_ch01_unless_switched_on() -> None:
    """CH01 switch include_not_accepted (default False): a complaint declined (2.1) never began."""
    complaints = [on_deadline(), declined("C-D", D(2024, 6, 3), "time_limit")]
    left_out = annual_report(complaints, homes=1_000, year=2024)
    assert left_out.counts.stage_1.not_accepted == 1
    assert (left_out.ch01.stage_1_complaints, left_out.ch01.stage_1) == (1, Decimal("1.0"))
    counted = annual_report(
        complaints, homes=1_000, year=2024, options=ReportOptions(include_not_accepted=True)
    )
    assert (counted.ch01.stage_1_complaints, counted.ch01.stage_1) == (2, Decimal("2.0"))


def test_an_escalation_refused_follows_the_not_accepted_switch_at_stage_2() -> None:
    """5.11: a refused escalation request is a stage 2 complaint only with include_not_accepted."""
    c = on_deadline().request_escalation(D(2024, 6, 3))
    decision = exclusion_decision(
        c.received, D(2024, 6, 5), ["previously_considered"], refusing=True
    )
    complaints = [c.refuse_escalation(D(2024, 6, 5), decision)]
    report = annual_report(complaints, homes=1_000, year=2024)
    assert (report.counts.escalated, report.counts.escalation_refused) == (1, 1)
    assert report.ch01.stage_2_complaints == 0
    options = ReportOptions(include_not_accepted=True)
    assert annual_report(complaints, homes=1_000, year=2024, options=options).ch01.stage_2 == (
        Decimal("1.0")
    )


@pytest.mark.parametrize(
    ("received", "year"),
    [(D(2025, 3, 31), 2024), (D(2025, 4, 1), 2025)],
)
def test_a_stage_1_complaint_belongs_to_the_year_it_was_received_in(received: D, year: int) -> None:
    """Counting rule: received on 31 March counts in the year ending then; 1 April in the next."""
    c = Complaint.receive("C-1", received=received)
    assert (
        annual_report([c], homes=1_000, year=year, as_of=D(2025, 4, 30)).ch01.stage_1_complaints
        == 1
    )
    other = 2025 if year == 2024 else 2024
    assert (
        annual_report([c], homes=1_000, year=other, as_of=D(2025, 4, 30)).ch01.stage_1_complaints
        == 0
    )


@pytest.mark.parametrize(
    ("requested", "year"),
    [(D(2025, 3, 31), 2024), (D(2025, 4, 1), 2025)],
)
def test_a_stage_2_complaint_belongs_to_the_year_of_its_escalation_request(
    requested: D, year: int
) -> None:
    """Counting rule: stage 2 counts in the year of the escalation request, not of receipt."""
    c = acknowledged("C-1", D(2025, 3, 3), D(2025, 3, 4)).respond(D(2025, 3, 10))
    c = c.request_escalation(requested)
    this = annual_report([c], homes=1_000, year=year, as_of=D(2025, 4, 30))
    assert (this.counts.stage_2.received, this.ch01.stage_2) == (1, Decimal("1.0"))
    other = annual_report([c], homes=1_000, year=4049 - year, as_of=D(2025, 4, 30))
    assert other.counts.stage_2.received == 0
    assert annual_report([c], homes=1_000, year=2024).counts.stage_1.received == 1


# --- CH02 ---------------------------------------------------------------------------------


def test_ch02_stage_1_with_and_without_extensions() -> None:
    """CH02 at stage 1 (6.3, 6.4): on the deadline is in time; a day late is late; a response
    inside a compliant extension is in time only counting extensions; inside a non-compliant one
    it is late both ways. 2 of 4 and 1 of 4."""
    complaints = [on_deadline(), one_day_late(), compliant_extension(), non_compliant_extension()]
    report = annual_report(complaints, homes=1_000, year=2024)
    measure = report.ch02.stage_1
    assert (measure.responses, measure.in_time, measure.in_time_with_extension) == (4, 1, 2)
    assert measure.with_extensions == Decimal("50.0")
    assert measure.without_extensions == Decimal("25.0")
    assert report.ch02.stage_2.with_extensions is None
    assert report.ch02.stage_2.without_extensions is None


@pytest.mark.parametrize(
    ("complaint", "without", "with_extensions"),
    [
        (on_deadline, Decimal("100.0"), Decimal("100.0")),
        (one_day_late, Decimal("0.0"), Decimal("0.0")),
        (compliant_extension, Decimal("0.0"), Decimal("100.0")),
        (non_compliant_extension, Decimal("0.0"), Decimal("0.0")),
    ],
)
def test_ch02_for_each_kind_of_response_alone(
    complaint: object, without: Decimal, with_extensions: Decimal
) -> None:
    """CH02 of one response: in time, late, in time only with a compliant extension (6.4)."""
    report = annual_report([complaint()], homes=1_000, year=2024)  # type: ignore[operator]
    assert (report.ch02.stage_1.without_extensions, report.ch02.stage_1.with_extensions) == (
        without,
        with_extensions,
    )


def test_ch02_stage_2_counts_the_final_responses_of_the_year() -> None:
    """CH02 at stage 2 (6.14): due 2 July; answered that day in time, on 3 July late."""
    complaints = [escalated("C-S2A", D(2024, 7, 2)), escalated("C-S2B", D(2024, 7, 3))]
    report = annual_report(complaints, homes=1_000, year=2024)
    assert report.ch02.stage_2.without_extensions == Decimal("50.0")
    assert report.ch02.stage_2.with_extensions == Decimal("50.0")
    assert report.ch02.stage_1.with_extensions == Decimal("100.0")
    assert report.average_working_days(2) == Decimal("21.5")


@pytest.mark.parametrize(
    ("responses", "in_time", "expected"),
    [
        (16, 15, Decimal("93.8")),
        (16, 1, Decimal("6.3")),
        (3, 2, Decimal("66.7")),
        (3, 1, Decimal("33.3")),
    ],
)
def test_ch02_rounds_to_one_place_with_halves_up(
    responses: int, in_time: int, expected: Decimal
) -> None:
    """CH02 is a percentage to one decimal place, ROUND_HALF_UP (93.75 gives 93.8)."""
    counts = StageCounts(
        responses=responses, responses_in_time=in_time, responses_in_time_with_extension=in_time
    )
    assert ch02(Counts(stage_1=counts)).stage_1.without_extensions == expected


def test_ch02_denominator_is_the_responses_made_in_the_year() -> None:
    """CH02 counts responses by the date they were made: a March complaint answered on 1 April
    counts in the next year's CH02, though its receipt counts in this year's CH01."""
    c = acknowledged("C-1", D(2025, 3, 24), D(2025, 3, 25)).respond(D(2025, 4, 1))
    this = annual_report([c], homes=1_000, year=2024, as_of=D(2025, 6, 30))
    after = annual_report([c], homes=1_000, year=2025)
    assert (this.counts.stage_1.received, this.counts.stage_1.responses) == (1, 0)
    assert this.ch02.stage_1.with_extensions is None
    assert (after.counts.stage_1.received, after.counts.stage_1.responses) == (0, 1)
    assert after.ch02.stage_1.with_extensions == Decimal("100.0")


def test_a_2022_edition_complaint_is_judged_by_its_own_timescales() -> None:
    """CH02 judges each response by its edition: received 25 March 2024 (2022 edition, 5.13),
    stage 2 is due 20 working days after the escalation request of 11 April, on 10 May, so a
    final response on 13 May is late; the 2022 edition sets no stage 2 acknowledgement deadline."""
    c = acknowledged("C-22", D(2024, 3, 25), D(2024, 3, 26)).respond(D(2024, 4, 10))
    c = c.request_escalation(D(2024, 4, 11)).acknowledge(D(2024, 4, 30), "B. Osei", DEFINITION)
    c = c.respond(D(2024, 5, 13))
    assert c.edition.year == 2022
    report = annual_report([c], homes=1_000, year=2024)
    s1, s2 = report.counts.stage_1, report.counts.stage_2
    assert (s1.received, s1.responses, s1.responses_in_time) == (0, 1, 1)
    assert (s2.received, s2.acknowledged, s2.acknowledged_late) == (1, 1, 0)
    assert (report.ch02.stage_1.without_extensions, report.ch02.stage_2.without_extensions) == (
        Decimal("100.0"),
        Decimal("0.0"),
    )
    assert annual_report([c], homes=1_000, year=2023).counts.stage_1.received == 1


def test_average_working_days_count_from_receipt_to_response() -> None:
    """Timeliness: 11, 12, 20 and 25 working days from receipt (1 May) average 17.0."""
    complaints = [on_deadline(), one_day_late(), compliant_extension(), non_compliant_extension()]
    report = annual_report(complaints, homes=1_000, year=2024)
    assert report.counts.stage_1.working_days == 68
    assert report.average_working_days(1) == Decimal("17.0")
    assert report.average_working_days(2) is None


# --- volumes, extensions, refusals, findings --------------------------------------------------


def test_stage_volumes_as_they_stood_on_the_report_date() -> None:
    """Volumes: received splits into not accepted, withdrawn, responded and still open."""
    open_late = Complaint.receive("C-OPEN", received=D(2025, 3, 3))
    complaints = [
        on_deadline(),
        acknowledged("C-W").withdraw(D(2024, 5, 8)),
        declined("C-D", D(2024, 6, 3), "time_limit"),
        open_late,
    ]
    s1 = annual_report(complaints, homes=1_000, year=2024).counts.stage_1
    assert (s1.received, s1.not_accepted, s1.withdrawn, s1.responded) == (4, 1, 1, 1)
    assert (s1.still_open, s1.overdue) == (1, 1)
    early = annual_report(complaints, homes=1_000, year=2024, as_of=D(2025, 3, 24)).counts.stage_1
    assert (early.still_open, early.overdue) == (1, 0)


def test_as_of_reads_each_record_as_it_stood_that_day() -> None:
    """The report never reads the clock: a response after ``as_of`` has not happened yet."""
    report = annual_report([on_deadline()], homes=1_000, year=2024, as_of=D(2024, 5, 16))
    s1 = report.counts.stage_1
    assert (s1.received, s1.responded, s1.still_open, s1.responses) == (1, 0, 1, 0)
    assert report.as_of == D(2024, 5, 16)
    assert annual_report([on_deadline()], homes=1_000, year=2024).as_of == D(2025, 3, 31)
    assert annual_report([on_deadline()], homes=1_000, year=2024, as_of=D(2024, 4, 30)).counts == (
        Counts()
    )


def test_extensions_within_and_beyond_the_limit() -> None:
    """6.4: within 10 working days; beyond with a good reason; beyond with none (a stored record)."""
    good = acknowledged("C-GOOD").extend(
        D(2024, 5, 10),
        15,
        "We need a survey.",
        ombudsman_details_given=True,
        good_reason="The survey needs a specialist contractor.",
    )
    complaints = [compliant_extension(), non_compliant_extension(), good, on_deadline()]
    s1 = annual_report(complaints, homes=1_000, year=2024).counts.stage_1
    assert (s1.extended, s1.extended_within_limit) == (3, 1)
    assert (s1.extended_with_good_reason, s1.extended_without_good_reason) == (1, 1)


def test_late_acknowledgements_are_counted() -> None:
    """6.2: acknowledged on 10 May, a working day after 9 May, is late."""
    complaints = [acknowledged("C-A", on=D(2024, 5, 10)), acknowledged("C-B", on=D(2024, 5, 9))]
    s1 = annual_report(complaints, homes=1_000, year=2024).counts.stage_1
    assert (s1.acknowledged, s1.acknowledged_late) == (2, 1)


def test_refusals_are_summarised_by_ground() -> None:
    """8.1: the kinds of complaints refused, by ground (2.2, 2.3); two grounds count under each."""
    escalation = on_deadline().request_escalation(D(2024, 6, 3))
    refusal = exclusion_decision(escalation.received, D(2024, 6, 4), ["time_limit"], refusing=True)
    complaints = [
        declined("C-D1", D(2024, 6, 3), "time_limit"),
        declined("C-D2", D(2024, 6, 3), "legal_proceedings", "previously_considered"),
        declined("C-D3", D(2024, 7, 1), "time_limit").refer_to_ombudsman(D(2024, 7, 2)),
        escalation.refuse_escalation(D(2024, 6, 4), refusal),
    ]
    counts = annual_report(complaints, homes=1_000, year=2024).counts
    assert counts.stage_1.not_accepted == 3
    assert counts.stage_1.grounds == (
        ("time_limit", 2),
        ("legal_proceedings", 1),
        ("previously_considered", 1),
    )
    assert counts.stage_2.grounds == (("time_limit", 1),)
    assert counts.stage_2.ground("legal_proceedings") == 0


def test_audit_findings_are_counted_by_provision() -> None:
    """The audit's findings of the year, by provision: 5.9 and 6.3 for the late response, 6.4
    for the extension beyond the limit without a good reason."""
    complaints = [on_deadline(), one_day_late(), non_compliant_extension()]
    report = annual_report(complaints, homes=1_000, year=2024)
    assert [(f.provision.number, f.breaches, f.warnings) for f in report.counts.findings] == [
        ("5.9", 1, 0),
        ("6.3", 1, 0),
        ("6.4", 1, 0),
    ]
    assert [str(f) for f in report.findings] == [
        (
            "6.4: an extension of 15 working days at stage 1 is longer than the 10 allowed "
            "without a good reason, and none was recorded"
        ),
        (
            "5.9: the stage 1 response was late and no intervals for updates were agreed with "
            "the resident by 2024-05-17"
        ),
        "6.3: responded to at stage 1 on 2024-05-20, after the deadline of 2024-05-17",
    ]
    assert {f.reference for f in report.findings} == {"C-LATE", "C-BAD"}


def test_a_finding_belongs_to_the_year_its_deadline_fell_in() -> None:
    """A finding counts in the year of the deadline missed: a response due on 31 March 2025 and
    given late in April is a 2024-25 finding, though the response counts in 2025-26's CH02."""
    c = acknowledged("C-1", D(2025, 3, 14), D(2025, 3, 14)).respond(D(2025, 4, 2))
    assert c.stage_record(1) is not None
    assert c.stage_record(1).response_due == D(2025, 3, 28)  # type: ignore[union-attr]
    this = annual_report([c], homes=1_000, year=2024, as_of=D(2025, 6, 30))
    after = annual_report([c], homes=1_000, year=2025)
    assert [f.code for f in this.findings] == ["5.9", "6.3"]
    assert after.findings == ()


# --- errors -----------------------------------------------------------------------------------


def test_the_report_refuses_bad_input_with_clear_messages() -> None:
    """Bad input raises InvalidRecord naming what was wrong, never a bare TypeError."""
    cases: list[tuple[dict[str, object], str]] = [
        ({"complaints": ["C-1"]}, "complaints[0]: expected a Complaint, got str"),
        (
            {"complaints": [on_deadline(), on_deadline()]},
            "complaints[1]: the reference 'C-ON' appears twice: each complaint is counted once",
        ),
        ({"complaints": 5}, "complaints: expected a list, got int"),
        (
            {"as_of": D(2024, 3, 31)},
            "as_of: 2024-03-31 is before the reporting year 2024-25 starts (2024-04-01)",
        ),
        ({"as_of": dt.datetime(2024, 5, 1, tzinfo=dt.UTC)}, "as_of: expected a date, got datetime"),
        (
            {"improvements": ["Faster repairs", " "]},
            "improvements[1]: expected a non-empty text, got ' '",
        ),
        ({"ombudsman_findings": "one text"}, "ombudsman_findings: expected a list, got str"),
        ({"options": {"include_withdrawn": False}}, "options: expected ReportOptions, got dict"),
        ({"self_assessment": "yes"}, "self_assessment: expected SelfAssessment, got str"),
    ]
    for changes, message in cases:
        kwargs: dict[str, object] = {"complaints": [], "homes": 1_000, "year": 2024, **changes}
        with pytest.raises(InvalidRecord) as err:
            annual_report(**kwargs)  # type: ignore[arg-type]
        assert str(err.value) == message


def test_counts_must_add_up() -> None:
    """StageCounts refuses counts no set of complaints could give."""
    with pytest.raises(InvalidRecord) as err:
        StageCounts(received=2, responded=1)
    assert str(err.value) == (
        "received: the counts do not add up: expected "
        "received = not_accepted + withdrawn + responded + still_open + unanswered"
    )
    with pytest.raises(InvalidRecord) as err:
        StageCounts(responses=1, responses_in_time=1)
    assert str(err.value) == (
        "responses_in_time: the counts do not add up: expected "
        "responses_in_time <= responses_in_time_with_extension <= responses"
    )
    with pytest.raises(InvalidRecord) as err:
        StageCounts(extended=1)
    assert str(err.value) == (
        "extended: the counts do not add up: expected extended = extended_within_limit + "
        "extended_with_good_reason + extended_without_good_reason"
    )
    with pytest.raises(InvalidRecord) as err:
        StageCounts(received=-1)
    assert str(err.value) == "received: expected a whole number, 0 or more, got -1"
    with pytest.raises(InvalidRecord) as err:
        StageCounts(grounds=(("blanket", 1),))
    assert str(err.value) == "grounds: unknown ground 'blanket'"
    with pytest.raises(InvalidRecord) as err:
        ReportOptions(include_withdrawn="yes")  # type: ignore[arg-type]
    assert str(err.value) == "include_withdrawn: expected True or False, got 'yes'"


@pytest.mark.parametrize(
    ("grounds", "message"),
    [
        ((("time_limit",),), "grounds: expected (kind, count) pairs or a mapping"),
        ("time_limit", "grounds: expected (kind, count) pairs or a mapping"),
        ({"time_limit": -1}, "grounds: expected a whole number, got -1"),
    ],
)
def test_grounds_must_be_counts_by_kind(grounds: object, message: str) -> None:
    """The refusal summary (8.1) counts by the grounds of 2.2 and 2.3 only."""
    with pytest.raises(InvalidRecord) as err:
        StageCounts(grounds=grounds)
    assert str(err.value) == message


def test_dates_must_be_dates() -> None:
    """A datetime is not a date: the report reads records by day."""
    with pytest.raises(InvalidRecord) as err:
        ReportingYear.containing("2025-04-01")  # type: ignore[arg-type]
    assert str(err.value) == "day: expected a date, got str"
    report = annual_report([], homes=1, year=2024)
    with pytest.raises(InvalidRecord) as err:
        attrs.evolve(report, as_of=dt.datetime(2025, 3, 31, tzinfo=dt.UTC))
    assert str(err.value) == "as_of: expected a date, got datetime"


def test_counts_add_up_field_by_field() -> None:
    """Counts are sums: ``+`` adds every count and merges grounds and findings by key."""
    p = provision("6.3")
    a = Counts(
        stage_1=StageCounts(received=2, not_accepted=1, still_open=1, grounds={"time_limit": 1}),
        findings=(FindingCount(provision=p, breaches=1),),
    )
    b = Counts(
        stage_1=StageCounts(received=1, not_accepted=1, grounds=(("legal_proceedings", 1),)),
        findings=(FindingCount(provision=p, warnings=2),),
    )
    total = a + b
    assert (total.stage_1.received, total.stage_1.not_accepted) == (3, 2)
    assert total.stage_1.grounds == (("time_limit", 1), ("legal_proceedings", 1))
    assert total.findings == (FindingCount(provision=p, breaches=1, warnings=2),)
    assert a + Counts() == a


# --- rendering --------------------------------------------------------------------------------


def full_report(**kwargs: object) -> AnnualReport:
    complaints = [
        on_deadline(),
        one_day_late(),
        compliant_extension(),
        escalated("C-S2", D(2024, 7, 2)),
        declined("C-D", D(2024, 6, 3), "time_limit"),
    ]
    return annual_report(
        complaints,
        homes=2_000,
        year=2024,
        improvements=["Repairs are now booked at the first call."],
        ombudsman_findings=["Stage 2 responses were sent late in two cases (6.14)."],
        **kwargs,  # type: ignore[arg-type]
    )


def test_markdown_sections_are_in_the_documented_order() -> None:
    """8.1: every section of the report, in the fixed order of REPORT_SECTIONS."""
    text = full_report().to_markdown()
    assert text.startswith("# Complaints performance and service improvement report 2024-25\n")
    assert re.findall(r"^## (.+)$", text, flags=re.MULTILINE) == list(REPORT_SECTIONS[:-1])
    sa = SelfAssessment.blank(2024).answer("1.2", "yes", evidence="Policy, section 2")
    with_sa = full_report(self_assessment=sa).to_markdown()
    assert re.findall(r"^## (.+)$", with_sa, flags=re.MULTILINE) == list(REPORT_SECTIONS)
    tail = with_sa.split("## Self-assessment\n", 1)[1]
    assert "\n### Complaint Handling Code self-assessment (2024 edition)\n" in tail
    assert "\n#### Section 1: " in tail


def test_html_sections_are_in_the_documented_order() -> None:
    """8.1: the HTML carries the same sections in the same order, the self-assessment nested."""
    sa = SelfAssessment.blank(2024)
    text = full_report(self_assessment=sa).to_html()
    assert re.findall(r"<h2>(.+?)</h2>", text) == list(REPORT_SECTIONS)
    assert "<h3>Complaint Handling Code self-assessment (2024 edition)</h3>" in text
    assert "<h1>" in text.split("<h2>", 1)[0]
    assert text.count("<h1>") == 1


def test_the_summary_table_in_markdown() -> None:
    """CH01 and CH02 (both figures) head the report."""
    lines = full_report().to_markdown().splitlines()
    start = lines.index("## Summary and Tenant Satisfaction Measures")
    assert lines[start + 2 : start + 7] == [
        "| Measure | Stage 1 | Stage 2 |",
        "| --- | --- | --- |",
        "| CH01: complaints received per 1,000 homes | 2.0 | 0.5 |",
        (
            "| CH02: responded to within the Code's timescales, counting Code-compliant "
            "extensions | 75.0% | 100.0% |"
        ),
        (
            "| CH02: responded to within the Code's timescales, not counting extensions "
            "| 50.0% | 100.0% |"
        ),
    ]


def test_a_2023_24_report_cites_the_2022_edition() -> None:
    """The report cites the edition in force on the year's first day: 1.8 (2022) for the time
    limit and 5.1 / 5.13 for extensions in 2023-24; 2.3 and 6.4 / 6.15 from 2024-25."""
    old = annual_report([], homes=1, year=2023).to_markdown()
    assert "| Made outside the time limit | 1.8 | 0 | 0 |" in old
    assert "(5.1 at stage 1, 5.13 at stage 2)" in old
    new = annual_report([], homes=1, year=2024).to_markdown()
    assert "| Made outside the time limit | 2.3 | 0 | 0 |" in new
    assert "(6.4 at stage 1, 6.15 at stage 2)" in new


def test_user_text_is_escaped_in_html_and_markdown() -> None:
    """Every text the caller gives is escaped: a script tag cannot reach the published page."""
    report = annual_report(
        [],
        homes=1_000,
        year=2024,
        improvements=["<script>alert('x')</script> & *more*"],
        ombudsman_reports=["Line one\nLine <two>"],
    )
    page = report.to_html()
    assert "<script>" not in page
    assert "<li>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; *more*</li>" in page
    assert "<li>Line one<br>Line &lt;two&gt;</li>" in page
    text = report.to_markdown()
    assert "<script>" not in text
    assert "- &lt;script&gt;alert('x')&lt;/script&gt; &amp; \\*more\\*" in text
    assert "- Line one<br>Line &lt;two&gt;" in text


def test_empty_lists_say_so() -> None:
    """Sections with nothing to report say so rather than vanish, keeping the order fixed."""
    text = annual_report([], homes=1_000, year=2024).to_markdown()
    assert text.count("None recorded.") == 3
    assert "No findings." in text
    assert (
        "| CH02: responded to within the Code's timescales, not counting extensions | no responses | no responses |"
        in text
    )


def test_to_dict_is_json_ready_and_exact() -> None:
    """to_dict gives dates as ISO text and measures as decimal text, never floats."""
    data = full_report().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "complaintcode/annual-report@1"
    assert (data["start"], data["end"], data["as_of"], data["label"]) == (
        "2024-04-01",
        "2025-03-31",
        "2025-03-31",
        "2024-25",
    )
    assert data["ch01"] == {
        "stage_1": "2.0",
        "stage_2": "0.5",
        "stage_1_complaints": 4,
        "stage_2_complaints": 1,
    }
    assert data["ch02"]["stage_1"] == {
        "responses": 4,
        "in_time": 2,
        "in_time_with_extension": 3,
        "with_extensions": "75.0",
        "without_extensions": "50.0",
    }
    assert data["counts"]["stage_1"]["grounds"] == {
        "time_limit": 1,
        "legal_proceedings": 0,
        "previously_considered": 0,
        "policy": 0,
    }
    assert data["improvements"] == ["Repairs are now booked at the first call."]
    assert data["self_assessment"] is None
    sa = SelfAssessment.blank(2024).answer("1.2", "yes")
    assert full_report(self_assessment=sa).to_dict()["self_assessment"] == {
        "edition": 2024,
        "total": 72,
        "answered": 1,
        "yes": 1,
        "no": 0,
        "partial": 0,
        "not_applicable": 0,
    }


def test_the_report_is_immutable() -> None:
    """An AnnualReport is a value: changing it makes a new one."""
    report = full_report()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.homes = 5  # type: ignore[misc]
    assert attrs.evolve(report, homes=4_000).ch01.stage_1 == Decimal("1.0")


# --- properties -------------------------------------------------------------------------------


@given(report_complaint_lists(), st.integers(min_value=1, max_value=50_000))
def test_percentages_lie_between_0_and_100(complaints: list[Complaint], homes: int) -> None:
    """CH02 is a percentage, 0 to 100, and counting extensions never lowers it."""
    report = annual_report(complaints, homes=homes, year=2024)
    for figures in (report.ch02.stage_1, report.ch02.stage_2):
        if figures.responses == 0:
            assert figures.with_extensions is None
            assert figures.without_extensions is None
            continue
        assert figures.with_extensions is not None
        assert figures.without_extensions is not None
        assert Decimal(0) <= figures.without_extensions <= figures.with_extensions <= Decimal(100)


@given(report_complaint_lists(), st.dates(min_value=D(2024, 4, 1), max_value=D(2025, 3, 1)))
def test_an_on_time_response_never_lowers_ch02(complaints: list[Complaint], day: D) -> None:
    """Adding a complaint answered in time at both stages never lowers either CH02 figure."""
    added = acknowledged("C-NEW", day, day).respond(day + dt.timedelta(days=1))
    added = added.request_escalation(day + dt.timedelta(days=2))
    added = added.acknowledge(day + dt.timedelta(days=2), "B. Osei", DEFINITION)
    added = added.respond(day + dt.timedelta(days=3))
    before = annual_report(complaints, homes=1_000, year=2024).ch02
    after = annual_report([*complaints, added], homes=1_000, year=2024).ch02
    for old, new in ((before.stage_1, after.stage_1), (before.stage_2, after.stage_2)):
        for name in ("with_extensions", "without_extensions"):
            old_value, new_value = getattr(old, name), getattr(new, name)
            assert new_value is not None
            assert old_value is None or new_value >= old_value


@given(report_complaint_lists(max_size=8), st.integers(min_value=0, max_value=8), st.booleans())
def test_splitting_the_complaints_and_adding_the_counts_gives_the_totals(
    complaints: list[Complaint], cut: int, include_withdrawn: bool
) -> None:
    """Counts are sums over complaints: two halves' counts add up to the whole's, and the
    measures worked out from the sum are the whole report's."""
    options = ReportOptions(include_withdrawn=include_withdrawn)
    whole = annual_report(complaints, homes=3_000, year=2024, options=options)
    first = annual_report(complaints[:cut], homes=3_000, year=2024, options=options)
    second = annual_report(complaints[cut:], homes=3_000, year=2024, options=options)
    merged = first.counts + second.counts
    assert merged == whole.counts
    assert ch01(merged, homes=3_000, options=options) == whole.ch01
    assert ch02(merged) == whole.ch02
    assert sorted(map(str, (*first.findings, *second.findings))) == sorted(map(str, whole.findings))


@given(report_complaint_lists(max_size=8))
def test_every_complaint_belongs_to_exactly_one_year(complaints: list[Complaint]) -> None:
    """Counting rule: each complaint counts in one reporting year at each stage it reached."""
    as_of = D(2026, 12, 31)
    years = [annual_report(complaints, homes=1, year=y, as_of=as_of) for y in (2023, 2024, 2025)]
    total = years[0].counts + years[1].counts + years[2].counts
    assert total.stage_1.received == len(complaints)
    assert total.escalated == sum(1 for c in complaints if c.stage_record(2) is not None)
    responded = sum(1 for c in complaints if (r := c.stage_record(1)) and r.responded)
    assert total.stage_1.responses == responded
