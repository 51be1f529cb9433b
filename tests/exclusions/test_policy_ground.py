"""Tests for the grounds a landlord's own complaints policy sets (2.2's open list)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaintcode.editions import CODE_2022, CODE_2024
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.exclusions import (
    ExclusionDecision,
    ExclusionFacts,
    Ground,
    assess,
    decide,
    policy_ground,
)
from complaintcode.provisions import provision
from strategies import exclusion_facts

D = dt.date
APPEAL = "a matter with a statutory right of appeal"
SECTION = "section 4.3"
APPEAL_REASON = (
    "2.2: a ground set by the landlord's complaints policy (section 4.3): a matter with a "
    "statutory right of appeal"
)
REASONS = (
    "Your complaint is about the rent increase notice, which you can appeal to the First-tier "
    "Tribunal; the tribunal, not our complaints process, decides the rent."
)
#: In time and with no ground found: only the policy's ground applies.
IN_TIME = ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2025, 5, 1))
#: Received before 1 April 2024: the 2022 edition.
IN_TIME_2022 = ExclusionFacts(received=D(2024, 3, 4), issue_occurred=D(2024, 2, 1))
#: Received more than 12 months after the issue.
LATE = ExclusionFacts(received=D(2025, 6, 2), issue_occurred=D(2024, 3, 4))


def appeal(edition: Any = CODE_2024) -> Ground:
    return policy_ground(APPEAL, policy_reference=SECTION, edition=edition)


# --- making a policy ground -----------------------------------------------------


def test_a_policy_ground_cites_2_2_and_carries_the_policy_s_words() -> None:
    """2.2: acceptable exclusions *include* the three named; a policy ground cites 2.2 itself."""
    g = appeal()
    assert (g.kind, g.provision, g.discretionary) == ("policy", provision("2.2"), False)
    assert (g.description, g.policy_reference) == (APPEAL, SECTION)
    assert g.reason == APPEAL_REASON
    assert (g.limit_runs_from, g.limit_ends, g.claim_filed, g.previous_reference) == (
        None,
        None,
        None,
        None,
    )


def test_a_policy_ground_keeps_the_texts_without_surrounding_spaces() -> None:
    """2.2: the description and the reference are kept as the policy words them, trimmed."""
    g = policy_ground(f"  {APPEAL}\n", policy_reference=f"\t{SECTION} ")
    assert g == appeal()


def test_a_2022_policy_ground_cites_1_8() -> None:
    """1.8 (2022): the 2022 edition leaves the exclusions to the policy; its ground cites 1.8."""
    g = appeal(CODE_2022)
    assert g.provision == provision("1.8", 2022)
    assert g.provision == CODE_2022.cite("exclusion_grounds")
    assert g.reason == APPEAL_REASON.replace("2.2:", "1.8:", 1)


@pytest.mark.parametrize(
    ("description", "reference", "message"),
    [
        (
            "",
            SECTION,
            "description: 2.2: a policy ground needs the exclusion as the policy words it",
        ),
        (
            " \n\t",
            SECTION,
            "description: 2.2: a policy ground needs the exclusion as the policy words it",
        ),
        (
            APPEAL,
            "",
            (
                "policy_reference: 2.2: a policy ground needs where the landlord's complaints "
                "policy sets it"
            ),
        ),
        (
            APPEAL,
            "   ",
            (
                "policy_reference: 2.2: a policy ground needs where the landlord's complaints "
                "policy sets it"
            ),
        ),
        (None, SECTION, "description: expected text, got NoneType"),
        (APPEAL, 4.3, "policy_reference: expected text, got float"),
    ],
)
def test_a_blank_description_or_reference_is_refused(
    description: Any, reference: Any, message: str
) -> None:
    """2.2: a policy ground says what the policy excludes and where; neither may be blank."""
    with pytest.raises(InvalidRecord) as err:
        policy_ground(description, policy_reference=reference)
    assert str(err.value) == message


def test_a_blank_2022_description_cites_1_8() -> None:
    """1.8 (2022): the error names the provision of the edition asked for."""
    with pytest.raises(InvalidRecord) as err:
        policy_ground("", policy_reference=SECTION, edition=CODE_2022)
    assert str(err.value) == (
        "description: 1.8: a policy ground needs the exclusion as the policy words it"
    )


def test_an_edition_that_is_not_an_edition_is_refused() -> None:
    """2.2: the edition whose provision the ground cites must be an Edition."""
    with pytest.raises(InvalidRecord) as err:
        policy_ground(APPEAL, policy_reference=SECTION, edition=2024)  # type: ignore[arg-type]
    assert str(err.value) == "edition: expected an Edition, got int"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"description": None},
            "description: 2.2: a policy ground needs the exclusion as the policy words it",
        ),
        (
            {"policy_reference": " "},
            (
                "policy_reference: 2.2: a policy ground needs where the landlord's complaints "
                "policy sets it"
            ),
        ),
        (
            {"provision": provision("2.3")},
            "provision: 2.2: a policy ground rests on 2.2 of the 2024 edition, not on 2.3",
        ),
        (
            {"provision": provision("1.9", 2022)},
            "provision: 1.8: a policy ground rests on 1.8 of the 2022 edition, not on 1.9",
        ),
        (
            {"discretionary": True},
            (
                "discretionary: 2.3: only the time limit asks for discretion to be considered, so "
                "a policy ground is never discretionary"
            ),
        ),
        (
            {"kind": "legal_proceedings"},
            (
                "description: 2.2: only a policy ground has a description, and this is a "
                "legal_proceedings ground"
            ),
        ),
        (
            {"kind": "previously_considered", "description": None},
            (
                "policy_reference: 2.2: only a policy ground has a policy_reference, and this is a "
                "previously_considered ground"
            ),
        ),
    ],
)
def test_the_ground_record_refuses_an_inconsistent_policy_ground(
    changes: dict[str, Any], message: str
) -> None:
    """2.2 (and 2.3): a policy ground built directly holds what policy_ground() gives it."""
    with pytest.raises(InvalidRecord) as err:
        attrs.evolve(appeal(), **changes)
    assert str(err.value) == message


# --- deciding on a policy ground ----------------------------------------------------


def test_decide_accepts_a_policy_ground_with_reasons_of_its_own() -> None:
    """2.2, 2.5: a policy ground the assessment did not find, decided with reasons for this case."""
    a = assess(IN_TIME)
    assert a.grounds == ()
    d = decide(a, grounds=[appeal()], reasons=REASONS, decided_by="J. Patel")
    assert d.grounds == (appeal(),)
    assert (d.reasons, d.decided_on, d.edition, d.refusing_escalation) == (
        REASONS,
        D(2025, 6, 2),
        CODE_2024,
        False,
    )
    assert d.problems() == ()


def test_a_single_policy_ground_may_be_given_alone() -> None:
    """2.2: like any ground, one policy ground may be given without a list, and repeats are kept once."""
    a = assess(IN_TIME)
    alone = decide(a, grounds=appeal(), reasons=REASONS, decided_by="J. Patel")
    twice = decide(a, grounds=[appeal(), appeal()], reasons=REASONS, decided_by="J. Patel")
    assert alone.grounds == twice.grounds == (appeal(),)


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
def test_a_policy_ground_without_reasons_is_refused(refusing: bool, message: str) -> None:
    """2.5: no blanket exclusions; 5.11: a refusal to escalate sets out its reasons clearly."""
    for reasons in ("", "  \n"):
        with pytest.raises(ProvisionViolation) as err:
            decide(
                assess(IN_TIME),
                grounds=[appeal()],
                reasons=reasons,
                decided_by="J. Patel",
                refusing_escalation=refusing,
            )
        assert str(err.value) == message


@pytest.mark.parametrize(
    "reasons", [APPEAL, f"  {APPEAL.upper()} ", APPEAL_REASON, APPEAL_REASON.lower()]
)
def test_reasons_that_only_repeat_the_policy_are_refused(reasons: str) -> None:
    """2.5: copying the policy's wording, or the ground's text, is no reason about this complaint."""
    with pytest.raises(ProvisionViolation) as err:
        decide(assess(IN_TIME), grounds=[appeal()], reasons=reasons, decided_by="J. Patel")
    assert str(err.value) == (
        "2.5: the reasons only repeat a ground's text; give reasons about this complaint's own "
        "circumstances"
    )


def test_a_policy_ground_is_never_named_by_its_kind_alone() -> None:
    """2.2: "policy" alone does not say which of the policy's grounds is relied on."""
    with pytest.raises(InvalidRecord) as err:
        decide(assess(IN_TIME), grounds=["policy"], reasons=REASONS, decided_by="J. Patel")
    assert str(err.value) == (
        "grounds: 2.2: a policy ground is given as policy_ground(description, "
        "policy_reference=...), not by its kind alone"
    )


