"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from complaintcode.definition import ComplaintDefinition
from complaintcode.exclusions import ExclusionFacts, PreviousComplaint
from complaintcode.letters import (
    Outcome,
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
            decision=draw(st.sampled_from(Outcome)),
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


# --- deadlines, stages and complaint definitions --------------------------------------------
# Receipt on either side of the 2024 edition's start, the gaps between a complaint's events,
# extensions, integers that are not stages, and complaint definitions of every shape.

#: A day a complaint is received, under either edition and on any day of the week.
received_dates = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2034, 12, 31))

#: Calendar days from one event of a complaint to the next (receipt to acknowledgement, say).
event_gaps = st.integers(min_value=0, max_value=60)

#: Working days of one extension, from 1 to past the longest limit allowed without a good reason.
extension_days = st.integers(min_value=1, max_value=25)

#: Integers that are not one of the two stages.
non_stage_ints = st.integers().filter(lambda n: n not in {1, 2})


@st.composite
def deadline_arguments(draw: st.DrawFn) -> dict[str, object]:
    """Valid keyword arguments for ``response_due``: a stage and dates that never run backwards.

    Stage 2 has an escalation request on or after receipt; the acknowledgement of the stage is
    present or not, on or after the day the stage began.
    """
    stage = draw(st.sampled_from(Stage))
    received = draw(received_dates)
    args: dict[str, object] = {"stage": stage, "received": received}
    began = received
    if stage is Stage.TWO:
        began = received + dt.timedelta(days=draw(event_gaps))
        args["escalation_requested"] = began
    if draw(st.booleans()):
        args["acknowledged"] = began + dt.timedelta(days=draw(event_gaps))
    return args


@st.composite
def extension_steps(draw: st.DrawFn, limit: int) -> list[tuple[int, str | None]]:
    """One to three extensions; each has a good reason once the total passes ``limit``."""
    steps: list[tuple[int, str | None]] = []
    total = 0
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        days = draw(extension_days)
        total += days
        steps.append((days, "a specialist survey is awaited" if total > limit else None))
    return steps


_definition_texts = st.lists(st.text(max_size=12), max_size=3).map(tuple)

#: Complaint definitions of any shape, complete or not (whitespace-only texts included).
complaint_definitions = st.builds(
    ComplaintDefinition,
    understanding=st.text(max_size=30),
    points=_definition_texts,
    outcomes_sought=_definition_texts,
    responsible_for=_definition_texts,
    not_responsible_for=_definition_texts,
    clarification_sought=_definition_texts,
)


# --- reporting ---------------------------------------------------------------
# Small random complaint histories around the 2024-25 reporting year, built
# through the Complaint verbs (and exclusion decisions made through
# exclusions.decide), so that every history is one the library accepts.

from complaintcode.complaint import Complaint  # noqa: E402
from complaintcode.exclusions import ExclusionDecision, GroundKind, assess, decide  # noqa: E402

_REPORT_DEFINITION = ComplaintDefinition(
    understanding="The kitchen tap has leaked since March.",
    points=("the tap repair",),
    outcomes_sought=("repair the tap",),
)
_REPORT_HANDLERS = ("A. Khan", "B. Osei")
_REPORT_GROUNDS: tuple[GroundKind, ...] = (
    "time_limit",
    "legal_proceedings",
    "previously_considered",
)

#: The moves a history may take from each state (all the lifecycle's), a move that carries
#: the complaint on listed several times so that stage 2 is often reached.
_REPORT_MOVES: dict[str, tuple[str, ...]] = {
    "received": ("acknowledge",) * 4 + ("decline", "withdraw"),
    "stage_1": ("extend", "extend") + ("respond",) * 4 + ("withdraw",),
    "stage_1_answered": ("request_escalation",) * 3 + ("close", "withdraw"),
    "escalation_requested": ("acknowledge",) * 4 + ("refuse_escalation", "withdraw"),
    "stage_2": ("extend", "extend") + ("respond",) * 4 + ("withdraw",),
    "final_response_given": ("close", "refer_to_ombudsman"),
    "not_accepted": ("refer_to_ombudsman",),
    "escalation_refused": ("refer_to_ombudsman",),
}

#: Days a reporting history may start on: from before 2024-25 to after it.
report_dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 6, 30))


def exclusion_decision(
    received: dt.date, on: dt.date, kinds: list[GroundKind], *, refusing: bool
) -> ExclusionDecision:
    """A decision on the given grounds, taken on ``on`` about a complaint received on ``received``."""
    facts = ExclusionFacts(
        received=received,
        issue_occurred=received - dt.timedelta(days=800 if "time_limit" in kinds else 10),
        claim_filed_at_court=received - dt.timedelta(days=5)
        if "legal_proceedings" in kinds
        else None,
        previously_considered=PreviousComplaint(
            reference="C-0000", completed_stage=Stage.ONE, status="completed"
        )
        if "previously_considered" in kinds
        else None,
    )
    return decide(
        assess(facts, on=on),
        grounds=kinds,
        reasons="We looked at this complaint's own circumstances before deciding.",
        decided_by="J. Patel",
        refusing_escalation=refusing,
        discretion_considered="No good reason was given for the delay."
        if "time_limit" in kinds
        else None,
    )


