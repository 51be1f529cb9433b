"""The answers of a self-assessment: one per provision, and what each may lack.

The public names are re-exported from :mod:`complaintcode.selfassessment`, which
documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

import attrs

from complaintcode._codec import check_text, shown
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding, Severity
from complaintcode.provisions import Provision
from complaintcode.selfassessment._cells import COMPLY_VALUES, Comply

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__: list[str] = []

_T = TypeVar("_T")


def _where(instance: object) -> str | None:
    found = getattr(instance, "provision", None)
    return found.number if isinstance(found, Provision) else None


def _check_provision(_instance: object, _attribute: attrs.Attribute[_T], value: _T) -> None:
    if not isinstance(value, Provision):
        raise InvalidRecord(f"provision must be a Provision, not {type(value).__name__}")


def _check_comply(instance: object, _attribute: attrs.Attribute[_T], value: _T) -> None:
    if value not in COMPLY_VALUES:
        accepted = ", ".join(repr(v) for v in COMPLY_VALUES)
        raise InvalidRecord(
            f"comply must be one of {accepted}, not {shown(value)}", path=_where(instance)
        )


def _check_text(instance: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if not isinstance(value, str):
        message = f"{attribute.name} must be a str, not {type(value).__name__}"
        raise InvalidRecord(message, path=_where(instance))
    try:
        check_text(value, attribute.name)
    except InvalidRecord as err:
        raise InvalidRecord(f"{attribute.name}: {err.message}", path=_where(instance)) from None


def check_optional_text(instance: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if value is not None:
        _check_text(instance, attribute, value)


def check_date(instance: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        message = f"{attribute.name} must be a datetime.date or None, not {shown(value)}"
        raise InvalidRecord(message, path=_where(instance))


@attrs.frozen(kw_only=True)
class Answer:
    """A landlord's answer for one provision.

    Attributes:
        provision: The provision answered.
        comply: ``"yes"``, ``"no"``, ``"partial"`` or ``"n/a"`` (see :data:`Comply`).
        evidence: Where the compliance is shown (a policy section, a web page).
        commentary: The landlord's commentary.
        explanation: For a ``"no"`` or ``"partial"``: why, and what is being done.
        comply_by: For a ``"no"`` or ``"partial"``: the date by which it will comply.

    >>> from complaintcode.provisions import provision
    >>> Answer(provision=provision("6.13"), comply="yes", evidence="Policy 9.2").comply
    'yes'
    """

    provision: Provision = attrs.field(validator=_check_provision)
    comply: Comply = attrs.field(validator=_check_comply)
    evidence: str = attrs.field(default="", validator=_check_text)
    commentary: str = attrs.field(default="", validator=_check_text)
    explanation: str = attrs.field(default="", validator=_check_text)
    comply_by: dt.date | None = attrs.field(default=None, validator=check_date)


def _check_answer(instance: object, _attribute: attrs.Attribute[_T], value: _T) -> None:
    if value is not None and not isinstance(value, Answer):
        raise InvalidRecord(f"answer must be an Answer or None, not {type(value).__name__}")
    if isinstance(value, Answer) and value.provision != getattr(instance, "provision", None):
        where = _where(instance)
        raise InvalidRecord(f"the answer is for {value.provision.number}, not {where}", path=where)


@attrs.frozen(kw_only=True)
class SelfAssessmentEntry:
    """One provision of a self-assessment, answered or not.

    Attributes:
        provision: The provision.
        answer: The landlord's :class:`Answer`, or ``None`` while unanswered.

    >>> from complaintcode.selfassessment import SelfAssessment
    >>> SelfAssessment.blank().entry("6.13").answered
    False
    """

    provision: Provision = attrs.field(validator=_check_provision)
    answer: Answer | None = attrs.field(default=None, validator=_check_answer)

    @property
    def answered(self) -> bool:
        """Whether the provision has an answer."""
        return self.answer is not None


@attrs.frozen(kw_only=True)
class SelfAssessmentSummary:
    """How many provisions a self-assessment answers, and how.

    >>> from complaintcode.selfassessment import SelfAssessment
    >>> SelfAssessment.blank().answer("1.2", "yes").summary().unanswered
    71
    """

    total: int
    answered: int
    yes: int
    no: int
    partial: int
    not_applicable: int

    @property
    def unanswered(self) -> int:
        """How many provisions are not answered yet."""
        return self.total - self.answered


def entry_problems(entry: SelfAssessmentEntry) -> Iterator[Finding]:
    """The findings for one entry; see ``SelfAssessment.problems`` for the rules."""
    p, given = entry.provision, entry.answer
    if given is None:
        yield Finding(provision=p, message="not answered", severity="warning")
        return
    if given.comply in ("no", "partial"):
        severity: Severity = "breach" if p.must else "warning"
        said = f"answered {given.comply!r}"
        if not given.explanation.strip():
            yield Finding(provision=p, message=f"{said} without an explanation", severity=severity)
        if given.comply_by is None:
            message = f"{said} without a date by which it will comply"
            yield Finding(provision=p, message=message, severity=severity)
    elif given.comply == "yes" and not given.evidence.strip():
        yield Finding(provision=p, message="answered 'yes' without evidence", severity="warning")