def test_a_late_complaint_on_a_policy_ground_too_still_needs_discretion_considered() -> None:
    """2.3: adding a policy ground does not lift the time limit's duty to consider discretion."""
    a = assess(LATE)
    with pytest.raises(ProvisionViolation) as err:
        decide(a, grounds=["time_limit", appeal()], reasons=REASONS, decided_by="J. Patel")
    assert str(err.value) == (
        "2.3: the complaint is outside the time limit (it ended on 2025-03-04), so the decision "
        "must record how discretion to accept it was considered"
    )
    d = decide(
        a,
        grounds=["time_limit", appeal()],
        reasons=REASONS,
        decided_by="J. Patel",
        discretion_considered="No good reason was given for the delay.",
    )
    assert [g.kind for g in d.grounds] == ["time_limit", "policy"]


def test_a_2022_decision_on_a_policy_ground_cites_1_8() -> None:
    """1.8 (2022): a 2024-made policy ground is cited under the assessment's 2022 edition."""
    a = assess(IN_TIME_2022)
    assert a.edition is CODE_2022
    d = decide(a, grounds=[appeal()], reasons=REASONS, decided_by="J. Patel")
    assert d.grounds == (appeal(CODE_2022),)
    assert (d.grounds[0].provision.number, d.grounds[0].provision.edition) == ("1.8", 2022)
    assert d.notice_content().provision == provision("1.9", 2022)


