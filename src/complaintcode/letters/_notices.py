"""The Ombudsman's contact texts and the notices: extension, decline, refusal.

Re-exported by :mod:`complaintcode.letters`, which documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, Final, Protocol

import attrs

from complaintcode import _fields
from complaintcode._codec import MAX_WORKING_DAYS, shown
from complaintcode.errors import InvalidRecord
from complaintcode.stages import Stage

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The Housing Ombudsman Service's public contact details, as an extension
#: notice must give them (6.5, 6.16).
OMBUDSMAN_CONTACT: Final = (
    "Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET. "
    "Telephone: 0300 111 3000. Website: www.housing-ombudsman.org.uk"
)

#: The default text of a stage 2 response on taking the complaint to the
#: Ombudsman (6.19(g)).
OMBUDSMAN_REFERRAL: Final = (
    "If you are still not happy, you can ask the Housing Ombudsman Service to look at "
    "your complaint. The Ombudsman is free and independent. You can contact the "
    f"Ombudsman here: {OMBUDSMAN_CONTACT}."
)

#: The default text of a decline notice or an escalation refusal on the
#: resident's right to take the decision to the Ombudsman (2.4, 5.11).
OMBUDSMAN_RIGHT: Final = (
    "You have the right to ask the Housing Ombudsman Service to look at this decision. "
    f"The Ombudsman is free and independent. You can contact the Ombudsman here: "
    f"{OMBUDSMAN_CONTACT}."
)


def _days(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int or value < 1:
        raise InvalidRecord(
            f"expected a whole number of working days of 1 or more, got {shown(value)}",
            path="extension_days",
        )
    if value > MAX_WORKING_DAYS:
        raise InvalidRecord(
            f"an extension of {shown(value)} working days is more than a record may hold "
            f"({MAX_WORKING_DAYS})",
            path="extension_days",
        )


@attrs.frozen(kw_only=True)
class ExtensionNotice:
    """A notice extending the time to respond (6.4, 6.5 at stage 1; 6.15, 6.16 at stage 2).

    Give ``original_due`` (the extension is then counted in working days from
    it), ``extension_days``, or both (they must then agree).

    Attributes:
        stage: The stage whose response is extended.
        reason: Why more time is needed (6.4, 6.15).
        new_date: The date the response will now be sent.
        original_due: The date the response was due before the extension.
        extension_days: The length of the extension in working days.
        good_reason: The good reason for an extension longer than the
            edition's limit; empty when the extension is within it.
        ombudsman_contact: The Ombudsman's contact details (6.5, 6.16);
            :data:`OMBUDSMAN_CONTACT` by default.
        sent_on: The day the notice was sent, if known; it should be before
            the original due date.
        reference: The complaint's reference, if any.

    Raises:
        InvalidRecord: Without ``original_due`` and ``extension_days``, or
            with a ``new_date`` not after ``original_due``.

    >>> n = ExtensionNotice(
    ...     stage=2,
    ...     reason="We are waiting for a survey.",
    ...     original_due=dt.date(2024, 7, 1),
    ...     new_date=dt.date(2024, 7, 29),
    ... )
    >>> n.ombudsman_contact == OMBUDSMAN_CONTACT
    True
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "extension_notice"

    stage: Stage = attrs.field(converter=_fields.stage)
    reason: str = attrs.field(validator=_fields.text)
    new_date: dt.date = attrs.field(validator=_fields.date)
    original_due: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    extension_days: int | None = attrs.field(default=None, validator=_days)
    good_reason: str = attrs.field(default="", validator=_fields.text)
    ombudsman_contact: str = attrs.field(default=OMBUDSMAN_CONTACT, validator=_fields.text)
    sent_on: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    reference: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.original_due is None and self.extension_days is None:
            raise InvalidRecord(
                "give the original due date or the length of the extension in working days",
                path="original_due",
            )
        if self.original_due is not None and self.new_date <= self.original_due:
            raise InvalidRecord(
                f"the new date {self.new_date.isoformat()} must be after the original "
                f"due date {self.original_due.isoformat()}",
                path="new_date",
            )


class _GroundLike(Protocol):
    @property
    def reason(self) -> str: ...

    @property
    def provision(self) -> object: ...


class _DecisionLike(Protocol):
    @property
    def reasons(self) -> str: ...

    @property
    def grounds(self) -> Iterable[_GroundLike]: ...


