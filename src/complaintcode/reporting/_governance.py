"""The governing body's part in the annual report, and what the report lacks before publication.

The annual complaints performance and service improvement report carries a
qualitative analysis as well as the figures (8.1), goes to the landlord's
governing body, and is published with the body's response (8.2); a member of
the governing body is the Member Responsible for Complaints (9.5), whose name
the report gives. :class:`GoverningBody` holds those facts, filled in as they
happen; :func:`report_problems` says what is still missing.

The report's own duties are those of the 2024 Code, whatever year it covers:
every annual report published since 1 April 2024 is published under it. The
record of each response's outcome (5.12) is cited by the edition in force on
the year's first day, as the report's other citations are.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode import _fields
from complaintcode._codec import check_text, key_path, shown
from complaintcode.editions import edition_for
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding
from complaintcode.provisions import provision

if TYPE_CHECKING:
    from complaintcode.reporting import AnnualReport

__all__: list[str] = []

_KEYS = ("name", "member_responsible", "reported_on", "response", "responded_on")


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidRecord(
            f"expected a non-empty text or None, got {shown(value)}", path=attribute.name
        )
    if value is not None:
        check_text(value, attribute.name)


@attrs.frozen(kw_only=True)
class GoverningBody:
    """The governing body's part in the annual report: when it had it, and its response (8.2, 9.5).

    Attributes:
        name: What the landlord calls its governing body, such as ``"the Board"``.
        member_responsible: The name of the Member Responsible for Complaints (9.5).
        reported_on: The day the report went to the governing body (8.2).
        response: The governing body's response, to be published with the report (8.2).
        responded_on: The day of the response.

    Raises:
        InvalidRecord: For a wrong type, a blank text, or a response dated
            before the report went to the governing body.

    >>> import datetime as dt
    >>> board = GoverningBody(
    ...     name="the Board",
    ...     member_responsible="Priya Shah",
    ...     reported_on=dt.date(2025, 5, 20),
    ...     response="The Board welcomes the report.",
    ...     responded_on=dt.date(2025, 6, 3),
    ... )
    >>> board.member_responsible
    'Priya Shah'
    """

    name: str | None = attrs.field(default=None, validator=_optional_text)
    member_responsible: str | None = attrs.field(default=None, validator=_optional_text)
    reported_on: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)
    response: str | None = attrs.field(default=None, validator=_optional_text)
    responded_on: dt.date | None = attrs.field(default=None, validator=_fields.optional_date)

    def __attrs_post_init__(self) -> None:
        given, answered = self.reported_on, self.responded_on
        if given is not None and answered is not None and answered < given:
            raise InvalidRecord(
                f"the response is dated {answered.isoformat()}, before the report went to the "
                f"governing body ({given.isoformat()})",
                path="responded_on",
            )

    @classmethod
    def from_dict(cls, data: object, *, path: str = "governing_body") -> GoverningBody:
        """Read the fields from JSON-ready data: texts, and dates as ISO text or dates (TOML's).

        Raises:
            InvalidRecord: For an unknown key, a date that is not ISO text, or a
                bad value, with its path (``governing_body.reported_on``).

        >>> GoverningBody.from_dict({"reported_on": "2025-05-20"}).reported_on
        datetime.date(2025, 5, 20)
        """
        if not isinstance(data, dict):
            raise InvalidRecord(f"expected an object, got {type(data).__name__}", path=path)
        unknown = sorted((k for k in data if k not in _KEYS), key=shown)
        if unknown:
            raise InvalidRecord(
                f"unknown field (known: {', '.join(_KEYS)})", path=key_path(path, unknown[0])
            )
        values = dict(data)
        for key in ("reported_on", "responded_on"):
            value = values.get(key)
            if value is not None and type(value) is not dt.date:
                values[key] = _fields.iso_date(value, f"{path}.{key}")
        try:
            return cls(**values)
        except InvalidRecord as err:
            raise InvalidRecord(err.message, path=f"{path}.{err.path}") from None

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready: the texts, and the dates as ISO text (``None`` where not given)."""
        return {
            "name": self.name,
            "member_responsible": self.member_responsible,
            "reported_on": None if self.reported_on is None else self.reported_on.isoformat(),
            "response": self.response,
            "responded_on": None if self.responded_on is None else self.responded_on.isoformat(),
        }


def report_problems(report: AnnualReport) -> tuple[Finding, ...]:
    """What the report lacks before it can be published; see ``AnnualReport.problems``."""
    found: list[Finding] = []
    edition = edition_for(report.year.start)
    full_record = edition.cite("full_record")
    for stage, outcomes in (
        (1, report.counts.outcomes.stage_1),
        (2, report.counts.outcomes.stage_2),
    ):
        missing = outcomes.unrecorded
        if missing:
            responses = "response" if missing == 1 else "responses"
            verb = "has" if missing == 1 else "have"
            found.append(
                Finding(
                    provision=full_record,
                    message=f"{missing} stage {stage} {responses} made in the year {verb} no "
                    "recorded outcome (upheld, partly upheld or not upheld)",
                    severity=edition.severity("full_record"),
                )
            )
    report_duty = provision("8.1")
    if not report.qualitative_analysis:
        found.append(
            Finding(provision=report_duty, message="the report has no qualitative analysis")
        )
    assessment = report.self_assessment
    if assessment is None:
        found.append(
            Finding(
                provision=report_duty, message="the report does not include the self-assessment"
            )
        )
    else:
        gaps = assessment.problems()
        if gaps:
            breaches = sum(1 for f in gaps if f.severity == "breach")
            found.append(
                Finding(
                    provision=report_duty,
                    message=f"the self-assessment included has {len(gaps)} "
                    f"{'problem' if len(gaps) == 1 else 'problems'} "
                    f"({breaches} {'breach' if breaches == 1 else 'breaches'})",
                    severity="breach" if breaches else "warning",
                )
            )
    if not report.improvements:
        found.append(
            Finding(
                provision=report_duty,
                message="the report names no service improvements made from complaints",
                severity="warning",
            )
        )
    body = report.governing_body
    to_body = provision("8.2")
    if body.reported_on is None:
        found.append(
            Finding(provision=to_body, message="the report has not gone to the governing body")
        )
    if body.response is None:
        found.append(
            Finding(
                provision=to_body,
                message="the governing body's response, to be published with the report, is "
                "not recorded",
            )
        )
    elif body.responded_on is None:
        found.append(
            Finding(provision=to_body, message="the governing body's response is not dated")
        )
    if body.member_responsible is None:
        found.append(
            Finding(
                provision=provision("9.5"),
                message="the report does not name the Member Responsible for Complaints",
            )
        )
    return tuple(found)
