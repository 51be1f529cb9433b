"""The duties around a self-assessment: approval, age, fresh assessments, exceptional circumstances.

A self-assessment is not done once. Under the 2024 Code it goes to the
governing body with the annual report (8.1, 8.2), is done again after a
significant restructure, merger or change in procedures (8.3) and, where the
Ombudsman asks after an investigation, revisited (8.4); where exceptional
circumstances stop the landlord complying, the Ombudsman and the residents are
told, the fact is published, and a date for complying again is given (8.5).
The 2022 edition has the yearly assessment (its 8.1), the fresh one after a
restructure or change in procedures (its 8.2) and the report to the governing
body (its 8.3), and nothing like 8.4 or 8.5.

The records here (:class:`OrganisationalChange`, :class:`OmbudsmanRequest`,
:class:`ExceptionalCircumstances`) are kept beside the form; :func:`duty_problems`
reads them, with the form's dates, as they stood on a day. Re-exported by
:mod:`complaintcode.selfassessment`, which documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, Protocol, get_args

import attrs

from complaintcode import _fields
from complaintcode._codec import shown
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import Provision, provision

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__: list[str] = []

#: The kinds of change after which a self-assessment is done again (8.3).
ChangeKind = Literal["restructure", "merger", "procedures"]
CHANGE_KINDS: tuple[str, ...] = get_args(ChangeKind)
_CHANGE_WORDS = {
    "restructure": "a significant restructure",
    "merger": "a merger",
    "procedures": "a significant change in procedures",
}


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecord(f"expected a non-empty text, got {shown(value)}", path=attribute.name)


def _kind(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in CHANGE_KINDS:
        known = ", ".join(repr(k) for k in CHANGE_KINDS)
        raise InvalidRecord(f"unknown kind of change {shown(value)} (known: {known})", path="kind")


@attrs.frozen(kw_only=True)
class OrganisationalChange:
    """A significant restructure, merger or change in procedures, after which to self-assess (8.3).

    Attributes:
        on: The day the change took effect.
        kind: ``"restructure"``, ``"merger"`` or ``"procedures"``.
        description: What changed, in a line.

    Raises:
        InvalidRecord: For a wrong type, an unknown kind or a blank description.

    >>> import datetime as dt
    >>> OrganisationalChange(
    ...     on=dt.date(2024, 10, 1), kind="merger", description="Merged with Northside Homes"
    ... ).kind
    'merger'
    """

    on: dt.date = attrs.field(validator=_fields.date)
    kind: ChangeKind = attrs.field(validator=_kind)
    description: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class OmbudsmanRequest:
    """The Ombudsman's request, after an investigation, to revisit the self-assessment (8.4).

    Attributes:
        on: The day of the request.
        investigation: The Ombudsman's case reference, if any.

    >>> import datetime as dt
    >>> OmbudsmanRequest(on=dt.date(2024, 11, 5), investigation="202412345").investigation
    '202412345'
    """

    on: dt.date = attrs.field(validator=_fields.date)
    investigation: str | None = attrs.field(default=None, validator=_fields.optional_text)


def _not_before(
    instance: ExceptionalCircumstances, attribute: attrs.Attribute[Any], value: object
) -> None:
    _fields.optional_date(instance, attribute, value)
    if isinstance(value, dt.date) and value < instance.began_on:
        raise InvalidRecord(
            f"{value.isoformat()} is before the circumstances began "
            f"({instance.began_on.isoformat()})",
            path=attribute.name,
        )


@attrs.frozen(kw_only=True)
class ExceptionalCircumstances:
    """Exceptional circumstances that stop the landlord complying with the Code (8.5).

    The Code asks the landlord to tell the Ombudsman, to tell the residents who
    may be affected, to publish it on its website, and to give a date for
    complying again. Each is a field here; one left empty is reported by
    :meth:`SelfAssessment.problems <complaintcode.selfassessment.SelfAssessment.problems>`
    with ``as_of``.

    Attributes:
        what: What happened, and what it stops the landlord doing.
        began_on: When it began.
        ombudsman_told_on: When the Ombudsman was told.
        residents_told_on: When the residents who may be affected were told.
        published_on: When it was published on the landlord's website.
        compliance_by: The date given for complying with the Code again.
        complied_again_on: The day the landlord complied again, once it did.

    Raises:
        InvalidRecord: For a wrong type, a blank ``what``, or a date before ``began_on``.

    >>> import datetime as dt
    >>> cyber = ExceptionalCircumstances(
    ...     what="A cyber attack took the housing system offline.",
    ...     began_on=dt.date(2024, 9, 2),
    ...     ombudsman_told_on=dt.date(2024, 9, 4),
    ... )
    >>> cyber.is_over(dt.date(2024, 10, 1))
    False
    """

    what: str = attrs.field(validator=_text)
    began_on: dt.date = attrs.field(validator=_fields.date)
    ombudsman_told_on: dt.date | None = attrs.field(default=None, validator=_not_before)
    residents_told_on: dt.date | None = attrs.field(default=None, validator=_not_before)
    published_on: dt.date | None = attrs.field(default=None, validator=_not_before)
    compliance_by: dt.date | None = attrs.field(default=None, validator=_not_before)
    complied_again_on: dt.date | None = attrs.field(default=None, validator=_not_before)

    def is_over(self, as_of: dt.date) -> bool:
        """Whether the landlord complied again on or before ``as_of``."""
        return self.complied_again_on is not None and self.complied_again_on <= as_of


def year_after(day: dt.date) -> dt.date:
    """The same day a year later; 29 February gives 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


