"""The outcomes of the year's responses, and the year's complaints by category (5.12, 9.7).

Each response has an outcome: upheld, partly upheld or not upheld, recorded
with the response or given by its letter's point decisions
(:attr:`~complaintcode.complaint.StageRecord.outcome`). The record keeps each
stage's outcome (5.12): a response whose outcome is neither recorded nor given
by a letter is counted as **unrecorded**, and the report names the gap among
its problems.

- An outcome counts in the year its **response was made**, as responses are
  counted for CH02, at the stage of the response.
- A complaint counts under **each of its categories**: a stage 1 complaint in
  the year it was received, a stage 2 complaint in the year of its escalation
  request, and its outcomes with the year's responses. A complaint with
  several categories counts once under each, so the categories can add up to
  more than the complaints; one with none counts as uncategorised.
- Categories are the landlord's own texts, read without regard to case: the
  spelling that sorts first is the one shown.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.errors import InvalidRecord
from complaintcode.letters import Outcome

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from complaintcode.complaint import Complaint, StageRecord

__all__: list[str] = []

#: The names of the outcome counts, in the order the report shows them.
OUTCOME_FIELDS: tuple[str, ...] = ("upheld", "partly_upheld", "not_upheld", "unrecorded")
_FIELD = {
    Outcome.UPHELD: "upheld",
    Outcome.PARTLY_UPHELD: "partly_upheld",
    Outcome.NOT_UPHELD: "not_upheld",
    None: "unrecorded",
}


def _whole(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidRecord(
            f"expected a whole number, 0 or more, got {value!r}", path=attribute.name
        )


def _count() -> Any:  # noqa: ANN401  # an attrs field, typed Any upstream
    return attrs.field(default=0, validator=_whole)


@attrs.frozen(kw_only=True)
class StageOutcomes:
    """The outcomes of one stage's responses made in the year; they add up with ``+``.

    Attributes:
        upheld: Responses that upheld the complaint.
        partly_upheld: Responses that upheld part of it.
        not_upheld: Responses that upheld none of it.
        unrecorded: Responses with no outcome recorded and no letter that gives one (5.12).

    >>> s = StageOutcomes(upheld=2, not_upheld=1, unrecorded=1)
    >>> (s + s).upheld, s.responses, s.recorded
    (4, 4, 3)
    """

    upheld: int = _count()
    partly_upheld: int = _count()
    not_upheld: int = _count()
    unrecorded: int = _count()

    @property
    def responses(self) -> int:
        """The responses counted, with an outcome or without."""
        return self.upheld + self.partly_upheld + self.not_upheld + self.unrecorded

    @property
    def recorded(self) -> int:
        """The responses with an outcome."""
        return self.responses - self.unrecorded

    def __add__(self, other: object) -> StageOutcomes:
        if not isinstance(other, StageOutcomes):
            return NotImplemented
        return StageOutcomes(**{f: getattr(self, f) + getattr(other, f) for f in OUTCOME_FIELDS})

    def to_dict(self) -> dict[str, int]:
        """The counts as JSON-ready data."""
        return {f: getattr(self, f) for f in OUTCOME_FIELDS}


def _stage_outcomes(value: object) -> StageOutcomes:
    if not isinstance(value, StageOutcomes):
        raise InvalidRecord(f"expected StageOutcomes, got {type(value).__name__}")
    return value


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecord(f"expected a non-empty text, got {value!r}", path=attribute.name)


@attrs.frozen(kw_only=True)
class CategoryCounts:
    """The year's complaints in one category, and the outcomes of their responses (9.7).

    Attributes:
        category: The category, as the landlord words it.
        received: Stage 1 complaints received in the year in this category.
        escalated: Escalation requests made in the year in this category.
        stage_1: The outcomes of the category's stage 1 responses made in the year.
        stage_2: The outcomes of its stage 2 responses made in the year.

    >>> CategoryCounts(category="repairs", received=3).stage_1.responses
    0
    """

    category: str = attrs.field(validator=_text)
    received: int = _count()
    escalated: int = _count()
    stage_1: StageOutcomes = attrs.field(factory=StageOutcomes, converter=_stage_outcomes)
    stage_2: StageOutcomes = attrs.field(factory=StageOutcomes, converter=_stage_outcomes)

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data."""
        return {
            "category": self.category,
            "received": self.received,
            "escalated": self.escalated,
            "stage_1": self.stage_1.to_dict(),
            "stage_2": self.stage_2.to_dict(),
        }


