"""The grounds on which a complaint may be excluded, and the rules that find them.

One rule per ground the Code names (2.2: the time limit of 2.3, legal
proceedings, a matter previously considered), each reading the facts of
``_facts``, and :func:`assess`, which finds every ground that applies on a day.
The :class:`Ground` record also holds the further grounds a landlord's own
policy sets (2.2's list is open); those are made in ``_policy``, never found by
a rule. Import these names from :mod:`complaintcode.exclusions`, which
re-exports them; a person's decision on them is in ``_decision``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any, Literal, get_args

import attrs

from complaintcode import _fields
from complaintcode._codec import shown, to_plain
from complaintcode.editions import Edition, edition_by_year, edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions._facts import ExclusionFacts
from complaintcode.exclusions._field_checks import (
    build,
    date,
    one_of,
    read_object,
    require_date,
    stored_date,
)
from complaintcode.provisions import Provision, provision
from complaintcode.stages import Stage

__all__ = [
    "ExclusionAssessment",
    "Ground",
    "GroundKind",
    "assess",
    "legal_proceedings_ground",
    "months_after",
    "previously_considered_ground",
    "time_limit_ground",
]

#: The grounds the Code allows (2.2), one name each: the three it names, and
#: ``"policy"`` for a further ground set by the landlord's published policy.
GroundKind = Literal["time_limit", "legal_proceedings", "previously_considered", "policy"]


def months_after(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the month's end.

    Args:
        start: The day the period starts from.
        months: How many calendar months.

    Returns:
        The day with the same day of the month ``months`` months on, or the last
        day of that month where it is shorter (29 February + 12 months = 28
        February).

    Raises:
        InvalidRecord: If ``start`` is not a date, ``months`` is not a whole
            number of months, zero or more, or the day would be after
            9999-12-31, the last date there is.

    >>> months_after(dt.date(2024, 2, 29), 12), months_after(dt.date(2023, 8, 31), 6)
    (datetime.date(2025, 2, 28), datetime.date(2024, 2, 29))
    """
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):  # any day, not a record's
        raise InvalidRecord(f"expected a date, got {type(start).__name__}", path="start")
    if not isinstance(months, int) or isinstance(months, bool) or months < 0:
        raise InvalidRecord(
            f"expected a whole number of months, got {shown(months)}", path="months"
        )
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    if year > dt.MAXYEAR:
        count = f"{shown(months)} month" if months == 1 else f"{shown(months)} months"
        raise InvalidRecord(
            f"{count} after {start.isoformat()} is past {dt.date.max.isoformat()}, the last date",
            path="months",
        )
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(start.day, last))


