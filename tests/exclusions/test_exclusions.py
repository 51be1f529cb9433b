"""Tests for complaintcode.exclusions: the grounds of section 2, decisions and notices."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.editions import CODE_2022, CODE_2024, Edition
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.exclusions import (
    ExclusionAssessment,
    ExclusionDecision,
    ExclusionFacts,
    Ground,
    PreviousComplaint,
    assess,
    decide,
    legal_proceedings_ground,
    months_after,
    previously_considered_ground,
    time_limit_ground,
)
from complaintcode.stages import Stage
from strategies import exclusion_facts

D = dt.date
DISCRETION = "2.3: the landlord must consider discretion where there are good reasons"
TAIL_2024 = "the landlord must consider discretion where there are good reasons"


def facts(received: D, issue: D, **kwargs: Any) -> ExclusionFacts:
    return ExclusionFacts(received=received, issue_occurred=issue, **kwargs)


def completed(stage: Stage = Stage.TWO, reference: str = "C-2023-114") -> PreviousComplaint:
    return PreviousComplaint(reference=reference, completed_stage=stage, status="completed")


# --- counting calendar months ---------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day, clamped
        (D(2023, 2, 28), 12, D(2024, 2, 28)),  # not moved to the leap day
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),
        (D(2022, 8, 31), 6, D(2023, 2, 28)),
        (D(2023, 9, 30), 6, D(2024, 3, 30)),
        (D(2024, 3, 31), 6, D(2024, 9, 30)),
        (D(2024, 5, 31), 12, D(2025, 5, 31)),
        (D(2024, 12, 15), 12, D(2025, 12, 15)),
        (D(2024, 7, 1), 6, D(2025, 1, 1)),  # across the year end
        (D(2025, 12, 31), 0, D(2025, 12, 31)),
    ],
)
def test_months_after_clamps_to_the_end_of_the_month(start: D, months: int, expected: D) -> None:
    """2.3: the limit is counted in calendar months, clamped to the month's end."""
    assert months_after(start, months) == expected


@pytest.mark.parametrize(
    ("start", "months", "message"),
    [
        ("2024-01-01", 12, "start: expected a date, got str"),
        (dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.UTC), 12, "start: expected a date, got datetime"),
        (D(2024, 1, 1), -1, "months: expected a whole number of months, got -1"),
        (D(2024, 1, 1), 1.5, "months: expected a whole number of months, got 1.5"),
        (D(2024, 1, 1), True, "months: expected a whole number of months, got True"),
    ],
)
def test_months_after_refuses_bad_input(start: Any, months: Any, message: str) -> None:
    """2.3: bad input to the month count is an InvalidRecord naming the argument."""
    with pytest.raises(InvalidRecord) as err:
        months_after(start, months)
    assert str(err.value) == message


@given(st.dates(max_value=D(2090, 1, 1)), st.dates(max_value=D(2090, 1, 1)), st.integers(0, 120))
def test_months_after_is_monotone_and_keeps_or_clamps_the_day(a: D, b: D, months: int) -> None:
    """2.3: a later start never gives an earlier end; the day is kept or clamped."""
    early, late = sorted((a, b))
    assert months_after(early, months) <= months_after(late, months)
    end = months_after(a, months)
    assert (end.year * 12 + end.month) - (a.year * 12 + a.month) == months
    assert end.day == a.day or (end.day < a.day and (end + dt.timedelta(days=1)).day == 1)


# --- the time limit (2.3; 1.8 in 2022) ------------------------------------------


def test_received_on_the_last_day_of_the_limit_is_in_time() -> None:
    """2.3: a complaint received on the last day of the 12 months is in time."""
    a = assess(facts(D(2025, 5, 31), D(2024, 5, 31)))
    assert a.in_time
    assert not a.excludable
    assert a.grounds == ()
    assert a.limit_ends == D(2025, 5, 31)


def test_received_the_day_after_the_limit_is_late_and_discretionary() -> None:
    """2.3: the day after the limit is late, and the ground is discretionary, not a refusal."""
    a = assess(facts(D(2025, 6, 1), D(2024, 5, 31)))
    assert not a.in_time
    assert a.excludable
    assert a.discretion_to_consider
    (ground,) = a.grounds
    assert ground == Ground(
        kind="time_limit",
        provision=CODE_2024.cite("exclusion_time_limit"),
        discretionary=True,
        reason="2.3: received on 2025-06-01, more than 12 months after the issue occurred on "
        f"2024-05-31 (the limit ended on 2025-05-31); {TAIL_2024}",
        limit_runs_from=D(2024, 5, 31),
        limit_ends=D(2025, 5, 31),
    )
    assert ground.provision.number == "2.3"
    assert ground.provision.edition == 2024


def test_leap_day_plus_twelve_months_is_28_february() -> None:
    """2.3: 29 Feb 2024 + 12 months ends on 28 Feb 2025: in time then, late on 1 March."""
    assert assess(facts(D(2025, 2, 28), D(2024, 2, 29))).in_time
    late = assess(facts(D(2025, 3, 1), D(2024, 2, 29)))
    assert not late.in_time
    assert late.grounds[0].reason == (
        "2.3: received on 2025-03-01, more than 12 months after the issue occurred on 2024-02-29 "
        f"(the limit ended on 2025-02-28); {TAIL_2024}"
    )


def test_awareness_later_than_occurrence_starts_the_limit() -> None:
    """2.3: the limit runs from the resident becoming aware, when that is later."""
    f = facts(D(2025, 6, 2), D(2024, 3, 4), became_aware=D(2024, 5, 31))
    ground = time_limit_ground(f)
    assert ground is not None
    assert ground.reason == (
        "2.3: received on 2025-06-02, more than 12 months after the resident became aware of the "
        f"issue on 2024-05-31 (the limit ended on 2025-05-31); {TAIL_2024}"
    )
    assert ground.limit_runs_from == D(2024, 5, 31)
    in_time = facts(D(2025, 5, 31), D(2023, 1, 10), became_aware=D(2024, 5, 31))
    assert assess(in_time).in_time
    assert not assess(attrs.evolve(in_time, became_aware=None)).in_time


