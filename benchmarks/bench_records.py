"""A year of records from JSON Lines: reading, auditing and the annual report.

Run: ``python benchmarks/bench_records.py [--copies 20] [--repeats 11]``

Goal 4 of the speed work: reading JSON lines into complaints within 2.5 times
``json.loads`` of the same lines, every check kept. Both sides read the same lines
into a list that they keep until the side ends, in turn, over many repeats; each
repeat's ratio is printed as min/median/max and the goal judged on the median.

It takes the example data shipped with the package (300 complaints) and makes
``--copies`` copies of it with distinct references (not timed), as the lines of a
JSON Lines file. Then it times, in the same run, what ``complaintcode audit`` and
``complaintcode report`` do with such a file:

- reading: ``read_complaints(lines)``, which parses and validates every line;
- auditing: ``complaint.audit(as_of)`` for every complaint;
- reporting: ``annual_report(complaints, homes=..., year=2024)``;

and, on a second read, the peak memory of reading and holding the complaints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import tracemalloc
from importlib.resources import files

from _measure import header, interleaved, ratio_line, ratios
from complaintcode import EXAMPLE_HOMES, annual_report, read_complaints

AS_OF = dt.date(2025, 4, 30)


def lines(copies: int) -> list[str]:
    """The example data, ``copies`` times over, each copy's references made distinct."""
    source = files("complaintcode").joinpath("data/example_complaints.jsonl")
    originals = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    out = []
    for copy in range(copies):
        for data in originals:
            receipt = data["events"][0]
            renamed = {**receipt, "reference": f"{receipt['reference']}-{copy}"}
            out.append(json.dumps({**data, "events": [renamed, *data["events"][1:]]}))
    return out


def main(argv: list[str] | None = None) -> None:
    """Time reading, auditing and reporting on copies of the example year."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of the 300 complaints")
    parser.add_argument("--repeats", type=int, default=11, help="repeats of the reading ratio")
    parser.add_argument("--quick", action="store_true", help="a few small repeats: check it runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.copies, args.repeats = 1, 3
    text = lines(args.copies)
    count = len(text)

    if [c.to_dict() for c in read_complaints(text[:300])] != [json.loads(t) for t in text[:300]]:
        raise SystemExit("the complaints read do not write back as the lines they were read from")
    times = interleaved(
        {
            "json.loads": lambda: [json.loads(line) for line in text],
            "read_complaints": lambda: list(read_complaints(text)),
        },
        max(3, args.repeats),
    )
    print(header("json.loads of the same lines"))
    print(
        ratio_line(
            "read_complaints", ratios(times["read_complaints"], times["json.loads"]), goal=2.5
        )
    )

    started = time.perf_counter()
    complaints = list(read_complaints(text))
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    findings = sum(len(c.audit(AS_OF)) for c in complaints)
    audit_s = time.perf_counter() - started

    started = time.perf_counter()
    report = annual_report(complaints, homes=EXAMPLE_HOMES * args.copies, year=2024)
    report_s = time.perf_counter() - started

    # Memory is measured on a second, untimed read: tracing slows the reading down.
    del complaints
    tracemalloc.start()
    held = list(read_complaints(text))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"{count:,} complaints, {findings:,} findings as of {AS_OF}")
    print(f"peak memory reading and holding {len(held):,} complaints: {peak / 1e6:.1f} MB")
    for what, seconds in (
        ("read_complaints", read_s),
        ("audit every complaint", audit_s),
        ("annual_report", report_s),
    ):
        print(f"{what:24} {seconds:6.2f} s  {seconds / count * 1e6:7.1f} µs per complaint")
    print(f"CH01 stage 1: {report.ch01.stage_1}")


if __name__ == "__main__":
    main()
