"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from complaintcode.definition import ComplaintDefinition
from complaintcode.exclusions import ExclusionFacts, PreviousComplaint
from complaintcode.letters import (
    Decision,
    OutstandingAction,
    PointDecision,
    Stage1Response,
    Stage2Response,
)
from complaintcode.remedies import IN_LETTER_KINDS, Remedy, RemedyKind
from complaintcode.stages import Stage

#: Dates inside the range every calendar supports comfortably.
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2049, 12, 31))


# --- calendar ----------------------------------------------------------------
# Working-day counts, UK regions and landlords' closure days.

#: A number of working days, as the Code's timescales and extensions use them.
working_day_counts = st.integers(min_value=0, max_value=300)

#: The regions a working calendar can follow.
regions = st.sampled_from(("england-and-wales", "scotland", "northern-ireland"))

#: A landlord's closure days, as offsets in days from a start date (so they fall nearby).
closure_offsets = st.frozensets(st.integers(min_value=0, max_value=90), max_size=20)


# --- exclusions --------------------------------------------------------------
# Facts that bear on the exclusion grounds of section 2, in every combination.

#: An earlier complaint about the same matter: completed (at stage 1 or 2), open or withdrawn.
previous_complaints = st.one_of(
    st.builds(
        PreviousComplaint,
        reference=st.just("C-0001"),
        completed_stage=st.just(Stage.TWO),
        status=st.just("completed"),
    ),
    st.builds(
        PreviousComplaint,
        reference=st.just("C-0002"),
        completed_stage=st.just(Stage.ONE),
        status=st.sampled_from(("completed", "open", "withdrawn")),
    ),
    st.builds(
        PreviousComplaint,
        reference=st.just("C-0003"),
        completed_stage=st.none(),
        status=st.sampled_from(("open", "withdrawn")),
    ),
)


@st.composite
def exclusion_facts(draw: st.DrawFn) -> ExclusionFacts:
    """Valid facts: awareness on or after the issue, receipt on or after both.

    Receipt falls from the same day to about three years later, so facts both in
    time and late under either edition are drawn; a claim or a pre-action letter
    may fall before or after receipt.
    """
    issue = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2044, 12, 31)))
    aware_after = draw(st.none() | st.integers(min_value=0, max_value=800))
    aware = None if aware_after is None else issue + dt.timedelta(days=aware_after)
    received = max(issue, aware or issue) + dt.timedelta(
        days=draw(st.integers(min_value=0, max_value=1100))
    )
    offsets = st.none() | st.integers(min_value=-400, max_value=400)
    claim, letter = draw(offsets), draw(offsets)
    return ExclusionFacts(
        received=received,
        issue_occurred=issue,
        became_aware=aware,
        claim_filed_at_court=None if claim is None else received + dt.timedelta(days=claim),
        pre_action_letter=None if letter is None else received + dt.timedelta(days=letter),
        previously_considered=draw(st.none() | previous_complaints),
    )


# --- letters and remedies ----------------------------------------------------
# Complete letters and remedies, built from a small vocabulary that never spells
# a third stage, so that every gap in a drawn letter is one a test put there.

_LETTER_WORDS = (
    "we", "you", "the", "your", "home", "kitchen", "tap", "leak", "damp", "mould", "window",
    "repair", "visit", "missed", "late", "fixed", "rent", "account", "boiler", "heating", "roof",
    "door", "lift", "fence", "checked", "found", "paid", "report", "survey", "contractor",
)  # fmt: skip

#: A short plain text of one to eight words.
letter_texts = st.lists(st.sampled_from(_LETTER_WORDS), min_size=1, max_size=8).map(" ".join)

#: Dates a letter under the 2024 edition might carry.
letter_dates = st.dates(min_value=dt.date(2024, 4, 1), max_value=dt.date(2030, 12, 31))

#: Amounts of pounds and pence.
pounds = st.decimals(
    min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False
)


@st.composite
def complete_remedies(draw: st.DrawFn) -> Remedy:
    """A remedy that says what and by when (7.3), or is given in the letter itself."""
    kind = draw(st.sampled_from(RemedyKind))
    in_letter = kind in IN_LETTER_KINDS
    return Remedy(
        kind=kind,
        what=draw(letter_texts),
        by_when=draw(st.none() | letter_dates) if in_letter else draw(letter_dates),
        amount=draw(pounds) if kind is RemedyKind.FINANCIAL else None,
        completed_on=draw(st.none() | letter_dates),
    )


