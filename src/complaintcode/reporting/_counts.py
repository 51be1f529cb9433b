"""The counts behind the annual report (behind ``reporting``).

:class:`StageCounts` and :class:`Counts` are plain sums over complaints, so the
counts of two sets of complaints add up with ``+``; CH01, CH02 and the averages
are worked out from the counts (in ``_measures``), never added.
:mod:`complaintcode.reporting` exports these names.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.complaint import TENURES
from complaintcode.errors import InvalidRecord
from complaintcode.provisions import Provision
from complaintcode.reporting._months import MonthCounts, month_counts
from complaintcode.reporting._ombudsman import OmbudsmanCounts
from complaintcode.reporting._outcomes import OutcomeCounts
from complaintcode.reporting._remedy_counts import RemedyCounts, RemedyKindCount, remedy_kinds
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__: list[str] = []

#: The grounds of section 2 (2.2, 2.3), in the order the report lists them; ``"policy"``
#: counts the grounds set by a landlord's own policy, which 2.2's open list allows.
GROUND_KINDS: tuple[str, ...] = (
    "time_limit",
    "legal_proceedings",
    "previously_considered",
    "policy",
)


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _count() -> Any:  # noqa: ANN401  # an attrs field, typed Any upstream
    return attrs.field(default=0, validator=_whole)


def _grounds(value: object) -> tuple[tuple[str, int], ...]:
    pairs = tuple(value.items()) if isinstance(value, dict) else value
    if not isinstance(pairs, (tuple, list)) or any(
        not isinstance(p, (tuple, list)) or len(p) != 2 for p in pairs
    ):
        raise InvalidRecord("expected (kind, count) pairs or a mapping", path="grounds")
    merged: Counter[str] = Counter()
    for kind, count in pairs:
        if kind not in GROUND_KINDS:
            raise InvalidRecord(f"unknown ground {kind!r}", path="grounds")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise InvalidRecord(f"expected a whole number, got {count!r}", path="grounds")
        merged[kind] += count
    return tuple((k, merged[k]) for k in GROUND_KINDS if merged[k])


def _policy_grounds(value: object) -> tuple[tuple[str, str, int], ...]:
    """(policy reference, description, count) triples, merged and in order."""
    if not isinstance(value, (tuple, list)) or any(
        not isinstance(t, (tuple, list)) or len(t) != 3 for t in value
    ):
        raise InvalidRecord(
            "expected (policy reference, description, count) triples", path="policy_grounds"
        )
    merged: Counter[tuple[str, str]] = Counter()
    for reference, description, count in value:
        if not isinstance(reference, str) or not isinstance(description, str):
            raise InvalidRecord(
                f"expected a policy reference and a description as text, got "
                f"{reference!r} and {description!r}",
                path="policy_grounds",
            )
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise InvalidRecord(f"expected a whole number, got {count!r}", path="policy_grounds")
        merged[(reference, description)] += count
    return tuple((r, d, n) for (r, d), n in sorted(merged.items()) if n)


@attrs.frozen(kw_only=True)
class StageCounts:
    """The counts for one stage of the year's complaints; they add up with ``+``.

    Volumes count the stage's complaints of the year (stage 1: received in the
    year; stage 2: escalation requested in the year) as they stood at the
    report's date. Timeliness counts what was done during the year.

    Attributes:
        received: Complaints received (stage 2: escalation requests made).
        not_accepted: Not accepted (stage 2: escalation refused).
        withdrawn: Withdrawn before the stage's response.
        responded: Responded to at the stage.
        still_open: Awaiting the stage's acknowledgement or response.
        unanswered: Ended without the stage's response although it was owed:
            closed without it, or (stage 1) gone to stage 2 before it (6.3, 6.14).
        overdue: Of those still open, past the response deadline.
        extended: Given an extension at the stage.
        extended_within_limit: Extended by no more than the edition's limit.
        extended_with_good_reason: Extended beyond the limit, with a good reason.
        extended_without_good_reason: Extended beyond the limit, with none.
        grounds: Not accepted or refused, as (ground kind, count) pairs.
        policy_grounds: Of those on a ground set by the landlord's own policy
            (kind ``"policy"``), how many rested on each, as (policy reference,
            description, count) triples; a decision on two counts under each.
        acknowledged: Acknowledgements made in the year.
        acknowledged_late: Of those, made after the acknowledgement deadline.
        responses: Responses made in the year (the CH02 denominator).
        responses_in_time: Of those, by the unextended deadline.
        responses_in_time_with_extension: By the unextended deadline, or by the
            extended one where the extension kept within the limit or had a good reason.
        working_days: Working days from the stage's start to each response, added up.

    Raises:
        InvalidRecord: For a negative count, or counts that do not add up.

    >>> s = StageCounts(received=3, responded=2, still_open=1, grounds={"time_limit": 0})
    >>> (s + s).responded, s.ground("time_limit")
    (4, 0)
    """

    received: int = _count()
    not_accepted: int = _count()
    withdrawn: int = _count()
    responded: int = _count()
    still_open: int = _count()
    unanswered: int = _count()
    overdue: int = _count()
    extended: int = _count()
    extended_within_limit: int = _count()
    extended_with_good_reason: int = _count()
    extended_without_good_reason: int = _count()
    grounds: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_grounds)
    policy_grounds: tuple[tuple[str, str, int], ...] = attrs.field(
        default=(), converter=_policy_grounds
    )
    acknowledged: int = _count()
    acknowledged_late: int = _count()
    responses: int = _count()
    responses_in_time: int = _count()
    responses_in_time_with_extension: int = _count()
    working_days: int = _count()

    def __attrs_post_init__(self) -> None:
        ended = (
            self.not_accepted + self.withdrawn + self.responded + self.still_open + self.unanswered
        )
        checks = (
            (
                ended == self.received,
                "received",
                "received = not_accepted + withdrawn + responded + still_open + unanswered",
            ),
            (self.overdue <= self.still_open, "overdue", "overdue <= still_open"),
            (
                self.extended
                == self.extended_within_limit
                + self.extended_with_good_reason
                + self.extended_without_good_reason,
                "extended",
                (
                    "extended = extended_within_limit + extended_with_good_reason + "
                    "extended_without_good_reason"
                ),
            ),
            (
                all(n <= self.ground("policy") for _, _, n in self.policy_grounds),
                "policy_grounds",
                'each policy ground\'s count <= the count of the ground "policy"',
            ),
            (
                self.acknowledged_late <= self.acknowledged,
                "acknowledged_late",
                "acknowledged_late <= acknowledged",
            ),
            (
                self.responses_in_time <= self.responses_in_time_with_extension <= self.responses,
                "responses_in_time",
                "responses_in_time <= responses_in_time_with_extension <= responses",
            ),
        )
        for ok, path, rule in checks:
            if not ok:
                raise InvalidRecord(f"the counts do not add up: expected {rule}", path=path)

    def ground(self, kind: str) -> int:
        """How many were not accepted or refused on a ground (``"time_limit"`` and so on)."""
        return dict(self.grounds).get(kind, 0)

    def __add__(self, other: object) -> StageCounts:
        if not isinstance(other, StageCounts):
            return NotImplemented
        sums = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in attrs.fields(StageCounts)
            if f.name not in ("grounds", "policy_grounds")
        }
        return StageCounts(
            **sums,
            grounds=(*self.grounds, *other.grounds),
            policy_grounds=(*self.policy_grounds, *other.policy_grounds),
        )

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data; ``grounds`` maps each kind to its count.

        ``policy_grounds`` lists each ground set by the landlord's policy as an
        object with ``policy_reference``, ``description`` and ``count``.
        """
        out = attrs.asdict(self)
        out["grounds"] = {kind: self.ground(kind) for kind in GROUND_KINDS}
        out["policy_grounds"] = [
            {"policy_reference": r, "description": d, "count": n} for r, d, n in self.policy_grounds
        ]
        return out