def _categories(value: object) -> tuple[CategoryCounts, ...]:
    """Merge the counts of one category (without regard to case) and order them by category."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InvalidRecord("expected a list of CategoryCounts", path="categories")
    merged: dict[str, list[CategoryCounts]] = {}
    for index, item in enumerate(value):
        if not isinstance(item, CategoryCounts):
            raise InvalidRecord(
                f"expected CategoryCounts, got {type(item).__name__}", path=f"categories[{index}]"
            )
        merged.setdefault(item.category.casefold(), []).append(item)
    out = []
    for key in sorted(merged):
        items = merged[key]
        out.append(
            CategoryCounts(
                category=min(i.category for i in items),
                received=sum(i.received for i in items),
                escalated=sum(i.escalated for i in items),
                stage_1=sum((i.stage_1 for i in items), StageOutcomes()),
                stage_2=sum((i.stage_2 for i in items), StageOutcomes()),
            )
        )
    return tuple(out)


@attrs.frozen(kw_only=True)
class OutcomeCounts:
    """The outcomes of the year's responses by stage, and its complaints by category; add with ``+``.

    Attributes:
        stage_1: The outcomes of the stage 1 responses made in the year.
        stage_2: The outcomes of the stage 2 (final) responses made in the year.
        categories: Each category's counts, ordered by category.
        uncategorised: Stage 1 complaints received in the year with no category.

    >>> a = OutcomeCounts(
    ...     stage_1=StageOutcomes(upheld=1),
    ...     categories=[CategoryCounts(category="Repairs", received=1)],
    ... )
    >>> b = OutcomeCounts(categories=[CategoryCounts(category="repairs", received=2)])
    >>> (a + b).categories[0].category, (a + b).category("REPAIRS").received
    ('Repairs', 3)
    """

    stage_1: StageOutcomes = attrs.field(factory=StageOutcomes, converter=_stage_outcomes)
    stage_2: StageOutcomes = attrs.field(factory=StageOutcomes, converter=_stage_outcomes)
    categories: tuple[CategoryCounts, ...] = attrs.field(default=(), converter=_categories)
    uncategorised: int = _count()

    def category(self, name: str) -> CategoryCounts:
        """The counts of one category (without regard to case); zero counts if it has none."""
        key = name.casefold() if isinstance(name, str) else name
        for counts in self.categories:
            if counts.category.casefold() == key:
                return counts
        return CategoryCounts(category=name)

    def __add__(self, other: object) -> OutcomeCounts:
        if not isinstance(other, OutcomeCounts):
            return NotImplemented
        return OutcomeCounts(
            stage_1=self.stage_1 + other.stage_1,
            stage_2=self.stage_2 + other.stage_2,
            categories=(*self.categories, *other.categories),
            uncategorised=self.uncategorised + other.uncategorised,
        )

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data: ``stage_1``, ``stage_2``, ``categories``, ``uncategorised``."""
        return {
            "stage_1": self.stage_1.to_dict(),
            "stage_2": self.stage_2.to_dict(),
            "categories": [c.to_dict() for c in self.categories],
            "uncategorised": self.uncategorised,
        }


class OutcomeTally:
    """Running totals of outcomes and categories, one complaint at a time."""

    __slots__ = ("by_category", "end", "first", "last", "stages", "uncategorised")

    def __init__(self, first: dt.date, end: dt.date, last: dt.date) -> None:
        #: The year's first day, its last day, and the last day counted.
        self.first, self.end, self.last = first, end, last
        self.stages: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        #: For each category (by its folded text): its spellings and its counters.
        self.by_category: dict[str, tuple[set[str], Counter[str]]] = {}
        self.uncategorised = 0

    def add(self, complaint: Complaint, records: Iterable[StageRecord | None]) -> None:
        """Count a complaint's responses of the year, and its stages started in the year."""
        categories = [
            self.by_category.setdefault(name.casefold(), (set(), Counter()))
            for name in complaint.categories
        ]
        for name, (spellings, _) in zip(complaint.categories, categories, strict=True):
            spellings.add(name)
        for index, record in enumerate(records):
            if record is None:
                continue
            stage = index + 1
            if self.first <= record.started <= self.end:
                if stage == 1 and not categories:
                    self.uncategorised += 1
                for _, counter in categories:
                    counter["received" if stage == 1 else "escalated"] += 1
            responded = record.responded
            if responded is not None and self.first <= responded <= self.last:
                field = _FIELD[record.outcome]
                self.stages[index][field] += 1
                for _, counter in categories:
                    counter[f"stage_{stage}.{field}"] += 1

    def counts(self) -> OutcomeCounts:
        """The totals as :class:`OutcomeCounts`."""
        one, two = (StageOutcomes(**counter) for counter in self.stages)
        categories = [
            CategoryCounts(
                category=min(spellings),
                received=counter["received"],
                escalated=counter["escalated"],
                stage_1=StageOutcomes(**{f: counter[f"stage_1.{f}"] for f in OUTCOME_FIELDS}),
                stage_2=StageOutcomes(**{f: counter[f"stage_2.{f}"] for f in OUTCOME_FIELDS}),
            )
            for spellings, counter in self.by_category.values()
            if counter.total()
        ]
        return OutcomeCounts(
            stage_1=one, stage_2=two, categories=categories, uncategorised=self.uncategorised
        )
