"""A person's decision to exclude a complaint, and the notice that tells the resident.

The rules of :mod:`complaintcode.exclusions` only find grounds. A person then
decides (2.1), resting the decision on grounds the assessment found or on a
ground set by the landlord's own policy (2.2), with reasons written for the
complaint (2.5) and, for a late complaint, a record of how discretion to
accept it was considered (2.3). The resident is told why and that they can
take the decision to the Ombudsman (2.4); refusing escalation to stage 2
follows the same path (5.11). Import these names from
:mod:`complaintcode.exclusions`, which re-exports them.

>>> import datetime as dt
>>> from complaintcode.exclusions import ExclusionFacts, assess, decide
>>> a = assess(ExclusionFacts(received=dt.date(2025, 6, 2), issue_occurred=dt.date(2024, 1, 8)))
>>> decide(
...     a,
...     grounds="time_limit",
...     reasons="Nothing new has happened since 2024.",
...     decided_by="J. Patel",
... )
Traceback (most recent call last):
...
complaintcode.errors.ProvisionViolation: 2.3: the complaint is outside the time limit (it ended on 2025-01-08), so the decision must record how discretion to accept it was considered
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, get_args

import attrs

from complaintcode import _fields
from complaintcode._codec import shown
from complaintcode.editions import Edition, edition_by_year
from complaintcode.errors import InvalidRecord, ProvisionViolation
from complaintcode.exclusions._field_checks import build, date, read_object, stored_date
from complaintcode.exclusions._grounds import ExclusionAssessment, Ground, GroundKind, to_grounds
from complaintcode.exclusions._policy import cited_under
from complaintcode.findings import Finding
from complaintcode.provisions import Provision

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ExclusionDecision", "NoticeContent", "decide"]


def _same_edition(
    decision: ExclusionDecision, _attribute: attrs.Attribute[Any], grounds: tuple[Ground, ...]
) -> None:
    year = decision.edition.year
    for i, ground in enumerate(grounds):
        if ground.provision.edition != year:
            raise InvalidRecord(
                f"the ground cites the {ground.provision.edition} edition ("
                f"{ground.provision.number}), but the decision is made under the {year} edition",
                path=f"grounds[{i}]",
            )


@attrs.frozen(kw_only=True)
class NoticeContent:
    """What the notice of a decision must tell the resident (2.4, 5.11).

    Attributes:
        provision: The provision requiring the notice (2.4 for a complaint not
            accepted, 5.11 for an escalation refused).
        decision: What was decided, in one sentence.
        reasons: The reasons written for this complaint.
        grounds: Each ground's plain reason.
        ombudsman: The resident's right to take the decision to the Ombudsman.

    Built by :meth:`ExclusionDecision.notice_content`; ``str()`` gives its paragraphs.
    """

    provision: Provision
    decision: str
    reasons: str
    grounds: tuple[str, ...]
    ombudsman: str

    def __str__(self) -> str:
        return "\n\n".join((self.decision, self.reasons, *self.grounds, self.ombudsman))


@attrs.frozen(kw_only=True)
class ExclusionDecision:
    """A person's decision not to accept a complaint (2.1, 2.4, 2.5) or to refuse escalation (5.11).

    Build it with :func:`decide`, which checks that its grounds come from an
    assessment (a ground set by the landlord's policy comes from
    :func:`~complaintcode.exclusions.policy_ground` instead). Constructing one
    directly runs every other check, listed by
    :meth:`problems`; a stored decision can be read back without them
    (:meth:`from_dict` with ``checked=False``), so that a history that breached
    the Code still loads and its audit reports the breach.

    Attributes:
        edition: The edition applied.
        grounds: The grounds the decision rests on (at least one).
        reasons: The reasons, written by a person for this complaint.
        decided_by: Who decided.
        decided_on: When.
        refusing_escalation: ``True`` for refusing escalation to stage 2 (5.11),
            ``False`` for not accepting the complaint.
        discretion_considered: Why discretion to accept a late complaint was not
            exercised; required when a ground is discretionary (2.3).

    Raises:
        ProvisionViolation: With no ground (2.1; 5.11 when refusing escalation),
            with no reasons of its own (2.5; 5.11), or with a discretionary ground
            and no record of discretion considered (2.3).
        InvalidRecord: For a wrong type, a ground citing another edition than
            the decision's, or a blank ``decided_by``.
    """

    edition: Edition = attrs.field(validator=_fields.instance_of(Edition, "Edition"))
    grounds: tuple[Ground, ...] = attrs.field(converter=to_grounds, validator=_same_edition)
    reasons: str = attrs.field(validator=_fields.text)
    decided_by: str = attrs.field(validator=_fields.text)
    decided_on: dt.date = attrs.field(validator=date)
    refusing_escalation: bool = attrs.field(
        default=False, validator=_fields.instance_of(bool, "bool")
    )
    discretion_considered: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        _require_person(self)
        found = self.problems()
        if found:
            raise ProvisionViolation(found[0].provision, found[0].message)

    def problems(self) -> tuple[Finding, ...]:
        """Every breach of the Code in the decision (2.1, 2.3, 2.5; 5.11 when refusing escalation).

        These are the constructor's checks: a decision made new is refused with
        the first of them as a :class:`~complaintcode.errors.ProvisionViolation`.
        A stored decision read with ``from_dict(..., checked=False)`` keeps its
        breaches, so that :meth:`~complaintcode.complaint.Complaint.audit` can
        report them with the same messages.

        Returns:
            The findings, dated on the decision, in the order the constructor
            checks them; empty when the decision meets the Code.

        >>> stored = {"edition": 2024, "grounds": [], "reasons": " ", "decided_by": "J. Patel"}
        >>> d = ExclusionDecision.from_dict(stored | {"decided_on": "2025-06-02"}, checked=False)
        >>> for problem in d.problems():
        ...     print(problem)
        2.1: a complaint must be accepted unless there is a valid reason not to, and this decision rests on no ground
        2.5: each complaint must be considered on its own circumstances, and this decision gives no reasons for this one
        """
        refusing = self.refusing_escalation
        found: list[Finding] = []
        if not self.grounds:
            found.append(
                self._breach(
                    "accept",
                    "escalation may be refused only on a ground in section 2, and this decision "
                    "rests on none"
                    if refusing
                    else "a complaint must be accepted unless there is a valid reason not to, "
                    "and this decision rests on no ground",
                )
            )
        text = self.reasons.strip()
        if not text:
            found.append(
                self._breach(
                    "no_blanket_exclusion",
                    "the reasons for refusing escalation must be set out clearly, and this "
                    "decision gives none"
                    if refusing
                    else "each complaint must be considered on its own circumstances, and this "
                    "decision gives no reasons for this one",
                )
            )
        elif text.casefold() in _ground_texts(self.grounds):
            found.append(
                self._breach(
                    "no_blanket_exclusion",
                    "the reasons only repeat a ground's text; give reasons about this "
                    "complaint's own circumstances",
                )
            )
        late = next((g for g in self.grounds if g.discretionary), None)
        if late is not None and not (self.discretion_considered or "").strip():
            found.append(
                Finding(
                    provision=self.edition.cite("exclusion_time_limit"),
                    message=f"the complaint is outside the time limit (it ended on "
                    f"{late.limit_ends}), so the decision must record how discretion to accept "
                    "it was considered",
                    on=self.decided_on,
                )
            )
        return tuple(found)

    def _breach(self, key: str, message: str) -> Finding:
        return Finding(provision=self._cite(key), message=message, on=self.decided_on)

    @classmethod
    def _as_stored(cls, **values: object) -> ExclusionDecision:
        """A decision exactly as stored, keeping any breach of the Code for :meth:`problems`.

        Each field is converted and validated as the constructor does, and the
        decision must still name who took it; only the Code's checks are left out.
        """
        new = object.__new__(cls)
        for field in attrs.fields(cls):
            value = values.get(field.name, field.default)
            if callable(field.converter):
                value = field.converter(value)
            object.__setattr__(new, field.name, value)
        attrs.validate(new)
        _require_person(new)
        return new

    @classmethod
    def decide(
        cls,
        assessment: ExclusionAssessment,
        *,
        grounds: Sequence[Ground | GroundKind] | Ground | GroundKind,
        reasons: str,
        decided_by: str,
        decided_on: dt.date | None = None,
        refusing_escalation: bool = False,
        discretion_considered: str | None = None,
    ) -> ExclusionDecision:
        """The same as the module's :func:`decide`, as a constructor.

        >>> from complaintcode.exclusions import ExclusionFacts, assess
        >>> f = ExclusionFacts(
        ...     received=dt.date(2025, 6, 2),
        ...     issue_occurred=dt.date(2025, 1, 6),
        ...     claim_filed_at_court=dt.date(2025, 5, 1),
        ... )
        >>> a = assess(f)
        >>> ExclusionDecision.decide(
        ...     a,
        ...     grounds=a.grounds,
        ...     decided_by="A. Jones",
        ...     reasons="Your claim about the damp is before the county court.",
        ... ).grounds == a.grounds
        True
        """
        return decide(
            assessment,
            grounds=grounds,
            reasons=reasons,
            decided_by=decided_by,
            decided_on=decided_on,
            refusing_escalation=refusing_escalation,
            discretion_considered=discretion_considered,
        )

    def _cite(self, key: str) -> Provision:
        if self.refusing_escalation:
            key = "refuse_escalation"
        elif not self.edition.in_force(key):
            # 2022 has no 2.5; declining without reasons breaches its 1.9, which asks
            # for a detailed explanation of why the complaint is not accepted.
            key = "decline_notice"
        return self.edition.cite(key)

    def notice_content(self) -> NoticeContent:
        """What the notice to the resident must carry (2.4; 5.11 when refusing escalation).

        >>> from complaintcode.exclusions import ExclusionFacts, assess
        >>> f = ExclusionFacts(
        ...     received=dt.date(2025, 6, 2),
        ...     issue_occurred=dt.date(2025, 1, 6),
        ...     claim_filed_at_court=dt.date(2025, 5, 1),
        ... )
        >>> d = decide(
        ...     assess(f),
        ...     grounds=["legal_proceedings"],
        ...     decided_by="A. Jones",
        ...     reasons="Your claim about the damp is now before the county court.",
        ... )
        >>> print(d.notice_content())
        We have decided not to accept your complaint.
        <BLANKLINE>
        Your claim about the damp is now before the county court.
        <BLANKLINE>
        2.2: a claim about the matter was filed at court on 2025-05-01, so legal proceedings have started
        <BLANKLINE>
        If you disagree, you have the right to ask the Housing Ombudsman to look at our decision not to accept your complaint.
        """
        what = (
            "not to escalate your complaint to stage 2"
            if self.refusing_escalation
            else "not to accept your complaint"
        )
        return NoticeContent(
            provision=self._cite("decline_notice"),
            decision=f"We have decided {what}.",
            reasons=self.reasons.strip(),
            grounds=tuple(g.reason for g in self.grounds),
            ombudsman="If you disagree, you have the right to ask the Housing Ombudsman to look "
            f"at our decision {what}.",
        )

    def to_dict(self) -> dict[str, Any]:
        """The decision as JSON-ready data, dates as ISO strings.

        >>> from complaintcode.exclusions import ExclusionFacts, assess
        >>> f = ExclusionFacts(
        ...     received=dt.date(2025, 6, 2),
        ...     issue_occurred=dt.date(2025, 1, 6),
        ...     claim_filed_at_court=dt.date(2025, 5, 1),
        ... )
        >>> d = decide(
        ...     assess(f),
        ...     grounds=["legal_proceedings"],
        ...     decided_by="A. Jones",
        ...     reasons="Your claim about the damp is now before the county court.",
        ... )
        >>> d.to_dict()["decided_on"], d.to_dict()["grounds"][0]["provision"]
        ('2025-06-02', '2.2')
        """
        return {
            "edition": self.edition.year,
            "refusing_escalation": self.refusing_escalation,
            "grounds": [g.to_dict() for g in self.grounds],
            "reasons": self.reasons,
            "discretion_considered": self.discretion_considered,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on.isoformat(),
        }

    @classmethod
    def _from_stored(cls, data: object, *, path: str = "decision") -> ExclusionDecision:
        """A decision as a complaint's stored history holds it, unchecked (read by the codec)."""
        return cls.from_dict(data, path=path, checked=False)

    @classmethod
    def from_dict(
        cls, data: object, *, path: str = "decision", checked: bool = True
    ) -> ExclusionDecision:
        """Rebuild a decision from :meth:`to_dict` output.

        Args:
            data: The JSON object.
            path: Where the object sits in a larger document, for error messages.
            checked: ``True`` to run the Code's checks again, as for a decision
                made new; ``False`` to read the decision as it was stored, a
                breach of the Code and all, for :meth:`problems` and the
                complaint's audit to report. A complaint's record is read with
                ``False``.

        Returns:
            The decision.

        Raises:
            InvalidRecord: For malformed data, with the path of the bad field,
                whether checked or not.
            ProvisionViolation: When checked, for a stored decision that
                breaches the Code.

        >>> from complaintcode.exclusions import ExclusionFacts, assess
        >>> f = ExclusionFacts(
        ...     received=dt.date(2025, 6, 2),
        ...     issue_occurred=dt.date(2025, 1, 6),
        ...     claim_filed_at_court=dt.date(2025, 5, 1),
        ... )
        >>> d = decide(
        ...     assess(f),
        ...     grounds=["legal_proceedings"],
        ...     decided_by="A. Jones",
        ...     reasons="Your claim about the damp is now before the county court.",
        ... )
        >>> ExclusionDecision.from_dict(d.to_dict()) == d
        True
        >>> ExclusionDecision.from_dict(d.to_dict() | {"grounds": []})
        Traceback (most recent call last):
        ...
        complaintcode.errors.ProvisionViolation: 2.1: a complaint must be accepted unless there is a valid reason not to, and this decision rests on no ground
        >>> ExclusionDecision.from_dict(d.to_dict() | {"grounds": []}, checked=False).grounds
        ()
        """
        names = tuple(f.name for f in attrs.fields(cls))
        kwargs = read_object(
            data, path, names, ("edition", "grounds", "reasons", "decided_by", "decided_on")
        )
        try:
            kwargs["edition"] = edition_by_year(kwargs["edition"])
        except InvalidRecord as err:
            raise InvalidRecord(err.message, path=f"{path}.edition") from None
        kwargs["decided_on"] = stored_date(kwargs["decided_on"], f"{path}.decided_on")
        grounds = kwargs["grounds"]
        if not isinstance(grounds, list):
            raise InvalidRecord(
                f"expected a list, got {type(grounds).__name__}", path=f"{path}.grounds"
            )
        kwargs["grounds"] = tuple(
            Ground.from_dict(g, path=f"{path}.grounds[{i}]") for i, g in enumerate(grounds)
        )
        return build(cls if checked else cls._as_stored, kwargs, path)


