"""Build the bundled example data: a year of complaints at a fictional landlord.

Riverside Homes is a fictional landlord with 4,800 homes (4,200 for low-cost
rental, 600 for low-cost home ownership). This script makes a year of
synthetic complaint histories, received from 1 April 2024 to 31 March 2025,
and writes them to ``src/complaintcode/data/example_complaints.jsonl``: one
complaint per line, each exactly as :meth:`Complaint.to_json` writes it. It
writes the year's service requests to
``src/complaintcode/data/example_service_requests.jsonl`` the same way. The
records stop on 30 April 2025, the day the data was "extracted", so the
complaints received last are still open.

Every history is built through the public verbs of
:class:`~complaintcode.complaint.Complaint`, so each one is a history the
library allows. The mix is meant to look like a real year:

- most complaints acknowledged and answered on time, then closed;
- some acknowledged late, some answered late (some of those with intervals for
  updates agreed with the resident, 5.9, and some without);
- extensions within the limit, and a few beyond it with a good reason (6.4);
- escalations to stage 2, acknowledged by a different handler (6.13), some
  extended, some late, some then referred to the Ombudsman;
- complaints not accepted on a section 2 ground (time limit, legal
  proceedings, previously considered) with a person's decision and reasons;
- escalations refused (5.11), withdrawals, outstanding actions completed on
  time, late or not at all (6.6), further issues raised during stage 1 (6.8);
- receipts either side of the Christmas 2024 and Easter 2025 bank holidays;
- categories from the landlord's list and the tenure of each home (9.7);
- responses with letters deciding each point, or with the outcome recorded
  alone, and a few with neither (5.12); remedies offered with the letters and
  done on time, late or not yet (7.1, 7.3);
- the Ombudsman's determinations of complaints referred to it, with orders
  done and outstanding (9.7);
- service requests, some met with dissatisfaction that was logged as a
  complaint, answered as not one, or left waiting (1.4, 1.5, 1.3).

The histories are played with one seeded generator and the additions above
(categories, tenure, letters, remedies, determinations, service requests)
drawn from a second, so that the dates of every history stay the same when
the additions change.

The generator is seeded (``random.Random(SEED)``) and reads no clock, so every
run writes the same bytes. Run it from the repository root::

    python examples/make_example_data.py          # write the files
    python examples/make_example_data.py --check  # exit 1 if a file differs
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import attrs

from complaintcode.calendar import WorkingCalendar, england_and_wales
from complaintcode.complaint import Complaint, ServiceRequest
from complaintcode.complaint.events import OmbudsmanOrder
from complaintcode.definition import ComplaintDefinition
from complaintcode.exclusions import (
    ExclusionFacts,
    GroundKind,
    PreviousComplaint,
    assess,
    decide,
)
from complaintcode.letters import PointDecision, Stage1Response, Stage2Response
from complaintcode.remedies import Remedy
from complaintcode.stages import Stage

#: The seed of the random generator; change it and the whole year changes.
SEED = 2024
#: How many complaints the year holds.
COMPLAINTS = 300
#: The landlord's homes, for CH01 (complaints per 1,000 homes).
HOMES = 4_800
#: The homes of each tenure, for CH01 by tenure; they add up to HOMES.
HOMES_BY_TENURE = {"low_cost_rental": 4_200, "low_cost_home_ownership": 600}
#: The reporting year: received from 1 April 2024 to 31 March 2025.
YEAR_START = dt.date(2024, 4, 1)
YEAR_END = dt.date(2025, 3, 31)
#: Nothing later than this day is recorded.
EXTRACTED = dt.date(2025, 4, 30)
#: Where the data goes inside the package.
OUTPUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "complaintcode"
    / "data"
    / "example_complaints.jsonl"
)
SERVICE_REQUESTS_OUTPUT = OUTPUT.with_name("example_service_requests.jsonl")
#: How many service requests the year holds besides those that became complaints.
SERVICE_REQUESTS = 150

#: Receipts placed on purpose around bank holidays: the early May and Christmas
#: 2024 holidays, and the last days of the year, whose answers fall at Easter 2025.
FIXED_RECEIPTS = (
    dt.date(2024, 5, 3),
    dt.date(2024, 12, 20),
    dt.date(2024, 12, 24),
    dt.date(2025, 3, 28),
    dt.date(2025, 3, 31),
)

#: How a complaint's history goes, and how often, out of 100.
PATHS = ("declined", "withdrawn early", "withdrawn at stage 1", "handled")
PATH_WEIGHTS = (5, 3, 3, 89)

CHANNELS = ("phone", "email", "online form", "letter", "in person", "social media")
STAGE_1_HANDLERS = ("A. Khan", "B. Osei", "C. Morgan", "D. Price", "E. Walsh")
STAGE_2_HANDLERS = ("F. Grant", "G. Hughes", "H. Iqbal")

#: Kinds of complaint: (summary, definition). The wording is invented for the data.
TOPICS: tuple[tuple[str, ComplaintDefinition], ...] = (
    (
        "Black mould in the bedroom keeps coming back after treatment.",
        ComplaintDefinition(
            understanding="Mould in the main bedroom has returned twice since it was treated, "
            "and the resident is worried about their child's health.",
            points=("the mould has not been dealt with", "no survey of the cause was done"),
            outcomes_sought=("find and fix the cause of the damp", "redecorate the bedroom"),
            responsible_for=("repairs to the structure of the home",),
        ),
    ),
    (
        "The boiler has broken down three times this winter.",
        ComplaintDefinition(
            understanding="The boiler has failed three times in two months, leaving the home "
            "without heating or hot water for several days each time.",
            points=("repeated boiler failures", "the time taken to attend"),
            outcomes_sought=("replace the boiler", "compensation for the days without heating"),
            responsible_for=("the heating system",),
        ),
    ),
    (
        "Two repair appointments were missed without notice.",
        ComplaintDefinition(
            understanding="Operatives did not arrive for two booked appointments to repair the "
            "kitchen tap, and the resident took time off work for both.",
            points=("the missed appointments", "the leaking kitchen tap"),
            outcomes_sought=("repair the tap", "an apology"),
            responsible_for=("the repairs service and its contractor",),
        ),
    ),
    (
        "Reports of noise from a neighbour were not followed up.",
        ComplaintDefinition(
            understanding="The resident reported loud music late at night on several occasions "
            "and says the case officer never called back.",
            points=("no reply from the case officer", "no action plan for the noise"),
            outcomes_sought=("a named contact and a plan", "regular updates"),
            responsible_for=("how we handle reports of anti-social behaviour",),
            not_responsible_for=("a noise abatement notice, which is the council's",),
        ),
    ),
    (
        "The service charge statement includes work that was never done.",
        ComplaintDefinition(
            understanding="The annual service charge includes window cleaning for the block, "
            "which the resident says has not happened this year.",
            points=("the charge for window cleaning",),
            outcomes_sought=("remove the charge", "a corrected statement"),
            responsible_for=("service charges for the block",),
        ),
    ),
    (
        "A staff member was rude on the phone.",
        ComplaintDefinition(
            understanding="The resident says a contact centre adviser spoke to them rudely and "
            "ended the call while they were explaining a repair.",
            points=("the adviser's manner", "the repair was not logged"),
            outcomes_sought=("an apology", "log the repair"),
            responsible_for=("the conduct of our staff",),
        ),
    ),
    (
        "The communal entrance door has not locked for weeks.",
        ComplaintDefinition(
            understanding="The door entry system at the block has been broken for five weeks "
            "and residents feel unsafe.",
            points=("the broken door entry system", "no updates on the repair"),
            outcomes_sought=("repair the door", "updates until it is fixed"),
            responsible_for=("communal doors and door entry",),
        ),
    ),
    (
        "Rent account shows arrears that the resident says are wrong.",
        ComplaintDefinition(
            understanding="A housing benefit payment was not applied to the rent account, so "
            "letters about arrears were sent in error.",
            points=("the missing payment", "the arrears letters"),
            outcomes_sought=("correct the account", "withdraw the letters"),
            responsible_for=("the rent account",),
            not_responsible_for=("the timing of benefit payments, which is the council's",),
        ),
    ),
    (
        "Damp in the bathroom and an extractor fan that does not work.",
        ComplaintDefinition(
            understanding="The bathroom extractor fan stopped working and damp has spread to "
            "the ceiling.",
            points=("the broken fan", "the damp ceiling"),
            outcomes_sought=("replace the fan", "treat and repaint the ceiling"),
            responsible_for=("repairs to fixtures in the home",),
        ),
    ),
    (
        "Grass cutting on the estate has been missed all summer.",
        ComplaintDefinition(
            understanding="The shared green has not been cut since May, although it is part of "
            "the estate service.",
            points=("the missed grass cutting",),
            outcomes_sought=("restore the grounds maintenance visits",),
            clarification_sought=("Which green on the estate is meant?",),
            responsible_for=("grounds maintenance",),
        ),
    ),
)

#: The categories of each kind of complaint in TOPICS, from the landlord's list.
TOPIC_CATEGORIES: tuple[tuple[str, ...], ...] = (
    ("damp and mould", "repairs"),
    ("repairs",),
    ("repairs", "communication"),
    ("anti-social behaviour",),
    ("rent and service charges",),
    ("staff conduct",),
    ("estate and communal areas", "repairs"),
    ("rent and service charges",),
    ("damp and mould",),
    ("estate and communal areas",),
)
TENURES = ("low_cost_rental", "low_cost_home_ownership", None)
TENURE_WEIGHTS = (85, 13, 2)

#: How a response records its outcome, and how often, out of 100.
RESPONSE_KINDS = ("letter", "outcome only", "nothing")
RESPONSE_WEIGHTS = (60, 35, 5)
DECISIONS = ("upheld", "partly upheld", "not upheld")
ESCALATION = "Reply to this letter, or call us, to ask for your complaint to go to stage 2."
OMBUDSMAN = (
    "If you remain unhappy, you can refer your complaint to the Housing Ombudsman Service: "
    "www.housing-ombudsman.org.uk, 0300 111 3000."
)
#: The Ombudsman's determinations of the complaints referred, and how often.
DETERMINATIONS = (
    "no_maladministration",
    "service_failure",
    "maladministration",
    "severe_maladministration",
    "reasonable_redress",
)
DETERMINATION_WEIGHTS = (30, 25, 30, 5, 10)
REQUEST_TEXTS = (
    "The kitchen tap is dripping.",
    "A light in the stairwell is out.",
    "The bathroom extractor fan does not work.",
    "The back door lock is stiff.",
    "Bins were not collected from the block.",
)

WITHDRAWAL_REASONS = (
    "the repair was done before the investigation finished",
    "the resident said the matter was settled with the neighbour",
    None,
)
ISSUE_TEXTS = (
    ("the resident also mentioned a loose stair rail", True),
    ("the resident also asked about a parking permit", False),
)


class _Cutoff(Exception):
    """The next step falls after the day the data was extracted."""


_Step = Callable[[Complaint], Complaint]


class _Story:
    """One complaint's history, built step by step through the public verbs.

    Main steps happen in order with :meth:`at`; steps that run alongside them
    (updates and completion of outstanding actions) are queued with
    :meth:`later` and applied when the history reaches their day.
    """

    def __init__(
        self,
        complaint: Complaint,
        rng: random.Random,
        cal: WorkingCalendar,
        extra: random.Random,
    ) -> None:
        self.complaint = complaint
        self.rng = rng
        self.cal = cal
        self.extra = extra
        self._pending: list[tuple[dt.date, int, _Step]] = []

    def wd(self, start: dt.date, n: int) -> dt.date:
        """The nth working day after ``start``."""
        return self.cal.add_working_days(start, n)

    def at(self, on: dt.date, step: _Step) -> None:
        """Apply a step on a day, after any queued step due by then."""
        self._flush(on)
        if on > EXTRACTED:
            raise _Cutoff
        self.complaint = step(self.complaint)

    def later(self, on: dt.date, step: _Step) -> None:
        """Queue a step for a later day."""
        self._pending.append((on, len(self._pending), step))

    def finish(self) -> None:
        """Apply the queued steps up to the extract date."""
        self._flush(EXTRACTED)

    def _flush(self, until: dt.date) -> None:
        self._pending.sort(key=lambda item: item[:2])
        while self._pending and self._pending[0][0] <= until:
            on, _, step = self._pending.pop(0)
            if on > EXTRACTED:
                break
            self.complaint = step(self.complaint)

    def stage(self, stage: Stage, start: dt.date, definition: ComplaintDefinition) -> dt.date:
        """Acknowledge and answer one stage; returns the day of the response."""
        rng = self.rng
        late_ack = rng.random() < 0.08
        ack_on = self.wd(start, rng.randint(6, 9) if late_ack else rng.randint(1, 5))
        handlers = STAGE_1_HANDLERS if stage is Stage.ONE else STAGE_2_HANDLERS
        handler = rng.choice(handlers)
        limit = respond = 10 if stage is Stage.ONE else 20
        self.at(ack_on, lambda c: c.acknowledge(ack_on, handler, definition))
        deadline = self.wd(ack_on, respond)
        if stage is Stage.ONE and rng.random() < 0.06:
            text, related = ISSUE_TEXTS[rng.randrange(len(ISSUE_TEXTS))]
            on = self.wd(ack_on, 1)
            self.at(on, lambda c: c.raise_issue(on, text, related=related))
        plan = rng.choices(("on time", "extended", "long extension", "late"), (72, 14, 2, 12))[0]
        if plan == "on time":
            answer = self.wd(ack_on, rng.randint(respond // 2, respond))
        elif plan == "late":
            if rng.random() < 0.5:
                agreed = self.wd(ack_on, respond - 2)
                self.at(
                    agreed,
                    lambda c: c.agree_updates(
                        agreed, 5, note="weekly calls while the answer is late"
                    ),
                )
            answer = self.wd(deadline, rng.randint(1, 8))
        else:
            notice = self.wd(ack_on, rng.randint(respond - 4, respond))
            if plan == "extended":
                days, good = rng.randint(limit // 2, limit), None
            else:
                days, good = limit + rng.randint(5, 10), "a specialist survey had to be booked"
            self.at(
                notice,
                lambda c: c.extend(
                    notice,
                    days,
                    "the contractor's report is needed before we can decide",
                    ombudsman_details_given=True,
                    good_reason=good,
                ),
            )
            if rng.random() < 0.15:
                answer = self.wd(deadline, days + rng.randint(1, 4))
            else:
                answer = self.wd(deadline, rng.randint(days // 2, days))
        self.respond(stage, answer, handler, definition)
        return answer

    def respond(
        self, stage: Stage, on: dt.date, handler: str, definition: ComplaintDefinition
    ) -> None:
        """Respond with a letter, with the outcome alone, or with neither (5.12)."""
        extra = self.extra
        kind = extra.choices(RESPONSE_KINDS, RESPONSE_WEIGHTS)[0]
        if kind == "nothing":
            self.at(on, lambda c: c.respond(on, handler=handler))
            return
        folded = [i.description for i in self.complaint.issues if i.folded]
        if folded and stage is Stage.ONE:
            definition = attrs.evolve(definition, points=(*definition.points, *folded))
        points = definition.points
        decisions = tuple(
            PointDecision(
                point=point,
                decision=extra.choices(DECISIONS, (35, 15, 50))[0],
                reasons="We looked at the repair records and spoke to the staff involved.",
            )
            for point in points
        )
        if kind == "outcome only":
            outcome = Stage1Response(
                definition=definition, decisions=decisions, escalation=ESCALATION
            ).outcome
            self.at(on, lambda c: c.respond(on, handler=handler, outcome=outcome))
            return
        remedies = self.remedies(on) if any(d.upholds for d in decisions) else ()
        letter_type = Stage1Response if stage is Stage.ONE else Stage2Response
        letter = letter_type(
            definition=definition,
            decisions=decisions,
            remedies=remedies,
            escalation=ESCALATION if stage is Stage.ONE else OMBUDSMAN,
        )
        self.at(on, lambda c: c.respond(on, handler=handler, letter=letter))
        for index, remedy in enumerate(remedies):
            if remedy.by_when is not None:
                self.follow_through(stage, index, remedy.by_when)

    def remedies(self, on: dt.date) -> tuple[Remedy, ...]:
        """An apology, and a remedy with its date: compensation, a record amended, or action."""
        extra = self.extra
        sorry = Remedy(kind="apology", what="We are sorry for the trouble this has caused.")
        by_when = on + dt.timedelta(days=extra.randint(14, 28))
        second = extra.choice(("financial", "financial", "record_amended", "action_on_delay"))
        if second == "financial":
            amount = 25 * extra.randint(2, 16)
            remedy = Remedy(
                kind="financial",
                what=f"We will pay you £{amount} for the time and trouble.",
                amount=str(amount),
                by_when=by_when,
            )
        elif second == "record_amended":
            remedy = Remedy(
                kind="record_amended", what="We will correct your account.", by_when=by_when
            )
        else:
            remedy = Remedy(
                kind="action_on_delay", what="We will finish the work promised.", by_when=by_when
            )
        return (sorry, remedy)

    def follow_through(self, stage: Stage, index: int, by_when: dt.date) -> None:
        """Do a remedy on time, late, or not yet (7.3)."""
        extra = self.extra
        when = extra.choices(("on time", "late", "not yet"), (80, 12, 8))[0]
        if when == "not yet":
            return
        if when == "late":
            done = by_when + dt.timedelta(days=extra.randint(3, 30))
        else:
            done = by_when - dt.timedelta(days=extra.randint(0, 10))
        self.later(done, lambda c: c.complete_remedy(done, stage, index))

    def actions(self, answered: dt.date) -> None:
        """Track an outstanding action promised in the response (6.6, 6.17)."""
        rng = self.rng
        due = answered + dt.timedelta(days=rng.randint(14, 42))
        action_id = f"A{int(self.complaint.stage or Stage.ONE)}"
        self.at(
            answered,
            lambda c: c.add_action(
                answered, action_id, "complete the repair promised in the response", due
            ),
        )
        outcome = rng.choices(("on time", "updated", "late", "open"), (5, 2, 2, 1))[0]
        if outcome == "open":
            return
        if outcome == "updated":
            noted = due - dt.timedelta(days=rng.randint(1, 7))
            due = due + dt.timedelta(days=14)
            new_due = due
            self.later(
                noted,
                lambda c: c.update_action(
                    noted, action_id, "parts on order; new date given", new_due=new_due
                ),
            )
        if outcome == "late":
            done = due + dt.timedelta(days=rng.randint(3, 20))
        else:
            done = due - dt.timedelta(days=rng.randint(0, 7))
        self.later(done, lambda c: c.complete_action(done, action_id))


def _decision_facts(
    received: dt.date, rng: random.Random
) -> tuple[ExclusionFacts, GroundKind, str]:
    """Facts giving a section 2 ground, the ground's kind and reasons written for it."""
    kinds: tuple[GroundKind, ...] = ("time_limit", "legal_proceedings", "previously_considered")
    kind = rng.choice(kinds)
    if kind == "time_limit":
        occurred = received - dt.timedelta(days=rng.randint(400, 700))
        facts = ExclusionFacts(received=received, issue_occurred=occurred)
        reasons = (
            f"The matter you raise dates from {occurred:%B %Y}; it was dealt with then and "
            "nothing new has happened since."
        )
    elif kind == "legal_proceedings":
        facts = ExclusionFacts(
            received=received,
            issue_occurred=received - dt.timedelta(days=rng.randint(90, 200)),
            claim_filed_at_court=received - dt.timedelta(days=rng.randint(5, 40)),
        )
        reasons = "Your claim about this matter is before the county court, which will decide it."
    else:
        previous = PreviousComplaint(
            reference=f"RH-P{rng.randint(100, 999)}", completed_stage=Stage.TWO, status="completed"
        )
        facts = ExclusionFacts(
            received=received,
            issue_occurred=received - dt.timedelta(days=rng.randint(120, 300)),
            previously_considered=previous,
        )
        reasons = (
            f"We gave our final response on this matter under {previous.reference}; "
            "you can take that response to the Ombudsman."
        )
    return facts, kind, reasons


