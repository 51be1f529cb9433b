"""Remedies: putting things right, and following them through (section 7).

Where something has gone wrong, the landlord acknowledges it and sets out what
it has done, or will do, to put things right (7.1). :class:`RemedyKind` lists
the kinds of remedy 7.1 names. A :class:`Remedy` says what will happen and by
when (7.3); a financial remedy also says how much, in pounds, as a
:class:`~decimal.Decimal`. Remedies are followed through to completion (7.3):
:func:`outstanding_remedies` and :func:`overdue_remedies` say which are not yet done, and
:func:`overdue_remedy_findings` reports the late ones.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from complaintcode.remedies import Remedy, RemedyKind
>>> pay = Remedy(
...     kind=RemedyKind.FINANCIAL,
...     what="We will pay you for the missed visits.",
...     by_when=dt.date(2024, 7, 12),
...     amount=Decimal("150"),
... )
>>> pay.amount
Decimal('150.00')
>>> pay.problems()
()
>>> [str(f) for f in Remedy(kind="record_amended", what="Correct the rent account.").problems()]
['7.3: the remedy does not say by when it will happen']
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode import _fields
from complaintcode._codec import shown
from complaintcode._fast_readers import implied_by, read_as_record
from complaintcode.editions import CODE_2024, Edition
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "IN_LETTER_KINDS",
    "Remedy",
    "RemedyKind",
    "outstanding_remedies",
    "overdue_remedies",
    "overdue_remedy_findings",
]


class RemedyKind(enum.Enum):
    """The kinds of remedy that 7.1 names.

    The value is the stable name used in data (``"financial"``); :attr:`label`
    is the plain-language name used in letters.

    >>> RemedyKind.FINANCIAL.value, RemedyKind.FINANCIAL.label
    ('financial', 'Financial remedy')
    """

    APOLOGY = "apology"
    ACKNOWLEDGEMENT = "acknowledgement"
    EXPLANATION = "explanation"
    ACTION_ON_DELAY = "action_on_delay"
    DECISION_CHANGED = "decision_changed"
    RECORD_AMENDED = "record_amended"
    FINANCIAL = "financial"
    POLICY_CHANGE = "policy_change"

    @property
    def label(self) -> str:
        """The kind in plain words, as a letter names it.

        >>> RemedyKind.DECISION_CHANGED.label
        'Reconsidered or changed decision'
        """
        return _LABELS[self]

    @classmethod
    def _missing_(cls, value: object) -> RemedyKind:
        """``RemedyKind(...)`` is refused as :meth:`parse` refuses it (7.1 names the kinds).

        >>> RemedyKind("refund")
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: kind: unknown kind of remedy 'refund' (known: apology, acknowledgement, explanation, action_on_delay, decision_changed, record_amended, financial, policy_change)
        """
        return cls.parse(value)

    @classmethod
    def parse(cls, value: object) -> RemedyKind:
        """Read a kind from a member or its value.

        Raises:
            InvalidRecord: For anything that is not a kind of remedy.

        >>> RemedyKind.parse("apology")
        <RemedyKind.APOLOGY: 'apology'>
        """
        if isinstance(value, RemedyKind):
            return value
        try:
            found = cls._value2member_map_.get(value)
        except TypeError:  # an unhashable value (a list, an object) is no kind
            found = None
        if isinstance(found, RemedyKind):
            return found
        known = ", ".join(k.value for k in cls)
        raise InvalidRecord(f"unknown kind of remedy {shown(value)} (known: {known})", path="kind")


#: An amount as :meth:`Remedy.to_dict` writes it, and as the JSON Schema describes it.
_STORED_AMOUNT = re.compile(r"(0|[1-9][0-9]{0,15})\.[0-9]{2}")

_LABELS: dict[RemedyKind, str] = {
    RemedyKind.APOLOGY: "Apology",
    RemedyKind.ACKNOWLEDGEMENT: "Acknowledging what went wrong",
    RemedyKind.EXPLANATION: "Explanation, assistance or reasons",
    RemedyKind.ACTION_ON_DELAY: "Action on delay",
    RemedyKind.DECISION_CHANGED: "Reconsidered or changed decision",
    RemedyKind.RECORD_AMENDED: "Record amended or corrected",
    RemedyKind.FINANCIAL: "Financial remedy",
    RemedyKind.POLICY_CHANGE: "Change to a policy, procedure or practice",
}

#: The kinds that a letter can give by itself: an apology, an acknowledgement
#: of what went wrong, an explanation. Without a ``by_when`` such a remedy is
#: taken to be given by the letter that offers it, so it needs no date and is
#: never outstanding.
IN_LETTER_KINDS: frozenset[RemedyKind] = frozenset(
    {RemedyKind.APOLOGY, RemedyKind.ACKNOWLEDGEMENT, RemedyKind.EXPLANATION}
)


def _kind(value: object) -> RemedyKind:
    return RemedyKind.parse(value)


@attrs.frozen(kw_only=True)
class Remedy:
    """One remedy offered to put things right (7.1), with what and by when (7.3).

    Attributes:
        kind: The kind of remedy (a :class:`RemedyKind`, or its value).
        what: What will happen (or has happened), in plain words.
        by_when: The date by which it will happen, or ``None``.
        amount: For a financial remedy, and only for one, the amount in pounds:
            a ``Decimal`` (or an int, or a string such as ``"150.00"``), not
            negative, at most two decimal places, held as two places. A float
            is refused.
        completed_on: The day it was done, or ``None`` while it is not.

    Raises:
        InvalidRecord: For a wrong type, a float or malformed amount, a
            financial remedy without an amount, or an amount on another kind.

    >>> Remedy(kind="apology", what="We are sorry for the missed visits.").given_in_letter
    True
    """

    kind: RemedyKind = attrs.field(converter=_kind)
    what: str = attrs.field(validator=_fields.text)
    by_when: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    amount: Decimal | None = attrs.field(default=None, converter=_fields.money)
    completed_on: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)

    def __attrs_post_init__(self) -> None:
        if self.kind is RemedyKind.FINANCIAL and self.amount is None:
            raise InvalidRecord("a financial remedy needs an amount in pounds", path="amount")
        if self.kind is not RemedyKind.FINANCIAL and self.amount is not None:
            raise InvalidRecord(
                f"only a financial remedy has an amount (this one is {self.kind.value!r})",
                path="amount",
            )

    @property
    def given_in_letter(self) -> bool:
        """Whether the letter itself gives this remedy.

        True for an apology, an acknowledgement or an explanation
        (:data:`IN_LETTER_KINDS`) with no ``by_when`` and not marked completed:
        the letter that offers it delivers it.

        >>> Remedy(kind="apology", what="Sorry.", by_when=dt.date(2024, 7, 1)).given_in_letter
        False
        """
        return self.kind in IN_LETTER_KINDS and self.by_when is None and self.completed_on is None

    def complete(self, on: dt.date) -> Remedy:
        """The same remedy, completed on a day.

        Args:
            on: The day it was done.

        Returns:
            A new :class:`Remedy`; this one is unchanged.

        Raises:
            InvalidRecord: If ``on`` is not a date, or the remedy is already completed.

        >>> r = Remedy(kind="record_amended", what="Fix the record.", by_when=dt.date(2024, 7, 1))
        >>> r.complete(dt.date(2024, 6, 28)).completed_on
        datetime.date(2024, 6, 28)
        """
        _fields.check_date(on, "on")
        if self.completed_on is not None:
            raise InvalidRecord(
                f"the remedy was already completed on {self.completed_on.isoformat()}", path="on"
            )
        return attrs.evolve(self, completed_on=on)

    def is_outstanding(self, as_of: dt.date) -> bool:
        """Whether the remedy is still to be done on a day (7.3).

        A remedy given in the letter itself is never outstanding; any other is
        outstanding until the day it is completed.

        >>> r = Remedy(kind="record_amended", what="Fix it.", by_when=dt.date(2024, 7, 1))
        >>> r.is_outstanding(dt.date(2024, 7, 2))
        True
        """
        _fields.check_date(as_of, "as_of")
        if self.given_in_letter:
            return False
        return self.completed_on is None or self.completed_on > as_of

    def is_overdue(self, as_of: dt.date) -> bool:
        """Whether the remedy is outstanding after its ``by_when`` date (7.3).

        >>> r = Remedy(kind="record_amended", what="Fix it.", by_when=dt.date(2024, 7, 1))
        >>> r.is_overdue(dt.date(2024, 7, 1)), r.is_overdue(dt.date(2024, 7, 2))
        (False, True)
        """
        return self.is_outstanding(as_of) and self.by_when is not None and as_of > self.by_when

    def problems(self, edition: Edition = CODE_2024) -> tuple[Finding, ...]:
        """What the remedy fails to say under 7.1 and 7.3, as findings.

        A remedy still to happen must say what will happen and by when (7.3).
        A missing ``by_when`` is not a finding when the remedy is completed, or
        when it is given in the letter itself (:attr:`given_in_letter`). A
        remedy already given (completed, or given in the letter) with no
        ``what`` fails to set out the action taken to put things right (7.1).

        Args:
            edition: The edition whose provision numbers to cite.

        Returns:
            One finding per gap; empty when the remedy is complete.

        >>> [str(f) for f in Remedy(kind="policy_change", what=" ").problems()]
        ['7.3: the remedy does not say what will happen', '7.3: the remedy does not say by when it will happen']
        """
        p73 = edition.cite("remedy_by_when")
        found: list[Finding] = []
        if not self.what.strip():
            if self.completed_on is not None or self.given_in_letter:
                found.append(
                    Finding(
                        provision=edition.cite("remedy"),
                        message="the remedy does not set out what was done to put things right",
                    )
                )
            else:
                found.append(
                    Finding(provision=p73, message="the remedy does not say what will happen")
                )
        if self.by_when is None and self.completed_on is None and not self.given_in_letter:
            found.append(
                Finding(provision=p73, message="the remedy does not say by when it will happen")
            )
        return tuple(found)

    def to_dict(self) -> dict[str, str | None]:
        """The remedy as JSON-ready data; the amount is a string such as ``"150.00"``.

        >>> Remedy(kind="financial", what="Pay.", amount=150).to_dict()["amount"]
        '150.00'
        """
        return {
            "kind": self.kind.value,
            "what": self.what,
            "by_when": self.by_when.isoformat() if self.by_when else None,
            "amount": str(self.amount) if self.amount is not None else None,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
        }

    @classmethod
    def from_dict(cls, data: object, *, path: str = "remedy") -> Remedy:
        """Rebuild a remedy from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field.

        >>> r = Remedy(kind="financial", what="Pay.", amount="75.5", by_when=dt.date(2024, 7, 1))
        >>> Remedy.from_dict(r.to_dict()) == r
        True
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
        known = _REMEDY_FIELDS if cls is Remedy else {f.name for f in attrs.fields(cls)}
        if not known.issuperset(data):
            unknown = sorted((k for k in data if k not in known), key=shown)
            raise InvalidRecord(f"unknown field {shown(unknown[0])}", path=path)
        for required in ("kind", "what"):
            if required not in data:
                raise InvalidRecord("missing required field", path=f"{path}.{required}")
        kwargs: dict[str, Any] = dict(data)
        for name in ("by_when", "completed_on"):
            kwargs[name] = _fields.iso_date(data.get(name), f"{path}.{name}")
        amount = data.get("amount")
        if amount is not None and not isinstance(amount, str):
            raise InvalidRecord(
                f"expected the amount as a string such as '150.00', got {type(amount).__name__}",
                path=f"{path}.amount",
            )
        try:
            remedy = cls(**kwargs)
        except InvalidRecord as err:
            raise InvalidRecord(err.message, path=f"{path}.{err.path}") from None
        if amount is not None and not _STORED_AMOUNT.fullmatch(amount):  # as to_dict writes it
            raise InvalidRecord(
                f"a stored amount has two decimal places, such as '150.00', not {shown(amount)}",
                path=f"{path}.amount",
            )
        return remedy