def _from_decision(decision: _DecisionLike, *, refusing: bool) -> tuple[str, tuple[str, ...]]:
    """The reasons and the ground texts of an exclusion decision.

    A decision that says which kind it is (``refusing_escalation``) must be of
    the notice's kind. A ground's reason that does not already begin with its
    provision number has it added in brackets, and a ground set by the
    landlord's own policy (one with a ``policy_reference``, 2.2) whose reason
    does not name that reference has it added too, so that the resident can
    find the ground in the published policy.
    """
    kind = getattr(decision, "refusing_escalation", None)
    if isinstance(kind, bool) and kind is not refusing:
        use = "EscalationRefusal" if kind else "DeclineNotice"
        raise InvalidRecord(
            f"the decision {'refuses escalation' if kind else 'does not accept a complaint'}: "
            f"build a {use} from it",
            path="decision",
        )
    reasons = getattr(decision, "reasons", None)
    grounds = getattr(decision, "grounds", None)
    if not isinstance(reasons, str) or grounds is None or not hasattr(grounds, "__iter__"):
        raise InvalidRecord(
            f"expected a decision with .reasons (text) and .grounds, got {type(decision).__name__}",
            path="decision",
        )
    texts: list[str] = []
    for i, ground in enumerate(grounds):
        reason = getattr(ground, "reason", None)
        if not isinstance(reason, str):
            raise InvalidRecord("expected a ground with .reason text", path=f"grounds[{i}]")
        cited = getattr(ground, "provision", None)
        number = cited if isinstance(cited, str) else getattr(cited, "number", None)
        if number and not reason.startswith(str(number)):
            reason = f"{reason} (Complaint Handling Code {number})"
        policy = getattr(ground, "policy_reference", None)
        if isinstance(policy, str) and policy.strip() and policy.strip() not in reason:
            reason = f"{reason} (our complaints policy, {policy.strip()})"
        texts.append(reason)
    return reasons, tuple(texts)


@attrs.frozen(kw_only=True)
class DeclineNotice:
    """The notice that a complaint is not accepted (2.1, 2.4).

    Attributes:
        reasons: Why the matter is not suitable for the complaints process (2.4).
        grounds: The exclusion grounds it rests on, in words (2.1).
        ombudsman_right: The resident's right to take the decision to the
            Ombudsman (2.4); :data:`OMBUDSMAN_RIGHT` by default.
        reference: The complaint's reference, if any.

    >>> DeclineNotice(reasons="The matter is in court.").ombudsman_right == OMBUDSMAN_RIGHT
    True
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "decline_notice"

    reasons: str = attrs.field(validator=_fields.text)
    grounds: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.texts, validator=_fields.tuple_of(str, "text")
    )
    ombudsman_right: str = attrs.field(default=OMBUDSMAN_RIGHT, validator=_fields.text)
    reference: str | None = attrs.field(default=None, validator=_fields.optional_text)

    @classmethod
    def from_decision(
        cls, decision: _DecisionLike, ombudsman_right: str = OMBUDSMAN_RIGHT
    ) -> DeclineNotice:
        """Build the notice from an exclusion decision.

        Args:
            decision: Any object with ``reasons`` (text) and ``grounds``, each
                ground with a ``reason`` (text) and a ``provision`` (a
                :class:`~complaintcode.provisions.Provision`, a number, or ``None``),
                and, for a ground set by the landlord's policy, its
                ``policy_reference``.
            ombudsman_right: The text on the right to go to the Ombudsman.

        Returns:
            The notice, each ground worded as its reason and provision.

        Raises:
            InvalidRecord: If ``decision`` does not have that shape, or its
                ``refusing_escalation`` (where it has one) is true.

        >>> from types import SimpleNamespace as NS
        >>> d = NS(
        ...     reasons="The matter is in court.",
        ...     grounds=[NS(reason="Legal proceedings have started.", provision="2.2")],
        ... )
        >>> DeclineNotice.from_decision(d).grounds
        ('Legal proceedings have started. (Complaint Handling Code 2.2)',)
        >>> appeal = NS(reason="2.2: a statutory right of appeal", policy_reference="section 4.3")
        >>> DeclineNotice.from_decision(NS(reasons="You can appeal.", grounds=[appeal])).grounds
        ('2.2: a statutory right of appeal (our complaints policy, section 4.3)',)
        """
        reasons, grounds = _from_decision(decision, refusing=False)
        return cls(reasons=reasons, grounds=grounds, ombudsman_right=ombudsman_right)


@attrs.frozen(kw_only=True)
class EscalationRefusal:
    """The notice that a complaint will not be escalated to stage 2 (5.11).

    Attributes:
        reasons: Why the complaint will not be escalated (5.11).
        grounds: The section 2 grounds it rests on, in words (5.11).
        ombudsman_right: The resident's right to take the decision to the
            Ombudsman (5.11, applying 2.4); :data:`OMBUDSMAN_RIGHT` by default.
        reference: The complaint's reference, if any.

    >>> EscalationRefusal(reasons="Answered before.", grounds="Previously considered.").grounds
    ('Previously considered.',)
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "escalation_refusal"

    reasons: str = attrs.field(validator=_fields.text)
    grounds: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.texts, validator=_fields.tuple_of(str, "text")
    )
    ombudsman_right: str = attrs.field(default=OMBUDSMAN_RIGHT, validator=_fields.text)
    reference: str | None = attrs.field(default=None, validator=_fields.optional_text)

    @classmethod
    def from_decision(
        cls, decision: _DecisionLike, ombudsman_right: str = OMBUDSMAN_RIGHT
    ) -> EscalationRefusal:
        """Build the refusal from an exclusion decision; see :meth:`DeclineNotice.from_decision`.

        Raises:
            InvalidRecord: If ``decision`` does not have the expected shape,
                or its ``refusing_escalation`` (where it has one) is false.

        >>> from types import SimpleNamespace as NS
        >>> d = NS(reasons="This was answered before.", grounds=[])
        >>> EscalationRefusal.from_decision(d).reasons
        'This was answered before.'
        """
        reasons, grounds = _from_decision(decision, refusing=True)
        return cls(reasons=reasons, grounds=grounds, ombudsman_right=ombudsman_right)