class FormDates(Protocol):
    """What the duties read from a self-assessment: its edition, its dates and its records."""

    @property
    def edition(self) -> int: ...
    @property
    def completed_on(self) -> dt.date | None: ...
    @property
    def approved_by(self) -> str | None: ...
    @property
    def approved_on(self) -> dt.date | None: ...
    @property
    def changes(self) -> tuple[OrganisationalChange, ...]: ...
    @property
    def ombudsman_requests(self) -> tuple[OmbudsmanRequest, ...]: ...
    @property
    def exceptional_circumstances(self) -> tuple[ExceptionalCircumstances, ...]: ...


def _yearly(edition: int) -> Provision:
    return provision("8.1") if edition == 2024 else provision("8.1", 2022)


def _to_governing_body(edition: int) -> Provision:
    return provision("8.2") if edition == 2024 else provision("8.3", 2022)


def _after_change(edition: int) -> Provision:
    return provision("8.3") if edition == 2024 else provision("8.2", 2022)


def _finding(
    cited: Provision, message: str, on: dt.date | None = None, due: dt.date | None = None
) -> Finding:
    return Finding(
        provision=cited,
        message=message,
        severity="breach" if cited.must else "warning",
        on=on,
        due=due,
    )


def duty_problems(form: FormDates, as_of: dt.date) -> Iterator[Finding]:
    """The duties' findings, as things stood at the end of ``as_of``; see ``SelfAssessment.problems``."""
    edition, completed = form.edition, form.completed_on
    if completed is None:
        yield _finding(_yearly(edition), "the self-assessment has no completion date")
    elif completed > as_of:
        pass  # completed after the day looked from: nothing about it is known yet
    elif year_after(completed) < as_of:
        yield _finding(
            _yearly(edition),
            f"the self-assessment was completed on {completed.isoformat()}, more than a year "
            f"before {as_of.isoformat()}",
            due=year_after(completed),
        )
    approved = form.approved_on
    if approved is None or form.approved_by is None or approved > as_of:
        yield _finding(
            _to_governing_body(edition),
            "the self-assessment has not been approved by the governing body"
            if approved is None or approved > as_of
            else "the self-assessment does not say who approved it for the governing body",
        )
    for change in form.changes:
        if change.on <= as_of and (completed is None or completed < change.on):
            yield _finding(
                _after_change(edition),
                f"not assessed again after {_CHANGE_WORDS[change.kind]} on "
                f"{change.on.isoformat()} ({change.description})",
                on=change.on,
            )
    if edition != 2024:
        return  # the 2022 edition has nothing like 8.4 and 8.5
    for request in form.ombudsman_requests:
        if request.on <= as_of and (completed is None or completed < request.on):
            case = f" (investigation {request.investigation})" if request.investigation else ""
            yield _finding(
                provision("8.4"),
                f"not revisited after the Ombudsman asked on {request.on.isoformat()}{case}",
                on=request.on,
            )
    for event in form.exceptional_circumstances:
        if event.began_on <= as_of:
            yield from _circumstance_gaps(event, as_of)


def _circumstance_gaps(event: ExceptionalCircumstances, as_of: dt.date) -> Iterator[Finding]:
    cited = provision("8.5")
    began = event.began_on.isoformat()
    told = (
        (event.ombudsman_told_on, "the Ombudsman has not been told"),
        (event.residents_told_on, "the residents who may be affected have not been told"),
        (event.published_on, "it has not been published"),
    )
    for day, gap in told:
        if day is None or day > as_of:
            yield _finding(
                cited, f"exceptional circumstances since {began}: {gap}", on=event.began_on
            )
    due = event.compliance_by
    if due is None:
        yield _finding(
            cited,
            f"exceptional circumstances since {began}: no date is given for complying again",
            on=event.began_on,
        )
    elif due < as_of and not event.is_over(as_of):
        yield _finding(
            cited,
            f"exceptional circumstances since {began}: not complying again by "
            f"{due.isoformat()} (as of {as_of.isoformat()})",
            on=event.began_on,
            due=due,
        )