def test_awareness_on_the_day_of_the_issue_reads_as_the_issue() -> None:
    """2.3: awareness on the day the issue occurred changes neither the limit nor the wording."""
    ground = time_limit_ground(facts(D(2025, 6, 1), D(2024, 5, 31), became_aware=D(2024, 5, 31)))
    assert ground is not None
    assert "after the issue occurred on 2024-05-31" in ground.reason


def test_2022_edition_has_a_six_month_limit_citing_1_8() -> None:
    """1.8 (2022): six calendar months; the last day is in time, the next day is late."""
    assert assess(facts(D(2024, 3, 28), D(2023, 9, 28))).in_time
    a = assess(facts(D(2024, 3, 29), D(2023, 9, 28)))
    assert a.edition is CODE_2022
    (ground,) = a.grounds
    assert ground.provision.number == "1.8"
    assert ground.provision.edition == 2022
    assert ground.discretionary
    assert ground.reason == (
        "1.8: received on 2024-03-29, more than 6 months after the issue occurred on 2023-09-28 "
        f"(the limit ended on 2024-03-28); {TAIL_2024}"
    )


def test_2022_edition_clamps_31_august_to_the_leap_day() -> None:
    """1.8 (2022): 31 Aug 2023 + 6 months = 29 Feb 2024; 1 March 2024 is late."""
    assert assess(facts(D(2024, 2, 29), D(2023, 8, 31))).in_time
    assert assess(facts(D(2024, 3, 1), D(2023, 8, 31))).limit_ends == D(2024, 2, 29)
    assert not assess(facts(D(2024, 3, 1), D(2023, 8, 31))).in_time


def test_the_edition_change_on_1_april_2024_lengthens_the_limit() -> None:
    """2.3 / 1.8: late under 2022 on 31 Mar 2024, in time under 2024 the next day."""
    before = assess(facts(D(2024, 3, 31), D(2023, 9, 1)))
    after = assess(facts(D(2024, 4, 1), D(2023, 9, 1)))
    assert (before.edition, before.in_time, before.limit_ends) == (CODE_2022, False, D(2024, 3, 1))
    assert (after.edition, after.in_time, after.limit_ends) == (CODE_2024, True, D(2024, 9, 1))


def test_an_explicit_edition_is_applied() -> None:
    """2.3 / 1.8: the caller may apply an edition other than the one for the date received."""
    f = facts(D(2024, 6, 2), D(2023, 12, 1))
    assert assess(f).in_time
    assert not assess(f, edition=CODE_2022).in_time
    assert assess(f, edition=CODE_2022).grounds[0].provision.number == "1.8"


# --- legal proceedings (2.2) ----------------------------------------------------


def test_a_claim_filed_at_court_is_a_ground() -> None:
    """2.2: legal proceedings have started once a claim has been filed at court."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), claim_filed_at_court=D(2025, 5, 1))
    assert assess(f).grounds == (
        Ground(
            kind="legal_proceedings",
            provision=CODE_2024.cite("exclusion_grounds"),
            discretionary=False,
            reason="2.2: a claim about the matter was filed at court on 2025-05-01, so legal "
            "proceedings have started",
            claim_filed=D(2025, 5, 1),
        ),
    )


def test_a_claim_filed_on_the_decision_date_is_a_ground() -> None:
    """2.2: a claim filed on the decision date counts on that date."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), claim_filed_at_court=D(2025, 6, 9))
    ground = legal_proceedings_ground(f, on=D(2025, 6, 9))
    assert ground is not None
    assert ground.claim_filed == D(2025, 6, 9)


def test_a_claim_filed_the_day_after_the_decision_is_not_a_ground() -> None:
    """2.2: a claim filed after the decision date is no ground on that date."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), claim_filed_at_court=D(2025, 6, 10))
    a = assess(f, on=D(2025, 6, 9))
    assert a.grounds == ()
    assert a.notes == (
        (
            "2.2: the claim filed at court on 2025-06-10 is after 2025-06-09, so legal proceedings "
            "had not started on that date"
        ),
    )
    assert assess(f, on=D(2025, 6, 10)).ground("legal_proceedings") is not None


def test_a_pre_action_letter_alone_is_never_a_ground() -> None:
    """2.2: a pre-action letter or a threat of proceedings does not start legal proceedings."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), pre_action_letter=D(2025, 5, 1))
    a = assess(f, on=D(2026, 1, 1))
    assert a.grounds == ()
    assert not a.excludable
    assert a.notes == (
        (
            "2.2: the pre-action letter of 2025-05-01 does not start legal proceedings; only a claim "
            "filed at court does"
        ),
    )


def test_a_pre_action_letter_then_a_claim_is_a_ground_without_the_note() -> None:
    """2.2: once the claim is filed the letter no longer needs a note."""
    f = facts(
        D(2025, 6, 2),
        D(2025, 1, 6),
        pre_action_letter=D(2025, 3, 1),
        claim_filed_at_court=D(2025, 5, 1),
    )
    a = assess(f)
    assert [g.kind for g in a.grounds] == ["legal_proceedings"]
    assert a.notes == ()


def test_legal_proceedings_under_the_2022_edition_cite_1_8() -> None:
    """1.8 (2022): the legal-proceedings ground cites the 2022 exclusions provision."""
    f = facts(D(2024, 1, 8), D(2023, 12, 1), claim_filed_at_court=D(2023, 12, 20))
    ground = legal_proceedings_ground(f)
    assert ground is not None
    assert ground.provision.number == "1.8"
    assert ground.reason.startswith("1.8: a claim about the matter was filed at court")


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (
            D(2025, 6, 1),
            (
                "on: the decision date (2025-06-01) cannot precede the complaint's "
                "receipt (2025-06-02)"
            ),
        ),
        (dt.datetime(2025, 6, 3, 9, 0, tzinfo=dt.UTC), "on: expected a date, got datetime"),
        ("2025-06-03", "on: expected a date, got str"),
    ],
)
def test_a_bad_decision_date_is_refused(on: Any, message: str) -> None:
    """2.2: the decision date is a date on or after receipt."""
    with pytest.raises(InvalidRecord) as err:
        assess(facts(D(2025, 6, 2), D(2025, 1, 6)), on=on)
    assert str(err.value) == message


