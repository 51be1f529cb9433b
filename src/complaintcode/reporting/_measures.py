"""The measures worked out from the counts: CH01, CH02 and the switches (behind ``reporting``).

Every measure is a :class:`~decimal.Decimal` to one decimal place, halves
rounded up, worked out exactly from whole-number counts; none is ever added up.
:mod:`complaintcode.reporting` exports these names.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING, Any

import attrs

from complaintcode.errors import InvalidRecord

if TYPE_CHECKING:
    from complaintcode.reporting._counts import Counts, StageCounts

__all__: list[str] = []

_EXACT = Context(prec=60, rounding=ROUND_HALF_UP)
_ONE_PLACE = Decimal("0.1")


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidRecord(f"expected True or False, got {value!r}", path=attribute.name)


def one_place(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` to one decimal place, halves rounded up."""
    exact = _EXACT.divide(Decimal(numerator), Decimal(denominator))
    return exact.quantize(_ONE_PLACE, context=_EXACT)


@attrs.frozen(kw_only=True)
class ReportOptions:
    """The documented switches for counting CH01.

    Attributes:
        include_withdrawn: Count complaints the resident withdrew before the
            stage's response (default ``True``: they were received, and a
            withdrawal does not undo that).
        include_not_accepted: Count complaints not accepted (2.1) at stage 1,
            and escalation requests refused (5.11) at stage 2 (default ``False``:
            they never entered that stage; 8.1 reports them separately).

    >>> ReportOptions()
    ReportOptions(include_withdrawn=True, include_not_accepted=False)
    """

    include_withdrawn: bool = attrs.field(default=True, validator=_flag)
    include_not_accepted: bool = attrs.field(default=False, validator=_flag)


@attrs.frozen(kw_only=True)
class CH01:
    """TSM CH01: stage 1 and stage 2 complaints received per 1,000 homes.

    Attributes:
        homes: The homes the measure is relative to.
        stage_1_complaints: The stage 1 complaints counted.
        stage_2_complaints: The stage 2 complaints counted.
        stage_1: Stage 1 complaints per 1,000 homes, to one decimal place.
        stage_2: Stage 2 complaints per 1,000 homes, to one decimal place.

    >>> from complaintcode.reporting import Counts, StageCounts
    >>> ch01(Counts(stage_2=StageCounts(received=3, responded=3)), homes=8_000).stage_2
    Decimal('0.4')
    """

    homes: int
    stage_1_complaints: int
    stage_2_complaints: int
    stage_1: Decimal
    stage_2: Decimal


@attrs.frozen(kw_only=True)
class StageTimeliness:
    """CH02 for one stage: the responses made in the year and how many were in time.

    Attributes:
        responses: Responses made in the year.
        in_time: Of those, by the unextended deadline.
        in_time_with_extension: Of those, in time counting Code-compliant extensions.

    >>> t = StageTimeliness(responses=4, in_time=1, in_time_with_extension=2)
    >>> t.without_extensions, t.with_extensions
    (Decimal('25.0'), Decimal('50.0'))
    """

    responses: int
    in_time: int
    in_time_with_extension: int

    @property
    def with_extensions(self) -> Decimal | None:
        """The percentage in time counting Code-compliant extensions; ``None`` with no responses."""
        return (
            one_place(self.in_time_with_extension * 100, self.responses) if self.responses else None
        )

    @property
    def without_extensions(self) -> Decimal | None:
        """The percentage in time by the unextended deadline; ``None`` with no responses."""
        return one_place(self.in_time * 100, self.responses) if self.responses else None


@attrs.frozen(kw_only=True)
class CH02:
    """TSM CH02: the proportion of complaints responded to within the Code's timescales.

    Attributes:
        stage_1: The stage 1 figures.
        stage_2: The stage 2 figures.

    >>> from complaintcode.reporting import Counts
    >>> ch02(Counts()).stage_1.responses
    0
    """

    stage_1: StageTimeliness
    stage_2: StageTimeliness


def check_homes(homes: object) -> int:
    """``homes`` if it is a whole number above 0, for CH01; else :class:`InvalidRecord`."""
    if not isinstance(homes, int) or isinstance(homes, bool) or homes <= 0:
        raise InvalidRecord(
            f"CH01 is per 1,000 homes: expected a whole number of homes above 0, got {homes!r}",
            path="homes",
        )
    return homes


def ch01(counts: Counts, *, homes: int, options: ReportOptions | None = None) -> CH01:
    """TSM CH01 from the counts: complaints received per 1,000 homes, by stage.

    The complaints counted are those received at the stage in the year, less
    those not accepted (or refused) and those withdrawn unless ``options``
    include them. The rate is ``count * 1000 / homes`` rounded to one decimal
    place, halves rounded up.

    Args:
        counts: The year's counts.
        homes: The homes the landlord owns; more than 0.
        options: The switches; :class:`ReportOptions` defaults if ``None``.

    Returns:
        The :class:`CH01` figures.

    Raises:
        InvalidRecord: For ``homes`` that is not a whole number above 0.

    >>> from complaintcode.reporting import Counts, StageCounts
    >>> c = Counts(stage_1=StageCounts(received=1, still_open=1))
    >>> ch01(c, homes=20_000).stage_1
    Decimal('0.1')
    """
    homes = check_homes(homes)
    options = options or ReportOptions()
    counted = []
    for stage in (counts.stage_1, counts.stage_2):
        n = stage.received
        n -= 0 if options.include_not_accepted else stage.not_accepted
        n -= 0 if options.include_withdrawn else stage.withdrawn
        counted.append(n)
    return CH01(
        homes=homes,
        stage_1_complaints=counted[0],
        stage_2_complaints=counted[1],
        stage_1=one_place(counted[0] * 1000, homes),
        stage_2=one_place(counted[1] * 1000, homes),
    )


def ch02(counts: Counts) -> CH02:
    """TSM CH02 from the counts: the share of the year's responses made in time, by stage.

    Args:
        counts: The year's counts.

    Returns:
        The :class:`CH02` figures, both with and without extensions.

    >>> from complaintcode.reporting import Counts, StageCounts
    >>> s = StageCounts(responses=16, responses_in_time=15, responses_in_time_with_extension=15)
    >>> ch02(Counts(stage_1=s)).stage_1.without_extensions, ch02(Counts()).stage_2.with_extensions
    (Decimal('93.8'), None)
    """
    return CH02(
        stage_1=_timeliness(counts.stage_1),
        stage_2=_timeliness(counts.stage_2),
    )


def _timeliness(s: StageCounts) -> StageTimeliness:
    return StageTimeliness(
        responses=s.responses,
        in_time=s.responses_in_time,
        in_time_with_extension=s.responses_in_time_with_extension,
    )