def test_a_2022_policy_ground_without_reasons_cites_1_9() -> None:
    """1.9 (2022): 2022 has no 2.5; declining without reasons lacks 1.9's explanation of why."""
    with pytest.raises(ProvisionViolation) as err:
        decide(assess(IN_TIME_2022), grounds=[appeal()], reasons=" ", decided_by="J. Patel")
    assert (err.value.provision.number, err.value.provision.edition) == ("1.9", 2022)


def test_a_decision_built_directly_refuses_a_ground_of_another_edition() -> None:
    """2.2: a decision's grounds cite its own edition; 1.8 (2022) is not 2.2 (2024)."""
    with pytest.raises(InvalidRecord) as err:
        ExclusionDecision(
            edition=CODE_2022,
            grounds=(appeal(),),
            reasons=REASONS,
            decided_by="J. Patel",
            decided_on=D(2024, 3, 4),
        )
    assert str(err.value) == (
        "grounds[0]: the ground cites the 2024 edition (2.2), but the decision is made under "
        "the 2022 edition"
    )


def test_the_notice_says_the_ground_with_the_policy_reference() -> None:
    """2.4: the notice gives the reasons, the ground with where the policy sets it, and the
    resident's right to take the decision to the Ombudsman."""
    d = decide(assess(IN_TIME), grounds=[appeal()], reasons=REASONS, decided_by="J. Patel")
    notice = d.notice_content()
    assert notice.provision == provision("2.4")
    assert notice.grounds == (APPEAL_REASON,)
    assert str(notice) == (
        "We have decided not to accept your complaint.\n\n"
        f"{REASONS}\n\n"
        f"{APPEAL_REASON}\n\n"
        "If you disagree, you have the right to ask the Housing Ombudsman to look at our "
        "decision not to accept your complaint."
    )


def test_an_escalation_refused_on_a_policy_ground_cites_5_11() -> None:
    """5.11: escalation may be refused on a section 2 ground, and a policy ground is one (2.2)."""
    d = decide(
        assess(IN_TIME, on=D(2025, 7, 1)),
        grounds=[appeal()],
        reasons=REASONS,
        decided_by="J. Patel",
        refusing_escalation=True,
    )
    notice = d.notice_content()
    assert notice.provision == provision("5.11")
    assert notice.grounds == (APPEAL_REASON,)
    assert notice.ombudsman == (
        "If you disagree, you have the right to ask the Housing Ombudsman to look at our "
        "decision not to escalate your complaint to stage 2."
    )


# --- stored form ------------------------------------------------------------------