# --- previously considered (2.2) ------------------------------------------------


def test_a_matter_given_a_final_response_is_a_ground() -> None:
    """2.2: a matter that completed the process with a stage 2 response was considered."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), previously_considered=completed())
    assert assess(f).grounds == (
        Ground(
            kind="previously_considered",
            provision=CODE_2024.cite("exclusion_grounds"),
            discretionary=False,
            reason="2.2: the same matter completed the complaints process as complaint C-2023-114 "
            "(given its final response at stage 2)",
            previous_reference="C-2023-114",
        ),
    )


def test_a_matter_answered_at_stage_1_and_not_escalated_is_a_ground() -> None:
    """2.2: a stage 1 response the resident did not escalate also completes the process."""
    f = facts(D(2025, 6, 2), D(2025, 1, 6), previously_considered=completed(Stage.ONE, "C-7"))
    ground = previously_considered_ground(f)
    assert ground is not None
    assert ground.reason == (
        "2.2: the same matter completed the complaints process as complaint C-7 (answered at "
        "stage 1 and not escalated)"
    )


@pytest.mark.parametrize(
    ("stage", "status"),
    [(Stage.ONE, "open"), (Stage.ONE, "withdrawn"), (None, "open"), (None, "withdrawn")],
)
def test_an_open_or_withdrawn_complaint_is_not_a_ground(stage: Stage | None, status: Any) -> None:
    """2.2: an earlier complaint still open or withdrawn has not completed the process."""
    prev = PreviousComplaint(reference="C-9", completed_stage=stage, status=status)
    a = assess(facts(D(2025, 6, 2), D(2025, 1, 6), previously_considered=prev))
    assert a.grounds == ()
    assert a.notes == (
        f"2.2: complaint C-9 is {status}, so the matter has not completed the complaints process",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"reference": "C-1", "status": "completed"},
            "completed_stage: a complaint completes the process only with a response",
        ),
        (
            {"reference": "C-1", "completed_stage": Stage.TWO, "status": "open"},
            "status: a stage 2 response is final, so the status is 'completed', not 'open'",
        ),
        (
            {"reference": "  ", "status": "open"},
            "reference: the earlier complaint needs its reference",
        ),
        (
            {"reference": "C-1", "status": "closed"},
            "status: expected one of completed, open, withdrawn, got 'closed'",
        ),
        (
            {"reference": "C-1", "completed_stage": 2, "status": "completed"},
            "completed_stage: expected Stage, got int",
        ),
        ({"reference": 7, "status": "open"}, "reference: expected text, got int"),
    ],
)
def test_previous_complaint_refuses_impossible_records(kwargs: Any, message: str) -> None:
    """2.2: an earlier complaint's record must say consistently how far it went."""
    with pytest.raises(InvalidRecord) as err:
        PreviousComplaint(**kwargs)
    assert str(err.value) == message


# --- the facts' validators ------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"received": "2025-06-02"}, "received: expected a date, got str"),
        (
            {"received": dt.datetime(2025, 6, 2, 9, tzinfo=dt.UTC)},
            "received: expected a date, got datetime",
        ),
        ({"issue_occurred": None}, "issue_occurred: expected a date, got NoneType"),
        ({"claim_filed_at_court": "soon"}, "claim_filed_at_court: expected a date, got str"),
        ({"pre_action_letter": 20250101}, "pre_action_letter: expected a date, got int"),
        (
            {"previously_considered": "C-1"},
            "previously_considered: expected PreviousComplaint, got str",
        ),
        (
            {"issue_occurred": D(2025, 6, 3)},
            (
                "issue_occurred: the issue cannot have occurred (2025-06-03) after the complaint was "
                "received (2025-06-02)"
            ),
        ),
        (
            {"became_aware": D(2025, 6, 3)},
            (
                "became_aware: the resident cannot have become aware of the issue (2025-06-03) after "
                "the complaint was received (2025-06-02)"
            ),
        ),
        (
            {"became_aware": D(2025, 1, 5)},
            (
                "became_aware: the resident cannot have become aware of the issue (2025-01-05) before "
                "it occurred (2025-01-06)"
            ),
        ),
    ],
)
def test_facts_refuse_wrong_types_and_impossible_dates(kwargs: Any, message: str) -> None:
    """2.3: facts name the bad field; awareness cannot precede the issue or follow receipt."""
    base: dict[str, Any] = {"received": D(2025, 6, 2), "issue_occurred": D(2025, 1, 6)}
    with pytest.raises(InvalidRecord) as err:
        ExclusionFacts(**(base | kwargs))
    assert str(err.value) == message


def test_facts_allow_the_issue_and_awareness_on_the_day_received() -> None:
    """2.3: the issue and the awareness may fall on the day the complaint is received."""
    f = facts(D(2025, 6, 2), D(2025, 6, 2), became_aware=D(2025, 6, 2))
    assert f.limit_runs_from == D(2025, 6, 2)


# --- the assessment -------------------------------------------------------------


def test_every_ground_is_found_in_order() -> None:
    """2.2, 2.3: all three grounds are found, time limit first."""
    f = facts(
        D(2025, 6, 2),
        D(2023, 1, 6),
        claim_filed_at_court=D(2024, 2, 1),
        previously_considered=completed(),
    )
    a = assess(f)
    assert [g.kind for g in a.grounds] == [
        "time_limit",
        "legal_proceedings",
        "previously_considered",
    ]
    assert [g.provision.number for g in a.grounds] == ["2.3", "2.2", "2.2"]
    assert [g.discretionary for g in a.grounds] == [True, False, False]
    assert a.on == D(2025, 6, 2)
    assert a.edition is CODE_2024


