"""The facts a landlord knows about a complaint that bear on the exclusion grounds.

:class:`ExclusionFacts` (the dates of the issue, of the resident becoming aware,
of a claim filed at court or a pre-action letter) and :class:`PreviousComplaint`
(the same matter complained of before), with their stored form. The rules of
``_grounds`` read them. Import these names from :mod:`complaintcode.exclusions`,
which re-exports them.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Literal, get_args

import attrs

from complaintcode import _fields
from complaintcode._codec import read, record_to_plain
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions._field_checks import (
    build,
    date,
    instance_or_none,
    one_of,
    read_object,
    stored_date,
)
from complaintcode.stages import Stage

__all__ = ["ExclusionFacts", "PreviousComplaint", "PreviousStatus"]

#: How an earlier complaint about the same matter ended, or that it has not.
PreviousStatus = Literal["completed", "open", "withdrawn"]


@attrs.frozen(kw_only=True)
class PreviousComplaint:
    """An earlier complaint about the same matter (2.2).

    Attributes:
        reference: The earlier complaint's reference.
        completed_stage: The last stage at which the landlord responded to it;
            ``None`` if it never responded.
        status: ``"completed"`` when the complaint ended after that response:
            the stage 2 (final) response, or a stage 1 response the resident
            did not escalate. ``"open"`` while it is still in the process and
            ``"withdrawn"`` when the resident withdrew it; neither is a ground.
            A stage 2 response always completes the process.

    Raises:
        InvalidRecord: For ``"completed"`` without a response, or a stage 2
            response with any status but ``"completed"``.

    >>> PreviousComplaint(reference="C-1", completed_stage=Stage.TWO, status="completed").completed
    True
    """

    reference: str = attrs.field(validator=_fields.text)
    completed_stage: Stage | None = attrs.field(
        default=None, validator=functools.partial(instance_or_none, Stage)
    )
    status: PreviousStatus = attrs.field(
        validator=functools.partial(one_of, get_args(PreviousStatus))
    )

    def __attrs_post_init__(self) -> None:
        if not self.reference.strip():
            raise InvalidRecord("the earlier complaint needs its reference", path="reference")
        if self.status == "completed" and self.completed_stage is None:
            raise InvalidRecord(
                "a complaint completes the process only with a response", path="completed_stage"
            )
        if self.completed_stage is Stage.TWO and self.status != "completed":
            raise InvalidRecord(
                f"a stage 2 response is final, so the status is 'completed', not {self.status!r}",
                path="status",
            )

    @property
    def completed(self) -> bool:
        """Whether the matter completed the complaints process under this complaint."""
        return self.status == "completed"


@attrs.frozen(kw_only=True)
class ExclusionFacts:
    """What a landlord knows about a complaint that bears on the exclusion grounds.

    Attributes:
        received: The date the complaint was received.
        issue_occurred: The date the issue occurred; for a continuing issue, the
            latest date on which it occurred.
        became_aware: The date the resident became aware of the issue, if later.
        claim_filed_at_court: The date a claim about the matter was filed at court.
        pre_action_letter: The date of a pre-action letter or threat of
            proceedings; recorded, but never a claim.
        previously_considered: An earlier complaint about the same matter.

    Raises:
        InvalidRecord: Naming the field, for a wrong type, an issue occurring or
            a resident becoming aware after the complaint was received, or
            awareness before the issue occurred.

    >>> ExclusionFacts(received=dt.date(2024, 5, 1), issue_occurred=dt.date(2024, 6, 1))
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: issue_occurred: the issue cannot have occurred (2024-06-01) after the complaint was received (2024-05-01)
    """

    received: dt.date = attrs.field(validator=date)
    issue_occurred: dt.date = attrs.field(validator=date)
    became_aware: dt.date | None = attrs.field(default=None, validator=date)
    claim_filed_at_court: dt.date | None = attrs.field(default=None, validator=date)
    pre_action_letter: dt.date | None = attrs.field(default=None, validator=date)
    previously_considered: PreviousComplaint | None = attrs.field(
        default=None, validator=functools.partial(instance_or_none, PreviousComplaint)
    )

    def __attrs_post_init__(self) -> None:
        got, occurred, aware = self.received, self.issue_occurred, self.became_aware
        if occurred > got:
            raise InvalidRecord(
                f"the issue cannot have occurred ({occurred}) after the complaint was received "
                f"({got})",
                path="issue_occurred",
            )
        if aware is not None and aware > got:
            raise InvalidRecord(
                f"the resident cannot have become aware of the issue ({aware}) after the "
                f"complaint was received ({got})",
                path="became_aware",
            )
        if aware is not None and aware < occurred:
            raise InvalidRecord(
                f"the resident cannot have become aware of the issue ({aware}) before it "
                f"occurred ({occurred})",
                path="became_aware",
            )

    @property
    def limit_runs_from(self) -> dt.date:
        """The later of the issue occurring and the resident becoming aware (2.3)."""
        return max(self.issue_occurred, self.became_aware or self.issue_occurred)

    def to_dict(self) -> dict[str, Any]:
        """The facts as JSON-ready data, dates as ISO strings.

        >>> ExclusionFacts(
        ...     received=dt.date(2025, 1, 6), issue_occurred=dt.date(2024, 12, 2)
        ... ).to_dict()["received"]
        '2025-01-06'
        """
        return record_to_plain(self)

    @classmethod
    def from_dict(cls, data: object, *, path: str = "facts") -> ExclusionFacts:
        """Rebuild facts from :meth:`to_dict` output.

        Raises:
            InvalidRecord: With the path of the bad field.

        >>> f = ExclusionFacts(received=dt.date(2025, 1, 6), issue_occurred=dt.date(2024, 12, 2))
        >>> ExclusionFacts.from_dict(f.to_dict()) == f
        True
        >>> ExclusionFacts.from_dict({"received": "6/1/2025", "issue_occurred": "2024-12-02"})
        Traceback (most recent call last):
        ...
        complaintcode.errors.InvalidRecord: facts.received: expected an ISO date (YYYY-MM-DD), got '6/1/2025'
        """
        names = tuple(f.name for f in attrs.fields(cls))
        fields = read_object(data, path, names, ("received", "issue_occurred"))
        prev = fields.pop("previously_considered", None)
        kwargs: dict[str, Any] = {k: stored_date(v, f"{path}.{k}") for k, v in fields.items()}
        if prev is not None:
            p_path = f"{path}.previously_considered"
            p = read_object(
                prev, p_path, ("reference", "completed_stage", "status"), ("reference", "status")
            )
            p["completed_stage"] = read(
                Stage | None, p.get("completed_stage"), f"{p_path}.completed_stage"
            )
            kwargs["previously_considered"] = build(PreviousComplaint, p, p_path)
        return build(cls, kwargs, path)
