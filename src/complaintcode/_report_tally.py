"""Counting one complaint into a year's report (behind ``reporting.annual_report``).

Each complaint is counted on its own, as its record stood at the report's date,
into a :class:`~complaintcode._report_counts.Counts`; the report adds them up.
The rules are those of ``docs/reporting.md``:

- a stage's volumes (received, not accepted, withdrawn, responded, open,
  extended) count the complaint when the stage started in the year: receipt
  for stage 1, the escalation request for stage 2;
- acknowledgements and responses count when they were made in the year, up to
  the report's date, whatever year the complaint started in (CH02);
- an audit finding counts in the year its missed deadline fell (its ``due``),
  or the day it concerns (its ``on``) where it has no deadline; a finding with
  neither counts with the year the complaint was received.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from complaintcode._report_counts import Counts, FindingCount, StageCounts
from complaintcode.complaint import Complaint
from complaintcode.events import Declined, EscalationRefused
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint import StageRecord
    from complaintcode.findings import Finding
    from complaintcode.provisions import Provision

__all__: list[str] = []

_REFUSAL: dict[Stage, type[Declined | EscalationRefused]] = {
    Stage.ONE: Declined,
    Stage.TWO: EscalationRefused,
}


def cut(complaint: Complaint, as_of: dt.date) -> Complaint | None:
    """The complaint as its record stood at the end of ``as_of``; ``None`` if not yet received."""
    if complaint.received > as_of:
        return None
    events = complaint.events
    if events[-1].on <= as_of:
        return complaint
    kept = tuple(e for e in events if e.on <= as_of)
    return Complaint.from_events(kept, calendar=complaint.calendar)


def tally(
    complaint: Complaint, start: dt.date, end: dt.date, as_of: dt.date
) -> tuple[Counts, tuple[Finding, ...]]:
    """One complaint's counts for the year ``start``..``end``, and its findings kept for it."""
    record = cut(complaint, as_of)
    if record is None:
        return Counts(), ()
    window = _Window(start, end, min(end, as_of), as_of)
    stages = [_stage(record, stage, window) for stage in (Stage.ONE, Stage.TWO)]
    kept = tuple(f for f in record.audit(as_of) if _belongs(f, record, window))
    by_provision: Counter[tuple[Provision, str]] = Counter((f.provision, f.severity) for f in kept)
    findings = [
        FindingCount(
            provision=p,
            breaches=by_provision[(p, "breach")],
            warnings=by_provision[(p, "warning")],
        )
        for p in dict.fromkeys(p for p, _ in by_provision)
    ]
    return Counts(stage_1=stages[0], stage_2=stages[1], findings=findings), kept


class _Window(NamedTuple):
    """The year's first and last days, the last day counted (``as_of`` if earlier), ``as_of``."""

    start: dt.date
    end: dt.date
    last: dt.date
    as_of: dt.date


def _belongs(finding: Finding, complaint: Complaint, window: _Window) -> bool:
    day = finding.due or finding.on
    if day is None:
        return window.start <= complaint.received <= window.end
    return window.start <= day <= window.last


def _stage(complaint: Complaint, stage: Stage, window: _Window) -> StageCounts:
    record = complaint.stage_record(stage)
    if record is None:
        return StageCounts()
    start, last = window.start, window.last
    counts: dict[str, int | tuple[tuple[str, int], ...]] = {}
    if start <= record.started <= window.end:
        counts.update(_volumes(complaint, record, stage, window.as_of))
    acknowledged = record.acknowledged
    if acknowledged is not None and start <= acknowledged <= last:
        ack_due = record.acknowledgement_due
        counts["acknowledged"] = 1
        counts["acknowledged_late"] = int(ack_due is not None and acknowledged > ack_due)
    responded = record.responded
    if responded is not None and start <= responded <= last:
        in_time = responded <= record.response_due
        extended = record.extended_due
        within_extension = (
            record.extension_within_limit and extended is not None and responded <= extended
        )
        counts["responses"] = 1
        counts["responses_in_time"] = int(in_time)
        counts["responses_in_time_with_extension"] = int(in_time or within_extension)
        counts["working_days"] = complaint.calendar.working_days_between(record.started, responded)
    return StageCounts(**counts)  # type: ignore[arg-type]  # keys are StageCounts' own fields


def _volumes(
    complaint: Complaint, record: StageRecord, stage: Stage, as_of: dt.date
) -> dict[str, int | tuple[tuple[str, int], ...]]:
    out: dict[str, int | tuple[tuple[str, int], ...]] = {"received": 1}
    refusal = next((e for e in complaint.events if isinstance(e, _REFUSAL[stage])), None)
    if refusal is not None:
        out["not_accepted"] = 1
        kinds = dict.fromkeys(g.kind for g in refusal.decision.grounds)
        out["grounds"] = tuple((kind, 1) for kind in kinds)
    elif record.responded is not None:
        out["responded"] = 1
    elif record.ended == "withdrawn":
        out["withdrawn"] = 1
    else:
        out["still_open"] = 1
        out["overdue"] = int(record.final_due < as_of)
    if record.extended_by:
        limit = complaint.edition.timescales(stage).extension_limit
        out["extended"] = 1
        if record.extended_by <= limit:
            out["extended_within_limit"] = 1
        elif record.extension_within_limit:
            out["extended_with_good_reason"] = 1
        else:
            out["extended_without_good_reason"] = 1
    return out