def test_assess_refuses_what_is_not_facts_or_an_edition() -> None:
    """2.2: the assessment takes ExclusionFacts and an Edition, nothing else."""
    with pytest.raises(InvalidRecord) as err:
        assess({"received": "2025-06-02"})  # type: ignore[arg-type]
    assert str(err.value) == "facts: expected ExclusionFacts, got dict"
    with pytest.raises(InvalidRecord) as err:
        assess(facts(D(2025, 6, 2), D(2025, 1, 6)), edition=2024)  # type: ignore[arg-type]
    assert str(err.value) == "edition: expected an Edition, got int"


# --- decisions (2.1, 2.3, 2.4, 2.5, 5.11) -----------------------------------------


LATE = facts(D(2025, 6, 2), D(2024, 3, 4), became_aware=D(2024, 5, 31))
CLAIM = facts(D(2025, 6, 2), D(2025, 1, 6), claim_filed_at_court=D(2025, 5, 1))
IN_TIME = facts(D(2025, 6, 2), D(2025, 1, 6))
REASONS = "The repairs you describe were completed in March 2024 and nothing new has happened."


def test_a_late_complaint_needs_discretion_considered() -> None:
    """2.3: excluding a late complaint must record how discretion was considered."""
    for considered in (None, "", "   "):
        with pytest.raises(ProvisionViolation) as err:
            decide(
                assess(LATE),
                grounds=["time_limit"],
                reasons=REASONS,
                decided_by="J. Patel",
                discretion_considered=considered,
            )
        assert err.value.provision.number == "2.3"
        assert str(err.value) == (
            "2.3: the complaint is outside the time limit (it ended on 2025-05-31), so the "
            "decision must record how discretion to accept it was considered"
        )


def test_a_late_complaint_excluded_with_discretion_considered() -> None:
    """2.3, 2.4: a decision with discretion considered stands; the notice cites 2.4."""
    d = decide(
        assess(LATE),
        grounds="time_limit",
        reasons=REASONS,
        decided_by="J. Patel",
        discretion_considered="You told us of no reason that kept you from complaining sooner.",
    )
    assert d.decided_on == D(2025, 6, 2)
    assert not d.refusing_escalation
    assert [g.kind for g in d.grounds] == ["time_limit"]
    notice = d.notice_content()
    assert notice.provision.number == "2.4"
    assert notice.decision == "We have decided not to accept your complaint."
    assert notice.reasons == REASONS
    assert notice.grounds == (assess(LATE).grounds[0].reason,)
    assert notice.ombudsman == (
        "If you disagree, you have the right to ask the Housing Ombudsman to look at our decision "
        "not to accept your complaint."
    )
    assert str(notice).split("\n\n") == [
        notice.decision,
        REASONS,
        notice.grounds[0],
        notice.ombudsman,
    ]


def test_an_escalation_refusal_notice_cites_5_11() -> None:
    """5.11: refusing escalation rests on a section 2 ground; the notice says so."""
    a = assess(CLAIM, on=D(2025, 7, 1))
    d = decide(
        a,
        grounds=["legal_proceedings"],
        reasons="Your claim about the damp is before the county court, which will decide it.",
        decided_by="R. Singh",
        decided_on=D(2025, 7, 2),
        refusing_escalation=True,
    )
    notice = d.notice_content()
    assert notice.provision.number == "5.11"
    assert notice.decision == "We have decided not to escalate your complaint to stage 2."
    assert notice.ombudsman.endswith("our decision not to escalate your complaint to stage 2.")
    assert d.decided_on == D(2025, 7, 2)


@pytest.mark.parametrize(
    ("refusing", "message"),
    [
        (
            False,
            (
                "2.1: a complaint must be accepted unless there is a valid reason not to, and this "
                "decision rests on no ground"
            ),
        ),
        (
            True,
            (
                "5.11: escalation may be refused only on a ground in section 2, and this decision "
                "rests on none"
            ),
        ),
    ],
)
def test_a_decision_without_a_ground_is_refused(refusing: bool, message: str) -> None:
    """2.1 (not accepting) / 5.11 (refusing escalation): a decision needs a ground."""
    with pytest.raises(ProvisionViolation) as err:
        decide(
            assess(IN_TIME),
            grounds=[],
            reasons=REASONS,
            decided_by="J. Patel",
            refusing_escalation=refusing,
        )
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("refusing", "message"),
    [
        (
            False,
            (
                "2.5: each complaint must be considered on its own circumstances, and this decision "
                "gives no reasons for this one"
            ),
        ),
        (
            True,
            (
                "5.11: the reasons for refusing escalation must be set out clearly, and this decision "
                "gives none"
            ),
        ),
    ],
)
def test_a_decision_without_reasons_is_refused(refusing: bool, message: str) -> None:
    """2.5 (not accepting) / 5.11 (refusing escalation): reasons written for the complaint."""
    for reasons in ("", " \n\t "):
        with pytest.raises(ProvisionViolation) as err:
            decide(
                assess(CLAIM),
                grounds=["legal_proceedings"],
                reasons=reasons,
                decided_by="J. Patel",
                refusing_escalation=refusing,
            )
        assert str(err.value) == message


def test_reasons_that_only_repeat_the_ground_are_refused() -> None:
    """2.5: copying the ground's generated text is not a reason about this complaint."""
    a = assess(CLAIM)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=a.grounds, reasons=f"  {a.grounds[0].reason} ", decided_by="J. Patel")
    assert str(err.value) == (
        "2.5: the reasons only repeat a ground's text; give reasons about this complaint's own "
        "circumstances"
    )