def _declined(story: _Story, facts: ExclusionFacts, kind: GroundKind, reasons: str) -> None:
    """Not accepted on a section 2 ground, with a person's decision (2.1, 2.4)."""
    rng = story.rng
    on = story.wd(facts.received, rng.randint(1, 5))
    decision = decide(
        assess(facts, on=on),
        grounds=[kind],
        reasons=reasons,
        decided_by=rng.choice(STAGE_1_HANDLERS),
        decided_on=on,
        discretion_considered="The resident gave no reason for the delay and the evidence has gone."
        if kind == "time_limit"
        else None,
    )
    story.at(on, lambda c: c.decline(on, decision))


def _refused(story: _Story, requested: dt.date) -> None:
    """Escalation refused because a claim was filed at court after stage 1 (5.11)."""
    rng = story.rng
    on = story.wd(requested, rng.randint(1, 4))
    c = story.complaint
    facts = ExclusionFacts(
        received=c.received,
        issue_occurred=c.receipt.issue_occurred or c.received,
        claim_filed_at_court=requested,
    )
    decision = decide(
        assess(facts, on=on),
        grounds=["legal_proceedings"],
        reasons="You have since issued a claim about the same repairs, so the court will "
        "decide the matter rather than our stage 2 review.",
        decided_by=rng.choice(STAGE_2_HANDLERS),
        decided_on=on,
        refusing_escalation=True,
    )
    story.at(on, lambda c: c.refuse_escalation(on, decision))


