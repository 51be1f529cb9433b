"""Notices of decisions resting on a ground the landlord's own policy sets (2.2, 2.4, 5.11)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from complaintcode.editions import CODE_2022
from complaintcode.errors import IncompleteLetter
from complaintcode.exclusions import (
    ExclusionDecision,
    ExclusionFacts,
    assess,
    decide,
    policy_ground,
)
from complaintcode.letters import (
    OMBUDSMAN_RIGHT,
    DeclineNotice,
    EscalationRefusal,
    check_letter,
    render_letter,
)

D = dt.date
APPEAL = policy_ground("a matter with a statutory right of appeal", policy_reference="section 4.3")
APPEAL_TEXT = (
    "2.2: a ground set by the landlord's complaints policy (section 4.3): a matter with a "
    "statutory right of appeal"
)
REASONS = "You can appeal the rent increase to the First-tier Tribunal, which decides the rent."
FACTS = ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2025, 5, 1))


def decision(*, refusing: bool = False) -> ExclusionDecision:
    return decide(
        assess(FACTS, on=D(2025, 7, 1) if refusing else None),
        grounds=[APPEAL],
        reasons=REASONS,
        decided_by="J. Patel",
        refusing_escalation=refusing,
    )


def test_the_decline_notice_says_the_policy_ground_with_its_reference() -> None:
    """2.4: the notice gives the reasons, the ground (here with where the policy sets it, 2.2)
    and the right to take the decision to the Ombudsman."""
    notice = DeclineNotice.from_decision(decision())
    assert notice == DeclineNotice(reasons=REASONS, grounds=(APPEAL_TEXT,))
    assert notice.ombudsman_right == OMBUDSMAN_RIGHT
    assert check_letter(notice) == ()


def test_the_decline_notice_renders_every_part() -> None:
    """2.4: the rendered notice carries the reasons, the policy ground and the Ombudsman right."""
    text = render_letter(DeclineNotice.from_decision(decision()), width=None)
    assert text == (
        "Your complaint\n"
        "--------------\n"
        "\n"
        "We have decided not to accept your complaint into our complaints process.\n"
        "\n"
        "Why we decided this\n"
        "-------------------\n"
        "\n"
        f"{REASONS}\n"
        "\n"
        "Our decision rests on:\n"
        "\n"
        f"- {APPEAL_TEXT}\n"
        "\n"
        "If you are not satisfied\n"
        "------------------------\n"
        "\n"
        f"{OMBUDSMAN_RIGHT}\n"
    )


def test_the_escalation_refusal_says_the_policy_ground_with_its_reference() -> None:
    """5.11: refusing escalation rests on a section 2 ground, here a policy ground (2.2), and
    the refusal gives it, the reasons and the right to go to the Ombudsman."""
    refusal = EscalationRefusal.from_decision(decision(refusing=True))
    assert refusal == EscalationRefusal(reasons=REASONS, grounds=(APPEAL_TEXT,))
    assert check_letter(refusal) == ()
    assert f"- {APPEAL_TEXT}\n" in render_letter(refusal, width=None)


def test_a_2022_notice_cites_1_8() -> None:
    """1.8, 1.9 (2022): a 2022 complaint's policy ground is cited as 1.8 in its notice."""
    d = decide(
        assess(ExclusionFacts(received=D(2024, 3, 4), issue_occurred=D(2024, 2, 1))),
        grounds=[APPEAL],
        reasons=REASONS,
        decided_by="J. Patel",
    )
    notice = DeclineNotice.from_decision(d)
    assert notice.grounds == (APPEAL_TEXT.replace("2.2:", "1.8:", 1),)
    assert check_letter(notice, CODE_2022) == ()


def test_a_policy_reference_missing_from_the_ground_s_text_is_added() -> None:
    """2.4: a ground from elsewhere whose text leaves out the policy's reference gets it added,
    so that the resident can find the ground in the published policy."""
    ground = SimpleNamespace(
        reason="2.2: a statutory right of appeal", provision="2.2", policy_reference="4.3"
    )
    notice = DeclineNotice.from_decision(SimpleNamespace(reasons=REASONS, grounds=[ground]))
    assert notice.grounds == ("2.2: a statutory right of appeal (our complaints policy, 4.3)",)
    ground = SimpleNamespace(
        reason="An appeal lies to a tribunal.", provision="2.2", policy_reference=" 4.3 "
    )
    refusal = EscalationRefusal.from_decision(SimpleNamespace(reasons=REASONS, grounds=[ground]))
    assert refusal.grounds == (
        "An appeal lies to a tribunal. (Complaint Handling Code 2.2) (our complaints policy, 4.3)",
    )


def test_a_notice_without_reasons_is_refused_when_rendered() -> None:
    """2.4: a policy ground is no reason by itself; a notice with none is incomplete."""
    notice = DeclineNotice(reasons=" ", grounds=(APPEAL_TEXT,))
    assert [str(f) for f in check_letter(notice)] == [
        "2.4: the notice gives no reasons for not accepting the complaint"
    ]
    with pytest.raises(IncompleteLetter):
        render_letter(notice)