def _report_move(draw: st.DrawFn, c: Complaint, move: str, day: dt.date) -> Complaint:
    """Apply one move on ``day`` (an extension on or before the deadline it extends)."""
    if move == "acknowledge":
        handler = _REPORT_HANDLERS[1] if c.status == "escalation_requested" else _REPORT_HANDLERS[0]
        return c.acknowledge(day, handler, _REPORT_DEFINITION)
    if move == "extend":
        stage = c.stage or Stage.ONE
        record = c.stage_record(stage)
        assert record is not None
        last = c.events[-1].on
        if last > record.final_due:
            return c
        on = last + dt.timedelta(days=draw(st.integers(0, (record.final_due - last).days)))
        limit = c.edition.timescales(stage).extension_limit
        days = draw(st.integers(min_value=1, max_value=limit + 5))
        beyond = record.extended_by + days > limit
        return c.extend(
            on,
            days,
            "We need a survey of the pipework.",
            ombudsman_details_given=True,
            good_reason="The survey needs a specialist contractor." if beyond else None,
        )
    if move in ("decline", "refuse_escalation"):
        kinds = draw(st.lists(st.sampled_from(_REPORT_GROUNDS), min_size=1, unique=True))
        decision = exclusion_decision(c.received, day, kinds, refusing=move != "decline")
        return c.decline(day, decision) if move == "decline" else c.refuse_escalation(day, decision)
    verb = getattr(c, move)
    result: Complaint = verb(day)
    return result


@st.composite
def report_complaints(draw: st.DrawFn, reference: str = "C-0001") -> Complaint:
    """A complaint history of up to eight moves, each a few days after the last.

    After each move the history stops one time in eight, or when no move is left.
    """
    received = draw(report_dates)
    c = Complaint.receive(reference, received=received)
    for _ in range(8):
        moves = _REPORT_MOVES.get(c.status, ())
        if not moves or draw(st.integers(min_value=0, max_value=7)) == 0:
            break
        move = draw(st.sampled_from(moves))
        day = c.events[-1].on + dt.timedelta(days=draw(st.integers(min_value=0, max_value=20)))
        c = _report_move(draw, c, move, day)
    return c


@st.composite
def report_complaint_lists(draw: st.DrawFn, max_size: int = 6) -> list[Complaint]:
    """Up to ``max_size`` complaint histories with distinct references."""
    size = draw(st.integers(min_value=0, max_value=max_size))
    return [draw(report_complaints(f"C-{i:04d}")) for i in range(size)]


# --- adjustments, restrictions and remedies followed through ---------------------------------
# Reasonable adjustments (5.10) and restrictions on contact (5.14, 5.15) recorded and reviewed
# in random order, breaches included (no reasons, no review date), and remedies offered in a
# stage 1 response and marked done (7.3).

#: Free text as a record may hold it: none, blank, or words.
record_texts = st.none() | st.sampled_from(("", "  ")) | letter_texts

#: Calendar days from one dated step to a later one.
day_offsets = st.integers(min_value=0, max_value=120)


def _days_after(day: dt.date) -> st.SearchStrategy[dt.date]:
    return day_offsets.map(lambda n: day + dt.timedelta(days=n))


@st.composite
def care_histories(draw: st.DrawFn, *, received: dt.date | None = None) -> Complaint:
    """A complaint with adjustments and restrictions agreed, reviewed, ended and lifted at random.

    Valid by construction: each review names one still in place, dates never run backwards.
    """
    start = received if received is not None else draw(received_dates)
    c = Complaint.receive("C-0001", received=start)
    day = start
    adjustments: list[str] = []
    restrictions: list[str] = []
    for number in range(draw(st.integers(min_value=0, max_value=8))):
        day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        later = st.none() | _days_after(day)
        moves = ["agree", "restrict"]
        moves += ["review_adjustment"] * bool(adjustments)
        moves += ["review_restriction", "lift"] * bool(restrictions)
        move = draw(st.sampled_from(moves))
        if move == "agree":
            adjustments.append(f"A{number}")
            c = c.agree_adjustment(
                day,
                f"A{number}",
                draw(letter_texts),
                review_by=draw(later),
                disability=draw(st.none() | letter_texts),
            )
        elif move == "restrict":
            restrictions.append(f"R{number}")
            c = c.restrict_contact(
                day,
                f"R{number}",
                draw(letter_texts),
                reasons=draw(record_texts),
                proportionality=draw(record_texts),
                review_by=draw(later),
            )
        elif move == "review_adjustment":
            key = draw(st.sampled_from(adjustments))
            if draw(st.booleans()):
                adjustments.remove(key)
                c = c.review_adjustment(day, key, "no longer needed", ended=True)
            else:
                c = c.review_adjustment(day, key, "still needed", next_review=draw(later))
        elif move == "review_restriction":
            key = draw(st.sampled_from(restrictions))
            c = c.review_restriction(day, key, "kept", next_review=draw(later))
        else:
            key = draw(st.sampled_from(restrictions))
            restrictions.remove(key)
            c = c.lift_restriction(day, key, note=draw(st.none() | letter_texts))
    return c