def _history(story: _Story, path: str, definition: ComplaintDefinition) -> None:
    """Play one complaint's history until it ends or the extract date stops it."""
    rng, received = story.rng, story.complaint.received
    if path == "withdrawn early":
        on = received + dt.timedelta(days=rng.randint(0, 3))
        reason = rng.choice(WITHDRAWAL_REASONS)
        story.at(on, lambda c: c.withdraw(on, reason=reason))
        return
    if path == "withdrawn at stage 1":
        acked = story.wd(received, rng.randint(1, 5))
        handler = rng.choice(STAGE_1_HANDLERS)
        story.at(acked, lambda c: c.acknowledge(acked, handler, definition))
        on = story.wd(acked, rng.randint(1, 6))
        story.at(on, lambda c: c.withdraw(on, reason="resolved informally"))
        return
    answered = story.stage(Stage.ONE, received, definition)
    if rng.random() < 0.3:
        story.actions(answered)
    if rng.random() >= 0.22:
        closed = story.wd(answered, rng.randint(8, 20))
        story.at(closed, lambda c: c.close(closed))
        return
    requested = answered + dt.timedelta(days=rng.randint(2, 30))
    story.at(requested, lambda c: c.request_escalation(requested))
    if rng.random() < 0.08:
        _refused(story, requested)
        return
    final = story.stage(Stage.TWO, requested, definition)
    if rng.random() < 0.2:
        story.actions(final)
    end = story.wd(final, rng.randint(5, 30))
    if rng.random() < 0.25:
        story.at(end, lambda c: c.refer_to_ombudsman(end))
        _determined(story, end)
    else:
        story.at(end, lambda c: c.close(end))