#: The fields :meth:`Remedy.from_dict` accepts.
_REMEDY_FIELDS = frozenset(f.name for f in attrs.fields(Remedy))


def _stored_amount(data: dict[str, Any]) -> bool:
    """Whether a stored remedy's amount is absent, null or as :meth:`Remedy.to_dict` writes it."""
    amount = data.get("amount")
    return amount is None or (
        amount.__class__ is str and _STORED_AMOUNT.fullmatch(amount) is not None
    )


# A stored remedy is read field by field where its amount is stored as to_dict writes it.
read_as_record(Remedy, _stored_amount)
implied_by(_kind, lambda kind: kind is RemedyKind)  # RemedyKind.parse gives a kind back unchanged


def _remedies(remedies: Iterable[Remedy]) -> tuple[Remedy, ...]:
    if isinstance(remedies, (str, bytes, Remedy)) or not hasattr(remedies, "__iter__"):
        raise InvalidRecord(
            f"expected an iterable of remedies, got {type(remedies).__name__}", path="remedies"
        )
    out = tuple(remedies)
    for i, r in enumerate(out):
        if not isinstance(r, Remedy):
            raise InvalidRecord(f"expected a Remedy, got {type(r).__name__}", path=f"remedies[{i}]")
    return out


def outstanding_remedies(remedies: Iterable[Remedy], as_of: dt.date) -> tuple[Remedy, ...]:
    """The remedies not yet completed on a day, in the order given (7.3).

    Args:
        remedies: The remedies offered.
        as_of: The day to judge on.

    Returns:
        Those for which :meth:`Remedy.is_outstanding` is true.

    Raises:
        InvalidRecord: If a remedy or the date is of the wrong type.

    >>> fix = Remedy(kind="record_amended", what="Fix it.", by_when=dt.date(2024, 7, 1))
    >>> sorry = Remedy(kind="apology", what="We are sorry.")
    >>> outstanding_remedies([fix, sorry], dt.date(2024, 6, 1)) == (fix,)
    True
    """
    _fields.check_date(as_of, "as_of")
    return tuple(r for r in _remedies(remedies) if r.is_outstanding(as_of))