@attrs.frozen(kw_only=True)
class Ground:
    """A ground on which a complaint may be excluded, found by a rule or set by the policy.

    Attributes:
        kind: Which ground: ``"time_limit"``, ``"legal_proceedings"``,
            ``"previously_considered"`` or ``"policy"`` (a ground the
            landlord's own policy sets, made by ``policy_ground``).
        provision: The provision it rests on, in the complaint's edition.
        discretionary: ``True`` where the landlord must consider discretion to
            accept the complaint anyway (the time limit: 2.3).
        reason: The ground in plain words, beginning with the provision number.
        limit_runs_from: For the time limit, the day the limit ran from.
        limit_ends: For the time limit, its last day.
        claim_filed: For legal proceedings, the day the claim was filed at court.
        previous_reference: For a matter previously considered, the earlier
            complaint's reference.
        description: For a policy ground, the exclusion as the policy words it.
        policy_reference: For a policy ground, where the policy sets it (a
            section or paragraph of the landlord's complaints policy).

    Raises:
        InvalidRecord: For a policy ground without a description or a policy
            reference (or with a blank one), resting on anything but 2.2 (1.8 in
            2022), or discretionary; or for another kind with either field.
    """

    kind: GroundKind = attrs.field(validator=functools.partial(one_of, get_args(GroundKind)))
    provision: Provision = attrs.field(validator=_fields.instance_of(Provision, "Provision"))
    discretionary: bool = attrs.field(validator=_fields.instance_of(bool, "bool"))
    reason: str = attrs.field(validator=_fields.text)
    limit_runs_from: dt.date | None = attrs.field(default=None, validator=date)
    limit_ends: dt.date | None = attrs.field(default=None, validator=date)
    claim_filed: dt.date | None = attrs.field(default=None, validator=date)
    previous_reference: str | None = attrs.field(default=None, validator=_fields.optional_text)
    description: str | None = attrs.field(default=None, validator=_fields.optional_text)
    policy_reference: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        # Only a policy ground carries the policy's words; its checks cite the
        # edition's provision on exclusions (2.2, or 1.8 in 2022).
        if self.kind != "policy":
            for name in ("description", "policy_reference"):
                if getattr(self, name) is not None:
                    raise InvalidRecord(
                        f"{self._edition.cite('exclusion_grounds').number}: only a policy ground "
                        f"has a {name}, and this is a {self.kind} ground",
                        path=name,
                    )
            return
        number = self._edition.cite("exclusion_grounds").number
        for name, what in (
            ("description", "the exclusion as the policy words it"),
            ("policy_reference", "where the landlord's complaints policy sets it"),
        ):
            if not (getattr(self, name) or "").strip():
                raise InvalidRecord(f"{number}: a policy ground needs {what}", path=name)
        if self.provision.number != number:
            raise InvalidRecord(
                f"{number}: a policy ground rests on {number} of the {self._edition.year} "
                f"edition, not on {self.provision.number}",
                path="provision",
            )
        if self.discretionary:
            raise InvalidRecord(
                f"{self._edition.cite('exclusion_time_limit').number}: only the time limit asks "
                "for discretion to be considered, so a policy ground is never discretionary",
                path="discretionary",
            )

    @property
    def _edition(self) -> Edition:
        return edition_by_year(self.provision.edition)

    def to_dict(self) -> dict[str, Any]:
        """The ground as JSON-ready data (the provision as number and edition).

        A policy ground adds ``description`` and ``policy_reference``; the other
        kinds leave both out, so that their stored form is unchanged.

        >>> f = ExclusionFacts(received=dt.date(2025, 3, 1), issue_occurred=dt.date(2024, 2, 29))
        >>> d = time_limit_ground(f).to_dict()
        >>> d["kind"], d["provision"], d["edition"], d["limit_ends"]
        ('time_limit', '2.3', 2024, '2025-02-28')
        """
        return {
            "kind": self.kind,
            "provision": self.provision.number,
            "edition": self.provision.edition,
            "discretionary": self.discretionary,
            "reason": self.reason,
            "limit_runs_from": to_plain(self.limit_runs_from),
            "limit_ends": to_plain(self.limit_ends),
            "claim_filed": to_plain(self.claim_filed),
            "previous_reference": self.previous_reference,
        } | (
            {"description": self.description, "policy_reference": self.policy_reference}
            if self.kind == "policy"
            else {}
        )

    @classmethod
    def from_dict(cls, data: object, *, path: str = "ground") -> Ground:
        """Rebuild a ground from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field.

        >>> f = ExclusionFacts(received=dt.date(2025, 3, 1), issue_occurred=dt.date(2024, 2, 29))
        >>> g = time_limit_ground(f)
        >>> Ground.from_dict(g.to_dict()) == g
        True
        """
        names = (*(f.name for f in attrs.fields(cls)), "edition")
        required = ("kind", "provision", "edition", "discretionary", "reason")
        kwargs = read_object(data, path, names, required)
        for name in ("limit_runs_from", "limit_ends", "claim_filed"):
            kwargs[name] = stored_date(kwargs.get(name), f"{path}.{name}")
        number, year = kwargs.pop("provision"), kwargs.pop("edition")
        try:
            kwargs["provision"] = provision(number, edition_by_year(year).year)
        except InvalidRecord as err:
            raise InvalidRecord(err.message, path=f"{path}.provision") from None
        return build(cls, kwargs, path)


def time_limit_ground(facts: ExclusionFacts, edition: Edition | None = None) -> Ground | None:
    """The time-limit ground (2.3 with 2.2; 1.8 in 2022), if the complaint is late.

    The limit runs for the edition's ``exclusion_months`` calendar months from
    :attr:`ExclusionFacts.limit_runs_from`; a complaint received on its last
    day is in time. A late complaint is excludable only after the landlord has
    considered discretion, so the ground is always ``discretionary``.

    Args:
        facts: The complaint's facts.
        edition: The edition; by default the one for the date received.

    Returns:
        The ground, or ``None`` if the complaint is in time.

    >>> late = ExclusionFacts(received=dt.date(2025, 3, 1), issue_occurred=dt.date(2024, 2, 29))
    >>> print(time_limit_ground(late).reason)
    2.3: received on 2025-03-01, more than 12 months after the issue occurred on 2024-02-29 (the limit ended on 2025-02-28); the landlord must consider discretion where there are good reasons
    """
    edition = _edition(facts, edition)
    start = facts.limit_runs_from
    ends = months_after(start, edition.exclusion_months)
    if facts.received <= ends:
        return None
    cited = edition.cite("exclusion_time_limit")
    since = (
        "the resident became aware of the issue"
        if start > facts.issue_occurred
        else "the issue occurred"
    )
    return Ground(
        kind="time_limit",
        provision=cited,
        discretionary=True,
        reason=f"{cited.number}: received on {facts.received}, more than "
        f"{edition.exclusion_months} months after {since} on {start} (the limit ended on "
        f"{ends}); the landlord must consider discretion where there are good reasons",
        limit_runs_from=start,
        limit_ends=ends,
    )