def _determined(story: _Story, referred: dt.date) -> None:
    """The Ombudsman's determination some months after the referral, with orders (9.7)."""
    extra = story.extra
    on = referred + dt.timedelta(days=extra.randint(40, 120))
    kind = extra.choices(DETERMINATIONS, DETERMINATION_WEIGHTS)[0]
    orders: list[OmbudsmanOrder] = []
    if kind in ("service_failure", "maladministration", "severe_maladministration"):
        orders.append(
            OmbudsmanOrder(
                order_id="O1", description="Apologise to the resident in writing.",
                due=on + dt.timedelta(days=14),
            )
        )  # fmt: skip
        amount = 50 * extra.randint(2, 12)
        orders.append(
            OmbudsmanOrder(
                order_id="O2", description=f"Pay the resident £{amount}.",
                due=on + dt.timedelta(days=28),
            )
        )  # fmt: skip
    story.at(on, lambda c: c.record_determination(on, kind, orders))
    for order in orders:
        when = extra.choices(("on time", "late", "not yet"), (60, 25, 15))[0]
        if when != "not yet":
            shift = extra.randint(1, 20) if when == "late" else -extra.randint(0, 20)
            done = order.due + dt.timedelta(days=shift)
            order_id = order.order_id
            story.later(done, _completing(order_id, done))