def test_a_ground_the_assessment_did_not_find_is_refused() -> None:
    """2.1 / 5.11: a decision rests only on grounds the assessment found."""
    with pytest.raises(ProvisionViolation) as err:
        decide(assess(CLAIM), grounds=["time_limit"], reasons=REASONS, decided_by="J. Patel")
    assert str(err.value) == (
        "2.1: the assessment of 2025-06-02 did not find the ground relied on (time_limit)"
    )
    foreign = assess(LATE).grounds[0]
    with pytest.raises(ProvisionViolation) as err:
        decide(
            assess(CLAIM),
            grounds=[foreign],
            reasons=REASONS,
            decided_by="J. Patel",
            refusing_escalation=True,
        )
    assert str(err.value) == (
        "5.11: the assessment of 2025-06-02 did not find the ground relied on (time_limit)"
    )


def test_decide_refuses_bad_arguments() -> None:
    """2.1: unknown grounds, a decision before its assessment and no decider are refused."""
    a = assess(CLAIM)
    with pytest.raises(InvalidRecord) as err:
        decide(a, grounds=["court"], reasons=REASONS, decided_by="J. Patel")  # type: ignore[list-item]
    assert str(err.value) == (
        "grounds: unknown ground 'court' (known: time_limit, legal_proceedings, "
        "previously_considered, policy)"
    )
    with pytest.raises(InvalidRecord) as err:
        decide(
            a, grounds=a.grounds, reasons=REASONS, decided_by="J. Patel", decided_on=D(2025, 6, 1)
        )
    assert str(err.value) == (
        "decided_on: the decision (2025-06-01) cannot precede the assessment it rests on "
        "(2025-06-02)"
    )
    with pytest.raises(InvalidRecord) as err:
        decide(a, grounds=a.grounds, reasons=REASONS, decided_by=" ")
    assert str(err.value) == "decided_by: a decision names the person who took it"
    with pytest.raises(InvalidRecord) as err:
        decide(a, grounds=None, reasons=REASONS, decided_by="J. Patel")  # type: ignore[arg-type]
    assert str(err.value) == "grounds: expected a list of grounds, got NoneType"
    with pytest.raises(InvalidRecord) as err:
        decide("assessment", grounds=(), reasons=REASONS, decided_by="J. Patel")  # type: ignore[arg-type]
    assert str(err.value) == "expected ExclusionAssessment, got str"


def test_the_classmethod_decides_as_the_function_does() -> None:
    """2.1, 2.3: ExclusionDecision.decide is decide(), checks included."""
    a = assess(LATE)
    kwargs: dict[str, Any] = {"grounds": a.grounds, "reasons": REASONS, "decided_by": "J. Patel"}
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.decide(a, **kwargs)
    assert err.value.provision.number == "2.3"
    kwargs["discretion_considered"] = "No reason was given for the delay."
    assert ExclusionDecision.decide(a, **kwargs) == decide(a, **kwargs)


def test_repeated_grounds_are_kept_once() -> None:
    """2.2: a ground named twice is recorded once."""
    a = assess(CLAIM)
    d = decide(
        a,
        grounds=["legal_proceedings", a.grounds[0]],
        reasons=REASONS,
        decided_by="J. Patel",
    )
    assert d.grounds == a.grounds


def test_a_2022_decision_cites_the_2022_provisions() -> None:
    """1.7, 1.8, 1.9, 4.14 (2022): a 2022 complaint's decisions cite its own edition."""
    late = facts(D(2024, 3, 29), D(2023, 9, 28))
    a = assess(late)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=[], reasons=REASONS, decided_by="J. Patel")
    assert (err.value.provision.number, err.value.provision.edition) == ("1.7", 2022)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=[], reasons=REASONS, decided_by="J. Patel", refusing_escalation=True)
    assert (err.value.provision.number, err.value.provision.edition) == ("4.14", 2022)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=["time_limit"], reasons=REASONS, decided_by="J. Patel")
    assert (err.value.provision.number, err.value.provision.edition) == ("1.8", 2022)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=["time_limit"], reasons=" ", decided_by="J. Patel")
    assert (err.value.provision.number, err.value.provision.edition) == ("1.9", 2022)
    d = decide(
        a, grounds=["time_limit"], reasons=REASONS, decided_by="J. Patel", discretion_considered="x"
    )
    assert d.notice_content().provision.number == "1.9"
    d = attrs.evolve(d, refusing_escalation=True)
    assert d.notice_content().provision.number == "4.14"


def test_a_decision_built_directly_runs_the_same_checks() -> None:
    """2.1: building an ExclusionDecision without decide() still needs a ground and valid fields."""
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision(
            edition=CODE_2024, grounds=(), reasons=REASONS, decided_by="x", decided_on=D(2025, 6, 2)
        )
    assert err.value.provision.number == "2.1"
    with pytest.raises(InvalidRecord) as ierr:
        ExclusionDecision(
            edition=CODE_2024,
            grounds="legal_proceedings",
            reasons=REASONS,
            decided_by="x",
            decided_on=D(2025, 6, 2),
        )
    assert str(ierr.value) == "grounds: expected a list of grounds, got str"
    with pytest.raises(InvalidRecord) as ierr:
        ExclusionDecision(
            edition=CODE_2024,
            grounds=["legal_proceedings"],
            reasons=REASONS,
            decided_by="x",
            decided_on=D(2025, 6, 2),
        )
    assert str(ierr.value) == "grounds[0]: expected Ground, got str"


# --- serialisation --------------------------------------------------------------