def legal_proceedings_ground(
    facts: ExclusionFacts, on: dt.date | None = None, edition: Edition | None = None
) -> Ground | None:
    """The legal-proceedings ground (2.2): a claim filed at court on or before ``on``.

    A pre-action letter or a threat of proceedings is never this ground.

    Args:
        facts: The complaint's facts.
        on: The decision date; by default the date received.
        edition: The edition; by default the one for the date received.

    Returns:
        The ground, or ``None``.

    >>> f = ExclusionFacts(
    ...     received=dt.date(2025, 3, 3),
    ...     issue_occurred=dt.date(2025, 1, 6),
    ...     claim_filed_at_court=dt.date(2025, 3, 10),
    ... )
    >>> (
    ...     legal_proceedings_ground(f) is None,
    ...     legal_proceedings_ground(f, on=dt.date(2025, 3, 10)).kind,
    ... )
    (True, 'legal_proceedings')
    """
    edition, on = _edition(facts, edition), _on(facts, on)
    filed = facts.claim_filed_at_court
    if filed is None or filed > on:
        return None
    cited = edition.cite("exclusion_grounds")
    return Ground(
        kind="legal_proceedings",
        provision=cited,
        discretionary=False,
        reason=f"{cited.number}: a claim about the matter was filed at court on {filed}, so "
        "legal proceedings have started",
        claim_filed=filed,
    )


def previously_considered_ground(
    facts: ExclusionFacts, edition: Edition | None = None
) -> Ground | None:
    """The previously-considered ground (2.2): the matter completed the process before.

    Only a :class:`PreviousComplaint` whose status is ``"completed"`` counts; one
    still open or withdrawn does not.

    Args:
        facts: The complaint's facts.
        edition: The edition; by default the one for the date received.

    Returns:
        The ground, or ``None``.

    >>> from complaintcode.exclusions import PreviousComplaint
    >>> prev = PreviousComplaint(reference="C-7", completed_stage=Stage.ONE, status="completed")
    >>> f = ExclusionFacts(
    ...     received=dt.date(2025, 3, 3),
    ...     issue_occurred=dt.date(2025, 1, 6),
    ...     previously_considered=prev,
    ... )
    >>> print(previously_considered_ground(f).reason)
    2.2: the same matter completed the complaints process as complaint C-7 (answered at stage 1 and not escalated)
    """
    edition = _edition(facts, edition)
    prev = facts.previously_considered
    if prev is None or not prev.completed:
        return None
    cited = edition.cite("exclusion_grounds")
    how = (
        "given its final response at stage 2"
        if prev.completed_stage is Stage.TWO
        else "answered at stage 1 and not escalated"
    )
    return Ground(
        kind="previously_considered",
        provision=cited,
        discretionary=False,
        reason=f"{cited.number}: the same matter completed the complaints process as complaint "
        f"{prev.reference} ({how})",
        previous_reference=prev.reference,
    )


def to_grounds(value: object) -> tuple[Ground, ...]:
    if not isinstance(value, (list, tuple)):
        raise InvalidRecord(
            f"expected a list of grounds, got {type(value).__name__}", path="grounds"
        )
    for i, ground in enumerate(value):
        if not isinstance(ground, Ground):
            raise InvalidRecord(
                f"expected Ground, got {type(ground).__name__}", path=f"grounds[{i}]"
            )
    return tuple(value)