def _completing(order_id: str, done: dt.date) -> _Step:
    """The step that records an order of the Ombudsman done on a day."""
    return lambda c: c.complete_order(done, order_id)


def _receipts(rng: random.Random, count: int) -> list[dt.date]:
    """Receipt days across the year: weekdays mostly, some weekend emails and forms."""
    span = (YEAR_END - YEAR_START).days
    days = list(FIXED_RECEIPTS)
    while len(days) < count:
        day = YEAR_START + dt.timedelta(days=rng.randint(0, span))
        if day.weekday() < 5 or rng.random() < 0.2:
            days.append(day)
    return sorted(days)


def build_complaints(seed: int = SEED, count: int = COMPLAINTS) -> list[Complaint]:
    """Build the year's complaints, in order of receipt.

    Args:
        seed: The seed of the random generator.
        count: How many complaints.

    Returns:
        The complaints, referenced ``RH-0001`` onwards in order of receipt.
    """
    rng = random.Random(seed)  # noqa: S311  # seeded synthetic data, not security
    extra = random.Random(seed + 1)  # noqa: S311  # the additions, drawn apart
    cal = england_and_wales()
    complaints = []
    for number, received in enumerate(_receipts(rng, count), start=1):
        topic = rng.randrange(len(TOPICS))
        summary, definition = TOPICS[topic]
        categories = TOPIC_CATEGORIES[topic] if extra.random() >= 0.04 else ()
        tenure = extra.choices(TENURES, TENURE_WEIGHTS)[0]
        weekend = received.weekday() >= 5
        path = rng.choices(PATHS, PATH_WEIGHTS)[0]
        if path == "declined":
            facts, kind, reasons = _decision_facts(received, rng)
            occurred = facts.issue_occurred
        else:
            occurred = received - dt.timedelta(days=rng.randint(1, 60))
        complaint = Complaint.receive(
            f"RH-{number:04d}",
            received=received,
            channel=rng.choice(CHANNELS[1:3] if weekend else CHANNELS),
            issue_occurred=occurred,
            summary=summary,
            categories=categories,
            tenure=tenure,
            calendar=cal,
        )
        story = _Story(complaint, rng, cal, extra)
        try:
            if path == "declined":
                _declined(story, facts, kind, reasons)
            else:
                _history(story, path, definition)
        except _Cutoff:
            pass
        story.finish()
        complaints.append(story.complaint)
    return complaints