def test_facts_to_dict_has_stable_names_and_iso_dates() -> None:
    """2.2, 2.3: the stored form of the facts uses the field names and ISO dates."""
    f = facts(
        D(2025, 6, 2),
        D(2024, 3, 4),
        became_aware=D(2024, 5, 31),
        claim_filed_at_court=D(2025, 5, 1),
        pre_action_letter=D(2025, 3, 1),
        previously_considered=completed(Stage.ONE),
    )
    data = f.to_dict()
    assert data == {
        "received": "2025-06-02",
        "issue_occurred": "2024-03-04",
        "became_aware": "2024-05-31",
        "claim_filed_at_court": "2025-05-01",
        "pre_action_letter": "2025-03-01",
        "previously_considered": {
            "reference": "C-2023-114",
            "completed_stage": 1,
            "status": "completed",
        },
    }
    assert ExclusionFacts.from_dict(json.loads(json.dumps(data))) == f


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "facts: expected an object, got list"),
        ({"issue_occurred": "2024-01-01"}, "facts.received: missing required field"),
        (
            {"received": "2025-01-01", "issue_occurred": "2024-01-01", "court": None},
            "facts: unknown field 'court'",
        ),
        (
            {"received": "2025-02-30", "issue_occurred": "2024-01-01"},
            "facts.received: no such date: '2025-02-30'",
        ),
        (
            {"received": "20250101", "issue_occurred": "2024-01-01"},
            "facts.received: expected an ISO date (YYYY-MM-DD), got '20250101'",
        ),
        (
            {"received": "2025-01-01", "issue_occurred": "2024-01-01", "became_aware": 5},
            "facts.became_aware: expected an ISO date (YYYY-MM-DD), got 5",
        ),
        (
            {
                "received": "2025-01-01",
                "issue_occurred": "2024-01-01",
                "became_aware": "2023-01-01",
            },
            (
                "facts.became_aware: the resident cannot have become aware of the issue (2023-01-01) "
                "before it occurred (2024-01-01)"
            ),
        ),
        (
            {
                "received": "2025-01-01",
                "issue_occurred": "2024-01-01",
                "previously_considered": {"reference": "C-1", "completed_stage": 3, "status": "x"},
            },
            (
                "facts.previously_considered.completed_stage: 5.3: a complaints process may not have "
                "more than two stages (got 3)"
            ),
        ),
        (
            {
                "received": "2025-01-01",
                "issue_occurred": "2024-01-01",
                "previously_considered": {"reference": "C-1", "status": "done"},
            },
            (
                "facts.previously_considered.status: expected one of completed, open, withdrawn, "
                "got 'done'"
            ),
        ),
        (
            {
                "received": "2025-01-01",
                "issue_occurred": "2024-01-01",
                "previously_considered": "C-1",
            },
            "facts.previously_considered: expected an object, got str",
        ),
    ],
)
def test_facts_from_dict_names_the_bad_field(data: object, message: str) -> None:
    """2.2, 2.3: malformed stored facts raise InvalidRecord with the path of the field."""
    with pytest.raises(InvalidRecord) as err:
        ExclusionFacts.from_dict(data)
    assert str(err.value) == message


def _decision() -> ExclusionDecision:
    return decide(
        assess(LATE, on=D(2025, 6, 5)),
        grounds=["time_limit"],
        reasons=REASONS,
        decided_by="J. Patel",
        discretion_considered="No reason was given for the delay.",
    )


def test_a_decision_round_trips_through_json() -> None:
    """2.1, 2.4: a stored decision comes back equal, with stable names and ISO dates."""
    d = _decision()
    data = d.to_dict()
    assert data == {
        "edition": 2024,
        "refusing_escalation": False,
        "grounds": [
            {
                "kind": "time_limit",
                "provision": "2.3",
                "edition": 2024,
                "discretionary": True,
                "reason": d.grounds[0].reason,
                "limit_runs_from": "2024-05-31",
                "limit_ends": "2025-05-31",
                "claim_filed": None,
                "previous_reference": None,
            }
        ],
        "reasons": REASONS,
        "discretion_considered": "No reason was given for the delay.",
        "decided_by": "J. Patel",
        "decided_on": "2025-06-05",
    }
    assert ExclusionDecision.from_dict(json.loads(json.dumps(data))) == d


def _broken(**changes: Any) -> dict[str, Any]:
    data = _decision().to_dict()
    for key, value in changes.items():
        if key.startswith("ground_"):
            data["grounds"][0][key.removeprefix("ground_")] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("decision", "decision: expected an object, got str"),
        (
            _broken(edition=2019),
            "decision.edition: unknown edition of the Code 2019 (known: 2024, 2022)",
        ),
        (_broken(grounds="time_limit"), "decision.grounds: expected a list, got str"),
        (
            _broken(decided_on="5 June 2025"),
            "decision.decided_on: expected an ISO date (YYYY-MM-DD), got '5 June 2025'",
        ),
        (_broken(decided_by=None), "decision.decided_by: missing required field"),
        (_broken(refusing_escalation="no"), "decision.refusing_escalation: expected bool, got str"),
        (
            _broken(ground_kind="late"),
            (
                "decision.grounds[0].kind: expected one of time_limit, "
                "legal_proceedings, previously_considered, policy, got 'late'"
            ),
        ),
        (
            _broken(ground_provision="2.9"),
            (
                "decision.grounds[0].provision: unknown provision '2.9' "
                "in the 2024 edition of the Code"
            ),
        ),
        (
            _broken(ground_limit_ends="2025-13-01"),
            "decision.grounds[0].limit_ends: no such date: '2025-13-01'",
        ),
        (
            _broken(ground_discretionary=1),
            "decision.grounds[0].discretionary: expected bool, got int",
        ),
    ],
)
def test_decision_from_dict_names_the_bad_field(data: object, message: str) -> None:
    """2.1: malformed stored decisions raise InvalidRecord with the path of the field."""
    with pytest.raises(InvalidRecord) as err:
        ExclusionDecision.from_dict(data)
    assert str(err.value) == message


def test_a_stored_decision_that_breaches_the_code_is_refused() -> None:
    """2.3, 2.5: a stored decision is checked again when it is read back."""
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.from_dict(_broken(reasons=" "))
    assert err.value.provision.number == "2.5"
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.from_dict(_broken(discretion_considered=None))
    assert err.value.provision.number == "2.3"


# --- properties -----------------------------------------------------------------


EDITIONS = st.sampled_from((CODE_2024, CODE_2022))