def test_a_policy_ground_s_stored_form() -> None:
    """2.2: the stored ground adds the policy's wording and reference; other kinds leave them out."""
    assert appeal().to_dict() == {
        "kind": "policy",
        "provision": "2.2",
        "edition": 2024,
        "discretionary": False,
        "reason": APPEAL_REASON,
        "limit_runs_from": None,
        "limit_ends": None,
        "claim_filed": None,
        "previous_reference": None,
        "description": APPEAL,
        "policy_reference": SECTION,
    }
    late = assess(LATE).grounds[0].to_dict()
    assert "description" not in late
    assert "policy_reference" not in late


def test_a_policy_ground_and_its_decision_round_trip() -> None:
    """2.2, 2.5: the ground and the decision resting on it read back equal, checked or not."""
    assert Ground.from_dict(appeal().to_dict()) == appeal()
    assert Ground.from_dict(appeal(CODE_2022).to_dict()) == appeal(CODE_2022)
    d = decide(assess(IN_TIME), grounds=[appeal()], reasons=REASONS, decided_by="J. Patel")
    assert ExclusionDecision.from_dict(d.to_dict()) == d
    assert ExclusionDecision.from_dict(d.to_dict(), checked=False) == d
    assert ExclusionDecision.from_dict(d.to_dict()).to_dict() == d.to_dict()


def _stored(**changes: Any) -> dict[str, Any]:
    return appeal().to_dict() | changes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {k: v for k, v in _stored().items() if k != "description"},
            "ground.description: 2.2: a policy ground needs the exclusion as the policy words it",
        ),
        (
            _stored(policy_reference=""),
            (
                "ground.policy_reference: 2.2: a policy ground needs where the landlord's "
                "complaints policy sets it"
            ),
        ),
        (_stored(description=7), "ground.description: expected text, got int"),
        (
            _stored(provision="2.3"),
            "ground.provision: 2.2: a policy ground rests on 2.2 of the 2024 edition, not on 2.3",
        ),
        (
            _stored(kind="legal_proceedings"),
            (
                "ground.description: 2.2: only a policy ground has a description, and this is a "
                "legal_proceedings ground"
            ),
        ),
    ],
)
def test_a_malformed_stored_policy_ground_names_the_field(data: object, message: str) -> None:
    """2.2: a stored policy ground without its wording or reference is refused with its path."""
    with pytest.raises(InvalidRecord) as err:
        Ground.from_dict(data)
    assert str(err.value) == message


def test_a_stored_decision_on_a_policy_ground_without_reasons_is_a_breach_of_2_5() -> None:
    """2.5: a stored decision giving no reasons loads unchecked and lists the breach."""
    d = decide(assess(IN_TIME), grounds=[appeal()], reasons=REASONS, decided_by="J. Patel")
    stored = ExclusionDecision.from_dict(d.to_dict() | {"reasons": APPEAL}, checked=False)
    assert [str(p) for p in stored.problems()] == [
        (
            "2.5: the reasons only repeat a ground's text; give reasons about this complaint's own "
            "circumstances"
        )
    ]
    with pytest.raises(ProvisionViolation):
        ExclusionDecision.from_dict(d.to_dict() | {"reasons": APPEAL})


#: Policy wording and references: any text UTF-8 can hold that is not blank.
_POLICY_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip)


@given(exclusion_facts(), _POLICY_TEXT, _POLICY_TEXT, st.booleans())
def test_every_decision_on_a_policy_ground_round_trips(
    f: ExclusionFacts, description: str, reference: str, refusing: bool
) -> None:
    """2.2: for any facts, edition and policy wording, the decision reads back equal, and its
    ground cites the edition's own provision on exclusions (2.2, or 1.8 in 2022)."""
    a = assess(f)
    ground = policy_ground(description, policy_reference=reference, edition=a.edition)
    reasons = f"Our reasons for this complaint, not the policy's wording: {description!r}."
    d = decide(
        a,
        grounds=[*a.grounds, ground],
        reasons=reasons,
        decided_by="J. Patel",
        refusing_escalation=refusing,
        discretion_considered="No good reason was given for the delay.",
    )
    assert d.grounds[-1].provision == a.edition.cite("exclusion_grounds")
    assert ExclusionDecision.from_dict(d.to_dict()) == d
    assert ExclusionDecision.from_dict(d.to_dict()).to_dict() == d.to_dict()