def build_service_requests(
    complaints: list[Complaint], seed: int = SEED, count: int = SERVICE_REQUESTS
) -> list[ServiceRequest]:
    """Build the year's service requests, in order of the day they were raised.

    Some complaints began as dissatisfaction with the response to a service
    request, logged as a complaint on the day the resident expressed it (1.5):
    each of those requests is converted into its complaint. Of the others,
    most met no dissatisfaction; some did, and it was answered as not a
    complaint with the choice to complain offered, or once without it (1.3),
    or was still awaiting an answer at the extract date (1.5).

    Args:
        complaints: The year's complaints, from :func:`build_complaints`.
        seed: The seed of the random generator.
        count: How many requests besides those that became complaints.

    Returns:
        The requests, referenced ``SR-0001`` onwards in order of the day raised.
    """
    rng = random.Random(seed + 2)  # noqa: S311  # seeded synthetic data, not security
    plans: list[tuple[dt.date, str, Complaint | None]] = []
    for complaint in complaints:
        channel = complaint.receipt.channel
        weekday = complaint.received.weekday() < 5
        if channel in ("phone", "email") and weekday and rng.random() < 0.12:
            raised = complaint.received - dt.timedelta(days=rng.randint(5, 20))
            plans.append((raised, "converted", complaint))
    span = (YEAR_END - YEAR_START).days
    for _ in range(count):
        raised = YEAR_START + dt.timedelta(days=rng.randint(0, span))
        plan = rng.choices(("quiet", "answered", "no choice", "waiting"), (82, 12, 2, 4))[0]
        plans.append((raised, plan, None))
    plans.sort(key=lambda item: (item[0], item[1], item[2].reference if item[2] else ""))
    requests = []
    for number, (raised, plan, origin) in enumerate(plans, start=1):
        request = ServiceRequest.record(
            f"SR-{number:04d}",
            raised=raised,
            description=rng.choice(REQUEST_TEXTS),
            channel=rng.choice(("phone", "email", "online form")),
            tenure=origin.tenure if origin else rng.choices(TENURES, TENURE_WEIGHTS)[0],
        )
        if origin is not None:
            on = origin.received
            request = request.express_dissatisfaction(
                on, "Nobody has come, and I want to complain."
            )
            request = request.convert(on, origin.reference)
        elif plan != "quiet":
            said = raised + dt.timedelta(days=rng.randint(7, 21))
            if said > EXTRACTED:
                requests.append(request)
                continue
            request = request.express_dissatisfaction(said, "This is taking too long.")
            answer = said + dt.timedelta(days=rng.randint(1, 3))
            if plan == "waiting":
                answer = EXTRACTED + dt.timedelta(days=1)
            if answer <= EXTRACTED:
                request = request.answer_dissatisfaction(
                    answer,
                    "The repair is booked for this week; if you are still unhappy, you can "
                    "make a complaint and we will log it at stage 1.",
                    choice_offered=plan != "no choice",
                )
        requests.append(request)
    return requests


def to_jsonl(records: list[Complaint] | list[ServiceRequest]) -> str:
    """Complaints or service requests as JSON Lines: one ``to_json()`` per line."""
    return "".join(r.to_json() + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    """Write the example data, or with ``--check`` compare it with the files.

    Returns:
        0 when written or identical; 1 when ``--check`` finds a difference.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write")
    parser.add_argument(
        "--service-requests-output",
        type=Path,
        default=SERVICE_REQUESTS_OUTPUT,
        help="where to write the service requests",
    )
    args = parser.parse_args(argv)
    complaints = build_complaints()
    texts = (
        (args.output, to_jsonl(complaints), "complaints"),
        (args.service_requests_output, to_jsonl(build_service_requests(complaints)), "requests"),
    )
    if args.check:
        differ = 0
        for path, text, _ in texts:
            same = path.exists() and path.read_text(encoding="utf-8") == text
            print(f"{path}: {'up to date' if same else 'differs from a fresh build'}")
            differ += not same
        return 1 if differ else 0
    for path, text, noun in texts:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {text.count(chr(10))} {noun} to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
