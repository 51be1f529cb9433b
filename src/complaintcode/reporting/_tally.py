"""Counting one complaint into a year's report (behind ``reporting.annual_report``).

Each complaint is counted on its own, as its record stood at the report's date,
into a :class:`Tally` of plain integers; the report turns the tally into a
:class:`~complaintcode.reporting._counts.Counts` once, at the end, so that a year
of many complaints costs no more than adding integers.
The rules are those of ``docs/reporting.md``:

- a stage's volumes (received, not accepted, withdrawn, responded, open,
  extended) count the complaint when the stage started in the year: receipt
  for stage 1, the escalation request for stage 2;
- acknowledgements and responses count when they were made in the year, up to
  the report's date, whatever year the complaint started in (CH02);
- an audit finding counts in the year its missed deadline fell (its ``due``),
  or the day it concerns (its ``on``) where it has no deadline; a finding with
  neither counts with the year the complaint was received;
- a complaint with a tenure is counted a second time, by the same rules, into
  its tenure's counts (CH01 and CH02 by tenure); outcomes and categories,
  remedies and the Ombudsman's involvement have tallies of their own
  (``_outcomes``, ``_remedy_counts``, ``_ombudsman``).

The year may be any period: the quarterly pack for the Member Responsible for
Complaints counts a quarter, and the quarters before it, with the same tally.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from complaintcode.complaint import Complaint
from complaintcode.complaint.events import Declined, EscalationRefused
from complaintcode.errors import InvalidRecord
from complaintcode.reporting._counts import Counts, FindingCount, StageCounts, TenureCounts
from complaintcode.reporting._months import MonthTally
from complaintcode.reporting._ombudsman import OmbudsmanTally
from complaintcode.reporting._outcomes import OutcomeTally
from complaintcode.reporting._remedy_counts import RemedyTally
from complaintcode.stages import Stage

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint import StageRecord
    from complaintcode.exclusions import ExclusionDecision
    from complaintcode.findings import Finding
    from complaintcode.provisions import Provision

__all__: list[str] = []

_REFUSAL: dict[Stage, type[Declined | EscalationRefused]] = {
    Stage.ONE: Declined,
    Stage.TWO: EscalationRefused,
}


#: Refusals on grounds set by the landlord's policy, by (policy reference, description).
_Policies = Counter[tuple[str, str]]


def cut(complaint: Complaint, as_of: dt.date) -> Complaint | None:
    """The complaint as its record stood at the end of ``as_of``; ``None`` if not yet received."""
    if complaint.received > as_of:
        return None
    events = complaint.events
    if events[-1].on <= as_of:
        return complaint
    kept = tuple(e for e in events if e.on <= as_of)
    return Complaint.from_events(kept, calendar=complaint.calendar)


def checked(complaints: object) -> Iterator[Complaint]:
    """The complaints one at a time, each a ``Complaint`` with a reference of its own.

    Nothing is kept but the references seen, so that a report over a million
    complaints read from a file holds one complaint at a time.

    Raises:
        InvalidRecord: For something that is not a list of complaints, or a
            reference given twice, when it is reached.
    """
    if isinstance(complaints, (str, bytes)) or not isinstance(complaints, Iterable):
        raise InvalidRecord(f"expected a list, got {type(complaints).__name__}", path="complaints")
    seen: set[str] = set()
    for i, complaint in enumerate(complaints):
        if not isinstance(complaint, Complaint):
            raise InvalidRecord(
                f"expected a Complaint, got {type(complaint).__name__}", path=f"complaints[{i}]"
            )
        if complaint.reference in seen:
            raise InvalidRecord(
                f"the reference {complaint.reference!r} appears twice: each complaint is "
                "counted once",
                path=f"complaints[{i}]",
            )
        seen.add(complaint.reference)
        yield complaint


class _StageTally:
    """The stage counters of one set of complaints: all of them, or those of one tenure."""

    __slots__ = ("grounds", "policies", "stages")

    def __init__(self) -> None:
        self.stages: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        self.grounds: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        self.policies: tuple[_Policies, _Policies] = (Counter(), Counter())

    def add(
        self, complaint: Complaint, records: tuple[StageRecord | None, ...], window: _Window
    ) -> None:
        for index, record in enumerate(records):
            if record is not None:
                refusals = self.grounds[index], self.policies[index]
                _stage(complaint, record, window, self.stages[index], refusals)

    def counts(self) -> tuple[StageCounts, StageCounts]:
        stage_1, stage_2 = (
            StageCounts(
                **counter,
                grounds=tuple(grounds.items()),
                policy_grounds=tuple((r, d, n) for (r, d), n in policies.items()),
            )
            for counter, grounds, policies in zip(
                self.stages, self.grounds, self.policies, strict=True
            )
        )
        return stage_1, stage_2


class Tally:
    """Running totals of a year's counts: plain integers, one counter per stage.

    With ``audit=False`` the complaints are not audited and no findings are kept
    (the earlier quarters of a pack for the Member Responsible for Complaints
    show only their trends).
    """

    def __init__(self, start: dt.date, end: dt.date, as_of: dt.date, *, audit: bool = True) -> None:
        self.window = _Window(start, end, min(end, as_of), as_of)
        self.audit = audit
        self.all = _StageTally()
        self.tenures: dict[str, _StageTally] = {}
        self.findings: Counter[tuple[Provision, str]] = Counter()
        self.remedies = RemedyTally(start, self.window.last)
        self.outcomes = OutcomeTally(start, end, self.window.last)
        self.ombudsman = OmbudsmanTally(start, self.window.last)
        self.months = MonthTally(start, end, self.window.last)

    def add(self, complaint: Complaint) -> tuple[Finding, ...]:
        """Count one complaint in; its findings that belong to the year are returned."""
        record = cut(complaint, self.window.as_of)
        if record is None:
            return ()
        records = (record.stage_record(Stage.ONE), record.stage_record(Stage.TWO))
        self.months.add(records)
        self.all.add(record, records, self.window)
        tenure = record.tenure
        if tenure is not None:
            self.tenures.setdefault(tenure, _StageTally()).add(record, records, self.window)
        self.outcomes.add(record, records)
        self.remedies.add(record)
        self.ombudsman.add(record)
        if not self.audit:
            return ()
        kept = tuple(f for f in record.audit(self.window.as_of) if _belongs(f, record, self.window))
        self.findings.update((f.provision, f.severity) for f in kept)
        return kept

    def counts(self) -> Counts:
        """The totals as :class:`Counts`, checked to add up."""
        stage_1, stage_2 = self.all.counts()
        findings = [
            FindingCount(
                provision=p,
                breaches=self.findings[(p, "breach")],
                warnings=self.findings[(p, "warning")],
            )
            for p in dict.fromkeys(p for p, _ in self.findings)
        ]
        tenures = [
            TenureCounts(tenure=tenure, stage_1=one, stage_2=two)
            for tenure, tally in self.tenures.items()
            for one, two in (tally.counts(),)
        ]
        return Counts(
            stage_1=stage_1,
            stage_2=stage_2,
            findings=findings,
            remedies=self.remedies.counts(),
            remedy_kinds=self.remedies.kinds(),
            outcomes=self.outcomes.counts(),
            ombudsman=self.ombudsman.counts(),
            months=self.months.result(),
            tenures=tenures,
        )


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


def _stage(
    complaint: Complaint,
    record: StageRecord,
    window: _Window,
    counts: Counter[str],
    refusals: tuple[Counter[str], _Policies],
) -> None:
    stage = record.stage
    start, last = window.start, window.last
    if start <= record.started <= window.end:
        _volumes(complaint, record, stage, window.as_of, counts=counts, refusals=refusals)
    acknowledged = record.acknowledged
    if acknowledged is not None and start <= acknowledged <= last:
        ack_due = record.acknowledgement_due
        counts["acknowledged"] += 1
        counts["acknowledged_late"] += ack_due is not None and acknowledged > ack_due
    responded = record.responded
    if responded is not None and start <= responded <= last:
        in_time = responded <= record.response_due
        extended = record.extended_due
        within_extension = (
            record.extension_within_limit and extended is not None and responded <= extended
        )
        counts["responses"] += 1
        counts["responses_in_time"] += in_time
        counts["responses_in_time_with_extension"] += in_time or within_extension
        counts["working_days"] += complaint.calendar.working_days_between(record.started, responded)


def _volumes(
    complaint: Complaint,
    record: StageRecord,
    stage: Stage,
    as_of: dt.date,
    *,
    counts: Counter[str],
    refusals: tuple[Counter[str], _Policies],
) -> None:
    counts["received"] += 1
    refusal = next((e for e in complaint.events if isinstance(e, _REFUSAL[stage])), None)
    if refusal is not None:
        counts["not_accepted"] += 1
        _count_grounds(refusal.decision, *refusals)
    elif record.responded is not None:
        counts["responded"] += 1
    elif record.ended == "withdrawn":
        counts["withdrawn"] += 1
    elif record.ended in ("escalated", "closed"):
        counts["unanswered"] += 1
    else:
        counts["still_open"] += 1
        counts["overdue"] += record.final_due < as_of
    if record.extended_by:
        limit = complaint.edition.timescales(stage).extension_limit
        counts["extended"] += 1
        if record.extended_by <= limit:
            counts["extended_within_limit"] += 1
        elif record.extension_within_limit:
            counts["extended_with_good_reason"] += 1
        else:
            counts["extended_without_good_reason"] += 1


def _count_grounds(decision: ExclusionDecision, grounds: Counter[str], policies: _Policies) -> None:
    """Count a refusal once under each kind of ground, and once under each policy ground."""
    grounds.update({g.kind for g in decision.grounds})
    policies.update(
        {
            (g.policy_reference, g.description)
            for g in decision.grounds
            if g.policy_reference is not None and g.description is not None
        }
    )
