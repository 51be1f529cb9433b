"""The letters that acknowledge and answer a complaint, and the parts of an answer.

:class:`Acknowledgement` (5.6, 5.7), :class:`Stage1Response` (6.9) and
:class:`Stage2Response` (6.19), with the decision on each point
(:class:`PointDecision`, :class:`Outcome`) and the actions still to be done
(:class:`OutstandingAction`). Re-exported by :mod:`complaintcode.letters`, which
documents them and checks and renders them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from complaintcode import _fields
from complaintcode._codec import shown
from complaintcode._fast_readers import implied_by
from complaintcode.definition import ComplaintDefinition
from complaintcode.errors import InvalidRecord
from complaintcode.letters._notices import OMBUDSMAN_REFERRAL
from complaintcode.remedies import Remedy
from complaintcode.stages import Stage


class Outcome(enum.Enum):
    """The decision on one point of a complaint."""

    UPHELD = "upheld"
    PARTLY_UPHELD = "partly upheld"
    NOT_UPHELD = "not upheld"

    @classmethod
    def _missing_(cls, value: object) -> Outcome:
        """``Outcome(...)`` reads what :meth:`parse` reads, and refuses the rest as it does.

        >>> Outcome("Partly upheld")
        <Outcome.PARTLY_UPHELD: 'partly upheld'>
        >>> Outcome("maybe")
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: decision: unknown decision 'maybe' (known: 'upheld', 'partly upheld', 'not upheld')
        """
        return cls.parse(value)

    @classmethod
    def parse(cls, value: object) -> Outcome:
        """Read a decision from a member or its value (``"partly upheld"``).

        Raises:
            InvalidRecord: For anything else.

        >>> Outcome.parse("partly_upheld")
        <Outcome.PARTLY_UPHELD: 'partly upheld'>
        """
        if isinstance(value, Outcome):
            return value
        if isinstance(value, str):
            key = " ".join(value.replace("_", " ").split()).lower()
            for member in cls:
                if key == member.value:
                    return member
        known = ", ".join(repr(m.value) for m in cls)
        raise InvalidRecord(f"unknown decision {shown(value)} (known: {known})", path="decision")


def _decision(value: object) -> Outcome:
    return Outcome.parse(value)


implied_by(_decision, lambda kind: kind is Outcome)  # Outcome.parse gives an Outcome back unchanged


@attrs.frozen(kw_only=True)
class PointDecision:
    """The decision on one point of the complaint definition, with reasons (6.7, 6.18).

    Attributes:
        point: The point, as the complaint definition words it.
        decision: Upheld, partly upheld or not upheld.
        reasons: Why, in plain words.
        references: The policy, law or good practice the decision relies on,
            where relevant (6.7, 6.18).

    >>> PointDecision(point="damp", decision="upheld", reasons="We found damp.").upholds
    True
    """

    point: str = attrs.field(validator=_fields.text)
    decision: Outcome = attrs.field(converter=_decision)
    reasons: str = attrs.field(validator=_fields.text)
    references: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.texts, validator=_fields.tuple_of(str, "text")
    )

    @property
    def upholds(self) -> bool:
        """Whether the point is upheld in whole or in part: something went wrong."""
        return self.decision is not Outcome.NOT_UPHELD


@attrs.frozen(kw_only=True)
class OutstandingAction:
    """An action still to be done when the response is sent (6.6, 6.17).

    Attributes:
        what: What will be done.
        due: The date by which it will be done; a letter needs one (6.9(f)).

    >>> OutstandingAction(what="Replace the window", due=dt.date(2024, 8, 30)).due.year
    2024
    """

    what: str = attrs.field(validator=_fields.text)
    due: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class Acknowledgement:
    """The acknowledgement of a complaint at either stage (5.6, 5.7).

    Attributes:
        stage: The stage acknowledged.
        definition: The complaint definition, with the aspects the landlord is
            and is not responsible for (5.7) and any clarification asked (5.6).
        reference: The complaint's reference, if any.
        respond_by: The date the response is due, if it is to be stated.

    >>> d = ComplaintDefinition(
    ...     understanding="Damp in the bedroom.",
    ...     points=("damp",),
    ...     outcomes_sought=("treat the damp",),
    ...     not_responsible_for=("the neighbour's roof",),
    ... )
    >>> from complaintcode.letters import check_letter
    >>> check_letter(Acknowledgement(stage=1, definition=d))
    ()
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "acknowledgement"

    stage: Stage = attrs.field(converter=_fields.stage)
    definition: ComplaintDefinition = attrs.field(
        validator=_fields.instance_of(ComplaintDefinition, "a ComplaintDefinition")
    )
    reference: str | None = attrs.field(default=None, validator=_fields.optional_text)
    respond_by: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)