def overdue_remedies(remedies: Iterable[Remedy], as_of: dt.date) -> tuple[Remedy, ...]:
    """The remedies still outstanding after their ``by_when`` date (7.3).

    Args:
        remedies: The remedies offered.
        as_of: The day to judge on.

    Returns:
        Those for which :meth:`Remedy.is_overdue` is true.

    Raises:
        InvalidRecord: If a remedy or the date is of the wrong type.

    >>> fix = Remedy(kind="record_amended", what="Fix it.", by_when=dt.date(2024, 7, 1))
    >>> overdue_remedies([fix], dt.date(2024, 7, 2)) == (fix,)
    True
    """
    _fields.check_date(as_of, "as_of")
    return tuple(r for r in _remedies(remedies) if r.is_overdue(as_of))


def overdue_remedy_findings(
    remedies: Iterable[Remedy], as_of: dt.date, edition: Edition = CODE_2024
) -> tuple[Finding, ...]:
    """A finding for each remedy not followed through by its date (7.3).

    Args:
        remedies: The remedies offered.
        as_of: The day to judge on.
        edition: The edition whose provision numbers to cite.

    Returns:
        One breach per overdue remedy, with ``due`` its ``by_when`` and ``on``
        the day judged.

    Raises:
        InvalidRecord: If a remedy or the date is of the wrong type.

    >>> fix = Remedy(kind="record_amended", what="Fix it.", by_when=dt.date(2024, 7, 1))
    >>> [str(f) for f in overdue_remedy_findings([fix], dt.date(2024, 7, 2))]
    ["7.3: the remedy 'Fix it.' was due by 2024-07-01 and is not complete"]
    """
    p73 = edition.cite("remedy_by_when")
    return tuple(
        Finding(
            provision=p73,
            message=f"the remedy '{r.what}' was due by {r.by_when.isoformat()} and is not complete",
            on=as_of,
            due=r.by_when,
        )
        for r in overdue_remedies(remedies, as_of)
        if r.by_when is not None
    )