@given(exclusion_facts(), st.integers(min_value=0, max_value=1500), EDITIONS)
def test_later_receipt_never_makes_an_excludable_complaint_in_time(
    f: ExclusionFacts, later: int, edition: Edition
) -> None:
    """2.3, 2.2: under one edition, receiving the same complaint later keeps every ground."""
    moved = attrs.evolve(f, received=f.received + dt.timedelta(days=later))
    before, after = assess(f, edition=edition), assess(moved, edition=edition)
    if not before.in_time:
        assert not after.in_time
    if before.excludable:
        assert after.excludable
    assert {g.kind for g in before.grounds} <= {g.kind for g in after.grounds}


@given(exclusion_facts(), st.integers(min_value=0, max_value=800), EDITIONS)
def test_later_awareness_never_shortens_the_limit(
    f: ExclusionFacts, days: int, edition: Edition
) -> None:
    """2.3: awareness later than the issue never brings the limit's end forward."""
    plain = attrs.evolve(f, became_aware=None)
    aware = plain.issue_occurred + dt.timedelta(days=days)
    if aware > plain.received:
        plain = attrs.evolve(plain, received=aware)
    later = attrs.evolve(plain, became_aware=aware)
    assert assess(later, edition=edition).limit_ends >= assess(plain, edition=edition).limit_ends
    if assess(plain, edition=edition).in_time:
        assert assess(later, edition=edition).in_time


@given(exclusion_facts(), st.integers(min_value=0, max_value=400))
def test_a_complaint_with_no_ground_is_never_excludable(f: ExclusionFacts, days: int) -> None:
    """2.1: in time, no claim filed, no completed earlier complaint: never excludable."""
    start = f.limit_runs_from
    received = min(start + dt.timedelta(days=days), months_after(start, 6))
    prev = f.previously_considered
    clean = attrs.evolve(
        f,
        received=received,
        claim_filed_at_court=None,
        previously_considered=prev if prev is not None and not prev.completed else None,
    )
    a = assess(clean)
    assert a.grounds == ()
    assert not a.excludable
    assert a.in_time


@given(exclusion_facts(), st.sampled_from(("", " ", "\n\t")), st.booleans())
def test_decisions_without_reasons_are_refused(
    f: ExclusionFacts, reasons: str, refusing: bool
) -> None:
    """2.5 / 5.11 (1.9 / 4.14 in 2022): a decision with blank reasons cites the right provision."""
    a = assess(f)
    if refusing:
        expected = a.edition.cite("refuse_escalation")
    elif a.edition is CODE_2024:
        expected = CODE_2024.cite("no_blanket_exclusion")
    else:
        expected = CODE_2022.cite("decline_notice")
    with pytest.raises(ProvisionViolation) as err:
        decide(
            a,
            grounds=a.grounds,
            reasons=reasons,
            decided_by="J. Patel",
            discretion_considered="considered",
            refusing_escalation=refusing,
        )
    if a.excludable:
        assert err.value.provision == expected
    else:
        no_ground = "refuse_escalation" if refusing else "accept"
        assert err.value.provision == a.edition.cite(no_ground)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2045, 1, 1)), EDITIONS)
def test_the_last_day_is_in_time_and_the_next_is_late(start: D, edition: Edition) -> None:
    """2.3 / 1.8: at every start date, the limit's last day is in time and the next day late."""
    end = months_after(start, edition.exclusion_months)
    assert assess(facts(end, start), edition=edition).in_time
    assert not assess(facts(end + dt.timedelta(days=1), start), edition=edition).in_time


@given(exclusion_facts())
def test_facts_round_trip_through_json(f: ExclusionFacts) -> None:
    """2.2, 2.3: every valid set of facts comes back equal from its stored form."""
    assert ExclusionFacts.from_dict(json.loads(json.dumps(f.to_dict()))) == f


@given(exclusion_facts())
def test_an_assessment_is_consistent(f: ExclusionFacts) -> None:
    """2.2, 2.3: excludable exactly when a ground is found; in time exactly without the limit."""
    a = assess(f)
    assert isinstance(a, ExclusionAssessment)
    assert a.excludable == bool(a.grounds)
    assert a.in_time == (f.received <= a.limit_ends)
    assert a.discretion_to_consider == (not a.in_time)
    assert all(g.reason.startswith(g.provision.number + ": ") for g in a.grounds)


def test_decision_is_the_short_name_of_exclusion_decision() -> None:
    """2.1, 5.11: ``Decision`` and ``ExclusionDecision`` are one class, as the docs promise."""
    from complaintcode.exclusions import Decision  # noqa: PLC0415

    assert Decision is ExclusionDecision


# --- stored decisions that breached the Code ---------------------------------------