@st.composite
def complete_responses(draw: st.DrawFn, stage: int) -> Stage1Response | Stage2Response:
    """A stage 1 or stage 2 response with every item of 6.9 / 6.19 present."""
    points = draw(st.lists(letter_texts, min_size=1, max_size=4, unique=True))
    definition = ComplaintDefinition(
        understanding=draw(letter_texts),
        points=tuple(points),
        outcomes_sought=tuple(draw(st.lists(letter_texts, min_size=1, max_size=3))),
        responsible_for=tuple(draw(st.lists(letter_texts, max_size=2))),
    )
    decisions = tuple(
        PointDecision(
            point=p,
            decision=draw(st.sampled_from(Decision)),
            reasons=draw(letter_texts),
            references=tuple(draw(st.lists(letter_texts, max_size=2))),
        )
        for p in points
    )
    upheld = any(d.upholds for d in decisions)
    remedies = tuple(draw(st.lists(complete_remedies(), min_size=int(upheld), max_size=3)))
    actions = tuple(
        OutstandingAction(what=draw(letter_texts), due=draw(letter_dates))
        for _ in range(draw(st.integers(min_value=0, max_value=3)))
    )
    reference = draw(st.none() | st.just("C-2024-0001"))
    if stage == 1:
        return Stage1Response(
            definition=definition,
            decisions=decisions,
            remedies=remedies,
            outstanding_actions=actions,
            escalation=draw(letter_texts) + ": ask us to escalate your complaint to stage 2.",
            reference=reference,
        )
    return Stage2Response(
        definition=definition,
        decisions=decisions,
        remedies=remedies,
        outstanding_actions=actions,
        escalation=draw(letter_texts) + ": you can refer it to the Housing Ombudsman.",
        reference=reference,
    )


# --- self-assessment ---------------------------------------------------------
# Self-assessments answered at random. Their texts are lines of single-spaced
# words (the form a published table keeps exactly), drawn with the characters
# that Markdown, HTML and CSV must escape.

from complaintcode.provisions import provisions  # noqa: E402
from complaintcode.selfassessment import COMPLY_VALUES, SelfAssessment  # noqa: E402

_SA_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))
    | st.sampled_from("|\\<>&\"'*_`[]#,;:-"),
    min_size=1,
    max_size=8,
)

#: One line of text: one to four words with single spaces.
sa_lines = st.lists(_SA_WORDS, min_size=1, max_size=4).map(" ".join)

#: An evidence, commentary or explanation text: none to three such lines.
sa_texts = st.lists(sa_lines, max_size=3).map("\n".join)


@st.composite
def self_assessments(draw: st.DrawFn, edition: int | None = None) -> SelfAssessment:
    """A self-assessment of either edition with a random subset of provisions answered."""
    year = edition if edition is not None else draw(st.sampled_from((2024, 2022)))
    sa = SelfAssessment.blank(
        year,
        completed_on=draw(st.none() | dates),
        completed_by=draw(st.none() | sa_lines),
        approved_by=draw(st.none() | sa_lines),
        approved_on=draw(st.none() | dates),
    )
    numbers = [p.number for p in provisions(year)]
    for number in draw(st.lists(st.sampled_from(numbers), unique=True, max_size=len(numbers))):
        sa = sa.answer(
            number,
            draw(st.sampled_from(COMPLY_VALUES)),
            evidence=draw(sa_texts),
            commentary=draw(sa_texts),
            explanation=draw(sa_texts),
            comply_by=draw(st.none() | dates),
        )
    return sa


# --- complaint histories, built through the verbs so that every one is valid ---------------

_DEFINITION = None


def _definition() -> object:
    from complaintcode import ComplaintDefinition  # noqa: PLC0415  # keeps this section self-contained

    return ComplaintDefinition(
        understanding="A repair was promised and not done.",
        points=("the repair",),
        outcomes_sought=("complete the repair",),
    )


@st.composite
def complaints(draw: st.DrawFn, *, start: dt.date = dt.date(2023, 1, 2)) -> object:
    """A complaint history of random verbs and gaps, valid by construction."""
    from complaintcode import ActionNotAllowed, Complaint, ProvisionViolation  # noqa: PLC0415

    received = draw(st.dates(min_value=start, max_value=dt.date(2026, 12, 31)))
    complaint = Complaint.receive(f"R-{draw(st.integers(1, 9999))}", received=received)
    day = received
    definition = _definition()
    verbs = ("acknowledge", "extend", "respond", "request_escalation", "withdraw", "close")
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=20)))
        verb = draw(st.sampled_from(verbs))
        try:
            if verb == "acknowledge":
                handler = "Stage Two" if complaint.status == "escalation_requested" else "Stage One"
                complaint = complaint.acknowledge(day, handler, definition)  # type: ignore[arg-type]
            elif verb == "extend":
                days = draw(st.integers(min_value=1, max_value=10))
                complaint = complaint.extend(
                    day, days, "more time needed", ombudsman_details_given=True
                )
            else:
                complaint = getattr(complaint, verb)(day)
        except (ActionNotAllowed, ProvisionViolation):
            continue
    return complaint