@attrs.frozen(kw_only=True)
class ExclusionAssessment:
    """The grounds found for a complaint on a date; a person still decides (2.1, 2.5).

    Attributes:
        facts: The facts assessed.
        edition: The edition applied.
        on: The decision date the grounds were found for.
        limit_ends: The last day of the time limit.
        grounds: Every ground found, in the order time limit, legal proceedings,
            previously considered.
        notes: Facts that are not grounds but a reader may ask about, such as a
            pre-action letter, each beginning with its provision number.

    >>> f = ExclusionFacts(received=dt.date(2025, 1, 6), issue_occurred=dt.date(2023, 12, 2))
    >>> a = assess(f)
    >>> a.excludable, a.in_time, a.discretion_to_consider, [g.kind for g in a.grounds]
    (True, False, True, ['time_limit'])
    """

    facts: ExclusionFacts = attrs.field(
        validator=_fields.instance_of(ExclusionFacts, "ExclusionFacts")
    )
    edition: Edition = attrs.field(validator=_fields.instance_of(Edition, "Edition"))
    on: dt.date = attrs.field(validator=date)
    limit_ends: dt.date = attrs.field(validator=date)
    grounds: tuple[Ground, ...] = attrs.field(converter=to_grounds)
    notes: tuple[str, ...] = ()

    @property
    def excludable(self) -> bool:
        """Whether any ground was found, so a person may decide to exclude."""
        return bool(self.grounds)

    @property
    def in_time(self) -> bool:
        """Whether the complaint was received within the time limit (2.3)."""
        return self.ground("time_limit") is None

    @property
    def discretion_to_consider(self) -> bool:
        """Whether a ground found requires discretion to be considered (2.3)."""
        return any(g.discretionary for g in self.grounds)

    def ground(self, kind: GroundKind) -> Ground | None:
        """The ground of a kind, if it was found.

        >>> f = ExclusionFacts(received=dt.date(2025, 1, 6), issue_occurred=dt.date(2024, 12, 2))
        >>> assess(f).ground("time_limit") is None
        True
        """
        return next((g for g in self.grounds if g.kind == kind), None)


def assess(
    facts: ExclusionFacts, on: dt.date | None = None, edition: Edition | None = None
) -> ExclusionAssessment:
    """Find every exclusion ground that applies to a complaint on a date (2.2, 2.3).

    Args:
        facts: The complaint's facts.
        on: The decision date (not accepting the complaint, or refusing its
            escalation); by default the date received.
        edition: The edition; by default the one for the date received.

    Returns:
        The assessment. It never decides: see :func:`decide`.

    Raises:
        InvalidRecord: For facts that are not :class:`ExclusionFacts`, an
            ``on`` before the complaint was received, or an unknown edition.

    >>> f = ExclusionFacts(
    ...     received=dt.date(2025, 3, 3),
    ...     issue_occurred=dt.date(2025, 1, 6),
    ...     pre_action_letter=dt.date(2025, 2, 14),
    ... )
    >>> a = assess(f)
    >>> a.excludable, a.notes
    (False, ('2.2: the pre-action letter of 2025-02-14 does not start legal proceedings; only a claim filed at court does',))
    """
    if not isinstance(facts, ExclusionFacts):
        raise InvalidRecord(f"expected ExclusionFacts, got {type(facts).__name__}", path="facts")
    edition, on = _edition(facts, edition), _on(facts, on)
    found = (
        time_limit_ground(facts, edition),
        legal_proceedings_ground(facts, on, edition),
        previously_considered_ground(facts, edition),
    )
    grounds = tuple(g for g in found if g is not None)
    number = edition.cite("exclusion_grounds").number
    notes: list[str] = []
    filed, letter, prev = (
        facts.claim_filed_at_court,
        facts.pre_action_letter,
        facts.previously_considered,
    )
    if filed is not None and filed > on:
        notes.append(
            f"{number}: the claim filed at court on {filed} is after {on}, so legal "
            "proceedings had not started on that date"
        )
    elif filed is None and letter is not None:
        notes.append(
            f"{number}: the pre-action letter of {letter} does not start legal "
            "proceedings; only a claim filed at court does"
        )
    if prev is not None and not prev.completed:
        notes.append(
            f"{number}: complaint {prev.reference} is {prev.status}, so the matter has "
            "not completed the complaints process"
        )
    return ExclusionAssessment(
        facts=facts,
        edition=edition,
        on=on,
        limit_ends=months_after(facts.limit_runs_from, edition.exclusion_months),
        grounds=grounds,
        notes=tuple(notes),
    )


def _edition(facts: ExclusionFacts, edition: Edition | None) -> Edition:
    if edition is None:
        return edition_for(facts.received)
    if not isinstance(edition, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(edition).__name__}", path="edition")
    return edition


def _on(facts: ExclusionFacts, on: dt.date | None) -> dt.date:
    if on is None:
        return facts.received
    require_date(on, "on")
    if on < facts.received:
        raise InvalidRecord(
            f"the decision date ({on}) cannot precede the complaint's receipt ({facts.received})",
            path="on",
        )
    return on