def _ground_texts(grounds: tuple[Ground, ...]) -> frozenset[str]:
    """What reasons may not merely repeat (2.5): each ground's text, and a policy's wording."""
    texts = (t for g in grounds for t in (g.reason, g.description) if t is not None)
    return frozenset(t.strip().casefold() for t in texts)


def _require_person(decision: ExclusionDecision) -> None:
    if not decision.decided_by.strip():
        raise InvalidRecord("a decision names the person who took it", path="decided_by")


def decide(
    assessment: ExclusionAssessment,
    *,
    grounds: Sequence[Ground | GroundKind] | Ground | GroundKind,
    reasons: str,
    decided_by: str,
    decided_on: dt.date | None = None,
    refusing_escalation: bool = False,
    discretion_considered: str | None = None,
) -> ExclusionDecision:
    """Record a person's decision to exclude, resting on grounds the assessment found.

    A ground set by the landlord's own policy (:func:`policy_ground`, 2.2) is
    never found by the assessment: it is taken as given, cited under the
    assessment's edition, and needs reasons of its own like any other (2.5).

    Args:
        assessment: The assessment the decision rests on.
        grounds: The grounds relied on: a list of :class:`Ground` values or their
            kinds (``"time_limit"``), or a single one. A policy ground is given
            as its :class:`Ground`, never by its kind.
        reasons: The reasons, written for this complaint (2.5).
        decided_by: Who decided.
        decided_on: When; by default the assessment's date, never before it.
        refusing_escalation: ``True`` when refusing escalation (5.11).
        discretion_considered: Why discretion was not exercised, for a late
            complaint (2.3).

    Returns:
        The :class:`ExclusionDecision`.

    Raises:
        ProvisionViolation: For a ground the assessment did not find (2.1, or
            5.11 when refusing escalation) and every check of :class:`ExclusionDecision`.
        InvalidRecord: For grounds that are not a list of grounds or kinds, an
            unknown kind or the kind ``"policy"`` alone, or a date before the
            assessment.

    >>> from complaintcode.exclusions import ExclusionFacts, assess
    >>> f = ExclusionFacts(received=dt.date(2025, 1, 6), issue_occurred=dt.date(2024, 12, 2))
    >>> decide(assess(f), grounds=(), reasons="Too late.", decided_by="A. Jones")
    Traceback (most recent call last):
    ...
    complaintcode.errors.ProvisionViolation: 2.1: a complaint must be accepted unless there is a valid reason not to, and this decision rests on no ground
    """
    if not isinstance(assessment, ExclusionAssessment):
        raise InvalidRecord(f"expected ExclusionAssessment, got {type(assessment).__name__}")
    on = assessment.on if decided_on is None else decided_on
    if isinstance(on, dt.date) and not isinstance(on, dt.datetime) and on < assessment.on:
        raise InvalidRecord(
            f"the decision ({on}) cannot precede the assessment it rests on ({assessment.on})",
            path="decided_on",
        )
    items = (grounds,) if isinstance(grounds, (str, Ground)) else grounds
    if not isinstance(items, (list, tuple)):
        raise InvalidRecord(
            f"expected a list of grounds, got {type(items).__name__}", path="grounds"
        )
    chosen: list[Ground] = []
    for item in items:
        if isinstance(item, Ground) and item.kind == "policy":
            ground = cited_under(item, assessment.edition)
        else:
            ground = (
                item if isinstance(item, Ground) else _found(assessment, item, refusing_escalation)
            )
        if ground.kind != "policy" and ground not in assessment.grounds:
            raise ProvisionViolation(
                assessment.edition.cite("refuse_escalation" if refusing_escalation else "accept"),
                f"the assessment of {assessment.on} did not find the ground relied on "
                f"({ground.kind})",
            )
        if ground not in chosen:
            chosen.append(ground)
    return ExclusionDecision(
        edition=assessment.edition,
        grounds=tuple(chosen),
        reasons=reasons,
        decided_by=decided_by,
        decided_on=on,
        refusing_escalation=refusing_escalation,
        discretion_considered=discretion_considered,
    )


def _found(assessment: ExclusionAssessment, kind: object, refusing: bool) -> Ground:
    if kind not in get_args(GroundKind):
        known = ", ".join(get_args(GroundKind))
        raise InvalidRecord(f"unknown ground {shown(kind)} (known: {known})", path="grounds")
    if kind == "policy":
        raise InvalidRecord(
            f"{assessment.edition.cite('exclusion_grounds').number}: a policy ground is given "
            "as policy_ground(description, policy_reference=...), not by its kind alone",
            path="grounds",
        )
    ground = next((g for g in assessment.grounds if g.kind == kind), None)
    if ground is None:
        raise ProvisionViolation(
            assessment.edition.cite("refuse_escalation" if refusing else "accept"),
            f"the assessment of {assessment.on} did not find the ground relied on ({kind})",
        )
    return ground
