"""Reasonable adjustments (5.10) and restrictions on contact (5.14, 5.15), kept under review.

The replay hands each adjustment and restriction event to :class:`CareState`,
which refuses only what no record could hold (a review of an adjustment never
agreed, a second restriction under the same identifier, a review after the
adjustment ended or the restriction was lifted). Everything else is recorded
as it happened, breaches included, and :func:`findings` reports them:

- an adjustment that does not say what was agreed, or is left with no date for
  its next review, or whose review is overdue or came late (5.10);
- a restriction that records no reasons or does not say what it restricts, is
  left with no date for its next review, or whose review is overdue or came
  late (5.14);
- a restriction with no statement of why it is proportionate and of its regard
  for the Equality Act 2010 (5.15; a "should" under the 2022 edition's 4.19,
  so a warning there).

An adjustment stays in place until a review ends it, and a restriction until
it is lifted, whatever the complaint's state: closing the complaint does not
end either, so the record says when they end. A review is due on its date and
overdue from the next day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from complaintcode.complaint._views import TrackedAdjustment, TrackedRestriction
from complaintcode.complaint.events import (
    AdjustmentAgreed,
    AdjustmentReviewed,
    RestrictionImposed,
    RestrictionLifted,
    RestrictionReviewed,
)
from complaintcode.errors import InvalidRecord
from complaintcode.findings import Finding

if TYPE_CHECKING:
    import datetime as dt

    from complaintcode.complaint.events import Event
    from complaintcode.editions import Edition

#: The events this module tracks.
CARE_EVENTS: tuple[type[Event], ...] = (
    AdjustmentAgreed,
    AdjustmentReviewed,
    RestrictionImposed,
    RestrictionReviewed,
    RestrictionLifted,
)


class _Tracked:
    """One adjustment's or restriction's reviews so far, during a replay."""

    __slots__ = ("closed_on", "reviews", "start")

    def __init__(self, start: AdjustmentAgreed | RestrictionImposed) -> None:
        self.start = start
        self.reviews: list[AdjustmentReviewed | RestrictionReviewed] = []
        self.closed_on: dt.date | None = None

    def copy(self) -> _Tracked:
        twin = _Tracked(self.start)
        twin.reviews = self.reviews.copy()
        twin.closed_on = self.closed_on
        return twin

    @property
    def review_by(self) -> dt.date | None:
        """The date of the next review: the last review's, or the first record's."""
        if self.closed_on is not None:
            return None
        if self.reviews:
            return self.reviews[-1].next_review
        return self.start.review_by


class CareState:
    """The adjustments and restrictions of a replayed record, by identifier, in order."""

    __slots__ = ("adjustments", "restrictions")

    def __init__(self) -> None:
        self.adjustments: dict[str, _Tracked] = {}
        self.restrictions: dict[str, _Tracked] = {}

    def copy(self) -> CareState:
        """A copy that can be advanced without touching this one."""
        new = CareState()
        new.adjustments = {k: v.copy() for k, v in self.adjustments.items()}
        new.restrictions = {k: v.copy() for k, v in self.restrictions.items()}
        return new

    def apply(self, event: Event) -> None:
        """Track one event of :data:`CARE_EVENTS`.

        Raises:
            InvalidRecord: For an identifier used twice, or a review or lifting
                of one never recorded or already ended.
        """
        if isinstance(event, AdjustmentAgreed):
            _start(self.adjustments, event.adjustment_id, event, "adjustment", "adjustment_id")
        elif isinstance(event, RestrictionImposed):
            _start(self.restrictions, event.restriction_id, event, "restriction", "restriction_id")
        elif isinstance(event, AdjustmentReviewed):
            tracked = _open(self.adjustments, event.adjustment_id, "adjustment", "adjustment_id")
            tracked.reviews.append(event)
            if event.ended:
                tracked.closed_on = event.on
        elif isinstance(event, RestrictionReviewed):
            tracked = _open(
                self.restrictions, event.restriction_id, "restriction", "restriction_id"
            )
            tracked.reviews.append(event)
        elif isinstance(event, RestrictionLifted):
            tracked = _open(
                self.restrictions, event.restriction_id, "restriction", "restriction_id"
            )
            tracked.closed_on = event.on
        else:  # pragma: no cover  # the replay hands over only CARE_EVENTS
            raise InvalidRecord(f"unknown event {type(event).__name__}", path="kind")

    def adjustment_views(self) -> tuple[TrackedAdjustment, ...]:
        """The adjustments as readers see them, in the order they were agreed."""
        out = []
        for key, tracked in self.adjustments.items():
            agreed = cast("AdjustmentAgreed", tracked.start)
            out.append(
                TrackedAdjustment(
                    adjustment_id=key,
                    adjustment=agreed.adjustment,
                    disability=agreed.disability,
                    agreed_on=agreed.on,
                    review_by=tracked.review_by,
                    reviews=tuple((r.on, r.note) for r in tracked.reviews),
                    ended_on=tracked.closed_on,
                )
            )
        return tuple(out)

    def restriction_views(self) -> tuple[TrackedRestriction, ...]:
        """The restrictions as readers see them, in the order they were imposed."""
        out = []
        for key, tracked in self.restrictions.items():
            imposed = cast("RestrictionImposed", tracked.start)
            out.append(
                TrackedRestriction(
                    restriction_id=key,
                    restriction=imposed.restriction,
                    reasons=imposed.reasons,
                    proportionality=imposed.proportionality,
                    imposed_on=imposed.on,
                    review_by=tracked.review_by,
                    reviews=tuple((r.on, r.note) for r in tracked.reviews),
                    lifted_on=tracked.closed_on,
                )
            )
        return tuple(out)


def _start(
    table: dict[str, _Tracked],
    key: str,
    event: AdjustmentAgreed | RestrictionImposed,
    noun: str,
    path: str,
) -> None:
    if key in table:
        article = "an" if noun == "adjustment" else "a"
        raise InvalidRecord(f"{article} {noun} {key!r} is recorded already", path=path)
    table[key] = _Tracked(event)


def _open(table: dict[str, _Tracked], key: str, noun: str, path: str) -> _Tracked:
    tracked = table.get(key)
    if tracked is None:
        raise InvalidRecord(f"no {noun} {key!r} is recorded", path=path)
    if tracked.closed_on is not None:
        how = "ended" if noun == "adjustment" else "lifted"
        raise InvalidRecord(
            f"the {noun} {key!r} was {how} on {tracked.closed_on.isoformat()}", path=path
        )
    return tracked


# --- the audit ---------------------------------------------------------------------------------


def findings(care: CareState | None, edition: Edition, as_of: dt.date) -> list[Finding]:
    """What the adjustments and restrictions breach, as of the end of ``as_of``.

    Nothing is reported under a rule the complaint's edition does not state
    (the 2022 edition has no record duty like 5.10 or 5.14), and a rule the
    edition states only as a "should" is reported as a warning.
    """
    if care is None:
        return []
    found: list[Finding] = []
    if care.adjustments and edition.in_force("reasonable_adjustments"):
        for key, tracked in care.adjustments.items():
            found += _adjustment(edition, key, tracked, as_of)
    if care.restrictions:
        reviewed = edition.in_force("restrictions")
        proportionate = edition.in_force("restriction_proportionate")
        for key, tracked in care.restrictions.items():
            if reviewed:
                found += _restriction(edition, key, tracked, as_of)
            if proportionate:
                found += _proportionality(edition, key, tracked)
    return found


def _label(noun: str, key: str, what: str) -> str:
    return f"the {noun} {key!r} ({what.strip()})" if what.strip() else f"the {noun} {key!r}"


def _reviews(
    rule: str, edition: Edition, tracked: _Tracked, label: str, as_of: dt.date
) -> list[Finding]:
    """A step that left no next review date, a late review, and a review overdue (5.10, 5.14)."""
    provision, severity = edition.cite(rule), edition.severity(rule)
    found: list[Finding] = []
    due = tracked.start.review_by
    if due is None:
        found.append(
            Finding(
                provision=provision,
                message=f"{label} was recorded with no date for its review",
                severity=severity,
                on=tracked.start.on,
            )
        )
    for review in tracked.reviews:
        if due is not None and review.on > due:
            found.append(
                Finding(
                    provision=provision,
                    message=f"{label} was reviewed on {review.on.isoformat()}, after its review "
                    f"date of {due.isoformat()}",
                    severity=severity,
                    on=review.on,
                    due=due,
                )
            )
        due = review.next_review
        if due is None and not (isinstance(review, AdjustmentReviewed) and review.ended):
            found.append(
                Finding(
                    provision=provision,
                    message=f"{label} was reviewed on {review.on.isoformat()} with no date for "
                    "its next review",
                    severity=severity,
                    on=review.on,
                )
            )
    closed = tracked.closed_on
    if due is not None and closed is not None and closed > due:
        # Only a restriction ends without a review: an adjustment ends by one.
        found.append(
            Finding(
                provision=provision,
                message=f"{label} was lifted on {closed.isoformat()} without the review due on "
                f"{due.isoformat()}",
                severity=severity,
                on=closed,
                due=due,
            )
        )
    elif due is not None and closed is None and as_of > due:
        found.append(
            Finding(
                provision=provision,
                message=f"{label} was due for review on {due.isoformat()} and has not been "
                f"reviewed (as of {as_of.isoformat()})",
                severity=severity,
                on=as_of,
                due=due,
            )
        )
    return found


def _adjustment(edition: Edition, key: str, tracked: _Tracked, as_of: dt.date) -> list[Finding]:
    agreed = cast("AdjustmentAgreed", tracked.start)
    found: list[Finding] = []
    if not agreed.adjustment.strip():
        found.append(
            Finding(
                provision=edition.cite("reasonable_adjustments"),
                message=f"the adjustment {key!r} does not say what was agreed",
                severity=edition.severity("reasonable_adjustments"),
                on=agreed.on,
            )
        )
    label = _label("adjustment", key, agreed.adjustment)
    return found + _reviews("reasonable_adjustments", edition, tracked, label, as_of)


def _restriction(edition: Edition, key: str, tracked: _Tracked, as_of: dt.date) -> list[Finding]:
    imposed = cast("RestrictionImposed", tracked.start)
    provision, severity = edition.cite("restrictions"), edition.severity("restrictions")
    label = _label("restriction", key, imposed.restriction)
    found: list[Finding] = []
    if not imposed.restriction.strip():
        found.append(
            Finding(
                provision=provision,
                message=f"{label} does not say what contact it restricts",
                severity=severity,
                on=imposed.on,
            )
        )
    if not (imposed.reasons or "").strip():
        found.append(
            Finding(
                provision=provision,
                message=f"{label} records no reasons for putting it in place",
                severity=severity,
                on=imposed.on,
            )
        )
    return found + _reviews("restrictions", edition, tracked, label, as_of)


def _proportionality(edition: Edition, key: str, tracked: _Tracked) -> list[Finding]:
    imposed = cast("RestrictionImposed", tracked.start)
    if (imposed.proportionality or "").strip():
        return []
    label = _label("restriction", key, imposed.restriction)
    return [
        Finding(
            provision=edition.cite("restriction_proportionate"),
            message=f"{label} records no statement of why it is proportionate and of its "
            "regard for the Equality Act 2010",
            severity=edition.severity("restriction_proportionate"),
            on=imposed.on,
        )
    ]