NO_GROUND = (
    "a complaint must be accepted unless there is a valid reason not to, and this decision "
    "rests on no ground"
)
NO_REASONS = (
    "each complaint must be considered on its own circumstances, and this decision gives no "
    "reasons for this one"
)
NO_DISCRETION = (
    "the complaint is outside the time limit (it ended on 2025-05-31), so the decision must "
    "record how discretion to accept it was considered"
)
REFUSED_NO_GROUND = (
    "escalation may be refused only on a ground in section 2, and this decision rests on none"
)
REFUSED_NO_REASONS = (
    "the reasons for refusing escalation must be set out clearly, and this decision gives none"
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"grounds": []}, [("2.1", NO_GROUND)]),
        ({"reasons": " "}, [("2.5", NO_REASONS)]),
        ({"discretion_considered": None}, [("2.3", NO_DISCRETION)]),
        (
            {"reasons": "", "discretion_considered": "  "},
            [("2.5", NO_REASONS), ("2.3", NO_DISCRETION)],
        ),
        (
            {"grounds": [], "reasons": ""},
            [("2.1", NO_GROUND), ("2.5", NO_REASONS)],
        ),
        (
            {"refusing_escalation": True, "grounds": [], "reasons": "\n"},
            [("5.11", REFUSED_NO_GROUND), ("5.11", REFUSED_NO_REASONS)],
        ),
        (
            {"refusing_escalation": True, "discretion_considered": None},
            [("2.3", NO_DISCRETION)],
        ),
    ],
)
def test_a_stored_decision_that_breached_the_code_loads_unchecked(
    changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    """2.1, 2.3, 2.5, 5.11: read unchecked, the decision loads and lists its breaches in order."""
    data = _broken(**changes)
    stored = ExclusionDecision.from_dict(data, checked=False)
    assert stored.to_dict() == data
    problems = stored.problems()
    assert [(p.provision.number, p.message) for p in problems] == expected
    assert all(p.provision.edition == 2024 for p in problems)
    assert all(p.on == D(2025, 6, 5) and p.severity == "breach" for p in problems)
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.from_dict(data)
    assert str(err.value) == str(problems[0])
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision(**attrs.asdict(stored, recurse=False))
    assert (err.value.provision, err.value.message) == (problems[0].provision, problems[0].message)


def test_a_stored_decision_repeating_its_grounds_text_is_a_breach_of_2_5() -> None:
    """2.5: reasons that only copy a ground's text are found, and refused when checked."""
    data = _broken(reasons=_decision().grounds[0].reason.upper())
    stored = ExclusionDecision.from_dict(data, checked=False)
    assert [str(p) for p in stored.problems()] == [
        (
            "2.5: the reasons only repeat a ground's text; give reasons about this complaint's "
            "own circumstances"
        )
    ]
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.from_dict(data)
    assert err.value.provision.number == "2.5"


def test_a_decision_that_meets_the_code_has_no_problems() -> None:
    """2.1, 2.3, 2.5: a decision made new, checked or unchecked, lists no problems."""
    d = _decision()
    assert d.problems() == ()
    assert ExclusionDecision.from_dict(d.to_dict(), checked=False) == d


def test_a_stored_2022_decision_cites_the_2022_edition() -> None:
    """1.7, 1.8, 1.9, 4.14 (2022): a 2022 decision's breaches carry the 2022 numbers.

    2022 has no 2.5: a decision without reasons breaches its 1.9 (a detailed explanation).
    """
    late_2022 = facts(D(2024, 3, 4), D(2023, 6, 1))
    d = decide(
        assess(late_2022),
        grounds=["time_limit"],
        reasons="The leak was mended in June 2023 and nothing has happened since.",
        decided_by="J. Patel",
        discretion_considered="You gave no reason for the delay.",
    )
    assert d.edition == CODE_2022
    data = d.to_dict() | {"grounds": [], "reasons": " "}
    declined = ExclusionDecision.from_dict(data, checked=False).problems()
    assert [(p.provision.number, p.provision.edition) for p in declined] == [
        ("1.7", 2022),
        ("1.9", 2022),
    ]
    late = ExclusionDecision.from_dict(d.to_dict() | {"discretion_considered": None}, checked=False)
    assert [str(p) for p in late.problems()] == [
        (
            "1.8: the complaint is outside the time limit (it ended on 2023-12-01), so the "
            "decision must record how discretion to accept it was considered"
        )
    ]
    refused = ExclusionDecision.from_dict(data | {"refusing_escalation": True}, checked=False)
    assert [str(p) for p in refused.problems()] == [
        f"4.14: {REFUSED_NO_GROUND}",
        f"4.14: {REFUSED_NO_REASONS}",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("decision", "decision: expected an object, got str"),
        (_broken(unknown=1), "decision: unknown field 'unknown'"),
        (_broken(reasons=None), "decision.reasons: missing required field"),
        (_broken(reasons=5), "decision.reasons: expected text, got int"),
        (_broken(grounds=["time_limit"]), "decision.grounds[0]: expected an object, got str"),
        (_broken(decided_by=" "), "decision.decided_by: a decision names the person who took it"),
        (
            _broken(decided_on="2025-02-30"),
            "decision.decided_on: no such date: '2025-02-30'",
        ),
        (
            _broken(discretion_considered=7),
            "decision.discretion_considered: expected text, got int",
        ),
    ],
)
def test_a_malformed_stored_decision_is_refused_even_unchecked(data: object, message: str) -> None:
    """2.1: reading without the Code's checks still refuses malformed data, with its path."""
    with pytest.raises(InvalidRecord) as err:
        ExclusionDecision.from_dict(data, checked=False)
    assert str(err.value) == message


@given(
    exclusion_facts(),
    st.data(),
    st.sampled_from(("", " ", "GROUND", "Your claim is before the court.")),
    st.sampled_from((None, "", "You gave no reason for the delay.")),
    st.booleans(),
)
def test_the_constructor_refuses_exactly_the_first_problem(
    f: ExclusionFacts, data: st.DataObject, reasons: str, discretion: str | None, refusing: bool
) -> None:
    """2.1, 2.3, 2.5, 5.11: problems() and the constructor's checks are one set of rules."""
    a = assess(f)
    grounds = data.draw(st.lists(st.sampled_from(a.grounds), unique=True)) if a.grounds else []
    if reasons == "GROUND":
        reasons = grounds[0].reason if grounds else ""
    stored_form = {
        "edition": a.edition.year,
        "refusing_escalation": refusing,
        "grounds": [g.to_dict() for g in grounds],
        "reasons": reasons,
        "discretion_considered": discretion,
        "decided_by": "J. Patel",
        "decided_on": a.on.isoformat(),
    }
    stored = ExclusionDecision.from_dict(stored_form, checked=False)
    assert stored.to_dict() == stored_form
    problems = stored.problems()
    if not problems:
        assert ExclusionDecision.from_dict(stored_form) == stored
        return
    assert all(p.provision.edition in (a.edition.year, 2024) for p in problems)
    with pytest.raises(ProvisionViolation) as err:
        ExclusionDecision.from_dict(stored_form)
    assert (err.value.provision, err.value.message) == (problems[0].provision, problems[0].message)
