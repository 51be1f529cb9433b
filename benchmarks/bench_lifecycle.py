"""Replaying complaint histories, like for like with driving the state machine class.

Run: ``python benchmarks/bench_lifecycle.py [--count 2000] [--repeats 11]``

Goal 6 of the speed work: an honest comparison. It builds a seeded set of
synthetic histories through the public verbs (not timed), checks on every
history that replaying it gives the state the python-statemachine class reaches
when sent the same events, then times in the same run, in turn over many repeats:

- the reference: a new ``ComplaintLifecycle`` per history, sent each lifecycle
  event of the history (transitions and their guards, nothing else);
- replay: ``Complaint.from_events(events)``, which applies the same moves from
  the table generated from that class and keeps the complaint's state;
- replay and audit: the same, then ``.audit(as_of)``, reported apart, since the
  machine class audits nothing.

Each repeat's ratio to the reference is printed as min/median/max.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from _measure import interleaved, ratio_line, ratios
from complaintcode import (
    ActionNotAllowed,
    Complaint,
    ComplaintDefinition,
    ComplaintLifecycle,
    Event,
    ProvisionViolation,
)

DEFINITION = ComplaintDefinition(
    understanding="A repair was promised and not done.",
    points=("the repair",),
    outcomes_sought=("complete the repair",),
)


def history(rng: random.Random, number: int) -> tuple[Event, ...]:
    """One synthetic history: mostly straight through, some late, extended or escalated."""
    day = dt.date(2024, 4, 1) + dt.timedelta(days=rng.randrange(365))
    c = Complaint.receive(f"B-{number}", received=day)
    steps = [
        ("acknowledge", (1, 8)),
        ("extend", (1, 12)),
        ("respond", (1, 20)),
        ("request_escalation", (1, 10)),
        ("acknowledge", (1, 8)),
        ("respond", (5, 30)),
        ("close", (1, 5)),
    ]
    for step, (low, high) in steps:
        if step == "extend" and rng.random() < 0.7:
            continue
        verb = "close" if step == "request_escalation" and rng.random() < 0.6 else step
        day += dt.timedelta(days=rng.randint(low, high))
        try:
            if verb == "acknowledge":
                handler = "Stage Two" if c.status == "escalation_requested" else "Stage One"
                c = c.acknowledge(day, handler, DEFINITION)
            elif verb == "extend":
                c = c.extend(
                    day, rng.randint(1, 10), "more time is needed", ombudsman_details_given=True
                )
            else:
                c = getattr(c, verb)(day)
        except (ActionNotAllowed, ProvisionViolation):
            continue
        if c.is_final:
            break
    return c.events


def drive_machine(events: tuple[Event, ...]) -> str:
    machine = ComplaintLifecycle()
    stage_1_handler = None
    for event in events[1:]:
        if event.verb is None:
            continue
        handler = getattr(event, "handler", None)
        machine.send(event.verb, handler=handler, stage_1_handler=stage_1_handler)
        if event.verb == "acknowledge" and stage_1_handler is None:
            stage_1_handler = handler
    return str(machine.current_state_value)


def main(argv: list[str] | None = None) -> None:
    """Check the agreement on every history, then time the three sides interleaved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2_000, help="histories")
    parser.add_argument("--repeats", type=int, default=11, help="repeats (default 11)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--quick", action="store_true", help="a few small repeats: check it runs")
    args = parser.parse_args(argv)
    count, repeats = (30, 3) if args.quick else (args.count, max(3, args.repeats))

    rng = random.Random(args.seed)
    start = time.perf_counter()
    histories = [history(rng, i) for i in range(count)]
    built = time.perf_counter() - start
    events = sum(len(h) for h in histories)
    print(f"built {count:,} histories ({events:,} events) in {built:.1f} s (not timed)")
    as_of = dt.date(2025, 6, 30)

    replayed = [Complaint.from_events(h).status for h in histories]
    states = [drive_machine(h) for h in histories]
    disagree = sum(a != b for a, b in zip(replayed, states, strict=True))
    if disagree:
        raise SystemExit(f"replay and the machine class disagree on {disagree} histories")
    print(f"replay and the machine class agree on all {count:,} histories")

    def replay_and_audit() -> int:
        return sum(len(Complaint.from_events(h).audit(as_of)) for h in histories)

    times = interleaved(
        {
            "machine": lambda: [drive_machine(h) for h in histories],
            "replay": lambda: [Complaint.from_events(h).status for h in histories],
            "replay + audit": replay_and_audit,
        },
        repeats,
    )
    # The machine class is the slower side: each ratio says how many times as long it takes.
    print(f"{'ComplaintLifecycle, times as long as':<44} {'min':>6} {'median':>6} {'max':>6}")
    print(ratio_line("from_events (replay)", ratios(times["machine"], times["replay"])))
    print(ratio_line("from_events + audit", ratios(times["machine"], times["replay + audit"])))
    for name, label in (
        ("machine", "ComplaintLifecycle"),
        ("replay", "from_events"),
        ("replay + audit", "from_events + audit"),
    ):
        per = sorted(times[name])[len(times[name]) // 2] / count * 1e6
        print(f"{label:<44} {per:8.1f} µs per history (median; CPU times move, ratios hold)")
    print(f"findings: {replay_and_audit():,}")


if __name__ == "__main__":
    main()