@attrs.frozen(kw_only=True)
class FindingCount:
    """How many audit findings cite one provision.

    Attributes:
        provision: The provision.
        breaches: Findings of severity ``"breach"``.
        warnings: Findings of severity ``"warning"``.

    >>> from complaintcode.provisions import provision
    >>> FindingCount(provision=provision("6.3"), breaches=2).warnings
    0
    """

    provision: Provision
    breaches: int = _count()
    warnings: int = _count()


def _finding_counts(value: Iterable[FindingCount]) -> tuple[FindingCount, ...]:
    merged: dict[Provision, list[int]] = {}
    for item in value:
        if not isinstance(item, FindingCount):
            raise InvalidRecord(
                f"expected FindingCount, got {type(item).__name__}", path="findings"
            )
        totals = merged.setdefault(item.provision, [0, 0])
        totals[0] += item.breaches
        totals[1] += item.warnings
    ordered = sorted(merged.items(), key=lambda kv: (kv[0].sort_key, -kv[0].edition))
    return tuple(FindingCount(provision=p, breaches=b, warnings=w) for p, (b, w) in ordered)


def check_tenure(value: object, path: str = "tenure") -> str:
    """``value`` if it is one of ``TENURES``; else :class:`InvalidRecord`."""
    if value not in TENURES:
        known = ", ".join(repr(t) for t in TENURES)
        raise InvalidRecord(f"unknown tenure {value!r} (known: {known})", path=path)
    return str(value)