# --- outcomes, categories, tenure, the Ombudsman and service requests ------------------------
# The outcome recorded with a response (6.9(c), 6.19(c)), a complaint's categories and tenure
# (9.7; the Tenant Satisfaction Measures by tenure), the Ombudsman's determinations and orders
# after a referral, and service requests with their dissatisfaction, answers and conversions
# (1.3, 1.4, 1.5).

from complaintcode.complaint import TENURES, ServiceRequest  # noqa: E402
from complaintcode.complaint.events import Determination, OmbudsmanOrder  # noqa: E402

#: A category as a landlord may type it: words, perhaps with spaces around them.
category_texts = st.tuples(
    st.sampled_from(("", " ", "  ")), letter_texts, st.sampled_from(("", " "))
).map("".join)

#: Up to four categories, repeats (in any case) included.
category_lists = st.lists(st.one_of(category_texts, category_texts.map(str.upper)), max_size=4)

#: A tenure, or none recorded.
tenures = st.none() | st.sampled_from(TENURES)

#: An outcome recorded with a response, as a member or its text, or none.
recorded_outcomes = (
    st.none() | st.sampled_from(Outcome) | st.sampled_from(Outcome).map(lambda o: o.value)
)


@st.composite
def ombudsman_histories(draw: st.DrawFn) -> Complaint:
    """A complaint answered at both stages, referred, then determined (perhaps twice) with orders
    completed at random. Valid by construction: order identifiers are unique, each due on or after
    its determination, and each completed once."""
    received = draw(report_dates)
    c = Complaint.receive(
        "C-0001",
        received=received,
        categories=draw(category_lists),
        tenure=draw(tenures),
    )
    day = received + dt.timedelta(days=draw(st.integers(min_value=0, max_value=15)))
    c = c.respond(day, outcome=draw(recorded_outcomes))
    day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=20)))
    c = c.request_escalation(day)
    day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=30)))
    c = c.respond(day, handler="B. Osei", outcome=draw(recorded_outcomes))
    day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=60)))
    c = c.refer_to_ombudsman(day)
    made: list[str] = []
    done: set[str] = set()
    for number in range(draw(st.integers(min_value=0, max_value=5))):
        day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        open_orders = [o for o in made if o not in done]
        if bool(open_orders) and draw(st.booleans()):
            key = draw(st.sampled_from(open_orders))
            done.add(key)
            c = c.complete_order(day, key, note=draw(st.none() | letter_texts))
            continue
        orders = [
            OmbudsmanOrder(
                order_id=f"O{number}-{i}",
                description=draw(letter_texts),
                due=day + dt.timedelta(days=draw(day_offsets)),
            )
            for i in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        made.extend(o.order_id for o in orders)
        c = c.record_determination(day, draw(st.sampled_from(Determination)), orders=orders)
    return c


@st.composite
def service_requests(draw: st.DrawFn, *, raised: dt.date | None = None) -> ServiceRequest:
    """A service request with dissatisfaction expressed, answered and converted at random.

    Valid by construction: an answer follows dissatisfaction not yet answered, each complaint
    reference is used once, dates never run backwards.
    """
    day = raised if raised is not None else draw(received_dates)
    r = ServiceRequest.record(
        "SR-0001",
        raised=day,
        description=draw(letter_texts),
        resident=draw(st.none() | letter_texts),
        channel=draw(st.none() | st.sampled_from(("phone", "email", "repairs portal"))),
        categories=draw(category_lists),
        tenure=draw(tenures),
    )
    waiting = False
    for number in range(draw(st.integers(min_value=0, max_value=6))):
        day += dt.timedelta(days=draw(st.integers(min_value=0, max_value=20)))
        moves = ["express", "convert"] + ["answer"] * waiting
        move = draw(st.sampled_from(moves))
        if move == "express":
            waiting = True
            r = r.express_dissatisfaction(
                day, draw(letter_texts), complaint_requested=draw(st.booleans())
            )
        elif move == "answer":
            waiting = False
            r = r.answer_dissatisfaction(
                day, draw(record_texts.map(lambda t: t or "")), choice_offered=draw(st.booleans())
            )
        else:
            waiting = False
            r = r.convert(day, f"C-{number:04d}")
    return r
