"""Replaying and auditing many complaint histories, against driving the state machine class.

Run: ``python benchmarks/bench_lifecycle.py [--count 100000]``

It builds a seeded set of synthetic histories through the public verbs (not timed),
then times, in the same run:

- ours: ``Complaint.from_events(events)`` then ``.audit(as_of)`` per history;
- the python-statemachine class driven directly: a new ``ComplaintLifecycle`` per
  history, sent each lifecycle event of the history (no audit at all).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
import tracemalloc

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    start = time.perf_counter()
    histories = [history(rng, i) for i in range(args.count)]
    built = time.perf_counter() - start
    events = sum(len(h) for h in histories)
    print(f"built {args.count:,} histories ({events:,} events) in {built:.1f} s (not timed below)")
    as_of = dt.date(2025, 6, 30)

    start = time.perf_counter()
    findings = 0
    for h in histories:
        findings += len(Complaint.from_events(h).audit(as_of))
    ours = time.perf_counter() - start

    # Memory in a separate pass: tracing allocations slows everything down.
    tracemalloc.start()
    audited = [Complaint.from_events(h).audit(as_of) for h in histories[:10_000]]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del audited

    start = time.perf_counter()
    states = [drive_machine(h) for h in histories]
    machine = time.perf_counter() - start

    replayed = [Complaint.from_events(h).status for h in histories[:1000]]
    if replayed != states[:1000]:
        raise SystemExit("the fast path and the machine disagree")

    print(f"{'what':<48}{'total s':>10}{'us/history':>12}")
    print(
        f"{'complaintcode: from_events + audit':<48}{ours:>10.2f}{ours / args.count * 1e6:>12.1f}"
    )
    print(
        f"{'python-statemachine class, driven directly':<48}{machine:>10.2f}"
        f"{machine / args.count * 1e6:>12.1f}"
    )
    print(f"speed-up: {machine / ours:.1f}x; findings: {findings:,}")
    print(f"peak memory traced while keeping the findings of 10,000 audits: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