def _tenure(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    check_tenure(value)


def _stage_counts(value: object) -> StageCounts:
    if not isinstance(value, StageCounts):
        raise InvalidRecord(f"expected StageCounts, got {type(value).__name__}")
    return value


@attrs.frozen(kw_only=True)
class TenureCounts:
    """The stage counts of the complaints of one tenure.

    Attributes:
        tenure: ``"low_cost_rental"`` or ``"low_cost_home_ownership"``.
        stage_1: The stage 1 counts of its complaints.
        stage_2: The stage 2 counts of its complaints.

    >>> TenureCounts(tenure="low_cost_rental").stage_1.received
    0
    """

    tenure: str = attrs.field(validator=_tenure)
    stage_1: StageCounts = attrs.field(factory=StageCounts, converter=_stage_counts)
    stage_2: StageCounts = attrs.field(factory=StageCounts, converter=_stage_counts)

    @property
    def counts(self) -> Counts:
        """The stage counts as :class:`Counts`, for ``ch01`` and ``ch02``."""
        return Counts(stage_1=self.stage_1, stage_2=self.stage_2)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the tenure and each stage's counts."""
        return {
            "tenure": self.tenure,
            "stage_1": self.stage_1.to_dict(),
            "stage_2": self.stage_2.to_dict(),
        }


_NO_STAGE = StageCounts()


def tenure_counts(value: object) -> tuple[TenureCounts, ...]:
    """Counts by tenure, merged per tenure, in the order of ``TENURES``, without empty ones."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InvalidRecord("expected a list of TenureCounts", path="tenures")
    merged: dict[str, TenureCounts] = {}
    for index, item in enumerate(value):
        if not isinstance(item, TenureCounts):
            raise InvalidRecord(
                f"expected TenureCounts, got {type(item).__name__}", path=f"tenures[{index}]"
            )
        if item.stage_1 == _NO_STAGE and item.stage_2 == _NO_STAGE:
            continue
        known = merged.get(item.tenure)
        merged[item.tenure] = (
            item
            if known is None
            else TenureCounts(
                tenure=item.tenure,
                stage_1=known.stage_1 + item.stage_1,
                stage_2=known.stage_2 + item.stage_2,
            )
        )
    return tuple(merged[t] for t in TENURES if t in merged)


@attrs.frozen(kw_only=True)
class Counts:
    """Everything the report counts; counts of two sets of complaints add up with ``+``.

    Attributes:
        stage_1: The stage 1 counts.
        stage_2: The stage 2 counts (escalations).
        findings: Audit findings by provision, in Code order.
        remedies: The remedies offered and done in the year, with the compensation (7.3).
        remedy_kinds: The same by kind of remedy (7.1), with those overdue (7.3).
        outcomes: The outcomes of the year's responses, and its complaints by
            category (5.12, 9.7).
        ombudsman: The Ombudsman's referrals, determinations and orders (9.7).
        tenures: The stage counts of each tenure's complaints, for CH01 and CH02
            by tenure.
        months: Each stage month by month: received, responses and in time, for
            the report's charts; the months add up to the stage counts.

    >>> a = Counts(stage_1=StageCounts(received=2, still_open=2))
    >>> (a + a).stage_1.received, (a + a).escalated
    (4, 0)
    """

    stage_1: StageCounts = attrs.field(factory=StageCounts)
    stage_2: StageCounts = attrs.field(factory=StageCounts)
    findings: tuple[FindingCount, ...] = attrs.field(default=(), converter=_finding_counts)
    remedies: RemedyCounts = attrs.field(factory=RemedyCounts)
    remedy_kinds: tuple[RemedyKindCount, ...] = attrs.field(default=(), converter=remedy_kinds)
    outcomes: OutcomeCounts = attrs.field(factory=OutcomeCounts)
    ombudsman: OmbudsmanCounts = attrs.field(factory=OmbudsmanCounts)
    tenures: tuple[TenureCounts, ...] = attrs.field(default=(), converter=tenure_counts)
    months: tuple[MonthCounts, ...] = attrs.field(default=(), converter=month_counts)

    def stage(self, stage: Stage | int) -> StageCounts:
        """The counts of one stage."""
        return self.stage_1 if Stage.parse(stage) is Stage.ONE else self.stage_2

    @property
    def escalated(self) -> int:
        """Escalation requests made in the year: the stage 2 complaints received."""
        return self.stage_2.received

    @property
    def escalation_refused(self) -> int:
        """Escalation requests of the year refused (5.11)."""
        return self.stage_2.not_accepted

    @property
    def remedies_overdue(self) -> int:
        """Remedies still to be done after their date on the last day counted (7.3)."""
        return sum(k.overdue for k in self.remedy_kinds)

    def tenure(self, tenure: str) -> TenureCounts:
        """The counts of one tenure's complaints; zero counts if it has none.

        Raises:
            InvalidRecord: For a tenure that is not one of ``TENURES``.
        """
        wanted = check_tenure(tenure)
        return next((t for t in self.tenures if t.tenure == wanted), TenureCounts(tenure=wanted))

    def __add__(self, other: object) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(
            stage_1=self.stage_1 + other.stage_1,
            stage_2=self.stage_2 + other.stage_2,
            findings=(*self.findings, *other.findings),
            remedies=self.remedies + other.remedies,
            remedy_kinds=(*self.remedy_kinds, *other.remedy_kinds),
            outcomes=self.outcomes + other.outcomes,
            ombudsman=self.ombudsman + other.ombudsman,
            tenures=(*self.tenures, *other.tenures),
            months=(*self.months, *other.months),
        )

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data."""
        return {
            "stage_1": self.stage_1.to_dict(),
            "stage_2": self.stage_2.to_dict(),
            "findings": [
                {
                    "provision": f.provision.number,
                    "edition": f.provision.edition,
                    "breaches": f.breaches,
                    "warnings": f.warnings,
                }
                for f in self.findings
            ],
            "remedies": self.remedies.to_dict(),
            "remedy_kinds": [k.to_dict() for k in self.remedy_kinds],
            "outcomes": self.outcomes.to_dict(),
            "ombudsman": self.ombudsman.to_dict(),
            "tenures": [t.to_dict() for t in self.tenures],
            "months": [m.to_dict() for m in self.months],
        }