@attrs.frozen(kw_only=True)
class _Response:
    """The fields a stage 1 and a stage 2 response share (6.9, 6.19)."""

    stage: ClassVar[Stage]
    definition: ComplaintDefinition = attrs.field(
        validator=_fields.instance_of(ComplaintDefinition, "a ComplaintDefinition")
    )
    decisions: tuple[PointDecision, ...] = attrs.field(
        converter=_fields.to_tuple, validator=_fields.tuple_of(PointDecision, "a PointDecision")
    )
    remedies: tuple[Remedy, ...] = attrs.field(
        default=(), converter=_fields.to_tuple, validator=_fields.tuple_of(Remedy, "a Remedy")
    )
    outstanding_actions: tuple[OutstandingAction, ...] = attrs.field(
        default=(),
        converter=_fields.to_tuple,
        validator=_fields.tuple_of(OutstandingAction, "an OutstandingAction"),
    )
    escalation: str = attrs.field(validator=_fields.text)
    reference: str | None = attrs.field(default=None, validator=_fields.optional_text)

    @property
    def outcome(self) -> Outcome | None:
        """The decision on the complaint as a whole.

        Upheld when every point is upheld, not upheld when none is upheld in
        whole or part, partly upheld otherwise; ``None`` with no decisions.
        """
        if not self.decisions:
            return None
        kinds = {d.decision for d in self.decisions}
        if kinds == {Outcome.UPHELD}:
            return Outcome.UPHELD
        if kinds == {Outcome.NOT_UPHELD}:
            return Outcome.NOT_UPHELD
        return Outcome.PARTLY_UPHELD


@attrs.frozen(kw_only=True)
class Stage1Response(_Response):
    """The stage 1 response (6.9, items a to g).

    The stage (item a) is the type itself; :func:`~complaintcode.letters.render_letter` states it.

    Attributes:
        definition: The complaint definition (item b).
        decisions: One :class:`PointDecision` per point of the definition
            (items c and d; 6.7).
        remedies: The remedies offered to put things right (item e; 7.1, 7.3).
        outstanding_actions: What is still to be done, with dates (item f).
        escalation: How to escalate the complaint to stage 2 (item g).
        reference: The complaint's reference, if any.

    >>> Stage1Response.stage
    <Stage.ONE: 1>
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "stage_1_response"

    stage: ClassVar[Stage] = Stage.ONE


@attrs.frozen(kw_only=True)
class Stage2Response(_Response):
    """The stage 2 (final) response (6.19, items a to g).

    Attributes:
        definition: The complaint definition (item b).
        decisions: One :class:`PointDecision` per point of the definition
            (items c and d; 6.18).
        remedies: The remedies offered to put things right (item e; 7.1, 7.3).
        outstanding_actions: What is still to be done, with dates (item f).
        escalation: How to take the complaint to the Ombudsman (item g);
            :data:`OMBUDSMAN_REFERRAL` by default.
        reference: The complaint's reference, if any.

    >>> "0300 111 3000" in Stage2Response(
    ...     definition=ComplaintDefinition(understanding="u", points=("p",)), decisions=()
    ... ).escalation
    True
    """

    #: The ``"type"`` that names this kind of letter in its JSON form.
    json_tag: ClassVar[str] = "stage_2_response"

    stage: ClassVar[Stage] = Stage.TWO
    escalation: str = attrs.field(default=OMBUDSMAN_REFERRAL, validator=_fields.text)
